"""The report's key findings for one parameter set: the numbers the 'At a glance' page
states, each computed by the same functions as the chapter that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from displacement_report.analysis import headline, hosting, protracted, spending
from displacement_report.analysis.claims.checks import ClaimInputs, hosting_table_for
from displacement_report.i18n import _, country_name


@dataclass(frozen=True)
class Finding:
    """One key number: what it is, its value and unit, and the exhibit that shows it."""

    key: str
    label: str  # in the report's language: findings are made after the language is set
    value: float | None
    unit: str
    year: int | None
    reference: str = ""  # '@fig:name' or '@tab:name' of the chart or table showing it


def displacement_findings(
    inputs: ClaimInputs, baseline: int, year: int, top_n: int = 3
) -> list[Finding]:
    """Total and change, low- and middle-income share, largest hosts (`inputs`: the
    frames the claims check reads too)."""
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
            "@fig:forcibly_displaced_by_group",
        ),
        Finding(
            "lmic_share",
            _(
                "Share of refugees and others in need of international protection hosted in "
                "low- and middle-income countries"
            ),
            hosting.share_hosted(table, table["is_low_or_middle"]),
            "percent",
            year,
        ),
    ]
    if baseline != year:
        found.insert(
            1,
            Finding(
                "forcibly_displaced_change",
                _("Change in the forcibly displaced since {baseline}").format(baseline=baseline),
                float(total["change_pct"]),
                "percent",
                year,
                "@fig:forcibly_displaced_by_group",
            ),
        )
    row: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for rank, row in enumerate(hosts.itertuples(), start=1):
        found.append(
            Finding(
                f"top_host_{rank}",
                # the page reads the country's name after ': '
                _("Host number {rank}: {country}").format(
                    rank=rank, country=country_name(row.iso3, row.country)
                ),
                float(row.total),
                "refugees",
                year,
                "@tab:top_hosts",
            )
        )
    return found


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


def focus_findings(
    inputs: ClaimInputs, amounts: pd.DataFrame, focus: Sequence[str], year: int
) -> list[Finding]:
    """The focus countries' weight, and the budget per refugee they host."""
    share = headline.refugee_share_hosted_by(inputs.population, inputs.unrwa, year, focus)
    found = [
        Finding(
            "focus_share",
            _("Share of the world's refugees (UNHCR and UNRWA) hosted by the focus countries"),
            share,
            "percent",
            year,
            "@tab:focus_totals",
        )
    ]
    per_person = spending.eur_per_person(
        spending.budget_for_ratios(amounts),
        spending.hosted_in(inputs.population, inputs.unrwa, inputs.idmc, focus),
    )
    known = per_person[per_person.index <= year]["eur_per_refugees"].dropna()
    if len(known):
        budget_year = int(known.index.max())
        found.append(
            Finding(
                "eur_per_refugee",
                _("Reception-in-the-region budget per refugee hosted in the focus countries"),
                float(known.loc[budget_year]),
                "EUR",
                budget_year,
                "@tab:eur_per_person",
            )
        )
    return found


def claims_finding(tally: dict[str, int], year: int) -> Finding:
    """How many of the letter's checkable claims still hold for `year`."""
    return Finding(
        "claims_hold_now",
        _("Claims of the letter that still hold"),
        float(tally.get("holds", 0)),
        "claims",
        year,
    )
