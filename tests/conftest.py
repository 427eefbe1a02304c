"""Shared fixtures: the real UNHCR data, hand-made tables, an isolated cache, and one
report built on the real data for every test that only reads a built report."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from displacement_report import paths
from displacement_report.data import schemas
from displacement_report.report import build, publish
from displacement_report.settings import validate_parameters

REAL_UNHCR_DIR = paths.SHARED_DATA_DIR / "unhcr"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests (marked notebook) first, in their usual order, then the rest: under
    pytest-xdist (make test) the quick tests then fill the gaps while the last slow one
    finishes, instead of a slow one starting when everything else is done."""
    items.sort(key=lambda item: item.get_closest_marker("notebook") is None)


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the developer's own cache or figures folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv(paths.CACHE_DIR_ENV, str(tmp_path_factory.mktemp("cache")))
    mp.setenv(paths.FIGURES_DIR_ENV, str(tmp_path_factory.mktemp("figures")))
    mp.delenv(paths.UNHCR_DIR_ENV, raising=False)
    yield
    mp.undo()


@pytest.fixture(scope="session")
def real_dir() -> Path:
    if not (REAL_UNHCR_DIR / "population.csv").is_file():
        pytest.fail(
            f"the real UNHCR data is expected at {REAL_UNHCR_DIR} (../shared beside the repo)"
        )
    return REAL_UNHCR_DIR


@pytest.fixture(scope="session")
def shared_report(tmp_path_factory: pytest.TempPathFactory, real_dir: Path) -> build.RunResult:
    """The report for 2019 (baseline 2015) on the real data, both editions, built once per
    test run.

    Under pytest-xdist the workers share it: the first to take the lock builds into a
    folder of this run that all workers see; the others then find a run with the same
    input fingerprint there, and the build reuses it instead of executing again.
    Tests that change what is published use `publish_copy` instead of writing here.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder; each worker's own is below it
    out = root / "shared-report"
    settings = validate_parameters(
        {
            "report_year": 2019,
            "baseline_year": 2015,
            "output_dir": str(out),
            "data_dir": str(real_dir),
            "language": ["en", "nl"],  # English first: result.pdf is the English edition
        }
    )
    with FileLock(str(root / "shared-report.lock")):
        return build.build_report(settings, config_name="test-2019")


def publish_copy(report: build.RunResult, output_dir: Path) -> build.RunResult:
    """A copy of `report`'s run folder published in `output_dir`, as a build there
    would have left it: for tests that run more builds into the folder or interrupt
    them, so the shared report stays as it was."""
    run_dir = output_dir / publish.RUNS / report.run_dir.name
    shutil.copytree(report.run_dir, run_dir, symlinks=True)
    link = publish.publish(output_dir, run_dir)
    return build.RunResult.of(run_dir, link, report.languages)


def write_csv(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


POP_HEADER = ",".join(schemas.POPULATION.columns)


def pop_row(year, coo, coa, refugees=0, asylum=0, oip="", **other) -> str:
    values = {
        "year": year,
        "coo": coo,
        "coo_iso": coo,
        "coa": coa,
        "coa_iso": coa,
        "coo_name": f"Origin {coo}",
        "coa_name": f"Host {coa}",
        "refugees": refugees,
        "asylum_seekers": asylum,
        "returned_refugees": 0,
        "idps": 0,
        "returned_idps": 0,
        "stateless": 0,
        "ooc": 0,
        "oip": oip,
        "hst": 0,
    } | other
    return ",".join(str(values[c]) for c in schemas.POPULATION.columns)


@pytest.fixture
def tiny_dir(tmp_path: Path, real_dir: Path) -> Path:
    """A complete, valid, hand-made UNHCR folder: two years, three countries."""
    folder = tmp_path / "unhcr"
    folder.mkdir()
    rows = [
        pop_row(2018, "SYR", "TUR", refugees=100, asylum=10),
        pop_row(2018, "SYR", "JOR", refugees=50),
        pop_row(2019, "SYR", "TUR", refugees=120, asylum=5, oip=7),
        pop_row(2019, "AFG", "TUR", refugees=30),
        pop_row(2019, "SYR", "JOR", refugees=60, asylum=1),
    ]
    write_csv(folder, "population.csv", "\n".join([POP_HEADER, *rows]) + "\n")
    pair = "year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,total\n"
    write_csv(
        folder,
        "unrwa.csv",
        pair + "2018,Pal,GAZ,PSE,Jordan,JOR,JOR,1000\n2019,Pal,GAZ,PSE,Jordan,JOR,JOR,1100\n",
    )
    write_csv(
        folder,
        "idmc.csv",
        pair + "2018,Syria,SYR,SYR,Syria,SYR,SYR,400\n2019,Syria,SYR,SYR,Syria,SYR,SYR,500\n",
    )
    shutil.copy(real_dir / "countries.csv", folder / "countries.csv")
    return folder


def write_notebook(path: Path, parameters: str, *cells: str) -> Path:
    """A small notebook for pipeline tests: a parameters cell, then code cells."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)
    return path
