"""Tables of chapter 1, the global picture: the total and its parts, top hosts and origins, the
focus countries' totals.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from displacement_report.analysis.headline import LABELS
from displacement_report.present.format import (
    count,
    in_millions,
    signed_in_millions,
    signed_percent,
    table_html,
)


def comparison_table(comparison: pd.DataFrame, baseline: int, year: int, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Group": [LABELS[c] for c in comparison.index],
            f"End {baseline}": comparison[baseline].to_numpy(),
            f"End {year}": comparison[year].to_numpy(),
            "Change": comparison["change"].to_numpy(),
            "Change, %": comparison["change_pct"].to_numpy(),
        }
    )
    formats = {
        f"End {baseline}": in_millions,
        f"End {year}": in_millions,
        "Change": signed_in_millions,
        "Change, %": signed_percent,
    }
    if baseline == year:
        frame = frame.drop(columns=[f"End {baseline}", "Change", "Change, %"])
        formats = {f"End {year}": in_millions}
    caption = f"Forcibly displaced people (millions), end of {baseline} and end of {year}"
    return table_html(frame, formats, caption, source)


def ranking_table(ranked: pd.DataFrame, role: str, year: int, source: str) -> str:
    """Top hosts (`role='host'`) or origins (`role='origin'`) with their refugee count."""
    heading = "Country of asylum" if role == "host" else "Country of origin"
    frame = pd.DataFrame(
        {
            "Rank": range(1, len(ranked) + 1),
            heading: ranked["country"].to_numpy(),
            "Refugees": ranked["total"].to_numpy(),
        }
    )
    noun = "hosting" if role == "host" else "of origin of"
    caption = (
        f"The {len(ranked)} countries {noun} most refugees under UNHCR's mandate, end of {year}"
    )
    return table_html(frame, {"Refugees": count}, caption, source, name=f"top_{role}s")


def focus_table(focus: pd.DataFrame, names: Mapping[str, str], year: int, source: str) -> str:
    frame = focus.reset_index()
    frame.insert(1, "Country", [names.get(code, code) for code in frame["iso3"]])
    frame.loc[frame["iso3"] == "Total", ["iso3", "Country"]] = ["", "Total"]
    frame = frame.rename(columns={"iso3": "ISO3", **LABELS})
    formats = dict.fromkeys([LABELS[c] for c in focus.columns], count)
    caption = f"People hosted in or displaced inside the focus countries, end of {year}"
    return table_html(frame, formats, caption, source, name="focus_totals")
