"""What a Global Trends reader looks for, in the built report, both editions: hosts and
origins by Global Trends' current definition (Venezuela among the origins), stateless
people, new arrivals, returns and the maps; and the 2001 report on Afghanistan, Pakistan
and Iran, where categories that did not exist yet read as such, not as 0.

Both reports are the suite's shared builds: the default (2025) and the non-default
parameter set (2001, conftest.SET_2001)."""

from __future__ import annotations

import base64
import html
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from displacement_report.report import build

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def report_2025(default_report) -> build.RunResult:
    return default_report


def _soup(report: build.RunResult, language: str) -> BeautifulSoup:
    html, _pdf = report.edition(language)
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def _text(soup: BeautifulSoup) -> str:
    return re.sub(r"\s+", " ", soup.get_text(" "))


def _table(soup: BeautifulSoup, name: str):
    found = soup.find(id=f"tab-{name}")
    assert found is not None, name
    return found


def _figure(soup: BeautifulSoup, name: str):
    found = soup.find(id=f"fig-{name}")
    assert found is not None, name
    return found


def _csv(report: build.RunResult, language: str, name: str) -> pd.DataFrame:
    return pd.read_csv(report.run_dir / language / "figures" / f"{name}.csv")


def test_hosts_and_origins_follow_global_trends_in_both_editions(report_2025):
    english, dutch = _soup(report_2025, "en"), _soup(report_2025, "nl")
    hosts, origins = _table(english, "top_hosts"), _table(english, "top_origins")
    since = "as UNHCR has ranked them since Global Trends 2022 (end-2022 figures, published in"
    assert since in " ".join(hosts.get_text().split())
    assert "Venezuela" in origins.get_text() and "Colombia" in hosts.get_text()
    assert "Rank by refugees alone" in hosts.get_text()
    data = _csv(report_2025, "en", "top_origins")
    assert data.iloc[0]["Country of origin"] == "Venezuela"
    assert "sinds Global Trends 2022 (cijfers van eind 2022, verschenen in juni 2023)" in " ".join(
        _table(dutch, "top_hosts").get_text().split()
    )
    assert "Venezuela" in _table(dutch, "top_origins").get_text()
    # the letter's own count beside it
    assert "The January 2021 letter counts refugees under UNHCR's and UNRWA's mandates" in _text(
        english
    )


def test_per_inhabitant_global_trends_ranking_first_the_unrwa_view_second(report_2025):
    english = _soup(report_2025, "en")
    first = _figure(english, "refugees_per_1000").get_text()
    second = _figure(english, "refugees_per_1000_incl_unrwa").get_text()
    assert "Global Trends' ranking" in first and "without Palestine refugees" in first
    assert "Second view" in second
    # a chart's data file names its category first (the country here)
    ranked = set(_csv(report_2025, "en", "refugees_per_1000").iloc[:, 0])
    with_unrwa = set(_csv(report_2025, "en", "refugees_per_1000_incl_unrwa").iloc[:, 0])
    assert "Palestinian territories" not in ranked and "Palestinian territories" in with_unrwa
    text = _text(english)
    assert text.index("Global Trends' ranking:") < text.index("Second view:")


def test_stateless_new_arrivals_and_returns_are_numbered_exhibits_with_data(report_2025):
    for language, words in (
        ("en", ("Stateless people", "Newly displaced in the year", "Returns home")),
        ("nl", ("Staatlozen", "Nieuw ontheemd in het jaar", "Terugkeer")),
    ):
        soup = _soup(report_2025, language)
        headings = [h.get_text(" ", strip=True) for h in soup.find_all(["h2"])]
        for word in words:
            assert any(word in h for h in headings), (language, word)
        for name in ("largest_stateless", "newly_displaced", "returns"):
            table = _table(soup, name)
            assert table.find(class_="exhibit-number") is not None
            assert table.find("a", class_="data-link") is not None
        assert _figure(soup, "stateless_by_year") is not None
    text = _text(_soup(report_2025, "en"))
    assert "many have no reliable data on statelessness" in text
    assert "New internal displacement in the year is not in the data" in text
    assert "A return is not always a durable solution" in text
    assert "refugees from Syria in Germany" in text  # UNHCR's rule counts high-income hosts


def test_the_world_map_in_both_editions_with_its_data_alt_text_and_disclaimer(report_2025):
    for language, disclaimer in (
        ("en", "by the United Nations"),
        ("nl", "door de Verenigde Naties"),
    ):
        figure = _figure(_soup(report_2025, language), "world_map")
        image = figure.find("img")
        assert image["alt"].startswith(("World map, end of 2025", "Wereldkaart, eind 2025"))
        svg = base64.b64decode(image["src"].split(",", 1)[1]).decode("utf-8")
        drawn = html.unescape(re.sub(r"<[^>]+>", " ", svg))  # the text drawn
        assert disclaimer in re.sub(r"\s+", " ", drawn)
        data = _csv(report_2025, language, "world_map")
        assert len(data) >= 150 and data.columns[0] == "ISO3"
        assert _figure(_soup(report_2025, language), "focus_map") is not None


def test_the_2001_report_reads_sensibly_where_categories_did_not_exist_yet(report_2001):
    english, dutch = _soup(report_2001, "en"), _soup(report_2001, "nl")
    hosts = _table(english, "top_hosts").get_text()
    assert "refugees under UNHCR's mandate" in hosts
    assert "counted from 2018" in hosts and "Rank by refugees alone" not in hosts
    assert "worden geteld vanaf 2018" in _table(dutch, "top_hosts").get_text()
    text = _text(english)
    assert "UNHCR's table records no stateless people before 2004" in text
    arrivals = _table(english, "newly_displaced").get_text()
    assert "not counted yet" in arrivals
    assert "nog niet geteld" in _table(dutch, "newly_displaced").get_text()
    # Afghanistan the largest origin, Pakistan and Iran the largest hosts, by refugees
    origins = _csv(report_2001, "en", "top_origins")
    assert origins.iloc[0]["Country of origin"] == "Afghanistan"
    assert set(_csv(report_2001, "en", "top_hosts")["Country of asylum"][:2]) == {
        "Pakistan",
        "Iran",
    }
    assert _figure(english, "world_map") is not None and _figure(english, "focus_map") is not None
