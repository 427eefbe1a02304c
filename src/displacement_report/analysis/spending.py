"""Dutch reception-in-the-region money next to the displacement it answers.

Pure functions over the document-figure tables (`data.documents`) and the UNHCR
frames. Two rules hold throughout: amounts in different currencies are never added or
compared, and a budget stage is never treated as realised spending.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from displacement_report.analysis.headline import hosted_over_time
from displacement_report.data.kinds import BUDGET_STAGES, SPENDING_STAGES

#: The budget line of the letter's EUR 128 million: BHOS article 4.2, contributions to
#: (inter)national organisations for reception in the region.
OIR_LINE = "nl_oir_line"
#: The whole BHOS sub-article 4.2 (reception and protection in the region and
#: migration cooperation).
ART_42 = "nl_art42"

# Which document figures the chapter shows together. Dutch money and the need it
# answers are kept apart: a share of an appeal divides the first by the second.
#: The budget line and sub-article 4.2 at each stage, with their changes.
BUDGET_TOPICS = (OIR_LINE, "nl_oir_subsidies", ART_42, "nl_art42_change")
#: One-off and multi-year packages for reception in the region.
PACKAGE_TOPICS = ("nl_oir_budget", "nl_oir_allocation", "nl_oir_spending")
#: Dutch money that can be set against an appeal: PROSPECTS, the line, allocations.
DUTCH_MONEY_TOPICS = ("prospects", OIR_LINE, "nl_oir_allocation")
#: The need: the 3RP and UN appeal requirements.
NEED_TOPICS = ("3rp", "un_appeals")


def of_topics(amounts: pd.DataFrame, topics: str | Sequence[str]) -> pd.DataFrame:
    """The document figures of one topic or several, in file order."""
    wanted = [topics] if isinstance(topics, str) else list(topics)
    rows = amounts[amounts["topic"].isin(wanted)]
    if rows.empty:  # a misspelt topic would otherwise give an empty table silently
        raise ValueError(f"no document figures of topic(s) {wanted}")
    return rows


def single_year(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["period_start"] == rows["period_end"]]


def budget_by_stage(amounts: pd.DataFrame, topic: str = OIR_LINE) -> pd.DataFrame:
    """EUR amounts of one budget topic per year (rows) and stage (columns).

    Only single-year EUR figures; multi-year envelopes are shown as published. Where
    several figures share a year and stage, the largest is kept and counted in `n`.
    """
    rows = single_year(amounts[(amounts["topic"] == topic) & (amounts["unit"] == "EUR")])
    rows = rows[rows["amount_kind"].isin(BUDGET_STAGES)]
    table = rows.pivot_table(
        index="period_start", columns="amount_kind", values="amount", aggfunc="max"
    )
    ordered = [stage for stage in BUDGET_STAGES if stage in table.columns]
    return table[ordered].rename_axis(index="year", columns=None)


def latest_stage(budget: pd.DataFrame) -> pd.Series:
    """Per year, the figure of the latest budget stage known (realisation if present)."""
    return budget.ffill(axis=1).iloc[:, -1].dropna().rename("eur")


def latest_stage_kinds(budget: pd.DataFrame) -> pd.Series:
    """Per year, which stage `latest_stage` takes ('budget_supplementary_2', ...), so that
    every mention of a year's budget can say its stage."""
    known = budget.notna()
    return known.apply(lambda row: row[row].index[-1] if row.any() else None, axis=1).dropna()


def hosted_in(
    population: pd.DataFrame, unrwa: pd.DataFrame, idmc: pd.DataFrame, hosts: Sequence[str]
) -> pd.DataFrame:
    """Refugees (UNHCR), asylum-seekers and Palestine refugees (UNRWA) hosted in the
    given countries, per year, summed."""
    frames = [hosted_over_time(population, unrwa, idmc, host) for host in hosts]
    columns = ["refugees", "asylum_seekers", "unrwa_refugees"]
    summed = pd.concat([f[columns] for f in frames]).groupby(level=0).sum()
    return summed.astype("int64").rename_axis("year")


#: The counts of people hosted a budget is divided by, each wider than the one before:
#: refugees under UNHCR's mandate; with asylum-seekers; with Palestine refugees under
#: UNRWA's mandate too. A reader can use each (the Dutch contribution per person hosted,
#: depending on whom one counts); a budget per asylum-seeker alone, or per UNRWA refugee
#: alone, is a division nobody can use, so none is made.
PER_PERSON_GROUPS = {
    "refugees": ("refugees",),
    "refugees_asylum_seekers": ("refugees", "asylum_seekers"),
    "refugees_asylum_seekers_unrwa": ("refugees", "asylum_seekers", "unrwa_refugees"),
}


def eur_per_person(budget_eur: pd.Series, hosted: pd.DataFrame) -> pd.DataFrame:
    """EUR of budget per person hosted, for the years both are known, under each count
    of `PER_PERSON_GROUPS` (`eur_per_refugees`, `eur_per_refugees_asylum_seekers`,
    `eur_per_refugees_asylum_seekers_unrwa`; NaN where the count is nobody). Each
    divides the whole budget by a wider count: views of the same money, not shares."""
    years = budget_eur.index.intersection(hosted.index)
    table = pd.DataFrame({"eur": budget_eur.loc[years]})
    for name, columns in PER_PERSON_GROUPS.items():
        people = hosted.loc[years, list(columns)].astype(float).sum(axis=1)
        table[f"eur_per_{name}"] = table["eur"] / people.where(people > 0)
    return table.rename_axis("year")


def index_since(series: pd.Series, base_year: int) -> pd.Series:
    """The series as an index, `base_year` = 100; empty if the base year is missing."""
    if base_year not in series.index or not series.loc[base_year]:
        return pd.Series(dtype=float)
    return 100 * series.astype(float) / float(series.loc[base_year])


@dataclass(frozen=True)
class RequirementShare:
    geography: str
    year: int
    unit: str
    dutch: float
    requirement: float

    @property
    def percent(self) -> float:
        return 100 * self.dutch / self.requirement


def share_of_requirements(
    dutch: pd.DataFrame, requirements: pd.DataFrame
) -> list[RequirementShare]:
    """Dutch money as a share of appeal requirements, only where both figures cover
    the same geography and year in the same currency."""
    shares = []
    need = requirements[requirements["amount_kind"] == "requirement"]
    row: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for row in single_year(dutch).itertuples():
        match = single_year(need)[
            (need["geography"] == row.geography)
            & (need["period_start"] == row.period_start)
            & (need["unit"] == row.unit)
        ]
        if len(match):
            shares.append(
                RequirementShare(
                    row.geography,
                    int(row.period_start),
                    row.unit,
                    row.amount,
                    float(match["amount"].max()),
                )
            )
    return shares


def cost_per_result(amounts: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """Money per reported result, only where the money and the result have the same
    programme scope, geography and period (and the result is achieved, not a target).

    Dutch results reporting attributes results of co-funded programmes pro rata to the
    Dutch share, so a cost per result computed here is a ratio of two attributed
    figures, not the cost of one person's schooling.
    """
    scope = {"prospects": "prospects", "nl_oir": OIR_LINE}
    money = amounts[amounts["unit"].isin(["EUR", "USD"])]
    rows = []
    achieved = results[~results["is_target"] & (results["scope"] == "whole")]
    result: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    spend: Any
    for result in achieved.itertuples():
        match = money[
            (money["topic"] == scope[result.programme])
            & (money["geography"] == result.geography)
            & (money["period_start"] == result.period_start)
            & (money["period_end"] == result.period_end)
        ]
        for spend in match.itertuples():
            rows.append(
                {
                    "result_id": result.result_id,
                    "amount_id": spend.amount_id,
                    "domain": result.domain,
                    "result": result.value,
                    "result_unit": result.unit,
                    "money": spend.amount,
                    "currency": spend.unit,
                    "money_kind": spend.amount_kind,
                    "per_result": spend.amount / result.value if result.value else float("nan"),
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "result_id",
            "amount_id",
            "domain",
            "result",
            "result_unit",
            "money",
            "currency",
            "money_kind",
            "per_result",
        ],
    )


def eu_layer(amounts: pd.DataFrame) -> pd.DataFrame:
    """FRiT and the EU Trust Funds by stage: the latest figure per instrument, stage and
    currency (amounts in different currencies stay in separate rows)."""
    rows = amounts[amounts["topic"].isin(["eu_frit", "eutf_syria", "eutf_africa"])]
    rows = rows[rows["unit"].isin(["EUR", "USD"]) & rows["amount_kind"].isin(SPENDING_STAGES)]
    ordered = rows.sort_values(["period_end", "amount"])
    latest = ordered.groupby(["topic", "amount_kind", "unit"]).tail(1)
    return latest.sort_values(["topic", "amount_kind"]).reset_index(drop=True)


@dataclass(frozen=True)
class Missing:
    """A figure the public record in the data does not provide: `subject` names which;
    `years`, the years it is missing for (none: for any year); `first`, the first year it
    is published for where that is after `until`, the report year; `countries`, ISO3
    codes of the countries it is missing for."""

    subject: str
    years: tuple[int, ...] = ()
    first: int | None = None
    until: int | None = None
    countries: tuple[str, ...] = ()


def missing_figures(
    amounts: pd.DataFrame, focus: Sequence[str], years: Sequence[int]
) -> list[Missing]:
    """What the public record in the dataset does not provide: a realised amount per focus
    country (`realised_per_country`), a budget figure of the reception-in-the-region line
    for each of `years` (`oir_line`), a realised total of that line (`oir_line_realised`)."""
    found = []
    realised = amounts[
        (amounts["amount_kind"] == "realisation") & amounts["geography"].isin(list(focus))
    ]
    missing_countries = tuple(c for c in focus if c not in set(realised["geography"]))
    if missing_countries:
        found.append(Missing("realised_per_country", countries=missing_countries))
    budget = budget_by_stage(amounts)
    missing_years = tuple(y for y in years if y not in budget.index)
    if missing_years:
        found.append(Missing("oir_line", missing_years))
    if "realisation" not in budget.columns or budget["realisation"].dropna().empty:
        found.append(Missing("oir_line_realised"))
    return found


def letter_annual_budget(amounts: pd.DataFrame) -> float:
    """The letter's 'EUR 128 million a year' for reception in the region."""
    rows = amounts[
        (amounts["reference_id"] == "letter")
        & (amounts["topic"] == OIR_LINE)
        & (amounts["unit"] == "EUR")
    ]
    if rows.empty:
        raise ValueError("the letter's annual reception-in-the-region budget is not in the data")
    return float(rows["amount"].iloc[0])


def displaced_in(
    population: pd.DataFrame, unrwa: pd.DataFrame, idmc: pd.DataFrame, hosts: Sequence[str]
) -> pd.Series:
    """Everyone hosted in or displaced inside the given countries, per year (missing
    where a country's IDP figure is missing)."""
    frames = [
        hosted_over_time(population, unrwa, idmc, host)["forcibly_displaced"] for host in hosts
    ]
    return pd.concat(frames, axis=1).sum(axis=1, min_count=len(frames)).rename("displaced")


def money_and_need_index(
    budget: pd.Series, focus_total: pd.Series, world_total: pd.Series, baseline: int, until: int
) -> tuple[pd.DataFrame, int | None]:
    """Budget, focus-country displacement and world displacement as indexes (= 100 in
    the base year): the baseline year if the budget is known then, else the first year
    it is known. Returns the table and the base year used (None without any budget)."""
    known = budget.dropna()
    if known.empty:
        return pd.DataFrame(columns=["budget", "focus", "world"]), None
    base = baseline if baseline in known.index else int(known.index.min())
    years = range(base, until + 1)
    table = pd.DataFrame(
        {
            "budget": index_since(known, base).reindex(years),
            "focus": index_since(focus_total.dropna(), base).reindex(years),
            "world": index_since(world_total.dropna(), base).reindex(years),
        }
    )
    return table.rename_axis("year"), base


def budget_for_ratios(amounts: pd.DataFrame) -> pd.Series:
    """EUR per year to set against people hosted that year: the reception-in-the-region
    line at its latest known stage, for the years its own budget is public. No year is
    given another year's budget (the letter's 'EUR 128 million a year' is the 2021 line)."""
    return latest_stage(budget_by_stage(amounts, OIR_LINE)).rename("eur")


def requirements_by_year(rows: pd.DataFrame, unit: str = "USD") -> pd.Series:
    """The appeal's requirement per year in one currency: of the single-year figures of
    that year, the largest (the whole appeal, where a document also gives a part of it,
    such as the agencies' requirements without the host governments')."""
    need = single_year(rows[(rows["amount_kind"] == "requirement") & (rows["unit"] == unit)])
    by_year = need.groupby("period_start")["amount"].max()
    return by_year.rename_axis("year").rename("requirement")


def is_country(geography: pd.Series) -> pd.Series:
    """True where a figure's place is one country (an ISO3 code), not a region or 'Global'."""
    return geography.astype(str).str.fullmatch(r"[A-Z]{3}")


def results_by_domain(results: pd.DataFrame) -> pd.DataFrame:
    """Reported results per domain: how many are achieved and how many are targets,
    the domain with most results first."""
    table = pd.crosstab(
        results["domain"], results["is_target"].map({False: "achieved", True: "target"})
    )
    table = table.reindex(columns=["achieved", "target"], fill_value=0)
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total", "achieved"], ascending=False, kind="stable").rename_axis(
        index="domain", columns=None
    )
