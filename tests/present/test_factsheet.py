"""The country profile as a factsheet, piece by piece (no notebook executed): key-figure
tiles, origins without zero rows, the age and sex pyramid, solutions for one country,
the colophon line, the numbering without chapters, and the index of published profiles.

Expected values are worked out by hand on tiny frames, or read from the CSV files with
pandas alone (not through the package) for the real data."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from displacement_report import i18n
from displacement_report.analysis import demographics, headline, key_figures, solutions
from displacement_report.analysis.key_figures import KeyFigure
from displacement_report.data import unhcr
from displacement_report.present import exhibits, style
from displacement_report.present import format as fmt
from displacement_report.present.charts import country_profile as charts_profile
from displacement_report.present.charts import global_picture as charts
from displacement_report.present.narrative import country_profile as words
from displacement_report.present.tables import country_profile as tables
from displacement_report.report import colophon, combine, fingerprint, profile_index, reuse
from displacement_report.report.inputs import registered_inputs
from displacement_report.settings import validate_parameters
from tests.analysis.test_analyses import pop_frame

# --- key figures ------------------------------------------------------------------------


def _over_time(rows: dict[int, dict[str, object]]) -> pd.DataFrame:
    """A hosted_over_time-shaped frame: year -> the five groups (and the total)."""
    frame = pd.DataFrame.from_dict(rows, orient="index").astype("Int64")
    frame[headline.TOTAL] = frame[list(headline.COMPONENTS)].sum(axis=1, skipna=False)
    return frame.rename_axis("year")


def _row(refugees, unrwa=0, asylum=0, oip=0, idps=0):
    return {
        "refugees": refugees,
        "unrwa_refugees": unrwa,
        "asylum_seekers": asylum,
        "oip": oip,
        "idps": idps,
    }


def test_tiles_give_each_group_and_its_change_on_the_year_before():
    table = _over_time({2024: _row(800, 50, 100, 0, 40), 2025: _row(600, 55, 100, 10, 0)})
    tiles = {f.group: f for f in key_figures.key_figures(table, 2025)}
    assert list(tiles) == ["refugees", "unrwa_refugees", "asylum_seekers", "oip", "idps"]
    refugees = tiles["refugees"]
    assert (refugees.value, refugees.previous, refugees.change) == (600, 800, -200)
    assert refugees.change_pct == pytest.approx(-25.0)  # 200 of 800
    assert tiles["unrwa_refugees"].change_pct == pytest.approx(10.0)  # 5 of 50
    assert tiles["asylum_seekers"].change == 0
    assert (tiles["oip"].change, tiles["oip"].change_pct) == (10, None)  # none the year before
    assert tiles["idps"].change_pct == pytest.approx(-100.0)


def test_the_unrwa_tile_only_where_the_country_hosts_palestine_refugees():
    table = _over_time({2024: _row(10, 5), 2025: _row(12, 0)})
    assert "unrwa_refugees" not in [f.group for f in key_figures.key_figures(table, 2025)]


def test_a_year_without_a_figure_is_none_with_the_reason_never_zero():
    idps_unknown = _row(10) | {"idps": pd.NA}
    table = _over_time({2008: idps_unknown, 2009: _row(12, idps=300)})
    tiles = {f.group: f for f in key_figures.key_figures(table, 2009)}
    # IDMC gives country figures from 2009 only: no change can be stated for IDPs
    assert tiles["idps"].previous is None and tiles["idps"].previous_missing == "idmc_world_only"
    assert tiles["idps"].change is None and tiles["idps"].change_pct is None
    # other people in need of international protection were first counted in 2018
    assert (tiles["oip"].value, tiles["oip"].missing) == (None, "oip_not_counted")
    # a year before the first year any source records the country
    first = {f.group: f for f in key_figures.key_figures(table, 2008)}
    assert first["refugees"].previous is None
    assert first["refugees"].previous_missing == "not_recorded"
    assert (first["idps"].value, first["idps"].missing) == (None, "idmc_world_only")


def test_tiles_state_the_change_in_words_absolute_and_in_percent():
    down = KeyFigure("refugees", 2025, 436_226, 643_641)
    assert words.tile_change(down) == "207,415 fewer than at the end of 2024 (−32.2%)"
    up = KeyFigure("unrwa_refugees", 2025, 2_398_179, 2_371_387)
    assert words.tile_change(up) == "26,792 more than at the end of 2024 (+1.1%)"
    from_none = KeyFigure("oip", 2025, 158, 0)
    assert words.tile_change(from_none) == "158 more than at the end of 2024, when there were none"
    assert words.tile_change(KeyFigure("oip", 2025, 0, 0)) == "No change since the end of 2024"
    unknown = KeyFigure("idps", 2009, 300, None, previous_missing="idmc_world_only")
    assert words.tile_change(unknown) == "Change: – (IDMC gives no figure by country for 2008)"
    never = KeyFigure("oip", 2005, None, None, "oip_not_counted", "oip_not_counted")
    assert (words.tile_value(never), words.tile_change(never)) == (
        "–",
        "UNHCR counts this group from 2018",
    )


def test_tiles_html_says_in_text_what_the_colours_and_arrows_show():
    tiles = [
        KeyFigure("refugees", 2025, 600, 800),
        KeyFigure("asylum_seekers", 2025, 120, 100),
        KeyFigure("idps", 2025, None, 40, "not_recorded"),
        KeyFigure("oip", 2025, None, None, "not_recorded", "not_recorded"),
    ]
    page = BeautifulSoup(tables.tiles_html(tiles, "<Jordan>", 2025, "Source: UNHCR"), "html.parser")
    items = page.select("ul.tiles > li")
    assert [li["data-value"] for li in items[:2]] == ["600", "120"]
    assert "data-value" not in items[2].attrs  # no figure: no value pretended
    texts = [li.get_text(" ", strip=True) for li in items]
    assert texts[0] == "Refugees (UNHCR mandate) 600 ▼ 200 fewer than at the end of 2024 (−25.0%)"
    assert "20 more than at the end of 2024 (+20.0%)" in texts[1]
    assert texts[2].endswith("– no figure for the end of 2025")
    # a group without a figure in either year gets no tile of dashes, but a sentence
    assert len(items) == 3 and not page.select("li.tile-oip")
    assert page.select_one("p.profile-note").get_text() == (
        "For the end of 2025 and of 2024 there is no figure for other people in need of "
        "international protection in <Jordan>; no figure does not mean that nobody is there."
    )
    # every label as high as the longest, so that the figures stand on one line
    heights = {li.select_one(".tile-label")["style"] for li in items}
    assert len(heights) == 1
    for arrow in page.select(".tile-arrow"):
        assert arrow["aria-hidden"] == "true"  # the words say it for screen readers
    assert "&lt;Jordan&gt;" in str(page) and "<Jordan>" not in str(page.select_one("p"))
    assert page.select_one("p.source-line").get_text() == "Source: UNHCR"


@pytest.fixture(scope="module")
def csv(real_dir: Path) -> dict[str, pd.DataFrame]:
    """The UNHCR tables as pandas reads the CSV files, without the package's loaders."""
    return {
        name: pd.read_csv(real_dir / f"{name}.csv", keep_default_na=False, na_values=[""])
        for name in ("population", "unrwa", "idmc", "solutions", "demographics")
    }


def _csv_sum(frame: pd.DataFrame, column: str, year: int, **where: str) -> int | None:
    """The sum of a column's figures; None where the rows hold no figure (missing is not
    zero: Jordan has no OIP cell and no IDMC row)."""
    rows = frame[frame["year"] == year]
    for field, value in where.items():
        rows = rows[rows[field] == value]
    return None if rows[column].isna().all() else int(rows[column].sum())


@pytest.mark.parametrize("code", ["JOR", "TUR", "COL"])
def test_tiles_on_the_real_data_equal_the_csv_files(real_dir, csv, code):
    over_time = headline.hosted_over_time(
        unhcr.load_population(real_dir), unhcr.load_unrwa(real_dir), unhcr.load_idmc(real_dir), code
    )
    tiles = {f.group: f for f in key_figures.key_figures(over_time, 2025)}
    pop = csv["population"]
    for year, attribute in ((2025, "value"), (2024, "previous")):
        expected = {
            "refugees": _csv_sum(pop, "refugees", year, coa_iso=code),
            "asylum_seekers": _csv_sum(pop, "asylum_seekers", year, coa_iso=code),
            "oip": _csv_sum(pop, "oip", year, coa_iso=code),
            "idps": _csv_sum(csv["idmc"], "total", year, coa_iso=code),
        }
        unrwa = _csv_sum(csv["unrwa"], "total", year, coa_iso=code)
        if unrwa:
            expected["unrwa_refugees"] = unrwa
        assert {g: getattr(f, attribute) for g, f in tiles.items()} == expected
    # Jordan hosts Palestine refugees (UNRWA); Türkiye and Colombia do not
    assert ("unrwa_refugees" in tiles) == (code == "JOR")


# --- origins, pyramid, solutions --------------------------------------------------------


def test_origins_with_nobody_that_year_are_left_out():
    frame = pop_frame(
        [(2025, "SYR", "TUR", 100, 5), (2025, "AFG", "TUR", 0), (2025, "IRQ", "TUR", 0, 3)]
    )
    origins = headline.origins_in_host(frame, "TUR", 2025, 10)
    assert origins[["iso3", "total"]].to_dict("list") == {"iso3": ["SYR", "IRQ"], "total": [105, 3]}


def test_origins_on_the_real_data_have_no_row_of_zeros(real_dir):
    population = unhcr.load_population(real_dir)
    turkiye = headline.origins_in_host(population, "TUR", 2025, 10)
    assert len(turkiye) == 6 and (turkiye["total"] > 0).all()  # seven rows, one all zeros
    assert len(headline.origins_in_host(population, "DEU", 2025, 10)) == 10


def _demographics(rows: list[dict[str, object]]) -> pd.DataFrame:
    bands = {f"{s}_{b}": 0 for s in "fm" for b in ("0_4", "5_11", "12_17", "18_59", "60")}
    return pd.DataFrame([{"year": 2025, "coa_iso": "JOR", **bands, **row} for row in rows])


def test_the_pyramid_counts_each_band_and_sex_of_the_people_hosted():
    frame = _demographics(
        [
            {"pop_type": "REF", "f_0_4": 10, "m_0_4": 20, "f_18_59": 30, "m_60": 40, "total": 100},
            {"pop_type": "ASY", "f_5_11": 5, "m_5_11": 5, "total": 20},  # 10 of unknown age
            {"pop_type": "STA", "f_0_4": 1000, "total": 1000},  # not displaced: left out
            {"pop_type": "REF", "coa_iso": "LBN", "f_0_4": 7, "total": 7},  # another host
        ]
    )
    pyramid = demographics.age_sex_pyramid(frame, "JOR", 2025)
    assert pyramid is not None
    assert pyramid.people.loc["0–4"].tolist() == [10, 20]
    assert pyramid.people.loc["5–11"].tolist() == [5, 5]
    assert pyramid.people.loc["60+"].tolist() == [0, 40]
    assert (pyramid.people_with_age_and_sex, pyramid.people_total) == (110, 120)
    assert pyramid.coverage == pytest.approx(100 * 110 / 120)
    assert pyramid.shares().to_numpy().sum() == pytest.approx(100.0)


def test_no_pyramid_where_the_table_gives_no_age_never_an_empty_chart():
    frame = _demographics([{"pop_type": "REF", "f_other": 10, "m_other": 5, "total": 15}])
    assert demographics.age_sex_pyramid(frame, "JOR", 2025) is None  # sex known, age not
    assert demographics.age_sex_pyramid(frame, "JOR", 2019) is None  # year not covered
    assert demographics.age_sex_pyramid(frame, "LBN", 2025) is None  # host not in the table
    said = words.no_pyramid("Jordan", 2019, [2025])
    assert said.startswith("UNHCR's demographics table covers only 2025")
    assert "no age breakdown" in words.no_pyramid("Iceland", 2025, [2025])


def test_a_handful_of_people_makes_no_pyramid_of_percentages():
    frame = _demographics([{"pop_type": "REF", "f_5_11": 5, "total": 5}])
    pyramid = demographics.age_sex_pyramid(frame, "JOR", 2025)
    assert pyramid is not None and pyramid.too_few  # 5 people: 100% girls of 5 to 11
    said = words.no_pyramid("St Kitts & Nevis", 2025, [2025], pyramid)
    assert said.startswith("UNHCR's demographics table gives the age and sex of 5 of the")
    assert "too few for a breakdown in percent" in said
    many = _demographics([{"pop_type": "REF", "f_5_11": 60, "m_5_11": 40, "total": 100}])
    assert not demographics.age_sex_pyramid(many, "JOR", 2025).too_few


def test_the_pyramid_of_jordan_2025_equals_the_csv_file(real_dir, csv):
    pyramid = demographics.age_sex_pyramid(unhcr.load_demographics(real_dir), "JOR", 2025)
    assert pyramid is not None
    rows = csv["demographics"]
    rows = rows[(rows["coa_iso"] == "JOR") & rows["pop_type"].isin(["REF", "ASY", "OIP"])]
    assert pyramid.people.loc["18–59", "female"] == rows["f_18_59"].sum()
    assert pyramid.people.loc["0–4", "male"] == rows["m_0_4"].sum()
    assert pyramid.people_total == rows["total"].sum()


def test_a_pyramid_is_described_as_one_for_readers_who_cannot_see_it():
    frame = _demographics([{"pop_type": "REF", "f_18_59": 60, "m_18_59": 40, "total": 100}])
    pyramid = demographics.age_sex_pyramid(frame, "JOR", 2025)
    assert pyramid is not None
    fig = charts_profile.age_sex_pyramid(pyramid, "Who Jordan hosts", "Source: x", "c", (4, 3))
    alt = exhibits.alt_text(fig)
    assert alt.startswith("Population pyramid (horizontal bars to both sides)")
    assert "Values: % of people whose age and sex are known." in alt  # not the age axis
    assert "Largest values: Women and girls 18–59: 60.0; Men and boys 18–59: 40.0" in alt
    plt.close(fig)


def test_solutions_for_one_country_read_each_field_the_way_unhcr_fills_it():
    frame = pd.DataFrame(
        [
            # returned from Jordan to Syria; resettled from somewhere to Jordan
            {"year": 2025, "coo_iso": "SYR", "coa_iso": "JOR", "returned_refugees": 90,
             "resettlement": 3, "naturalisation": pd.NA},
            {"year": 2025, "coo_iso": "JOR", "coa_iso": "DEU", "returned_refugees": 4,
             "resettlement": 8, "naturalisation": 2},
            {"year": 2025, "coo_iso": "IRQ", "coa_iso": "JOR", "returned_refugees": pd.NA,
             "resettlement": pd.NA, "naturalisation": 6},
            {"year": 2024, "coo_iso": "SYR", "coa_iso": "JOR", "returned_refugees": 500,
             "resettlement": 0, "naturalisation": 0},
        ]
    )  # fmt: skip
    found = solutions.solutions_in_country(frame, "JOR", 2025)
    assert found.to_dict() == {
        "returned_from": 90,
        "returned_to": 4,
        "resettled_in": 3,
        "naturalised_in": 6,
    }
    # a country the table does not mention has no figure, not zero
    assert solutions.solutions_in_country(frame, "LBN", 2025).isna().all()
    assert "records no returns" in words.solutions_note(found * 0, "Lebanon", 2025)
    # the table's dash is explained where a figure is missing, and only there
    assert "no figure in" not in words.solutions_note(found, "Jordan", 2025)
    gap = found.copy()
    gap["resettled_in"] = pd.NA
    assert words.solutions_note(gap, "Jordan", 2025).endswith(
        "–: no figure in the solutions table (not zero)."
    )


def test_solutions_of_jordan_2025_equal_the_csv_file(real_dir, csv):
    found = solutions.solutions_in_country(unhcr.load_solutions(real_dir), "JOR", 2025)
    frame = csv["solutions"]
    assert found["returned_from"] == _csv_sum(frame, "returned_refugees", 2025, coa_iso="JOR")
    assert found["naturalised_in"] is pd.NA  # Jordan reports no naturalisation figure
    assert _csv_sum(frame, "naturalisation", 2025, coa_iso="JOR") is None
    table = tables.solutions_table(found, "Jordan", 2025, "Source: UNHCR")
    cells = [
        tr.find_all("td")[-1].get_text()
        for tr in BeautifulSoup(table, "html.parser").select("tbody tr")
    ]
    assert cells[-1] == "–"  # a dash in the table, never 0


# --- the document: numbering, colophon line, index ----------------------------------------


def test_a_factsheet_keeps_its_headings_and_numbers_exhibits_through():
    page = (
        '<section class="cover"></section><h1 id="a">Country profile: Jordan</h1>'
        '<h2 id="b">Origins</h2><figure class="exhibit" id="fig-x"><img/><figcaption>'
        '<span class="exhibit-number">Figure</span> A chart</figcaption></figure>'
        '<div class="exhibit" id="tab-y"><table><caption><span class="exhibit-number">Table'
        "</span> A table</caption></table></div><p>As @fig:x shows.</p>"
    )
    numbered = combine.number_and_index(page, headings=False)
    soup = BeautifulSoup(numbered, "html.parser")
    assert soup.h1.get_text() == "Country profile: Jordan" and soup.h2.get_text() == "Origins"
    assert [n.get_text() for n in soup.select(".exhibit-number")] == ["Figure 1", "Table 1"]
    assert soup.select_one("a.xref").get_text() == "Figure 1"
    assert soup.select_one("nav.toc") is None  # no contents, no list of figures


def test_the_colophon_line_names_data_code_parameters_and_date():
    settings = validate_parameters({"report_year": 2025, "focus_countries": ["JOR"]})
    provenance = colophon.Provenance(
        settings=settings,
        config_name="profile-JOR",
        inputs=registered_inputs(settings),
        code_version="0.1.0 (abc1234)",
        packages={},
        python="3.11",
        started="2026-11-28T08:00:00+00:00",
    )
    line = BeautifulSoup(colophon.colophon_line_html(provenance), "html.parser").get_text()
    assert "UNHCR Refugee Population Statistics Database, version 2025.12.1" in line
    assert "World Bank and UN country data, version WDI snapshot of" in line
    assert "Code: displacement-report 0.1.0 (abc1234)" in line
    assert "report year 2025, compared with 2019, chart from 2000" in line
    assert "25,000 refugees for 5 years. Produced" in line
    assert "profile-JOR" not in line and "parameter set" not in line  # an internal name
    assert "Produced on 28 November 2026" in line
    # where the checksums are, in words: a reader's page names no file
    assert "Every input file and its checksum: in the record published" in line
    assert "inputs.json" not in line
    with i18n.using("nl"):
        dutch = BeautifulSoup(colophon.colophon_line_html(provenance), "html.parser").get_text()
    # the World Bank files' vintage in Dutch words, no English 'snapshot of'
    assert re.search(r"versie WDI-momentopname van \d{1,2} \w+ \d{4}", dutch), dutch
    assert "snapshot of" not in dutch


def _published(
    output: Path,
    code: str,
    year: int = 2025,
    complete: bool = True,
    run: str = "1",
    languages: tuple[str, ...] = ("en",),
) -> Path:
    """A run folder published as profiles/<code>, as a build leaves it."""
    run_dir = output / "runs" / f"profile-{code}-{run}"
    run_dir.mkdir(parents=True)
    run = run_dir
    for lang in languages:
        (run / f"report.{lang}.html").write_text("<html></html>")
        if complete:
            (run / f"report.{lang}.pdf").write_bytes(b"%PDF-")
    (run / "inputs.json").write_text(json.dumps({"settings": {"report_year": year}}))
    link = output / "profiles" / code
    link.parent.mkdir(exist_ok=True)
    if link.is_symlink():
        link.unlink()
    link.symlink_to(os.path.relpath(run_dir, link.parent), target_is_directory=True)
    return run_dir


def _index_rows(index: Path) -> list[list[str]]:
    soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    rows = []
    for tr in soup.select("tbody tr"):
        cells = [td.get_text() for td in tr.find_all(["th", "td"])]
        links = [a["href"] for a in tr.find_all("a")]
        for href in links:
            assert (index.parent / str(href)).is_file(), href  # every link opens a file
        rows.append(cells[:3] + [str(h) for h in links])
    return rows


def test_the_index_lists_what_is_published_and_stays_right_after_a_partial_rebuild(tmp_path):
    names = {"JOR": "Jordan", "TUR": "Türkiye", "SYR": "Syrian Arab Rep.", "XKX": "Kosovo"}
    _published(tmp_path, "TUR", languages=("nl", "en"))
    _published(tmp_path, "JOR", 2019)  # an English edition only
    _published(tmp_path, "SYR", complete=False)  # no PDF: not listed
    index = profile_index.write_index(tmp_path, names, "profiles")
    assert index == tmp_path / "profiles" / "index.html"
    assert _index_rows(index) == [
        ["Jordan", "JOR", "2019", "JOR/report.en.pdf", "JOR/report.en.html"],
        [
            "Türkiye",
            "TUR",
            "2025",
            "TUR/report.nl.pdf",
            "TUR/report.nl.html",
            "TUR/report.en.pdf",
            "TUR/report.en.html",
        ],
    ]
    headers = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").select("thead th")
    assert [th.get_text() for th in headers][-2:] == ["Dutch", "English"]
    # a later batch rebuilds only Jordan (for 2025) and completes Syria: Türkiye stays
    _published(tmp_path, "JOR", 2025, run="2")
    _published(tmp_path, "SYR", 2025, run="2")
    profile_index.write_index(tmp_path, names, "profiles")
    assert [row[:3] for row in _index_rows(index)] == [
        ["Jordan", "JOR", "2025"],
        ["Syria", "SYR", "2025"],  # the name readers know (CLDR), not the data's abbreviation
        ["Türkiye", "TUR", "2025"],
    ]
    assert not list((tmp_path / "profiles").glob(".*.part"))  # written atomically


def test_the_index_shows_names_as_text(tmp_path):
    _published(tmp_path, "XXA")
    profile_index.write_index(tmp_path, {"XXA": "<script>alert(1)</script>"}, "profiles")
    page = (tmp_path / "profiles" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<html lang="en">' in page


def test_the_index_is_written_in_the_language_asked_for(tmp_path):
    _published(tmp_path, "SYR", languages=("nl",))
    index = profile_index.write_index(tmp_path, {"SYR": "Syrian Arab Rep."}, "profiles", "nl")
    soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    assert soup.html is not None and soup.html["lang"] == "nl"
    assert soup.h1 is not None and soup.h1.get_text() == "Landenprofielen"
    assert "1 gepubliceerd landenprofiel" in soup.get_text()
    headers = [th.get_text() for th in soup.select("thead th")]
    assert headers[:3] == ["Land", "ISO3", "Verslagjaar"] and headers[-1] == "Nederlands"
    assert _index_rows(index) == [
        ["Syrië", "SYR", "2025", "SYR/report.nl.pdf", "SYR/report.nl.html"]
    ]


def test_the_layout_changes_the_run_not_the_chapter_it_reuses(tmp_path):
    notebook = tmp_path / "profile.ipynb"
    notebook.write_text("{}")
    made = {
        layout: fingerprint.describe_inputs({"report_year": 2025}, "p", [notebook], {}, {}, layout)
        for layout in ("report", "factsheet")
    }
    # a factsheet is never taken for the report of the same inputs, or the other way round
    assert made["report"]["fingerprint"] != made["factsheet"]["fingerprint"]
    # but the executed chapter is the same for both, and is reused across them
    chapters = {k: reuse.chapter_fingerprint(v, "sha") for k, v in made.items()}
    assert chapters["report"] == chapters["factsheet"]


def test_the_history_caption_starts_at_the_first_year_with_anyone_recorded():
    years = pd.Index(range(2000, 2026), name="year")
    shown = pd.DataFrame(0, index=years, columns=list(headline.COMPONENTS))
    shown.loc[2017:, "refugees"] = 5
    caption = words.history_caption("St Kitts & Nevis", shown)
    assert "end of each year, 2017–2025, by group" in caption
    nobody = words.history_caption("Nowhere", shown * 0)
    assert "2025–2025" in nobody  # nothing recorded: only the report year is claimed


def test_a_low_history_chart_has_a_short_axis_label_and_every_legend_is_below():
    years = pd.Index(range(2015, 2026), name="year")
    frame = pd.DataFrame(0, index=years, columns=list(headline.COMPONENTS), dtype="int64")
    frame["refugees"] = 2_000_000
    frame[headline.TOTAL] = frame[list(headline.COMPONENTS)].sum(axis=1)
    low = charts.displacement_trend(frame, "t", "Source: x", size=(6.7, 3.2), low=True)
    assert low.axes[0].get_ylabel() == "Millions of people"
    assert low.axes[0].get_legend() is None and low.legends  # in the figure, not the axes
    tall = charts.displacement_trend(frame, "t", "Source: x")
    assert tall.axes[0].get_ylabel() == "People, millions (end of year)"
    # the report's too: inside, it covered 1990-1995, the tallest bars of a 2001 report
    assert tall.axes[0].get_legend() is None and tall.legends
    plt.close(low)
    plt.close(tall)


def test_a_history_with_nobody_recorded_is_not_drawn():
    columns = list(headline.COMPONENTS)
    nothing = pd.DataFrame(columns=[*columns, headline.TOTAL], dtype="Int64")
    assert not words.recorded_anyone(nothing)  # no year at all (St Kitts & Nevis, 2012)
    zeros = pd.DataFrame(0, index=pd.Index([2011, 2012], name="year"), columns=columns)
    assert not words.recorded_anyone(zeros)
    zeros.loc[2012, "asylum_seekers"] = 1
    assert words.recorded_anyone(zeros)
    fig = charts.displacement_trend(nothing.rename_axis("year"), "t", "Source: x")
    assert fig.axes[0].get_ylim() == (0, 1.1)  # drawn anyway, it would be empty, not fail
    plt.close(fig)


def test_the_history_legend_names_only_groups_with_someone_in_them():
    years = pd.Index(range(2015, 2026), name="year")
    frame = pd.DataFrame(0, index=years, columns=list(headline.COMPONENTS), dtype="int64")
    frame["refugees"] = 2_000
    frame.loc[2024:, "asylum_seekers"] = 100  # 4% of the axis: seen (under 2% is not)
    frame[headline.TOTAL] = frame[list(headline.COMPONENTS)].sum(axis=1)
    fig = charts.displacement_trend(frame, "t", "Source: x", size=(6.7, 3.2), low=True)
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == [
        "Refugees under UNHCR's mandate",
        "Asylum-seekers",
    ]
    plt.close(fig)


def _jordan_like() -> pd.DataFrame:
    """Jordan's shape: 2.4 million Palestine refugees and 0.4-0.7 million refugees, with
    8,000-52,000 asylum-seekers: a band under 2% of the axis."""
    years = pd.Index(range(2015, 2026), name="year")
    frame = pd.DataFrame(0, index=years, columns=list(headline.COMPONENTS), dtype="int64")
    frame["refugees"] = 650_000
    frame["unrwa_refugees"] = 2_400_000
    frame["asylum_seekers"] = 40_000
    frame.loc[2018, "asylum_seekers"] = 52_536
    frame[headline.TOTAL] = frame[list(headline.COMPONENTS)].sum(axis=1)
    return frame


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_group_too_small_to_see_is_not_drawn_and_the_caption_says_so(language):
    """Drawn, Jordan's asylum-seekers were a cap a fraction of a point high on every
    bar, which readers saw and the legend did not name."""
    frame = _jordan_like()
    assert charts.too_small_to_see(frame) == ["asylum_seekers"]
    with i18n.using(language):
        fig = charts.displacement_trend(frame, "t", "S", size=(6.7, 2.1), low=True)
        (legend,) = fig.legends
        entries = [t.get_text() for t in legend.get_texts()]
        caption = words.history_caption("Jordan", frame, unseen=["asylum_seekers"])
    drawn_colours = {tuple(bar.get_facecolor()) for bar in fig.axes[0].patches}
    plt.close(fig)
    unseen_colour = tuple(mpl.colors.to_rgba(style.POPULATION_COLOURS["asylum_seekers"]))
    assert len(drawn_colours) == 2 and unseen_colour not in drawn_colours
    if language == "en":
        assert entries == [
            "Refugees under UNHCR's mandate",
            "Palestine refugees under UNRWA's mandate",
        ]
        assert caption.endswith(
            "Too few to see at this scale, and so not drawn: asylum-seekers "
            "(at most 52,536 in a year)."
        )
    else:
        assert len(entries) == 2 and "52.536" in caption and "niet getekend" in caption
    # a group of 5% of the axis is drawn and named
    frame["asylum_seekers"] = 160_000
    assert charts.too_small_to_see(frame) == []
    assert "not drawn" not in words.history_caption("Jordan", frame)


def _sudan_like() -> pd.DataFrame:
    """Sudan's shape: 140,000-220,000 refugees alone in 2003-2008 (IDMC gives no IDP
    figure before 2009), then millions of IDPs."""
    years = pd.Index(range(2003, 2012), name="year")
    frame = pd.DataFrame(pd.NA, index=years, columns=list(headline.COMPONENTS), dtype="Int64")
    frame["refugees"] = [138_162, 141_587, 147_255, 196_200, 222_720, 181_605, 1_000_000, 0, 1]
    frame.loc[2009:, "idps"] = [3_000_000, 12_000_000, 9_000_000]
    frame[headline.TOTAL] = frame[list(headline.COMPONENTS)].sum(axis=1, min_count=1)
    return frame


@pytest.mark.parametrize("language", ["en", "nl"])
def test_years_whose_bar_is_too_low_to_see_are_named_with_their_people(language):
    """The reader took Sudan's refugee bars of 2003-2008 (1% of an axis the IDPs of 2024
    set) for missing data."""
    frame = _sudan_like()
    low = charts.too_low_to_see(frame)
    # 2% of an axis of 13.2 million is 264,000; 2009's refugees stand on 3 million IDPs;
    # a group too small to see anywhere is not drawn, and not counted here
    assert low.to_dict() == {
        2003: 138_162,
        2004: 141_587,
        2005: 147_255,
        2006: 196_200,
        2007: 222_720,
        2008: 181_605,
    }
    with i18n.using(language):
        caption = words.history_caption("Sudan", frame, too_low=low)
    if language == "en":
        assert caption.endswith(
            "In 2003–2008 the bars are too low to see at this scale "
            "(138,162 to 222,720 people a year)."
        )
    else:
        assert caption.endswith(
            "In 2003–2008 zijn de staven te laag om op deze schaal te zien "
            "(138.162 tot 222.720 personen per jaar)."
        )
    # side by side, each year's tallest bar counts, against the tallest of all
    assert charts.too_low_to_see(frame, side_by_side=True).index.max() == 2008
    assert charts.too_low_to_see(_jordan_like()).empty


def test_a_total_standing_well_above_its_bar_has_a_line_down_to_it():
    """Sudan's '2019: 3.2 M' stood on the 5 M grid line, over the taller bars of 2020-
    2022, joined to nothing."""
    years = pd.Index(range(2015, 2026), name="year")
    frame = pd.DataFrame(0, index=years, columns=list(headline.COMPONENTS), dtype="int64")
    frame["idps"] = [2, 2, 2, 2, 3, 6, 9, 9, 5, 11, 9]
    frame["idps"] *= 1_000_000
    frame[headline.TOTAL] = frame["idps"]
    fig = charts.displacement_trend(
        frame, "t", "S", highlight=(2019, 2025), size=(6.7, 1.9), low=True, dated_totals=True
    )
    lines = [line.get_xdata() for line in fig.axes[0].lines]
    plt.close(fig)
    assert [list(x) for x in lines] == [[2019, 2019]]
    # where the neighbours are lower, the total stands on its own bar: no line
    frame["idps"] = 3_000_000
    frame.loc[2025, "idps"] = 9_000_000
    frame[headline.TOTAL] = frame["idps"]
    fig = charts.displacement_trend(
        frame, "t", "S", highlight=(2019, 2025), size=(6.7, 1.9), low=True, dated_totals=True
    )
    assert len(fig.axes[0].lines) == 0
    plt.close(fig)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_low_history_chart_has_its_legend_under_the_years_and_a_one_line_axis_title(language):
    """The legend stood a line of white below the year labels, read as the next block's;
    the axis title wrapped ('Millions of / people') in a chart 2.1 inches high."""
    with i18n.using(language):
        fig = charts.displacement_trend(_jordan_like(), "t", "S", size=(6.7, 2.1), low=True)
    renderer = fig.canvas.get_renderer()
    ax, (legend,) = fig.axes[0], fig.legends
    years_bottom = min(
        t.get_window_extent(renderer).y0 for t in ax.get_xticklabels() if t.get_text()
    )
    legend_box = legend.get_window_extent(renderer)
    gap = (years_bottom - legend_box.y1) / fig.dpi
    assert 0 <= gap <= 0.06, gap  # inches: no line of white between them
    assert "\n" not in ax.get_ylabel()
    assert ax.yaxis.label.get_window_extent(renderer).height <= ax.bbox.height
    assert legend._ncols == 2  # the two groups the reader can see, on one row
    plt.close(fig)
    # Syria's three long labels take two rows: the axis title still stands on one line
    syria = _jordan_like()
    syria["idps"] = 6_000_000
    syria[headline.TOTAL] = syria[list(headline.COMPONENTS)].sum(axis=1)
    with i18n.using(language):
        fig = charts.displacement_trend(syria, "t", "S", size=(6.7, 2.1), low=True)
    assert "\n" not in fig.axes[0].get_ylabel()
    plt.close(fig)


def test_a_country_without_a_protracted_situation_is_told_so_in_its_language():
    settings = validate_parameters({"report_year": 2025})
    english = words.no_protracted("Syria", settings)
    assert english == (
        "Syria hosted no protracted refugee situation at the end of 2025: no nationality "
        "numbered 25,000 refugees or more there in each of the last 5 years."
    )
    with i18n.using("nl"):
        dutch = words.no_protracted("Syrië", settings)
    assert dutch.startswith("Syrië kende eind 2025 geen langdurige vluchtelingensituatie")
    assert "25.000 vluchtelingen" in dutch


def test_the_history_draws_no_bar_and_no_year_label_where_there_is_no_figure(tmp_path):
    """St Kitts and Nevis, 2017-2025: nobody in any group in 2022 (refugees and
    asylum-seekers 0, OIP and IDPs without a figure); OIP without a figure before 2020."""
    rows = {year: _row(5, pd.NA, 0, pd.NA, pd.NA) for year in range(2017, 2026)}
    rows[2020] = _row(0, pd.NA, 0, 19, pd.NA)
    rows[2021] = _row(0, pd.NA, 0, 60, pd.NA)
    rows[2022] = _row(0, pd.NA, 0, pd.NA, pd.NA)
    frame = _over_time(rows)
    fig = charts.displacement_trend(frame, "t", "Source: x", size=(6.7, 3.0), low=True)
    from displacement_report.present.charts.collisions import problems

    assert problems(fig) == []
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "2022" not in labels and labels
    data = exhibits.chart_data(fig)
    oip = data[data["series"] == "Other people in need of international protection"]
    # no figure stays no figure (never 0.0); a recorded zero stays 0
    assert oip.set_index("x")["value"].isna().loc[[2017, 2022]].all()
    assert oip.set_index("x").loc[2021, "value"] == 60
    refugees = data[data["series"] == "Refugees under UNHCR's mandate"].set_index("x")
    assert refugees.loc[2022, "value"] == 0
    html = exhibits.chart_html(fig, "profile_KNA_by_group")
    assert "2022" not in words.history_caption("Saint Kitts and Nevis", frame.loc[:2021])
    caption = words.history_caption("Saint Kitts and Nevis", frame)
    assert caption.endswith(
        "No bar for 2022: the statistics record nobody in these groups there, or give no figure."
    )
    assert html
    plt.close(fig)


def test_a_chart_s_data_file_names_its_columns_in_the_edition_s_language(tmp_path):
    rows = {2024: _row(5, pd.NA, 1, pd.NA, pd.NA), 2025: _row(7, pd.NA, 2, 3, pd.NA)}
    exhibits.configure(tmp_path, {}, "test")
    try:
        for language, header in (("en", "year,group,people"), ("nl", "jaar,groep,personen")):
            with i18n.using(language):
                fig = charts.displacement_trend(_over_time(rows), "t", "Source: x")
                exhibits.chart_html(fig, f"profile_X_by_group_{language}")
                plt.close(fig)
            lines = (tmp_path / f"profile_X_by_group_{language}.csv").read_text().splitlines()
            assert lines[0] == header
            assert f"2025,{i18n_name(language)},7" in lines  # whole people, not 7.0
            assert f"2024,{i18n_name(language, 'oip')}," in lines  # no figure: empty
    finally:
        exhibits._context = None


def i18n_name(language: str, group: str = "refugees") -> str:
    with i18n.using(language):
        return i18n._(headline.COMPONENTS[group])


def test_a_mostly_unrwa_headline_shows_the_unhcr_mandate_trend_beside_it():
    from displacement_report.present.narrative.focus_countries import profile_paragraph

    table = _over_time(
        {
            2019: _row(693_668, 2_272_411, 80_000, pd.NA, pd.NA),
            2025: _row(436_226, 2_398_179, 8_068, pd.NA, pd.NA),
        }
    )
    table[headline.TOTAL] = table[list(headline.COMPONENTS)].sum(axis=1, min_count=1)
    text = profile_paragraph(table, "Jordan", 2019, 2025)
    assert "refugees under UNHCR's mandate numbered 693,668 at the end of 2019 and 436,226" in text
    # the total is the hosted figure of the first sentence: not repeated in its words
    assert "Altogether" not in text and "That is 6.7% fewer than at the end of 2019." in text


def test_palestine_refugees_at_home_are_not_hosted_nor_added_to_the_displaced():
    from displacement_report.present.narrative.focus_countries import profile_paragraph

    table = _over_time({2025: _row(0, 2_484_580, 0, pd.NA, 2_035_000)})
    text = profile_paragraph(table, "the Palestinian territories", 2019, 2025, True)
    assert "2.5 million registered Palestine refugees" in text
    assert "not hosted by another country" in text and "hosted 2.5" not in text
    assert "overlap and are not added up" in text and "4.5" not in text
    unrwa = pd.DataFrame(
        {
            "year": [2025, 2025],
            "coo_iso": ["PSE", "PSE"],
            "coa_iso": ["PSE", "JOR"],
            "total": [1, 2],
        }
    )
    assert headline.unrwa_at_home(unrwa, "PSE") and not headline.unrwa_at_home(unrwa, "JOR")


def test_the_profiles_table_change_on_the_year_leaves_out_a_group_without_a_figure():
    """Refugees and OIP against the year before, over the groups known in both years:
    OIP not counted the year before is left out, not taken as 0."""
    from displacement_report.report.profile_index import change_on_the_year

    numbers = [
        {"key": "refugees", "value": 1_100, "previous": 1_000},
        {"key": "oip", "value": 500, "previous": None},
        {"key": "asylum_seekers", "value": 9_000, "previous": 1},
    ]
    assert change_on_the_year(numbers) == pytest.approx(10.0)
    assert change_on_the_year([{"key": "refugees", "value": 5, "previous": None}]) is None
    assert change_on_the_year([{"key": "refugees", "value": 5, "previous": 0}]) is None


def test_country_names_in_a_table_s_first_column_are_kept_on_one_line():
    """'Zuid- / Soedan' and 'South / Sudan' broke in narrow tables while the number
    columns had room: a name up to the limit gets the class that keeps it whole; a
    longer one may wrap at a space; other columns and the data are untouched."""
    frame = pd.DataFrame(
        {"Land": ["Zuid-Soedan", "Centraal-Afrikaanse Republiek", "Côte d'Ivoire"], "N": [1, 2, 3]}
    )
    page = exhibits.table_html(frame, {"N": fmt.count}, "caption", "Source: x")
    kept = BeautifulSoup(tables.names_kept_whole(page, 16), "html.parser")
    whole = [td.get_text().strip() for td in kept.select("td.whole-name")]
    assert whole == ["Zuid-Soedan", "Côte d'Ivoire"]  # 13 letters, though escaped longer
    assert all("col0" in td["class"] for td in kept.select("td.whole-name"))
    assert kept.get_text() == BeautifulSoup(page, "html.parser").get_text()
    css = Path(combine.__file__).parent / "templates/report/factsheet.css"
    assert "td.whole-name { white-space: nowrap; }" in css.read_text(encoding="utf-8")


def test_the_hosting_section_is_named_without_a_judgement():
    """'Burden' reads as a judgement of refugees (UNHCR and the Global Compact speak of
    hosting and responsibility-sharing); the Dutch 'Opvangdruk' is neutral."""
    assert words.section("burden") == "## Hosting, income and protracted situations"
    with i18n.using("nl"):
        assert words.section("burden") == "## Opvangdruk, inkomen en langdurige situaties"


def test_the_history_caption_starts_at_the_first_year_with_a_bar_drawn():
    """Colombia's chart began in 2009, while its caption said 2000-2025: the years
    before held only a group too small to draw."""
    frame = _jordan_like()
    frame.loc[2015:2017, ["refugees", "unrwa_refugees"]] = 0
    frame[headline.TOTAL] = frame[list(headline.COMPONENTS)].sum(axis=1)
    caption = words.history_caption("Jordan", frame, unseen=["asylum_seekers"])
    assert "2018–2025, by group" in caption and "No bar for" not in caption


@pytest.mark.parametrize("language", ["en", "nl"])
def test_other_people_in_need_of_protection_are_said_to_be_outside_the_rule(language):
    """Colombia's 2.8 million Venezuelans stood beside '0.0 refugees per 1,000' and no
    protracted situation, with no word: the country read as hosting almost nobody."""
    tiles = [
        KeyFigure("refugees", 2025, 1_464, 1_500),
        KeyFigure("oip", 2025, 2_810_778, 2_800_000),
        KeyFigure("idps", 2025, None, None),
    ]
    assert key_figures.figure_value(tiles, "oip") == 2_810_778
    assert key_figures.figure_value(tiles, "idps") == 0
    assert key_figures.figure_value(tiles, "asylum_seekers") == 0
    settings = validate_parameters({"report_year": 2025})
    with i18n.using(language):
        text = words.oip_outside_the_rule(2_810_778, "Colombia", settings)
        unrwa = words.unrwa_outside_the_rule(settings)
    expected = {
        "en": "The 2,810,778 other people in need of international protection in Colombia are "
        "outside UNHCR's rule for protracted situations (25,000 or more refugees of one "
        "nationality in each of the last 5 years) and outside the refugees per 1,000 "
        "inhabitants: both count refugees only.",
        "nl": "De 2.810.778 andere personen die internationale bescherming nodig hebben in "
        "Colombia vallen buiten de regel van UNHCR voor langdurige vluchtelingensituaties "
        "(25.000 of meer vluchtelingen van één nationaliteit in elk van de laatste 5 jaar) "
        "en buiten het aantal vluchtelingen per 1.000 inwoners: beide tellen alleen "
        "vluchtelingen.",
    }
    assert text == expected[language]
    # under the table the rule is stated, not pointed at ('this rule', stated elsewhere)
    assert "this rule" not in unrwa and "deze regel" not in unrwa
    assert ("25,000" if language == "en" else "25.000") in unrwa
