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
