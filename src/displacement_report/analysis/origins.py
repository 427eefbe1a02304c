"""Where refugees come from, in numbers and relative to the origin's population."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.joins import Joined, left_join_reporting
from displacement_report.analysis.source_years import population_in


def refugees_by_origin(
    population: pd.DataFrame, unrwa: pd.DataFrame, wb_population: pd.DataFrame, year: int
) -> tuple[pd.DataFrame, Joined]:
    """Refugees (UNHCR's and UNRWA's mandates) and OIP by country of origin in `year`,
    with refugees per 100,000 of the origin's own population (the form of SDG
    indicator 10.7.4). Palestine refugees count as originating from PSE."""
    rows = population[population["year"] == year]
    origin = rows.groupby("coo_iso").agg(
        country=("coo_name", "first"), refugees=("refugees", "sum"), oip=("oip", "sum")
    )
    palestine = unrwa[unrwa["year"] == year].groupby("coo_iso")["total"].sum()
    origin = origin.join(palestine.rename("unrwa_refugees"), how="outer")
    origin["country"] = origin["country"].fillna("Palestinian")
    counts = ["refugees", "oip", "unrwa_refugees"]
    origin[counts] = origin[counts].fillna(0).astype("int64")
    origin = origin.rename_axis("iso3").reset_index()
    origin = origin[~origin["iso3"].isin(["UNK", "XXA", "XXX"])]  # unknown and stateless
    people, _population_year = population_in(wb_population, year)
    joined = left_join_reporting(origin, people)
    table = joined.table
    table["refugees_total"] = table["refugees"] + table["unrwa_refugees"]
    table["per_100k"] = 100_000 * table["refugees_total"] / table["population"].astype("Float64")
    return table, joined


def most_per_population(table: pd.DataFrame, n: int, min_population: int) -> pd.DataFrame:
    """The `n` origins with the most refugees per 100,000 of their own population,
    among origins of at least `min_population` people (tiny states would top any
    per-capita ranking on a few hundred refugees)."""
    large = table[table["population"].fillna(0) >= min_population]
    return large.sort_values("per_100k", ascending=False).head(n)
