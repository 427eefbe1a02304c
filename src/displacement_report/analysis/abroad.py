"""The view from the country people flee: its refugees, asylum-seekers and other people
in need of international protection abroad, the countries they are in, and the returns
to it in the year (UNHCR's solutions table). Pure functions over the loaded tables.

Missing is not zero: a group without a figure anywhere is <NA>, not 0.
"""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.headline import ABROAD_COLUMNS

#: Below this many people abroad, the factsheet names the main countries in a sentence
#: and draws no table (a table of a few dozen people would take a third of a page).
TABLE_MIN_PEOPLE = 50_000
#: Returns of fewer people than this in the year are not named in a factsheet's opening:
#: the opening is what a reader quotes, and '5 refugees returned to Lebanon' beside a
#: fall of 223,474 would be quoted as the year's news (the table on page 2 lists them).
RETURNS_TO_MENTION = 1_000


def _from(population: pd.DataFrame, country: str, year: int) -> pd.DataFrame:
    rows = population[(population["year"] == year) & (population["coo_iso"] == country)]
    return rows[rows["coa_iso"] != country]


def people_abroad(population: pd.DataFrame, country: str, year: int) -> pd.Series:
    """Refugees, asylum-seekers and OIP from `country` in every other country at the end
    of `year` (keys of headline.ABROAD_COLUMNS, Int64; <NA> where no row has a figure)."""
    rows = _from(population, country, year)
    sums = {c: rows[c].sum(min_count=1) for c in ABROAD_COLUMNS}
    return pd.Series(sums, dtype="Float64").round().astype("Int64")


def refugees_abroad_then_and_now(
    population: pd.DataFrame, country: str, year: int
) -> tuple[int, int] | None:
    """Refugees from `country` abroad at the end of the year before `year` and of `year`
    (Sudan 2025: 2,094,373 and 2,820,737); None where either year has no figure."""
    before = people_abroad(population, country, year - 1)["refugees"]
    now = people_abroad(population, country, year)["refugees"]
    if pd.isna(before) or pd.isna(now):
        return None
    return int(before), int(now)


def main_destinations(
    population: pd.DataFrame, country: str, year: int, n: int = 5
) -> pd.DataFrame:
    """The `n` countries holding most of `country`'s refugees, asylum-seekers and OIP
    at the end of `year`: iso3, country (the data's name), the three groups (<NA> where
    the host reports no figure for a group) and their total; largest first."""
    rows = _from(population, country, year)
    columns = list(ABROAD_COLUMNS)
    if rows.empty:
        return pd.DataFrame(columns=["iso3", "country", *columns, "total"])
    stock = rows.groupby("coa_iso")[columns].sum(min_count=1).astype("Float64")
    stock["total"] = stock[columns].sum(axis=1, min_count=1)
    stock = stock[stock["total"] > 0].round().astype("Int64")
    names = rows.drop_duplicates("coa_iso").set_index("coa_iso")["coa_name"]
    stock.insert(0, "country", names.reindex(stock.index))
    stock = stock.rename_axis("iso3").reset_index()
    ranked = stock.sort_values(["total", "iso3"], ascending=[False, True]).head(n)
    return ranked.reset_index(drop=True)


def returns_home(solutions: pd.DataFrame, country: str, year: int) -> pd.Series:
    """Returns to `country` in `year`: its refugees who came home from abroad
    (`refugees`) and its internally displaced people who went home (`idps`); <NA> where
    the table has no figure."""
    rows = solutions[solutions["year"] == year]
    home = rows[rows["coo_iso"] == country]
    inside = rows[rows["coa_iso"] == country]
    return pd.Series(
        {
            "refugees": home["returned_refugees"].sum(min_count=1),
            "idps": inside["returned_idps"].sum(min_count=1),
        },
        dtype="Float64",
    ).astype("Int64")


#: UNRWA's code for refugees its table places in no host territory (new in 2025).
UNRWA_UNKNOWN_HOST = "UNK"


def unrwa_abroad(unrwa: pd.DataFrame, country: str, year: int) -> pd.DataFrame:
    """Palestine refugees under UNRWA's mandate from `country` outside it at the end of
    `year`, by UNRWA field (for the Palestinian territories: Jordan, Syria, Lebanon) and
    the refugees UNRWA's table places in no host territory (iso3 'UNK', last): iso3,
    country (the data's name) and people, largest first. Empty for a country UNRWA
    counts no refugees from: they are apart from the refugees under UNHCR's mandate."""
    rows = unrwa[(unrwa["year"] == year) & (unrwa["coo_iso"] == country)]
    rows = rows[(rows["coa_iso"] != country) & rows["total"].fillna(0).gt(0)]
    summed = rows.groupby(["coa_iso", "coa_name"])["total"].sum()
    table = pd.DataFrame(
        {
            "iso3": summed.index.get_level_values("coa_iso"),
            "country": summed.index.get_level_values("coa_name"),
            "people": summed.to_numpy(),
        }
    )
    table["unknown"] = table["iso3"] == UNRWA_UNKNOWN_HOST
    table = table.sort_values(["unknown", "people", "iso3"], ascending=[True, False, True])
    return table.drop(columns="unknown").reset_index(drop=True).astype({"people": "int64"})
