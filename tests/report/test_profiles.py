"""Country profiles as their readers get them: a factsheet of at most two A4 pages per
country (no cover, contents or glossary; a colophon line), key figures equal to the
data, numbered and described exhibits, and an index page of every published profile.

Read from the shared `profiles` build (tests/conftest.py): Jordan (Palestine refugees
under UNRWA's mandate), Malta (a small host of many origins) and St Kitts and Nevis (a
host of five people: a one-page factsheet of sentences), both editions."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from typer.testing import CliRunner

from displacement_report.cli import app
from tests.conftest import PROFILED, pdf_pages, pdf_text
from tests.report.pdf_pages import side_margins, text_past_the_margins

pytestmark = pytest.mark.notebook

#: the countries of the shared build (conftest.PROFILED), as the English edition names them
COUNTRIES = {"JOR": "Jordan", "MLT": "Malta", "KNA": "Saint Kitts and Nevis"}
#: the full factsheets (St Kitts and Nevis records too few people for tables and charts)
FULL = ("JOR", "MLT")
#: the names the index (in the main edition's language, Dutch) shows
CLDR_NL = {
    "JOR": "Jordanië",
    "MLT": "Malta",
    "KNA": "Saint Kitts en Nevis",
    "PSE": "Palestijnse gebieden",
}


def _soup(profiles, code: str) -> BeautifulSoup:
    page = profiles.edition(code, "en")[0].read_text(encoding="utf-8")
    return BeautifulSoup(page, "html.parser")


@pytest.mark.parametrize("code", COUNTRIES)
def test_each_profile_is_a_factsheet_of_at_most_two_a4_pages(profiles, code):
    pdf = profiles.edition(code, "en")[1]
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:  # A4: 595 x 842 points
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[0] == f"Country profile: {COUNTRIES[code]}"
    for part in ("Contents", "Figures and tables", "Glossary", "Colophon", "What changed"):
        assert not any(title.startswith(part) for title in outline), outline
    text = pdf_text(pdf)
    assert "Contents" not in text and "Glossary" not in text
    # the colophon line closes the profile
    assert "Data: UNHCR Refugee Population Statistics Database, version 2025.12.1" in text
    assert "Code: displacement-report" in text and "Produced" in text
    assert f"profile-{code}" not in text  # the parameter set's name is the project's word
    assert not (profiles.out / "latest").exists()  # profiles never replace the report


@pytest.mark.parametrize("code", COUNTRIES)
def test_the_dutch_factsheet_is_as_short_and_in_dutch(profiles, code):
    reader = PdfReader(profiles.edition(code, "nl")[1])
    assert 1 <= len(reader.pages) <= 2
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[0] == f"Landenprofiel: {CLDR_NL[code]}"
    text = pdf_text(profiles.edition(code, "nl")[1])
    assert "Gegevens: UNHCR Refugee Population Statistics Database, versie 2025.12.1" in text
    assert f"profile-{code}" not in text and "Gemaakt op" in text
    assert ("Figuur 1" in text and "Tabel 1" in text) == (code in FULL)


def _csv_sum(folder: Path, table: str, column: str, year: int, code: str) -> int | None:
    """The sum of the column's figures; None where the rows hold no figure."""
    frame = pd.read_csv(folder / f"{table}.csv", keep_default_na=False, na_values=[""])
    rows = frame[(frame["year"] == year) & (frame["coa_iso"] == code)]
    return None if rows[column].isna().all() else int(rows[column].sum())


def test_the_key_figures_of_jordan_equal_the_data(profiles, real_dir):
    tiles = {
        next(c for c in li["class"] if c.startswith("tile-")): li
        for li in _soup(profiles, "JOR").select("ul.tiles > li")
    }
    expected = {
        "tile-refugees": _csv_sum(real_dir, "population", "refugees", 2025, "JOR"),
        "tile-unrwa_refugees": _csv_sum(real_dir, "unrwa", "total", 2025, "JOR"),
        "tile-asylum_seekers": _csv_sum(real_dir, "population", "asylum_seekers", 2025, "JOR"),
        "tile-oip": _csv_sum(real_dir, "population", "oip", 2025, "JOR"),
        "tile-idps": _csv_sum(real_dir, "idmc", "total", 2025, "JOR"),
    }
    with_figure = {name: value for name, value in expected.items() if value is not None}
    assert {name: int(str(li["data-value"])) for name, li in tiles.items()} == with_figure
    # Jordan has no OIP figure and no IDMC row: no tile of '0', a sentence instead
    assert {"tile-oip", "tile-idps"} == set(expected) - set(with_figure)
    note = _soup(profiles, "JOR").select_one("section.key-figures p.profile-note").get_text()
    assert note == (
        "For the end of 2025 and of 2024 there is no figure for other people in need of "
        "international protection and internally displaced people (IDMC) in Jordan; no figure "
        "does not mean that nobody is there."
    )
    before = _csv_sum(real_dir, "population", "refugees", 2024, "JOR")
    assert before is not None and with_figure["tile-refugees"] is not None
    change = with_figure["tile-refugees"] - before
    words = tiles["tile-refugees"].select_one(".tile-change").get_text(" ", strip=True)
    assert f"{abs(change):,} {'fewer' if change < 0 else 'more'} than at the end of 2024" in words
    assert f"{100 * change / before:+.1f}%".replace("-", "\u2212") in words  # a typeset minus
    text = pdf_text(profiles.edition("JOR", "en")[1])
    for value in with_figure.values():
        assert f"{value:,}" in text  # the reader sees the same numbers in the PDF


def test_jordan_s_history_and_its_data_file_have_no_zero_for_a_missing_figure(profiles, real_dir):
    """IDMC has no row for Jordan; OIP exist only from 2018 and Jordan reports none:
    neither is 0 in the data file (an empty cell), nor a group of the chart at all."""
    for language, columns in (
        ("en", ["year", "group", "people"]),
        ("nl", ["jaar", "groep", "personen"]),
    ):
        data = pd.read_csv(
            profiles.folder("JOR") / language / "figures" / "profile_JOR_by_group.csv"
        )
        assert list(data.columns) == columns
        file = profiles.folder("JOR") / language / "figures" / "profile_JOR_by_group.csv"
        assert not re.search(r"\d\.\d", file.read_text("utf-8"))  # whole people, as shown
    english = pd.read_csv(profiles.folder("JOR") / "en" / "figures" / "profile_JOR_by_group.csv")
    assert set(english["group"]) == {
        "Refugees under UNHCR's mandate",
        "Palestine refugees under UNRWA's mandate",
        "Asylum-seekers",
    }
    refugees = english[english["group"] == "Refugees under UNHCR's mandate"].set_index("year")
    expected = _csv_sum(real_dir, "population", "refugees", 2019, "JOR")
    assert refugees.loc[2019, "people"] == expected
    # the burden table repeats no tile; the IDPs it used to show as 0 are gone
    burden = pd.read_csv(profiles.folder("JOR") / "en" / "figures" / "profile_JOR_burden.csv")
    assert "IDPs (IDMC)" not in burden.columns


def test_the_factsheet_says_who_decided_the_asylum_claims(profiles, real_dir):
    decisions = pd.read_csv(
        real_dir / "asylum_decisions.csv", keep_default_na=False, na_values=[""]
    )
    rows = decisions[(decisions["year"] == 2025) & (decisions["coa_iso"] == "JOR")]
    assert set(rows["procedure_type"]) == {"U"}  # UNHCR decided every claim in Jordan
    substantive = int(rows[["dec_recognized", "dec_other", "dec_rejected"]].sum().sum())
    rate = 100 * int(rows["dec_recognized"].sum()) / substantive
    text = " ".join(_soup(profiles, "JOR").get_text(" ").split())  # a page may break it
    assert (
        f"The {substantive:,} substantive asylum decisions made there in 2025 were taken by "
        f"UNHCR under its mandate: {rate:.1f}% granted refugee status"
    ) in text
    assert "Decided by: UNHCR" in pdf_text(profiles.edition("JOR", "en")[1])
    page = profiles.edition("JOR", "nl")[0].read_text(encoding="utf-8")
    dutch = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
    assert "genomen door UNHCR onder zijn mandaat" in dutch and "Beslist door: UNHCR" in dutch
    malta = decisions[(decisions["year"] == 2025) & (decisions["coa_iso"] == "MLT")]
    assert set(malta["procedure_type"]) == {"G"}
    assert "were taken by the government:" in " ".join(_soup(profiles, "MLT").get_text(" ").split())


def test_jordan_s_headline_shows_the_unhcr_mandate_trend_and_unrwa_outside_protracted(
    profiles, real_dir
):
    text = pdf_text(profiles.edition("JOR", "en")[1])
    then = _csv_sum(real_dir, "population", "refugees", 2019, "JOR")
    now = _csv_sum(real_dir, "population", "refugees", 2025, "JOR")
    assert (
        f"refugees under UNHCR's mandate numbered {then:,} at the end of 2019 and {now:,} at the "
        "end of 2025"
    ) in text
    assert "Altogether" not in text  # the total is the hosted figure: not said twice
    outside = "Palestine refugees under UNRWA's mandate are outside UNHCR's rule for protracted"
    assert outside in text


def test_data_files_of_a_factsheet_have_stable_readable_names(profiles):
    for code in FULL:
        for language in ("en", "nl"):
            names = {p.stem for p in (profiles.folder(code) / language / "figures").glob("*.csv")}
            assert names, (code, language)
            for stem in names:
                assert stem.isascii() and stem.startswith(("profile_", "profile")), stem
            assert f"profile_{code}_burden" in names and f"profile_{code}_by_group" in names


def test_hosts_outside_unrwa_s_area_have_no_tile_for_unrwa(profiles):
    for code in ("MLT", "KNA"):
        assert not _soup(profiles, code).select("li.tile-unrwa_refugees")


def test_exhibits_are_numbered_captioned_sourced_and_described(profiles):
    for code in COUNTRIES:
        soup = _soup(profiles, code)
        numbers = [n.get_text() for n in soup.select(".exhibit-number")]
        figures = [n for n in numbers if n.startswith("Figure")]
        assert figures == [f"Figure {i}" for i in range(1, len(figures) + 1)], numbers
        for img in soup.select("figure.exhibit img"):
            assert len(img["alt"]) > 40  # described, not named
        for table in soup.select("div.table-exhibit"):
            assert table.select_one("p.source-line").get_text().startswith("Source:")
        assert soup.select_one("section.key-figures p.source-line")
    jordan = _soup(profiles, "JOR")
    pyramid = jordan.select_one('figure[id^="fig-profile_JOR_age_sex"]')
    assert pyramid is not None
    assert str(pyramid.img["alt"]).startswith("Population pyramid")
    for language, columns in (
        ("en", ["age", "sex", "percent"]),
        ("nl", ["leeftijd", "geslacht", "procent"]),
    ):
        file = profiles.folder("JOR") / language / "figures" / "profile_JOR_age_sex.csv"
        data = pd.read_csv(file)
        assert list(data.columns) == columns  # named in the page's language
        assert data[columns[2]].round(1).equals(data[columns[2]])  # to a tenth, as printed


def test_each_profile_has_a_locator_map_and_a_line_on_stateless_people(profiles, real_dir):
    jordan = _soup(profiles, "JOR").select_one('figure[id^="fig-profile_JOR_locator"]')
    assert jordan is not None
    assert str(jordan.img["alt"]).startswith("Locator map of Jordan and its neighbours: ")
    assert "Syria" in jordan.img["alt"] and "Jordan and its neighbours." in jordan.get_text()
    # Malta reports stateless people: the line says how many, from the data
    population = pd.read_csv(real_dir / "population.csv", usecols=["year", "coa_iso", "stateless"])
    rows = population[(population["year"] == 2025) & (population["coa_iso"] == "MLT")]
    stateless = f"{int(rows['stateless'].sum()):,}"
    assert f"UNHCR also counts {stateless} stateless people in Malta" in _soup(profiles, "MLT").text


def test_almost_nobody_recorded_makes_one_page_of_sentences_in_each_edition(profiles, real_dir):
    """St Kitts and Nevis: 5 refugees in 2025, 60 people at most in any group and year;
    the figures are derived here from the CSV file."""
    population = pd.read_csv(real_dir / "population.csv")
    rows = population[population["coa_iso"] == "KNA"]
    by_year = rows.groupby("year")[["refugees", "asylum_seekers", "oip"]].sum()
    largest_year, largest_group = by_year.stack().idxmax()
    largest = int(by_year.loc[largest_year, largest_group])
    refugees = int(by_year.loc[2025, "refugees"])
    for language, said in (
        (
            "en",
            f"At the end of 2025, UNHCR's statistics record {refugees} refugees under UNHCR's "
            "mandate in Saint Kitts and Nevis.",
        ),
        ("nl", f"Eind 2025 telden de statistieken van UNHCR in Saint Kitts en Nevis {refugees} "),
    ):
        page, pdf = profiles.edition("KNA", language)
        assert len(PdfReader(pdf).pages) == 1, language
        text = " ".join(pdf_text(pdf).split())
        assert said in text, text
        assert f"{largest} " in text and f"{largest_year}." in text
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup
        assert not main.select("table, figure, li.tile"), language  # no table, chart, tile
        assert not main.find("h2"), language  # no section headings over nothing
    assert len(PdfReader(profiles.edition("JOR", "en")[1]).pages) >= 2  # the rule is not all


def test_no_empty_chart_where_there_is_nothing_to_draw(profiles):
    small = _soup(profiles, "KNA")
    assert small.select_one('figure[id^="fig-profile_KNA_age_sex"]') is None


def test_main_origins_have_no_rows_of_zeros(profiles):
    for code, rows in (("MLT", 8),):
        soup = _soup(profiles, code)
        table = next(
            t for t in soup.select("table.report-table") if "Main countries of origin" in t.text
        )
        totals = [tr.find_all("td")[-1].get_text() for tr in table.select("tbody tr")]
        assert len(totals) == rows and "0" not in totals


def _index(out: Path) -> dict[str, tuple[str, ...]]:
    soup = BeautifulSoup((out / "profiles" / "index.html").read_text("utf-8"), "html.parser")
    rows = {}
    for tr in soup.select("tbody tr"):
        cells = [td.get_text() for td in tr.find_all(["th", "td"])]
        links = tuple(str(a["href"]) for a in tr.find_all("a"))
        for href in links:
            assert (out / "profiles" / href).is_file(), href
        rows[cells[1]] = (cells[0], *links)
    return rows


def test_the_index_lists_every_published_profile_also_after_a_partial_batch(profiles):
    out = profiles.out
    assert f"index:   {out / 'profiles' / 'index.html'}" in profiles.output
    listed = _index(out)
    assert listed == {
        code: (
            CLDR_NL[code],
            f"{code}/report.nl.pdf",
            f"{code}/site/nl/index.html",  # the web edition's page
            f"{code}/report.en.pdf",
            f"{code}/site/en/index.html",
        )
        for code in PROFILED
    }
    # only Jordan again (unchanged, so reused in a second): the others stay listed
    again = CliRunner().invoke(app, ["profiles", "JOR", "--output-dir", str(out)])
    assert again.exit_code == 0, again.output
    assert _index(out) == listed


def test_a_year_before_anyone_was_recorded_gives_one_page_that_says_so(tmp_path):
    """Saint Kitts and Nevis appears in UNHCR's data from 2017: its 2012 profile says so in
    words on one page, and draws no empty chart."""
    args = ["profiles", "KNA", "--set", "report_year=2012", "--set", "baseline_year=2008"]
    args += ["--language", "en"]  # the words checked are English
    result = CliRunner().invoke(app, [*args, "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "profiles" / "KNA" / "report.en.pdf"
    text = " ".join(pdf_text(pdf).split())
    assert len(PdfReader(pdf).pages) == 1
    assert "record nobody hosted in or displaced inside Saint Kitts and Nevis." in text
    assert "They record nobody there in any year from 2000 to 2012 either." in text
    assert "at the end of each year," not in text  # no history chart, nor its caption


def test_a_profile_batch_leaves_the_top_level_figures_folder_alone(profiles):
    # the test session points $DISPLACEMENT_REPORT_FIGURES_DIR at a folder of its own
    assert profiles.figures_after == profiles.figures_before
    for code in FULL:
        assert list((profiles.folder(code) / "en" / "figures").glob(f"profile_{code}_*.svg"))


def test_an_island_state_s_neighbours_table_shows_no_figure_not_zero(profiles):
    """Malta borders no country: 'From a neighbouring country' and 'Share' are dashes, not
    0 and 0.0% (missing or not applicable is not zero), in the page and its data file."""
    table = next(
        t
        for t in _soup(profiles, "MLT").select("table.report-table")
        if "From a neighbouring country" in t.get_text()
    )
    headers = [th.get_text(" ").strip() for th in table.select("thead th")]
    values = [td.get_text().strip() for td in table.select("tbody td")]
    cells = dict(zip(headers, values, strict=True))
    assert cells["From a neighbouring country"] == "–" and cells["Share"] == "–", cells
    assert cells["Substantive asylum decisions"] not in ("–", "0")  # Malta decided claims


def test_no_word_of_a_factsheet_runs_past_the_right_margin(profiles):
    """Dutch headers such as 'Totaal beschermingspercentage' ran 1 cm past the text box
    (the margins of factsheet.css): they break at a syllable now."""
    margins = side_margins("factsheet.css")
    for code in COUNTRIES:
        for language in ("en", "nl"):
            pdf = profiles.edition(code, language)[1]
            assert text_past_the_margins(pdf, margins) == [], (code, language)


@pytest.mark.parametrize("code", FULL)
@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_neighbours_section_keeps_heading_sentence_and_table_on_one_page(
    profiles, code, language
):
    """The section broke after its heading (JOR nl: heading and definitions at the foot of
    page 1) or mid-sentence away from its table: heading, first sentence, table and the
    definitions under it now stand on one page, the definitions after the table."""
    heading = {"en": "Neighbours and asylum decisions", "nl": "Buurlanden en asielbeslissingen"}
    caption = {"en": "people from a neighbouring country", "nl": "mensen uit een buurland"}
    # with or without other people in need of protection, as the host has a figure or not
    definitions = {
        "en": "from a bordering country (land borders",
        "nl": "uit een buurland (landgrenzen",
    }
    ends = {"en": "(total protection rate).", "nl": "(totale beschermingspercentage)."}
    pages = [re.sub(r"\s+", " ", page) for page in pdf_pages(profiles.edition(code, language)[1])]
    page = next(p for p in pages if heading[language] in p)
    section = page[page.index(heading[language]) :]
    assert ends[language] in section  # the whole first paragraph
    assert caption[language] in section  # the table
    assert definitions[language] in section.split(caption[language])[1]  # under the table
