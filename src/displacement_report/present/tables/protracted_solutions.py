"""Tables of chapter 3: protracted situations and durable solutions."""

from __future__ import annotations

import pandas as pd

from displacement_report.present.format import (
    count,
    plain_percent,
    table_html,
)


def protracted_table(
    table: pd.DataFrame, caption: str, source: str, name: str | None = None
) -> str:
    frame = pd.DataFrame(
        {
            "Origin": table["coo_name"].to_numpy(),
            "Host": table["coa_name"].to_numpy(),
            "Refugees": table["refugees"].to_numpy(),
            "Since": table["since"].astype(str).to_numpy(),
            "Years": table["duration"].to_numpy(),
        }
    )
    return table_html(frame, {"Refugees": count, "Years": count}, caption, source, name)


def solutions_table(per_year: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Year": per_year.index.astype(str),
            "Returns": per_year["returned_refugees"].to_numpy(),
            "Resettlement": per_year["resettlement"].to_numpy(),
            "Naturalisation": per_year["naturalisation"].to_numpy(),
            "Refugees at end of year before": per_year["stock_year_before"].to_numpy(),
            "All solutions, % of them": per_year["all_solutions_pct"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:5], count)
    formats["All solutions, % of them"] = plain_percent
    return table_html(frame, formats, caption, source)
