"""Sentences and chart titles of chapter 6, the claims check."""

from __future__ import annotations

import pandas as pd

from displacement_report.present.format import millions


def _listed(ids: list[str]) -> str:
    return f" ({', '.join(ids)})" if ids else ""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def claims_summary(assessed: pd.DataFrame, year: int) -> str:
    """How many of the letter's claims hold, on the figures of the time and now."""
    from displacement_report.analysis.claims import (
        DOES_NOT_HOLD,
        HISTORICAL,
        HOLDS,
        NO_IATI_FILE,
        NOT_CHECKABLE,
        ROUGHLY,
        no_figure,
    )

    then = assessed["then_verdict"]
    now = assessed["now_verdict"]

    def ids(mask: pd.Series) -> list[str]:
        return assessed.loc[mask, "claim_id"].tolist()

    iati = ids(then == NO_IATI_FILE)
    not_checkable = ids(then == NOT_CHECKABLE)
    on_today = ids(
        (assessed["then_basis"] == "today's data") & then.isin([HOLDS, ROUGHLY, DOES_NOT_HOLD])
    )
    text = (
        f"The letter makes **{len(assessed)} quantitative statements**. Judged on the figures "
        "published at the time, as the letter's author could know them, "
        f"**{_count(int((then == HOLDS).sum()), 'holds', 'hold')}**, "
        f"{_count(int((then == ROUGHLY).sum()), 'roughly holds', 'roughly hold')} and "
        f"{_count(int((then == DOES_NOT_HOLD).sum()), 'does not hold', 'do not hold')}"
        f"{_listed(ids(then == DOES_NOT_HOLD))}; "
        f"{len(not_checkable)} cannot be checked with public data"
    )
    if iati:
        text += (
            f", and {len(iati)} could be checked against the ministry's IATI activity data, "
            f"but no IATI file was given{_listed(iati)}"
        )
    text += "."
    if on_today:
        text += (
            f" For {len(on_today)} of them nothing was published at the time, so the verdict "
            f"rests on today's data for the letter's year{_listed(on_today)}."
        )
    revised = assessed[
        (assessed["revised_verdict"] != "")
        & (assessed["then_basis"] == "published")
        & (assessed["revised_verdict"] != then)
    ]
    if len(revised):
        after_would = {HOLDS: "hold", ROUGHLY: "only roughly hold", DOES_NOT_HOLD: "not hold"}
        parts = [
            f"{claim_id} would {after_would.get(verdict, verdict)}"
            for claim_id, verdict in zip(
                revised["claim_id"], revised["revised_verdict"], strict=True
            )
        ]
        later = (
            "; for a budget, a later budget stage"
            if (revised["method"] == "reference").any()
            else ""
        )
        text += (
            f" The revised figures for the same year (today's databases{later}) would judge "
            "some differently: "
            + "; ".join(parts)
            + ". The verdict on the letter stays with what was published."
        )
    missing = no_figure(year)
    outdated = ids(now.str.startswith("outdated"))
    not_yet = ids(now.str.startswith("not yet"))
    text += (
        f" Recomputed for **{year}**: "
        f"{_count(int((now == HOLDS).sum()), 'holds', 'hold')}, "
        f"{_count(int((now == ROUGHLY).sum()), 'roughly holds', 'roughly hold')}, "
        f"{_count(int((now == DOES_NOT_HOLD).sum()), 'does not hold', 'do not hold')}"
        f"{_listed(ids(now == DOES_NOT_HOLD))}"
    )
    if outdated:
        text += (
            f", {_count(len(outdated), 'is', 'are')} outdated: the figure has moved since"
            f"{_listed(outdated)}"
        )
    if not_yet:
        text += f", {len(not_yet)} did not yet hold in {year}{_listed(not_yet)}"
    text += (
        f"; {_count(int((now == missing).sum()), 'has', 'have')} no figure for {year}, "
        f"{_count(int((now == HISTORICAL).sum()), 'is', 'are')} about a named year and keep "
        f"their verdict, and {int((now == NOT_CHECKABLE).sum())} cannot be checked."
    )
    return text


def verdict_rules_markdown() -> str:
    from displacement_report.analysis.claims import RULES

    return "\n".join(f"- {text}" for _, text in RULES.values())


def _total_at(series: pd.Series, year: int) -> str:
    return millions(series.loc[year]) if year in series.index else "–"


def claim_trend_title(series: pd.Series, published: pd.Series, letter_year: int, year: int) -> str:
    """Title for the headline figure over time; each figure it names is marked in the chart."""
    text = (
        f"Forcibly displaced: {_total_at(published, letter_year)} published for end-{letter_year}"
    )
    if year != letter_year and year in series.index:
        text += f", {_total_at(series, year)} at the end of {year} on today's data"
    return text


def headline_trend_sentence(
    series: pd.Series, published: pd.Series, letter_year: int, year: int
) -> str:
    """What the headline series did, in words that match it: the revision of the letter's
    year, then the direction up to the report year, and a last year that went the other way."""
    then = series.loc[letter_year]
    text = (
        f"Today's data put the end-{letter_year} total at {millions(then)}"
        + (
            f", against {millions(published.loc[letter_year])} published at the time"
            if letter_year in published.index
            else ""
        )
        + "."
    )
    if year == letter_year or year not in series.index:
        return text
    now = series.loc[year]
    if year > letter_year:
        verb = "risen to" if now > then else "fallen to" if now < then else "stayed at"
        text += f" By the end of {year} it had {verb} {millions(now)}"
        before = series.get(year - 1)
        if before is not None and year - 1 > letter_year and pd.notna(before):
            last = now - before
            if (last < 0 < now - then) or (last > 0 > now - then):
                word = "falling" if last < 0 else "rising"
                text += f", {word} in the last year from {millions(before)}"
        return text + "."
    direction = "fewer" if now < then else "more"
    return (
        text + f" At the end of {year} it stood at {millions(now)}, "
        f"{millions(abs(then - now))} {direction} than at the end of {letter_year}."
    )
