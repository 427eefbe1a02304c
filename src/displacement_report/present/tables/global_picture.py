"""Tables of chapter 1, the global picture: the total and its parts, top hosts and origins, the
focus countries' totals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from displacement_report.analysis.asylum import ARRIVAL_LABELS
from displacement_report.analysis.headline import OIP_EDITION, OIP_FIRST_YEAR, TOTAL, label
from displacement_report.i18n import N_, _, pgettext
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import (
    count,
    country_column,
    global_trends_edition,
    in_millions,
    rounded_change,
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
                end_year: _existing(comparison[[year]])[year].array,
            }
        )
        caption = _("Forcibly displaced people (millions), end of {year}").format(year=year)
        return table_html(
            frame, {end_year: in_millions}, caption, source, name="forcibly_displaced_comparison"
        )
    exact = _("Change, exact")
    levels = _existing(comparison[[baseline, year]])
    before, after = levels[baseline], levels[year]
    frame = pd.DataFrame(
        {
            _("Group"): [label(c) for c in comparison.index],
            end_baseline: before.array,
            end_year: after.array,
            # the change a reader can check: the difference of the printed figures
            change: pd.array(
                [
                    round(rounded_change(b, a)) if pd.notna(b) and pd.notna(a) else pd.NA
                    for b, a in zip(before, after, strict=True)
                ],
                dtype="Int64",
            ),
            change_pct: comparison["change_pct"].where(before.notna() & after.notna()).to_numpy(),
            # the exact change, for the data file
            exact: (after - before).array,
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
    note = _(
        "Each change is the difference of the rounded figures shown; percentages and "
        "totals are computed from the exact counts, so the rounded parts may not add up to "
        "the total."
    )
    return table_html(
        frame,
        formats,
        caption,
        source,
        name="forcibly_displaced_comparison",
        data_only=[exact],
        note=note,
    )


def _existing(levels: pd.DataFrame) -> pd.DataFrame:
    """The levels by group and year, with no figure ('–', not 0) for a group in a year
    before UNHCR counted it: other people in need of international protection before
    2018."""
    levels = levels.astype("Int64")  # whole people in the data file, with gaps
    if "oip" in levels.index:
        for year in levels.columns:
            if int(year) < OIP_FIRST_YEAR:
                levels.loc["oip", year] = pd.NA
    return levels


def ranking_table(ranked: pd.DataFrame, role: str, year: int, source: str) -> str:
    """Top hosts (`role='host'`) or origins (`role='origin'`) from `headline.ranking`: by
    refugees and other people in need of international protection (Global Trends'
    definition) from the year UNHCR counts the second group, with each country's place
    by refugees alone beside it; before that year, by refugees alone."""
    country = _("Country of asylum") if role == "host" else _("Country of origin")
    refugees = _("Refugees")
    if year < OIP_FIRST_YEAR:
        frame = pd.DataFrame(
            {
                _("Rank"): range(1, len(ranked) + 1),
                country: country_column(ranked),
                refugees: ranked["refugees"].to_numpy(),
            }
        )
        formats = {refugees: count}
        caption = (
            _(
                "The {n} countries hosting most refugees under UNHCR's mandate, end of {year} "
                "(other people in need of international protection are counted from {first})"
            )
            if role == "host"
            else _(
                "The {n} countries of origin of most refugees under UNHCR's mandate, end of "
                "{year} (other people in need of international protection are counted from "
                "{first})"
            )
        ).format(n=len(ranked), year=year, first=OIP_FIRST_YEAR)
        return table_html(frame, formats, caption, source, name=f"top_{role}s")
    oip, together = (
        pgettext("ranking table", "Other people in need of international protection"),
        _("Together"),
    )
    alone = pgettext("ranking table", "Rank by refugees alone")
    frame = pd.DataFrame(
        {
            _("Rank"): range(1, len(ranked) + 1),
            country: country_column(ranked),
            refugees: ranked["refugees"].to_numpy(),
            oip: ranked["oip"].to_numpy(),
            together: ranked["total"].to_numpy(),
            alone: ranked["refugee_rank"].to_numpy(),
        }
    )
    formats = {refugees: count, oip: count, together: count, alone: _rank}
    caption = (
        _(
            "The {n} countries hosting most refugees and other people in need of "
            "international protection, end of {year}, as UNHCR has ranked them since {edition}"
        )
        if role == "host"
        else _(
            "The {n} countries of origin of most refugees and other people in need of "
            "international protection, end of {year}, as UNHCR has ranked them since {edition}"
        )
    ).format(n=len(ranked), year=year, edition=global_trends_edition(OIP_EDITION))
    return table_html(frame, formats, caption, source, name=f"top_{role}s")


def _rank(value: Any) -> str:
    """A place in a ranking; a dash for a country that has no place in it."""
    return "–" if value is None or pd.isna(value) else count(value)


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


def focus_table(
    focus: pd.DataFrame,
    names: Mapping[str, str],
    year: int,
    source: str,
    idps_known: bool = True,
) -> str:
    """The focus countries' groups and total. A group without a figure that year has no
    number, not 0: other people in need of international protection read 'not counted
    yet' before UNHCR counted them (2018), and IDPs 'no country figure' where IDMC gives
    only a world total that year (`idps_known` False); the total then adds up the
    groups with a figure, and the data file leaves those cells empty."""
    frame = focus.reset_index()
    country = _("Country")
    frame.insert(1, country, [names.get(code, code) for code in frame["iso3"]])
    frame.loc[frame["iso3"] == "Total", ["iso3", country]] = ["", _("Total")]
    headers = _focus_headers()
    frame = frame.rename(columns={"iso3": "ISO3", **{c: headers[c] for c in focus.columns}})
    formats: dict[str, Callable[..., str]] = dict.fromkeys(
        [headers[c] for c in focus.columns], count
    )
    if "oip" in focus.columns and year < OIP_FIRST_YEAR:
        frame[headers["oip"]] = float("nan")
        formats[headers["oip"]] = _not_counted_yet
    if "idps" in focus.columns and not idps_known:
        frame[headers["idps"]] = float("nan")
        formats[headers["idps"]] = _no_country_figure
    caption = _("People hosted in or displaced inside the focus countries, end of {year}").format(
        year=year
    )
    # the codes stay in the data file; the reader has the country's name
    return table_html(frame, formats, caption, source, name="focus_totals", data_only=["ISO3"])


def _not_counted_yet(_value: Any) -> str:
    return _("not counted yet")


def _no_country_figure(_value: Any) -> str:
    return _("no country figure")


def arrivals_table(arrivals: pd.DataFrame, year: int, source: str) -> str:
    """New arrivals abroad by kind in `year` and the year before, with the change; a
    kind not counted yet says so instead of showing 0."""
    before, now, change = str(year - 1), str(year), _("Change")
    labels = {**ARRIVAL_LABELS, "total": N_("Total")}
    frame = pd.DataFrame(
        {
            _("Kind of arrival"): [_(labels[k]) for k in arrivals.index],
            before: arrivals[year - 1].to_numpy(),
            now: arrivals[year].to_numpy(),
            change: arrivals["change"].to_numpy(),
        }
    )
    formats = {before: _counted, now: _counted, change: _signed_count}
    caption = _("New arrivals abroad, {before} and {year}").format(before=year - 1, year=year)
    return table_html(frame, formats, caption, source, name="newly_displaced")


def _counted(value: Any) -> str:
    """A count, or that the group was not counted yet."""
    return _("not counted yet") if pd.isna(value) else count(value)


def _signed_count(value: Any) -> str:
    if pd.isna(value):
        return "–"
    return ("+" if int(value) > 0 else "") + count(int(value))
