"""Every source line of the report is built here, so each chart and table names its
sources the same way and a change of wording happens once."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import html
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from babel.dates import format_date, get_month_names

from displacement_report.i18n import (
    LOCALE_DIR,
    N_,
    SOURCE_LANGUAGE,
    _,
    language,
    locale_code,
    ngettext,
)
from displacement_report.present.format import spoken_list

#: The Dutch form of source titles with our notes in brackets (locale/<language>/).
SOURCE_TITLES_FILE = "source_titles.csv"

#: Names of databases and documents are titles: cited as published, not translated.
UNHCR = "UNHCR Refugee Population Statistics Database"
#: Not a title: which World Bank and UN files, described in the edition's language.
WORLDBANK = N_("World Bank WDI and country classifications; UN LDC list")
LEDGER = N_("the letter's claims as this report lists them, each with its sources")


def source(text: str) -> str:
    """'Source: <text>' in the edition's language."""
    return _("Source: {source}").format(source=text)


def _sources(parts: Sequence[str]) -> str:
    return _("Sources: {sources}").format(sources="; ".join(parts))


def _version(version: str) -> str:
    return _("version {version}").format(version=version)


def unhcr(version: str) -> str:
    """The line UNHCR's licence asks every output showing its figures to carry."""
    return source(f"{UNHCR} ({_version(version)}), CC BY 4.0")


#: The organisations whose figures UNHCR's database carries, credited where shown (names,
#: not translated; short, so that a chart's source line stays on one line).
PARTNERS = {"idps": "IDMC", "unrwa_refugees": "UNRWA"}


def crediting_partners(line: str, groups: Sequence[str]) -> str:
    """A UNHCR source line that also credits IDMC and UNRWA where `groups` (columns of
    `headline.hosted_over_time` with a figure on the page) include theirs."""
    credited = [PARTNERS[g] for g in PARTNERS if g in groups]
    if not credited:
        return line
    return _("{line}; including figures of {partners}").format(
        line=line, partners=spoken_list(credited)
    )


def shown_groups(over_time: pd.DataFrame) -> list[str]:
    """The groups of a `headline.hosted_over_time` frame with a figure above zero."""
    return [str(c) for c in over_time.columns if over_time[c].astype("Float64").fillna(0).any()]


def unhcr_and_worldbank(version: str) -> str:
    """Figures that combine UNHCR counts with World Bank population, income or GDP."""
    return source(f"{UNHCR} ({_version(version)}); {_(WORLDBANK)}")


#: A title with the document's date in brackets at its end, as the data files give it:
#: 'Kamerstuk 35 570 XVII, nr. 52 (25 January 2021)', '... (15 Sep 2020)', '... (May 2024)'.
_DATED = re.compile(
    r"^(?P<title>.+) \((?:(?P<day>\d{1,2}) )?(?P<month>[A-Z][a-z]+) (?P<year>\d{4})\)$"
)
#: English month names and abbreviations as the data files write them (CLDR's, and 'Sept').
_MONTHS = {
    name.lower(): number
    for width in ("wide", "abbreviated")
    for number, name in get_month_names(width, locale="en").items()
} | {"sept": 9}


def title(text: str) -> str:
    """A document's title as published, with what we added in brackets (its date, where
    we found it) in the edition's words: 'Kamerstuk 35 570 XVII, nr. 52 (25 januari
    2021)'; a title whose additions are more than a date has its Dutch form in
    locale/nl/source_titles.csv."""
    if language() == SOURCE_LANGUAGE:
        return _without_addresses(text)
    translated = _translated_titles(language()).get(text)
    if translated:
        return _without_addresses(translated)
    text = _without_addresses(text)
    dated = _DATED.match(text)
    if dated is None:
        return text
    month = _MONTHS.get(dated["month"].lower())
    if month is None:
        return text
    day = int(dated["day"] or 1)
    try:
        when = dt.date(int(dated["year"]), month, day)
    except ValueError:  # no such day: keep the data's own words
        return text
    pattern = "d MMMM y" if dated["day"] else "MMMM y"
    return f"{dated['title']} ({format_date(when, pattern, locale=locale_code())})"


#: A web address written into our note on a title ('(unhcr.org/jp/global_trends_2019,
#: web-archived ...)'): the link beside the title already leads there.
_ADDRESS_IN_NOTE = re.compile(r"(?<=\()[\w.-]+\.(?:org|com|net|nl|int|eu)/[^\s,;)]*[,;]?\s*")


def _without_addresses(text: str) -> str:
    return _ADDRESS_IN_NOTE.sub("", text)


@functools.cache
def _translated_titles(language: str) -> dict[str, str]:
    """Source titles with our notes in brackets, in `language` (title -> title)."""
    path = LOCALE_DIR / language / SOURCE_TITLES_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["title"]: row[f"title_{language}"] for row in csv.DictReader(handle)}


#: Beyond this length a chart's source line names the publishers only; the table or
#: annex beside it lists every document with its link.
CHART_SOURCE_CHARS = 420


def _publisher(text: str) -> tuple[str, str]:
    """'NOS - COA: kosten ...' -> ('NOS', 'COA: kosten ...'); no publisher: ('', text)."""
    publisher, dash, rest = text.partition(" - ")
    return (publisher, rest) if dash else ("", text)


def _common_tail(parts: list[list[str]]) -> int:
    """How many words all `parts` share at their end."""
    n = 0
    while all(len(p) > n + 1 for p in parts) and len({p[-1 - n] for p in parts}) == 1:
        n += 1
    return n


#: Fewer shared words than this are not worth writing once ('report', 'note').
_SHARED_WORDS = 3


def _grouped(publisher: str, rests: list[str]) -> str:
    """Several titles of one publisher in one entry, what they share at their end said
    once: 'Rijksfinanciën - artikel 37 Migratie, tabel budgettaire gevolgen van beleid:
    1e suppletoire begroting 2020, 2e suppletoire begroting 2021'."""
    words = [r.split(" ") for r in rests]
    tail = _common_tail(words)
    if tail < _SHARED_WORDS:
        tail = 0
    shared = " ".join(words[0][len(words[0]) - tail :]) if tail else ""
    middles = [" ".join(w[: len(w) - tail]) for w in words]
    joiner = " / " if any("," in m for m in middles) else ", "
    listed = joiner.join(middles)
    return f"{publisher} - {shared}: {listed}" if shared else f"{publisher} - {listed}"


def compact_titles(titles: list[str]) -> list[str]:
    """Document titles with each publisher's several titles in one entry."""
    by_publisher: dict[str, list[str]] = {}
    for text in titles:
        publisher, rest = _publisher(text)
        by_publisher.setdefault(publisher or text, []).append(rest)
    return [
        _grouped(publisher, rests)
        if len(rests) > 1 and publisher not in rests
        else (f"{publisher} - {rests[0]}" if rests[0] != publisher else publisher)
        for publisher, rests in by_publisher.items()
    ]


def publishers(titles: list[str]) -> list[str]:
    """The publishers of document titles, each once, with how many documents of theirs
    are meant: 'OECD (7 documents)', 'The Guardian'."""
    counts: dict[str, int] = {}
    for text in titles:
        publisher = _publisher(text)[0] or text
        counts[publisher] = counts.get(publisher, 0) + 1
    return [
        p
        if n == 1
        else ngettext("{publisher} ({n} document)", "{publisher} ({n} documents)", n).format(
            publisher=p, n=n
        )
        for p, n in counts.items()
    ]


def document_titles(rows: pd.DataFrame, compact: bool = False) -> list[str]:
    """The distinct titles of the documents that document-figure `rows` come from;
    `compact`: each publisher's titles in one entry, or, if that is still long (a
    chart's source line), the publishers alone."""
    titles = list(dict.fromkeys(title(t) for t in rows["source_title"]))
    if not compact:
        return titles
    grouped = compact_titles(titles)
    return grouped if len("; ".join(grouped)) <= CHART_SOURCE_CHARS else publishers(titles)


def documents(rows: pd.DataFrame, *, with_urls: bool = True, compact: bool = False) -> str:
    """'Sources: <title> (<url>); ...' for the document figures a table or chart shows;
    without URLs for a chart, where `compact` writes a long list briefly (every title is
    listed, with its link, under the table or in the annex beside the chart)."""
    if rows.empty:
        return _("Sources: none")
    if not with_urls:
        return _sources(document_titles(rows, compact))
    pairs = rows[["source_title", "source_url"]].drop_duplicates()
    return _sources([f"{title(t)} ({u})" for t, u in pairs.itertuples(index=False)])


def combined(*lines: str) -> str:
    """Several source lines as one: 'Sources: a; b; c' (each line's own prefix dropped)."""
    parts = [line.split(": ", 1)[1] if ": " in line else line for line in lines if line]
    return _sources(parts)


def with_published(line: str, published: pd.Series) -> str:
    """A UNHCR source line plus the Global Trends reports a published series comes from."""
    if published.empty:
        return line
    first, last = int(published.index.min()), int(published.index.max())
    return _("{line}; as published: UNHCR Global Trends {first}–{last}").format(
        line=line, first=first, last=last
    )


def iati(path: Path | str) -> str:
    """The IATI file's name is in the colophon; the reader sees whose data it is."""
    return source(_("the ministry's activities as published in the IATI standard (IATI Registry)"))


def ledger() -> str:
    return source(_(LEDGER))


#: Where a reader finds the databases the report recomputes from.
UNHCR_URL = "https://www.unhcr.org/refugee-statistics/download/"
WORLDBANK_URL = "https://databank.worldbank.org/source/world-development-indicators"
LETTER_URL = "https://zoek.officielebekendmakingen.nl/kst-35570-XVII-52.html"


def link_html(title: str, url: str, note: str = "") -> str:
    """A source as a reader sees it: its title, linked and marked as a cited title
    (<cite>); data escaped, never markup."""
    text = f'<cite><a href="{html.escape(url, quote=True)}">{html.escape(title)}</a></cite>'
    return text + (f" ({html.escape(note)})" if note else "")


GEONAMES = N_("land borders: GeoNames country information (geonames.org), CC BY 4.0")


def unhcr_and_geonames(version: str) -> str:
    """Figures that combine UNHCR counts with GeoNames' land borders (the package that
    ships GeoNames' data is named, with its version, in the colophon)."""
    return source(f"{UNHCR} ({_version(version)}), CC BY 4.0; {_(GEONAMES)}")


def unhcr_and_documents(version: str, rows: pd.DataFrame) -> str:
    """UNHCR figures beside figures read in documents (`rows` name their sources)."""
    return combined(unhcr(version), documents(rows))


def with_global_trends(line: str, years: Sequence[int]) -> str:
    """A source line with UNHCR's Global Trends reports of `years` added, for figures
    shown beside what those reports published; unchanged when `years` is empty."""
    if not len(years):
        return line
    first, last = min(years), max(years)
    span = str(first) if first == last else f"{first}–{last}"
    published = _("UNHCR Global Trends {span} as published")
    return combined(line, published.format(span=span))


def ecb_rates() -> str:
    """Euro and dollar set side by side: the ECB's reference rates, averaged per year
    (the package that ships them is named, with its version, in the colophon)."""
    from displacement_report.analysis import exchange

    return source(
        _("{rates} ({url}), annual average of the daily rates").format(
            rates=exchange.rates_name(), url=exchange.ECB_URL
        )
    )
