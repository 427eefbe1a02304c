"""The key figures at the top of a country profile: each group the country hosts or
that is displaced inside it, at the end of the report year and the change on the
year before.

Read from `headline.hosted_over_time`, so the figures are those of the profile's chart.
A figure is None, with the reason, where the data holds none: a year no source
mentions the country, IDPs in years when IDMC gives only a world total (before 2009),
other people in need of international protection before UNHCR counted them (2018).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from displacement_report.analysis.breaks import Break
from displacement_report.analysis.headline import OIP_FIRST_YEAR

#: Why a year has no figure for a group.
NoFigure = Literal["not_recorded", "idmc_world_only", "oip_not_counted"]

#: The groups shown, in order; UNRWA's only for a country that hosts Palestine refugees.
GROUPS = ("refugees", "unrwa_refugees", "asylum_seekers", "oip", "idps")


#: The key number of the share of refugees and OIP from a neighbouring country (the
#: factsheet's neighbours section; the profiles' table's column). Here, not with the
#: factsheet's tables, so the index page is written without importing the charts.
NEIGHBOURING_SHARE = "neighbouring_share"


@dataclass(frozen=True)
class KeyFigure:
    """One group in one country: its figure for `year` and for the year before."""

    group: str  # a column of `hosted_over_time` (a key of headline.COMPONENTS)
    year: int
    value: int | None
    previous: int | None
    missing: NoFigure | None = None  # why `value` is None
    previous_missing: NoFigure | None = None  # why `previous` is None

    @property
    def change(self) -> int | None:
        """People more (positive) or fewer (negative) than at the end of the year before."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_pct(self) -> float | None:
        """The change in percent of the year before; None where that was 0 or unknown."""
        if self.change is None or not self.previous:
            return None
        return 100 * self.change / self.previous


def figure_for(
    over_time: pd.DataFrame, group: str, year: int
) -> tuple[int | None, NoFigure | None]:
    """The group's figure in `year` and, where there is none, why."""
    if group == "oip" and year < OIP_FIRST_YEAR:
        return None, "oip_not_counted"
    if year not in over_time.index:
        return None, "not_recorded"
    value: Any = over_time.loc[year, group]  # an Int64 cell: a number or <NA>
    if pd.isna(value):
        return None, "idmc_world_only" if group == "idps" else "not_recorded"
    return int(value), None


def key_figures(over_time: pd.DataFrame, year: int) -> list[KeyFigure]:
    """The profile's tiles: refugees, Palestine refugees under UNRWA's mandate (only
    where the country hosts any in `year`), asylum-seekers, other people in need of
    international protection, IDPs; each with the year before. `over_time` is
    `headline.hosted_over_time` for one country."""
    figures = []
    for group in GROUPS:
        value, missing = figure_for(over_time, group, year)
        if group == "unrwa_refugees" and not value:
            continue
        previous, previous_missing = figure_for(over_time, group, year - 1)
        figures.append(KeyFigure(group, year, value, previous, missing, previous_missing))
    return figures


def _figure(figures: list[KeyFigure], group: str) -> int | None:
    """The tiles' figure for `group` in their year, None where there is none."""
    return next((f.value for f in figures if f.group == group and f.value is not None), None)


def has_figure(figures: list[KeyFigure], group: str) -> bool:
    """Whether `group` has a figure (zero included) in the tiles' year: where the
    tiles say "no figure", what is counted with it counts without it."""
    return _figure(figures, group) is not None


def figure_value(figures: list[KeyFigure], group: str) -> int:
    """The tiles' figure for `group`, 0 where there is none (no tile, or no figure)."""
    return int(_figure(figures, group) or 0)


#: A host whose every group stays below this many people in every year a factsheet
#: shows is one UNHCR records almost nobody in: its factsheet is one page of sentences.
#: 100 is the size under which the profile already gives no percentages (the age and
#: sex pyramid, `demographics.PYRAMID_MIN_PEOPLE`); below it, every exhibit of the full
#: factsheet shows bars of a few dozen people, a table of one or two rows, a share of
#: neighbours of a handful, none of which says more than a sentence can (St Kitts and
#: Nevis: 60 people at most, in 2021; Niue: nobody). The Bahamas (98 at most) are the
#: largest such host in 2025, Sint Maarten (144) the smallest above.
ALMOST_NOBODY = 100


@dataclass(frozen=True)
class Largest:
    """The largest figure of one group in one year of the years shown."""

    group: str
    year: int
    value: int


def largest_recorded(over_time: pd.DataFrame, start: int, year: int) -> Largest | None:
    """The largest figure of any group (`headline.COMPONENTS`) from `start` to `year`,
    the latest year of a tie; None where no group has a figure above 0 in those years."""
    shown = over_time.loc[start:year, list(GROUPS)].astype("Float64")
    best: Largest | None = None
    for when, row in shown.iterrows():
        for group, value in row.items():
            if pd.isna(value) or value <= 0:
                continue
            if best is None or value >= best.value:
                best = Largest(str(group), int(str(when)), int(value))
    return best


def almost_nobody(
    over_time: pd.DataFrame, start: int, year: int, fewer_than: int = ALMOST_NOBODY
) -> bool:
    """Whether every group (refugees, Palestine refugees under UNRWA's mandate,
    asylum-seekers, OIP, IDPs) is below `fewer_than` people in every year from `start`
    to `year` (a year or group without a figure counts as nobody): the rule for a
    one-page factsheet. `over_time` is `headline.hosted_over_time` for one country."""
    largest = largest_recorded(over_time, start, year)
    return largest is None or largest.value < fewer_than


#: The solutions table's flows that can state why a group fell: returns home.
RETURNS = {"refugees": "returned_refugees", "idps": "returned_idps"}


def returns_beside_falls(
    found: list[Break], solutions: pd.DataFrame, country: str
) -> dict[tuple[tuple[str, ...], int], int]:
    """For each fall of refugees or IDPs among `found` (breaks of `country`'s groups,
    series keyed (group,)), the returns UNHCR's solutions table records in the year of
    the fall: refugees who left `country` to go home, IDPs who went home inside it; only
    where there were any. Keyed as `present.narrative.breaks.breaks_note` reads reasons."""
    beside = {}
    for found_break in found:
        group = found_break.series[-1]
        if group not in RETURNS or found_break.after >= found_break.before:
            continue
        rows = solutions[
            (solutions["year"] == found_break.year) & (solutions["coa_iso"] == country)
        ]
        returned = rows[RETURNS[group]].sum(min_count=1)
        if pd.notna(returned) and returned > 0:
            beside[(found_break.series, found_break.year)] = int(returned)
    return beside


#: UNRWA's host code for Palestine refugees it places in no host territory (a row that
#: first appears in 2025, with 495,764 people).
UNKNOWN_HOST = "UNK"


@dataclass(frozen=True)
class UnknownHost:
    """UNRWA's table in a year that first has refugees with no host territory."""

    year: int
    unknown: int  # placed in no host territory that year
    total_before: int  # UNRWA's total the year before
    total: int  # UNRWA's total that year


def unknown_host_beside_falls(
    found: list[Break], unrwa: pd.DataFrame
) -> dict[tuple[tuple[str, ...], int], UnknownHost]:
    """For each fall of Palestine refugees under UNRWA's mandate among `found` (series
    keyed (group,)), UNRWA's row of refugees in no host territory where it is new in the
    year of the fall (Lebanon and Syria 2025: together 482,755 fewer, while 495,764 are
    first placed in no host territory and UNRWA's total rises by 0.9%): the falls are at
    least in part a move in the source, not people leaving."""
    beside = {}
    for found_break in found:
        if found_break.series[-1] != "unrwa_refugees" or found_break.after >= found_break.before:
            continue
        year = found_break.year
        unknown = unrwa[unrwa["coa_iso"] == UNKNOWN_HOST].groupby("year")["total"].sum()
        now, before = unknown.get(year, 0), unknown.get(year - 1, 0)
        if not (now > 0 and before == 0):
            continue
        totals = unrwa.groupby("year")["total"].sum()
        beside[(found_break.series, year)] = UnknownHost(
            year, int(now), int(totals.get(year - 1, 0)), int(totals.get(year, 0))
        )
    return beside
