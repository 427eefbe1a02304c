"""Whatever validation accepts, every notebook accepts and builds; every path a user gives
is read against the folder the command was started in."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from displacement_report import paths
from displacement_report.cli import app
from displacement_report.errors import ParameterError
from displacement_report.report import build
from displacement_report.settings import data_coverage, parse_settings, validate_parameters
from tests.conftest import write_notebook

COVERAGE = data_coverage()
ALL_NOTEBOOKS = build.resolve_notebooks((*build.REPORT_NOTEBOOKS, build.PROFILE_NOTEBOOK))


@st.composite
def valid_parameter_sets(draw):
    years = COVERAGE.years
    report = draw(st.integers(years.start, years.stop - 1))
    baseline = draw(st.integers(years.start, report))
    trend_start = draw(st.integers(years.start, baseline))
    focus = draw(
        st.lists(st.sampled_from(sorted(COVERAGE.countries)), min_size=1, max_size=8, unique=True)
    )
    return {
        "report_year": report,
        "baseline_year": baseline,
        "trend_start_year": trend_start,
        "focus_countries": focus,
        "protracted_threshold": draw(st.integers(1, 500_000)),
        "protracted_years": draw(st.integers(1, 20)),
    }


# as many examples as the profile gives (tests/conftest.py: fewer in `make unit`)
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_parameter_sets())
def test_every_notebook_accepts_what_validation_accepts(tmp_path_factory, params):
    accepted = validate_parameters(params, COVERAGE)
    # raises ParameterError for any notebook that would refuse them when it runs
    build.check_notebook_parameters(accepted, ALL_NOTEBOOKS, tmp_path_factory.getbasetemp())


def test_a_notebook_that_would_refuse_its_parameters_stops_the_run_before_work(tmp_path):
    # it declares report_year only, so its own baseline (2019) would follow 2015
    lonely = write_notebook(
        tmp_path / "lonely.ipynb",
        "report_year: int = 2025  # year",
        "from displacement_report import notebook\nnotebook.start(report_year=report_year)",
    )
    out = tmp_path / "out"
    accepted = validate_parameters(
        {"report_year": 2015, "baseline_year": 2010, "output_dir": str(out)}
    )
    with pytest.raises(
        ParameterError, match=r"(?s)lonely\.ipynb would refuse .*baseline_year 2019"
    ):
        build.build_report(accepted, notebooks=(lonely,))
    assert not (out / "runs").exists()


def test_relative_paths_in_settings_are_resolved_against_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    given = parse_settings(
        {"report_year": 2019, "data_dir": "unhcr", "output_dir": "out", "iati_file": "a.xml"}
    )
    assert given.data_dir == tmp_path / "unhcr"
    assert given.output_dir == tmp_path / "out"
    assert given.iati_file == tmp_path / "a.xml"


PATH_PROBE = """\
import os
from pathlib import Path
unhcr_dir = os.environ["DISPLACEMENT_REPORT_UNHCR_DIR"]  # given as 'data'
for name, value in [("data_dir", unhcr_dir), ("worldbank_dir", worldbank_dir),
                    ("iati_file", iati_file), ("figures_dir", figures_dir)]:
    assert os.path.isabs(value), (name, value)
    assert Path(value).exists() or name == "figures_dir", (name, value)
"""


@pytest.mark.notebook
def test_every_path_option_may_be_relative(tmp_path, monkeypatch, real_dir):
    """`report` from another folder, with relative paths in the options, the parameter
    set, --set and an environment variable: all read against that folder."""
    work = tmp_path / "work"
    (work / "sets").mkdir(parents=True)
    (work / "data").symlink_to(real_dir)
    (work / "wb").symlink_to(paths.SHARED_DATA_DIR / "worldbank")
    iati = paths.PROJECT_ROOT / "tests" / "fixtures" / "iati" / "three_activities.xml"
    (work / "activities.xml").write_bytes(iati.read_bytes())
    (work / "sets" / "mine.yml").write_text("report_year: 2019\nworldbank_dir: wb\n")
    probe = write_notebook(
        tmp_path / "probe.ipynb",
        "report_year: int = 2025  # y\nworldbank_dir: str = ''  # w\n"
        "iati_file: str = ''  # i\nfigures_dir: str = ''  # f",
        PATH_PROBE,
    )
    monkeypatch.setattr(build, "REPORT_NOTEBOOKS", (str(probe),))
    monkeypatch.chdir(work)
    monkeypatch.setenv(paths.UNHCR_DIR_ENV, "data")
    result = CliRunner().invoke(
        app,
        [
            "report",
            "--config",
            "sets/mine.yml",
            "--output-dir",
            "out",
            "--set",
            "iati_file=activities.xml",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (work / "out" / "latest" / "report.en.pdf").is_file()
    record = json.loads((work / "out" / "latest" / "inputs.json").read_text())
    assert record["settings"]["worldbank_dir"] == str((work / "wb").resolve())
    assert record["settings"]["iati_file"] == str(work / "activities.xml")


@pytest.mark.notebook
def test_a_non_default_parameter_set_builds_every_chapter_in_both_editions(report_2001):
    """Report year 2001, baseline 1995, Afghanistan, Pakistan and Iran: a set far from the
    default that validation accepts (and the parse check above covers many more)."""
    for language in ("nl", "en"):
        notebooks = report_2001.run_dir / language / "notebooks"
        executed = sorted(p.name for p in notebooks.glob("*.ipynb"))
        assert executed == sorted(build.REPORT_NOTEBOOKS)
        html, pdf = report_2001.edition(language)
        assert html.is_file() and pdf.read_bytes()[:5] == b"%PDF-"


@pytest.mark.notebook
def test_executing_notebooks_in_parallel_leaves_the_working_folder_alone(tmp_path, monkeypatch):
    from displacement_report.report.execute import execute_all

    monkeypatch.chdir(tmp_path)
    jobs = [
        (write_notebook(tmp_path / f"n{i}.ipynb", "x: int = 0  # x"), tmp_path / f"o{i}.ipynb", {})
        for i in range(3)
    ]
    for source, _, _ in jobs:  # papermill runs each in its own folder
        (tmp_path / "elsewhere").mkdir(exist_ok=True)
        source.rename(tmp_path / "elsewhere" / source.name)
    execute_all([(tmp_path / "elsewhere" / s.name, t, p) for s, t, p in jobs])
    assert os.getcwd() == str(tmp_path)
