"""The report pipeline: reuse, reproducibility, parallel chapters, interruption, batches."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from displacement_report.cli import app
from displacement_report.errors import ParameterError
from displacement_report.report import build
from displacement_report.settings import parse_settings, validate_parameters
from tests.conftest import (
    SMALL_REPORT,
    cli_with_chapters,
    pdf_pages,
    publish_copy,
    write_notebook,
)

pytestmark = pytest.mark.notebook


def _settings(out, **extra):
    values = {"report_year": 2019, "output_dir": str(out), "language": "en"}
    return validate_parameters(values | extra)


def _runs(out):
    return sorted((out / "runs").iterdir())


def _tiny(tmp_path):
    """A hand-written notebook: for what does not depend on the chapters' content."""
    return write_notebook(tmp_path / "tiny.ipynb", "report_year: int = 2025  # year", "1 + 1")


def test_unchanged_rerun_executes_nothing_and_force_does(tmp_path):
    tiny = (_tiny(tmp_path),)
    out = tmp_path / "out"
    first = build.build_report(_settings(out), notebooks=tiny)
    again = build.build_report(_settings(out), notebooks=tiny)
    assert again.reused and again.run_dir == first.run_dir
    assert len(_runs(out)) == 1
    changed = build.build_report(_settings(out, baseline_year=2018), notebooks=tiny)
    assert not changed.reused and len(_runs(out)) == 2
    assert changed.published.resolve() == changed.run_dir.resolve()
    forced = build.build_report(_settings(out, baseline_year=2018), notebooks=tiny, force=True)
    assert not forced.reused and len(_runs(out)) == 3


def test_same_inputs_give_byte_identical_reports(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "out"
    # a real chapter and a hand-written one, executed side by side as chapters are
    small = {"notebooks": (SMALL_REPORT[0], _tiny(tmp_path)), "force": True}
    build.build_report(_settings(out), **small)  # the first: nothing to compare with
    one = build.build_report(_settings(out), **small)
    two = build.build_report(_settings(out), **small)
    assert one.run_dir != two.run_dir
    # the run after an identical one finds nothing changed (its annex and changes.json)
    summary = json.loads((two.run_dir / "changes.json").read_text(encoding="utf-8"))["summary"]
    assert summary == f"no changes since {one.run_dir.name}"
    assert one.html.read_bytes() == two.html.read_bytes()
    assert one.pdf.read_bytes() == two.pdf.read_bytes()
    assert "2023-11-14" in one.html.read_text(encoding="utf-8")


def test_two_chapters_run_in_parallel_and_are_numbered_in_order(tmp_path):
    result = build.build_report(
        _settings(tmp_path, focus_countries=["LBN"]),
        notebooks=("01_global_picture.ipynb", "profile/country_profile.ipynb"),
    )
    reader = PdfReader(result.pdf)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [
        "Forced displacement and Dutch reception in the region",
        "Contents",
        "1. The global picture: people forced to flee",
        "2. Country profile: Lebanon",
        "What changed since the previous report",
        "Glossary",
        "Figures and tables",
        "Colophon",
    ]
    text = "\n".join(pdf_pages(result.pdf))
    contents_page = pdf_pages(result.pdf)[1]
    assert re.search(r"2\. Country profile: Lebanon\s*\.*\s*\d+", contents_page)
    assert "1.1 The year's change, the total and its parts" in text
    for name in ("01_global_picture", "country_profile"):
        assert (result.run_dir / "en" / "notebooks" / f"{name}.html").is_file()


def test_a_notebook_parameter_the_report_cannot_set_is_refused_before_work(tmp_path):
    path = write_notebook(tmp_path / "odd.ipynb", "colour: str = 'red'  # not a report parameter")
    out = tmp_path / "out"
    with pytest.raises(ParameterError, match=r"odd\.ipynb declares parameter\(s\) \['colour'\]"):
        build.build_report(
            parse_settings({"report_year": 2019, "output_dir": str(out)}), notebooks=(path,)
        )
    assert not (out / "runs").exists()


INTERRUPTED_RUN = textwrap.dedent(
    """
    import sys
    from displacement_report.cli import interruptible
    from displacement_report.report import build
    from displacement_report.settings import parse_settings

    settings = parse_settings({"report_year": 2019, "output_dir": sys.argv[1]})
    with interruptible():
        build.build_report(settings, config_name="slow", notebooks=(sys.argv[2],), force=True)
    """
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_run_leaves_the_published_report_alone(tmp_path, signum, tiny_report):
    out = tmp_path / "out"
    published = publish_copy(tiny_report, out)
    before = (published.published / "report.en.pdf").read_bytes()
    write_notebook(
        tmp_path / "slow.ipynb", "report_year: int = 0  # year", "import time\ntime.sleep(60)"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED_RUN, str(out), str(tmp_path / "slow.ipynb")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(out.glob("runs/slow-*/*/notebooks/slow.ipynb")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the slow notebook never started"
        time.sleep(0.2)
    time.sleep(1.0)  # inside the sleeping cell
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "published report is unchanged" in err
    assert (out / "latest").resolve() == published.run_dir.resolve()
    assert (out / "latest" / "report.en.pdf").read_bytes() == before
    (slow_run,) = out.glob("runs/slow-*")
    assert not (slow_run / "report.en.pdf").exists()
    assert not (slow_run / "inputs.json").exists()  # never taken for a complete run
    assert not [p for p in out.rglob("*.part")]
    # and the next run succeeds
    assert build.build_report(_settings(out), notebooks=(_tiny(tmp_path),)).pdf.is_file()


def test_profiles_command_refuses_unknown_codes_before_any_work(tmp_path):
    result = CliRunner().invoke(
        app, ["profiles", "JOR", "XYZ"], env={"DISPLACEMENT_REPORT_OUTPUT_DIR": str(tmp_path)}
    )
    assert result.exit_code == 2
    assert "unknown country code 'XYZ'" in result.output
    assert not (tmp_path / "runs").exists()


def test_not_interactive_runs_log_plain_lines(tmp_path):
    env = os.environ | {"DISPLACEMENT_REPORT_OUTPUT_DIR": str(tmp_path)}
    proc = subprocess.run(
        # a hand-written chapter: the log's form does not depend on what a chapter computes
        [*cli_with_chapters(_tiny(tmp_path)), "report", "--set", "report_year=2019", "-l", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "INFO executing tiny.ipynb" in proc.stderr
    assert "INFO published" in proc.stderr
    assert "\r" not in proc.stderr  # no progress bar redraws in a log file


def test_two_runs_started_together_both_complete_into_their_own_folders(tmp_path):
    env = os.environ | {"DISPLACEMENT_REPORT_OUTPUT_DIR": str(tmp_path / "out")}
    command = [*cli_with_chapters(_tiny(tmp_path)), "report", "--force", "--language", "en"]
    procs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    out = tmp_path / "out"
    runs = _runs(out)
    assert len(runs) == 2
    for run in runs:
        assert (run / "inputs.json").is_file() and (run / "report.en.pdf").is_file()
    assert (out / "latest").resolve() in {run.resolve() for run in runs}
    assert not list(out.rglob("*.part")) and not list(out.glob(".latest*"))


def test_a_changed_world_bank_file_is_not_served_from_an_old_run(tmp_path):
    import shutil

    from displacement_report import paths

    wb = tmp_path / "worldbank"
    shutil.copytree(paths.SHARED_DATA_DIR / "worldbank", wb)
    out = tmp_path / "out"
    tiny = (_tiny(tmp_path),)
    first = build.build_report(_settings(out, worldbank_dir=str(wb)), notebooks=tiny)
    assert "ldc_list.csv" in first.html.read_text(encoding="utf-8")  # listed in the colophon
    assert build.build_report(_settings(out, worldbank_dir=str(wb)), notebooks=tiny).reused
    ldcs = wb / "ldc_list.csv"
    ldcs.write_text(ldcs.read_text(encoding="utf-8").replace(",Afghanistan,", ",Afghanistan ,"))
    assert not build.build_report(_settings(out, worldbank_dir=str(wb)), notebooks=tiny).reused


def test_an_iati_file_shows_up_beside_the_document_figures(tmp_path):
    from pathlib import Path

    fixture = Path(__file__).parent.parent / "fixtures" / "iati" / "three_activities.xml"
    result = build.build_report(
        _settings(tmp_path, iati_file=str(fixture), focus_countries=["JOR", "LBN", "UGA"]),
        notebooks=("06_spending.ipynb",),
    )
    page = result.html.read_text(encoding="utf-8")
    assert "Disbursements to the focus countries in the IATI file" in page
    assert "600,000" in page and "Uganda" in page
    assert "three_activities.xml" in page


def test_a_broken_iati_file_is_refused_before_any_work(tmp_path):
    broken = tmp_path / "activities.xml"
    broken.write_text("<iati-activities version='1.05'/>", encoding="utf-8")
    from displacement_report.errors import DataFileError

    with pytest.raises(DataFileError, match=r"IATI version 1\.05"):
        _settings(tmp_path / "out", iati_file=str(broken))
