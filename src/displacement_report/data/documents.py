"""The project's own data files of figures read in documents: Dutch reception-in-the-
region money, PROSPECTS, 3RP and EU instruments (`data/spending/amounts.csv`) and the
results reported for them (`data/spending/results.csv`).

Every row carries its source title and URL, the kind of amount (a budget stage is not
a realisation), its unit or currency, its period and a quality flag; the loaders
refuse a file where any of that is missing or unknown.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from displacement_report import letter, paths
from displacement_report.data import kinds
from displacement_report.data.cache import load_small
from displacement_report.data.provenance import DataFileInfo, inventory
from displacement_report.data.readers import read_csv_text
from displacement_report.data.validation import check_columns, validate

SPENDING_DIR = paths.PROJECT_DATA_DIR / "spending"
UNITS = ("EUR", "USD", "percent")
QUALIFIERS = ("exact", "about", "more_than", "up_to")
QUALITIES = ("primary", "secondary")
DOMAINS = ("education", "income_and_work", "protection", "mhpss", "health", "other")
PROGRAMMES = ("nl_oir", "prospects")

AMOUNT_COLUMNS = (
    "amount_id",
    "reference_id",
    "topic",
    "description",
    "amount",
    "unit",
    "amount_kind",
    "qualifier",
    "period_start",
    "period_end",
    "geography",
    "recipient",
    "source_title",
    "source_url",
    "quality",
    "note",
    "description_nl",
    "geography_nl",
)
RESULT_COLUMNS = (
    "result_id",
    "reference_id",
    "programme",
    "domain",
    "description",
    "value",
    "unit",
    "qualifier",
    "is_target",
    "period_start",
    "period_end",
    "geography",
    "scope",
    "attribution",
    "source_title",
    "source_url",
    "quality",
    "note",
    "description_nl",
    "geography_nl",
    "unit_nl",
)

_URL = pa.Check.str_matches(r"^https?://\S+$")
_YEAR = pa.Check.in_range(1990, 2100)
_TEXT = pa.Check.str_length(min_value=1)
_PERIOD_IN_ORDER = pa.Check(
    lambda frame: frame["period_start"] <= frame["period_end"],
    error="period_start is after period_end",
)


def _common(id_column: str) -> dict[str, pa.Column]:
    return {
        id_column: pa.Column(str, pa.Check.str_matches(r"^[A-Z]\d{3}$"), unique=True),
        "reference_id": pa.Column(str, pa.Check.str_matches(r"^(F\d{3}|letter)$")),
        "description": pa.Column(str, _TEXT),
        # the Dutch edition shows these (our own words, translated; titles stay as cited)
        "description_nl": pa.Column(str, _TEXT),
        "geography_nl": pa.Column(str, _TEXT),
        "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS)),
        "period_start": pa.Column("Int64", _YEAR),
        "period_end": pa.Column("Int64", _YEAR),
        "geography": pa.Column(str, _TEXT),
        "source_title": pa.Column(str, _TEXT),
        "source_url": pa.Column(str, _URL),
        "quality": pa.Column(str, pa.Check.isin(QUALITIES)),
        "note": pa.Column(str, nullable=True),
    }


AMOUNTS_SCHEMA = pa.DataFrameSchema(
    _common("amount_id")
    | {
        "topic": pa.Column(str, _TEXT),
        "amount": pa.Column(float, pa.Check.ge(0)),
        "unit": pa.Column(str, pa.Check.isin(UNITS)),
        "amount_kind": pa.Column(str, pa.Check.isin(kinds.DOCUMENT_KINDS)),
        "recipient": pa.Column(str, nullable=True),
    },
    checks=[
        _PERIOD_IN_ORDER,
        pa.Check(
            lambda f: (f["unit"] == "percent") == (f["amount_kind"] == "share"),
            error="a share must be in percent, and only a share may be",
        ),
    ],
    strict=True,
    coerce=True,
    name="amounts",
)
RESULTS_SCHEMA = pa.DataFrameSchema(
    _common("result_id")
    | {
        "programme": pa.Column(str, pa.Check.isin(PROGRAMMES)),
        "domain": pa.Column(str, pa.Check.isin(DOMAINS)),
        "value": pa.Column(float, pa.Check.ge(0)),
        "unit": pa.Column(str, _TEXT),
        "unit_nl": pa.Column(str, _TEXT),
        "is_target": pa.Column(bool),
        # 'part': the result covers one partner or component, not the programme's money
        "scope": pa.Column(str, pa.Check.isin(["whole", "part"])),
        "attribution": pa.Column(str, nullable=True),
    },
    checks=[_PERIOD_IN_ORDER],
    strict=True,
    coerce=True,
    name="results",
)

SOURCE_OF_LETTER = letter.CITATION


def _load(path: Path, columns: tuple[str, ...], schema: pa.DataFrameSchema) -> pd.DataFrame:
    """`path` read and validated against `schema`, once per process while it is unchanged."""

    def build() -> pd.DataFrame:
        numbers = ("amount", "value", "period_start", "period_end")
        raw = read_csv_text(path, tuple(c for c in columns if c not in numbers))
        check_columns(raw, columns, path)
        if "is_target" in raw:
            raw["is_target"] = raw["is_target"].str.lower().map({"true": True, "false": False})
        return validate(raw, schema, path)

    return load_small(path, f"documents-{schema.name}", build)


def load_amounts(path: Path | str | None = None) -> pd.DataFrame:
    """Money and shares from documents, one row per figure, validated."""
    return _load(
        Path(path) if path else SPENDING_DIR / "amounts.csv", AMOUNT_COLUMNS, AMOUNTS_SCHEMA
    )


def load_results(path: Path | str | None = None) -> pd.DataFrame:
    """Reported results (people reached, children in school, ...), validated."""
    return _load(
        Path(path) if path else SPENDING_DIR / "results.csv", RESULT_COLUMNS, RESULTS_SCHEMA
    )


def file_inventory() -> list[DataFileInfo]:
    """The project's own data files (every CSV under data/), with checksums."""
    names = sorted(
        str(p.relative_to(paths.PROJECT_DATA_DIR)) for p in paths.PROJECT_DATA_DIR.rglob("*.csv")
    )
    return inventory(paths.PROJECT_DATA_DIR, names)
