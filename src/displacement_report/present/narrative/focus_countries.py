"""Sentences of chapter 4 and the country profile."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.headline import TOTAL
from displacement_report.present.format import (
    escape_markdown,
    millions,
    signed_percent,
)


def profile_paragraph(over_time: pd.DataFrame, country: str, baseline: int, year: int) -> str:
    """The opening of a country profile: who the country hosts and how that changed."""
    country = escape_markdown(country)
    if year not in over_time.index:
        return (
            f"UNHCR's statistics record nobody hosted in or displaced inside {country} in {year}."
        )
    now = over_time.loc[year]
    abroad = now[list(ABROAD)].sum()
    text = (
        f"At the end of {year}, {country} hosted {millions(abroad)} refugees, asylum-seekers "
        f"and others in need of international protection "
        f"({millions(now['refugees'])} refugees under UNHCR's mandate"
    )
    if now["unrwa_refugees"]:
        text += f", {millions(now['unrwa_refugees'])} Palestine refugees under UNRWA's"
    text += ")"
    if pd.isna(now["idps"]):
        text += f"; IDMC gives no figure for people displaced inside the country in {year}."
    elif now["idps"]:
        text += f", and {millions(now['idps'])} people were displaced inside the country."
    else:
        text += "."
    if baseline != year and baseline in over_time.index:
        text += _change_since(over_time, baseline, year)
    return text


#: The groups hosted from abroad (the rest of the total is displaced inside the country).
ABROAD = ("refugees", "unrwa_refugees", "asylum_seekers", "oip")


def _change_since(over_time: pd.DataFrame, baseline: int, year: int) -> str:
    """The change in everyone counted, or in the people hosted from abroad where a year
    lacks the IDP figure (so the two years are compared like with like)."""
    now, before = over_time.loc[year], over_time.loc[baseline]
    if pd.notna(now[TOTAL]) and pd.notna(before[TOTAL]) and before[TOTAL]:
        change = 100 * (now[TOTAL] - before[TOTAL]) / before[TOTAL]
        return (
            f" Altogether that is {millions(now[TOTAL])} people, "
            f"{signed_percent(change)} compared with the end of {baseline}."
        )
    abroad_now, abroad_before = now[list(ABROAD)].sum(), before[list(ABROAD)].sum()
    if not abroad_before:
        return ""
    change = 100 * (abroad_now - abroad_before) / abroad_before
    return (
        f" The people hosted from abroad changed by {signed_percent(change)} compared with "
        f"the end of {baseline}."
    )
