"""Which year of each source a report year can use.

UNHCR publishes a new year of its population table before the World Bank has that
year's population, and before some of UNHCR's own tables (asylum decisions,
solutions, new arrivals, demographics) cover it. A report for that year uses, for each
such source, its latest year up to the report year, and says so; it never reads a
missing year as zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd


def year_or_latest(years: Iterable[int], year: int) -> int | None:
    """`year` if it is among `years`, otherwise the latest of `years` before it; None
    when the source starts after `year`."""
    earlier = [int(y) for y in years if int(y) <= year]
    return max(earlier) if earlier else None


def rows_of_year_or_latest(
    table: pd.DataFrame, year: int, column: str = "year"
) -> tuple[pd.DataFrame, int | None]:
    """The rows of `year`, or of the latest earlier year the table has, and that year."""
    used = year_or_latest(table[column].dropna().unique(), year)
    if used is None:
        return table.iloc[0:0], None
    return table[table[column] == used], used


def population_in(wb_population: pd.DataFrame, year: int) -> tuple[pd.DataFrame, int | None]:
    """World Bank population (iso3, population) of `year`, or of its latest year before
    it when `year` is not out yet; and the year used."""
    known = wb_population.dropna(subset=["population"])
    rows, used = rows_of_year_or_latest(known, year)
    return rows[["iso3", "population"]], used


def value_of_year_or_latest(series: pd.Series, year: int) -> tuple[float, int | None]:
    """A yearly series' value for `year` or its latest earlier year, and that year
    (NaN and None when the series starts later)."""
    used = year_or_latest(series.dropna().index, year)
    return (float(series.loc[used]), used) if used is not None else (float("nan"), None)


def behind(last_years: Mapping[str, int | None], year: int) -> dict[str, int | None]:
    """The sources whose last year is before `year`, with their last year (None: the
    source has no year at all)."""
    return {source: last for source, last in last_years.items() if last is None or last < year}
