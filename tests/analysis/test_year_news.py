"""The year's news found in the data: the change on the year before and the trend it
turns or continues, the group that moved most, the year's returns against history, and
'1 in N'. Each answer is worked out by hand from the small frames below."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.analysis.year_news import one_in, returns_in, year_change


def _by_year(idps: dict[int, float], refugees: float = 10.0) -> pd.DataFrame:
    """A `displacement_by_year` frame: refugees constant, IDPs as given, the rest 1 each."""
    rows = {}
    for year, value in idps.items():
        row = dict.fromkeys(COMPONENTS, 1.0)
        row["refugees"], row["idps"] = refugees, value
        row[TOTAL] = sum(row[c] for c in COMPONENTS)
        rows[year] = row
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("year")


# totals (IDPs + 13): 2015 23, 2016 21 (fell), 2017 24, 2018 26, 2019 29 (rose 3 years),
# 2020 25 (fell: the first fall since 2016)
SERIES = {2015: 10, 2016: 8, 2017: 11, 2018: 13, 2019: 16, 2020: 12}


def test_a_fall_after_years_of_rises_is_the_first_since_the_last_fall():
    change = year_change(_by_year(SERIES), 2020)
    assert change is not None
    assert (change.total, change.previous, change.change) == (25.0, 29.0, -4.0)
    assert change.change_pct == pytest.approx(-100 * 4 / 29)
    assert change.direction == -1 and change.run == 1 and change.last_alike == 2016
    assert change.largest_part == "idps" and change.largest_part_change == -4.0
    assert change.first_year == 2015


def test_a_rise_that_continues_counts_its_years_in_a_row():
    change = year_change(_by_year(SERIES), 2019)
    assert change is not None
    assert change.direction == 1 and change.run == 3  # 2017, 2018, 2019
    # the first rise after the fall of 2016 has no earlier rise in the series
    first_rise = year_change(_by_year(SERIES), 2017)
    assert first_rise is not None and first_rise.run == 1 and first_rise.last_alike is None


def test_the_group_that_moved_most_is_named_whichever_way_it_moved():
    frame = _by_year({2020: 10, 2021: 11})
    frame.loc[2021, "refugees"] = 4.0  # refugees -6, IDPs +1: the total falls by 5
    frame.loc[2021, TOTAL] = frame.loc[2021, list(COMPONENTS)].sum()
    change = year_change(frame, 2021)
    assert change is not None
    assert change.largest_part == "refugees" and change.largest_part_change == -6.0
    assert change.change == -5.0


def test_no_change_without_the_year_before_and_none_across_a_gap():
    assert year_change(_by_year(SERIES), 2015) is None
    gap = _by_year({2010: 5, 2012: 9, 2013: 7})
    assert year_change(gap, 2012) is None
    change = year_change(gap, 2013)
    # 2013 fell; the step 2010 -> 2012 spans a gap and is no year's change
    assert change is not None and change.run == 1 and change.last_alike is None


def test_an_unchanged_total_has_no_trend_to_turn():
    change = year_change(_by_year({2020: 5, 2021: 5}), 2021)
    assert change is not None and change.direction == 0 and change.last_alike is None


def _solutions(per_year: dict[int, float | None]) -> pd.DataFrame:
    """Two rows per year (two origins), so the test also checks that they are added."""
    rows = []
    for year, returned in per_year.items():
        half = None if returned is None else returned / 2
        rows += [
            {"year": year, "coo_iso": "AAA", "returned_refugees": half},
            {"year": year, "coo_iso": "BBB", "returned_refugees": half},
        ]
    return pd.DataFrame(rows)


def test_returns_name_the_last_year_with_as_many_when_it_is_long_ago():
    table = _solutions({1972: 900, 1973: 10, 2000: 300, 2023: 100, 2024: 160, 2025: 400})
    found = returns_in(table, 2025)
    assert found is not None
    assert (found.returned, found.previous) == (400, 160)
    assert found.most_since == 1972 and not found.on_record
    assert found.first_year == 1972


def test_a_rise_on_a_recent_year_is_not_a_record():
    # 2021 had more than 2025 and is only four years back: no 'most since'
    found = returns_in(_solutions({2015: 50, 2021: 500, 2024: 100, 2025: 400}), 2025)
    assert found is not None and found.most_since is None and not found.on_record


def test_the_most_returns_in_the_table_are_on_record():
    found = returns_in(_solutions({2010: 5, 2011: 7, 2012: 9}), 2012)
    assert found is not None and found.on_record and found.most_since is None
    only = returns_in(_solutions({2012: 9}), 2012)
    assert only is not None and only.previous is None and not only.on_record
    assert returns_in(_solutions({2012: 9}), 2013) is None
    assert returns_in(_solutions({2011: 3, 2012: None}), 2012) is None  # no figure, not 0


def test_one_in_n_as_global_trends_rounds_it():
    assert one_in(123.2e6, 8.25e9) == 67  # 66.96: '1 in 67'
    assert one_in(119.3e6, 8.22e9) == 69  # 68.9
    assert one_in(0, 8e9) is None
    assert one_in(1e6, float("nan")) is None
