"""The note under a factsheet's history chart on the groups that move by more than 40% in
one year (the report's rule, `analysis.breaks`): the returns home as the reason where
UNHCR's solutions table records any in the year of a fall, otherwise that the data show
the change without a stated reason. Hand-made frames, Kenya's IDPs from the CSV files,
and Jordan's factsheet of the shared build."""

from __future__ import annotations

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from displacement_report.analysis import breaks, headline, key_figures
from displacement_report.present.narrative import breaks as breaks_note
from displacement_report.present.narrative import country_profile as words


def _lebanon() -> pd.DataFrame:
    rows = {
        2023: {
            "refugees": 780_000,
            "unrwa_refugees": 490_000,
            "asylum_seekers": 3_000,
            "idps": 74_000,
        },
        2024: {
            "refugees": 760_000,
            "unrwa_refugees": 486_269,
            "asylum_seekers": 3_000,
            "idps": 985_000,
        },
        2025: {
            "refugees": 535_168,
            "unrwa_refugees": 228_274,
            "asylum_seekers": 9_000,
            "idps": 64_000,
        },
    }
    frame = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=list(headline.COMPONENTS))
    return frame.astype("Int64").rename_axis("year")


SOLUTIONS = pd.DataFrame(
    {
        "year": [2025, 2025, 2024],
        "coa_iso": ["LBN", "LBN", "LBN"],
        "coo_iso": ["SYR", "LBN", "SYR"],
        "returned_refugees": [465_578, pd.NA, 1_000],
        "returned_idps": [pd.NA, 60_365, 50],
    }
)


def _note(frame: pd.DataFrame, solutions: pd.DataFrame, name: str) -> str:
    recent, earlier = breaks.since(breaks.find_breaks(frame, smallest=breaks.SMALLEST_GROUP), 2019)
    beside = key_figures.returns_beside_falls(recent, solutions, "LBN")
    return breaks_note.breaks_note(
        recent,
        breaks_note.column_labels(headline.COMPONENTS),
        2019,
        earlier,
        source="unhcr_with_partners",
        reasons=words.returns_reasons(beside),
        smallest=breaks.SMALLEST_GROUP,
    )


def test_falls_with_returns_in_the_year_give_them_as_the_reason():
    found = breaks.find_breaks(_lebanon(), smallest=breaks.SMALLEST_GROUP)
    beside = key_figures.returns_beside_falls(found, SOLUTIONS, "LBN")
    # the rise of IDPs in 2024 has no reason, even with returns that year
    assert beside == {(("refugees",), 2025): 465_578, (("idps",), 2025): 60_365}
    assert _note(_lebanon(), SOLUTIONS, "Lebanon") == (
        "*Large changes in one year (one year's figure more than 1.4 times the other's) "
        "from 2019 on: Refugees under UNHCR's mandate: 760,000 (2024) to "
        "535,168 (2025) (465,578 returned home in 2025, UNHCR's solutions table); Palestine "
        "refugees under UNRWA's mandate: 486,269 (2024) to 228,274 (2025); Internally "
        "displaced people (IDMC): 74,000 (2023) to 985,000 (2024) to 64,000 (2025) (60,365 "
        "returned home in 2025, UNHCR's solutions table). UNHCR's data (with UNRWA's and "
        "IDMC's figures as UNHCR publishes them) show the changes in Palestine refugees "
        "under UNRWA's mandate and internally displaced people (IDMC) without a stated "
        "reason. Groups of fewer than 10,000 people in both years are not listed.*"
    )  # asylum-seekers tripled, but below 10,000: not listed


def test_without_returns_recorded_no_reason_is_made_up():
    none = SOLUTIONS.iloc[0:0]
    note = _note(_lebanon(), none, "Lebanon")
    assert "returned home" not in note and "these changes without a stated reason" in note
    steady = _lebanon().assign(refugees=700_000, unrwa_refugees=480_000, idps=pd.NA)
    assert _note(steady, SOLUTIONS, "Lebanon") == ""


def test_kenya_s_idps_falling_in_2025_is_a_break_on_the_real_data(real_dir):
    idmc = pd.read_csv(real_dir / "idmc.csv")
    kenya = idmc[idmc["coa_iso"] == "KEN"].groupby("year")["total"].sum()
    before, after = int(kenya.loc[2024]), int(kenya.loc[2025])
    assert max(before, after) > 1.4 * min(before, after)  # the CSV's own fall
    population = pd.read_csv(real_dir / "population.csv")
    unrwa = pd.read_csv(real_dir / "unrwa.csv")
    over_time = headline.hosted_over_time(population, unrwa, idmc, "KEN").loc[2000:2025]
    found = breaks.find_breaks(over_time[list(headline.COMPONENTS)], smallest=10_000)
    assert breaks.Break(("idps",), 2024, 2025, before, after) in found


@pytest.mark.notebook
def test_jordan_s_factsheet_names_its_breaks_under_the_history_chart(profiles, real_dir):
    population = pd.read_csv(real_dir / "population.csv")
    jordan = population[population["coa_iso"] == "JOR"].groupby("year")["refugees"].sum()
    before, after = int(jordan.loc[2024]), int(jordan.loc[2025])
    assert max(before, after) > 1.4 * min(before, after) and max(before, after) >= 10_000
    solutions = pd.read_csv(real_dir / "solutions.csv")
    left = solutions[(solutions["year"] == 2025) & (solutions["coa_iso"] == "JOR")]
    returned = int(left["returned_refugees"].sum())
    for language, moved, why in (
        (
            "en",
            f"{before:,} (2024) to {after:,} (2025)",
            f"{after:,} (2025) ({returned:,} returned home in 2025",
        ),
        (
            "nl",
            f"{before:,} (2024) tot {after:,} (2025)".replace(",", "."),
            f"{after:,} (2025) ({returned:,} keerden in 2025".replace(",", "."),
        ),
    ):
        page = profiles.edition("JOR", language)[0].read_text(encoding="utf-8")
        text = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
        assert moved in text, language
        assert (why in text) == (returned > 0), language


def _unrwa(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["year", "coa_iso", "total"])


def test_a_fall_of_unrwa_s_count_beside_a_new_unknown_host_row_says_so():
    table = _unrwa(
        [
            (2024, "LBN", 486_269),
            (2024, "JOR", 2_400_000),
            (2025, "LBN", 228_274),
            (2025, "JOR", 2_400_000),
            (2025, "UNK", 260_000),
        ]
    )
    found = [breaks.Break(("unrwa_refugees",), 2024, 2025, 486_269, 228_274)]
    moved = key_figures.unknown_host_beside_falls(found, table)
    assert moved == {
        (("unrwa_refugees",), 2025): key_figures.UnknownHost(2025, 260_000, 2_886_269, 2_888_274)
    }
    assert words.unknown_host_reasons(moved)[(("unrwa_refugees",), 2025)] == (
        "in 2025 UNRWA's table first lists 260,000 people with no host territory, while "
        "the table's total went from 2,886,269 to 2,888,274: at least partly a change in "
        "the source's records"
    )
    # a row of unknown host already there the year before explains nothing new
    older = pd.concat([table, _unrwa([(2024, "UNK", 1_000)])])
    assert key_figures.unknown_host_beside_falls(found, older) == {}
    rise = [breaks.Break(("unrwa_refugees",), 2024, 2025, 228_274, 486_269)]
    assert key_figures.unknown_host_beside_falls(rise, table) == {}


def test_lebanon_s_unrwa_fall_of_2025_on_the_real_data_is_a_move_to_unknown_host(real_dir):
    unrwa = pd.read_csv(real_dir / "unrwa.csv")
    lebanon = unrwa[unrwa["coa_iso"] == "LBN"].groupby("year")["total"].sum()
    found = [breaks.Break(("unrwa_refugees",), 2024, 2025, lebanon[2024], lebanon[2025])]
    (moved,) = key_figures.unknown_host_beside_falls(found, unrwa).values()
    unknown = unrwa[(unrwa["year"] == 2025) & (unrwa["coa_name"] == "Unknown")]["total"].sum()
    assert moved.unknown == unknown > 0
    assert moved.total > moved.total_before  # UNRWA's total rose while Lebanon's fell
