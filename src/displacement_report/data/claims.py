"""The claims ledger: every quantitative statement of the January 2021 letter, one row
each, with how it can be checked (`data/claims/ledger.csv`), and the numbers of the
letter that are not claims, with the reason (`data/claims/excluded_numbers.csv`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from displacement_report import letter, paths
from displacement_report.data.readers import read_csv_text
from displacement_report.data.validation import check_columns, validate

CLAIMS_DIR = paths.PROJECT_DATA_DIR / "claims"
REFERENCE_FIGURES_FILE = "sourced_figures.csv"

WORDINGS = (
    "exact",
    "about",
    "almost",
    "more_than",
    "majority",
    "majority_by_far",
    "range",
    "top",
    "increase",
    "decrease",
    "significant_share",
)
KINDS = ("count", "share", "change", "range", "money")
METHODS = ("data", "reference", "not_checkable")
LEDGER_COLUMNS = (
    "claim_id",
    "section",
    "paraphrase",
    "letter_text",
    "stated_value",
    "stated_high",
    "unit",
    "period",
    "year_then",
    "wording",
    "kind",
    "method",
    "check",
    "reference_then",
    "reference_now",
    "reason",
)
_REFERENCE = r"^((F\d{3}|A\d{3})|ratio:(F\d{3}|A\d{3})/(F\d{3}|A\d{3}))$"

LEDGER_SCHEMA = pa.DataFrameSchema(
    {
        "claim_id": pa.Column(str, pa.Check.str_matches(r"^C\d{2}$"), unique=True),
        "section": pa.Column(str),
        "paraphrase": pa.Column(str, pa.Check.str_length(min_value=10)),
        "letter_text": pa.Column(str, nullable=True),
        "stated_value": pa.Column(float),
        "stated_high": pa.Column(float, nullable=True),
        "unit": pa.Column(str),
        "period": pa.Column(str),
        "year_then": pa.Column("Int64", pa.Check.in_range(1990, 2021), nullable=True),
        "wording": pa.Column(str, pa.Check.isin(WORDINGS)),
        "kind": pa.Column(str, pa.Check.isin(KINDS)),
        "method": pa.Column(str, pa.Check.isin(METHODS)),
        "check": pa.Column(str, nullable=True),
        "reference_then": pa.Column(str, pa.Check.str_matches(_REFERENCE), nullable=True),
        "reference_now": pa.Column(str, pa.Check.str_matches(_REFERENCE), nullable=True),
        "reason": pa.Column(str, nullable=True),
    },
    checks=[
        pa.Check(
            lambda f: (f["method"] != "data") | (f["check"].notna() & f["year_then"].notna()),
            error="a data claim names its check function and the letter's year",
        ),
        pa.Check(
            lambda f: (f["method"] != "not_checkable") | f["reason"].notna(),
            error="a claim that cannot be checked says why",
        ),
        pa.Check(
            lambda f: (
                (f["method"] != "reference")
                | f["reference_then"].notna()
                | f["reference_now"].notna()
            ),
            error="a reference claim names a reference figure",
        ),
    ],
    strict=True,
    coerce=True,
    name="claims ledger",
)


def load_ledger(path: Path | str | None = None) -> pd.DataFrame:
    source = Path(path) if path else CLAIMS_DIR / "ledger.csv"
    texts = tuple(
        c for c in LEDGER_COLUMNS if c not in ("stated_value", "stated_high", "year_then")
    )
    raw = read_csv_text(source, texts)
    check_columns(raw, LEDGER_COLUMNS, source)
    return validate(raw, LEDGER_SCHEMA, source)


def stated(ledger: pd.DataFrame, claim_id: str) -> pd.Series:
    """One claim's row of the ledger: the figure as the letter states it, its wording."""
    if claim_id not in set(ledger["claim_id"]):
        raise KeyError(f"claim {claim_id} is not in the ledger")
    row = ledger.set_index("claim_id").loc[claim_id]
    assert isinstance(row, pd.Series)  # claim ids are unique (LEDGER_SCHEMA)
    return row


def load_excluded_numbers(path: Path | str | None = None) -> pd.DataFrame:
    source = Path(path) if path else CLAIMS_DIR / "excluded_numbers.csv"
    raw = read_csv_text(source, ("token", "reason"))
    check_columns(raw, ("token", "reason"), source)
    return raw


def load_reference_figures(path: Path | str | None = None) -> pd.DataFrame:
    """The shared file of figures read on public pages (figure_id, value, unit, ...)."""
    source = Path(path) if path else paths.reference_dir() / REFERENCE_FIGURES_FILE
    raw = read_csv_text(source, ("figure_id", "unit", "period", "source_title", "source_url"))
    return raw.set_index("figure_id")


def letter_text(path: Path | str | None = None) -> str:
    return Path(path or letter.TEXT_PATH).read_text(encoding="utf-8")
