"""One registry of report inputs feeds the rerun fingerprint and the colophon, and the
notebooks read no data file outside it (checked on the shared builds' logs of what
their kernels opened)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from displacement_report import letter, paths
from displacement_report.notebook import READ_LOG_ENV
from displacement_report.report import build, colophon, parameters
from displacement_report.report.execute import execute_all, parameters_for
from displacement_report.report.inputs import checksums, registered_inputs, registered_paths
from displacement_report.settings import validate_parameters
from tests.conftest import READ_LOG, default_settings, write_notebook

IATI_FIXTURE = paths.PROJECT_ROOT / "tests" / "fixtures" / "iati" / "three_activities.xml"


@pytest.fixture
def copied_inputs(tmp_path, monkeypatch, real_dir):
    """Every input folder copied, and the report pointed at the copies."""
    copies = {
        "unhcr": real_dir,
        "worldbank": paths.SHARED_DATA_DIR / "worldbank",
        "reference": paths.reference_dir(),
        "project": paths.PROJECT_DATA_DIR,
        "letter": letter.TEXT_PATH.parent,
    }
    for name, source in copies.items():
        shutil.copytree(source, tmp_path / name)
    shutil.copy(IATI_FIXTURE, tmp_path / "activities.xml")
    monkeypatch.setenv(paths.REFERENCE_DIR_ENV, str(tmp_path / "reference"))
    monkeypatch.setattr(paths, "PROJECT_DATA_DIR", tmp_path / "project")
    monkeypatch.setattr(letter, "TEXT_PATH", tmp_path / "letter" / letter.TEXT_PATH.name)
    return validate_parameters(
        {
            "report_year": 2019,
            "data_dir": str(tmp_path / "unhcr"),
            "worldbank_dir": str(tmp_path / "worldbank"),
            "iati_file": str(tmp_path / "activities.xml"),
            "output_dir": str(tmp_path / "out"),
        }
    )


def test_changing_any_registered_input_changes_its_checksum_and_only_its(copied_inputs):
    groups = registered_inputs(copied_inputs)
    assert {g.key for g in groups} == {
        "unhcr",
        "worldbank",
        "project",
        "reference",
        "letter",
        "iati",
        "maps",
    }
    before = checksums(groups)
    for key in ("reference/sourced_figures.csv", "letter/" + letter.TEXT_PATH.name):
        assert key in before
    for group in groups:
        for info in group.files:
            with info.path.open("ab") as handle:
                handle.write(b"\n")
            after = checksums(registered_inputs(copied_inputs))
            changed = {k for k in before if before[k] != after[k]}
            assert changed == {f"{group.key}/{info.name}"}
            before = after


@pytest.mark.notebook
def test_a_changed_reference_file_makes_the_next_run_execute(copied_inputs, tmp_path):
    tiny = write_notebook(tmp_path / "tiny.ipynb", "report_year: int = 2025  # year")
    first = build.build_report(copied_inputs, notebooks=(tiny,))
    assert build.build_report(copied_inputs, notebooks=(tiny,)).reused
    with (tmp_path / "reference" / "sourced_figures.csv").open("ab") as handle:
        handle.write(b"\n")
    again = build.build_report(copied_inputs, notebooks=(tiny,))
    assert not again.reused and again.run_dir != first.run_dir


def test_the_colophon_lists_every_registered_file(copied_inputs):
    groups = registered_inputs(copied_inputs)
    page = colophon.colophon_html(colophon.collect(copied_inputs, "test", groups, "2026-01-01"))
    for group in groups:
        for info in group.files:
            assert info.name in page and info.sha256 in page
    assert "Cited figures read on public pages" in page
    assert letter.KAMERSTUK in page


def _data_roots(settings) -> list[Path]:
    roots = [
        settings.data_dir or paths.unhcr_dir(),
        settings.worldbank_dir or paths.worldbank_dir(),
        paths.reference_dir(),
        paths.PROJECT_DATA_DIR,
        letter.TEXT_PATH.parent,
    ]
    return roots + ([settings.iati_file.parent] if settings.iati_file else [])


def _data_reads(log: Path, settings) -> set[str]:
    """The files under a data folder that the kernels logging to `log` opened."""
    roots = [root.resolve() for root in _data_roots(settings)]
    opened = {str(Path(line).resolve()) for line in log.read_text().splitlines()}
    return {p for p in opened if any(p.startswith(f"{root}/") for root in roots)}


def _registered(settings) -> set[str]:
    return registered_paths(registered_inputs(settings))


@pytest.mark.notebook
def test_the_report_s_notebooks_open_no_data_file_outside_the_registry(default_report):
    """Every chapter, both editions, as the default report was built (conftest.py logs
    the kernels' reads of the shared build)."""
    settings = default_settings(default_report.published.parent)
    reads = _data_reads(default_report.published.parent / READ_LOG, settings)
    # the test proves something only if the notebooks' reads were seen at all
    assert str(paths.unhcr_dir().resolve() / "population.csv") in reads
    assert str(paths.reference_dir().resolve() / "sourced_figures.csv") in reads
    assert reads - _registered(settings) == set()


@pytest.mark.notebook
def test_the_profile_notebook_opens_no_data_file_outside_the_registry(profiles):
    settings = default_settings(profiles.out)
    reads = _data_reads(profiles.out / READ_LOG, settings)
    assert str(paths.unhcr_dir().resolve() / "demographics.csv") in reads
    assert reads - _registered(settings) == set()


@pytest.mark.notebook
def test_an_iati_file_given_is_read_as_a_registered_input(tmp_path, monkeypatch, real_dir):
    log = tmp_path / "reads.log"
    monkeypatch.setenv(READ_LOG_ENV, str(log))
    iati = tmp_path / "iati" / "activities.xml"
    iati.parent.mkdir()
    shutil.copy(IATI_FIXTURE, iati)
    settings = validate_parameters(
        {"report_year": 2019, "data_dir": str(real_dir), "iati_file": str(iati)}
    )
    available = parameters.values(settings, tmp_path / "figures")
    sources = build.resolve_notebooks(("06_spending.ipynb",))
    execute_all([(s, tmp_path / s.name, parameters_for(s, available)) for s in sources])
    reads = _data_reads(log, settings)
    assert str(iati.resolve()) in reads
    assert reads - _registered(settings) == set()
