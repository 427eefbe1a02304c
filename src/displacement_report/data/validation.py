"""Turn a raw CSV frame into a validated, typed frame, or a message a person can act on."""

from __future__ import annotations

from pathlib import Path
from typing import SupportsInt

import pandas as pd
import pandera.pandas as pa

from displacement_report.errors import DataFileError

MAX_REPORTED_FAILURES = 10
_CSV_HEADER_LINES = 1


def check_columns(frame: pd.DataFrame, expected: tuple[str, ...], source: Path) -> None:
    """Fail on missing or unexpected columns before any value is looked at."""
    found = list(frame.columns)
    missing = [c for c in expected if c not in found]
    extra = [c for c in found if c not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing column(s) {missing}")
        if extra:
            parts.append(f"unexpected column(s) {extra}")
        raise DataFileError(
            f"{source}: {'; '.join(parts)}. Expected exactly these columns: {list(expected)}"
        )
    if frame.empty:
        raise DataFileError(f"{source}: the file has a header but no data rows")


def _place(index: object, rows_are_lines: bool) -> str:
    if not isinstance(index, SupportsInt | str):
        return "a row"
    try:
        number = int(index)
    except (TypeError, ValueError):
        return "a row"
    if rows_are_lines:
        return f"line {number + _CSV_HEADER_LINES + 1}"  # +1: lines count from 1
    return f"item {number + 1}"


def _shown(value: object) -> str:
    """numpy scalars print as 'np.int64(-4)'; readers want '-4'."""
    plain = value.item() if hasattr(value, "item") else value
    return repr(plain)


def describe_failures(failures: pd.DataFrame, source: Path | str, rows_are_lines: bool) -> str:
    """One readable line per failing cell: file, line, column, value and the rule broken."""
    cases = failures.copy()
    # A value that cannot be converted also fails every later check on that column;
    # report the conversion, not its echoes.
    coerce_failed = set(cases.loc[cases["check"].astype(str).str.startswith("coerce"), "column"])
    echoes = cases["column"].isin(coerce_failed) & ~cases["check"].astype(str).str.startswith(
        "coerce"
    )
    cases = cases[~echoes]
    unique_rows = cases["check"].astype(str).str.contains("uniqueness|unique", regex=True)
    lines = []
    dup = cases[unique_rows]
    if not dup.empty:
        key_cols = list(dict.fromkeys(dup["column"].astype(str)))
        where = sorted({_place(i, rows_are_lines) for i in dup["index"].dropna()})
        lines.append(
            f"duplicated key {key_cols}: the same key appears on {', '.join(where[:6])}"
            + (" ..." if len(where) > 6 else "")
        )
    for row in cases[~unique_rows].head(MAX_REPORTED_FAILURES).itertuples():
        lines.append(
            f"{_place(row.index, rows_are_lines)}, column '{row.column}': "
            f"value {_shown(row.failure_case)} fails {row.check}"
        )
    total = int((~unique_rows).sum())
    if total > MAX_REPORTED_FAILURES:
        lines.append(f"... and {total - MAX_REPORTED_FAILURES} more failing values")
    return f"{source}: {len(cases)} validation failure(s):\n  " + "\n  ".join(lines)


def validate(
    frame: pd.DataFrame,
    schema: pa.DataFrameSchema,
    source: Path | str,
    *,
    rows_are_lines: bool = True,
) -> pd.DataFrame:
    """Validate against `schema`; failures name `source` and the CSV line (or item number
    for rows that did not come from a file)."""
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise DataFileError(describe_failures(exc.failure_cases, source, rows_are_lines)) from None
