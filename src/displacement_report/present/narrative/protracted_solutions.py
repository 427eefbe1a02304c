"""Sentences and chart titles of chapter 3: protracted situations, solutions, children."""

from __future__ import annotations

import pandas as pd

from displacement_report.present.format import (
    count,
    millions,
    percent,
)


def protracted_paragraph(summary, threshold: int, years: int, year: int) -> str:
    return (
        f"At the end of {year}, {summary.situations} situations met the rule "
        f"({count(threshold)} or more refugees of one nationality in one host country for "
        f"{years} or more consecutive years), in {summary.hosts} host countries. They held "
        f"**{millions(summary.refugees)}** refugees, {percent(summary.share_of_refugees, 0)} of "
        f"all refugees under UNHCR's mandate. On average these situations had lasted "
        f"{summary.mean_duration:.1f} years (median {summary.median_duration:.0f})."
    )


def solutions_paragraph(per_year: pd.DataFrame, year: int) -> str:
    row = per_year.loc[year]
    return (
        f"In {year}, {count(row['returned_refugees'])} refugees returned home, "
        f"{count(row['resettlement'])} arrived through resettlement and "
        f"{count(row['naturalisation'])} were naturalised: together "
        f"{percent(row['all_solutions_pct'])} of the {millions(row['stock_year_before'])} "
        f"refugees under UNHCR's mandate at the end of {year - 1}."
    )


def children_paragraph(profile, year: int, covered: list[int]) -> str:
    if profile is None:
        years = ", ".join(map(str, covered)) or "no year"
        return (
            f"UNHCR's demographics table does not cover {year} (it covers {years}), so the "
            f"share of children among the displaced cannot be given for {year}."
        )
    return (
        f"Where age is known ({percent(profile.coverage, 0)} of the "
        f"{millions(profile.people_total)} forcibly displaced people in the demographics "
        f"table for {year}), "
        f"**{percent(profile.share_children, 0)}** were children under 18; "
        f"{percent(profile.share_female, 0)} of those whose sex is known were women and girls."
    )


def solutions_title(per_year: pd.DataFrame, year: int) -> str:
    share = per_year.loc[year, "all_solutions_pct"]
    return f"Durable solutions reached {percent(share)} of refugees in {year}"


def solutions_mark(per_year: pd.DataFrame, year: int) -> tuple[int, str, str]:
    """The title's figure, to be written at its point on the chart."""
    return year, "all_solutions_pct", percent(per_year.loc[year, "all_solutions_pct"])
