"""The built documents read as a publication: page by page, every chart, and the PDF's
tags, on the default report (both editions), a 2012 report with focus countries TUR and
PAK (both editions) and the factsheets of JOR and MLT.

- Pages: no heading or table title at a page's foot, no chapter begun mid-page, no
  table continued with a single row, no blank page (`pdf_pages.layout_findings`).
- Charts: every chart the builds save is checked as it is saved (`charts.collisions`,
  through `exhibits.CHECK_CHARTS_ENV`): no two texts overlap, none crosses the frame or
  leaves the figure, no label over a line or another bar, no line cut off by the frame,
  no year label under an empty slot, no empty legend entry, every axis number grouped.
- Tags: `pdfua check` finds no error and no warning.

The builds are this module's own fixtures (named for what they build); the shared
session fixtures may replace them once they build the same reports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from displacement_report import config
from displacement_report.present import exhibits
from displacement_report.report import batch, build
from displacement_report.settings import validate_parameters
from tests.report.pdf_pages import layout_findings

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def chart_record(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where every chart saved by this module's builds is checked and recorded."""
    record = tmp_path_factory.mktemp("chart-check") / "charts.jsonl"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(exhibits.CHECK_CHARTS_ENV, str(record))
        yield record


def _settings(real_dir: Path, out: Path, **values):
    name, defaults = config.load("default")
    return name, validate_parameters(
        defaults
        | {"output_dir": str(out), "data_dir": str(real_dir), "language": ["en", "nl"]}
        | values
    )


@pytest.fixture(scope="module")
def default_report_checked(
    chart_record: Path, tmp_path_factory: pytest.TempPathFactory, real_dir: Path
) -> build.RunResult:
    """The default parameter set, both editions."""
    name, settings = _settings(real_dir, tmp_path_factory.mktemp("default-report"))
    return build.build_report(settings, config_name=name)


@pytest.fixture(scope="module")
def report_2012_tur_pak_checked(
    chart_record: Path, tmp_path_factory: pytest.TempPathFactory, real_dir: Path
) -> build.RunResult:
    """Report year 2012 with focus countries Türkiye and Pakistan, both editions."""
    _name, settings = _settings(
        real_dir,
        tmp_path_factory.mktemp("report-2012"),
        report_year=2012,
        baseline_year=2010,
        focus_countries=["TUR", "PAK"],
    )
    return build.build_report(settings, config_name="2012-tur-pak")


@pytest.fixture(scope="module")
def factsheets_jor_mlt_checked(
    chart_record: Path, tmp_path_factory: pytest.TempPathFactory, real_dir: Path
) -> list[build.RunResult]:
    """The country profiles of Jordan and Malta, both editions."""
    _name, settings = _settings(real_dir, tmp_path_factory.mktemp("factsheets"))
    result = batch.run_profiles(settings, ["JOR", "MLT"])
    assert not result.failed, result.failed
    return result.published


REPORTS = ("default_report_checked", "report_2012_tur_pak_checked")


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("report", REPORTS)
def test_pages_hold_together(request: pytest.FixtureRequest, report: str, language: str):
    result: build.RunResult = request.getfixturevalue(report)
    _html, pdf = result.edition(language)
    assert layout_findings(result.published / pdf.name) == []


def test_every_chart_is_clean(
    default_report_checked: build.RunResult,
    report_2012_tur_pak_checked: build.RunResult,
    factsheets_jor_mlt_checked: list[build.RunResult],
    chart_record: Path,
):
    records = [json.loads(line) for line in chart_record.read_text().splitlines()]
    checked = {Path(record["chart"]).resolve() for record in records}
    results = [default_report_checked, report_2012_tur_pak_checked, *factsheets_jor_mlt_checked]
    saved = {
        svg.with_suffix("").resolve()
        for result in results
        for svg in result.run_dir.glob("*/figures/*.svg")
    }
    assert saved, "the builds saved no chart"
    assert saved <= checked, f"charts saved but not checked: {sorted(saved - checked)}"
    problems = {
        f"{Path(r['chart']).parent.parent.name}/{Path(r['chart']).name}": r["problems"]
        for r in records
        if r["problems"]
    }
    assert problems == {}


def _pdfua(pdf: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--format", "json", str(pdf)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(run.stdout)


def _pdfs(request: pytest.FixtureRequest, which: str) -> list[Path]:
    found = request.getfixturevalue(which)
    results = found if isinstance(found, list) else [found]
    return [r.published / r.edition(lang)[1].name for r in results for lang in r.languages]


@pytest.mark.parametrize("which", ["default_report_checked", "factsheets_jor_mlt_checked"])
def test_pdfua_finds_no_error_and_no_warning(request: pytest.FixtureRequest, which: str):
    for pdf in _pdfs(request, which):
        result = _pdfua(pdf)
        findings = [f"{f['location']}: {f['message']}" for f in result["findings"]]
        assert (pdf.name, findings) == (pdf.name, [])
        assert result["summary"]["errors"] == result["summary"]["warnings"] == 0
