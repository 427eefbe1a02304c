"""The spending chapter's sentences on hand-made frames: numbers read naturally (whole
percentages, the amounts of a sentence with the same decimals), a part that is zero or
unknown is left out, and each summary names the annex table with the full list."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from displacement_report.analysis import spending
from displacement_report.present.format import money, money_digits
from displacement_report.present.narrative import spending as text
from displacement_report.present.tables import spending as tables
from tests.analysis.test_spending import FIGURES, amounts


def _budget(rows: dict[str, list], years: list[int]) -> pd.DataFrame:
    return pd.DataFrame(rows, index=pd.Index(years, name="year"))


def test_amounts_of_one_sentence_share_their_decimals():
    assert money(135.5e6, "EUR") == "EUR 135.5 million"
    assert money(128e6, "EUR") == "EUR 128 million"
    assert money(5.6e9, "USD") == "USD 5.6 billion"
    assert money(2.38e9, "EUR") == "EUR 2.38 billion"  # billions as billions
    assert money(999.96e6, "EUR") == "EUR 1 billion"  # what rounds to a thousand million
    # 128 and 135.5 in one sentence: one decimal at most, and never a pointless '.0'
    digits = money_digits(128e6, 135.5e6)
    assert (money(128e6, "EUR", digits), money(135.5e6, "EUR", digits)) == (
        "EUR 128 million",
        "EUR 135.5 million",
    )
    # a sentence with 2.797 and 3.885 billion writes both to one decimal
    digits = money_digits(2_797.3e6, 3_885.1e6)
    assert (money(2_797.3e6, "EUR", digits), money(3_885.1e6, "EUR", digits)) == (
        "EUR 2.8 billion",
        "EUR 3.9 billion",
    )
    assert money_digits(167e6, 304e6) == 0


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (128e6, 135.5e6, "rose by 6%"),  # 7.5 / 128 = 5.9%
        (200, 100, "fell by 50%"),
        (1000, 996, "fell by 0.4%"),  # under 1%: one decimal, never 'fell by 0%'
        (5, 5, "stayed the same"),
    ],
)
def test_a_change_reads_as_a_whole_percentage(old, new, expected):
    assert text.change_phrase(old, new) == expected


def test_the_budget_paragraph_says_how_the_line_moved_and_where_the_figures_are():
    line = _budget({"budget_draft": [128e6], "budget_supplementary_2": [135.5e6]}, [2021])
    art42 = _budget({"budget_draft": [167e6]}, [2021])
    paragraph = text.budget_paragraph(line, art42, 128e6)
    assert "The letter's EUR 128 million a year" in paragraph
    assert (
        "For 2021 the line was EUR 128 million in the draft budget and EUR 135.5 million "
        "in the second supplementary budget: it rose by 6%." in paragraph
    )
    assert "is known for 2021." in paragraph  # not '2021–2021'
    assert "not what was spent" in paragraph
    assert f"@tab:{tables.BUDGET_FIGURES}" in paragraph
    assert "+" not in paragraph and "5.9%" not in paragraph


def test_a_year_with_one_budget_stage_gives_that_stage_alone():
    line = _budget({"budget_draft": [128e6], "budget_supplementary_2": [None]}, [2021])
    paragraph = text.budget_paragraph(line, _budget({}, []), 128e6)
    assert "For 2021 the line stood at EUR 128 million in the draft budget." in paragraph
    assert "rose" not in paragraph and "sub-article" not in paragraph


def _per_person(refugees: float, asylum: float, unrwa: float) -> pd.DataFrame:
    budget = pd.Series({2021: 100e6})
    hosted = pd.DataFrame(
        {"refugees": [refugees], "asylum_seekers": [asylum], "unrwa_refugees": [unrwa]},
        index=pd.Index([2021], name="year"),
    )
    return spending.eur_per_person(budget, hosted)


def test_a_group_nobody_belongs_to_is_left_out_of_the_amounts_per_person():
    # Kenya and Uganda alone: no Palestine refugees, so the widest count adds nobody
    paragraph = text.per_person_paragraph(_per_person(1e6, 250_000, 0), 2)
    assert (
        "**EUR 100 per refugee under UNHCR's mandate** or EUR 80 per refugee or "
        "asylum-seeker." in paragraph
    )
    assert "Palestine" not in paragraph and "nan" not in paragraph
    assert "the 2 focus countries" in paragraph


def test_one_group_and_one_host_read_in_the_singular():
    paragraph = text.per_person_paragraph(_per_person(1e6, 0, 0), 1)
    assert "in the focus country at the end of 2021 comes to **EUR 100 per refugee" in paragraph
    assert "asylum-seeker" not in paragraph
    assert "views of the same money" not in paragraph  # one ratio is not 'views'


def test_all_three_groups_are_named_with_or():
    paragraph = text.per_person_paragraph(_per_person(1e6, 200_000, 500_000), 8)
    # by hand: 100m / 1m; / 1.2m = 83.3; / 1.7m = 58.8
    assert (
        "EUR 100 per refugee under UNHCR's mandate**, EUR 83 per refugee or asylum-seeker or "
        "EUR 59 per person when Palestine refugees under UNRWA's mandate are counted too."
        in paragraph
    )
    assert "views of the same money" in paragraph
    assert "per asylum-seeker." not in paragraph and "per Palestine refugee" not in paragraph


def test_the_packages_sentence_counts_the_annex_rows_and_does_not_add_them():
    rows = amounts(
        ("P1", "nl_oir_budget", 260e6, "EUR", "budget_other", 2016, 2017, "Syria region"),
        ("P2", "nl_oir_allocation", 86e6, "EUR", "allocation", 2016, 2017, "LBN"),
        ("P3", "nl_oir_allocation", 140e6, "EUR", "allocation", 2024, 2027, "LBN"),
    )
    sentence = text.packages_paragraph(rows)
    assert "3 figures for one-off packages and multi-year envelopes, for 2016–2027" in sentence
    assert f"(@tab:{tables.PACKAGES})" in sentence and "not added up" in sentence
    assert "486" not in sentence  # 260 + 86 + 140: never a total


def test_prospects_names_the_whole_partnership_and_the_countries():
    rows = amounts(
        ("X1", "prospects", 500e6, "EUR", "budget_other", 2018, 2023, "8 OiR focus countries"),
        ("X2", "prospects", 80e6, "USD", "budget_other", 2019, 2023, "JOR"),
        ("X3", "prospects", 48e6, "EUR", "allocation", 2024, 2027, "IRQ"),
    )
    sentence = text.prospects_paragraph(rows, {"JOR": "Jordan", "IRQ": "Iraq"})
    assert sentence == (
        f"For PROSPECTS the documents give 3 figures (@tab:{tables.PROSPECTS}): for the "
        "partnership as a whole, EUR 500 million for 2018–2023; for Iraq and Jordan, "
        "figures of their own."
    )


def test_the_3rp_sentence_gives_the_whole_appeal_of_each_year():
    rows = amounts(
        ("R1", "3rp", 5.5e9, "USD", "requirement", 2015, 2015, "3RP region"),
        ("R2", "3rp", 4.5e9, "USD", "requirement", 2015, 2015, "3RP region"),  # a part
        ("R3", "3rp", 6e9, "USD", "requirement", 2020, 2020, "3RP region"),
        ("R4", "3rp", 1.6e9, "USD", "funding_received", 2020, 2020, "3RP region"),
    )
    sentence = text.plan_paragraph(rows)
    assert "asked for USD 5.5 billion in 2015 and USD 6 billion in 2020." in sentence
    assert f"@tab:{tables.PLAN_3RP} lists all 4 figures found." in sentence
    assert "shares funded" not in sentence  # none among these rows


def test_results_leave_out_a_count_of_zero_and_keep_the_plural_right():
    results = pd.DataFrame(
        {
            "domain": ["education", "education", "mhpss"],
            "is_target": [False, False, True],
            "unit": ["children", "children", "people"],
        }
    )
    sentence = text.results_paragraph(results)
    assert "3 results, 2 achieved and 1 target: 2 on education and 1 on mental health" in (sentence)
    assert f"(@tab:{tables.RESULTS})" in sentence and "not added up" in sentence
    achieved_only = text.results_paragraph(results[~results["is_target"]])
    assert "give 2 achieved results: 2 on education" in achieved_only
    assert "target" not in achieved_only and "0" not in achieved_only
    assert "not added up" not in achieved_only  # one unit: nothing to warn about


def test_cost_per_result_keeps_proper_names_and_the_singular():
    one = pd.DataFrame({"result_id": ["R1"]})
    sentence = text.cost_per_result_paragraph(one)
    assert sentence.startswith("Only 1 reported result matches a published amount")
    assert "Dutch results reporting" in sentence and "the Netherlands co-funds" in sentence
    assert "result(s)" not in sentence


def test_the_eu_sentence_names_an_instrument_without_a_payment_figure():
    rows = amounts(
        ("E1", "eu_frit", 2.7e9, "EUR", "disbursement", 2016, 2019, "TUR"),
        ("E2", "eutf_syria", 2.38e9, "EUR", "allocation", 2014, 2022, "Syria region"),
    )
    sentence = text.eu_paragraph(spending.eu_layer(rows))
    assert (
        "By the latest figures found, EUR 2.7 billion from the EU Facility for Refugees in "
        "Turkey (2016–2019) had been paid out." in sentence
    )
    assert (
        "For the EU trust fund for the Syria crisis (Madad) the documents give no payment "
        "figure." in sentence
    )
    assert "EUR 0" not in sentence
    assert f"@tab:{tables.EU_INSTRUMENTS} gives the latest figure" in sentence


def test_the_requirement_shares_name_places_and_share_their_precision():
    shares = [
        spending.RequirementShare("JOR", 2021, "USD", 40e6, 1.2e9),
        spending.RequirementShare("LBN", 2021, "USD", 300e6, 2.5e9),
    ]
    sentence = text.requirement_shares_paragraph(shares, {"JOR": "Jordan", "LBN": "Lebanon"})
    # 40 / 1,200 = 3.3%; 300 / 2,500 = 12.0%: one decimal for both, as one is under 10%
    assert "Jordan 2021: 3.3% of a USD 1.2 billion requirement" in sentence
    assert "Lebanon 2021: 12.0% of a USD 2.5 billion requirement" in sentence


def test_every_annex_table_the_chapter_refers_to_is_made_for_the_annex(real_dir):
    from displacement_report.data import documents

    page = tables.annex_tables(documents.load_amounts(), documents.load_results())
    made = re.findall(r'class="exhibit table-exhibit[^"]* annex-exhibit" id="tab-(\w+)"', page)
    assert made == [
        tables.BUDGET_FIGURES,
        tables.PACKAGES,
        tables.PROSPECTS,
        tables.PLAN_3RP,
        tables.RESULTS,
        tables.EU_INSTRUMENTS,
    ]


def test_what_the_record_does_not_say_names_countries_and_years():
    found = text.gap_sentences(spending.missing_figures(FIGURES, ["JOR", "LBN"], [2019, 2020]))
    assert found[0].startswith("No realised (spent) reception-in-the-region amount per country")
    assert "for: Jordan, Lebanon; only budgets" in found[0]
    assert found[1] == (
        "No budget figure of the reception-in-the-region line itself was found for: 2020."
    )
    assert text.gaps_markdown([]) == "- None found."
