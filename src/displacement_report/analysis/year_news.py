"""The year's news: what changed on the year before, as UNHCR's Global Trends leads with it.

Pure functions over `headline.displacement_by_year` and the solutions table; every
statement ('the first fall since 2016', 'the most returns since 1972') is found in the
data for the year asked, never written in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, TOTAL

#: A record ('the most since 1972') is news only when it reaches this many years back:
#: a year that merely beats the year before is an ordinary rise.
RECORD_MIN_YEARS = 5


def _direction(change: float) -> int:
    return 1 if change > 0 else -1 if change < 0 else 0


@dataclass(frozen=True)
class YearChange:
    """The forcibly displaced total of `year` against the year before."""

    year: int
    total: float
    previous: float
    #: Consecutive years, this one included, in which the total moved the same way.
    run: int
    #: For a change that turns the trend (run == 1): the last earlier year that moved
    #: the same way as this one (None: none in the data).
    last_alike: int | None
    #: The component that changed most, in people (either way), and by how much.
    largest_part: str
    largest_part_change: float
    first_year: int  # the first year of the series

    @property
    def change(self) -> float:
        return self.total - self.previous

    @property
    def change_pct(self) -> float:
        return 100 * self.change / self.previous if self.previous else float("nan")

    @property
    def direction(self) -> int:
        """+1 rose, -1 fell, 0 the same."""
        return _direction(self.change)


def year_change(by_year: pd.DataFrame, year: int) -> YearChange | None:
    """The change on the year before for `year` (`by_year`: `displacement_by_year`);
    None when the year before is not covered."""
    if year not in by_year.index or year - 1 not in by_year.index:
        return None
    totals = by_year[TOTAL].astype(float)
    # only steps between consecutive years count (the covered years may have gaps)
    moves = {
        y: _direction(totals.loc[y] - totals.loc[y - 1])
        for y in totals.index
        if y - 1 in totals.index and y <= year
    }
    this = moves[year]
    run = 0
    while year - run in moves and moves[year - run] == this:
        run += 1
    alike = [y for y, step in moves.items() if y <= year - run and step == this]
    parts = (by_year.loc[year, list(COMPONENTS)] - by_year.loc[year - 1, list(COMPONENTS)]).astype(
        float
    )
    largest = str(parts.abs().idxmax())
    moved: Any = parts.loc[largest]  # one cell
    return YearChange(
        year=year,
        total=float(totals.loc[year]),
        previous=float(totals.loc[year - 1]),
        run=run,
        last_alike=max(alike) if this and alike else None,
        largest_part=largest,
        largest_part_change=float(moved),
        first_year=int(min(by_year.index)),
    )


@dataclass(frozen=True)
class Returns:
    """Refugees who returned home in `year` (UNHCR's solutions table, world total)."""

    year: int
    returned: int
    previous: int | None  # the year before, where the table has it
    #: The last earlier year with at least as many returns, if that is at least
    #: RECORD_MIN_YEARS back ('the most since 1972'); None otherwise.
    most_since: int | None
    #: True when no earlier year of the table had as many.
    on_record: bool
    first_year: int  # the table's first year


def returns_in(solutions: pd.DataFrame, year: int) -> Returns | None:
    """Returns of `year` against the year before and the table's whole history; None
    when the table has no row for `year`."""
    per_year = solutions.groupby("year")["returned_refugees"].sum(min_count=1).dropna()
    if year not in per_year.index:
        return None
    returned = int(per_year.loc[year])
    before = per_year.loc[: year - 1]
    at_least = before[before >= returned]
    most_since = None
    if len(at_least) and year - int(at_least.index.max()) >= RECORD_MIN_YEARS:
        most_since = int(at_least.index.max())
    return Returns(
        year=year,
        returned=returned,
        previous=int(per_year.loc[year - 1]) if year - 1 in per_year.index else None,
        most_since=most_since,
        on_record=bool(len(before)) and at_least.empty and returned > 0,
        first_year=int(per_year.index.min()),
    )


def one_in(total: float, world_population: float) -> int | None:
    """'1 in 67': how many people of the world's population there are for each
    forcibly displaced person, rounded as Global Trends writes it; None without a
    world population (NaN) or without anybody displaced."""
    if not total or world_population != world_population:
        return None
    return round(world_population / total)
