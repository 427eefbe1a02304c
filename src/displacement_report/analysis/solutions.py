"""Durable solutions per year: returns, resettlement arrivals and naturalisations.

In UNHCR's solutions table the asylum-country fields mean the country of *arrival*
for resettlement and the country of *departure* for returns, so the table is summed
per year here, never read as 'solutions in a host'.
"""

from __future__ import annotations

import pandas as pd

from displacement_report.i18n import N_, _

SOLUTIONS = {
    "returned_refugees": N_("Refugees returned home"),
    "resettlement": N_("Resettlement arrivals"),
    "naturalisation": N_("Naturalisations"),
}
#: Each solution as a share of the refugee stock: column of `solutions_by_year` -> label
#: (in English; `share_labels()` gives them in the report's language).
SHARE_COLUMNS = {f"{column}_pct": label for column, label in SOLUTIONS.items()}


def share_labels() -> dict[str, str]:
    """`SHARE_COLUMNS` with each label in the report's language, for a chart legend."""
    return {column: _(label) for column, label in SHARE_COLUMNS.items()}


def solutions_by_year(
    solutions: pd.DataFrame, population: pd.DataFrame, start: int, end: int
) -> pd.DataFrame:
    """Each solution per year, and as a percentage of the refugee stock (UNHCR's
    mandate) at the end of the year before: the people who could have found it."""
    years = range(start, end + 1)
    per_year = solutions.groupby("year")[list(SOLUTIONS)].sum(min_count=1).fillna(0)
    per_year = per_year.reindex(years, fill_value=0).astype("int64")
    stock = population.groupby("year")["refugees"].sum()
    per_year["stock_year_before"] = stock.reindex([y - 1 for y in years]).to_numpy()
    for column in SOLUTIONS:
        per_year[f"{column}_pct"] = 100 * per_year[column] / per_year["stock_year_before"]
    per_year["all_solutions"] = per_year[list(SOLUTIONS)].sum(axis=1)
    per_year["all_solutions_pct"] = 100 * per_year["all_solutions"] / per_year["stock_year_before"]
    return per_year.rename_axis("year")


#: A host country's solutions in one year: key -> (column of the solutions table, the
#: country field that must be the host). Resettlement is recorded by the country of
#: arrival only, so departures from a host are not in the table.
IN_COUNTRY = {
    "returned_from": ("returned_refugees", "coa_iso"),  # refugees who left it to go home
    "returned_to": ("returned_refugees", "coo_iso"),  # its own refugees who came home
    "resettled_in": ("resettlement", "coa_iso"),  # resettlement arrivals in it
    "naturalised_in": ("naturalisation", "coa_iso"),  # refugees who became its citizens
}


def solutions_in_country(solutions: pd.DataFrame, country: str, year: int) -> pd.Series:
    """Returns, resettlement arrivals and naturalisations for one country in `year`
    (keys of IN_COUNTRY); <NA> where the table has no figure for it (no row, or only
    empty cells: missing is not zero)."""
    rows = solutions[solutions["year"] == year]
    return pd.Series(
        {
            key: rows.loc[rows[field] == country, column].sum(min_count=1)
            for key, (column, field) in IN_COUNTRY.items()
        },
        dtype="Float64",
    ).astype("Int64")
