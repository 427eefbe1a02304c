"""Tables of chapter 6: the letter's claims, then as published, then on today's data, and
now, each with its verdict, how it is measured and its sources (titles with links).

The Dutch edition shows each claim in the letter's own words (`letter_quote`), the
English edition the report's paraphrase; texts the report wrote (sections, how a claim
is measured, why it cannot be checked) come from the ledger's column of the edition's
language."""

from __future__ import annotations

import functools
import hashlib
import html
import re
from typing import Any

import pandas as pd
from babel.dates import get_month_names
from babel.numbers import format_decimal, format_percent

from displacement_report import i18n, letter
from displacement_report.analysis.claims.wording import verdict_text
from displacement_report.data.claims import footnote_mark, footnote_numbers
from displacement_report.i18n import _, pgettext
from displacement_report.present import sources
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import (
    as_float,
    count,
    in_millions,
    money,
    one_decimal,
    percent,
)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def _trimmed(value: float, digits: int) -> str:
    """A number with at most `digits` decimals and no trailing zeros: 80 -> '80', 6.7."""
    pattern = "#,##0." + "#" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=i18n.locale_code())


def _minus(text: str) -> str:
    return text.replace("-", "−")


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
        return sign + _("{number} million").format(number=in_millions(abs(number), 1))
    return _minus(count(number))


def _points(number: float) -> str:
    signed = format_decimal(number, format="+#,##0.00;-#,##0.00", locale=i18n.locale_code())
    return _("{number} points").format(number=_minus(signed))


def _rank(number: float) -> str:
    place = int(number)
    ordinals = {1: _("1st"), 2: _("2nd"), 3: _("3rd")}
    return ordinals.get(place) or _("{n}th").format(n=place)


#: How a value reads in each unit other than people.
_UNIT_WRITERS = {
    "percent": lambda n: percent(n, 1),
    "percentage points": _points,
    "EUR": lambda n: money(n, "EUR"),  # 'EUR 135.5 million', 'EUR 2.38 billion'; no '.0'
    "rank": _rank,
    "years": lambda n: _("{number} years").format(number=one_decimal(n)),
}


def _percent_as_written(value: float) -> str:
    """'4.5%', '57%': a percentage as the letter or a document writes it."""
    return format_percent(value / 100, format="#,##0.#%", locale=i18n.locale_code())


def _stated_value(value: float, unit: str) -> str:
    """A figure as the letter writes it, without invented decimals: '80 million', '4.5%'."""
    if unit in ("people", "children"):
        if value >= 1e6:
            return _("{number} million").format(number=_trimmed(value / 1e6, 2))
        return count(value)
    if unit == "percent":
        return _percent_as_written(value)
    # in the letter's own words ('128 miljoen euro'), beside the report's '€ 135,5 miljoen':
    # the context 'as the letter writes it' keeps them apart (terminology.csv)
    if unit == "EUR":
        if value >= 1e9:
            template = pgettext("as the letter writes it", "EUR {number} billion")
            return template.format(number=_trimmed(value / 1e9, 2))
        template = pgettext("as the letter writes it", "EUR {number} million")
        return template.format(number=_trimmed(value / 1e6, 1))
    if unit == "years":
        return _("{number} years").format(number=_trimmed(value, 1))
    return _trimmed(value, 1)


def _wording_alone(wording: str) -> str | None:
    """The letter's wordings that state no figure of their own ("most", "an increase")."""
    words = {
        "majority": pgettext("the letter's wording", "most"),
        "majority_by_far": pgettext("the letter's wording", "by far most"),
        "increase": pgettext("the letter's wording", "an increase"),
        "decrease": pgettext("the letter's wording", "a decrease"),
        "only_increase": pgettext("the letter's wording", "only increases"),
        "top": pgettext("the letter's wording", "the most"),
        "significant_share": pgettext("the letter's wording", "a significant share"),
        "limited": pgettext("the letter's wording", "limited"),
    }
    return words.get(wording)


def stated_phrase(stated: float, high: float | None, unit: str, wording: str) -> str:
    """What the letter states, as a reader would say it: 'almost 80 million'."""
    alone = _wording_alone(wording)
    if alone is not None:
        return alone
    if wording == "range":
        top = _stated_value(high, unit) if high is not None and not pd.isna(high) else ""
        return _("{low} to {high}").format(low=_trimmed(stated, 1), high=top)
    value = _stated_value(stated, unit)
    if wording == "almost":
        return _("almost {value}").format(value=value)
    if wording == "about":
        return _("about {value}").format(value=value)
    if wording == "more_than":
        return _("more than {value}").format(value=value)
    return value


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def letter_quote(quote: str, footnotes: object = None) -> str:
    """The letter's words in quotation marks, its footnote numbers raised as printed
    ('…Plan⁹ voldaan'); a quote that starts inside a sentence opens with an ellipsis."""
    for number in footnote_numbers(footnotes):
        mark = footnote_mark(quote, number)
        if mark is not None:
            quote = quote[: mark.start()] + number.translate(_SUPERSCRIPT) + quote[mark.end() :]
    opening = "" if quote[:1].isupper() else "…"
    return f"‘{opening}{quote}’"


def edition_text(row: Any, column: str) -> str:
    """A text the report wrote for readers, from the ledger column of the edition's
    language (`measure_nl` in Dutch), the English one where that is empty."""
    own = getattr(row, i18n.column_name(column), None)
    text = own if isinstance(own, str) and own else getattr(row, column, "")
    return "" if _missing(text) else str(text)


def claim_statement(row: Any) -> str:
    """The claim as the reader sees it: in the Dutch edition the letter's own words, in
    the English edition the report's paraphrase."""
    quote = getattr(row, "letter_quote", None)
    if i18n.language() == "nl" and isinstance(quote, str) and quote:
        return letter_quote(quote, getattr(row, "quote_footnotes", None))
    return str(row.paraphrase)


@functools.cache
def _english_months() -> dict[str, int]:
    wide = get_month_names("wide", locale="en")
    names = {str(name): number for number, name in wide.items()}
    return names | {name[:3]: number for name, number in names.items()}


_MONTH = re.compile(r"\b(" + "|".join(sorted(_english_months(), key=len, reverse=True)) + r")\b")


def period_text(period: str) -> str:
    """A period as the reference files write it ('end 2022', 'Dec 2014-2022', '2015 to
    2019') in the edition's language; months by CLDR."""
    if i18n.language() == i18n.SOURCE_LANGUAGE or not period:
        return period
    text = re.sub(
        r"\((\d{4}-\d{2}) academic year data\)",
        lambda m: _("({years} academic year data)").format(years=m.group(1)),
        period,
    )
    text = re.sub(r"\bend (\d{4})", lambda m: _("end {year}").format(year=m.group(1)), text)
    to = pgettext("period", "to")
    text = re.sub(r"\bto\b", lambda _m: to, text)

    def month(found: re.Match[str]) -> str:
        # written out, as terminology.csv asks ('december 2014', not 'dec 2014')
        names = get_month_names("wide", locale=i18n.locale_code())
        return str(names[_english_months()[found.group(1)]])

    return _MONTH.sub(month, text)


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
        text = _percent_as_written(as_float(value))  # '85%' as published, not '85.0%'
    if signed and as_float(value) > 0 and not text.startswith("+"):
        text = "+" + text  # a change reads as one: '+14.2 million'
    text = html.escape(text)
    if period:
        text += f" ({html.escape(period_text(period))})"
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
        note = _("secondary source") if source.quality == "secondary" else ""
        # a title as published, our notes on it in the edition's language; the ECB's
        # rates are named by a message of the catalogue
        parts.append(sources.link_html(sources.title(_(source.title)), source.url, note))
    return "; ".join(parts) if parts else html.escape(_("the letter itself only"))


def _then_verdict_cell(row) -> str:
    basis = {
        "published": _("on the figure published then"),
        "today's data": _("on today's data: no figure published at the time was found"),
    }.get(row.then_basis, "")
    if row.published_secondary and row.then_basis == "published":
        basis = _("on the figure published then; secondary sources only")
    return f"<strong>{html.escape(verdict_text(row.then_verdict))}</strong><br>{_small(basis)}"


def _now_cell(row) -> str:
    notes = [row.now_detail]
    if _missing(row.now_value) and not _missing(row.latest_value):
        notes.append(
            _("latest found: {value} ({period})").format(
                value=claim_value(row.latest_value, row.unit),
                period=period_text(row.latest_period),
            )
        )
    elif _missing(row.now_value) and row.now_missing:
        notes.append(row.now_missing)
    if row.now_secondary:
        notes.append(_("secondary sources only"))
    if row.timing == "historical":
        return "–<br>" + _small(_("about a named year or period"))
    # the column head names the report year; a figure's own period only if it differs
    period = "" if row.now_period == str(row.now_year) else row.now_period
    return _value_cell(row.now_value, row.unit, period, *notes, signed=_is_change(row))


def _revised_cell(row) -> str:
    if row.method == "reference" and _missing(row.revised_value):
        return "–<br>" + _small(_("no revised figure found"))
    notes = [row.revised_detail, row.revised_missing]
    if row.revised_verdict:
        verdict = verdict_text(row.revised_verdict)
        notes.insert(0, _("verdict on this figure: {verdict}").format(verdict=verdict))
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


def _claim_head(row) -> str:
    """The claim: in English the paraphrase and the letter's figure, in Dutch the
    letter's own words (which hold the figure)."""
    head = f"<strong>{html.escape(row.claim_id)}</strong> "
    if i18n.language() == "nl" and isinstance(getattr(row, "letter_quote", None), str):
        # the letter's words, quoted: <q> marks them as the minister's, not the report's
        return head + f'<em><q class="cited">{html.escape(claim_statement(row))}</q></em>'
    stated = stated_phrase(row.stated, row.stated_high, row.unit, row.wording)
    return (
        head
        + f"{html.escape(row.paraphrase)}. "
        + "<em>"
        + html.escape(_("Letter: {stated}").format(stated=stated))
        + "</em>"
    )


def _claim_body(row) -> str:
    published = _value_cell(
        row.published_value,
        row.unit,
        row.published_period,
        _("secondary sources only") if row.published_secondary else "",
        signed=_is_change(row),
        as_published=True,
    )
    how = html.escape((edition_text(row, "measure") or edition_text(row, "reason")).rstrip("."))
    how += "."
    if row.published_note:
        how += " " + html.escape(row.published_note) + "."
    how_label, sources_label = _("How measured:"), _("Sources:")
    cells = [
        published,
        _revised_cell(row),
        _then_verdict_cell(row),
        _now_cell(row),
        f"<strong>{html.escape(verdict_text(row.now_verdict))}</strong>",
    ]
    return (
        "<tbody>"
        f'<tr class="claim-head"><td colspan="5">{_claim_head(row)}</td></tr>'
        "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        f'<tr class="claim-how"><td colspan="5"><em>{html.escape(how_label)}</em> '
        f"{how} <em>{html.escape(sources_label)}</em> {_sources_html(row)}.</td></tr>"
        "</tbody>"
    )


def claims_table(assessed: pd.DataFrame, caption: str, now_year: int) -> str:
    """The claims of one section: per claim its statement and the letter's figure, then
    the values then as published, then on today's data and now with the verdicts, then
    how it is measured and the sources (titles with links)."""
    heads = [
        _("Then, as published"),
        _("Then, today's data"),
        _("Verdict on the letter"),
        _("Now ({year})").format(year=now_year),
        _("Verdict now"),
    ]
    head = "<thead><tr>" + "".join(f"<th>{html.escape(h, quote=False)}</th>" for h in heads)
    head += "</tr></thead>"
    bodies = [_claim_body(row) for row in assessed.itertuples()]
    table_id = hashlib.sha256(caption.encode()).hexdigest()[:10]
    source = _("Claims: {letter}; the sources of each claim's figures are under it.").format(
        letter=sources.link_html(letter.citation(), sources.LETTER_URL)
    )
    return (
        f'{_STYLE}<p class="table-title">{html.escape(caption)}</p>'
        f'<table class="claims-ledger" id="T_{table_id}">{head}{"".join(bodies)}</table>'
        f'<p class="source-line">{source}</p>'
    )


def unchecked_claims_table(assessed: pd.DataFrame, caption: str) -> str:
    rows = list(assessed.itertuples())
    frame = pd.DataFrame(
        {
            _("Claim"): [f"{r.claim_id} {claim_statement(r)}" for r in rows],
            _("Why it cannot be checked with public data"): [
                edition_text(r, "reason") for r in rows
            ],
        }
    )
    return table_html(
        frame,
        {},
        caption,
        _("Source: the letter ({url}); the reasons are this report's").format(
            url=sources.LETTER_URL
        ),
        name="unchecked_claims",
    )


def claims_by_section(assessed: pd.DataFrame, now_year: int) -> str:
    """The checkable claims, one table per section of the letter, in the letter's order."""
    from displacement_report.analysis.claims import checked as with_figures

    parts = []
    checked = with_figures(assessed)
    for section in dict.fromkeys(checked["section"]):
        rows = checked[checked["section"] == section]
        title = edition_text(next(rows.itertuples()), "section")
        caption = _("{section}: the letter's claims then and now").format(section=title)
        parts.append(claims_table(rows, caption, now_year))
    return "".join(parts)
