"""The built report's summary, as readers get it, for the default parameters and for
2001 with focus countries Afghanistan, Pakistan and Iran, in both editions:

- the order cover, 'At a glance' (page 2, one page), contents (at most two pages), and
  the list of figures and tables at the back, before the colophon;
- every figure on the summary equals the number of the exhibit it links (read from the
  exhibit's data file) and every tile links that exhibit;
- the year's news leads the summary and chapter 1, with values derived here from the
  shared CSV files, not from the report."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

from displacement_report import paths
from displacement_report.report import build
from tests.conftest import SET_2001, pdf_pages, pdf_reader

pytestmark = pytest.mark.notebook

#: The shared builds read here (tests/conftest.py) and their parameters.
SETS = {
    "default_report": {"report_year": 2025, "baseline_year": 2019},
    "report_2001": SET_2001,
}
LANGUAGES = ("en", "nl")
WORDS = {
    "en": {"glance": "At a glance", "contents": "Contents", "list": "Figures and tables"},
    "nl": {"glance": "In één oogopslag", "contents": "Inhoud", "list": "Figuren en tabellen"},
}


@pytest.fixture(scope="module", params=list(SETS))
def report(request) -> tuple[dict, build.RunResult]:
    """One of the suite's shared builds (both editions) with its parameters."""
    return SETS[request.param], request.getfixturevalue(request.param)


def _soup(result: build.RunResult, language: str) -> BeautifulSoup:
    html, _pdf = result.edition(language)
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


# --- the order and the one-page rule ----------------------------------------------------


def _chapters(reader: PdfReader) -> list[tuple[str, int]]:
    """The PDF's top-level bookmarks (its h1 headings) with their page (0-based)."""
    return [
        (item.title, reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_cover_summary_contents_in_that_order_and_the_summary_on_one_page(report, language):
    _settings, result = report
    words = WORDS[language]
    pdf = result.edition(language)[1]
    reader = pdf_reader(pdf)
    chapters = _chapters(reader)
    titles = [title for title, _page in chapters]
    pages = dict(chapters)
    assert titles[1:3] == [words["glance"], words["contents"]]
    # the summary is page 2; the contents begin on page 3: the summary kept to one page
    assert pages[words["glance"]] == 1 and pages[words["contents"]] == 2
    assert pdf_pages(pdf)[1].lstrip().startswith(words["glance"])
    # the contents take at most two pages before chapter 1
    assert pages[titles[3]] - pages[words["contents"]] <= 2, titles[3]
    assert titles[3].startswith("1. ")
    # the list of figures and tables at the back, just before the colophon
    assert titles[-2] == words["list"] and titles.index(words["list"]) > 3
    soup = _soup(result, language)
    back = soup.select_one("nav.exhibits-list")
    assert back.find_next_sibling(class_="colophon") is not None
    assert back.find_previous_sibling("section", class_="glossary") is not None


# --- every figure is its exhibit's -------------------------------------------------------


def _number(text: str, language: str) -> list[tuple[float, float]]:
    """The numbers a formatted cell holds ('EUR 135.5 million', '€ 27.100'), each with
    the rounding its decimals allow."""
    group, decimal = (",", ".") if language == "en" else (".", ",")
    found = []
    pattern = rf"[-−+]?\d[\d{re.escape(group)}]*(?:{re.escape(decimal)}\d+)?"
    for match in re.finditer(pattern, text):
        raw = match.group(0)
        digits = len(raw.split(decimal)[1]) if decimal in raw else 0
        value = float(raw.replace("−", "-").replace(group, "").replace(decimal, "."))
        after = text[match.end() :].strip().lower()
        scale = 1e6 if after.startswith(("million", "miljoen")) else 1.0
        scale = 1e9 if after.startswith(("billion", "miljard")) else scale
        found.append((value * scale, 0.5 * 10**-digits * scale))
    return found


def _exhibit_values(soup: BeautifulSoup, anchor: str, run_dir: Path, language: str):
    """Every number of the exhibit's data file, with its tolerance; for a chart also the
    sum of its series per x (a stacked chart's totals)."""
    exhibit = soup.find(id=anchor)
    assert exhibit is not None, f"the summary links {anchor}, which the report lacks"
    link = exhibit.select_one("a.data-link")
    data = pd.read_csv(run_dir / link["href"], dtype=str, keep_default_na=False)
    values: list[tuple[float, float]] = []
    for cell in data.to_numpy().ravel():
        try:
            # a cell rounded as printed: within half its last digit
            decimals = len(str(cell).partition(".")[2])
            values.append((float(cell), max(1e-9 * abs(float(cell)), 0.5 * 10**-decimals)))
        except ValueError:
            values += _number(str(cell), language)
    # a chart's columns by role, as its description names them in the edition's words
    record = json.loads((run_dir / link["href"]).with_suffix(".json").read_text("utf-8"))
    roles = record.get("columns", {})
    if "series" in roles:
        counted = pd.to_numeric(data[roles["value"]], errors="coerce")
        sums = counted.groupby(data[roles["x"]]).sum()
        values += [(v, 1e-6 * max(1.0, abs(v))) for v in sums]
    return values


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_summary_figure_equals_the_exhibit_it_links(report, language):
    _settings, result = report
    soup = _soup(result, language)
    glance = soup.select_one("section.at-a-glance")
    figures = glance.select(".glance-figure[data-exhibit]")
    assert len(figures) >= 10
    checked = set()
    for span in figures:
        anchor, value = span["data-exhibit"], float(span["data-value"])
        candidates = _exhibit_values(soup, anchor, result.run_dir, language)
        assert any(abs(value - v) <= tol for v, tol in candidates), (anchor, value, span.text)
        checked.add(anchor)
    # the exhibits the page's four questions come from
    assert {"fig-forcibly_displaced_by_group", "tab-top_hosts"} <= checked


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tile_links_the_exhibit_its_figures_come_from(report, language):
    _settings, result = report
    soup = _soup(result, language)
    for tile in soup.select("section.at-a-glance li.glance-tile"):
        link = tile.select_one(".tile-see a.xref")
        assert link is not None, tile.get_text(" ")
        target = soup.find(id=link["href"].removeprefix("#"))
        assert isinstance(target, Tag), link
        for span in tile.select(".glance-figure[data-exhibit]"):
            assert link["href"] == "#" + span["data-exhibit"], tile.get_text(" ")
        if not tile.select(".glance-figure[data-exhibit]") and target.name == "h1":
            # a figure a chapter states in its text: the chapter writes it the same way
            shown = tile.select_one(".tile-value").get_text(strip=True)
            chapter = target.find_parent(class_="jp-Cell")
            text = " ".join(
                c.get_text(" ") for c in [chapter, *chapter.find_next_siblings(limit=6)]
            )
            assert shown in text, (shown, link.get_text())


# --- the year's news, from the shared data -------------------------------------------------


def _totals() -> pd.Series:
    """The forcibly displaced per year from the shared CSVs, composed as Global Trends
    composes it (refugees, asylum-seekers, OIP; UNRWA's refugees; IDMC's IDPs)."""
    unhcr = paths.SHARED_DATA_DIR / "unhcr"
    population = pd.read_csv(unhcr / "population.csv", low_memory=False)
    unrwa = pd.read_csv(unhcr / "unrwa.csv")
    idmc = pd.read_csv(unhcr / "idmc.csv")
    abroad = population.groupby("year")[["refugees", "asylum_seekers", "oip"]].sum().sum(axis=1)
    total = abroad + unrwa.groupby("year")["total"].sum() + idmc.groupby("year")["total"].sum()
    return total.dropna()


def _returns() -> pd.Series:
    solutions = pd.read_csv(paths.SHARED_DATA_DIR / "unhcr" / "solutions.csv", low_memory=False)
    return solutions.groupby("year")["returned_refugees"].sum()


def _millions(value: float, language: str, digits: int = 1) -> str:
    text = f"{value / 1e6:.{digits}f}"
    return f"{text} million" if language == "en" else f"{text.replace('.', ',')} miljoen"


def _news(year: int, language: str) -> str:
    """The first words of the year's news, worked out from the totals per year."""
    totals = _totals()
    moved = totals.diff().loc[:year].dropna()
    fell = moved.loc[year] < 0
    same_way = moved[(moved < 0) == fell]
    run = 0
    while year - run in moved.index and (moved.loc[year - run] < 0) == fell:
        run += 1
    since = int(same_way.index[same_way.index <= year - run].max())
    before, now = _millions(totals.loc[year - 1], language), _millions(totals.loc[year], language)
    if language == "en":
        verb = "fell" if fell else "rose"
        how = f"for the first time since {since}" if run == 1 else f"again, {run} years in a row"
        return (
            f"In {year} the number of forcibly displaced people {verb} {how}: "
            f"from {before} at the end of {year - 1} to {now}"
        )
    verb = "daalde" if fell else "steeg"
    how = f"voor het eerst sinds {since}" if run == 1 else f"opnieuw, {run} jaar op rij"
    return (
        f"In {year} {verb} het aantal gedwongen ontheemden {how}: "
        f"van {before} eind {year - 1} naar {now}"
    )


def _section_text(heading: Tag) -> str:
    """The words of a section: from its heading to the next heading of its level."""
    words = []
    for node in heading.find_all_next(string=True):
        if node.find_parent("h2") not in (None, heading):
            break
        words.append(str(node))
    return re.sub(r"\s+", " ", " ".join(words))


def _text(element: Tag) -> str:
    text = re.sub(r"\s+", " ", element.get_text(" "))
    return re.sub(r"\( | (?=[.,;:)])", lambda m: m.group(0).strip(), text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_and_chapter_one_lead_with_the_year_s_news(report, language):
    settings, result = report
    year = settings["report_year"]
    soup = _soup(result, language)
    news = _news(year, language)
    lead = _text(soup.select_one("p.glance-lead"))
    assert lead.startswith(news), lead
    # chapter 1's first section opens with the same news, before the change since the baseline
    section = soup.find(lambda t: t.name == "h2" and t.get_text().startswith("1.1 "))
    opening = _text(section.find_next("p"))
    assert opening.startswith(news), opening
    baseline = settings["baseline_year"]
    words = "Compared with the end of" if language == "en" else "Ten opzichte van eind"
    assert f"{words} {baseline}" in opening.split(news)[1]
    # returns against the year before, and the most since a year long ago where so
    returns = _returns()
    shown = _millions(returns.loc[year], language, 2) if returns.loc[year] >= 1e6 else None
    if shown:
        assert shown in lead
    earlier = returns.loc[: year - 1]
    last_higher = int(earlier[earlier >= returns.loc[year]].index.max())
    record = "the most since" if language == "en" else "het hoogste aantal sinds"
    assert (f"{record} {last_higher}" in lead) == (year - last_higher >= 5)
    # '1 in N' as Global Trends writes it, from the World Bank's world population
    world = pd.read_csv(paths.SHARED_DATA_DIR / "worldbank" / "population_wb_aggregates.csv")
    people = world[world["iso3"] == "WLD"].set_index("year")["population"]
    n = round(people.loc[year] / _totals().loc[year])
    phrase = f"1 in {n:,} people" if language == "en" else f"1 op de {n:,} mensen".replace(",", ".")
    assert phrase in lead and phrase in _section_text(section)


def test_the_dutch_asylum_figures_are_unhcr_s(report):
    """The new claims on the page: new and not-split claims in UNHCR's table."""
    settings, result = report
    soup = _soup(result, "en")
    tile = soup.select_one("li.glance-nl_claims")
    year = int(re.search(r"\d{4}", tile.select_one(".tile-label").get_text()).group(0))
    claims = pd.read_csv(
        paths.SHARED_DATA_DIR / "unhcr" / "asylum_applications.csv", low_memory=False
    )
    dutch = claims[(claims["coa_iso"] == "NLD") & (claims["year"] == year)]
    new = dutch.loc[dutch["app_type"].isin(["N", "NA", "V", "NR"]), "applied"].sum()
    assert float(tile.select_one(".tile-value .glance-figure")["data-value"]) == new
    assert year <= settings["report_year"] and not math.isnan(new)
