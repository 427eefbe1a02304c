"""Stateless people: the total per year, how many countries report any, and the largest
situations (by country of residence).

UNHCR's population table records them in the `stateless` column, with the stateless
'origin' (`XXA`) and the country where they live as the host. Global Trends counts them
apart from the forcibly displaced; some are both (stateless refugees). Countries that
report none are not known to have none: many have no data at all.
"""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.breaks import Break, find_breaks


def first_reported_year(population: pd.DataFrame) -> int | None:
    """The first year in which any country reports a stateless person (None: never)."""
    reported = population.loc[population["stateless"].fillna(0) > 0, "year"]
    return None if reported.empty else int(reported.min())


def stateless_by_year(population: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Per year from `start` to `end`: stateless people (`stateless`) and the number of
    countries reporting any (`countries`). Years before UNHCR's table records any
    stateless person are <NA>, not 0: the count did not exist yet."""
    years = pd.RangeIndex(start, end + 1, name="year")
    rows = population[population["stateless"].fillna(0) > 0]
    table = pd.DataFrame(
        {
            "stateless": rows.groupby("year")["stateless"].sum(),
            "countries": rows.groupby("year")["coa_iso"].nunique(),
        }
    ).reindex(years)
    first = first_reported_year(population)
    table = table.fillna(0).astype("Int64")
    table.loc[table.index < (first if first is not None else end + 1)] = pd.NA
    return table


def largest(population: pd.DataFrame, year: int, n: int = 10) -> pd.DataFrame:
    """The `n` countries with most stateless people reported in `year` (iso3, country,
    stateless), largest first."""
    rows = population[(population["year"] == year) & (population["stateless"].fillna(0) > 0)]
    table = rows.groupby(["coa_iso", "coa_name"])["stateless"].sum().reset_index()
    table = table.rename(columns={"coa_iso": "iso3", "coa_name": "country"})
    table["stateless"] = table["stateless"].astype("int64")
    ranked = table.sort_values(["stateless", "iso3"], ascending=[False, True]).head(n)
    return ranked.reset_index(drop=True)


def in_country(population: pd.DataFrame, country: str, year: int) -> int:
    """Stateless people one country reports in `year` (0 where it reports none)."""
    rows = population[(population["year"] == year) & (population["coa_iso"] == country)]
    return int(rows["stateless"].fillna(0).sum())


def any_reported(by_year: pd.DataFrame) -> bool:
    """Whether any year of `stateless_by_year` has a count (else there is no trend)."""
    return bool(by_year["stateless"].notna().any())


def breaks(by_year: pd.DataFrame) -> list[Break]:
    """The moves of more than 40% in one year of the stateless total (`stateless_by_year`):
    every one the chart shows, not only those since the baseline, since the series is
    short and its largest moves are early."""
    return find_breaks(by_year[["stateless"]])


def break_movers(population: pd.DataFrame, found: list[Break]) -> list[Break]:
    """For each break of the total, the country whose reported count moved most between
    the two years, as a break of its own series (`series`: its ISO3 code): what the data
    show of where the move came from. UNHCR's README states no reason for these moves."""
    movers = []
    reported = population[population["stateless"].fillna(0) > 0]
    by_country = reported.groupby(["coa_iso", "year"])["stateless"].sum().unstack(fill_value=0)
    for one in found:
        before = by_country.get(one.before_year, pd.Series(0, index=by_country.index))
        after = by_country.get(one.year, pd.Series(0, index=by_country.index))
        moved = (after - before).abs()
        if moved.empty or not moved.max():
            continue
        iso3 = str(moved.sort_values(ascending=False, kind="stable").index[0])
        movers.append(
            Break((iso3,), one.before_year, one.year, float(before[iso3]), float(after[iso3]))
        )
    return movers
