"""Sentences and chart titles of chapter 6, the claims check."""

from __future__ import annotations

import pandas as pd

from displacement_report.present.format import (
    millions,
)


def claims_summary(assessed: pd.DataFrame, year: int) -> str:
    """How many of the letter's claims hold, then and now, and which do not."""
    from displacement_report.analysis.claims import DOES_NOT_HOLD, HOLDS, NOT_CHECKABLE, ROUGHLY

    then = assessed["then_verdict"].value_counts()
    now = assessed["now_verdict"].value_counts()
    checkable = len(assessed) - int(then.get(NOT_CHECKABLE, 0))
    failing = assessed[assessed["then_verdict"] == DOES_NOT_HOLD]["claim_id"].tolist()
    text = (
        f"The letter makes **{len(assessed)} quantitative statements**. For the period the "
        f"letter describes, {checkable} can be checked against public data: "
        f"**{then.get(HOLDS, 0)} hold**, {then.get(ROUGHLY, 0)} roughly hold and "
        f"{then.get(DOES_NOT_HOLD, 0)} do not hold"
        + (f" ({', '.join(failing)})" if failing else "")
        + f"; {then.get(NOT_CHECKABLE, 0)} cannot be checked with public data. "
        f"Recomputed for {year} or the latest figure found, {now.get(HOLDS, 0)} would still "
        f"hold, {now.get(ROUGHLY, 0)} roughly, and {now.get(DOES_NOT_HOLD, 0)} would no "
        "longer hold: the letter would need new numbers today."
    )
    return text


def verdict_rules_markdown() -> str:
    from displacement_report.analysis.claims import RULES

    return "\n".join(f"- {text}" for _, text in RULES.values())


def claim_trend_title(series: pd.Series, claim: str, letter_year: int) -> str:
    """Title for a claim shown against its series: the value then and the latest."""
    latest = int(series.index.max())
    return (
        f"The letter's '{claim}': {millions(series.loc[letter_year])} at the end of "
        f"{letter_year}, {millions(series.loc[latest])} at the end of {latest}"
    )
