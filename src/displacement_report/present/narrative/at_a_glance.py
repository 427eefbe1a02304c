"""The 'At a glance' page: one sentence per key finding, each pointing to the chart or
table that shows it, and the scorecard of the letter's claims."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence

from babel.lists import format_list

from displacement_report.analysis.findings import Finding
from displacement_report.i18n import N_, _, locale_code, ngettext
from displacement_report.present.format import count, millions, percent

PAGE_ID = "at-a-glance"
#: A verdict as it reads after a number of claims ("12 hold").
VERDICT_PLURALS: dict[str, Callable[[int], str]] = {
    "holds": lambda n: ngettext("{n} holds", "{n} hold", n),
    "roughly holds": lambda n: ngettext("{n} roughly holds", "{n} roughly hold", n),
    "does not hold": lambda n: ngettext("{n} does not hold", "{n} do not hold", n),
    "not checkable": lambda n: ngettext(
        "{n} cannot be checked (no figure found)", "{n} cannot be checked (no figure found)", n
    ),
    "outdated (higher now)": lambda n: ngettext(
        "{n} is outdated (higher now)", "{n} are outdated (higher now)", n
    ),
    "outdated (lower now)": lambda n: ngettext(
        "{n} is outdated (lower now)", "{n} are outdated (lower now)", n
    ),
    "outdated (fell since)": lambda n: ngettext(
        "{n} is outdated (fell since)", "{n} are outdated (fell since)", n
    ),
    "historical": lambda n: ngettext(
        "{n} is about a past year and keeps its verdict",
        "{n} are about a past year and keep their verdict",
        n,
    ),
    "not checked: no IATI file given": lambda n: ngettext(
        "{n} is not checked (no IATI file was given)",
        "{n} are not checked (no IATI file was given)",
        n,
    ),
}
#: Verdicts that name a year: 'no figure for 2025', 'not yet in 2015 (lower)'.
_NO_FIGURE = re.compile(r"no figure for (?P<year>\d{4})$")
_NOT_YET = re.compile(r"not yet in (?P<year>\d{4}) \((?P<direction>higher|lower)\)$")
_NOT_YET_PLURALS: dict[str, Callable[[int], str]] = {
    "higher": lambda n: ngettext(
        "{n} did not hold yet in {year} (the figure was higher)",
        "{n} did not hold yet in {year} (the figures were higher)",
        n,
    ),
    "lower": lambda n: ngettext(
        "{n} did not hold yet in {year} (the figure was lower)",
        "{n} did not hold yet in {year} (the figures were lower)",
        n,
    ),
}
TITLE = N_("At a glance")


def _by_key(findings: Sequence[Finding]) -> dict[str, Finding]:
    return {f.key: f for f in findings}


def _see(finding: Finding) -> str:
    return f" ({finding.reference})" if finding.reference else ""


def _strong(text: str) -> str:
    return f"<strong>{text}</strong>"


def _total_sentence(found: dict[str, Finding], baseline: int) -> str:
    total = found["forcibly_displaced"]
    fields = {
        "total": _strong(millions(total.value)),
        "year": total.year,
        "baseline": baseline,
        "see": _see(total),
    }
    change = found.get("forcibly_displaced_change")
    if change is None or change.value is None:
        return _("{total} people were forcibly displaced at the end of {year}{see}.").format(
            **fields
        )
    fields["change"] = percent(abs(change.value), 0)
    if change.value >= 0:
        return _(
            "{total} people were forcibly displaced at the end of {year}, {change} more than "
            "at the end of {baseline}{see}."
        ).format(**fields)
    return _(
        "{total} people were forcibly displaced at the end of {year}, {change} fewer than "
        "at the end of {baseline}{see}."
    ).format(**fields)


def _displacement(found: dict[str, Finding], baseline: int) -> list[str]:
    sentences = [_total_sentence(found, baseline)]
    lmic = found["lmic_share"]
    if lmic.value == lmic.value:  # not NaN: some income group known
        sentences.append(
            _(
                "Low- and middle-income countries hosted {share} of the refugees and others "
                "in need of international protection."
            ).format(share=_strong(percent(lmic.value, 0)))
        )
    hosts = [f for key, f in found.items() if key.startswith("top_host_")]
    if hosts:
        # a host's label ends in ': <country>' in every language
        names = [
            _("{country} ({number})").format(
                country=html.escape(h.label.split(": ", 1)[1]), number=millions(h.value)
            )
            for h in hosts
        ]
        sentences.append(
            ngettext(
                "The largest host of refugees under UNHCR's mandate was {hosts}{see}.",
                "The largest hosts of refugees under UNHCR's mandate were {hosts}{see}.",
                len(hosts),
            ).format(hosts=format_list(names, locale=locale_code()), see=_see(hosts[0]))
        )
    return sentences


def _protracted(found: dict[str, Finding]) -> list[str]:
    situations, share = found["protracted_situations"], found["protracted_share"]
    if not situations.value:
        return [
            _("No refugee situation met UNHCR's protracted rule at the end of {year}.").format(
                year=share.year
            )
        ]
    n = int(situations.value)
    return [
        ngettext(
            "{n} protracted situation held {share} of the refugees under UNHCR's mandate{see}.",
            "{n} protracted situations held {share} of the refugees under UNHCR's mandate{see}.",
            n,
        ).format(n=_strong(count(n)), share=percent(share.value, 0), see=_see(share))
    ]


def _budget_sentence(per_refugee: Finding, year: int | None) -> str:
    fields = {
        "budget_year": per_refugee.year,
        "year": year,
        "amount": _strong(_("EUR {amount} per refugee").format(amount=count(per_refugee.value))),
        "see": _see(per_refugee),
    }
    if per_refugee.year == year:
        return _(
            "The reception-in-the-region budget of {budget_year} comes to {amount} hosted in "
            "the focus countries: a budget, not money spent{see}."
        ).format(**fields)
    return _(
        "The reception-in-the-region budget of {budget_year} (the latest year with a budget "
        "figure up to {year}) comes to {amount} hosted in the focus countries: a budget, not "
        "money spent{see}."
    ).format(**fields)


def _focus(found: dict[str, Finding], n_focus: int) -> list[str]:
    sentences = []
    share = found["focus_share"]
    if share.value is not None:
        fields = {"n": n_focus, "share": _strong(percent(share.value, 1)), "see": _see(share)}
        if n_focus == 1:
            text = _(
                "The focus country hosted {share} of the world's refugees (UNHCR and UNRWA){see}."
            )
        else:
            text = _(
                "The {n} focus countries hosted {share} of the world's refugees (UNHCR and "
                "UNRWA){see}."
            )
        sentences.append(text.format(**fields))
    per_refugee = found.get("eur_per_refugee")
    if per_refugee is None:
        sentences.append(
            _(
                "No public budget figure for reception in the region covers {year} or an "
                "earlier year, so no amount per refugee can be given."
            ).format(year=share.year)
        )
    else:
        sentences.append(_budget_sentence(per_refugee, share.year))
    return sentences


def _verdict_count(verdict: str, n: int) -> str:
    """'3 hold', '10 without a figure for 2025': a verdict after its number of claims."""
    if verdict in VERDICT_PLURALS:
        return VERDICT_PLURALS[verdict](n).format(n=n)
    if found := _NO_FIGURE.match(verdict):
        return ngettext("{n} has no figure for {year}", "{n} have no figure for {year}", n).format(
            n=n, year=found["year"]
        )
    if found := _NOT_YET.match(verdict):
        return _NOT_YET_PLURALS[found["direction"]](n).format(n=n, year=found["year"])
    return f"{n} {verdict}"


def _claims(
    verdicts: Mapping[str, int], year: int, then: Mapping[str, int] | None = None
) -> list[str]:
    """The scorecard: the letter's own verdict first (on the figures published then, which
    the minister could know, 'none does not hold' said outright), then the recount for
    the report year."""
    total = sum(verdicts.values())
    listed = ", ".join(_verdict_count(verdict, n) for verdict, n in verdicts.items() if n)
    if then is None:
        return [
            ngettext(
                "Of the letter's {total} quantitative claim, recomputed for {year}: {verdicts} "
                "(chapter on the letter's claims).",
                "Of the letter's {total} quantitative claims, recomputed for {year}: {verdicts} "
                "(chapter on the letter's claims).",
                total,
            ).format(total=_strong(str(total)), year=year, verdicts=html.escape(listed))
        ]
    judged = ", ".join(
        _verdict_count(verdict, n) for verdict, n in then.items() if n or verdict == "does not hold"
    )
    return [
        ngettext(
            "Of the letter's {total} quantitative claim, judged on the figures published "
            "then: {then}. Recomputed for {year}: {verdicts} (chapter on the letter's claims).",
            "Of the letter's {total} quantitative claims, judged on the figures published "
            "then: {then}. Recomputed for {year}: {verdicts} (chapter on the letter's claims).",
            total,
        ).format(
            total=_strong(str(total)),
            then=html.escape(judged),
            year=year,
            verdicts=html.escape(listed),
        )
    ]


def page_html(
    findings: Sequence[Finding],
    verdicts: Mapping[str, int],
    *,
    baseline: int,
    year: int,
    n_focus: int,
    then_verdicts: Mapping[str, int] | None = None,
) -> str:
    """The page as HTML: an unnumbered chapter listed in the contents. `verdicts`: the
    claims' verdicts recomputed for `year`; `then_verdicts`: the letter's own (on what
    was published then)."""
    found = _by_key(findings)
    sentences = [
        *_displacement(found, baseline),
        *_protracted(found),
        *_focus(found, n_focus),
        *_claims(verdicts, year, then_verdicts),
    ]
    items = "".join(f"<li>{s}</li>" for s in sentences)
    return (
        f'<section class="unnumbered at-a-glance"><h1 id="{PAGE_ID}">{_(TITLE)}</h1>'
        f'<ul class="findings">{items}</ul></section>'
    )
