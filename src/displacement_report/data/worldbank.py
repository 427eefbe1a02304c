"""Loaders for the World Bank reference tables: population, GDP per capita, income
groups by fiscal year, and the UN list of least developed countries.

Small files, so no cache; validated on load like the UNHCR tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from displacement_report import paths
from displacement_report.data.cache import load_small
from displacement_report.data.provenance import DataFileInfo, inventory
from displacement_report.data.readers import existing_folder, read_csv_text
from displacement_report.data.validation import check_columns, validate
from displacement_report.errors import DataFileError

ISO3 = pa.Check.str_matches(r"^[A-Z]{3}$")
YEAR = pa.Check.in_range(1950, 2100)
#: Income groups counted as 'low- and middle-income'.
LOW_AND_MIDDLE = ("Low income", "Lower middle income", "Upper middle income")

_SCHEMAS = {
    "population.csv": pa.DataFrameSchema(
        {
            "iso3": pa.Column(str, ISO3),
            "country_name": pa.Column(str),
            "year": pa.Column("Int64", YEAR),
            "population": pa.Column("Int64", pa.Check.gt(0)),
        },
        strict=True,
        coerce=True,
        unique=["iso3", "year"],
    ),
    "gdp_per_capita.csv": pa.DataFrameSchema(
        {
            "iso3": pa.Column(str, ISO3),
            "country_name": pa.Column(str),
            "year": pa.Column("Int64", YEAR),
            "gdp_pc_current_usd": pa.Column(float, pa.Check.gt(0), nullable=True),
            "gdp_pc_ppp_current_intl_usd": pa.Column(float, pa.Check.gt(0), nullable=True),
            "gni_pc_atlas_current_usd": pa.Column(float, pa.Check.gt(0), nullable=True),
        },
        strict=True,
        coerce=True,
        unique=["iso3", "year"],
    ),
    "income_group_history.csv": pa.DataFrameSchema(
        {
            # former entities carry a suffix, e.g. 'YUGf' (Yugoslavia, former)
            "iso3": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}[a-z]?$")),
            "fiscal_year": pa.Column("Int64", YEAR),
            "release_year": pa.Column("Int64", YEAR),
            "income_group": pa.Column(
                str, pa.Check.isin([*LOW_AND_MIDDLE, "High income"]), nullable=True
            ),
        },
        strict=False,  # the file carries more columns than the report uses
        coerce=True,
        unique=["iso3", "fiscal_year"],
    ),
    "ldc_list.csv": pa.DataFrameSchema(
        {"iso3": pa.Column(str, ISO3, unique=True), "country_unsd": pa.Column(str)},
        strict=False,
        coerce=True,
    ),
}
_COLUMNS = {
    "population.csv": ("iso3", "country_name", "year", "population"),
    "gdp_per_capita.csv": (
        "iso3",
        "country_name",
        "year",
        "gdp_pc_current_usd",
        "gdp_pc_ppp_current_intl_usd",
        "gni_pc_atlas_current_usd",
    ),
}


def resolve_dir(folder: Path | str | None) -> Path:
    return existing_folder(
        folder,
        paths.worldbank_dir(),
        "World Bank data folder",
        f"Point {paths.WORLDBANK_DIR_ENV} or the 'worldbank_dir' parameter at a folder "
        "holding population.csv and the income-group files.",
    )


def _load(name: str, folder: Path | str | None, aggregates: bool = False) -> pd.DataFrame:
    filename = name.replace(".csv", "_wb_aggregates.csv") if aggregates else name
    source = resolve_dir(folder) / filename

    def build() -> pd.DataFrame:
        raw = read_csv_text(source, ("iso3", "country_name", "income_group", "economy"))
        if name in _COLUMNS:
            check_columns(raw, _COLUMNS[name], source)
        elif raw.empty:
            raise DataFileError(f"{source}: the file has a header but no data rows")
        schema = _SCHEMAS[name]
        if aggregates:  # aggregate codes (WLD, LMY, ...) are not ISO codes but look alike
            schema = schema.update_column("iso3", checks=[pa.Check.str_matches(r"^[A-Z0-9]{3}$")])
        return validate(raw, schema, source)

    return load_small(source, f"worldbank-{name}-{aggregates}", build)


def load_population(folder: Path | str | None = None) -> pd.DataFrame:
    """Mid-year population per economy and year (WDI SP.POP.TOTL)."""
    return _load("population.csv", folder)


def load_world_population(folder: Path | str | None = None) -> pd.Series:
    """World population per year (the WLD aggregate), indexed by year."""
    table = _load("population.csv", folder, aggregates=True)
    world = table[table["iso3"] == "WLD"].set_index("year")["population"]
    if world.empty:
        raise DataFileError(f"{resolve_dir(folder)}: no WLD row in population_wb_aggregates.csv")
    return world.astype("int64").rename("world_population")


def load_gdp_per_capita(folder: Path | str | None = None) -> pd.DataFrame:
    """GDP per capita per economy and year, current US$ and PPP (WDI)."""
    return _load("gdp_per_capita.csv", folder)


def load_income_groups(folder: Path | str | None = None) -> pd.DataFrame:
    """The World Bank income classification per economy and fiscal year (OGHIST)."""
    return _load("income_group_history.csv", folder)


def load_ldcs(folder: Path | str | None = None) -> pd.DataFrame:
    """The UN's least developed countries (a current list, not a history)."""
    return _load("ldc_list.csv", folder)


def readme_version(folder: Path | str | None = None) -> str:
    """The WDI vintage named in the folder's README (a commit date), or 'unknown'."""
    readme = resolve_dir(folder) / "README.md"
    if readme.is_file():
        match = re.search(r"\((\d{4}-\d{2}-\d{2}), \"Automated data update\"", readme.read_text())
        if match:
            return f"WDI snapshot of {match.group(1)}"
    return "unknown"


#: The World Bank files the report reads.
FILES = (
    "population.csv",
    "population_wb_aggregates.csv",
    "gdp_per_capita.csv",
    "income_group_history.csv",
    "ldc_list.csv",
    "README.md",  # the WDI vintage named in the colophon
)


def file_inventory(folder: Path | str | None = None) -> list[DataFileInfo]:
    return inventory(resolve_dir(folder), FILES)
