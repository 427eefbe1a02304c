"""What reception costs: the project's file of cited cost figures (`data/costs/figures.csv`).

Asylum reception in the Netherlands (COA and government figures per resident, per
place, per day, per month, per stay; COA's total costs; the ministry's budget line for
COA by stage; the realised migration article), Dutch and all DAC donors' official
development assistance (ODA) counted for refugees in the donor country, and the DAC
rule behind it. Each row is one figure read on a public page, copied from the shared
reference file (`reference_id`) with its source title and URL.

Units are kept apart in columns, not only in words: `unit` is the currency (or
percent, months, year), `basis` what one amount is per (a registered resident per
year, a place per year, a person per day, ...), `amount_kind` the budget stage or
whether the figure is realised, a plan or an estimate, and `vintage` whether it is a
preliminary, first, revised or final publication. All amounts are nominal (current
prices). The loader refuses a row where any of these is missing or unknown.

Text we wrote ourselves and show to readers has a Dutch column beside the English one
(`description_nl`, `period_nl`), shown in the Dutch edition (`i18n.localized`); the source
titles are cited as published and have none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from displacement_report import paths
from displacement_report.data import kinds
from displacement_report.data.cache import load_small
from displacement_report.data.readers import read_csv_text
from displacement_report.data.validation import check_columns, validate

COSTS_DIR = paths.PROJECT_DATA_DIR / "costs"
FIGURES_FILE = "figures.csv"

UNITS = ("EUR", "USD", "percent", "months", "year")
MONEY_UNITS = ("EUR", "USD")
#: What one amount is per (`present.vocabulary.BASIS_LABELS` names them). Figures of
#: different bases are never added, divided or compared without saying so.
BASES = (
    "total",
    "per_year",
    "per_resident_year",
    "per_asylum_seeker_year",
    "per_place_year",
    "per_person_day",
    "per_person_month",
    "per_person_stay",
    "share_of_oda",
    "rule",
)
#: Publication state: a preliminary figure is revised a year later, a restated one
#: replaces what was first published.
VINTAGES = ("preliminary", "as_published", "revised", "final")
SETTINGS = ("regular", "emergency", "hotel", "ship", "all")
QUALIFIERS = ("exact", "about", "more_than", "up_to")
QUALITIES = ("primary", "secondary")
GEOGRAPHIES = ("NLD", "DAC")

COLUMNS = (
    "cost_id",
    "reference_id",
    "topic",
    "description",
    "description_nl",
    "value",
    "unit",
    "basis",
    "setting",
    "amount_kind",
    "vintage",
    "qualifier",
    "period",
    "period_nl",
    "period_start",
    "period_end",
    "geography",
    "source_title",
    "source_url",
    "quality",
    "note",
)
_TEXT = pa.Check.str_length(min_value=1)


def _years(text: object) -> tuple[str, ...]:
    """The years a period names ('c. 2022-2023 (...)' -> ('2022', '2023'))."""
    return tuple(re.findall(r"\b(?:19|20)\d\d\b", str(text)))


SCHEMA = pa.DataFrameSchema(
    {
        "cost_id": pa.Column(str, pa.Check.str_matches(r"^K\d{3}$"), unique=True),
        "reference_id": pa.Column(str, pa.Check.str_matches(r"^F\d{3}$"), unique=True),
        "topic": pa.Column(str, _TEXT),
        "description": pa.Column(str, _TEXT),
        "description_nl": pa.Column(str, _TEXT),
        "value": pa.Column(float, pa.Check.ge(0)),
        "unit": pa.Column(str, pa.Check.isin(UNITS)),
        "basis": pa.Column(str, pa.Check.isin(BASES)),
        "setting": pa.Column(str, pa.Check.isin(SETTINGS), nullable=True),
        "amount_kind": pa.Column(str, pa.Check.isin(kinds.COST_KINDS)),
        "vintage": pa.Column(str, pa.Check.isin(VINTAGES)),
        "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS)),
        "period": pa.Column(str, _TEXT),
        "period_nl": pa.Column(str, _TEXT),
        "period_start": pa.Column("Int64", pa.Check.in_range(1980, 2100)),
        "period_end": pa.Column("Int64", pa.Check.in_range(1980, 2100)),
        "geography": pa.Column(str, pa.Check.isin(GEOGRAPHIES)),
        "source_title": pa.Column(str, _TEXT),
        "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
        "quality": pa.Column(str, pa.Check.isin(QUALITIES)),
        "note": pa.Column(str, nullable=True),
    },
    checks=[
        pa.Check(
            lambda f: f["period_start"] <= f["period_end"],
            error="period_start is after period_end",
        ),
        pa.Check(
            lambda f: (f["unit"] == "percent") == (f["basis"] == "share_of_oda"),
            error="a share of ODA must be in percent, and only a share may be",
        ),
        pa.Check(
            lambda f: (
                ((f["basis"] == "rule") == (f["amount_kind"] == "rule"))
                & ((f["basis"] == "rule") == f["unit"].isin(["months", "year"]))
            ),
            error="a rule has basis and kind 'rule' and is in months or a year",
        ),
        pa.Check(
            lambda f: ~f["basis"].str.startswith("per_") | (f["unit"] == "EUR"),
            error="a cost per person, place or year is in EUR",
        ),
        pa.Check(
            lambda f: (
                f["period_nl"].isna() | (f["period"].map(_years) == f["period_nl"].map(_years))
            ),
            error="period_nl names other years than period",
        ),
    ],
    strict=True,
    coerce=True,
    name="cost figures",
)

_NUMBERS = ("value", "period_start", "period_end")


def load_costs(path: Path | str | None = None) -> pd.DataFrame:
    """The cited cost figures, one row per figure, validated."""
    source = Path(path) if path else COSTS_DIR / FIGURES_FILE

    def build() -> pd.DataFrame:
        raw = read_csv_text(source, tuple(c for c in COLUMNS if c not in _NUMBERS))
        check_columns(raw, COLUMNS, source)
        return validate(raw, SCHEMA, source)

    return load_small(source, "cost-figures", build)
