"""The built report as its readers get it: key findings first, numbered and captioned
exhibits, alternative text, a tagged PDF, and the data behind every chart and table."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest
from bs4 import BeautifulSoup

from displacement_report.present.tables import spending as spending_tables
from tests.conftest import pdf_pages, pdf_reader

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def english(default_report):
    """The HTML and PDF of the default report's English edition."""
    return default_report.edition("en")


@pytest.fixture(scope="module")
def soup(english):
    return BeautifulSoup(english[0].read_text(encoding="utf-8"), "html.parser")


def test_the_key_findings_come_first_and_match_the_chapters(english, soup):
    pages = [re.sub(r"\s+", " ", text) for text in pdf_pages(english[1])]
    # page 2, right after the cover; the contents follow it
    assert pages[1].startswith("At a glance") and pages[2].startswith("Contents")
    glance = pages[1]
    total = re.search(r"to ([\d.]+ million), [\d.]+ million \([\d.]+%\) (fewer|more)", glance)
    text = re.sub(r"\s+", " ", soup.get_text(" "))
    # the same figure, computed twice by the same function, written the same way
    assert total and f"At the end of 2025, {total.group(1)} people were forcibly displaced" in text
    assert re.search(r"Hosted in low- and middle- ?income countries \d+(\.\d)?%", glance)
    assert "Figure 1.1" in glance and "Table 1.2" in glance  # links to where it is shown


def test_every_exhibit_is_numbered_captioned_and_every_reference_resolved(soup):
    exhibits = soup.select(".exhibit")
    assert len(exhibits) > 20
    for element in exhibits:
        label = element.find(class_="exhibit-number").get_text()
        assert re.fullmatch(r"(Figure|Table) (\d+|A)\.\d+", label), label
        caption = element.find(["figcaption", "caption"]).get_text(" ", strip=True)
        assert len(caption) > len(label) + 5, caption
    assert "@fig:" not in soup.get_text() and "@tab:" not in soup.get_text()
    listed = soup.select("nav.exhibits-list li")
    assert len(listed) == len(exhibits)


def test_every_image_has_alt_text_that_describes_it_and_is_not_its_caption(soup):
    images = soup.find_all("img")
    assert images
    for image in images:
        alt = image.get("alt", "")
        caption = image.find_parent("figure").find("figcaption").get_text(" ", strip=True)
        assert alt and "No description" not in alt
        assert alt not in caption and len(alt) > 40
        assert re.search(r"(bar|line|area) chart|\bmap\b", alt, re.I)


def test_the_pdf_is_tagged_with_language_title_author_and_subject(english):
    reader = pdf_reader(english[1])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    meta = reader.metadata
    assert meta.title == "Forced displacement and Dutch reception in the region"
    assert meta.author and "Kamerstuk 35 570 XVII, nr. 52" in meta.subject


def test_each_chart_and_table_has_its_data_and_description(default_report, soup):
    run = default_report.run_dir
    for element in soup.select(".exhibit"):
        name = element["id"].split("-", 1)[1]
        data = run / "en" / "figures" / f"{name}.csv"
        record = json.loads((run / "en" / "figures" / f"{name}.json").read_text())
        assert data.stat().st_size > 10, name
        assert record["source"].startswith("Source") and record["data_version"] == "2025.12.1"
    tables = soup.select(".table-exhibit")
    book = openpyxl.load_workbook(run / "en" / "tables.xlsx")
    assert len(book.sheetnames) == len(tables) + 1 and book.sheetnames[-1] == "Sources"
    listing = json.loads((run / "en" / "figures.json").read_text())
    assert len(listing["exhibits"]) == len(soup.select(".exhibit"))
    keys = {n["key"] for n in listing["key_numbers"]}
    assert {"forcibly_displaced", "lmic_share", "focus_share", "claims_hold_now"} <= keys


ANNEX_TABLES = [
    spending_tables.BUDGET_FIGURES,
    spending_tables.PACKAGES,
    spending_tables.PROSPECTS,
    spending_tables.PLAN_3RP,
    spending_tables.RESULTS,
    spending_tables.EU_INSTRUMENTS,
]


def _spending_chapter(soup):
    """The spending chapter's elements: from its title to the next chapter's."""
    title = soup.find("h1", id=re.compile("^Dutch-money-for-reception"))
    assert title is not None and title.get_text().startswith("6. Dutch money")
    elements = []
    for element in title.find_all_next():
        if element.name == "h1":
            break
        elements.append(element)
    return elements


def test_the_annex_holds_the_long_lists_numbered_before_the_closing_pages(soup):
    annex = soup.select_one("section.annex")
    assert annex.find("h1").get_text() == "Annex A. Figures from public documents"
    assert [h.get_text() for h in annex.find_all("h2")] == [
        "6. Dutch money for reception in the region"
    ]
    tables = annex.select(".table-exhibit")
    assert [t["id"] for t in tables] == [f"tab-{name}" for name in ANNEX_TABLES]
    labels = [t.find(class_="exhibit-number").get_text() for t in tables]
    assert labels == [f"Table A.{n}" for n in range(1, len(ANNEX_TABLES) + 1)]
    # the budget rows, 3RP and results lists are there in full
    assert len(annex.select(f"#tab-{spending_tables.PLAN_3RP} tbody tr")) >= 15
    assert len(annex.select(f"#tab-{spending_tables.RESULTS} tbody tr")) >= 15
    # after the last chapter, before what changed, the glossary and the colophon
    following = [s.find("h1").get("id") for s in annex.find_next_siblings("section")]
    assert following[:2] == ["what-changed", "glossary"]
    assert annex.find_previous("h1", id=re.compile("^The-letter")) is not None


def test_the_spending_chapter_refers_to_each_annex_table_and_keeps_only_short_ones(soup):
    chapter = _spending_chapter(soup)
    references = {
        a["href"].removeprefix("#tab-"): a.get_text()
        for a in (e for e in chapter if e.name == "a" and "xref" in e.get("class", []))
    }
    numbers = {
        t["id"].removeprefix("tab-"): t.find(class_="exhibit-number").get_text()
        for t in soup.select("section.annex .table-exhibit")
    }
    for name in ANNEX_TABLES:
        assert references.get(name) == numbers[name], name  # resolved, to the annex's label
    own = [e for e in chapter if "table-exhibit" in e.get("class", [])]
    assert own, "the chapter keeps its short tables"
    for table in own:
        assert "annex-exhibit" not in table["class"]
        assert len(table.select("tbody tr")) <= 6, table["id"]
    text = re.sub(r"\s+", " ", " ".join(e.get_text() for e in chapter if e.name == "p"))
    assert "Table A.4 lists all 18 figures found" in text
    assert not re.search(r"\bnan\b|changed by|\+\d", text)  # 'rose by 6%', no 'nan' or '+6%'


def test_the_annex_tables_are_in_the_contents_and_the_list_of_tables(soup):
    contents = [a.get_text() for a in soup.select("nav.toc:not(.exhibits-list) a")]
    assert "Annex A. Figures from public documents" in contents
    assert contents.index("Annex A. Figures from public documents") < contents.index("Glossary")
    listed = [a.get_text() for a in soup.select("nav.exhibits-list a")]
    assert (
        "Table A.1 Budget figures for reception in the region (EUR; budget stages, not "
        "spending)" in listed
    )
    assert sum(item.startswith("Table A.") for item in listed) == len(ANNEX_TABLES)
