"""The web edition as files (report/site.py, site_pages.py, profile_index.py), read
from the shared builds: a page per chapter and per closing part, cut from the
combined HTML without a word added or lost; links, anchors and images that resolve
inside the site; nothing fetched from elsewhere; the profiles' table and search index.
What a browser makes of it: tests/report/test_site_browser.py."""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from displacement_report.report import build, combine, site, site_pages
from tests.conftest import PROFILED, csv_table

pytestmark = pytest.mark.notebook

LANGUAGES = ("nl", "en")
CLOSING_PAGES = ("annex-a.html", "what-changed.html", "glossary.html", "figures-and-tables.html")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _chapter_files() -> list[str]:
    return [
        f"{site_pages.page_name(combine.chapter_name(Path(nb)))}.html"
        for nb in build.REPORT_NOTEBOOKS
    ]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("¶", " ")).strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_chapter_and_closing_part_is_a_page_cut_from_the_combined_html(
    default_report, language
):
    folder = default_report.run_dir / site.SITE / language
    files = {p.name for p in folder.glob("*.html")}
    expected = {*_chapter_files(), *CLOSING_PAGES, "colophon.html", "index.html", "search.html"}
    assert files == expected
    # the chapters' and closing parts' text, page after page, is the report's text
    # after its cover and contents: cut, not rendered again
    combined = _soup(default_report.edition(language)[0])
    for element in combined.select(".cover, nav.toc:not(.exhibits-list)"):
        element.extract()
    main = combined.find("main")
    assert main is not None
    pages = [p for p in _chapter_files() + list(CLOSING_PAGES) + ["colophon.html"]]
    order = [f for f in _page_order(folder) if f in pages]
    text = ""
    for file in order:
        page_main = _soup(folder / file).find("main")
        assert page_main is not None
        for chrome in page_main.select("nav.page-turn, span.exhibit-downloads"):
            chrome.extract()
        text += " " + page_main.get_text(" ")
    assert _words(text) == _words(main.get_text(" "))


def _page_order(folder: Path) -> list[str]:
    """The pages in the order of the contents menu."""
    menu = _soup(folder / "index.html").select("nav.site-menu > ul > li > a")
    return [str(a["href"]) for a in menu]


def test_the_menu_lists_the_chapters_in_order_and_the_pages_turn(default_report):
    folder = default_report.run_dir / site.SITE / "en"
    order = _page_order(folder)
    assert order[: len(_chapter_files())] == _chapter_files()
    for before, after in itertools.pairwise(order):
        page = _soup(folder / before)
        assert page.select_one('a[rel="next"]')["href"] == after  # type: ignore[index]
        assert _soup(folder / after).select_one('a[rel="prev"]')["href"] == before  # type: ignore[index]
        current = page.select_one('nav.site-menu a[aria-current="page"]')
        assert current is not None and current["href"] == before


def test_the_language_switch_leads_to_the_same_page(default_report):
    for language, other in (("nl", "en"), ("en", "nl")):
        folder = default_report.run_dir / site.SITE / language
        for path in folder.glob("*.html"):
            switch = _soup(path).select("a.language-switch")
            assert [a["href"] for a in switch] == [f"../{other}/{path.name}"]
            assert (folder.parent / other / path.name).is_file()


def _local_target(page: Path, href: str) -> tuple[Path, str]:
    """Where a relative link leads, as a browser reads it: '..' taken off the path as
    written, not after following links (latest -> runs/...)."""
    parts = urlsplit(href)
    target = Path(os.path.normpath(page.parent / unquote(parts.path))) if parts.path else page
    return target, parts.fragment


def crawl(*entries: Path) -> dict[Path, BeautifulSoup]:
    """Every HTML page reachable from `entries` by links inside the site; fails on a
    link, anchor, image, stylesheet or script that does not resolve to a file (an
    anchor: an id on the target page). Each page is parsed once, however many link it."""
    parsed: dict[Path, BeautifulSoup] = {}
    ids: dict[Path, set[str]] = {}

    def soup(page: Path) -> BeautifulSoup:
        if page not in parsed:
            parsed[page] = _soup(page)
            ids[page] = {str(tag["id"]) for tag in parsed[page].find_all(id=True)}
        return parsed[page]

    seen: dict[Path, BeautifulSoup] = {}
    queue = [Path(os.path.normpath(entry)) for entry in entries]
    broken: list[str] = []
    while queue:
        page = queue.pop()
        if page not in seen:
            seen[page] = soup(page)
            queue += _follow(page, seen[page], soup, ids, broken)
    assert not broken, broken[:20]
    return seen


def _follow(
    page: Path,
    content: BeautifulSoup,
    soup: Callable[[Path], BeautifulSoup],
    ids: dict[Path, set[str]],
    broken: list[str],
) -> list[Path]:
    """The pages `page` links to; what does not resolve goes to `broken`."""
    pages = []
    for tag in content.find_all(["a", "link", "img", "script"]):
        url = str(tag.get("href") or tag.get("src") or "")
        if not url or re.match(r"^[a-z]+:", url):
            continue  # a link out of the site (a reader may follow it; no page loads it)
        target, anchor = _local_target(page, url)
        if not target.is_file():
            broken.append(f"{page.name}: {url}")
            continue
        if target.suffix != ".html" or tag.name != "a":
            continue
        pages.append(target)
        soup(target)
        # a browser tries the fragment as written, then decoded (nbconvert writes
        # the ids of headings with accents percent-encoded)
        if anchor and not {anchor, unquote(anchor)} & ids[target]:
            broken.append(f"{page.name}: {url} (no such anchor)")
    return pages


def test_every_link_anchor_and_image_of_the_report_site_resolves(default_report):
    published = default_report.published  # the site links the profiles beside `latest`
    pages = crawl(*[published / site.entry(language) for language in LANGUAGES])
    for language in LANGUAGES:
        for file in _chapter_files():
            assert published / site.SITE / language / file in pages
    assert published.parent / "profiles" / "index.en.html" in pages


def test_no_page_loads_anything_from_elsewhere(default_report):
    for page in (default_report.run_dir / site.SITE).rglob("*.html"):
        soup = _soup(page)
        for tag in soup.find_all(["img", "script", "link", "iframe", "source", "video", "audio"]):
            url = str(tag.get("src") or (tag.get("href") if tag.name == "link" else "") or "")
            assert not re.match(r"^(https?:)?//", url), f"{page.name}: {url}"
        for style in soup.find_all("style"):
            assert "@import" not in style.get_text() and "url(http" not in style.get_text()
    for css in (default_report.run_dir / site.SITE / site.ASSETS).glob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", css.read_text()), css.name


def test_references_and_the_list_of_figures_link_across_pages(default_report):
    folder = default_report.run_dir / site.SITE / "en"
    listing = _soup(folder / "figures-and-tables.html").select("nav.exhibits-list a")
    assert len(listing) > 20
    for link in listing:
        target, anchor = _local_target(folder / "figures-and-tables.html", str(link["href"]))
        assert target.name != "figures-and-tables.html" and anchor
        assert _soup(target).find(id=anchor) is not None
    # the summary's tiles point at the chapters' exhibits, on the chapters' pages
    tiles = _soup(folder / "at-a-glance.html").select("a.xref, .glance-tile a")
    assert any(str(a["href"]).startswith("global-picture.html#") for a in tiles)


def test_charts_are_their_svg_files_with_alt_text_and_data_links_beside(default_report):
    folder = default_report.run_dir / site.SITE / "en"
    page = _soup(folder / "global-picture.html")
    figures = page.select("figure.exhibit.chart")
    assert figures
    for figure in figures:
        image = figure.find("img")
        assert image is not None and image["alt"]
        name = str(figure["id"]).removeprefix("fig-")
        assert image["src"] == f"../../en/figures/{name}.svg"
        links = [str(a["href"]) for a in figure.select("a.data-link")]
        assert links == [
            f"../../en/figures/{name}.csv",
            f"../../en/figures/{name}.json",
            "../../en/tables.xlsx",
        ]


def test_the_entry_page_shows_the_summarys_figures_and_links_every_chapter(default_report):
    for language in LANGUAGES:
        entry = _soup(default_report.run_dir / site.entry(language))
        summary = _soup(default_report.run_dir / site.SITE / language / "at-a-glance.html")
        tiles = [t.get_text(" ", strip=True) for t in summary.select("li.glance-tile")]
        assert (
            tiles and [t.get_text(" ", strip=True) for t in entry.select("li.glance-tile")] == tiles
        )
        links = [str(a["href"]) for a in entry.select("main a")]
        assert set(_chapter_files()) <= set(links)
        assert f"../../report.{language}.pdf" in links
        assert f"../../../profiles/index.{language}.html" in links


def test_the_search_index_holds_every_page(default_report):
    text = (default_report.run_dir / site.SITE / "nl" / site.SEARCH_INDEX).read_text()
    records = json.loads(re.search(r"records: (\[.*\])\}\);", text, re.S).group(1))  # type: ignore[union-attr]
    assert {r["u"] for r in records} == {*_chapter_files(), *CLOSING_PAGES, "colophon.html"}
    claims = next(r for r in records if r["u"] == "claims.html")
    assert "Kamerstuk" in claims["x"] or "35 570" in claims["x"]


def _index_rows(path: Path) -> dict[str, dict[str, str]]:
    soup = _soup(path)
    headers = [th.get_text() for th in soup.select("#profiles-table thead th")]
    rows = {}
    for tr in soup.select("#profiles-table tbody tr"):
        cells = tr.find_all(["th", "td"])
        rows[cells[1].get_text()] = {
            h: str(c.get("data-value", c.get_text())) for h, c in zip(headers, cells, strict=True)
        }
    return rows


def test_the_profiles_table_has_each_hosts_key_figures(profiles, real_dir):
    population = csv_table(real_dir, "population")
    rows = _index_rows(profiles.out / "profiles" / "index.en.html")
    assert set(rows) == set(PROFILED)
    for code in PROFILED:
        year = int(rows[code]["Report year"])
        hosted = population[(population["year"] == year) & (population["coa_iso"] == code)]
        expected = int(hosted["refugees"].sum() + hosted["oip"].fillna(0).sum())
        column = "Refugees and other people in need of international protection"
        if hosted.empty:  # UNHCR records nobody hosted there: no figure, not 0
            assert rows[code][column] == "", code
            continue
        assert int(rows[code][column]) == expected, code
        assert int(rows[code]["Asylum-seekers"]) == int(hosted["asylum_seekers"].sum())
        before = population[(population["year"] == year - 1) & (population["coa_iso"] == code)]
        if len(before) and len(hosted):  # both years recorded: the change, in percent
            earlier = int(before["refugees"].sum() + before["oip"].fillna(0).sum())
            change = rows[code]["Refugees and OIP, change on the year"]
            assert float(change) == pytest.approx(100 * (expected - earlier) / earlier, abs=0.05)


def test_the_profiles_table_gives_the_neighbouring_share_as_the_factsheet_does(profiles, real_dir):
    """Jordan's share of refugees and OIP from a bordering country, derived here from the
    population CSV and GeoNames' borders; the islands say they have no land border."""
    from displacement_report.data.neighbours import load_neighbours

    header = "Share of refugees and OIP from a neighbouring country"
    population = csv_table(real_dir, "population")
    rows = _index_rows(profiles.out / "profiles" / "index.en.html")
    bordering = set(load_neighbours().query("iso3 == 'JOR'")["neighbour"])
    year = int(rows["JOR"]["Report year"])
    hosted = population[(population["year"] == year) & (population["coa_iso"] == "JOR")]
    people = hosted["refugees"].fillna(0) + hosted["oip"].fillna(0)
    share = 100 * people[hosted["coo_iso"].isin(bordering)].sum() / people.sum()
    assert 50 < share < 100  # Syrians and Iraqis: most, not all
    assert float(rows["JOR"][header]) == pytest.approx(share, abs=0.05)
    printed = f"{share:.1f}%"
    jordan = profiles.edition("JOR", "en")[0].read_text(encoding="utf-8")
    assert printed in jordan  # the factsheet's neighbours table: the same figure
    index = _soup(profiles.out / "profiles" / "index.en.html")
    for code in ("MLT", "KNA"):  # island states: no share, a cell that says why
        assert rows[code][header] == ""
        cell = index.find("td", string=code).find_parent("tr").find_all("td")[-3]
        assert cell.get_text() == "no land border"
    dutch = _index_rows(profiles.out / "profiles" / "index.nl.html")
    assert float(
        dutch["JOR"]["Aandeel vluchtelingen en andere beschermingsbehoevenden uit een buurland"]
    ) == pytest.approx(share, abs=0.05)


def test_the_profiles_pages_link_each_other_and_search_finds_them(profiles):
    folder = profiles.out / "profiles"
    pages = crawl(folder / "index.en.html", folder / "index.nl.html")
    for code in PROFILED:
        for language in LANGUAGES:
            assert folder / code / site.entry(language) in pages
    dutch = (folder / "search-index.nl.js").read_text(encoding="utf-8")
    assert "Jordanië" in dutch and '"u":"JOR/site/nl/index.html"' in dutch
