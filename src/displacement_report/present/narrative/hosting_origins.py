"""Sentences of chapter 2: who hosts, by income group, and what could not be joined."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.hosting import top_by
from displacement_report.present.format import (
    escape_markdown,
    percent,
)


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


def joins_note(joins: dict) -> str:
    """Which countries each join could not match, so nothing is lost silently."""
    lines = [joined.describe(what) for what, joined in joins.items()]
    return "*Joins:* " + " ".join(escape_markdown(line) for line in lines)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def unrwa_note(shown: pd.DataFrame, table: pd.DataFrame, min_population: int) -> str:
    """Where Palestine refugees under UNRWA's mandate drive a per-inhabitant ranking: the
    countries shown whose count is mostly UNRWA refugees, with their place without them."""
    driven = shown[shown["unrwa_refugees"] > shown["refugees"]]
    if driven.empty:
        return ""
    alone = top_by(table, "refugees_per_1000", len(table), min_population)
    places = {code: i + 1 for i, code in enumerate(alone["iso3"])}
    parts = []
    for row in driven.itertuples():
        rank = shown.index[shown["iso3"] == row.iso3][0] + 1
        without = places.get(row.iso3)
        where = f"{_ordinal(without)} without them" if without else "not ranked without them"
        parts.append(f"{escape_markdown(str(row.country))} ({_ordinal(rank)} here, {where})")
    return (
        "Palestine refugees under UNRWA's mandate drive the order for "
        + ", ".join(parts[:-1])
        + (" and " if len(parts) > 1 else "")
        + parts[-1]
        + ": most of the refugees counted there are UNRWA's."
    )
