"""Protracted refugee situations by UNHCR's rule: at least `threshold` refugees of
one nationality in one host country for at least `min_years` consecutive years."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

UNHCR_THRESHOLD = 25_000
UNHCR_MIN_YEARS = 5


def situations(
    population: pd.DataFrame,
    year: int,
    threshold: int = UNHCR_THRESHOLD,
    min_years: int = UNHCR_MIN_YEARS,
) -> pd.DataFrame:
    """Origin-host pairs in a protracted situation at the end of `year`.

    A pair qualifies when it had `threshold` or more refugees at the end of `year` and
    of each of the `min_years` - 1 years before, with no year missing. `duration` is
    the length of that unbroken run up to `year`; `since` its first year.
    """
    rows = population.loc[
        (population["year"] <= year) & (population["refugees"] >= threshold),
        ["year", "coo_iso", "coo_name", "coa_iso", "coa_name", "refugees"],
    ]
    rows = rows[~rows["coo_iso"].isin(["UNK"])]
    current = rows[rows["year"] == year].set_index(["coo_iso", "coa_iso"])
    if current.empty:
        return _empty()
    history = rows.set_index(["coo_iso", "coa_iso"]).loc[current.index.unique()].reset_index()
    # rank years back from `year`; an unbroken run has gap == 0 all the way
    history = history.sort_values(["coo_iso", "coa_iso", "year"], ascending=[True, True, False])
    history["back"] = history.groupby(["coo_iso", "coa_iso"]).cumcount()
    history["unbroken"] = (year - history["year"]) == history["back"]
    history["run"] = history.groupby(["coo_iso", "coa_iso"])["unbroken"].cummin()
    duration = history[history["run"]].groupby(["coo_iso", "coa_iso"])["year"].agg(["count", "min"])
    table = current.join(duration.rename(columns={"count": "duration", "min": "since"}))
    table = table[table["duration"] >= min_years].reset_index()
    table = table[["coo_iso", "coo_name", "coa_iso", "coa_name", "refugees", "duration", "since"]]
    table = table.astype({"refugees": "int64", "duration": "int64", "since": "int64"})
    return table.sort_values(["refugees", "coo_iso"], ascending=[False, True]).reset_index(
        drop=True
    )


def _empty() -> pd.DataFrame:
    columns = ["coo_iso", "coo_name", "coa_iso", "coa_name", "refugees", "duration", "since"]
    return pd.DataFrame(
        {
            c: pd.Series(dtype="int64" if c in ("refugees", "duration", "since") else "str")
            for c in columns
        }
    )


@dataclass(frozen=True)
class ProtractedSummary:
    situations: int
    refugees: int
    share_of_refugees: float  # percent of all refugees under UNHCR's mandate that year
    mean_duration: float
    median_duration: float
    hosts: int


def summarise(table: pd.DataFrame, population: pd.DataFrame, year: int) -> ProtractedSummary:
    """Protracted situations of `year` against every refugee under UNHCR's mandate
    that year."""
    all_refugees = int(population.loc[population["year"] == year, "refugees"].sum())
    people = int(table["refugees"].sum())
    return ProtractedSummary(
        situations=len(table),
        refugees=people,
        share_of_refugees=100 * people / all_refugees if all_refugees else float("nan"),
        mean_duration=float(table["duration"].mean()) if len(table) else float("nan"),
        median_duration=float(table["duration"].median()) if len(table) else float("nan"),
        hosts=int(table["coa_iso"].nunique()),
    )


def in_income_group(
    table: pd.DataFrame, groups: pd.Series, group: str = "High income"
) -> pd.DataFrame:
    """The situations of `table` whose host is in `group` by `groups` (income group per
    ISO3, e.g. `hosting.income_groups_in_force`), largest first."""
    hosts = groups.reindex(table["coa_iso"]).to_numpy()
    return table[hosts == group].reset_index(drop=True)
