"""Shared fixtures: the real UNHCR data, hand-made tables, and an isolated cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from displacement_report import paths
from displacement_report.data import schemas

REAL_UNHCR_DIR = paths.SHARED_DATA_DIR / "unhcr"


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
