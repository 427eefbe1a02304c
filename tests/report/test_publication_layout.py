"""The built documents read as a publication: page by page, every chart, and the PDF's
tags, on the default report (both editions), a 2001 report with focus countries AFG, PAK
and IRN (both editions) and the factsheets of JOR and MLT.

- Pages: no heading or table title at a page's foot, no chapter begun mid-page, no
  table continued with a single row, no blank page (`pdf_pages.layout_findings`).
- Charts: every chart the builds save is checked as it is saved (`charts.collisions`,
  through `exhibits.CHECK_CHARTS_ENV`): no two texts overlap, none crosses the frame or
  leaves the figure, no label over a line or another bar, no line cut off by the frame,
  no year label under an empty slot, no empty legend entry, every axis number grouped.
- Tags: `pdfua check` finds no error and no warning.

The builds are the suite's shared ones (tests/conftest.py), which check every chart
they save.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from displacement_report.report import build
from tests.conftest import Profiles, chart_record
from tests.report.pdf_pages import layout_findings, side_margins, text_past_the_margins

pytestmark = pytest.mark.notebook


#: The factsheets this module reads of the shared profiles build.
FACTSHEETS = ("JOR", "MLT")


@pytest.fixture(scope="module")
def factsheet_pdfs(profiles: Profiles) -> list[Path]:
    return [profiles.edition(code, language)[1] for code in FACTSHEETS for language in ("en", "nl")]


REPORTS = ("default_report", "report_2001")


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("report", REPORTS)
def test_pages_hold_together(request: pytest.FixtureRequest, report: str, language: str):
    result: build.RunResult = request.getfixturevalue(report)
    _html, pdf = result.edition(language)
    assert layout_findings(result.published / pdf.name) == []


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("report", REPORTS)
def test_no_text_runs_past_the_page_margins(
    request: pytest.FixtureRequest, report: str, language: str
):
    """No glyph on any page beyond the margins report.css sets: a table wider than the
    text column shows here (the Dutch tables 1.4, 2.1, 5.4 and 5.5 ran past the page's
    edge), and so does any other line that would."""
    result: build.RunResult = request.getfixturevalue(report)
    _html, pdf = result.edition(language)
    assert text_past_the_margins(pdf, side_margins("report.css")) == []


def test_every_chart_is_clean(
    default_report: build.RunResult, report_2001: build.RunResult, profiles: Profiles
):
    builds = [default_report.published.parent, report_2001.published.parent, profiles.out]
    records = [
        json.loads(line)
        for folder in builds
        for line in chart_record(folder).read_text().splitlines()
    ]
    checked = {Path(record["chart"]).resolve() for record in records}
    run_dirs = [default_report.run_dir, report_2001.run_dir]
    run_dirs += [profiles.folder(code).resolve() for code in FACTSHEETS]
    saved = {
        svg.with_suffix("").resolve() for run in run_dirs for svg in run.glob("*/figures/*.svg")
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


def test_pdfua_finds_no_error_and_no_warning(
    default_report: build.RunResult, factsheet_pdfs: list[Path]
):
    reports = [
        default_report.published / default_report.edition(lang)[1].name for lang in ("en", "nl")
    ]
    for pdf in [*reports, *factsheet_pdfs]:
        result = _pdfua(pdf)
        findings = [f"{f['location']}: {f['message']}" for f in result["findings"]]
        assert (pdf.name, findings) == (pdf.name, [])
        assert result["summary"]["errors"] == result["summary"]["warnings"] == 0
