"""Functions that recompute a claim's quantity for any year from the data.

`CHECKS` maps the check named in the ledger to a function(inputs, year). Nothing here
reads files: the caller loads the frames into `ClaimInputs`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from displacement_report import letter
from displacement_report.analysis import headline, hosting, protracted

#: Members of IGAD, the Horn of Africa's regional organisation.
HORN_OF_AFRICA = ("DJI", "ERI", "ETH", "KEN", "SOM", "SSD", "SDN", "UGA")


@dataclass(frozen=True)
class ClaimInputs:
    """The frames the data checks read (loaded by the caller)."""

    population: pd.DataFrame
    unrwa: pd.DataFrame
    idmc: pd.DataFrame
    world_population: pd.Series
    wb_population: pd.DataFrame
    gdp: pd.DataFrame
    income_groups: pd.DataFrame
    ldcs: pd.DataFrame
    regions: pd.Series  # ISO3 -> UNHCR region


def _total(inputs: ClaimInputs, year: int) -> float:
    return float(
        headline.forcibly_displaced(inputs.population, inputs.unrwa, inputs.idmc, year)[
            headline.TOTAL
        ]
    )


def _share_of_world(inputs: ClaimInputs, year: int) -> float:
    return 100 * _total(inputs, year) / float(inputs.world_population.loc[year])


def _hosting_table(inputs: ClaimInputs, year: int) -> pd.DataFrame:
    table, _, _ = hosting.hosting_table(
        inputs.population,
        inputs.unrwa,
        inputs.wb_population,
        inputs.gdp,
        inputs.income_groups,
        inputs.ldcs,
        year,
    )
    return table


def _in_region_of_origin(inputs: ClaimInputs, year: int) -> float:
    rows = inputs.population[inputs.population["year"] == year]
    origin = rows["coo_iso"].map(inputs.regions)
    host = rows["coa_iso"].map(inputs.regions)
    people = rows["refugees"].astype(float) + rows["oip"].fillna(0).astype(float)
    known = origin.notna() & host.notna()
    return float(100 * people[known & (origin == host)].sum() / people[known].sum())


def _displaced_in(inputs: ClaimInputs, year: int, hosts: tuple[str, ...]) -> float:
    table = headline.totals_for_hosts(inputs.population, inputs.unrwa, inputs.idmc, year, hosts)
    return float(table[headline.TOTAL].loc["Total"])


def _focus_share(inputs: ClaimInputs, year: int) -> float:
    hosted = headline.hosted_by_country(inputs.population, year, ("refugees",), unrwa=inputs.unrwa)
    in_focus = hosted[hosted["iso3"].isin(letter.FOCUS_COUNTRIES)]["total"].sum()
    return float(100 * in_focus / hosted["total"].sum())


def _turkey_rank(inputs: ClaimInputs, year: int) -> float:
    ranked = headline.top_hosts(inputs.population, year, n=500)
    position = ranked.index[ranked["iso3"] == "TUR"]
    return float(position[0] + 1) if len(position) else float("nan")


def _protracted_mean(inputs: ClaimInputs, year: int) -> float:
    table = protracted.situations(inputs.population, year)
    return float(table["duration"].mean())


def _smallest_yearly_change(inputs: ClaimInputs, year: int) -> float:
    totals = [_total(inputs, y) for y in range(2015, year + 1)]
    return float(min(b - a for a, b in itertools.pairwise(totals)))


#: Check name in the ledger -> function(inputs, year) -> the claim's quantity that year.
CHECKS: dict[str, Callable[[ClaimInputs, int], float]] = {
    "forcibly_displaced_total": _total,
    "refugees_incl_unrwa": lambda i, y: float(
        sum(
            headline.forcibly_displaced(i.population, i.unrwa, i.idmc, y)[
                ["refugees", "unrwa_refugees"]
            ]
        )
    ),
    "idps_idmc": lambda i, y: float(
        headline.forcibly_displaced(i.population, i.unrwa, i.idmc, y)["idps"]
    ),
    "displaced_share_of_world": _share_of_world,
    "displaced_share_change_20_years": lambda i, y: (
        _share_of_world(i, y) - _share_of_world(i, y - 20)
    ),
    "displaced_change_since_2015": lambda i, y: _total(i, y) - _total(i, 2015),
    "hosted_in_region_of_origin": _in_region_of_origin,
    "lmic_share": lambda i, y: hosting.share_hosted(
        t := _hosting_table(i, y), t["is_low_or_middle"]
    ),
    "displaced_in_horn_of_africa": lambda i, y: _displaced_in(i, y, HORN_OF_AFRICA),
    "focus_share_of_refugees": _focus_share,
    "turkey_rank_as_host": _turkey_rank,
    "protracted_mean_duration": _protracted_mean,
    "smallest_yearly_change_since_2015": _smallest_yearly_change,
}
