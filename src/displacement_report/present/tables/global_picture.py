"""Tables of chapter 1, the global picture: the total and its parts, top hosts and origins, the
focus countries' totals.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from displacement_report.analysis.headline import TOTAL, label
from displacement_report.i18n import _, pgettext
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import (
    count,
    country_column,
    in_millions,
    signed_in_millions,
    signed_percent,
)


def comparison_table(comparison: pd.DataFrame, baseline: int, year: int, source: str) -> str:
    end_baseline = _("End {year}").format(year=baseline)
    end_year = _("End {year}").format(year=year)
    change, change_pct = _("Change"), _("Change, %")
    if baseline == year:
        frame = pd.DataFrame(
            {
                _("Group"): [label(c) for c in comparison.index],
                end_year: comparison[year].to_numpy(),
            }
        )
        caption = _("Forcibly displaced people (millions), end of {year}").format(year=year)
        return table_html(
            frame, {end_year: in_millions}, caption, source, name="forcibly_displaced_comparison"
        )
    frame = pd.DataFrame(
        {
            _("Group"): [label(c) for c in comparison.index],
            end_baseline: comparison[baseline].to_numpy(),
            end_year: comparison[year].to_numpy(),
            change: comparison["change"].to_numpy(),
            change_pct: comparison["change_pct"].to_numpy(),
        }
    )
    formats = {
        end_baseline: in_millions,
        end_year: in_millions,
        change: signed_in_millions,
        change_pct: signed_percent,
    }
    caption = _("Forcibly displaced people (millions), end of {baseline} and end of {year}").format(
        baseline=baseline, year=year
    )
    return table_html(frame, formats, caption, source, name="forcibly_displaced_comparison")


def ranking_table(ranked: pd.DataFrame, role: str, year: int, source: str) -> str:
    """Top hosts (`role='host'`) or origins (`role='origin'`) with their refugee count."""
    refugees = _("Refugees")
    frame = pd.DataFrame(
        {
            _("Rank"): range(1, len(ranked) + 1),
            _("Country of asylum") if role == "host" else _("Country of origin"): country_column(
                ranked
            ),
            refugees: ranked["total"].to_numpy(),
        }
    )
    if role == "host":
        caption = _(
            "The {n} countries hosting most refugees under UNHCR's mandate, end of {year}"
        ).format(n=len(ranked), year=year)
    else:
        caption = _(
            "The {n} countries of origin of most refugees under UNHCR's mandate, end of {year}"
        ).format(n=len(ranked), year=year)
    return table_html(frame, {refugees: count}, caption, source, name=f"top_{role}s")


def _focus_headers() -> dict[str, str]:
    """The groups as column headers of the focus table: nine columns across the page,
    so a language with longer words may say them more briefly."""
    return {
        "refugees": pgettext("focus table", "Refugees under UNHCR's mandate"),
        "unrwa_refugees": pgettext("focus table", "Palestine refugees under UNRWA's mandate"),
        "asylum_seekers": pgettext("focus table", "Asylum-seekers"),
        "oip": pgettext("focus table", "Other people in need of international protection"),
        "idps": pgettext("focus table", "Internally displaced people (IDMC)"),
        TOTAL: pgettext("focus table", "Forcibly displaced, total"),
    }


def focus_table(focus: pd.DataFrame, names: Mapping[str, str], year: int, source: str) -> str:
    frame = focus.reset_index()
    country = _("Country")
    frame.insert(1, country, [names.get(code, code) for code in frame["iso3"]])
    frame.loc[frame["iso3"] == "Total", ["iso3", country]] = ["", _("Total")]
    headers = _focus_headers()
    frame = frame.rename(columns={"iso3": "ISO3", **{c: headers[c] for c in focus.columns}})
    formats = dict.fromkeys([headers[c] for c in focus.columns], count)
    caption = _("People hosted in or displaced inside the focus countries, end of {year}").format(
        year=year
    )
    return table_html(frame, formats, caption, source, name="focus_totals")
