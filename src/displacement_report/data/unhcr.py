"""Typed loaders for the UNHCR Refugee Population Statistics Database CSV tables.

Each loader reads one file from the UNHCR folder (see `paths.unhcr_dir`), checks it
against its `TableSpec`, and returns a frame with nullable integer counts and string
codes. Validated frames are cached as parquet keyed by the file's checksum.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from displacement_report import paths
from displacement_report.data import schemas
from displacement_report.data.cache import load_cached, load_small
from displacement_report.data.provenance import DataFileInfo, inventory
from displacement_report.data.readers import existing_folder, read_csv_text
from displacement_report.data.validation import check_columns, validate
from displacement_report.errors import DataFileError

COUNTRIES_FILE = "countries.csv"
_VERSION_PATTERN = re.compile(r"version\s+(\d{4}\.\d+\.\d+)")


def resolve_dir(data_dir: Path | str | None) -> Path:
    return existing_folder(
        data_dir,
        paths.unhcr_dir(),
        "UNHCR data folder",
        f"Point {paths.UNHCR_DIR_ENV} or the 'data_dir' parameter at a folder holding "
        "population.csv and the other tables.",
    )


def _schema_tag(spec_repr: str) -> str:
    return hashlib.sha256(spec_repr.encode()).hexdigest()[:8]


def load_table(
    name: str, data_dir: Path | str | None = None, *, use_cache: bool = True
) -> pd.DataFrame:
    """Load and validate one UNHCR table by name (see `schemas.TABLES`)."""
    try:
        spec = schemas.TABLES[name]
    except KeyError:
        known = sorted(schemas.TABLES)
        raise DataFileError(f"unknown UNHCR table {name!r}; known: {known}") from None
    source = resolve_dir(data_dir) / spec.filename

    def build() -> pd.DataFrame:
        raw = read_csv_text(source, spec.codes + spec.nullable_codes + spec.labels)
        check_columns(raw, spec.columns, source)
        return validate(raw, schemas.pandera_schema(spec), source)[list(spec.columns)]

    cache = paths.cache_dir() if use_cache else None
    if not source.is_file():
        raise DataFileError(f"{source}: file not found ({spec.description})")
    return load_cached(source, spec.name, _schema_tag(repr(spec)), build, cache)


def load_countries(data_dir: Path | str | None = None) -> pd.DataFrame:
    source = resolve_dir(data_dir) / COUNTRIES_FILE

    def build() -> pd.DataFrame:
        raw = read_csv_text(source, schemas.COUNTRY_COLUMNS)
        check_columns(raw, schemas.COUNTRY_COLUMNS, source)
        return validate(raw, schemas.countries_schema(), source)

    return load_small(source, "countries", build)


def load_population(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("population", data_dir)


def load_idmc(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("idmc", data_dir)


def load_unrwa(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("unrwa", data_dir)


def load_solutions(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("solutions", data_dir)


def load_flows(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("flows", data_dir)


def load_demographics(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("demographics", data_dir)


def load_asylum_applications(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("asylum_applications", data_dir)


def load_asylum_decisions(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load_table("asylum_decisions", data_dir)


def dataset_version(data_dir: Path | str | None = None) -> str:
    """The database version named in the folder's README, or 'unknown'."""
    readme = resolve_dir(data_dir) / "README.md"
    if readme.is_file():
        match = _VERSION_PATTERN.search(readme.read_text(encoding="utf-8", errors="replace"))
        if match:
            return match.group(1)
    return "unknown"


def file_inventory(data_dir: Path | str | None = None) -> list[DataFileInfo]:
    # the README too: the dataset version printed on every source line comes from it
    names = [*(spec.filename for spec in schemas.TABLES.values()), COUNTRIES_FILE, "README.md"]
    return inventory(resolve_dir(data_dir), names)


def country_names(data_dir: Path | str | None = None) -> dict[str, str]:
    """ISO3 code -> UNHCR's short country name."""
    countries = load_countries(data_dir).dropna(subset=["iso_code"])
    return dict(zip(countries["iso_code"], countries["name"], strict=True))


def host_codes(year: int, data_dir: Path | str | None = None) -> list[str]:
    """ISO3 codes of the countries hosting anyone under UNHCR's or UNRWA's mandate in
    `year`, as countries.csv knows them (places with a region)."""
    population = load_population(data_dir)
    rows = population[population["year"] == year]
    hosting = rows.loc[rows[["refugees", "asylum_seekers"]].sum(axis=1) > 0, "coa_iso"]
    unrwa = load_unrwa(data_dir)
    hosts = set(hosting) | set(unrwa.loc[unrwa["year"] == year, "coa_iso"])
    countries = load_countries(data_dir)
    known = set(countries.loc[countries["unhcr_region"].notna(), "iso_code"].dropna())
    return sorted(hosts & known)
