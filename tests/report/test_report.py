"""The report end to end on the real data: notebook executed, HTML and PDF checked."""

from __future__ import annotations

import os
import re

import nbformat
import pytest
from typer.testing import CliRunner

from displacement_report import letter, paths
from displacement_report.cli import app
from displacement_report.errors import NotebookError, OutputError
from displacement_report.report import build
from displacement_report.settings import parse_settings
from tests.conftest import (
    csv_table,
    forcibly_displaced_from_csv,
    pdf_pages,
    pdf_reader,
    publish_copy,
    write_notebook,
)

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def built(default_report):
    """The default report (report year 2025, baseline 2019), both editions."""
    return default_report


@pytest.fixture(scope="module")
def pdf_text(built):
    return "\n".join(pdf_pages(built.edition("en")[1]))


def test_published_latest_points_at_the_run(built):
    assert built.published.is_symlink()
    assert built.published.resolve() == built.run_dir.resolve()
    for language in ("nl", "en"):
        assert (built.published / f"report.{language}.pdf").read_bytes()[:5] == b"%PDF-"
    assert built.run_dir.name.startswith("default-")


def _focus_refugees(real_dir, year: int) -> int:
    population = csv_table(real_dir, "population").query("year == @year")
    return int(population[population["coa_iso"].isin(letter.FOCUS_COUNTRIES)]["refugees"].sum())


def test_pdf_carries_title_headline_figures_and_colophon(pdf_text, real_dir):
    text = re.sub(r"\s+", " ", pdf_text)
    assert "Forced displacement and Dutch reception in the region" in text
    # end-2025 as UNHCR composes it, summed from the CSV files
    end = forcibly_displaced_from_csv(real_dir, 2025)
    million = {key: f"{value / 1e6:.1f} million" for key, value in end.items()}
    both = f"{(end['refugees'] + end['unrwa_refugees']) / 1e6:.1f} million"
    assert f"{million['forcibly_displaced']} people were forcibly displaced" in text
    assert f"{both} were refugees" in text
    assert f"{million['refugees']} under UNHCR's mandate" in text
    assert "Source: UNHCR Refugee Population Statistics Database (version 2025.12.1)" in text
    assert "Colophon" in text
    # the 2021 line (EUR 135.5 million after the 2nd supplementary budget, the latest
    # budget figure up to 2025) / refugees in the focus countries at end-2021: no year
    # is given another year's budget
    assert f"EUR {135_500_000 / _focus_refugees(real_dir, 2021):.0f} per refugee" in text
    assert "not what was spent" in text  # budgets are labelled as budgets
    # the long lists of document figures are in the annex, the chapter refers to them
    assert "Annex A. Figures from public documents" in text
    assert "Every budget figure found, with its source, is listed in Table A.1" in text
    assert "38 quantitative statements" in text
    assert "Contents" in text
    assert "1.1 The year's change, the total and its parts" in text
    assert "3cc9d26b6d6d7a6853ec2036e68a500822e73263c3edb0be33f26654e80835e8" in text.replace(
        " ", ""
    )
    assert "Türkiye" in text
    # the letter's context figures, now for end-2025: the share of the world's
    # population (World Bank), most refugees hosted in low- and middle-income countries
    world = csv_table(paths.SHARED_DATA_DIR / "worldbank", "population_wb_aggregates")
    people = world.query("iso3 == 'WLD' and year == 2025")["population"].item()
    share = 100 * end["forcibly_displaced"] / people
    assert f"That is {share:.2f}% of the world's population" in text
    hosted = re.search(r"countries of low and middle income hosted ([\d.]+)% of the refugees", text)
    assert hosted and float(hosted.group(1)) > 50
    for chapter in (
        "2. Hosting and origins",
        "3. Protracted situations, solutions",
        "4. The focus countries, one by one",
        "5. Asylum in the Netherlands and reception in the region",
        "6. Dutch money for reception in the region",
        "7. What reception costs, here and in the region",
        "8. The letter's claims, checked then and now",
    ):
        assert chapter in text


def test_no_code_reaches_the_reader(built, pdf_text):
    for fragment in ("import ", "validate_parameters(", "display(", "headline."):
        assert fragment not in pdf_text
    page = built.edition("en")[0].read_text(encoding="utf-8")
    assert "validate_parameters(" not in page
    assert not re.search(r"<script[^>]+src=\"https?://", page), "the HTML fetches from a CDN"


def test_pdf_has_numbered_a4_pages(built, pdf_text):
    reader = pdf_reader(built.edition("en")[1])
    assert len(reader.pages) >= 3
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert f"1 / {len(reader.pages)}" in pdf_text


def test_executed_notebook_and_figures_are_kept_in_the_run(built):
    executed = nbformat.read(built.run_dir / "en" / "notebooks" / "01_global_picture.ipynb", 4)
    assert executed.metadata.papermill.parameters["report_year"] == 2025
    assert (built.run_dir / "en" / "figures" / "forcibly_displaced_by_group.svg").is_file()
    assert (built.run_dir / "en" / "figures" / "forcibly_displaced_by_group.png").is_file()


def test_failing_notebook_keeps_its_copy_and_the_published_report(tiny_report, tmp_path):
    published = publish_copy(tiny_report, tmp_path / "out")
    before = (published.published / "report.en.pdf").read_bytes()
    path = write_notebook(
        tmp_path / "broken.ipynb", "report_year = 0", "raise RuntimeError('deliberate failure')"
    )
    settings = parse_settings(
        {"report_year": 2019, "output_dir": str(tmp_path / "out"), "language": "en"}
    )
    with pytest.raises(NotebookError, match=r"broken\.ipynb failed in cell .*deliberate failure"):
        build.build_report(settings, config_name="broken", notebooks=(path,))
    kept = list((tmp_path / "out").glob("runs/broken-*/en/notebooks/broken.ipynb"))
    assert len(kept) == 1 and "deliberate failure" in kept[0].read_text()
    assert (published.published / "report.en.pdf").read_bytes() == before
    assert published.published.resolve() == published.run_dir.resolve()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_unwritable_output_folder_stops_before_work(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    settings = parse_settings({"report_year": 2019, "output_dir": str(locked / "out")})
    with pytest.raises(OutputError, match="not writable"):
        build.build_report(settings)


def test_output_folder_that_is_a_file_stops_before_work(tmp_path):
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder")
    settings = parse_settings({"report_year": 2019, "output_dir": str(blocker)})
    with pytest.raises(OutputError, match=r"output folder .*reports is not writable"):
        build.build_report(settings)
    assert blocker.read_text() == "not a folder"


def test_cli_refuses_bad_parameters_before_any_work(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["report", "--set", "report_year=2031", "--output-dir", str(out)]
    )
    assert result.exit_code == 2
    assert "report_year=2031 is outside the data: allowed 1990-2025" in result.output
    assert not out.exists()


def test_cli_lists_notebook_parameters():
    result = CliRunner().invoke(app, ["params"])
    assert result.exit_code == 0
    assert "report_year: int = 2025" in result.output
    assert "default" in result.output


def test_notebook_runs_top_to_bottom_with_its_own_defaults(tmp_path):
    """What an analyst gets pressing 'Run all' in JupyterLab: no injected parameters."""
    import papermill

    from displacement_report import paths

    target = tmp_path / "ran.ipynb"
    papermill.execute_notebook(
        str(paths.NOTEBOOKS_DIR / "01_global_picture.ipynb"), str(target), progress_bar=False
    )
    executed = nbformat.read(target, 4)
    shown = "".join(
        str(out.get("data", {}).get("text/markdown", ""))
        for cell in executed.cells
        for out in cell.get("outputs", [])
    )
    assert "At the end of 2025" in shown
    assert "Compared with the end of 2019" in shown
    assert (paths.figures_dir() / "forcibly_displaced_by_group.svg").is_file()
