"""Chapters 1-4 in Dutch: sentences, tables and chart labels render in Dutch with Dutch
number formats, on hand-made frames, and English still renders ('At a glance':
tests/present/test_at_a_glance.py).
Each expected phrase is written out by hand from the frame's figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.analysis.hosting import income_group_label
from displacement_report.analysis.joins import Joined
from displacement_report.analysis.protracted import ProtractedSummary
from displacement_report.present.charts import global_picture as trend_charts
from displacement_report.present.charts import hosting_and_origins as ranked_charts
from displacement_report.present.narrative import (
    focus_countries,
    global_picture,
    hosting_and_origins,
    protracted_and_solutions,
)
from displacement_report.present.tables import focus_countries as focus_tables
from displacement_report.present.tables import global_picture as global_tables
from displacement_report.present.tables import protracted_and_solutions as protracted_tables
from tests.conftest import in_dutch


def _comparison() -> pd.DataFrame:
    now = {
        "refugees": 28.5e6,
        "unrwa_refugees": 6.0e6,
        "asylum_seekers": 9.0e6,
        "oip": 7.2e6,
        "idps": 68.7e6,
    }
    before = {key: value / 1.5 for key, value in now.items()}
    now[TOTAL], before[TOTAL] = sum(now.values()), sum(before.values())
    frame = pd.DataFrame({2019: before, 2025: now})
    frame["change"] = frame[2025] - frame[2019]
    frame["change_pct"] = 100 * frame["change"] / frame[2019]
    return frame


def test_chapter_one_sentences_in_dutch_add_up_and_read_naturally():
    comparison = _comparison()
    with i18n.using("nl"):
        text = global_picture.headline_paragraph(comparison, 2019, 2025)
        title = global_picture.trend_title(comparison, 2019, 2025)
    # 28.5 + 6.0 + 9.0 + 7.2 + 68.7 = 119.4 million; 1.5 times the 2019 total: +50%
    total = "At the end of {year}, **{total}** people were forcibly displaced."
    assert "\n\n" + in_dutch(total, year=2025, total="119,4 miljoen") in text
    assert "34,5 miljoen vluchtelingen (28,5 miljoen onder het mandaat van UNHCR" in text
    assert in_dutch("other people in need of international protection") in text
    largest = in_dutch("people displaced inside their own country")
    assert in_dutch("The largest group was {group}.", group=largest) in text
    rose = "Compared with the end of {baseline} ({before}), the total rose by {change}{see}."
    assert in_dutch(rose, baseline=2019, before="79,6 miljoen", change="50%", see="") in text
    trend = "Forced displacement rose by {change} between {baseline} and {year}"
    assert title == in_dutch(trend, change="50%", baseline=2019, year=2025)
    english = global_picture.headline_paragraph(comparison, 2019, 2025)
    assert "Compared with the end of 2019 (79.6 million), the total rose by 50%." in english


def test_the_world_share_and_focus_sentences_in_dutch():
    focus = pd.DataFrame(
        {c: [1e6, 0] for c in COMPONENTS}, index=pd.Index(["JOR", "Total"], name="iso3")
    )
    focus.loc["Total"] = focus.loc["JOR"]
    focus.loc["Total", "idps"] = 0
    world = pd.Series({c: 10e6 for c in COMPONENTS})
    with i18n.using("nl"):
        share = global_picture.world_share_sentence(119.4e6, 8.2e9, 2025)
        paragraph = global_picture.focus_paragraph(focus, world, 2025)
    # 119.4 million of 8.2 billion: 1.46%, one in 68.7 -> 69
    assert share == (
        "Dat is 1,46% van de wereldbevolking van 8,20 miljard eind 2025: 1 op de 69 mensen."
    )
    # one focus country, nobody displaced inside it: that part is left out
    assert paragraph.startswith("Eind 2025 verbleven in het focusland 4,0 miljoen")
    assert "(10,0% van het wereldtotaal)." in paragraph and "ontheemd (" not in paragraph
    # the refugees alone (UNHCR and UNRWA): 2 of 20 million, the share 'At a glance' gives
    assert paragraph.endswith("onder het mandaat van UNHCR en UNRWA, ving het 10,0% op.")


def test_chapter_one_tables_in_dutch_with_names_readers_know():
    ranked = pd.DataFrame(
        {
            "iso3": ["TUR", "SYR"],
            "country": ["Türkiye", "Syrian Arab Rep."],
            "refugees": [2390414, 7],
            "oip": [0, 0],
            "total": [2390414, 7],
            "refugee_rank": pd.array([1, pd.NA], dtype="Int64"),
        }
    )
    with i18n.using("nl"):
        hosts = global_tables.ranking_table(ranked, "host", 2025, "Bron: test")
        older = global_tables.ranking_table(ranked, "host", 2001, "Bron: test")
        comparison = global_tables.comparison_table(_comparison(), 2019, 2025, "Bron: test")
    assert (
        "De 2 landen die de meeste vluchtelingen en andere personen die internationale "
        "bescherming nodig hebben opvangen, eind 2025, zoals UNHCR ze rangschikt sinds Global "
        "Trends 2022 (cijfers van eind 2022, verschenen in juni 2023)"
    ) in hosts
    assert "Plaats als alleen vluchtelingen tellen" in hosts
    assert "De 2 landen die de meeste vluchtelingen onder het mandaat van UNHCR opvangen" in older
    assert "worden geteld vanaf 2018" in older and "Plaats als alleen" not in older
    assert "Gastland" in hosts and "Turkije" in hosts and "Syrië" in hosts
    assert "2.390.414" in hosts
    assert "Eind 2019" in comparison and "Verandering, %" in comparison
    assert "119,4" in comparison and "+50,0%" in comparison
    english = global_tables.ranking_table(ranked, "origin", 2025, "Source: test")
    assert "Syria" in english and "Syrian Arab Rep." not in english
    assert "2,390,414" in english and "Country of origin" in english


def test_chapter_two_sentences_in_dutch():
    with i18n.using("nl"):
        text = hosting_and_origins.hosting_paragraph({2025: (71.4, 25.8)}, {2025: 2026})
        ordinals = [hosting_and_origins.ordinal(n) for n in (1, 2, 3, 11, 22)]
        joined = Joined(pd.DataFrame(), ("Tibetaans (TIB)", "Onbekend (UNK)")).describe(
            "population"
        )
    assert text.startswith("Eind 2025 vingen lage- en middeninkomenslanden **71,4%** op")
    assert "de minst ontwikkelde landen vingen 25,8% op" in text
    assert "boekjaar 2026" in text
    assert ordinals == ["1e", "2e", "3e", "11e", "22e"]
    assert joined == (
        "Geen gegevens over bevolking voor 2 landen: Tibetaans (TIB), Onbekend (UNK)."
    )


def test_the_unrwa_note_in_dutch():
    table = pd.DataFrame(
        {
            "iso3": ["JOR", "TUR"],
            "country": ["Jordan", "Türkiye"],
            "population": [11e6, 85e6],
            "refugees": [0.7e6, 2.4e6],
            "oip": [0, 0],
            "unrwa_refugees": [2.4e6, 0],
        }
    )
    table["protection_per_1000"] = 1000 * table["refugees"] / table["population"]
    # Jordan: 64 refugees per 1,000 without UNRWA's, Türkiye 28: first either way
    with i18n.using("nl"):
        note = hosting_and_origins.unrwa_note(table, table, 1_000_000)
    assert "Jordanië (hier 1e, zonder hen 1e)" in note


def test_chapter_three_sentences_in_dutch():
    many = ProtractedSummary(71, 18_200_000, 64.0, 16.27, 12.0, 39)
    one = ProtractedSummary(1, 30_000, 0.1, 7.0, 7.0, 1)
    per_year = pd.DataFrame(
        {
            "returned_refugees": [4362272],
            "resettlement": [81766],
            "naturalisation": [0],
            "all_solutions_pct": [14.66],
            "stock_year_before": [30958200],
        },
        index=[2025],
    )
    with i18n.using("nl"):
        text = protracted_and_solutions.protracted_paragraph(many, 25_000, 5, 2025)
        single = protracted_and_solutions.protracted_paragraph(one, 25_000, 5, 2025)
        solutions = protracted_and_solutions.solutions_paragraph(per_year, 2025)
        title = protracted_and_solutions.solutions_title(per_year, 2025)
    assert text.startswith(
        "Eind 2025 voldeden 71 situaties aan de maatstaf (minstens 25.000 vluchtelingen van "
        "één nationaliteit in één gastland, 5 jaar of langer achter elkaar), verspreid over "
        "39 gastlanden."
    )
    assert "**18,2 miljoen**" in text and "16,3 jaar (mediaan 12 jaar)" in text
    assert "voldeed 1 situatie aan de maatstaf" in single and ", in 1 gastland." in single
    assert "De situatie duurde al 7 jaar." in single
    # nobody naturalised: that part of the sentence is left out
    assert solutions == (
        "In 2025 keerden 4.362.272 vluchtelingen terug naar hun land en werden 81.766 "
        "vluchtelingen hervestigd: samen 14,7% van de 31,0 miljoen vluchtelingen onder het "
        "mandaat van UNHCR eind 2024."
    )
    assert title == "In 2025 vond 14,7% van de vluchtelingen een duurzame oplossing"
    english = protracted_and_solutions.solutions_paragraph(per_year, 2025)
    assert "naturalised" not in english and "81,766 arrived through resettlement" in english


def test_chapter_three_table_names_countries_in_dutch():
    situations = pd.DataFrame(
        {
            "coo_iso": ["SYR"],
            "coo_name": ["Syrian Arab Rep."],
            "coa_iso": ["TUR"],
            "coa_name": ["Türkiye"],
            "refugees": [2347756],
            "duration": [14],
            "since": [2012],
        }
    )
    with i18n.using("nl"):
        table = protracted_tables.protracted_table(situations, "De grootste", "Bron", "p")
    assert "Herkomst" in table and "Syrië" in table and "Turkije" in table
    assert "2.347.756" in table


def test_chapter_four_profile_and_table_in_dutch():
    over_time = pd.DataFrame(
        {
            "refugees": [900_000, 1_400_000],
            "unrwa_refugees": [0, 0],
            "asylum_seekers": [100_000, 100_000],
            "oip": [0, 0],
            "idps": [pd.NA, pd.NA],
        },
        index=pd.Index([1992, 1995], name="year"),
    ).astype("Int64")
    over_time[TOTAL] = over_time.sum(axis=1, skipna=False)
    overview = pd.DataFrame(
        {
            "refugees": [436226],
            "unrwa_refugees": [2398179],
            "asylum_seekers": [8068],
            "idps": [0],
            "per_1000_incl_unrwa": [246.04],
            "income_group": ["Lower middle income"],
            "is_ldc": [False],
            "situations": [3],
            "main_origins": [[("SYR", "Syrian Arab Rep.", 420835)]],
        },
        index=pd.Index(["JOR"], name="iso3"),
    )
    with i18n.using("nl"):
        text = focus_countries.profile_paragraph(over_time, "Pakistan", 1992, 1995)
        table = focus_tables.focus_overview_table(overview, "T", "B")
        origins = focus_tables.focus_origins_table(overview, {"JOR": "Jordanië"}, "T", "B")
        people = focus_tables.focus_people_table(overview, {"JOR": "Jordanië"}, "T", "B")
    # 1.5 M against 1.0 M from abroad: +50%, the IDPs unknown in both years
    assert text.startswith("Eind 1995 verbleven in Pakistan 1,5 miljoen vluchtelingen")
    assert "IDMC geeft voor 1995 geen cijfer voor binnenlands ontheemden" in text
    assert "steeg sinds eind 1992 met 50%." in text
    assert "Lager-middeninkomen" in table and "nee" in table and "246,0" in table
    # the people by group are the profile's tiles, not repeated; the caption names it
    assert "2.398.179" not in table and "Jordanië" not in table
    assert "Syrië 420.835" in origins and "Lager-middeninkomen" in origins
    assert "Vluchtelingen per 1.000 inwoners, incl. UNRWA" in people and "246,0" in people


def test_income_groups_read_in_dutch():
    with i18n.using("nl"):
        assert income_group_label("Upper middle income") == "Hoger-middeninkomen"
        assert income_group_label(None) == "niet ingedeeld"
        assert income_group_label("Low income", short=True) == "Laag inkomen"  # written out
        assert income_group_label("Lower middle income", short=True) == "Lager-middeninkomen"
    assert income_group_label(float("nan")) == "not classified"


@pytest.mark.parametrize(
    ("language", "label", "mark"), [("nl", "1,0 mln", "0,2"), ("en", "1.0 M", "0.2")]
)
def test_chart_labels_and_numbers_follow_the_edition(language, label, mark):
    table = pd.DataFrame({c: [200_000] for c in COMPONENTS}, index=pd.Index([2025], name="year"))
    table[TOTAL] = table.sum(axis=1)
    with i18n.using(language):
        fig = trend_charts.displacement_trend(table, "t", "S", highlight=(2025,))
        fig.canvas.draw()
        (under_the_chart,) = fig.legends
        legend = [t.get_text() for t in under_the_chart.get_texts()]
        ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        bars = ranked_charts.ranked_bars(["A"], pd.Series([1234.0]), "t", "x", "S", "#000000")
    written = {t.get_text() for t in fig.axes[0].texts}
    assert label in written
    assert mark in ticks  # steps of 0.2 million, with the edition's decimal sign
    expected = "Binnenlands ontheemden (IDMC)" if language == "nl" else "Internally displaced"
    assert any(entry.startswith(expected) for entry in legend)
    assert {t.get_text() for t in bars.axes[0].texts} == {
        " 1.234" if language == "nl" else " 1,234"
    }
    plt.close("all")
