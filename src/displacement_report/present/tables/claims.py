"""Tables of chapter 6: the letter's claims, then as published, then on today's data, and
now, each with its verdict, how it is measured and its sources (titles with links)."""

from __future__ import annotations

import hashlib
import html
from typing import Any

import pandas as pd

from displacement_report import letter
from displacement_report.present import sources
from displacement_report.present.format import (
    as_float,
    count,
    in_millions,
    one_decimal,
    table_html,
)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def _trimmed(value: float, digits: int) -> str:
    """A number with at most `digits` decimals and no trailing zeros: 80 -> '80', 6.7."""
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def claim_value(value: object, unit: str) -> str:
    """A recomputed value in the claim's unit, with the precision its size deserves:
    '78.4 million', '63,696', '4.5%', '+0.39 points', 'EUR 135.5 million', '2nd'."""
    if _missing(value):
        return "–"
    number = as_float(value)
    if unit in ("people", "children"):
        return _people(number)
    writer = _UNIT_WRITERS.get(unit)
    return writer(number) if writer else count(number)


def _people(number: float) -> str:
    if abs(number) >= 1e6:
        sign = "−" if number < 0 else ""
        return f"{sign}{in_millions(abs(number), 1)} million"
    return count(number).replace("-", "−")


#: How a value reads in each unit other than people.
_UNIT_WRITERS = {
    "percent": lambda n: f"{one_decimal(n)}%",
    "percentage points": lambda n: f"{n:+.2f} points".replace("-", "−"),
    "EUR": lambda n: f"EUR {in_millions(n, 1)} million",
    "rank": lambda n: {1: "1st", 2: "2nd", 3: "3rd"}.get(int(n), f"{int(n)}th"),
    "years": lambda n: f"{one_decimal(n)} years",
}


def _stated_value(value: float, unit: str) -> str:
    """A figure as the letter writes it, without invented decimals: '80 million', '4.5%'."""
    if unit in ("people", "children"):
        return f"{_trimmed(value / 1e6, 2)} million" if value >= 1e6 else count(value)
    if unit == "percent":
        return f"{_trimmed(value, 1)}%"
    if unit == "EUR":
        return f"EUR {_trimmed(value / 1e6, 1)} million"
    if unit == "years":
        return f"{_trimmed(value, 1)} years"
    return _trimmed(value, 1)


#: How the letter's wording reads before its figure ("almost 80 million").
_WORDING_PREFIX = {"almost": "almost ", "about": "about ", "more_than": "more than "}
#: Wordings that state no figure of their own ("most", "an increase").
_WORDING_ALONE = {
    "majority": "most",
    "majority_by_far": "by far most",
    "increase": "an increase",
    "decrease": "a decrease",
    "only_increase": "only increases",
    "top": "the most",
    "significant_share": "a significant share",
    "limited": "limited",
}


def stated_phrase(stated: float, high: float | None, unit: str, wording: str) -> str:
    """What the letter states, as a reader would say it: 'almost 80 million'."""
    if wording in _WORDING_ALONE:
        return _WORDING_ALONE[wording]
    if wording == "range":
        top = _stated_value(high, unit) if high is not None and not pd.isna(high) else ""
        return f"{_trimmed(stated, 1)} to {top}"
    return _WORDING_PREFIX.get(wording, "") + _stated_value(stated, unit)


def _small(text: str) -> str:
    return f'<span class="claim-note">{html.escape(text)}</span>' if text else ""


def _value_cell(
    value: object,
    unit: str,
    period: str,
    *notes: str,
    signed: bool = False,
    as_published: bool = False,
) -> str:
    if _missing(value):
        return "–" + "".join(f"<br>{_small(n)}" for n in notes if n)
    text = claim_value(value, unit)
    if as_published and unit == "percent":
        text = f"{_trimmed(as_float(value), 1)}%"  # '85%' as published, not '85.0%'
    if signed and as_float(value) > 0 and not text.startswith("+"):
        text = "+" + text  # a change reads as one: '+14.2 million'
    text = html.escape(text)
    if period:
        text += f" ({html.escape(period)})"
    return text + "".join(f"<br>{_small(n)}" for n in notes if n)


def _is_change(row) -> bool:
    return getattr(row, "kind", "") == "change"


def _sources_html(row) -> str:
    parts = []
    if row.database:
        parts.append(sources.link_html(sources.UNHCR, sources.UNHCR_URL))
    if row.worldbank:
        parts.append(
            sources.link_html("World Bank World Development Indicators", sources.WORLDBANK_URL)
        )
    for source in row.sources:
        note = "secondary source" if source.quality == "secondary" else ""
        parts.append(sources.link_html(source.title, source.url, note))
    return "; ".join(parts) if parts else html.escape("the letter itself only")


def _then_verdict_cell(row) -> str:
    basis = {
        "published": "on the figure published then",
        "today's data": "on today's data: nothing published then in the reference data",
    }.get(row.then_basis, "")
    if row.published_secondary and row.then_basis == "published":
        basis += "; secondary sources only"
    return f"<strong>{html.escape(row.then_verdict)}</strong><br>{_small(basis)}"


def _now_cell(row) -> str:
    notes = [row.now_detail]
    if _missing(row.now_value) and not _missing(row.latest_value):
        notes.append(
            f"latest found: {claim_value(row.latest_value, row.unit)} ({row.latest_period})"
        )
    elif _missing(row.now_value) and row.now_missing:
        notes.append(row.now_missing)
    if row.now_secondary:
        notes.append("secondary sources only")
    if row.timing == "historical":
        return "–" + f"<br>{_small('about a named year or period')}"
    # the column head names the report year; a figure's own period only if it differs
    period = "" if row.now_period == str(row.now_year) else row.now_period
    return _value_cell(row.now_value, row.unit, period, *notes, signed=_is_change(row))


def _revised_cell(row) -> str:
    if row.method == "reference" and _missing(row.revised_value):
        return "–" + f"<br>{_small('no revision in the reference data')}"
    notes = [row.revised_detail, row.revised_missing]
    if row.revised_verdict:
        notes.insert(0, f"by itself: {row.revised_verdict}")
    return _value_cell(
        row.revised_value, row.unit, row.revised_period, *notes, signed=_is_change(row)
    )


_STYLE = """<style>
table.claims-ledger { border-collapse: collapse; font-size: 8.5pt; width: 100%; margin: 0.2em 0; }
table.claims-ledger th { background: #f3f3f3; text-align: left; padding: 0.2em 0.4em; }
table.claims-ledger td { padding: 0.15em 0.4em; vertical-align: top; text-align: left; }
table.claims-ledger tbody { break-inside: avoid; page-break-inside: avoid; }
table.claims-ledger tr.claim-head td { border-top: 1px solid #bbb; padding-top: 0.35em; }
table.claims-ledger tr.claim-how td { color: #444; font-size: 7.5pt; padding-bottom: 0.35em; }
table.claims-ledger .claim-note { color: #555; font-size: 7.5pt; }
table.claims-ledger a { color: #1f4e8c; }
</style>"""


def claims_table(assessed: pd.DataFrame, caption: str, now_year: int) -> str:
    """The claims of one section: per claim its statement and the letter's figure, then
    the values then as published, then on today's data and now with the verdicts, then
    how it is measured and the sources (titles with links)."""
    head = (
        "<thead><tr><th>Then, as published</th><th>Then, today's data</th>"
        f"<th>Verdict on the letter</th><th>Now ({now_year})</th><th>Verdict now</th></tr></thead>"
    )
    bodies = []
    row: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for row in assessed.itertuples():
        stated = stated_phrase(row.stated, row.stated_high, row.unit, row.wording)
        claim = (
            f"<strong>{html.escape(row.claim_id)}</strong> {html.escape(row.paraphrase)}. "
            f"<em>Letter: {html.escape(stated)}</em>"
        )
        published = _value_cell(
            row.published_value,
            row.unit,
            row.published_period,
            "secondary sources only" if row.published_secondary else "",
            signed=_is_change(row),
            as_published=True,
        )
        how = html.escape((row.measure or row.reason).rstrip(".")) + "."
        if row.published_note:
            how += " " + html.escape(row.published_note) + "."
        cells = [
            published,
            _revised_cell(row),
            _then_verdict_cell(row),
            _now_cell(row),
            f"<strong>{html.escape(row.now_verdict)}</strong>",
        ]
        bodies.append(
            "<tbody>"
            f'<tr class="claim-head"><td colspan="5">{claim}</td></tr>'
            "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
            f'<tr class="claim-how"><td colspan="5"><em>How measured:</em> {how} '
            f"<em>Sources:</em> {_sources_html(row)}.</td></tr>"
            "</tbody>"
        )
    table_id = hashlib.sha256(caption.encode()).hexdigest()[:10]
    return (
        f'{_STYLE}<p class="table-title">{html.escape(caption)}</p>'
        f'<table class="claims-ledger" id="T_{table_id}">{head}{"".join(bodies)}</table>'
        '<p class="source-line">Claims: '
        f"{sources.link_html(letter.CITATION, sources.LETTER_URL)}; "
        "the sources of each claim's figures are under it.</p>"
    )


def unchecked_claims_table(assessed: pd.DataFrame, caption: str) -> str:
    frame = pd.DataFrame(
        {
            "Claim": [f"{r.claim_id} {r.paraphrase}" for r in assessed.itertuples()],
            "Why it cannot be checked with public data": assessed["reason"].to_numpy(),
        }
    )
    return table_html(
        frame,
        {},
        caption,
        f"Source: the letter ({sources.LETTER_URL}); the reasons are this report's",
    )


def claims_by_section(assessed: pd.DataFrame, now_year: int) -> str:
    """The checkable claims, one table per section of the letter, in the letter's order."""
    from displacement_report.analysis.claims import checked as with_figures

    parts = []
    checked = with_figures(assessed)
    for section in dict.fromkeys(checked["section"]):
        rows = checked[checked["section"] == section]
        parts.append(claims_table(rows, f"{section}: the letter's claims then and now", now_year))
    return "".join(parts)
