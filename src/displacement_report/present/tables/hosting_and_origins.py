"""Tables of chapter 2, hosting and origins: refugees per inhabitant and per dollar of GDP per
capita, origins per population.
"""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.headline import OIP_FIRST_YEAR
from displacement_report.analysis.hosting import income_group_label
from displacement_report.i18n import _, pgettext
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import count, country_column, one_decimal


def hosting_table(table: pd.DataFrame, year: int, caption: str, source: str) -> str:
    """Hosts with their refugees and other people in need of international protection
    (OIP; from the year UNHCR counts them), Palestine refugees under UNRWA's mandate,
    the per-inhabitant burden as Global Trends ranks it and with UNRWA's, income group."""
    refugees, unrwa = _("Refugees (UNHCR)"), _("Palestine refugees (UNRWA)")
    per_1000, per_1000_unrwa = _("Per 1,000 inhabitants"), _("Per 1,000 incl. UNRWA")
    columns = {
        _("Country"): country_column(table),
        refugees: table["refugees"].to_numpy(),
    }
    formats = {refugees: count}
    if year >= OIP_FIRST_YEAR:
        oip = pgettext("narrow column", "Other people in need of international protection")
        columns[oip] = table["oip"].to_numpy()
        formats[oip] = count
    columns |= {
        unrwa: table["unrwa_refugees"].to_numpy(),
        per_1000: table["protection_per_1000"].to_numpy(),
        per_1000_unrwa: table["protection_incl_unrwa_per_1000"].to_numpy(),
        _("Income group"): [income_group_label(g) for g in table["income_group"]],
    }
    frame = pd.DataFrame(columns)
    formats |= {unrwa: count, per_1000: one_decimal, per_1000_unrwa: one_decimal}
    return table_html(frame, formats, caption, source, name="refugees_per_1000_table")


def gdp_burden_table(table: pd.DataFrame, caption: str, source: str) -> str:
    refugees, gdp, per_usd = (
        _("Refugees (UNHCR)"),
        _("GDP per capita, PPP $"),
        _("Refugees per $1 of GDP per capita"),
    )
    frame = pd.DataFrame(
        {
            _("Country"): country_column(table),
            refugees: table["refugees"].to_numpy(),
            gdp: table["gdp_pc_ppp"].to_numpy(),
            _("GDP year"): table["gdp_year"].astype("Int64").astype(str).to_numpy(),
            per_usd: table["refugees_per_usd_gdp_pc"].to_numpy(),
        }
    )
    formats = {refugees: count, gdp: count, per_usd: one_decimal}
    return table_html(frame, formats, caption, source, name="refugees_per_gdp_per_capita")


def origins_ranking(table: pd.DataFrame, caption: str, source: str) -> str:
    refugees, unrwa = _("Refugees (UNHCR)"), _("Palestine refugees (UNRWA)")
    per_100k = _("Per 100,000 of own population")
    frame = pd.DataFrame(
        {
            _("Country of origin"): country_column(table),
            refugees: table["refugees"].to_numpy(),
            unrwa: table["unrwa_refugees"].to_numpy(),
            per_100k: table["per_100k"].to_numpy(),
        }
    )
    formats = {refugees: count, unrwa: count, per_100k: count}
    return table_html(frame, formats, caption, source, name="refugees_per_100000_of_origin")
