"""A UNHCR release with a year the other sources do not have yet (the World Bank's
population, UNHCR's own asylum, flows and solutions tables) is accepted and builds:
each chapter uses its sources' latest years and says so, a missing year is never read
as zero, and a year beyond the headline tables is refused before any work, naming the
table and its last year.

The data folder is the real one with one more year appended to the three tables of
the headline total (a copy of their last year), as a new UNHCR release arrives."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from typer.testing import CliRunner

from displacement_report import paths
from displacement_report.cli import app
from displacement_report.report import build
from displacement_report.settings import validate_parameters

pytestmark = [pytest.mark.notebook, pytest.mark.xdist_group("new_data_year")]

HEADLINE_TABLES = ("population.csv", "unrwa.csv", "idmc.csv")
CHAPTERS = (
    "01_global_picture.ipynb",
    "02_hosting_and_origins.ipynb",
    "03_protracted_and_solutions.ipynb",
    "05_asylum_and_region.ipynb",
)


def _last_year(path: Path, column: str = "year") -> int:
    return int(pd.read_csv(path, usecols=[column])[column].max())


@pytest.fixture(scope="module")
def new_year_folder(tmp_path_factory, real_dir: Path) -> tuple[Path, int]:
    """The real UNHCR folder, its headline tables one year longer."""
    folder = tmp_path_factory.mktemp("unhcr-new-year")
    new_year = _last_year(real_dir / "population.csv") + 1
    for source in sorted(real_dir.glob("*.csv")):
        target = folder / source.name
        if source.name not in HEADLINE_TABLES:
            target.symlink_to(source)
            continue
        lines = source.read_text(encoding="utf-8").splitlines()
        last = str(new_year - 1)
        repeated = [
            str(new_year) + line[len(last) :] for line in lines if line.startswith(last + ",")
        ]
        target.write_text("\n".join(lines + repeated) + "\n", encoding="utf-8")
    return folder, new_year


@pytest.fixture(scope="module")
def built(tmp_path_factory, new_year_folder) -> tuple[Path, int]:
    folder, new_year = new_year_folder
    out = tmp_path_factory.mktemp("out")
    settings = [
        "--set",
        f"report_year={new_year}",
        "--set",
        f"data_dir={folder}",
        "--set",
        "language=en",
        "--output-dir",
        str(out),
    ]
    report = validate_parameters(
        {"report_year": new_year, "data_dir": str(folder), "language": "en", "output_dir": str(out)}
    )
    build.build_report(report, config_name="new-year", notebooks=CHAPTERS)
    result = CliRunner().invoke(app, ["profiles", "JOR", *settings])
    assert result.exit_code == 0, result.output
    return out, new_year


def _chapter_text(out: Path, name: str) -> str:
    page = (out / "latest" / "en" / "notebooks" / name.replace(".ipynb", ".html")).read_text()
    return re.sub(r"\s+", " ", BeautifulSoup(page, "html.parser").get_text(" "))


def test_each_chapter_names_the_sources_that_end_before_the_report_year(built):
    out, new_year = built
    worldbank = _last_year(paths.SHARED_DATA_DIR / "worldbank" / "population.csv")
    unhcr = paths.SHARED_DATA_DIR / "unhcr"
    opening = f"Not every source covers {new_year} yet"
    expected = {
        "01_global_picture.ipynb": [f"world population: latest World Bank year {worldbank}"],
        "02_hosting_and_origins.ipynb": [f"population: latest World Bank year {worldbank}"],
        "03_protracted_and_solutions.ipynb": [
            "returns, resettlement and naturalisation: latest UNHCR year "
            f"{_last_year(unhcr / 'solutions.csv')}"
        ],
        "05_asylum_and_region.ipynb": [
            f"new arrivals: latest UNHCR year {_last_year(unhcr / 'flows.csv')}",
            f"asylum decisions: latest UNHCR year {_last_year(unhcr / 'asylum_decisions.csv')}",
        ],
    }
    for chapter, phrases in expected.items():
        text = _chapter_text(out, chapter)
        assert opening in text, chapter
        for phrase in phrases:
            assert phrase in text, (chapter, phrase)


def test_a_year_a_table_does_not_cover_is_not_reported_as_nobody(built):
    out, new_year = built
    solutions = _chapter_text(out, "03_protracted_and_solutions.ipynb")
    assert f"In {new_year}, UNHCR recorded no returns" not in solutions
    asylum = _chapter_text(out, "05_asylum_and_region.ipynb")
    assert f"records nobody for {new_year}" not in asylum
    assert f"for {new_year} there is nothing to show" not in asylum


def test_the_world_share_uses_the_latest_world_population_and_says_so(built):
    out, _new_year = built
    worldbank = _last_year(paths.SHARED_DATA_DIR / "worldbank" / "population.csv")
    text = _chapter_text(out, "01_global_picture.ipynb")
    assert f"(the World Bank's latest figure, for {worldbank})" in text


def test_the_colophon_gives_the_years_each_table_covers(built, real_dir):
    out, new_year = built
    page = BeautifulSoup((out / "latest" / "report.en.html").read_text(), "html.parser")
    heading = next(
        h for h in page.select("section.colophon h3") if "UNHCR Refugee Population" in h.get_text()
    )
    rows = {
        row.find_all("td")[0].get_text(): row.find_all("td")[1].get_text()
        for row in heading.find_next("table").find_all("tr")
        if row.find_all("td")
    }
    first = int(pd.read_csv(real_dir / "population.csv", usecols=["year"])["year"].min())
    assert rows["population.csv"] == f"{first}–{new_year}"
    assert rows["asylum_decisions.csv"].endswith(str(new_year - 1))


def test_the_factsheet_builds_for_the_new_year(built):
    out, new_year = built
    page = (out / "profiles" / "JOR" / "report.en.html").read_text()
    text = re.sub(r"\s+", " ", BeautifulSoup(page, "html.parser").get_text(" "))
    assert f"Not every source covers {new_year} yet" in text


def test_a_year_beyond_the_headline_tables_is_refused_naming_them(new_year_folder, tmp_path):
    folder, new_year = new_year_folder
    result = CliRunner().invoke(
        app,
        [
            "report",
            "--set",
            f"report_year={new_year + 1}",
            "--set",
            f"data_dir={folder}",
            "--output-dir",
            str(tmp_path),
        ],
    )
    assert result.exit_code != 0
    assert f"population.csv ends in {new_year}" in result.output
    assert f"idmc.csv ends in {new_year}" in result.output
    assert not (tmp_path / "runs").exists()  # refused before any run folder
