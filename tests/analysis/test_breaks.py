"""Breaks: a series that moves by more than 40% in one year, found on hand-made frames
whose answers are worked out by hand, and the note that names them in both editions."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis import breaks
from displacement_report.present.narrative import breaks as note


def test_a_move_is_a_break_when_the_larger_year_is_more_than_1_4_times_the_smaller():
    assert breaks.is_break(100, 141) and not breaks.is_break(100, 140)  # a rise of 40%: no
    # the fall that undoes a 40% rise (140 -> 100, -29%) is the same size: not a break;
    # 76% to 48% (the Dutch total protection rate, 2024 -> 2025): 1.58 times, a break
    assert not breaks.is_break(140, 100) and breaks.is_break(75.6, 47.9)
    # Lebanon's UNRWA refugees, 486,269 -> 228,274: 2.13 times
    assert breaks.is_break(486_269, 228_274)
    # nothing to compare: a group not counted yet, or from that year on
    assert not breaks.is_break(0, 5_000) and not breaks.is_break(float("nan"), 5_000)


def test_breaks_are_found_per_column_in_consecutive_years_only():
    table = pd.DataFrame(
        {
            "refugees": [100.0, 120.0, 60.0, 61.0, 200.0],
            "oip": [0.0, 0.0, 50.0, 50.0, 50.0],  # counted from 2021: no move
        },
        index=[2019, 2020, 2021, 2022, 2024],  # 2023 missing: 2022 -> 2024 is no move
    )
    found = breaks.find_breaks(table, ("LBN",))
    # by hand: 120 -> 60 is twice; 100 -> 120, 60 -> 61 are small; 2022 -> 2024 skipped
    assert found == [breaks.Break(("LBN", "refugees"), 2020, 2021, 120.0, 60.0)]
    assert found[0].change == pytest.approx(-0.5)
    # a group under the smallest size in both years is not looked at
    assert breaks.find_breaks(table, smallest=150) == []
    assert breaks.find_breaks(table[["refugees"]].iloc[::-1], ("LBN",)) == found  # any order


def test_breaks_in_panels_and_since_a_year():
    panels = {
        "LBN": pd.DataFrame({"unrwa_refugees": [486_269, 228_274]}, index=[2024, 2025]),
        "JOR": pd.DataFrame(
            {"unrwa_refugees": [100_000, 300_000, 310_000], "idps": [1, 2, 3]},
            index=[2017, 2018, 2019],
        ),
    }
    found = breaks.breaks_in_panels(panels, ["unrwa_refugees", "idps"], smallest=10_000)
    assert [(b.series, b.year) for b in found] == [
        (("LBN", "unrwa_refugees"), 2025),
        (("JOR", "unrwa_refugees"), 2018),
    ]
    recent, earlier = breaks.since(found, 2019)
    assert [b.series for b in recent] == [("LBN", "unrwa_refugees")] and earlier == 1


LEBANON = breaks.Break(("LBN", "unrwa_refugees"), 2024, 2025, 486_269.0, 228_274.0)
COLUMNS = {"unrwa_refugees": "Palestine refugees under UNRWA's mandate"}


def test_the_note_names_each_break_and_says_no_reason_was_stated():
    label = note.panel_labels({"LBN": "Lebanon"}, COLUMNS)
    text = note.breaks_note([LEBANON], label, 2019, earlier=3, source="unhcr", smallest=10_000)
    assert text == (
        "*Large changes in one year (one year's figure more than 1.4 times the other's) "
        "from 2019 on: Palestine refugees under UNRWA's mandate in "
        "Lebanon: 486,269 (2024) to 228,274 (2025). UNHCR's data show this change without a "
        "stated reason. Groups of fewer than 10,000 people in both years are not listed. "
        "Before 2019 the exhibit shows 3 more changes of this size.*"
    )
    # a reason a source states is given instead
    reason = {(LEBANON.series, 2025): "UNRWA counted residents, not registrations"}
    explained = note.breaks_note([LEBANON], label, 2019, reasons=reason)
    assert "228,274 (2025) (UNRWA counted residents, not registrations)." in explained
    assert "without a stated reason" not in explained
    assert note.breaks_note([], label, 2019) == ""
    # one series' breaks in years that follow each other read as one run
    egypt = [
        breaks.Break(("EGY", "unrwa_refugees"), 2022, 2023, 63_881.0, 232_244.0),
        breaks.Break(("EGY", "unrwa_refugees"), 2023, 2024, 232_244.0, 638_948.0),
    ]
    run = note.breaks_note(egypt, note.panel_labels({"EGY": "Egypt"}, COLUMNS), 2019)
    assert "in Egypt: 63,881 (2022) to 232,244 (2023) to 638,948 (2024). UNHCR's" in run
    assert "these changes without a stated reason" in run


SUDAN_IDPS = breaks.Break(("idps",), 2022, 2023, 3_553_000.0, 9_053_000.0)
LEBANON_UNRWA = breaks.Break(("unrwa_refugees",), 2024, 2025, 486_269.0, 228_274.0)
LEBANON_IDPS = breaks.Break(("idps",), 2023, 2024, 90_000.0, 900_000.0)
PROFILE_COLUMNS = {"idps": "Internally displaced people (IDMC)"} | COLUMNS


@pytest.mark.parametrize(
    ("found", "named"),
    [
        ([SUDAN_IDPS], "UNHCR's data (with IDMC's figures as UNHCR publishes them) show"),
        ([LEBANON_UNRWA], "UNHCR's data (with UNRWA's figures as UNHCR publishes them) show"),
        (
            [LEBANON_IDPS, LEBANON_UNRWA],
            "UNHCR's data (with UNRWA's and IDMC's figures as UNHCR publishes them) show",
        ),
        ([breaks.Break(("refugees",), 2024, 2025, 1.0, 2.0)], "UNHCR's data show"),
    ],
)
def test_a_factsheet_s_note_names_only_the_partners_whose_series_changed(found, named):
    """Sudan's and Colombia's notes named UNRWA, which has no figure there."""
    label = note.column_labels(PROFILE_COLUMNS | {"refugees": "Refugees"})
    text = note.breaks_note(found, label, 2019, source="unhcr_with_partners")
    assert named in text


def test_after_a_change_given_its_reason_the_note_names_the_change_without_one():
    """Lebanon's note said 'the other change' and left the reader to find which: it is
    named by its year where that tells it apart, else by its series."""
    label = note.column_labels(PROFILE_COLUMNS)
    reasons = {(LEBANON_UNRWA.series, 2025): "UNRWA moved 495,764 to no host territory"}
    text = note.breaks_note(
        [LEBANON_IDPS, LEBANON_UNRWA], label, 2019, source="unhcr_with_partners", reasons=reasons
    )
    assert text.endswith(
        "UNHCR's data (with IDMC's figures as UNHCR publishes them) show the change of 2024 "
        "without a stated reason.*"
    )
    same_year = breaks.Break(("idps",), 2024, 2025, 900_000.0, 64_000.0)
    text = note.breaks_note(
        [LEBANON_UNRWA, same_year], label, 2019, source="unhcr_with_partners", reasons=reasons
    )
    assert text.endswith(
        "UNHCR's data (with IDMC's figures as UNHCR publishes them) show the change in "
        "internally displaced people (IDMC) without a stated reason.*"
    )
    with i18n.using("nl"):
        dutch = note.breaks_note(
            [LEBANON_UNRWA, same_year],
            note.column_labels({"idps": "Binnenlands ontheemden (IDMC)"} | COLUMNS),
            2019,
            source="unhcr_with_partners",
            reasons=reasons,
        )
    assert dutch.endswith(
        "De gegevens van UNHCR (met de cijfers van IDMC zoals UNHCR ze publiceert) tonen de "
        "verandering bij binnenlands ontheemden (IDMC) zonder opgegeven reden.*"
    )


def test_the_note_in_dutch_and_for_a_rate():
    rate = breaks.Break(("total_protection_rate",), 2024, 2025, 75.56, 47.9)
    label = note.column_labels({"total_protection_rate": "Total protection rate"})
    with i18n.using("nl"):
        text = note.breaks_note([rate], label, 2019, value=note.whole_percent)
        lebanon = note.breaks_note([LEBANON], note.panel_labels({"LBN": "Libanon"}, COLUMNS), 2019)
    assert "76% (2024) tot 48% (2025)" in text and "1,4 keer" in text
    assert "De gegevens van UNHCR tonen deze verandering zonder opgegeven reden." in text
    assert "in Libanon: 486.269 (2024) tot 228.274 (2025)" in lebanon


def _stateless(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["year", "coa_iso", "stateless"])


def test_the_stateless_total_lists_every_break_and_the_country_that_moved_most():
    """Nepal's report of 2006 (400,000 -> 3,400,000) and Thailand's first of 2008, in
    small: each break of the total comes with the country whose count moved most."""
    from displacement_report.analysis import stateless
    from displacement_report.present.narrative import protracted_and_solutions as words

    population = _stateless(
        [
            (2005, "NPL", 400),
            (2005, "MMR", 600),
            (2006, "NPL", 3400),
            (2006, "MMR", 700),
            (2007, "NPL", 3400),
            (2007, "MMR", 700),
            (2008, "NPL", 3400),
            (2008, "MMR", 700),
            (2008, "THA", 3500),
        ]
    )
    by_year = stateless.stateless_by_year(population, 2004, 2008)
    found = stateless.breaks(by_year)
    assert [(b.before_year, b.year, b.before, b.after) for b in found] == [
        (2005, 2006, 1000, 4100),
        (2007, 2008, 4100, 7600),
    ]
    movers = stateless.break_movers(population, found)
    assert [(b.series, b.before, b.after) for b in movers] == [
        (("NPL",), 400, 3400),
        (("THA",), 0, 3500),
    ]
    text = words.stateless_breaks_note(by_year, found, movers)
    assert "from 2005 on: Stateless people: 1,000 (2005) to 4,100 (2006)" in text
    assert "UNHCR's data show these changes without a stated reason." in text
    assert "moved most each time: Nepal: 400 (2005) to 3,400 (2006); Thailand: 0 (2007)" in text
    with i18n.using("nl"):
        dutch = words.stateless_breaks_note(by_year, found, movers)
    assert "zonder opgegeven reden" in dutch and "Thailand: 0 (2007) tot 3.500 (2008)" in dutch
    quiet = stateless.stateless_by_year(population[population["coa_iso"] == "MMR"], 2004, 2008)
    assert words.stateless_breaks_note(quiet, stateless.breaks(quiet), []) == ""
