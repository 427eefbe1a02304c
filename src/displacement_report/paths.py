"""Every path the project uses, resolved from the package's own location.

Nothing here depends on the working directory, so notebooks run from JupyterLab,
papermill runs from cron and tests all see the same folders. Environment variables
override the defaults for people whose data or outputs live elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# src/displacement_report -> src -> project root
PROJECT_ROOT = PACKAGE_DIR.parent.parent

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
CONFIG_DIR = PROJECT_ROOT / "config"
PROJECT_DATA_DIR = PROJECT_ROOT / "data"
TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"
#: The key numbers a page states, written beside its exhibits (present/exhibits.py) and
#: read by the build; named here so that the build need not import the charting stack.
KEY_NUMBERS_FILE = "key_numbers.json"


def notebook_files() -> list[Path]:
    """Every notebook of the project (the chapters and the profile), without
    JupyterLab's checkpoint copies."""
    return sorted(
        path for path in NOTEBOOKS_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts
    )


#: Environment variable naming a folder with the UNHCR CSV tables.
UNHCR_DIR_ENV = "DISPLACEMENT_REPORT_UNHCR_DIR"
#: Environment variable naming a folder with the World Bank reference CSV files.
WORLDBANK_DIR_ENV = "DISPLACEMENT_REPORT_WORLDBANK_DIR"
#: Environment variable naming where reports are written.
OUTPUT_DIR_ENV = "DISPLACEMENT_REPORT_OUTPUT_DIR"
#: Environment variable naming the parquet cache folder.
CACHE_DIR_ENV = "DISPLACEMENT_REPORT_CACHE_DIR"
#: Environment variable naming the folder of cited reference figures.
REFERENCE_DIR_ENV = "DISPLACEMENT_REPORT_REFERENCE_DIR"
#: Environment variable naming where charts are saved.
FIGURES_DIR_ENV = "DISPLACEMENT_REPORT_FIGURES_DIR"

# The shared data folder sits beside the project checkout (../shared/data).
SHARED_DATA_DIR = PROJECT_ROOT.parent / "shared" / "data"


#: Every environment variable above that names a path.
PATH_ENVS = (
    UNHCR_DIR_ENV,
    WORLDBANK_DIR_ENV,
    OUTPUT_DIR_ENV,
    CACHE_DIR_ENV,
    REFERENCE_DIR_ENV,
    FIGURES_DIR_ENV,
)


def make_environment_paths_absolute() -> None:
    """Rewrite relative paths in the environment variables against the current folder.

    Called by the command line before any kernel starts: kernels run in notebooks/ and
    inherit the environment, so a relative path would point somewhere else there."""
    for name in PATH_ENVS:
        value = os.environ.get(name, "").strip()
        if value:
            os.environ[name] = str(Path(value).expanduser().resolve())


def _from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else default


def unhcr_dir() -> Path:
    """Folder holding the UNHCR CSV tables (population.csv, idmc.csv, ...)."""
    return _from_env(UNHCR_DIR_ENV, SHARED_DATA_DIR / "unhcr")


def worldbank_dir() -> Path:
    """Folder holding the World Bank tables (population.csv, income groups, LDCs, ...)."""
    return _from_env(WORLDBANK_DIR_ENV, SHARED_DATA_DIR / "worldbank")


def reference_dir() -> Path:
    """Folder holding the cited reference figures (sourced_figures.csv, ...)."""
    return _from_env(REFERENCE_DIR_ENV, SHARED_DATA_DIR / "reference")


def output_dir() -> Path:
    """Folder that receives run folders and the published report."""
    return _from_env(OUTPUT_DIR_ENV, PROJECT_ROOT / "reports")


def cache_dir() -> Path:
    """Folder for parquet copies of validated tables, keyed by source checksum."""
    return _from_env(CACHE_DIR_ENV, PROJECT_ROOT / ".cache" / "tables")


def figures_dir(override: str | Path | None = None) -> Path:
    """Folder where notebooks save their charts as SVG and PNG ('' or None: default)."""
    if override:
        return Path(override).expanduser().resolve()
    return _from_env(FIGURES_DIR_ENV, PROJECT_ROOT / "figures")
