"""Breaks: a series an exhibit shows (a country's group, a rate) that moves by more than
40% from one year to the next. A reader who sees such a jump without a word stops
trusting the rest, so every exhibit that shows series over the years notes its breaks
(`present.narrative.breaks`).

A move counts in both directions alike: the larger of the two years is more than 1.4
times the smaller, so a rise of 40% and the fall that undoes it (-29%) are the same
size of break. A value that is missing or zero in either year is no move (a group not
counted yet, or counted from that year on), and years that do not follow each other are
not compared.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

#: A break: the larger of two consecutive years more than 1 + THRESHOLD times the smaller.
THRESHOLD = 0.4
#: Groups of people smaller than this in both years are not looked at: on a chart in
#: millions their doubling is invisible, and listing every one would hide the breaks a
#: reader does see.
SMALLEST_GROUP = 10_000


@dataclass(frozen=True)
class Break:
    """One series' move from `before_year` to `year` (the next year)."""

    series: tuple[str, ...]  # the exhibit's keys of the series: (panel, column) or (column,)
    before_year: int
    year: int
    before: float
    after: float

    @property
    def change(self) -> float:
        """The relative change from the earlier year (-0.53 for a fall of 53%)."""
        return self.after / self.before - 1


def is_break(before: float, after: float, threshold: float = THRESHOLD) -> bool:
    """Whether a move from `before` to `after` is a break (both positive, the larger more
    than 1 + `threshold` times the smaller)."""
    if pd.isna(before) or pd.isna(after) or before <= 0 or after <= 0:
        return False
    return max(before, after) > (1 + threshold) * min(before, after)


def find_breaks(
    table: pd.DataFrame,
    keys: tuple[str, ...] = (),
    threshold: float = THRESHOLD,
    smallest: float = 0.0,
) -> list[Break]:
    """The breaks of each column of `table` (one row per year, index ascending or not),
    in the order of the columns, then of the years. `keys` go before the column's name
    in each break's `series`; a move whose two values are both below `smallest` is not
    a break (a group of a few hundred people doubling)."""
    found = []
    years = sorted(int(y) for y in table.index)
    ordered = table.set_axis([int(y) for y in table.index]).loc[years]
    for column in table.columns:
        values = ordered[column].astype("Float64").astype(float)
        for before_year, year in itertools.pairwise(years):
            if year != before_year + 1:
                continue
            before, after = float(values.loc[before_year]), float(values.loc[year])
            if max(before, after) < smallest or not is_break(before, after, threshold):
                continue
            found.append(Break((*keys, str(column)), before_year, year, before, after))
    return found


def breaks_in_panels(
    panels: Mapping[str, pd.DataFrame],
    columns: Iterable[str],
    threshold: float = THRESHOLD,
    smallest: float = 0.0,
) -> list[Break]:
    """`find_breaks` of `columns` in each panel of a chart of small multiples (a
    country's table per panel), each break keyed (panel, column)."""
    chosen = list(columns)
    found = []
    for panel, table in panels.items():
        present = [c for c in chosen if c in table.columns]
        found += find_breaks(table[present], (panel,), threshold, smallest)
    return found


def since(found: Iterable[Break], year: int) -> tuple[list[Break], int]:
    """The breaks from `year` on (a move out of `year` or a later year: the period the
    report reads from its baseline), and how many the series show before."""
    listed = list(found)
    recent = [b for b in listed if b.before_year >= year]
    return recent, len(listed) - len(recent)
