"""Verdict rules set by the letter's wording.

A claim states a value with a wording ("bijna", "meer dan", "ongeveer", "veruit het
merendeel"); the wording sets the rule a recomputed value must meet. `RULES` holds the
rules with their tolerances, in words for the reader as well.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

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
    "not checked: no IATI file given",
)


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
        "a figure without qualifier ('26 miljoen', '57%'): within 5% holds, within 15% roughly",
    ),
    "about": (_within(0.10, 0.25), "'ongeveer', 'zo'n': within 10% holds, within 25% roughly"),
    "almost": (_almost, "'bijna': 90-101% of the figure holds, within 15% roughly"),
    "more_than": (_more_than, "'meer dan': above the figure holds, within 10% below roughly"),
    "majority": (_at_least(50, 45), "'het merendeel': above 50% holds, above 45% roughly"),
    "majority_by_far": (
        _at_least(66.7, 50),
        "'veruit het merendeel': above two thirds holds, above half roughly",
    ),
    "significant_share": (
        _at_least(10, 5),
        "'een significant deel': 10% or more holds, 5% roughly",
    ),
    "range": (_range, "'tussen ... en ...': inside the range holds, within 15% outside roughly"),
    "top": (_top, "'het hoogst aantal': first holds, in the top three roughly"),
    "increase": (_sign(1), "'toegenomen': higher at the end of the period than at its start holds"),
    "decrease": (_sign(-1), "'afgenomen': lower at the end of the period than at its start holds"),
    "only_increase": (
        _sign(1),
        "'enkel toegenomen': higher at the end of every year of the period than a year before",
    ),
    "limited": (
        _below,
        "'beperkt perspectief', 'relatief gering': below one tenth holds (fewer than one in "
        "ten refugees finding a durable solution in a year; less than a tenth of the need), "
        "below 15% roughly",
    ),
}


def verdict(value: float | None, stated: float, high: float | None, wording: str) -> str:
    if value is None or pd.isna(value):
        return NOT_CHECKABLE
    return RULES[wording][0](float(value), float(stated), None if pd.isna(high) else high)
