"""Sentences of chapter 1, written from computed values, never typed in."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.present.format import (
    in_billions,
    millions,
    percent,
    signed_percent,
)

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
    change = comparison["change_pct"].loc[TOTAL]
    if pd.isna(change) or baseline == year:
        return f"Forcibly displaced people by group, end of {year}"
    verb = "rose" if change > 0 else "fell" if change < 0 else "held steady"
    return f"Forced displacement {verb} by {percent(abs(change), 0)} between {baseline} and {year}"


def headline_paragraph(comparison: pd.DataFrame, baseline: int, year: int) -> str:
    """Markdown paragraph on the total, its largest component and the change."""
    now = comparison[year]
    refugees_all = now["refugees"] + now["unrwa_refugees"]
    largest = now[list(COMPONENTS)].idxmax()
    # every part of the total is named, so the parts in the sentence add up to it
    text = (
        f"At the end of {year}, **{millions(now[TOTAL])}** people were forcibly displaced. "
        f"Of these, {millions(refugees_all)} were refugees "
        f"({millions(now['refugees'])} under UNHCR's mandate and "
        f"{millions(now['unrwa_refugees'])} Palestine refugees under UNRWA's), "
        f"{millions(now['asylum_seekers'])} were asylum-seekers, "
    )
    if now["oip"]:
        text += f"{millions(now['oip'])} were other people in need of international protection, "
    text += (
        f"and {millions(now['idps'])} were displaced inside their own country. "
        f"The largest group was {GROUP_PHRASES[str(largest)]}."
    )
    if baseline != year:
        change = comparison["change_pct"].loc[TOTAL]
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


def world_share_sentence(total: float, world_population: float, year: int) -> str:
    share = 100 * total / world_population
    return (
        f"That is {percent(share, 2)} of the world's population of "
        f"{in_billions(world_population)} billion at the end of {year}: about one person in "
        f"{round(world_population / total):,}."
    )
