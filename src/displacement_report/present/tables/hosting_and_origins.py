"""Tables of chapter 2, hosting and origins: refugees per inhabitant and per dollar of GDP per
capita, origins per population.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from babel.lists import format_list

from displacement_report.analysis.headline import OIP_FIRST_YEAR
from displacement_report.analysis.hosting import income_group_label
from displacement_report.i18n import _, in_sentence, locale_code, pgettext
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


def gdp_burden_table(table: pd.DataFrame, year: int, source: str) -> str:
    """Hosts ranked (`hosting.top_by`) by refugees and other people in need of
    international protection per US dollar of GDP per capita: the people the chapter's
    other tables count per inhabitant. A GDP figure of an earlier year than most (the
    World Bank's latest for that country) is marked, and the note says its year."""
    refugees, gdp, per_usd = (
        _("Refugees (UNHCR)"),
        _("GDP per capita, PPP $"),
        pgettext("narrow column", "Per $1 of GDP per capita"),
    )
    columns = {_("Country"): country_column(table), refugees: table["refugees"].to_numpy()}
    formats = {refugees: count}
    if year >= OIP_FIRST_YEAR:
        oip = pgettext("narrow column", "Other people in need of international protection")
        columns[oip] = table["oip"].to_numpy()
        formats[oip] = count
    years = table["gdp_year"].astype("Int64")
    usual = int(years.mode().max()) if years.notna().any() else year
    gdp_year = _("GDP year")
    columns |= {
        gdp: table["gdp_pc_ppp"].to_numpy(),
        gdp_year: [_borrowed_year(y, usual) for y in years],
        per_usd: table["protection_per_usd_gdp_pc"].to_numpy(),
    }
    formats |= {gdp: count, per_usd: one_decimal}
    caption = (
        _(
            "Refugees and other people in need of international protection per $1 of GDP "
            "per capita (PPP), end of {year}"
        )
        if year >= OIP_FIRST_YEAR
        else _("Refugees per $1 of GDP per capita (PPP), end of {year}")
    ).format(year=year)
    return table_html(
        pd.DataFrame(columns),
        formats,
        caption,
        source,
        name="refugees_per_gdp_per_capita",
        note=gdp_years_note(table, usual),
    )


#: The mark on a GDP year earlier than the table's usual one.
BORROWED = "*"


def _borrowed_year(gdp_year: Any, usual: int) -> str:
    if pd.isna(gdp_year):
        return "–"
    return f"{gdp_year}{BORROWED}" if int(gdp_year) != usual else str(gdp_year)


def gdp_years_note(table: pd.DataFrame, usual: int) -> str:
    """'GDP per capita is the World Bank's figure for 2024; * marks an older figure, the
    latest the World Bank has: South Sudan (2015).'"""
    earlier = [
        _("{country} ({year})").format(country=in_sentence(name), year=int(y))
        for name, y in zip(country_column(table), table["gdp_year"], strict=True)
        if not pd.isna(y) and int(y) != usual
    ]
    if not earlier:
        return _("GDP per capita is the World Bank's figure for {year}.").format(year=usual)
    return _(
        "GDP per capita is the World Bank's figure for {year}; * marks an older figure, "
        "the latest the World Bank has: {countries}."
    ).format(year=usual, countries=format_list(earlier, locale=locale_code()))


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
