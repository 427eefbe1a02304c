"""Figures read in public documents, as the claims check cites them.

Four files hold them: the shared `sourced_figures.csv` (ids F...), the shared
`published_headlines.csv` of Global Trends figures as published at the time (G...
from any page, P... from UNHCR's own), the project's `data/spending/amounts.csv` (A...)
and the claims check's own `data/claims/documented_figures.csv` (D...).
`reference_table` puts them in one table with value, years, period, publication, title,
URL, source quality and, for a budget amount, its stage; `evaluate` computes the figure
a ledger spec names:

- `G070`: one figure;
- `ratio:F090/F085`, `ratio:G085+G084/G075`: a share in per cent (sum over the first);
- `inverse:G072`: '1 in N people' as a share in per cent (100 / N);
- `change:G017>G070`: the second figure minus the first;
- `smallest_change:G017>G031>...`: the smallest change between consecutive figures;
- `eur_in_usd_share:A002/A093`: a EUR amount converted to USD at the ECB's annual
  average rate of its year, as a share in per cent of a USD amount;
- `usd_in_eur:F026`: a USD amount over several years in EUR, at the mean of the ECB's
  annual average rates of those years.

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
from displacement_report.data.kinds import BUDGET_STAGES
from displacement_report.i18n import _, column_name, locale_code

#: The budget stages a budget figure of the documents carries (not the realised amount).
BUDGET_KINDS = tuple(stage for stage in BUDGET_STAGES if stage != "realisation")

_ID = re.compile(r"[FGPAD]\d{3}")
_YEAR = re.compile(r"((?:19|20)\d\d)(?:[-–/]((?:19|20)?\d\d)\b)?")


class UnknownFigure(KeyError):
    """A spec names a figure id that is in none of the reference files."""


def _years(period: str) -> list[int]:
    years = []
    for first, second in _YEAR.findall(str(period)):
        years.append(int(first))
        if second:
            years.append(int(second) if len(second) == 4 else int(first[:2] + second))
    return years


def year_of(period: str) -> int | None:
    """The last year a period text covers: '2015-16' -> 2016, 'end 2022 (2021-22 ...)'
    -> 2022, 'Dec 2014-2022' -> 2022, 'July 2020' -> 2020."""
    years = _years(period)
    return max(years) if years else None


def years_spanned(period: str) -> range:
    """Every year a period text names or spans: '2019-2023' -> 2019..2023."""
    years = _years(period)
    return range(min(years), max(years) + 1) if years else range(0)


def _global_trends(period: str) -> str:
    """Global Trends for end-year Y is published in June of Y+1."""
    year = year_of(period)
    return f"UNHCR, Global Trends {year} (June {year + 1})" if year else "UNHCR, Global Trends"


#: The columns of `reference_table`.
COLUMNS = [
    "value",
    "unit",
    "period",
    "first_year",
    "year",
    "description",
    "publication",
    "title",
    "url",
    "quality",
    "stage",
]


def reference_table(
    figures: pd.DataFrame,
    published: pd.DataFrame,
    amounts: pd.DataFrame,
    quality: pd.DataFrame,
    documented: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per figure id: value, unit, period (as written), the years it describes
    (`first_year` to `year`: one year, except a documented figure that holds for each
    year of a span), what it is, the publication it comes from, source title, URL,
    quality (primary or secondary; '' where nobody has judged it) and, for a budget
    amount, its stage (`budget_draft`, ...; '' otherwise)."""

    def from_pages(
        frame: pd.DataFrame, qualities: pd.Series, publication: pd.Series
    ) -> pd.DataFrame:
        periods = frame["period"].astype(str)
        years = [year_of(p) for p in periods]
        return pd.DataFrame(
            {
                "value": frame["value"].astype(float),
                "unit": frame["unit"],
                "period": periods,
                "first_year": years,
                "year": years,
                "description": frame["description"].astype(str),
                "publication": publication,
                "title": frame["source_title"],
                "url": frame["source_url"],
                "quality": qualities.reindex(frame.index).fillna(""),
                "stage": "",
            },
            index=frame.index,
        )[COLUMNS]

    sourced = from_pages(
        figures,
        quality["quality"] if "quality" in quality else pd.Series(dtype=str),
        figures["source_title"],
    )
    headlines = from_pages(
        published,
        published.get("quality", pd.Series(dtype=str)),
        published["period"].astype(str).map(_global_trends),
    )
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
            "first_year": money["period_end"].astype(int),  # a total over its years
            "year": money["period_end"].astype(int),
            "description": money["description"],
            "publication": money["source_title"],
            "title": money["source_title"],
            "url": money["source_url"],
            "quality": money["quality"],
            "stage": money["amount_kind"].where(money["amount_kind"].isin(BUDGET_KINDS), ""),
        },
        index=money.index,
    )
    parts = [sourced, headlines, own]
    if documented is not None and len(documented):
        parts.append(
            pd.DataFrame(
                {
                    "value": documented["value"].astype(float),
                    "unit": documented["unit"],
                    "period": documented["period"].astype(str),
                    "first_year": documented["first_year"].astype(int),
                    "year": documented["last_year"].astype(int),
                    "description": documented["description"],
                    "publication": documented.get(
                        column_name("publication"), documented["publication"]
                    ),
                    "title": documented["source_title"],
                    "url": documented["source_url"],
                    "quality": documented["quality"],
                    "stage": "",
                },
                index=documented.index,
            )
        )
    table = pd.concat(parts)
    return table[~table.index.duplicated()]


@dataclass(frozen=True)
class Figure:
    """A figure computed from reference figures, with what it rests on: the years it
    describes (`first_year` to `year`), the publications its figures come from, the
    budget stage of an amount, and for a trend each step `(period, change)`."""

    value: float
    year: int | None
    period: str
    ids: tuple[str, ...]
    note: str = ""
    first_year: int | None = None
    publications: tuple[str, ...] = ()
    stage: str = ""
    changes: tuple[tuple[str, float], ...] = ()

    def covers(self, year: int) -> bool:
        first = self.first_year if self.first_year is not None else self.year
        return first is not None and self.year is not None and first <= year <= self.year


def ids_in(spec: str | None) -> list[str]:
    return [] if not spec or pd.isna(spec) else _ID.findall(spec)


def _row(table: pd.DataFrame, figure_id: str) -> pd.Series:
    if figure_id not in table.index:
        raise UnknownFigure(f"figure {figure_id} is in none of the reference files")
    row = table.loc[figure_id]
    assert isinstance(row, pd.Series)  # ids are unique in the table (duplicates dropped)
    return row


_ARITHMETIC = ("", "ratio", "inverse", "change", "smallest_change")
_MONEY = ("eur_in_usd_share", "usd_in_eur")


def _arithmetic(
    kind: str, rows: list[pd.Series], values: list[float]
) -> tuple[float, str | None, tuple[tuple[str, float], ...]]:
    """(value, the period it spans if not the first figure's, each step of a trend)."""
    if kind == "ratio":
        return 100 * sum(values[:-1]) / values[-1], None, ()
    if kind == "inverse":
        return 100 / values[0], None, ()
    if kind == "change":
        return values[1] - values[0], f"{rows[0]['period']} to {rows[1]['period']}", ()
    if kind == "smallest_change":
        changes = tuple(
            (str(later["period"]), b - a)
            for (a, b), later in zip(itertools.pairwise(values), rows[1:], strict=True)
        )
        span = f"{rows[0]['period']} to {rows[-1]['period']}"
        return min(change for _period, change in changes), span, changes
    return values[0], None, ()


def _converted(
    kind: str, spec: str, rows: list[pd.Series], values: list[float]
) -> tuple[float, str, int | None]:
    """(value, how it was converted, the first year of a multi-year amount)."""
    if kind == "eur_in_usd_share":
        euros, dollars = rows
        if euros["unit"] != "EUR" or dollars["unit"] != "USD":
            raise ValueError(f"{spec}: needs a EUR amount over a USD amount")
        rate = exchange.annual_average("USD", int(euros["year"]))
        return 100 * values[0] * rate.rate / values[1], converted_at(rate), None
    (dollars,) = rows
    if dollars["unit"] != "USD":
        raise ValueError(f"{spec}: needs a USD amount")
    spanned = years_spanned(str(dollars["period"]))
    rates = [exchange.annual_average("USD", y) for y in spanned]
    mean = sum(r.rate for r in rates) / len(rates)
    return values[0] / mean, converted_over(rates, mean), spanned.start


def evaluate(spec: str, table: pd.DataFrame) -> Figure:
    """The figure one spec (without `;`) names."""
    kind, _separator, rest = spec.partition(":") if ":" in spec else ("", "", spec)
    if kind not in _ARITHMETIC + _MONEY:
        raise ValueError(f"unknown reference form {kind!r} in {spec!r}")
    ids = tuple(_ID.findall(rest))
    rows = [_row(table, i) for i in ids]
    values = [float(r["value"]) for r in rows]
    years = [int(r["year"]) for r in rows if pd.notna(r["year"])]
    year = max(years) if years else None
    firsts = [int(r["first_year"]) for r in rows if pd.notna(r.get("first_year"))]
    first_year = min(firsts) if len(rows) == 1 and firsts else year
    named = (str(r.get("publication") or "") for r in rows)
    publications = tuple(p for p in dict.fromkeys(named) if p)
    stages = {str(r.get("stage") or "") for r in rows} - {""}
    stage = stages.pop() if len(stages) == 1 else ""
    note, period = "", str(rows[0]["period"])
    changes: tuple[tuple[str, float], ...] = ()
    if kind in _MONEY:
        value, note, first = _converted(kind, spec, rows, values)
        first_year = first if first is not None else first_year
    else:
        value, span, changes = _arithmetic(kind, rows, values)
        period = span or period
    return Figure(value, year, period, ids, note, first_year, publications, stage, changes)


def converted_over(rates: list[exchange.AnnualRate], mean: float) -> str:
    """'USD converted at USD 1.1157 per euro, the mean of the ECB's annual averages
    2019-2023 (...)', in the active language."""
    return _(
        "USD converted at {currency} {rate} per euro, the mean of the ECB's annual averages "
        "{first}–{last}"
    ).format(
        currency=rates[0].currency,
        rate=format_decimal(mean, format="0.0000", locale=locale_code()),
        first=rates[0].year,
        last=rates[-1].year,
    )


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


def every(spec: str | None, table: pd.DataFrame) -> list[Figure]:
    """Each figure of a `;`-separated ledger cell, in the order listed."""
    if not spec or pd.isna(spec):
        return []
    return [evaluate(one, table) for one in spec.split(";")]


def for_year(
    spec: str | None, table: pd.DataFrame, year: int
) -> tuple[Figure | None, Figure | None]:
    """(the figure for `year`, the latest figure listed) of a `;`-separated cell. The
    first is None when no listed figure is for `year` (a documented figure counts for
    each year of its span): another year is never borrowed. Of several figures for one
    year, the last listed counts in both."""
    if not spec or pd.isna(spec):
        return None, None
    figures = [evaluate(one, table) for one in spec.split(";")]
    matching = [f for f in figures if f.covers(year)]
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
