"""The rule for a one-page factsheet (`key_figures.almost_nobody`), on hand-made frames
shaped like `headline.hosted_over_time`."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis import headline, key_figures
from displacement_report.analysis.key_figures import ALMOST_NOBODY, Largest


def _over_time(rows: dict[int, dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame = frame.reindex(columns=list(headline.COMPONENTS)).astype("Int64")
    frame[headline.TOTAL] = frame.sum(axis=1, min_count=1).astype("Int64")
    return frame.rename_axis("year")


def test_fewer_than_the_threshold_in_every_group_and_year_is_almost_nobody():
    # St Kitts and Nevis as the data have it: at most 60 OIP (2021), 5 refugees in 2025
    frame = _over_time(
        {
            2017: {"refugees": 5, "asylum_seekers": 5},
            2021: {"refugees": 10, "oip": 60},
            2022: {},
            2025: {"refugees": 5, "asylum_seekers": 0},
        }
    )
    assert key_figures.almost_nobody(frame, 2000, 2025)
    assert key_figures.largest_recorded(frame, 2000, 2025) == Largest("oip", 2021, 60)


def test_one_group_at_the_threshold_in_one_year_shown_makes_a_full_factsheet():
    at = ALMOST_NOBODY
    frame = _over_time({2010: {"idps": at}, 2025: {"refugees": 3}})
    assert not key_figures.almost_nobody(frame, 2000, 2025)  # IDPs count like any group
    assert key_figures.almost_nobody(frame, 2011, 2025)  # 2010 is not shown from 2011
    assert key_figures.almost_nobody(frame, 2000, 2025, fewer_than=at + 1)
    unrwa = _over_time({2025: {"unrwa_refugees": 5_000}})
    assert not key_figures.almost_nobody(unrwa, 2000, 2025)


def test_years_after_the_report_year_do_not_count():
    frame = _over_time({2012: {"refugees": 4}, 2020: {"refugees": 9_000}})
    assert key_figures.almost_nobody(frame, 2000, 2012)
    assert key_figures.largest_recorded(frame, 2000, 2012) == Largest("refugees", 2012, 4)


def test_nobody_recorded_is_almost_nobody_with_no_largest_figure():
    empty = pd.DataFrame(columns=[*headline.COMPONENTS, headline.TOTAL], dtype="Int64")
    assert key_figures.almost_nobody(empty.rename_axis("year"), 2000, 2025)  # Niue
    zeros = _over_time({2024: {"refugees": 0}, 2025: {}})  # zeros and missing figures
    assert key_figures.largest_recorded(zeros, 2000, 2025) is None
    assert key_figures.almost_nobody(zeros, 2000, 2025)


def test_the_rule_on_the_real_data_splits_the_hosts_as_documented(real_dir):
    """The Bahamas stay under 100 in every group and year 2000-2025, Sint Maarten does
    not (the comment on ALMOST_NOBODY); derived here from the CSV files."""
    population = pd.read_csv(real_dir / "population.csv")
    unrwa = pd.read_csv(real_dir / "unrwa.csv")
    idmc = pd.read_csv(real_dir / "idmc.csv")
    for code, few in (("BHS", True), ("SXM", False), ("KNA", True), ("MLT", False)):
        rows = population[(population["coa_iso"] == code) & population["year"].between(2000, 2025)]
        largest = rows.groupby("year")[["refugees", "asylum_seekers", "oip"]].sum().max().max()
        assert (largest < ALMOST_NOBODY) == few, code
        frame = headline.hosted_over_time(population, unrwa, idmc, code)
        assert key_figures.almost_nobody(frame, 2000, 2025) == few, code
