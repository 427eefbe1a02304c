"""Newly displaced in the year: arrivals abroad (UNHCR's flows table) by kind, and
whether the data carry new internal displacement at all.

IDMC's table in UNHCR's database gives the number of IDPs at the end of each year (a
stock), so new internal displacements in a year cannot be read from it.
"""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.asylum import ARRIVAL_COLUMNS, new_arrivals
from displacement_report.analysis.headline import OIP_FIRST_YEAR

#: Columns an IDMC table would need to carry new displacements (flows) in the year.
IDMC_FLOW_COLUMNS = ("new_displacements", "new_displacement", "flows")


def arrivals_by_kind(flows: pd.DataFrame, year: int) -> pd.DataFrame:
    """New arrivals in the world by kind (rows: `asylum.ARRIVAL_COLUMNS` and `total`),
    in `year` and the year before (columns), with the change. Other people in need of
    international protection are <NA> before UNHCR counted them, not 0."""
    years = [year - 1, year]
    table = new_arrivals(flows, years).T.astype("Int64")
    table.loc["oip", [y for y in years if y < OIP_FIRST_YEAR]] = pd.NA
    table["change"] = table[year] - table[year - 1]
    return table.reindex([*ARRIVAL_COLUMNS, "total"]).rename_axis("kind")


def idmc_has_new_displacement(idmc: pd.DataFrame) -> bool:
    """Whether the IDMC table carries new displacements in the year (not only stocks)."""
    return any(column in idmc.columns for column in IDMC_FLOW_COLUMNS)
