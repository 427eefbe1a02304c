"""The year's news in words, in both editions: each trend the data can show (a fall that
turns a rise, a rise that continues, a first move in the series, no change), the returns
against history, and chapter 1 leading with the change on the year before the change
since the baseline. Sentences written out by hand from the figures given."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.analysis.year_news import Returns, YearChange
from displacement_report.present.narrative import global_picture, year_news

FELL = YearChange(2025, 119_254_738, 124_673_873, 1, 2016, "idps", -4_920_121, 1990)
# 38.5 -> 42.7 million in 2012: 4.2 million (10.9%) more, two years of rises
ROSE_AGAIN = YearChange(2012, 42_745_551, 38_538_591, 2, 2008, "idps", 3_945_880, 1990)
FIRST_RISE = YearChange(1991, 20e6, 18e6, 1, None, "refugees", 2e6, 1990)
SAME = YearChange(2020, 10e6, 10e6, 1, None, "refugees", 0.0, 1990)


def test_a_fall_that_turns_the_trend_names_the_last_fall():
    assert year_news.year_change_sentence(FELL, "@fig:trend") == (
        "In 2025 the number of forcibly displaced people fell for the first time since 2016: "
        "from 124.7 million at the end of 2024 to 119.3 million, 5.4 million (4.3%) fewer "
        "(@fig:trend)."
    )
    with i18n.using("nl"):
        assert year_news.year_change_sentence(FELL) == (
            "In 2025 daalde het aantal gedwongen ontheemden voor het eerst sinds 2016: van "
            "124,7 miljoen eind 2024 naar 119,3 miljoen, 5,4 miljoen (4,3%) minder."
        )


def test_a_rise_that_continues_counts_the_years_and_a_first_move_names_the_series():
    assert year_news.year_change_sentence(ROSE_AGAIN) == (
        "In 2012 the number of forcibly displaced people rose again, 2 years in a row: from "
        "38.5 million at the end of 2011 to 42.7 million, 4.2 million (10.9%) more."
    )
    assert "rose for the first time in the series, which starts in 1990" in (
        year_news.year_change_sentence(FIRST_RISE)
    )
    assert year_news.year_change_sentence(SAME) == (
        "In 2020 the number of forcibly displaced people was the same as a year earlier: "
        "10.0 million."
    )
    assert year_news.largest_part_sentence(SAME, "refugees") == ""


def test_returns_against_their_history():
    record = Returns(2025, 4_362_272, 1_615_821, 1972, False, 1959)
    assert year_news.returns_sentence(record, "@tab:solutions") == (
        "In 2025, 4.36 million refugees returned home, against 1.62 million in 2024: the most "
        "since 1972 (@tab:solutions)."
    )
    ever = Returns(2025, 4_362_272, 1_615_821, None, True, 1959)
    assert year_news.returns_sentence(ever).endswith(
        "the most in UNHCR's solutions table, which starts in 1959."
    )
    # fewer than a million: a count, and no record to claim
    plain = Returns(2012, 525_902, 531_868, None, False, 1959)
    assert year_news.returns_sentence(plain) == (
        "In 2012, 525,902 refugees returned home, against 531,868 in 2011."
    )
    with i18n.using("nl"):
        assert year_news.returns_sentence(record) == (
            "In 2025 keerden 4,36 miljoen vluchtelingen terug naar huis, tegen 1,62 miljoen in "
            "2024: het hoogste aantal sinds 1972."
        )


def test_one_in_n_as_global_trends_writes_it():
    assert year_news.one_in_sentence(67) == "Worldwide, 1 in 67 people was forcibly displaced."
    with i18n.using("nl"):
        assert year_news.one_in_phrase(1234) == "1 op de 1.234 mensen"


def _comparison() -> pd.DataFrame:
    now = {c: 10e6 for c in COMPONENTS} | {"idps": 79.254738e6}  # 119.3 million in all
    before = {c: v / 1.5 for c, v in now.items()}
    now[TOTAL], before[TOTAL] = sum(now.values()), sum(before.values())
    frame = pd.DataFrame({2019: before, 2025: now})
    frame["change"] = frame[2025] - frame[2019]
    frame["change_pct"] = 100 * frame["change"] / frame[2019]
    return frame


def test_chapter_one_leads_with_the_year_then_the_baseline_then_the_parts():
    record = Returns(2025, 4_362_272, 1_615_821, 1972, False, 1959)
    text = global_picture.headline_paragraph(
        _comparison(), 2019, 2025, FELL, record, "@tab:durable_solutions"
    )
    news, parts = text.split("\n\n")
    assert news.startswith(
        "In 2025 the number of forcibly displaced people fell for the first time since 2016: "
        "from 124.7 million at the end of 2024 to 119.3 million, 5.4 million (4.3%) fewer."
    )
    order = [
        "fell for the first time since 2016",
        "The largest change was among people displaced inside their own country: 4.9 million "
        "fewer.",
        "In 2025, 4.36 million refugees returned home",
        "(@tab:durable_solutions).",
        "Compared with the end of 2019 (79.5 million), the total rose by 50%.",
        "At the end of 2025, **119.3 million** people were forcibly displaced. Of these,",
        "The largest group was people displaced inside their own country.",
    ]
    places = [text.index(part) for part in order]
    assert places == sorted(places)
    assert parts.startswith("At the end of 2025") and "Compared with" not in parts
    # without the year before (the first year of the data): the change since the baseline
    alone = global_picture.headline_paragraph(_comparison(), 2019, 2025)
    assert alone.startswith("Compared with the end of 2019 (79.5 million), the total rose")


@pytest.mark.parametrize(("n", "expected"), [(69, "1 in 69 people"), (1234, "1 in 1,234 people")])
def test_the_world_share_sentence_writes_one_in_n(n, expected):
    total = 8.2e9 / n
    assert global_picture.world_share_sentence(total, 8.2e9, 2025).endswith(f": {expected}.")
