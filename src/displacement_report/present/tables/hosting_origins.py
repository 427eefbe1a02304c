"""Tables of chapter 2, hosting and origins: refugees per inhabitant and per dollar of GDP per
capita, origins per population.
"""

from __future__ import annotations

import pandas as pd

from displacement_report.present.format import (
    count,
    one_decimal,
    table_html,
)


def hosting_table(table: pd.DataFrame, year: int, caption: str, source: str) -> str:
    """Hosts with their refugees, per-capita burden with and without UNRWA, income group."""
    frame = pd.DataFrame(
        {
            "Country": table["country"].to_numpy(),
            "Refugees (UNHCR)": table["refugees"].to_numpy(),
            "Palestine refugees (UNRWA)": table["unrwa_refugees"].to_numpy(),
            "Per 1,000 inhabitants": table["refugees_per_1000"].to_numpy(),
            "Per 1,000 incl. UNRWA": table["refugees_incl_unrwa_per_1000"].to_numpy(),
            "Income group": table["income_group"].fillna("not classified").to_numpy(),
        }
    )
    formats = {
        "Refugees (UNHCR)": count,
        "Palestine refugees (UNRWA)": count,
        "Per 1,000 inhabitants": one_decimal,
        "Per 1,000 incl. UNRWA": one_decimal,
    }
    return table_html(frame, formats, caption, source)


def gdp_burden_table(table: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Country": table["country"].to_numpy(),
            "Refugees (UNHCR)": table["refugees"].to_numpy(),
            "GDP per capita, PPP $": table["gdp_pc_ppp"].to_numpy(),
            "GDP year": table["gdp_year"].astype("Int64").astype(str).to_numpy(),
            "Refugees per $1 of GDP per capita": table["refugees_per_usd_gdp_pc"].to_numpy(),
        }
    )
    formats = {
        "Refugees (UNHCR)": count,
        "GDP per capita, PPP $": count,
        "Refugees per $1 of GDP per capita": one_decimal,
    }
    return table_html(frame, formats, caption, source)


def origins_ranking(table: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Country of origin": table["country"].to_numpy(),
            "Refugees (UNHCR)": table["refugees"].to_numpy(),
            "Palestine refugees (UNRWA)": table["unrwa_refugees"].to_numpy(),
            "Per 100,000 of own population": table["per_100k"].to_numpy(),
        }
    )
    formats = {
        "Refugees (UNHCR)": count,
        "Palestine refugees (UNRWA)": count,
        "Per 100,000 of own population": count,
    }
    return table_html(frame, formats, caption, source)
