"""The 'At a glance' page: one sentence per key finding, each pointing to the chart or
table that shows it, and the scorecard of the letter's claims."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from displacement_report.analysis.findings import Finding
from displacement_report.present.format import count, millions, percent

PAGE_ID = "at-a-glance"
#: A verdict as it reads after a number of claims ("12 hold").
VERDICT_PLURALS = {
    "holds": "hold",
    "roughly holds": "roughly hold",
    "does not hold": "do not hold",
    "not checkable": "cannot be checked with public data",
}
TITLE = "At a glance"


def _by_key(findings: Sequence[Finding]) -> dict[str, Finding]:
    return {f.key: f for f in findings}


def _see(finding: Finding) -> str:
    return f" ({finding.reference})" if finding.reference else ""


def _displacement(found: dict[str, Finding], baseline: int) -> list[str]:
    total = found["forcibly_displaced"]
    sentence = (
        f"<strong>{millions(total.value)}</strong> people were forcibly displaced at the end "
        f"of {total.year}"
    )
    change = found.get("forcibly_displaced_change")
    if change is not None and change.value is not None:
        direction = "more" if change.value >= 0 else "fewer"
        sentence += f", {percent(abs(change.value), 0)} {direction} than at the end of {baseline}"
    sentences = [sentence + _see(total) + "."]
    lmic = found["lmic_share"]
    if lmic.value == lmic.value:  # not NaN: some income group known
        sentences.append(
            f"Low- and middle-income countries hosted <strong>{percent(lmic.value, 0)}</strong> "
            "of the refugees and others in need of international protection."
        )
    hosts = [f for key, f in found.items() if key.startswith("top_host_")]
    if hosts:
        names = [f"{html.escape(h.label.split(': ', 1)[1])} ({millions(h.value)})" for h in hosts]
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        sentences.append(
            f"The largest hosts of refugees under UNHCR's mandate were {listed}{_see(hosts[0])}."
        )
    return sentences


def _protracted(found: dict[str, Finding]) -> list[str]:
    situations, share = found["protracted_situations"], found["protracted_share"]
    if not situations.value:
        return [f"No refugee situation met UNHCR's protracted rule at the end of {share.year}."]
    return [
        f"<strong>{count(situations.value)}</strong> protracted situations held "
        f"{percent(share.value, 0)} of the refugees under UNHCR's mandate{_see(share)}."
    ]


def _focus(found: dict[str, Finding], n_focus: int) -> list[str]:
    sentences = []
    share = found["focus_share"]
    if share.value is not None:
        sentences.append(
            f"The {n_focus} focus countries hosted <strong>{percent(share.value, 1)}</strong> of "
            f"the world's refugees (UNHCR and UNRWA){_see(share)}."
        )
    per_refugee = found.get("eur_per_refugee")
    if per_refugee is None:
        sentences.append(
            f"No public budget figure for reception in the region covers {share.year} or "
            "an earlier year, so no amount per refugee can be given."
        )
    else:
        latest = (
            ""
            if per_refugee.year == share.year
            else f" (the latest year with a budget figure up to {share.year})"
        )
        sentences.append(
            f"The reception-in-the-region budget of {per_refugee.year}{latest} comes to "
            f"<strong>EUR {count(per_refugee.value)} per refugee</strong> hosted in the focus "
            f"countries: a budget, not money spent{_see(per_refugee)}."
        )
    return sentences


def _claims(verdicts: Mapping[str, int], year: int) -> list[str]:
    total = sum(verdicts.values())
    listed = ", ".join(
        f"{n} {VERDICT_PLURALS.get(verdict, verdict)}" for verdict, n in verdicts.items() if n
    )
    return [
        f"Of the letter's <strong>{total}</strong> quantitative claims, recomputed for {year}: "
        f"{html.escape(listed)} (chapter on the letter's claims)."
    ]


def page_html(
    findings: Sequence[Finding],
    verdicts: Mapping[str, int],
    *,
    baseline: int,
    year: int,
    n_focus: int,
) -> str:
    """The page as HTML: an unnumbered chapter listed in the contents."""
    found = _by_key(findings)
    sentences = [
        *_displacement(found, baseline),
        *_protracted(found),
        *_focus(found, n_focus),
        *_claims(verdicts, year),
    ]
    items = "".join(f"<li>{s}</li>" for s in sentences)
    return (
        f'<section class="unnumbered at-a-glance"><h1 id="{PAGE_ID}">{TITLE}</h1>'
        f'<ul class="findings">{items}</ul></section>'
    )
