"""Tables of chapter 4 and the country profile: each focus country's burden, income group,
protracted situations and origins.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from displacement_report.present.format import (
    count,
    one_decimal,
    table_html,
)


def origins_table(origins: pd.DataFrame, host: str, year: int, source: str) -> str:
    """The main origins of the people one country hosts."""
    frame = pd.DataFrame(
        {
            "Country of origin": origins["country"].to_numpy(),
            "Refugees": origins["refugees"].to_numpy(),
            "Asylum-seekers": origins["asylum_seekers"].to_numpy(),
            "Other in need of protection": origins["oip"].to_numpy(),
            "Total": origins["total"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:], count)
    caption = f"Main countries of origin of the people {host} hosts, end of {year}"
    return table_html(frame, formats, caption, source)


def focus_profile_table(frame: pd.DataFrame, caption: str, source: str) -> str:
    formats = {
        c: (one_decimal if "per 1,000" in c else count)
        for c in frame.columns
        if c not in ("Country", "Income group", "LDC", "Main origins")
    }
    return table_html(frame, formats, caption, source)


def _origins_text(origins: list[tuple[str, int]]) -> str:
    return "; ".join(f"{name} {count(n)}" for name, n in origins) or "–"


def focus_overview_table(
    overview: pd.DataFrame, names: Mapping[str, str], caption: str, source: str
) -> str:
    frame = pd.DataFrame(
        {
            "Country": [names.get(c, c) for c in overview.index],
            "Refugees (UNHCR)": overview["refugees"].to_numpy(),
            "Palestine refugees (UNRWA)": overview["unrwa_refugees"].to_numpy(),
            "Asylum-seekers": overview["asylum_seekers"].to_numpy(),
            "IDPs (IDMC)": overview["idps"].to_numpy(),
            "Refugees per 1,000 incl. UNRWA": overview["per_1000_incl_unrwa"].to_numpy(),
            "Income group": overview["income_group"].fillna("not classified").to_numpy(),
            "LDC": ["yes" if v else "no" for v in overview["is_ldc"]],
            "Protracted situations": overview["situations"].to_numpy(),
        }
    )
    return focus_profile_table(frame, caption, source)


def focus_origins_table(
    overview: pd.DataFrame, names: Mapping[str, str], caption: str, source: str
) -> str:
    frame = pd.DataFrame(
        {
            "Country": [names.get(c, c) for c in overview.index],
            "Main countries of origin (refugees, asylum-seekers and others in need of "
            "protection)": [_origins_text(o) for o in overview["main_origins"]],
        }
    )
    return table_html(frame, {}, caption, source)
