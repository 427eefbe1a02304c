"""The data file beside each exhibit, as a reader reuses it: columns named for what they
hold in the edition's language, the category first, values rounded as the page prints
them (whole numbers without '.0'), a missing value an empty cell, never 0 or 'nan'.

A chart declares its columns once (`DataColumns`, where it is drawn); a table's
rounding follows from the formatter of each column (`decimals_shown`). Both go through
`rounded`, the one place that rounds what a data file holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd
from babel.numbers import get_decimal_symbol

from displacement_report.i18n import _, locale_code
from displacement_report.present import format as fmt

#: The columns a chart's data has before it is named (`exhibits.chart_data`), in the
#: order a reader reads them: the panel, the category or year, the series, the value.
CHART_COLUMNS = ("panel", "x", "series", "value")
#: Formatters that print people (or another count) however scaled: whole numbers in
#: the data file, where a reader adds them up.
#: The key of a saved chart data's `attrs` naming its columns by role (x: 'year').
ROLES = "columns"
_WHOLE = {fmt.count, fmt.millions, fmt.in_millions, fmt.signed_in_millions}
_DECIMALS = {
    fmt.one_decimal: 1,
    fmt.two_decimals: 2,
    fmt.percent: 1,
    fmt.plain_percent: 1,
    fmt.signed_percent: 1,
}


@dataclass(frozen=True)
class DataColumns:
    """How a chart's data file names its columns and rounds its values: `x` the
    category or year, `value` what the values are (with their unit), `series` what
    tells the lines or bars apart, `panel` what each panel shows (both left out where
    the chart has one series or one panel); the values divided by `scale` (1e6 for
    'EUR million' as printed) and rounded to `decimals` (0: whole numbers)."""

    x: str
    value: str
    series: str = ""
    panel: str = ""
    decimals: int = 0
    scale: float = 1.0

    def names(self) -> dict[str, str]:
        named = {"panel": self.panel, "x": self.x, "series": self.series, "value": self.value}
        return {column: name for column, name in named.items() if name}

    def apply(self, data: pd.DataFrame) -> pd.DataFrame:
        """`data` ([panel,] series, x, value) as the data file holds it; its `attrs`
        say which column is which (`ROLES`), for the exhibit's description."""
        frame = data.copy()
        if "series" in frame and not frame["series"].fillna("").astype(str).str.strip().any():
            frame = frame.drop(columns="series")  # one unnamed series: nothing to tell apart
        names = self.names()
        for column in ("panel", "series"):
            if column in frame and column not in names:
                if frame[column].nunique() <= 1:
                    frame = frame.drop(columns=column)  # one of them: the title says which
                else:  # several, not declared: a general word rather than 'series'
                    names[column] = _("group") if column == "series" else _("part of the chart")
        frame["value"] = pd.to_numeric(frame["value"], errors="coerce") / self.scale
        kept = [c for c in CHART_COLUMNS if c in frame]
        saved = rounded(frame[kept].rename(columns=names), {self.value: self.decimals})
        saved.attrs[ROLES] = {column: names[column] for column in kept}
        return saved


def rounded(frame: pd.DataFrame, decimals: Mapping[str, int | None]) -> pd.DataFrame:
    """Every numeric column rounded to its `decimals` (a column not named: as it is),
    whole numbers written as integers (no '.0'); a missing value stays missing."""
    out = frame.copy()
    for column in out.columns:
        values = _numbers(out[column])
        if values is None:
            continue
        digits = decimals.get(str(column))
        numbers = values.astype("Float64")
        if digits is not None:
            numbers = pd.Series(
                [pd.NA if fmt.missing(v) else _as_printed(v, digits) for v in numbers],
                index=numbers.index,
                dtype="Float64",
            )
        present = numbers.dropna()
        if digits == 0 or bool((present == present.round(0)).all()):
            out[column] = numbers.round(0).astype("Int64")
        else:  # whole figures among fractions (a ledger of several units) keep no '.0'
            out[column] = pd.Series([_plain(v) for v in numbers], index=numbers.index, dtype=object)
    return out


def _numbers(column: pd.Series) -> pd.Series | None:
    """The column as numbers, if it holds numbers only (a column of Python objects
    too: figures beside gaps written as None); None for text, flags and mixtures."""
    if pd.api.types.is_bool_dtype(column):
        return None
    if pd.api.types.is_numeric_dtype(column):
        return column
    present = [v for v in column if not fmt.missing(v)]
    if present and all(isinstance(v, Real) and not isinstance(v, bool | np.bool_) for v in present):
        figures = [None if fmt.missing(v) else float(v) for v in column]
        return pd.Series(figures, index=column.index, dtype="Float64")
    return None


def _plain(value: object) -> object:
    """78377282.0 -> 78377282, 52.2 stays 52.2, a gap stays a gap."""
    if fmt.missing(value):
        return None
    number = float(fmt.as_float(value))
    return int(number) if number.is_integer() else number


def _as_printed(value: object, digits: int) -> float:
    """`value` rounded as babel prints it (`present.format`): from its decimal text,
    half to even (2.675 -> 2.68, where binary rounding gives 2.67)."""
    step = Decimal(1).scaleb(-digits)
    return float(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_EVEN))


def decimals_shown(formatter: Callable[..., str] | None, values: pd.Series) -> int | None:
    """How many decimals a table column shows: the formatter's own where it is one of
    the report's (`present.format`), else the most any of its cells prints; None for a
    column printed as it is (no formatter) or whose cells print no number."""
    if formatter is None:
        return None
    base = formatter.func if isinstance(formatter, functools.partial) else formatter
    if base in _WHOLE:
        return 0
    if base in _DECIMALS:
        digits = _keyword(formatter, "digits")
        return _DECIMALS[base] if digits is None else int(digits)
    shown = [_printed_decimals(formatter(v)) for v in values if not fmt.missing(v)]
    counted = [d for d in shown if d is not None]
    return max(counted) if counted else None


def _keyword(formatter: Callable[..., str], name: str) -> Any:
    if isinstance(formatter, functools.partial):
        return formatter.keywords.get(name)
    return None


def _printed_decimals(text: object) -> int | None:
    """The decimals of the number in a printed cell ('€ 27.100' -> 0, '1,5%' -> 1 in
    Dutch); None if it prints no number."""
    if not isinstance(text, str) or not re.search(r"\d", text):
        return None
    mark = re.escape(get_decimal_symbol(locale_code()))
    found = re.findall(rf"\d{mark}(\d+)", text)
    return max((len(d) for d in found), default=0)
