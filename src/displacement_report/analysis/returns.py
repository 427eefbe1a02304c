"""Returns in the year: refugees who went home, and internally displaced people who
went back to their place of origin, each beside the stock they came from.

From UNHCR's solutions table (`returned_refugees`, `returned_idps`; the population
table carries the same counts). For returns, the table's country of origin is the
country returned to. A return is a movement counted in the year, not proof of a
durable solution: people may return to insecurity and be displaced again.
"""

from __future__ import annotations

import pandas as pd

#: The kinds of return, and the stock each came from (at the end of the year before):
#: refugees under UNHCR's mandate (as the solutions chart counts them), and IDPs as IDMC
#: counts them (the figure in the forcibly displaced total).
KINDS = {"returned_refugees": "refugees", "returned_idps": "idps"}


def returns_in_year(
    solutions: pd.DataFrame, population: pd.DataFrame, idmc: pd.DataFrame, year: int
) -> pd.DataFrame:
    """One row per kind of return (`KINDS`): returns in `year` and in the year before,
    the stock at the end of the year before (<NA> where no source covers it) and the
    returns as a percentage of it."""
    returned = solutions.groupby("year")[list(KINDS)].sum(min_count=1).fillna(0)
    stocks = {
        "refugees": population.groupby("year")["refugees"].sum(),
        "idps": idmc.groupby("year")["total"].sum(),
    }
    rows = {}
    for kind, stock_name in KINDS.items():
        stock = stocks[stock_name]
        before = stock.get(year - 1)
        rows[kind] = {
            "returned": int(returned[kind].get(year, 0)),
            "returned_year_before": int(returned[kind].get(year - 1, 0)),
            "stock_year_before": pd.NA if before is None else int(before),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table["stock_year_before"] = table["stock_year_before"].astype("Int64")
    share = 100 * table["returned"] / table["stock_year_before"].astype("Float64")
    table["share_pct"] = share.where(table["stock_year_before"] > 0).astype("Float64")
    return table.rename_axis("kind")


def largest_returns(solutions: pd.DataFrame, kind: str, year: int, n: int = 3) -> pd.DataFrame:
    """The `n` countries most people of `kind` (a key of `KINDS`) returned to in `year`
    (iso3, country, returned), largest first; countries with none left out."""
    rows = solutions[solutions["year"] == year]
    table = rows.groupby(["coo_iso", "coo_name"])[kind].sum().reset_index()
    table = table.rename(columns={"coo_iso": "iso3", "coo_name": "country", kind: "returned"})
    table = table[table["returned"] > 0].astype({"returned": "int64"})
    ranked = table.sort_values(["returned", "iso3"], ascending=[False, True]).head(n)
    return ranked.reset_index(drop=True)
