"""Sentences that state figures, written from computed values, never typed in."""

from __future__ import annotations

import html
import re

import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.present.format import count, millions, percent, signed_percent

#: Component names as they read inside a sentence.
GROUP_PHRASES = {
    "refugees": "refugees under UNHCR's mandate",
    "unrwa_refugees": "Palestine refugees under UNRWA's mandate",
    "asylum_seekers": "asylum-seekers",
    "oip": "other people in need of international protection",
    "idps": "people displaced inside their own country",
}


def trend_title(comparison: pd.DataFrame, baseline: int, year: int) -> str:
    """A chart title that states the finding, e.g. 'Forced displacement rose by 52%...'."""
    change = comparison.loc[TOTAL, "change_pct"]
    if pd.isna(change) or baseline == year:
        return f"Forcibly displaced people by group, end of {year}"
    verb = "rose" if change > 0 else "fell" if change < 0 else "held steady"
    return f"Forced displacement {verb} by {percent(abs(change), 0)} between {baseline} and {year}"


def headline_paragraph(comparison: pd.DataFrame, baseline: int, year: int) -> str:
    """Markdown paragraph on the total, its largest component and the change."""
    now = comparison[year]
    refugees_all = now["refugees"] + now["unrwa_refugees"]
    largest = now[list(COMPONENTS)].idxmax()
    text = (
        f"At the end of {year}, **{millions(now[TOTAL])}** people were forcibly displaced. "
        f"Of these, {millions(refugees_all)} were refugees "
        f"({millions(now['refugees'])} under UNHCR's mandate and "
        f"{millions(now['unrwa_refugees'])} Palestine refugees under UNRWA's), "
        f"{millions(now['asylum_seekers'])} were asylum-seekers and "
        f"{millions(now['idps'])} were displaced inside their own country. "
        f"The largest group was {GROUP_PHRASES[largest]}."
    )
    if baseline != year:
        change = comparison.loc[TOTAL, "change_pct"]
        text += (
            f" Compared with the end of {baseline} ({millions(comparison.loc[TOTAL, baseline])}), "
            f"the total changed by {signed_percent(change)}."
        )
    return text


def focus_paragraph(focus: pd.DataFrame, world: pd.Series, year: int) -> str:
    """How much of the world's displacement the focus countries hold."""
    total = focus.loc["Total"]
    hosts = len(focus.index) - 1
    abroad_cols = ["refugees", "unrwa_refugees", "asylum_seekers", "oip"]
    share_abroad = 100 * total[abroad_cols].sum() / world[abroad_cols].sum()
    share_idps = 100 * total["idps"] / world["idps"] if world["idps"] else float("nan")
    return (
        f"At the end of {year} the {hosts} focus countries hosted "
        f"{millions(total[abroad_cols].sum())} refugees, asylum-seekers and others in need of "
        f"international protection ({percent(share_abroad)} of the world's), and "
        f"{millions(total['idps'])} people were displaced inside them "
        f"({percent(share_idps)} of the world's internally displaced)."
    )


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape_markdown(text: str) -> str:
    """Data (a country name, a title) shown as itself, never as markup or HTML."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def profile_paragraph(over_time: pd.DataFrame, country: str, baseline: int, year: int) -> str:
    """The opening of a country profile: who the country hosts and how that changed."""
    country = escape_markdown(country)
    if year not in over_time.index:
        return (
            f"UNHCR's statistics record nobody hosted in or displaced inside {country} in {year}."
        )
    now = over_time.loc[year]
    abroad = now[["refugees", "unrwa_refugees", "asylum_seekers", "oip"]].sum()
    text = (
        f"At the end of {year}, {country} hosted {millions(abroad)} refugees, asylum-seekers "
        f"and others in need of international protection "
        f"({millions(now['refugees'])} refugees under UNHCR's mandate"
    )
    if now["unrwa_refugees"]:
        text += f", {millions(now['unrwa_refugees'])} Palestine refugees under UNRWA's"
    text += f"), and {millions(now['idps'])} people were displaced inside the country."
    if baseline != year and baseline in over_time.index:
        before = over_time.loc[baseline, TOTAL]
        if before:
            change = 100 * (now[TOTAL] - before) / before
            text += (
                f" Altogether that is {millions(now[TOTAL])} people, "
                f"{signed_percent(change)} compared with the end of {baseline}."
            )
    return text


def world_share_sentence(total: float, world_population: float, year: int) -> str:
    share = 100 * total / world_population
    return (
        f"That is {percent(share, 2)} of the world's population of "
        f"{in_billions(world_population)} billion at the end of {year}: about one person in "
        f"{round(world_population / total):,}."
    )


def in_billions(value: float) -> str:
    return f"{value / 1e9:.2f}"


def hosting_paragraph(shares: dict[int, tuple[float, float]], fiscal_years: dict[int, int]) -> str:
    """`shares` maps year -> (low- and middle-income %, least developed %)."""
    sentences = [
        f"At the end of {year}, countries of low and middle income hosted "
        f"**{percent(lmic, 0)}** of the refugees under UNHCR's mandate and other people in "
        f"need of international protection, and the least developed countries "
        f"{percent(ldc, 0)} (World Bank income groups of fiscal year {fiscal_years[year]})."
        for year, (lmic, ldc) in sorted(shares.items(), reverse=True)
    ]
    return " ".join(sentences)


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


def joins_note(joins: dict) -> str:
    """Which countries each join could not match, so nothing is lost silently."""
    lines = [joined.describe(what) for what, joined in joins.items()]
    return "*Joins:* " + " ".join(escape_markdown(line) for line in lines)
