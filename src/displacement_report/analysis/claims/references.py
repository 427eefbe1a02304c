"""Figures read in public documents, as the claims check cites them.

Three files hold them: the shared `sourced_figures.csv` (ids F...), the shared
`published_headlines.csv` of Global Trends figures as published at the time (G...),
and the project's `data/spending/amounts.csv` (A...). `reference_table` puts them in one
table with value, year, period, title, URL and source quality; `evaluate` computes
the figure a ledger spec names:

- `G070`: one figure;
- `ratio:F090/F085`, `ratio:G085+G084/G075`: a share in per cent (sum over the first);
- `inverse:G072`: '1 in N people' as a share in per cent (100 / N);
- `change:G017>G070`: the second figure minus the first;
- `smallest_change:G017>G031>...`: the smallest change between consecutive figures;
- `eur_in_usd_share:A002/A093`: a EUR amount converted to USD at the ECB's annual
  average rate of its year, as a share in per cent of a USD amount.

A ledger cell may list one spec per year, separated by `;` (`F158;F153;F157`):
`for_year` picks the one for a given year, and never another year's.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from displacement_report.analysis import exchange
from displacement_report.i18n import _, locale_code

_ID = re.compile(r"[FGA]\d{3}")
_YEAR = re.compile(r"((?:19|20)\d\d)(?:[-–/]((?:19|20)?\d\d)\b)?")


class UnknownFigure(KeyError):
    """A spec names a figure id that is in none of the reference files."""


def year_of(period: str) -> int | None:
    """The last year a period text covers: '2015-16' -> 2016, 'end 2022 (2021-22 ...)'
    -> 2022, 'Dec 2014-2022' -> 2022, 'July 2020' -> 2020."""
    years = []
    for first, second in _YEAR.findall(str(period)):
        years.append(int(first))
        if second:
            years.append(int(second) if len(second) == 4 else int(first[:2] + second))
    return max(years) if years else None


def reference_table(
    figures: pd.DataFrame,
    published: pd.DataFrame,
    amounts: pd.DataFrame,
    quality: pd.DataFrame,
) -> pd.DataFrame:
    """One row per figure id: value, unit, period (as written), year, source title, URL
    and quality (primary or secondary; '' where nobody has judged it)."""
    columns = ["value", "unit", "period", "year", "title", "url", "quality"]

    def from_pages(frame: pd.DataFrame, qualities: pd.Series) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "value": frame["value"].astype(float),
                "unit": frame["unit"],
                "period": frame["period"].astype(str),
                "year": [year_of(p) for p in frame["period"].astype(str)],
                "title": frame["source_title"],
                "url": frame["source_url"],
                "quality": qualities.reindex(frame.index).fillna(""),
            },
            index=frame.index,
        )[columns]

    sourced = from_pages(figures, quality["quality"] if "quality" in quality else pd.Series())
    headlines = from_pages(published, published.get("quality", pd.Series(dtype=str)))
    money = amounts.set_index("amount_id")
    spans = [
        str(s) if s == e else f"{s}–{e}"
        for s, e in zip(money["period_start"], money["period_end"], strict=True)
    ]
    own = pd.DataFrame(
        {
            "value": money["amount"].astype(float),
            "unit": money["unit"],
            "period": spans,
            "year": money["period_end"].astype(int),
            "title": money["source_title"],
            "url": money["source_url"],
            "quality": money["quality"],
        },
        index=money.index,
    )
    table = pd.concat([sourced, headlines, own])
    return table[~table.index.duplicated()]


@dataclass(frozen=True)
class Figure:
    """A figure computed from reference figures, with what it rests on."""

    value: float
    year: int | None
    period: str
    ids: tuple[str, ...]
    note: str = ""


def ids_in(spec: str | None) -> list[str]:
    return [] if not spec or pd.isna(spec) else _ID.findall(spec)


def _row(table: pd.DataFrame, figure_id: str) -> pd.Series:
    if figure_id not in table.index:
        raise UnknownFigure(f"figure {figure_id} is in none of the reference files")
    row = table.loc[figure_id]
    assert isinstance(row, pd.Series)  # ids are unique in the table (duplicates dropped)
    return row


def evaluate(spec: str, table: pd.DataFrame) -> Figure:
    """The figure one spec (without `;`) names."""
    kind, _separator, rest = spec.partition(":") if ":" in spec else ("", "", spec)
    ids = tuple(_ID.findall(rest))
    rows = [_row(table, i) for i in ids]
    values = [float(r["value"]) for r in rows]
    years = [int(r["year"]) for r in rows if pd.notna(r["year"])]
    year = max(years) if years else None
    period = (
        str(rows[-1]["period"]) if kind in ("change", "smallest_change") else str(rows[0]["period"])
    )
    note = ""
    if kind == "":
        value = values[0]
    elif kind == "ratio":
        value = 100 * sum(values[:-1]) / values[-1]
    elif kind == "inverse":
        value = 100 / values[0]
    elif kind == "change":
        value = values[1] - values[0]
        period = f"{rows[0]['period']} to {rows[1]['period']}"
    elif kind == "smallest_change":
        changes = [b - a for a, b in itertools.pairwise(values)]
        value = min(changes)
        period = f"{rows[0]['period']} to {rows[-1]['period']}"
    elif kind == "eur_in_usd_share":
        euros, dollars = rows
        if euros["unit"] != "EUR" or dollars["unit"] != "USD":
            raise ValueError(f"{spec}: needs a EUR amount over a USD amount")
        rate = exchange.annual_average("USD", int(euros["year"]))
        value = 100 * values[0] * rate.rate / values[1]
        note = converted_at(rate)
    else:
        raise ValueError(f"unknown reference form {kind!r} in {spec!r}")
    return Figure(value, year, period, ids, note)


def converted_at(rate: exchange.AnnualRate) -> str:
    """'EUR converted at USD 1.1827 per euro, the ECB's 2021 annual average (...)', in
    the active language (the package that ships the rates is named in the colophon)."""
    return _(
        "EUR converted at {currency} {rate} per euro, the ECB's {year} annual average "
        "({days} daily reference rates, {first} to {last})"
    ).format(
        currency=_(rate.currency),  # 'USD', in Dutch 'US$': the catalogue's currency signs
        rate=format_decimal(rate.rate, format="0.0000", locale=locale_code()),
        year=rate.year,
        days=rate.days,
        first=format_date(rate.first, format="d MMMM", locale=locale_code()),
        last=format_date(rate.last, format="d MMMM y", locale=locale_code()),
    )


def first(spec: str | None, table: pd.DataFrame) -> Figure | None:
    """The figure of a single-spec ledger cell (None if the cell is empty)."""
    if not spec or pd.isna(spec):
        return None
    return evaluate(spec.split(";")[0], table)


def for_year(
    spec: str | None, table: pd.DataFrame, year: int
) -> tuple[Figure | None, Figure | None]:
    """(the figure for `year`, the latest figure listed) of a `;`-separated cell. The
    first is None when no listed figure is for `year`: another year is never borrowed.
    Of several figures for one year, the last listed counts in both (the later budget
    stage: the second supplementary budget, not the draft)."""
    if not spec or pd.isna(spec):
        return None, None
    figures = [evaluate(one, table) for one in spec.split(";")]
    matching = [f for f in figures if f.year == year]
    latest = max(reversed(figures), key=lambda f: f.year or 0)  # max keeps the first of ties
    return (matching[-1] if matching else None), latest


#: How published_headlines.csv describes the headline total ("..., end-2019").
HEADLINE_TOTAL = "Forcibly displaced worldwide"


def published_series(published: pd.DataFrame, description: str = HEADLINE_TOTAL) -> pd.Series:
    """A headline figure as published year by year (the first row of each year whose
    description starts with `description`), indexed by end-year."""
    rows = published[published["description"].str.startswith(description)]
    years = rows["period"].astype(int)
    series = pd.Series(rows["value"].astype(float).to_numpy(), index=years.to_numpy())
    return series[~series.index.duplicated()].sort_index().rename_axis("year")
