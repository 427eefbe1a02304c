"""Tables of chapter 3: protracted situations and durable solutions."""

from __future__ import annotations

import pandas as pd

from displacement_report.i18n import _
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import count, country_column, plain_percent


def protracted_table(
    table: pd.DataFrame, caption: str, source: str, name: str | None = None
) -> str:
    refugees, years = _("Refugees"), _("Years")
    frame = pd.DataFrame(
        {
            _("Origin"): country_column(table, "coo_iso", "coo_name"),
            _("Host"): country_column(table, "coa_iso", "coa_name"),
            refugees: table["refugees"].to_numpy(),
            _("Since"): table["since"].astype(str).to_numpy(),
            years: table["duration"].to_numpy(),
        }
    )
    return table_html(frame, {refugees: count, years: count}, caption, source, name)


def solutions_table(
    per_year: pd.DataFrame, caption: str, source: str, name: str | None = "durable_solutions"
) -> str:
    share = _("All solutions, % of them")
    frame = pd.DataFrame(
        {
            _("Year"): per_year.index.astype(str),
            _("Returns"): per_year["returned_refugees"].to_numpy(),
            _("Resettlement"): per_year["resettlement"].to_numpy(),
            _("Naturalisation"): per_year["naturalisation"].to_numpy(),
            _("Refugees at end of year before"): per_year["stock_year_before"].to_numpy(),
            share: per_year["all_solutions_pct"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:5], count)
    formats[share] = plain_percent
    return table_html(frame, formats, caption, source, name)
