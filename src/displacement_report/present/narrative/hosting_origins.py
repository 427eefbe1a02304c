"""Sentences of chapter 2: who hosts, by income group, and what could not be joined."""

from __future__ import annotations

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
