"""Verdict rules set by the letter's wording.

A claim states a value with a wording ("bijna", "meer dan", "ongeveer", "veruit het
merendeel"); the wording sets the rule a recomputed value must meet. `RULES` holds the
rules with their tolerances, in words for the reader as well (translate with `_()`
where shown).

A verdict is kept as its English code ('holds', 'no figure for 2025') in the assessed
frame, where code compares and counts it; `verdict_text` and `verdict_count` give it
in the edition's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from displacement_report.i18n import N_, _, ngettext, pgettext

HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE = (
    "holds",
    "roughly holds",
    "does not hold",
    "not checkable",
)
#: Verdicts for now only: the claim held then but its figure has moved since; a claim
#: about a named year keeps its verdict of then; an IATI-checkable claim without a file.
OUTDATED_HIGHER, OUTDATED_LOWER, HISTORICAL, NO_IATI_FILE = (
    "outdated (higher now)",
    "outdated (lower now)",
    "historical",
    "not checked: made without the ministry's IATI data",
)
#: Verdict on the letter when an IATI file is given but its receivers carry no channel.
IATI_NOT_CLASSIFIED = "not checked: the IATI file's receivers are not classified by channel"
#: Verdict now for a trend ('enkel toegenomen') that held then and was broken by a year
#: after the letter's period: outdated like a level that has moved, not wrong.
OUTDATED_FELL = "outdated (fell since)"


def no_figure(year: int) -> str:
    """The verdict when the data or the documents hold no figure for `year`."""
    return f"no figure for {year}"


def not_yet(year: int, direction: str) -> str:
    """For a report year before the letter: the claim that held then did not yet hold."""
    return f"not yet in {year} ({direction})"


def outdated(direction: str) -> str:
    return OUTDATED_HIGHER if direction == "higher" else OUTDATED_LOWER


def _relative(value: float, stated: float) -> float:
    return abs(value - stated) / abs(stated) if stated else abs(value)


def _within(holds: float, roughly: float) -> Callable[[float, float, float | None], str]:
    def rule(value: float, stated: float, _high: float | None) -> str:
        gap = _relative(value, stated)
        return HOLDS if gap <= holds else ROUGHLY if gap <= roughly else DOES_NOT_HOLD

    return rule


def _almost(value: float, stated: float, _high: float | None) -> str:
    if stated * 0.9 <= value <= stated * 1.01:
        return HOLDS
    return ROUGHLY if _relative(value, stated) <= 0.15 else DOES_NOT_HOLD


def _more_than(value: float, stated: float, _high: float | None) -> str:
    return HOLDS if value > stated else ROUGHLY if value >= 0.9 * stated else DOES_NOT_HOLD


def _at_least(holds: float, roughly: float) -> Callable[[float, float, float | None], str]:
    def rule(value: float, _stated: float, _high: float | None) -> str:
        return HOLDS if value > holds else ROUGHLY if value > roughly else DOES_NOT_HOLD

    return rule


def _range(value: float, low: float, high: float | None) -> str:
    top = high if high is not None else low
    if low <= value <= top:
        return HOLDS
    near = min(_relative(value, low), _relative(value, top))
    return ROUGHLY if near <= 0.15 else DOES_NOT_HOLD


def _top(value: float, _stated: float, _high: float | None) -> str:
    return HOLDS if value == 1 else ROUGHLY if value <= 3 else DOES_NOT_HOLD


def _below(value: float, stated: float, _high: float | None) -> str:
    return HOLDS if value < stated else ROUGHLY if value < 1.5 * stated else DOES_NOT_HOLD


def _sign(direction: int) -> Callable[[float, float, float | None], str]:
    def rule(value: float, _stated: float, _high: float | None) -> str:
        return HOLDS if value * direction > 0 else DOES_NOT_HOLD

    return rule


#: Wording in the letter -> (rule, the rule in words for the reader).
RULES: dict[str, tuple[Callable[[float, float, float | None], str], str]] = {
    "exact": (
        _within(0.05, 0.15),
        N_("a figure without qualifier ('26 miljoen', '57%'): within 5% holds, within 15% roughly"),
    ),
    "about": (_within(0.10, 0.25), N_("'ongeveer', 'zo'n': within 10% holds, within 25% roughly")),
    "almost": (_almost, N_("'bijna': 90-101% of the figure holds, within 15% roughly")),
    "more_than": (_more_than, N_("'meer dan': above the figure holds, within 10% below roughly")),
    "majority": (_at_least(50, 45), N_("'het merendeel': above 50% holds, above 45% roughly")),
    "majority_by_far": (
        _at_least(66.7, 50),
        N_("'veruit het merendeel': above two thirds holds, above half roughly"),
    ),
    "significant_share": (
        _at_least(10, 5),
        N_("'een significant deel': 10% or more holds, 5% roughly"),
    ),
    "range": (
        _range,
        N_("'tussen ... en ...': inside the range holds, within 15% outside roughly"),
    ),
    "top": (_top, N_("'het hoogst aantal': first holds, in the top three roughly")),
    "increase": (
        _sign(1),
        N_("'toegenomen': higher at the end of the period than at its start holds"),
    ),
    "decrease": (
        _sign(-1),
        N_("'afgenomen': lower at the end of the period than at its start holds"),
    ),
    "only_increase": (
        _sign(1),
        N_("'enkel toegenomen': higher at the end of every year of the period than a year before"),
    ),
    "limited": (
        _below,
        N_(
            "'beperkt perspectief', 'relatief gering': below one tenth holds (fewer than one in "
            "ten refugees finding a durable solution in a year; a contribution below a tenth of "
            "the economy it is set against), below 15% roughly"
        ),
    ),
}


def verdict(value: float | None, stated: float, high: float | None, wording: str) -> str:
    if value is None or pd.isna(value):
        return NOT_CHECKABLE
    return RULES[wording][0](float(value), float(stated), None if pd.isna(high) else high)


_NO_FIGURE = re.compile(r"no figure for (\d{4})")
_NOT_YET = re.compile(r"not yet in (\d{4}) \((higher|lower)\)")


def verdict_text(verdict: str) -> str:
    """A verdict code as the reader sees it, in the edition's language."""
    words = {
        HOLDS: pgettext("verdict", "holds"),
        ROUGHLY: pgettext("verdict", "roughly holds"),
        DOES_NOT_HOLD: pgettext("verdict", "does not hold"),
        NOT_CHECKABLE: pgettext("verdict", "not checkable"),
        OUTDATED_HIGHER: pgettext("verdict", "outdated (higher now)"),
        OUTDATED_LOWER: pgettext("verdict", "outdated (lower now)"),
        OUTDATED_FELL: pgettext("verdict", "outdated (fell since)"),
        HISTORICAL: pgettext("verdict", "historical"),
        NO_IATI_FILE: pgettext("verdict", "not checked: made without the ministry's IATI data"),
        IATI_NOT_CLASSIFIED: pgettext(
            "verdict", "not checked: the IATI file's receivers are not classified by channel"
        ),
    }
    if verdict in words:
        return words[verdict]
    if found := _NO_FIGURE.fullmatch(verdict):
        return _("no figure for {year}").format(year=found.group(1))
    if found := _NOT_YET.fullmatch(verdict):
        text = (
            _("not yet in {year} (higher)")
            if found.group(2) == "higher"
            else _("not yet in {year} (lower)")
        )
        return text.format(year=found.group(1))
    return verdict


def verdict_count(verdict: str, n: int) -> str:
    """'12 hold', '1 does not hold': a number of claims with their verdict."""
    counted = {
        HOLDS: ngettext("{n} holds", "{n} hold", n),
        ROUGHLY: ngettext("{n} roughly holds", "{n} roughly hold", n),
        DOES_NOT_HOLD: ngettext("{n} does not hold", "{n} do not hold", n),
        NOT_CHECKABLE: ngettext(
            "{n} cannot be checked (no figure found)", "{n} cannot be checked (no figure found)", n
        ),
    }.get(verdict)
    if counted is None:
        return _("{n}: {verdict}").format(n=n, verdict=verdict_text(verdict))
    return counted.format(n=n)
