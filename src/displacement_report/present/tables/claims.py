"""Tables of the claims chapter: the letter's claims, then as published, then on today's
data, and now, each with its verdict, how it is measured and its sources (titles with
links); and the claims that cannot be checked, with what was searched and not found.

The ledger is one numbered table (`claims_table`), its data published beside it like
every exhibit's (`ledger_frame`: claim, the letter's words, each column's value and
year, verdicts, rule, how measured, sources). A claim's second measure is a line of its
own, labelled as such; a later budget stage is listed as a later decision; neither is a
revision. The Dutch edition shows each claim in the letter's own words (`letter_quote`),
the English edition the report's paraphrase; texts the report wrote (sections, how a
claim is measured, why it cannot be checked) come from the ledger's column of the
edition's language."""

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
from displacement_report.analysis import exchange
from displacement_report.analysis.claims.wording import RULES, verdict_text
from displacement_report.data.claims import footnote_mark, footnote_numbers
from displacement_report.i18n import N_, _, ngettext, pgettext
from displacement_report.present import exhibits, sources, vocabulary
from displacement_report.present.exhibits import TABLE, table_html
from displacement_report.present.format import (
    as_float,
    count,
    in_millions,
    missing,
    money,
    one_decimal,
    percent,
)


def _trimmed(value: float, digits: int) -> str:
    """A number with at most `digits` decimals and no trailing zeros: 80 -> '80', 6.7."""
    pattern = "#,##0." + "#" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=i18n.locale_code())


def _minus(text: str) -> str:
    return text.replace("-", "−")


def claim_value(value: object, unit: str) -> str:
    """A recomputed value in the claim's unit, with the precision its size deserves:
    '78.4 million', '63,696', '4.5%', '+0.39 points', 'EUR 135.5 million', '2nd'."""
    if missing(value):
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
    "percent": lambda n: percent(n, 2) if abs(n) < 1 else percent(n, 1),
    "percentage points": _points,
    "EUR": lambda n: money(n, "EUR"),  # 'EUR 135.5 million', 'EUR 2.38 billion'; no '.0'
    "rank": _rank,
    "years": lambda n: _("{number} years").format(number=one_decimal(n)),
    "partners": lambda n: ngettext("{n} partner", "{n} partners", int(n)).format(n=count(n)),
    "countries": lambda n: ngettext("{n} country", "{n} countries", int(n)).format(n=count(n)),
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
    if unit in ("partners", "countries"):
        return _UNIT_WRITERS[unit](value)
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
    return "" if missing(text) else str(text)


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
    text = re.sub(r"\bmid-(\d{4})", lambda m: _("mid-{year}").format(year=m.group(1)), text)
    to = pgettext("period", "to")
    text = re.sub(r"\bto\b", lambda _m: to, text)

    def month(found: re.Match[str]) -> str:
        # written out, as terminology.csv asks ('december 2014', not 'dec 2014')
        names = get_month_names("wide", locale=i18n.locale_code())
        return str(names[_english_months()[found.group(1)]])

    return _MONTH.sub(month, text)


class _Marked(str):
    """A note that is HTML already (a cited title in its `cite` element), not text."""


def _small(text: str) -> str:
    body = text if isinstance(text, _Marked) else html.escape(text)
    return f'<span class="claim-note">{body}</span>' if text else ""


_GLOBAL_TRENDS = re.compile(r"UNHCR, Global Trends (\d{4}) \(June \d{4}\)")


def publications_text(publications: Any) -> str:
    """The publications a value comes from, as the reader sees them: a run of three or
    more Global Trends reports as one span ('UNHCR, Global Trends 2015–2019 (June
    2016–June 2020)': each edition appears in June of the year after its figures)."""
    named = [str(p) for p in (publications or ()) if p]
    years = [int(m.group(1)) for p in named if (m := _GLOBAL_TRENDS.fullmatch(p))]
    if len(years) >= 3 and years == list(range(min(years), max(years) + 1)):
        first = next(i for i, p in enumerate(named) if _GLOBAL_TRENDS.fullmatch(p))
        named = [p for p in named if not _GLOBAL_TRENDS.fullmatch(p)]
        published = f"June {min(years) + 1}–June {max(years) + 1}"
        named.insert(first, f"UNHCR, Global Trends {min(years)}–{max(years)} ({published})")
    return "; ".join(period_text(p) for p in named)


def _from(publications: Any) -> str:
    """'from UNHCR, Global Trends 2019 (June 2020)': the publications a value comes from,
    their titles as cited (in their own language, in `cite`)."""
    named = publications_text(publications)
    if not named:
        return ""
    cited = f"<cite>{html.escape(named)}</cite>"
    return _Marked(html.escape(_("from {publications}")).format(publications=cited))


#: Scripts the report's font cannot show (a title on a Japanese or Korean page).
_UNSHOWN_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_SCRIPT_LANGUAGES = (
    (re.compile(r"[\u3040-\u30ff]"), N_("a page in Japanese")),
    (re.compile(r"[\uac00-\ud7af]"), N_("a page in Korean")),
    (re.compile(r"[\u3400-\u9fff]"), N_("a page in Chinese or Japanese")),
)


def readable_title(title: str) -> str:
    """A source title as printed, except that a part in a script the report's font
    cannot show is left out and the page's language said instead ('UNHCR Japan
    (unhcr.org/jp/...), a page in Japanese'): the link leads to the original."""
    if not _UNSHOWN_SCRIPT.search(title):
        return title
    language = next(_(name) for pattern, name in _SCRIPT_LANGUAGES if pattern.search(title))
    parts = [p for p in re.split(r"\s+[–-]\s+", title) if not _UNSHOWN_SCRIPT.search(p)]
    kept = " – ".join(parts) or _UNSHOWN_SCRIPT.sub("", title).strip(" –-()")
    return f"{kept}, {language}"


def _signed(value: float, unit: str) -> str:
    """A change with its sign; one that rounds to zero without ('0.0', never '+0.0')."""
    text = claim_value(value, unit)
    if not any(c in "123456789" for c in text):
        return text.lstrip("+-−")
    return "+" + text if value > 0 and not text.startswith("+") else text


def _signed_millions(change: float) -> str:
    """A change in people as signed millions to one decimal ('+2.9', '−0.4'); one that
    rounds to zero as '0.0', without a sign (it has no direction)."""
    text = f"{change / 1e6:+.1f}"
    return "0.0" if float(text) == 0 else _minus(text)


def _steps(changes: Any, unit: str) -> str:
    """'each year, million: 2016 +0.3; 2017 +2.9; ...': a trend's yearly changes, all of
    them, so the reader can judge 'enkel toegenomen' for himself."""
    steps = [(period_text(str(p)), float(c)) for p, c in (changes or ())]
    if not steps:
        return ""
    if unit in ("people", "children") and max(abs(c) for _p, c in steps) >= 1e6:
        listed = [f"{p} {_signed_millions(c).replace('.', _decimal())}" for p, c in steps]
        return _("each year, million: {changes}").format(changes="; ".join(listed))
    listed = [f"{p} {_signed(c, unit)}" for p, c in steps]
    return _("each year: {changes}").format(changes="; ".join(listed))


def _decimal() -> str:
    return format_decimal(0.5, format="0.0", locale=i18n.locale_code())[1]


def _value_cell(
    value: object,
    unit: str,
    period: str,
    *notes: str,
    signed: bool = False,
    as_published: bool = False,
    label: str = "",
) -> str:
    if missing(value):
        return "–" + "".join(f"<br>{_small(n)}" for n in notes if n)
    text = claim_value(value, unit)
    if as_published and unit == "percent":
        text = _percent_as_written(as_float(value))  # '85%' as published, not '85.0%'
    if signed and as_float(value) > 0 and not text.startswith("+"):
        text = "+" + text  # a change reads as one: '+14.2 million'
    text = html.escape(text)
    if period:
        text += f" ({html.escape(period_text(period))})"
    if label:
        text = f"{_small(label)}<br>{text}"
    return text + "".join(f"<br>{_small(n)}" for n in notes if n)


def _is_change(row) -> bool:
    return getattr(row, "kind", "") == "change"


def _stage(stage: object) -> str:
    """A budget figure says its stage: 'draft budget'."""
    return vocabulary.kind_label(str(stage)) if stage in vocabulary.KIND_LABELS else ""


def _with_stage(period: str, stage: object) -> str:
    named = _stage(stage)
    return f"{period}, {named}" if named and period else named or period


def _trend_label(row) -> str:
    """What a trend claim's value is: the smallest of the yearly changes."""
    return _("smallest yearly change:") if row.wording == "only_increase" else ""


def source_list(row) -> list[tuple[str, str, str]]:
    """(title, url, note) of each source a claim's figures rest on."""
    found = []
    if row.database:
        found.append((sources.UNHCR, sources.UNHCR_URL, ""))
    if getattr(row, "geonames", False):
        found.append((_("GeoNames country information (land borders)"), GEONAMES_URL, ""))
    if row.worldbank:
        found.append(("World Bank World Development Indicators", sources.WORLDBANK_URL, ""))
    for source in row.sources:
        note = _("secondary source") if source.quality == "secondary" else ""
        title = exchange.rates_name() if source.title == exchange.ECB_RATES else source.title
        # a title as published, our notes on it in the edition's language
        found.append((readable_title(sources.title(title)), source.url, note))
    return found


GEONAMES_URL = "https://www.geonames.org/"


def _sources_html(row) -> str:
    parts = [sources.link_html(title, url, note) for title, url, note in source_list(row)]
    return "; ".join(parts) if parts else html.escape(_("the letter itself only"))


#: How the verdict on the letter was reached, by the basis `assess` names.
_BASIS = {
    "published": N_("on the figure published then"),
    "today's data": N_("on today's data: nothing published then was found"),
    "later document": N_("on a later document: nothing published then was found"),
}


def basis_text(row) -> str:
    if row.published_secondary and row.then_basis == "published":
        return _("on the figure published then; secondary sources only")
    if getattr(row, "revised_secondary", False) and row.then_basis == "later document":
        return _("on a later document, secondary sources only: nothing published then was found")
    return _(_BASIS[row.then_basis]) if row.then_basis in _BASIS else ""


def _then_verdict_cell(row) -> str:
    verdict = html.escape(verdict_text(row.then_verdict))
    return f"<strong>{verdict}</strong><br>{_small(basis_text(row))}"


def _now_cell(row) -> str:
    notes = [row.now_detail, _steps(getattr(row, "now_changes", ()), row.unit)]
    stage = getattr(row, "now_stage", "")
    if missing(row.now_value) and not missing(row.latest_value):
        notes.append(
            _("latest found: {value} ({period})").format(
                value=claim_value(row.latest_value, row.unit),
                period=_with_stage(period_text(row.latest_period), stage),
            )
        )
    elif missing(row.now_value) and row.now_missing:
        notes.append(row.now_missing)
    if row.now_secondary:
        notes.append(_("secondary sources only"))
    if row.timing == "historical":
        return "–<br>" + _small(_("about a named year or period"))
    # the column head names the report year; a figure's own period only if it differs
    period = "" if row.now_period == str(row.now_year) else row.now_period
    if not missing(row.now_value):
        period = _with_stage(period, stage)
    return _value_cell(
        row.now_value,
        row.unit,
        period,
        *notes,
        signed=_is_change(row),
        label=_trend_label(row) if not missing(row.now_value) else "",
    )


def decision_text(decision: dict, unit: str) -> str:
    """'2nd supplementary budget: EUR 135.5 million (2021)'."""
    stage = str(decision["stage"])
    name = vocabulary.kind_label(stage) if stage in vocabulary.KIND_LABELS else stage
    return _("{stage}: {value} ({period})").format(
        stage=name, value=claim_value(decision["value"], unit), period=decision["period"]
    )


def decision_phrase(decision: dict, unit: str) -> str:
    """'2nd supplementary budget (EUR 135.5 million, 2021)', for a sentence."""
    return _("{stage} ({value}, {period})").format(
        stage=_stage(decision["stage"]) or decision["stage"],
        value=claim_value(decision["value"], unit),
        period=decision["period"],
    )


def stage_name(stage: object) -> str:
    return _stage(stage)


def _decisions_cell(row) -> str:
    decisions = getattr(row, "later_decisions", None) or []
    listed = "; ".join(decision_text(d, row.unit) for d in decisions)
    return "–<br>" + _small(
        _("later decision, not a revision: {decisions}; it does not change the verdict").format(
            decisions=listed
        )
    )


def _revised_cell(row) -> str:
    if getattr(row, "later_decisions", None):
        return _decisions_cell(row)
    if row.method == "reference" and missing(row.revised_value):
        return "–<br>" + _small(_("no revised figure found"))
    notes = [
        _from(getattr(row, "revised_from", ())),
        row.revised_detail,
        _steps(getattr(row, "revised_changes", ()), row.unit),
        row.revised_missing,
    ]
    if row.method == "reference" and not missing(row.revised_value):
        notes.insert(0, _("a later document"))
        if getattr(row, "revised_secondary", False):
            notes.append(_("secondary sources only"))
    if row.revised_verdict and row.then_basis == "published":
        notes.insert(
            0,
            _("verdict on this figure: {verdict}").format(
                verdict=verdict_text(row.revised_verdict)
            ),
        )
    return _value_cell(
        row.revised_value,
        row.unit,
        row.revised_period,
        *notes,
        signed=_is_change(row),
        label=_trend_label(row) if not missing(row.revised_value) else "",
    )


def _published_cell(row) -> str:
    return _value_cell(
        row.published_value,
        row.unit,
        _with_stage(row.published_period, getattr(row, "published_stage", "")),
        _from(getattr(row, "published_from", ())),
        _steps(getattr(row, "published_changes", ()), row.unit),
        _("secondary sources only") if row.published_secondary else "",
        signed=_is_change(row),
        as_published=True,
        label=_trend_label(row) if not missing(row.published_value) else "",
    )


_STYLE = """<style>
table.claims-ledger { border-collapse: collapse; font-size: 8.5pt; width: 100%; margin: 0.2em 0; }
table.claims-ledger caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
table.claims-ledger th { background: #f3f3f3; text-align: left; padding: 0.2em 0.4em; }
table.claims-ledger td { padding: 0.15em 0.4em; vertical-align: top; text-align: left; }
table.claims-ledger tr.claim-section th { background: none; font-size: 9.5pt;
  border-bottom: 1px solid #888; padding-top: 0.8em; }
/* a claim's rows stay together, kept row by row: WeasyPrint splits a first row group
   marked unbreakable anyway */
table.claims-ledger tr.claim-head + tr, table.claims-ledger tr.claim-how,
table.claims-ledger tr.claim-second { break-before: avoid; }
table.claims-ledger tr.claim-head td { border-top: 1px solid #bbb; padding-top: 0.35em; }
table.claims-ledger tr.claim-second td { color: #333; font-size: 7.5pt; }
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


def second_values(row) -> str:
    """'then 64.2% for 2019; now 70.7% for 2025': the claim on its second measure, a
    published figure as it was published ('85%') and named by its publication."""
    parts = []
    if not missing(getattr(row, "second_then_value", None)):
        published = bool(getattr(row, "second_from", ()))
        value = as_float(row.second_then_value)
        then = (
            _percent_as_written(value)
            if published and row.unit == "percent"
            else claim_value(value, row.unit)
        )
        fields = {"value": then, "period": period_text(str(row.second_then_period))}
        if published:
            parts.append(
                _("then {value} for {period}, from {publications}").format(
                    **fields, publications=publications_text(row.second_from)
                )
            )
        else:
            parts.append(_("then {value} for {period}").format(**fields))
    if not missing(getattr(row, "second_now_value", None)):
        parts.append(
            _("now {value} for {year}").format(
                value=claim_value(row.second_now_value, row.unit), year=row.now_year
            )
        )
    return "; ".join(parts)


def _second_row(row) -> str:
    label = edition_text(row, "second_label")
    if not label:
        return ""
    values = second_values(row)
    text = html.escape(label.rstrip(".")) + "."
    if values:
        text += " <strong>" + html.escape(values[:1].upper() + values[1:]) + ".</strong>"
    return f'<tr class="claim-second"><td colspan="5">{text}</td></tr>'


def _basis_row(row) -> str:
    """What the verdict rests on, where the ledger says it apart (a borrowed year, one
    secondary source, part of the claim): under the verdicts, before how it is measured."""
    basis = edition_text(row, "basis")
    if not basis:
        return ""
    label = html.escape(_("What the verdict rests on:"))
    return (
        f'<tr class="claim-basis"><td colspan="5"><em>{label}</em> {html.escape(basis)}</td></tr>'
    )


def _claim_body(row, section: str = "") -> str:
    how = html.escape((edition_text(row, "measure") or edition_text(row, "reason")).rstrip("."))
    how += "."
    if row.published_note:
        how += " " + html.escape(row.published_note) + "."
    how_label, sources_label = _("How measured:"), _("Sources:")
    cells = [
        _published_cell(row),
        _revised_cell(row),
        _then_verdict_cell(row),
        _now_cell(row),
        f"<strong>{html.escape(verdict_text(row.now_verdict))}</strong>",
    ]
    heading = (
        f'<tr class="claim-section"><th colspan="5">{html.escape(section)}</th></tr>'
        if section
        else ""
    )
    return (
        "<tbody>"
        + heading
        + f'<tr class="claim-head"><td colspan="5">{_claim_head(row)}</td></tr>'
        + "<tr>"
        + "".join(f"<td>{c}</td>" for c in cells)
        + "</tr>"
        + _second_row(row)
        + _basis_row(row)
        + f'<tr class="claim-how"><td colspan="5"><em>{html.escape(how_label)}</em> '
        f"{how} <em>{html.escape(sources_label)}</em> {_sources_html(row)}.</td></tr>"
        "</tbody>"
    )


def column_heads(now_year: int) -> list[str]:
    return [
        _("Then, as published"),
        _("Then, today's data"),
        _("Verdict on the letter"),
        _("Now ({year})").format(year=now_year),
        _("Verdict now"),
    ]


def claims_table(
    assessed: pd.DataFrame, caption: str, now_year: int, name: str = "claims_ledger"
) -> str:
    """The checkable claims as one numbered table, in the letter's order under its
    sections: per claim its statement and the letter's figure, the values then as
    published, then on today's data and now with the verdicts, a second measure where
    there is one, then how it is measured and the sources (titles with links). Its data
    (`ledger_frame`) is saved beside it and goes into the workbook."""
    heads = column_heads(now_year)
    widths = "".join(f'<col style="width: {w}%">' for w in (23, 23, 19, 21, 14))
    head = f"<colgroup>{widths}</colgroup><thead><tr>"
    head += "".join(f"<th>{html.escape(h, quote=False)}</th>" for h in heads)
    head += "</tr></thead>"
    bodies, section = [], None
    for row in assessed.itertuples():
        title = edition_text(row, "section")
        bodies.append(_claim_body(row, title if title != section else ""))
        section = title
    table_id = hashlib.sha256(caption.encode()).hexdigest()[:10]
    number = f'<span class="exhibit-number">{html.escape(_(TABLE))}</span>'
    body = (
        f'{_STYLE}<table class="claims-ledger" id="T_{table_id}">'
        f"<caption>{number} {html.escape(caption)}</caption>{head}{''.join(bodies)}</table>"
    )
    source = _(
        "Source: the claims of {letter} ({url}); the sources of each claim's figures are under it."
    ).format(letter=letter.citation(), url=sources.LETTER_URL)
    data = ledger_frame(assessed, now_year)
    # figures in several units, printed at most to a tenth (a share, millions)
    tenths = dict.fromkeys([str(c) for c in data.columns], 1)
    return exhibits.table_exhibit(body, data, caption, source, name, decimals=tenths)


def _number(value: object) -> object:
    return None if missing(value) else as_float(value)


def ledger_frame(assessed: pd.DataFrame, now_year: int) -> pd.DataFrame:
    """The ledger as data, one row per claim, in the edition's language: claim, the
    letter's words, each column's value and year, verdicts, rule, how measured, sources.
    Values are plain numbers in the claim's unit; texts as the table shows them."""
    records = []
    row: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for row in assessed.itertuples():
        second = edition_text(row, "second_label")
        records.append(
            {
                _("Claim"): row.claim_id,
                _("Section"): edition_text(row, "section"),
                _("Statement"): claim_statement(row),
                _("The letter's words"): str(row.letter_quote),
                _("The letter's figure"): stated_phrase(
                    row.stated, row.stated_high, row.unit, row.wording
                ),
                _("Unit"): row.unit,
                _("Rule"): _(RULES[row.wording][1]),
                _("Then, as published"): _number(row.published_value),
                _("Then, as published: period"): row.published_period,
                _("Then, as published: publication"): "; ".join(
                    period_text(str(p)) for p in (getattr(row, "published_from", ()) or ())
                ),
                _("Then, today's data"): _number(row.revised_value),
                _("Then, today's data: period"): row.revised_period,
                _("Then, today's data: verdict on this figure"): (
                    verdict_text(row.revised_verdict) if row.revised_verdict else ""
                ),
                _("Verdict on the letter"): verdict_text(row.then_verdict),
                _("Verdict on the letter rests"): " ".join(
                    part for part in (basis_text(row), edition_text(row, "basis")) if part
                ),
                _("Now ({year})").format(year=now_year): _number(row.now_value),
                _("Now: period"): row.now_period,
                _("Verdict now"): verdict_text(row.now_verdict),
                _("Later decisions (not revisions)"): "; ".join(
                    decision_text(d, row.unit) for d in (getattr(row, "later_decisions", ()) or ())
                ),
                _("Second measure (not a revision)"): second,
                _("Second measure: values"): second_values(row) if second else "",
                _("How measured"): edition_text(row, "measure") or edition_text(row, "reason"),
                _("Sources"): "; ".join(
                    f"{title} ({url})" for title, url, _note in source_list(row)
                ),
            }
        )
    return pd.DataFrame(records)


def unchecked_claims_table(assessed: pd.DataFrame, caption: str) -> str:
    rows = list(assessed.itertuples())
    frame = pd.DataFrame(
        {
            _("Claim"): [f"{r.claim_id} {claim_statement(r)}" for r in rows],
            _("What was searched, and not found"): [edition_text(r, "reason") for r in rows],
        }
    )
    return table_html(
        frame,
        {},
        caption,
        _("Source: the letter ({url}); the searches are this report's").format(
            url=sources.LETTER_URL
        ),
        name="unchecked_claims",
    )


def claims_by_section(assessed: pd.DataFrame, now_year: int) -> str:
    """The claims judged on the letter (every verdict but 'cannot be checked'), as the
    chapter's one ledger table, in the letter's order under its sections."""
    from displacement_report.analysis.claims import checked as with_figures

    caption = _("The letter's claims, then and now")
    return claims_table(with_figures(assessed), caption, now_year)
