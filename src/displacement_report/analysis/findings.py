"""The report's key findings for one parameter set: the numbers the 'At a glance' page
states, each computed by the same functions, on the same inputs, as the chapter that
shows it, and each naming that chart or table (`reference`), so the page's figure is
the exhibit's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from displacement_report.analysis import (
    asylum,
    costs,
    headline,
    hosting,
    neighbours,
    protracted,
    spending,
    year_news,
)
from displacement_report.analysis.claims.checks import ClaimInputs, hosting_table_for
from displacement_report.analysis.claims.wording import (
    DOES_NOT_HOLD,
    HISTORICAL,
    HOLDS,
    OUTDATED_FELL,
    OUTDATED_HIGHER,
    OUTDATED_LOWER,
    ROUGHLY,
)
from displacement_report.i18n import _, country_name
from displacement_report.letter import DATE as LETTER_DATE


@dataclass(frozen=True)
class Finding:
    """One key number: what it is, its value and unit, and the exhibit that shows it."""

    key: str
    label: str  # in the report's language: findings are made after the language is set
    value: float | None
    unit: str
    year: int | None
    #: '@fig:name' or '@tab:name' of the chart or table showing it; '@chapter:name' for a
    #: figure a chapter states in its text only
    reference: str = ""
    detail: str = ""  # what the number needs beside it: a budget stage's code, a host's code
    #: the Dutch cost a cost finding is (present names it in the edition's language)
    cost: costs.DutchCost | None = None


#: The exhibits the page's figures come from (`@kind:name`, resolved at assembly).
TREND = "@fig:forcibly_displaced_by_group"
COMPARISON = "@tab:forcibly_displaced_comparison"
HOSTING_CHAPTER = "@chapter:hosting_and_origins"


def displacement_findings(
    inputs: ClaimInputs, baseline: int, year: int, top_n: int = 3
) -> list[Finding]:
    """The total, the year before and the baseline, the change since the baseline, the
    low- and middle-income share and the largest hosts (`inputs`: the frames the
    claims check reads too). As chapter 1 shows them: the total and the year before in
    its chart, the baseline and the change in its table, the hosts in its ranking."""
    by_year = headline.displacement_by_year(inputs.population, inputs.unrwa, inputs.idmc)
    comparison = headline.compare_years(
        inputs.population, inputs.unrwa, inputs.idmc, baseline, year
    )
    total = comparison.loc[headline.TOTAL]
    assert isinstance(total, pd.Series)  # one row per group: TOTAL is one row
    table = hosting_table_for(inputs, year)
    hosts = headline.top_hosts(inputs.population, year, top_n)
    found = [
        Finding(
            "forcibly_displaced",
            _("Forcibly displaced people"),
            float(total[year]),
            "people",
            year,
            TREND,
        )
    ]
    before: Any = by_year[headline.TOTAL].get(year - 1)  # one cell, or None
    if before is not None:
        found.append(
            Finding(
                "forcibly_displaced_year_before",
                _("Forcibly displaced people, the year before"),
                float(before),
                "people",
                year - 1,
                TREND,
            )
        )
    if baseline != year:
        found += [
            Finding(
                "forcibly_displaced_baseline",
                _("Forcibly displaced people in the baseline year"),
                float(total[baseline]),
                "people",
                baseline,
                COMPARISON,
            ),
            Finding(
                "forcibly_displaced_change",
                _("Change in the forcibly displaced since {baseline}").format(baseline=baseline),
                float(total["change_pct"]),
                "percent",
                year,
                COMPARISON,
            ),
        ]
    found.append(
        Finding(
            "lmic_share",
            _(
                "Share of refugees and others in need of international protection hosted in "
                "low- and middle-income countries"
            ),
            hosting.share_hosted(table, table["is_low_or_middle"]),
            "percent",
            year,
            HOSTING_CHAPTER,
        )
    )
    row: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for rank, row in enumerate(hosts.itertuples(), start=1):
        name = country_name(row.iso3, row.country)
        found.append(
            Finding(
                f"top_host_{rank}",
                _("Host number {rank}: {country}").format(rank=rank, country=name),
                float(row.total),
                "refugees",
                year,
                "@tab:top_hosts",
                detail=name,
            )
        )
    return found


def world_share_finding(
    total: float, world_population: float, population_year: int | None
) -> list[Finding]:
    """'1 in 67': people in the world for each forcibly displaced person, on the World
    Bank's population of `population_year` (chapter 1 states it beside its chart)."""
    n = year_news.one_in(total, world_population)
    if n is None:
        return []
    return [
        Finding(
            "one_in",
            _("People in the world for each forcibly displaced person"),
            float(n),
            "people",
            population_year,
            TREND,
        )
    ]


#: Chapter 3's table of durable solutions shows this many years, up to the solutions
#: table's year.
SOLUTIONS_TABLE_YEARS = 6


def solutions_table_years(trend_start: int, solutions_year: int) -> list[int]:
    """The years chapter 3's table of durable solutions shows (the last six of the
    trend, which ends at the solutions table's year)."""
    return list(range(trend_start, solutions_year + 1))[-SOLUTIONS_TABLE_YEARS:]


def returns_findings(returns: year_news.Returns | None, shown: Sequence[int]) -> list[Finding]:
    """Refugees who returned home in the solutions table's year and the year before,
    linked to chapter 3's table where it shows that year (`shown`: its years)."""
    if returns is None:
        return []
    see = "@tab:durable_solutions" if returns.year in shown else ""
    found = [
        Finding(
            "refugee_returns",
            _("Refugees who returned home"),
            float(returns.returned),
            "people",
            returns.year,
            see,
        )
    ]
    if returns.previous is not None:
        found.append(
            Finding(
                "refugee_returns_year_before",
                _("Refugees who returned home, the year before"),
                float(returns.previous),
                "people",
                returns.year - 1,
                "@tab:durable_solutions" if returns.year - 1 in shown else "",
            )
        )
    return found


def neighbouring_finding(population: pd.DataFrame, year: int) -> list[Finding]:
    """The share of refugees and OIP in a country bordering their own (chapter 5's
    chart, Global Trends' measure); none for a year nobody is recorded."""
    share = neighbours.neighbouring_share(population, year)
    if share != share:  # NaN
        return []
    return [
        Finding(
            "neighbouring_share",
            _(
                "Share of refugees and others in need of international protection living in "
                "a country bordering their own"
            ),
            share,
            "percent",
            year,
            "@fig:asylum_neighbouring_and_region",
        )
    ]


def protracted_findings(
    inputs: ClaimInputs, year: int, threshold: int, min_years: int
) -> list[Finding]:
    situations = protracted.situations(inputs.population, year, threshold, min_years)
    summary = protracted.summarise(situations, inputs.population, year)
    return [
        Finding("protracted_situations", _("Protracted situations"), summary.situations, "", year),
        Finding(
            "protracted_share",
            _("Share of refugees under UNHCR's mandate in protracted situations"),
            summary.share_of_refugees,
            "percent",
            year,
            "@tab:largest_protracted",
        ),
    ]


def focus_findings(inputs: ClaimInputs, focus: Sequence[str], year: int) -> list[Finding]:
    """The focus countries' share of the world's refugees (UNHCR and UNRWA), as
    chapter 1 states it under its table of the focus countries."""
    share = headline.refugee_share_hosted_by(inputs.population, inputs.unrwa, year, focus)
    if share is None:
        return []
    return [
        Finding(
            "focus_share",
            _("Share of the world's refugees (UNHCR and UNRWA) hosted by the focus countries"),
            share,
            "percent",
            year,
            "@tab:focus_totals",
        )
    ]


def asylum_findings(
    applications: pd.DataFrame,
    decisions: pd.DataFrame,
    wb_population: pd.DataFrame,
    asylum_year: int,
    focus: Sequence[str],
) -> list[Finding]:
    """New asylum claims in the Netherlands, per 1,000 inhabitants, and the total
    protection rate, each beside the EU-27's, in `asylum_year` (the latest year both
    asylum tables reach): chapter 5's comparison table, which it shows only for a year
    with decisions."""
    if not asylum.has_year(decisions, asylum_year):
        return []
    compared = asylum.comparison(applications, decisions, wb_population, asylum_year, focus)
    dutch: Any = compared.loc[asylum.NETHERLANDS]  # a row: pandas-stubs cannot tell
    eu: Any = compared.loc[asylum.EU_ROW]
    see = "@tab:asylum_comparison"
    found = [
        Finding(
            "nl_new_claims",
            _("New asylum claims in the Netherlands"),
            float(dutch["new"]),
            "claims",
            asylum_year,
            see,
        ),
    ]
    for key, label, column, unit in (
        (
            "nl_claims_per_1000",
            _("New asylum claims per 1,000 inhabitants, the Netherlands"),
            "per_1000",
            "per 1,000",
        ),
        (
            "eu_claims_per_1000",
            _("New asylum claims per 1,000 inhabitants, EU-27"),
            "per_1000",
            "per 1,000",
        ),
        (
            "nl_total_protection_rate",
            _("Total protection rate, the Netherlands"),
            "total_protection_rate",
            "percent",
        ),
        (
            "eu_total_protection_rate",
            _("Total protection rate, EU-27"),
            "total_protection_rate",
            "percent",
        ),
    ):
        value: Any = (eu if key.startswith("eu_") else dutch)[column]
        if pd.notna(value):
            found.append(Finding(key, label, float(value), unit, asylum_year, see))
    return found


def arrivals_finding(arrivals: pd.DataFrame, shown_from: int, arrivals_year: int) -> list[Finding]:
    """New arrivals in the focus countries for each new asylum claim in the Netherlands
    in `arrivals_year` (`asylum.arrivals_per_dutch_application`); chapter 5's table
    shows the years from `shown_from` on."""
    if arrivals_year not in arrivals.index or arrivals_year < shown_from:
        return []
    ratio: Any = arrivals.loc[arrivals_year, "per_dutch_claim"]  # one cell
    if pd.isna(ratio):
        return []
    return [
        Finding(
            "arrivals_per_dutch_claim",
            _("New arrivals in the focus countries for each new asylum claim in the Netherlands"),
            float(ratio),
            "arrivals",
            arrivals_year,
            "@tab:new_arrivals",
        )
    ]


def money_findings(
    amounts: pd.DataFrame, cost_figures: pd.DataFrame, hosted: pd.DataFrame, year: int
) -> list[Finding]:
    """What the Netherlands pays: the reception-in-the-region line of the latest budget
    year up to `year` at its latest stage, the letter's yearly amount and the growth
    since, the budget per refugee hosted in the focus countries (`hosted`:
    `spending.hosted_in`), and what a year of reception in the Netherlands costs per
    person, the figure chapter 7 sets beside it. Chapters 6 and 7 and Annex A show them."""
    budget = spending.budget_for_ratios(amounts)
    known = budget[budget.index <= year].dropna()
    found = []
    budget_year = int(known.index.max()) if len(known) else None
    if budget_year is None and len(budget.dropna()):
        first = int(budget.dropna().index.min())
        found.append(
            Finding(
                "oir_budget_first",
                _("Reception-in-the-region budget line, the first year found"),
                float(budget.loc[first]),
                "EUR",
                first,
                "@tab:budget_figures",
                detail=costs.region_budget_stage(amounts, first) or "",
            )
        )
    if budget_year is not None:
        found.append(
            Finding(
                "oir_budget",
                _("Reception-in-the-region budget line"),
                float(known.loc[budget_year]),
                "EUR",
                budget_year,
                "@tab:budget_figures",
                detail=costs.region_budget_stage(amounts, budget_year) or "",
            )
        )
        if budget_year >= LETTER_DATE.year:
            stated = spending.letter_annual_budget(amounts)
            found += [
                Finding(
                    "oir_budget_letter",
                    _("Reception-in-the-region budget a year, as the letter states it"),
                    stated,
                    "EUR",
                    LETTER_DATE.year,
                    "@tab:budget_figures",
                ),
                Finding(
                    "oir_budget_growth",
                    _("Change of the reception-in-the-region line since the letter"),
                    100 * (float(known.loc[budget_year]) - stated) / stated,
                    "percent",
                    budget_year,
                    "@tab:budget_figures",
                ),
            ]
        per_person = spending.eur_per_person(budget.loc[[budget_year]], hosted)
        per_refugee: Any = per_person["eur_per_refugees"].get(budget_year)  # one cell
        if per_refugee is not None and pd.notna(per_refugee):
            found.append(
                Finding(
                    "eur_per_refugee",
                    _("Reception-in-the-region budget per refugee hosted in the focus countries"),
                    float(per_refugee),
                    "EUR",
                    budget_year,
                    "@tab:eur_per_person",
                )
            )
    dutch = costs.comparison_costs(cost_figures, year, near=budget_year or year)
    if dutch:
        cost = dutch[0]
        found.append(
            Finding(
                "nl_cost_per_person",
                _("Cost of a year of asylum reception in the Netherlands per person"),
                cost.value,
                cost.unit,
                cost.year,
                f"@tab:cost_{cost.basis}",
                cost=cost,
            )
        )
    return found


def cost_comparison_reference(
    amounts: pd.DataFrame,
    cost_figures: pd.DataFrame,
    results: pd.DataFrame,
    hosted: pd.DataFrame,
    year: int,
) -> str:
    """Where chapter 7 sets a Dutch cost per person beside the region's budget per
    person: its table when it has both (as the chapter decides), else the chapter."""
    budget = spending.budget_for_ratios(amounts)
    reached = costs.people_reached(results, year)
    _region, budget_year = costs.region_per_person(budget, hosted, reached, year)
    dutch = costs.comparison_costs(cost_figures, year, near=budget_year or year)
    if budget_year is not None and dutch:
        return "@tab:cost_comparison"
    return "@chapter:reception_costs"


#: Verdicts that say a claim does not hold, or no longer does.
NOT_HOLDING = (DOES_NOT_HOLD, OUTDATED_HIGHER, OUTDATED_LOWER, OUTDATED_FELL)


#: The scorecard's groups of verdicts, in its order.
VERDICT_GROUPS = ("held", "failing", "past", "unchecked")


def _failing(verdicts: pd.Series) -> pd.Series:
    text = verdicts.astype(str)
    return text.isin(NOT_HOLDING) | text.str.startswith("not yet in ")


def verdict_groups(verdicts: pd.Series) -> dict[str, int]:
    """How many claims hold (or roughly), do not hold (not, no longer or not yet), are
    about a past year and keep their verdict, or cannot be checked (no public figure,
    no figure for the year, no IATI file): one column of `claims.assess`."""
    held = verdicts.isin([HOLDS, ROUGHLY])
    failing = _failing(verdicts)
    past = verdicts == HISTORICAL
    return {
        "held": int(held.sum()),
        "failing": int(failing.sum()),
        "past": int(past.sum()),
        "unchecked": int((~(held | failing | past)).sum()),
    }


def claims_not_holding(assessed: pd.DataFrame) -> pd.DataFrame:
    """The claims that did not hold on the figures of the time, or do not (or no longer,
    or not yet) hold for the report year: the rows of `assessed` (`claims.assess`) the
    scorecard names, the gravest first: those that failed then, those that do not hold
    now, then those whose figure has moved (in the letter's order within each)."""
    failing_now = _failing(assessed["now_verdict"])
    failing_then = assessed["then_verdict"] == DOES_NOT_HOLD
    chosen = assessed[failing_now | failing_then]
    rank = (~failing_then[chosen.index]).astype(int) + (
        chosen["now_verdict"] != DOES_NOT_HOLD
    ).astype(int)
    return chosen.iloc[rank.reset_index(drop=True).sort_values(kind="stable").index]


def claims_finding(tally: dict[str, int], year: int) -> Finding:
    """How many of the letter's checkable claims still hold for `year`."""
    return Finding(
        "claims_hold_now",
        _("Claims of the letter that still hold"),
        float(tally.get("holds", 0)),
        "claims",
        year,
    )
