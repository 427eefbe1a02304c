"""Headline displacement figures, composed the way UNHCR's Global Trends composes them.

Pure functions over the frames the loaders return; nothing here reads files, so each
function can be tested on a three-row frame.

Forcibly displaced = refugees under UNHCR's mandate + Palestine refugees under
UNRWA's mandate + asylum-seekers + other people in need of international protection
+ IDPs (IDMC's conflict figure, not the population table's `idps` column).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from displacement_report.i18n import N_, _

#: Components of the forcibly displaced total, in Global Trends order (labels in
#: English; `label()` gives them in the report's language).
COMPONENTS: dict[str, str] = {
    "refugees": N_("Refugees under UNHCR's mandate"),
    "unrwa_refugees": N_("Palestine refugees under UNRWA's mandate"),
    "asylum_seekers": N_("Asylum-seekers"),
    "oip": N_("Other people in need of international protection"),
    "idps": N_("Internally displaced people (IDMC)"),
}
TOTAL = "forcibly_displaced"
LABELS: dict[str, str] = {**COMPONENTS, TOTAL: N_("Forcibly displaced, total")}


def label(column: str) -> str:
    """The label of a component or of the total, in the report's language."""
    return _(LABELS[column])


#: Population-table columns counted as people abroad in need of protection.
ABROAD_COLUMNS = ("refugees", "asylum_seekers", "oip")
#: The first year UNHCR reports 'other people in need of international protection'.
OIP_FIRST_YEAR = 2018
#: The Global Trends edition that began to rank hosts and origins by refugees and other
#: people in need of international protection together (its figures reach back to 2018).
OIP_EDITION = 2022
#: Refugees as the January 2021 letter counts them: under UNHCR's and UNRWA's mandates.
LETTER_REFUGEE_COLUMNS = ("refugees", "unrwa_refugees")


def protection_columns(year: int) -> tuple[str, ...]:
    """The groups Global Trends ranks hosts and origins by, as it defines them today:
    refugees under UNHCR's mandate and other people in need of international protection
    (OIP), without Palestine refugees under UNRWA's mandate; before OIP_FIRST_YEAR,
    when the second category did not exist yet, refugees alone."""
    return ("refugees", "oip") if year >= OIP_FIRST_YEAR else ("refugees",)


def _sum_by_year(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame.groupby("year")[column].sum(min_count=1).astype("Float64")


def displacement_by_year(
    population: pd.DataFrame, unrwa: pd.DataFrame, idmc: pd.DataFrame
) -> pd.DataFrame:
    """Each component and the total per year, for the years every source covers.

    `oip` is zero before OIP_FIRST_YEAR (2018): the category did not exist, so nobody
    was counted in it (a series break, not missing data).
    """
    parts = pd.DataFrame(
        {
            "refugees": _sum_by_year(population, "refugees"),
            "unrwa_refugees": _sum_by_year(unrwa, "total"),
            "asylum_seekers": _sum_by_year(population, "asylum_seekers"),
            "oip": _sum_by_year(population, "oip"),
            "idps": _sum_by_year(idmc, "total"),
        }
    )
    parts["oip"] = parts["oip"].fillna(0)
    covered = parts.dropna()
    covered = covered.assign(**{TOTAL: covered[list(COMPONENTS)].sum(axis=1)})
    return covered.astype("int64").rename_axis("year")


def forcibly_displaced(
    population: pd.DataFrame, unrwa: pd.DataFrame, idmc: pd.DataFrame, year: int
) -> pd.Series:
    """The forcibly displaced total for `year`, with each component."""
    table = displacement_by_year(population, unrwa, idmc)
    if year not in table.index:
        raise ValueError(
            f"year {year} is not covered by all sources; covered: "
            f"{table.index.min()}-{table.index.max()}"
        )
    row = table.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    return row.rename(year)


def compare_years(
    population: pd.DataFrame, unrwa: pd.DataFrame, idmc: pd.DataFrame, baseline: int, year: int
) -> pd.DataFrame:
    """Components and total for two years, with the absolute and relative change."""
    base = forcibly_displaced(population, unrwa, idmc, baseline)
    now = forcibly_displaced(population, unrwa, idmc, year)
    table = pd.DataFrame({baseline: base, year: now})
    table["change"] = table[year] - table[baseline]
    table["change_pct"] = (table["change"] / table[baseline].where(table[baseline] != 0)) * 100
    return table


def _stock_by(rows: pd.DataFrame, code: str, name: str, columns: list[str]) -> pd.DataFrame:
    """Sum `columns` per country code; names come from the first row of each code."""
    stock = rows.groupby(code)[columns].sum()
    return stock.join(rows.drop_duplicates(code).set_index(code)[name])


def _tidy(stock: pd.DataFrame, name: str) -> pd.DataFrame:
    counts = [c for c in stock.columns if c != name]
    stock[counts] = stock[counts].fillna(0).astype("int64")
    stock["total"] = stock[counts].sum(axis=1)
    stock = stock.rename_axis("iso3").reset_index().rename(columns={name: "country"})
    return stock[["iso3", "country", *counts, "total"]]


def hosted_by_country(
    population: pd.DataFrame,
    year: int,
    columns: Iterable[str] = ABROAD_COLUMNS,
    unrwa: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """People hosted per country of asylum in `year`, one column per population type.

    Pass `unrwa` to add Palestine refugees under UNRWA's mandate as their own column.
    """
    rows = population[population["year"] == year]
    stock = _stock_by(rows, "coa_iso", "coa_name", list(columns))
    if unrwa is not None:
        palestine = unrwa[unrwa["year"] == year].rename(columns={"total": "unrwa_refugees"})
        extra = _stock_by(palestine, "coa_iso", "coa_name", ["unrwa_refugees"])
        stock = stock.join(extra["unrwa_refugees"], how="outer")
        stock["coa_name"] = stock["coa_name"].fillna(extra["coa_name"])
    return _tidy(stock, "coa_name")


def _ranked(stock: pd.DataFrame, n: int) -> pd.DataFrame:
    ranked = stock.sort_values(["total", "iso3"], ascending=[False, True]).head(n)
    return ranked.reset_index(drop=True)


def _stock_of(population: pd.DataFrame, year: int, role: str, columns: list[str]) -> pd.DataFrame:
    """Every host (`role='host'`) or origin (`role='origin'`) in `year`, one column per
    population type and their total."""
    if role == "host":
        return hosted_by_country(population, year, columns)
    rows = population[population["year"] == year]
    return _tidy(_stock_by(rows, "coo_iso", "coo_name", columns), "coo_name")


def top_hosts(
    population: pd.DataFrame, year: int, n: int = 10, columns: Iterable[str] | None = None
) -> pd.DataFrame:
    """The `n` countries hosting most people of the given types in `year`; by default
    by Global Trends' definition of that year (`protection_columns`)."""
    wanted = list(protection_columns(year) if columns is None else columns)
    return _ranked(_stock_of(population, year, "host", wanted), n)


def top_origins(
    population: pd.DataFrame, year: int, n: int = 10, columns: Iterable[str] | None = None
) -> pd.DataFrame:
    """The `n` countries of origin with most people of the given types abroad in `year`;
    by default by Global Trends' definition of that year (`protection_columns`)."""
    wanted = list(protection_columns(year) if columns is None else columns)
    return _ranked(_stock_of(population, year, "origin", wanted), n)


def ranking(population: pd.DataFrame, year: int, role: str, n: int = 10) -> pd.DataFrame:
    """The `n` largest hosts (`role='host'`) or origins (`role='origin'`) by Global
    Trends' definition of `year`, with each one's place when refugees under UNHCR's
    mandate alone are counted (`refugee_rank`, the older view; <NA> for a country with
    no refugee that year)."""
    every = _stock_of(population, year, role, list(protection_columns(year)))
    alone = every[every["refugees"] > 0].sort_values(["refugees", "iso3"], ascending=[False, True])
    places = pd.Series(range(1, len(alone) + 1), index=alone["iso3"].to_numpy())
    ranked = _ranked(every, n)
    return ranked.assign(refugee_rank=ranked["iso3"].map(places).astype("Int64"))


def totals_for_hosts(
    population: pd.DataFrame,
    unrwa: pd.DataFrame,
    idmc: pd.DataFrame,
    year: int,
    hosts: Iterable[str],
) -> pd.DataFrame:
    """For each host (ISO3): refugees, UNRWA refugees, asylum-seekers, OIP and IDPs in
    `year`, with a final 'Total' row. Hosts with nobody recorded get zeros, not a gap;
    but IDPs are <NA> for a host IDMC has no figure for (missing is not zero), and the
    totals add the groups with a figure."""
    wanted = list(dict.fromkeys(hosts))
    rows = population[(population["year"] == year) & population["coa_iso"].isin(wanted)]
    table = rows.groupby("coa_iso")[list(ABROAD_COLUMNS)].sum(min_count=1)
    for column, source in (("unrwa_refugees", unrwa), ("idps", idmc)):
        picked = source[(source["year"] == year) & source["coa_iso"].isin(wanted)]
        table = table.join(picked.groupby("coa_iso")["total"].sum().rename(column), how="outer")
    table = table.reindex(wanted)
    counted = [c for c in COMPONENTS if c != "idps"]
    table[counted] = table[counted].fillna(0)
    table = table.astype("Int64")[list(COMPONENTS)]
    table[TOTAL] = table.sum(axis=1)
    table.loc["Total"] = table.sum(axis=0)
    return table.rename_axis("iso3")


def hosted_over_time(
    population: pd.DataFrame, unrwa: pd.DataFrame, idmc: pd.DataFrame, host: str
) -> pd.DataFrame:
    """Per year, everyone one country hosts or who is displaced inside it, by group.

    Years run from the first to the last year any source records for the host. Missing
    is not zero: a group is <NA> in a year its source has no figure for the host (no
    row, or only empty cells), other people in need of international protection before
    UNHCR counted them (OIP_FIRST_YEAR), IDPs where IDMC has no row for the host. The
    total adds the groups that have a figure (<NA> where none has), and is <NA> in years
    when IDMC gives only a world total (before 2009): a total without the IDPs of those
    years would not be the same kind of figure as a later one.
    """
    rows = population[population["coa_iso"] == host]
    parts = {
        "refugees": _sum_by_year(rows, "refugees"),
        "unrwa_refugees": _sum_by_year(unrwa[unrwa["coa_iso"] == host], "total"),
        "asylum_seekers": _sum_by_year(rows, "asylum_seekers"),
        "oip": _sum_by_year(rows, "oip"),
        "idps": _sum_by_year(idmc[idmc["coa_iso"] == host], "total"),
    }
    table = pd.DataFrame(parts).sort_index()
    if table.empty:
        return pd.DataFrame(columns=[*COMPONENTS, TOTAL], dtype="Int64").rename_axis("year")
    years = range(int(table.index.min()), int(table.index.max()) + 1)
    table = table.reindex(years).round().astype("Int64")
    table.loc[table.index < OIP_FIRST_YEAR, "oip"] = pd.NA
    table[TOTAL] = table[list(COMPONENTS)].sum(axis=1, min_count=1).astype("Int64")
    table.loc[~table.index.isin(idmc_country_years(idmc)), TOTAL] = pd.NA
    return table.rename_axis("year")


def known_groups(row: pd.Series) -> frozenset[str]:
    """The groups of a `hosted_over_time` row that have a figure (two totals are
    compared only where the same groups are known in both years)."""
    return frozenset(c for c in COMPONENTS if pd.notna(row[c]))


def unrwa_at_home(unrwa: pd.DataFrame, host: str) -> bool:
    """Whether UNRWA counts Palestine refugees in their own territory in `host` (the
    Palestinian territories: origin and place the same): there they are not hosted by
    another country, and many of the people displaced inside are among them."""
    rows = unrwa[(unrwa["coa_iso"] == host) & (unrwa["coo_iso"] == host)]
    return bool(len(rows))


def idmc_country_years(idmc: pd.DataFrame) -> set[int]:
    """Years in which IDMC's figures are broken down by country (not only a world total)."""
    return set(idmc.loc[idmc["coa_iso"] != "UNK", "year"].astype(int))


def origins_in_host(population: pd.DataFrame, host: str, year: int, n: int = 10) -> pd.DataFrame:
    """The `n` largest origins of refugees, asylum-seekers and OIP in one host.

    Origins with nobody of these groups that year (rows the table keeps for returnees or
    stateless people, say) are left out: a host with three origins gets three rows."""
    rows = population[(population["year"] == year) & (population["coa_iso"] == host)]
    stock = _tidy(_stock_by(rows, "coo_iso", "coo_name", list(ABROAD_COLUMNS)), "coo_name")
    return _ranked(stock[stock["total"] > 0], n)


def refugee_share_hosted_by(
    population: pd.DataFrame, unrwa: pd.DataFrame, year: int, hosts: Iterable[str]
) -> float | None:
    """Percentage of the world's refugees (UNHCR's and UNRWA's mandates) hosted by
    `hosts` in `year`; None when no refugee is recorded that year."""
    hosted = hosted_by_country(population, year, ("refugees",), unrwa=unrwa)
    world = hosted["total"].sum() if not hosted.empty else 0
    if not world:
        return None
    return float(100 * hosted[hosted["iso3"].isin(list(hosts))]["total"].sum() / world)
