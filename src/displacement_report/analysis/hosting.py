"""Who hosts: numbers, per-capita burden, burden relative to income, and the share
hosted by low- and middle-income and by least developed countries."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.headline import hosted_by_country
from displacement_report.analysis.joins import Joined, left_join_reporting
from displacement_report.analysis.source_years import population_in
from displacement_report.i18n import N_, _, pgettext

#: Income groups counted as 'low- and middle-income' (World Bank).
LOW_AND_MIDDLE = ("Low income", "Lower middle income", "Upper middle income")
#: The World Bank's income groups as readers see them (the data's values are the keys).
INCOME_GROUP_LABELS = {
    "Low income": N_("Low income"),
    "Lower middle income": N_("Lower middle income"),
    "Upper middle income": N_("Upper middle income"),
    "High income": N_("High income"),
}


def _short_income_groups() -> dict[str, str]:
    return {
        "Low income": pgettext("narrow column", "Low income"),
        "Lower middle income": pgettext("narrow column", "Lower middle income"),
        "Upper middle income": pgettext("narrow column", "Upper middle income"),
        "High income": pgettext("narrow column", "High income"),
    }


def income_group_label(group: object, short: bool = False) -> str:
    """An income group of the data in the report's language; 'not classified' where the
    World Bank gives none. `short`: as briefly as the language allows, for a narrow
    column under a header that says 'income'."""
    if not isinstance(group, str) or not group:
        return _("not classified")
    if short and group in INCOME_GROUP_LABELS:
        return _short_income_groups()[group]
    return _(INCOME_GROUP_LABELS.get(group, group))


#: Counted as 'refugees and other people in need of international protection' in the
#: hosting shares: UNHCR's Global Trends wording (UNRWA refugees shown separately).
PROTECTION_COLUMNS = ("refugees", "oip")


def income_groups_in_force(history: pd.DataFrame, year: int) -> tuple[pd.Series, int]:
    """Income group per ISO3 in force at the end of calendar year `year`: the
    classification released on 1 July of `year` (fiscal year `year`+1, based on the
    GNI of `year`-1). Years after the latest release use the latest, which is returned
    as the fiscal year used."""
    latest_release = int(history["release_year"].max())
    release = min(year, latest_release)
    rows = history[history["release_year"] == release].dropna(subset=["income_group"])
    return rows.set_index("iso3")["income_group"], release + 1


def hosting_table(
    population: pd.DataFrame,
    unrwa: pd.DataFrame,
    wb_population: pd.DataFrame,
    gdp: pd.DataFrame,
    income_history: pd.DataFrame,
    ldcs: pd.DataFrame,
    year: int,
) -> tuple[pd.DataFrame, dict[str, Joined], int]:
    """One row per host in `year`: people hosted by group, population (of `year`, or the
    World Bank's latest year before it: `population_year`), GDP per capita (PPP, latest
    year up to `year`), income group, LDC status and burden ratios: per 1,000
    inhabitants, refugees alone (`refugees_per_1000`), with UNRWA's
    (`refugees_incl_unrwa_per_1000`), refugees and OIP as Global Trends ranks them
    (`protection_per_1000`) and those with UNRWA's (`protection_incl_unrwa_per_1000`);
    per US dollar of GDP per capita, refugees alone (`refugees_per_usd_gdp_pc`) and
    refugees and OIP (`protection_per_usd_gdp_pc`).

    Returns the table, the joins (to report what each dropped) and the fiscal year of
    the income classification used.
    """
    hosted = hosted_by_country(population, year, ("refugees", "asylum_seekers", "oip"), unrwa=unrwa)
    people, population_year = population_in(wb_population, year)
    by_population = left_join_reporting(hosted, people)
    by_population.table["population_year"] = population_year
    gdp_latest = (
        gdp[(gdp["year"] <= year) & gdp["gdp_pc_ppp_current_intl_usd"].notna()]
        .sort_values("year")
        .groupby("iso3")
        .tail(1)[["iso3", "year", "gdp_pc_ppp_current_intl_usd"]]
        .rename(columns={"year": "gdp_year", "gdp_pc_ppp_current_intl_usd": "gdp_pc_ppp"})
    )
    by_gdp = left_join_reporting(by_population.table, gdp_latest)
    groups, fiscal_year = income_groups_in_force(income_history, year)
    by_income = left_join_reporting(by_gdp.table, groups.rename("income_group").reset_index())
    table = by_income.table
    table["is_ldc"] = table["iso3"].isin(set(ldcs["iso3"]))
    table["is_low_or_middle"] = table["income_group"].isin(LOW_AND_MIDDLE)
    population_f = table["population"].astype("Float64")
    table["refugees_per_1000"] = 1000 * table["refugees"] / population_f
    table["refugees_incl_unrwa_per_1000"] = (
        1000 * (table["refugees"] + table["unrwa_refugees"]) / population_f
    )
    # Global Trends' per-inhabitant ranking: refugees and OIP, Palestine refugees under
    # UNRWA's mandate left out (oip is 0 before UNHCR counted the group)
    protection = table["refugees"] + table["oip"]
    table["protection_per_1000"] = 1000 * protection / population_f
    table["protection_incl_unrwa_per_1000"] = (
        1000 * (protection + table["unrwa_refugees"]) / population_f
    )
    table["refugees_per_usd_gdp_pc"] = table["refugees"] / table["gdp_pc_ppp"].astype("Float64")
    # the same people per dollar as the chapter counts them per inhabitant
    table["protection_per_usd_gdp_pc"] = protection / table["gdp_pc_ppp"].astype("Float64")
    joins = {
        N_("population"): by_population,
        N_("GDP per capita"): by_gdp,
        N_("income group"): by_income,
    }
    return table, joins, fiscal_year


def share_hosted(table: pd.DataFrame, mask: pd.Series, columns=PROTECTION_COLUMNS) -> float:
    """Percentage of the people in `columns` hosted by the rows where `mask` holds."""
    people = table[list(columns)].sum(axis=1)
    total = people.sum()
    return float(100 * people[mask].sum() / total) if total else float("nan")


def top_by(table: pd.DataFrame, column: str, n: int = 10, min_population: int = 0) -> pd.DataFrame:
    """The `n` hosts with the largest `column`, optionally among hosts above a population."""
    eligible = table[table["population"].fillna(0) >= min_population]
    ranked = eligible.dropna(subset=[column]).sort_values([column, "iso3"], ascending=[False, True])
    return ranked.head(n).reset_index(drop=True)


def protection_by_host(table: pd.DataFrame) -> pd.DataFrame:
    """What the world map shows, per host of `hosting_table`: refugees and other people
    in need of international protection (`people`; OIP is 0 before UNHCR counted them)
    and per 1,000 inhabitants (`per_1000`, NaN without a population figure), as Global
    Trends counts them: without Palestine refugees under UNRWA's mandate."""
    return pd.DataFrame(
        {
            "iso3": table["iso3"],
            "country": table["country"],
            "people": (table["refugees"] + table["oip"]).astype("int64"),
            "per_1000": table["protection_per_1000"].astype("float"),
        }
    ).reset_index(drop=True)
