"""What each UNHCR table must look like: columns, types, keys, value rules.

One `TableSpec` per file; `pandera_schema()` turns it into a pandera schema so the
rules are declared once and enforced by a library rather than by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandera.pandas as pa

# UNHCR and ISO codes are three characters; IDMC adds a few non-ISO areas such as
# Abyei ("AB9"), hence a digit is allowed after the first letter.
CODE_PATTERN = r"^[A-Z][A-Z0-9]{2}$"
EARLIEST_YEAR = 1950  # the 1951 Convention's first statistics


@dataclass(frozen=True)
class TableSpec:
    """The declared shape of one UNHCR CSV table."""

    name: str
    description: str
    keys: tuple[str, ...]
    counts: tuple[str, ...] = ()
    nullable_counts: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    nullable_codes: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # free text and category labels, may be empty

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        ordered = ("year", *self.codes, *self.nullable_codes, *self.labels)
        ordered += (*self.counts, *self.nullable_counts)
        return tuple(dict.fromkeys(c for c in ordered if c))


_PAIR_CODES = ("coo", "coo_iso", "coa", "coa_iso")
_PAIR_LABELS = ("coo_name", "coa_name")
_PAIR_KEYS = ("year", "coo_iso", "coa_iso")

POPULATION = TableSpec(
    "population",
    "end-year stocks per origin-host pair",
    keys=_PAIR_KEYS,
    codes=_PAIR_CODES,
    labels=_PAIR_LABELS,
    counts=(
        "refugees",
        "asylum_seekers",
        "returned_refugees",
        "idps",
        "returned_idps",
        "stateless",
        "ooc",
        "hst",
    ),
    nullable_counts=("oip",),  # 'other people in need of international protection' from 2018
)
IDMC = TableSpec(
    "idmc",
    "IDPs from conflict and violence (IDMC) per country",
    keys=_PAIR_KEYS,
    codes=_PAIR_CODES,
    labels=_PAIR_LABELS,
    counts=("total",),
)
UNRWA = TableSpec(
    "unrwa",
    "Palestine refugees under UNRWA's mandate per host territory",
    keys=_PAIR_KEYS,
    codes=_PAIR_CODES,
    labels=_PAIR_LABELS,
    counts=("total",),
)
SOLUTIONS = TableSpec(
    "solutions",
    "returns, resettlement arrivals and naturalisations in the year",
    keys=_PAIR_KEYS,
    codes=_PAIR_CODES,
    labels=_PAIR_LABELS,
    nullable_counts=("returned_refugees", "resettlement", "naturalisation", "returned_idps"),
)
FLOWS = TableSpec(
    "flows",
    "new arrivals in the year",
    keys=_PAIR_KEYS,
    codes=_PAIR_CODES,
    labels=_PAIR_LABELS,
    nullable_counts=("refugees", "asylum_seekers", "refugee_like", "oip"),
)
_AGE_BANDS = ("0_4", "5_11", "12_17", "18_59", "60", "other", "total")
_AGE_SEX = tuple(f"{sex}_{band}" for sex in ("f", "m") for band in _AGE_BANDS)
DEMOGRAPHICS = TableSpec(
    "demographics",
    "sex and age breakdown by location and population type",
    keys=(*_PAIR_KEYS, "pop_type", "location", "loc_type", "acc_type"),
    codes=_PAIR_CODES,
    labels=(*_PAIR_LABELS, "pop_type", "location", "loc_type", "acc_type"),
    nullable_counts=(*_AGE_SEX, "total"),
)
ASYLUM_APPLICATIONS = TableSpec(
    "asylum_applications",
    "asylum claims lodged in the year",
    keys=(*_PAIR_KEYS, "procedure_type", "app_type", "dec_level", "app_pc"),
    codes=_PAIR_CODES,
    labels=(*_PAIR_LABELS, "procedure_type", "app_type", "dec_level", "app_pc"),
    counts=("applied",),
)
ASYLUM_DECISIONS = TableSpec(
    "asylum_decisions",
    "asylum decisions taken in the year",
    keys=(*_PAIR_KEYS, "procedure_type", "dec_level", "dec_pc"),
    codes=_PAIR_CODES,
    labels=(*_PAIR_LABELS, "procedure_type", "dec_level", "dec_pc"),
    counts=("dec_recognized", "dec_other", "dec_rejected", "dec_closed", "dec_total"),
)

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        POPULATION,
        IDMC,
        UNRWA,
        SOLUTIONS,
        FLOWS,
        DEMOGRAPHICS,
        ASYLUM_APPLICATIONS,
        ASYLUM_DECISIONS,
    )
}

# countries.csv has no year; three UNHCR-only entries (e.g. Tibetan) lack an ISO code.
COUNTRY_COLUMNS = (
    "iso_code",
    "unhcr_code",
    "name",
    "unhcr_region",
    "unsd_region",
    "unsd_subregion",
    "unsd_imregion",
)


def latest_plausible_year() -> int:
    """End-year statistics cannot describe a year that has not started."""
    return dt.date.today().year


def pandera_schema(spec: TableSpec) -> pa.DataFrameSchema:
    code = pa.Check.str_matches(CODE_PATTERN)
    columns: dict[str, pa.Column] = {
        "year": pa.Column("Int64", pa.Check.in_range(EARLIEST_YEAR, latest_plausible_year())),
    }
    columns |= {c: pa.Column(str, code) for c in spec.codes}
    columns |= {c: pa.Column(str, code, nullable=True) for c in spec.nullable_codes}
    columns |= {c: pa.Column(str, nullable=True) for c in spec.labels}
    columns |= {c: pa.Column("Int64", pa.Check.ge(0)) for c in spec.counts}
    columns |= {c: pa.Column("Int64", pa.Check.ge(0), nullable=True) for c in spec.nullable_counts}
    return pa.DataFrameSchema(
        columns, strict=True, ordered=False, coerce=True, unique=list(spec.keys), name=spec.name
    )


def _unique_where_present() -> pa.Check:
    # pandas counts repeated blanks as duplicates; only repeated codes are a problem.
    return pa.Check(
        lambda s: ~(s.duplicated(keep=False) & s.notna()),
        error="code appears more than once",
    )


def countries_schema() -> pa.DataFrameSchema:
    code = pa.Check.str_matches(CODE_PATTERN)
    columns = {
        "iso_code": pa.Column(str, [code, _unique_where_present()], nullable=True),
        "unhcr_code": pa.Column(str, code, unique=True),
        "name": pa.Column(str),
    }
    columns |= {c: pa.Column(str, nullable=True) for c in COUNTRY_COLUMNS[3:]}
    return pa.DataFrameSchema(columns, strict=True, coerce=True, name="countries")
