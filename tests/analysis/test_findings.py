"""The summary page's findings on hand-made frames: the money the Netherlands pays and
its growth since the letter, the Dutch asylum figures, the scorecard's groups and the
claims it names, and which exhibit each figure links. Answers worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report.analysis import findings
from displacement_report.analysis.claims import (
    DOES_NOT_HOLD,
    HISTORICAL,
    HOLDS,
    NOT_CHECKABLE,
    OUTDATED_HIGHER,
    ROUGHLY,
)
from displacement_report.analysis.claims.wording import OUTDATED_FELL
from displacement_report.analysis.year_news import Returns
from tests.analysis.test_costs import figures
from tests.analysis.test_spending import amounts

BUDGET = amounts(
    ("A001", "nl_oir_line", 128e6, "EUR", "budget_draft", 2021, 2021, "Global"),
    ("A002", "nl_oir_line", 135.5e6, "EUR", "budget_supplementary_2", 2021, 2021, "Global"),
    ("A003", "nl_oir_line", 100e6, "EUR", "budget_draft", 2019, 2019, "Global"),
)
HOSTED = pd.DataFrame(
    {"refugees": [4e6, 5e6], "asylum_seekers": [1e6, 1e6], "unrwa_refugees": [0, 0]},
    index=pd.Index([2019, 2021], name="year"),
)
COSTS = figures(
    {
        "topic": "nl_cost_per_person",
        "basis": "per_resident_year",
        "setting": "regular",
        "value": 27100.0,
        "year": 2022,
        "period_nl": "2022",
        "description_nl": "d",
    }
)


def _by_key(found):
    return {f.key: f for f in found}


def test_what_the_netherlands_pays_after_the_letter():
    found = _by_key(findings.money_findings(BUDGET, COSTS, HOSTED, 2025))
    budget = found["oir_budget"]
    # the latest year up to 2025 is 2021, at its latest stage: the 2nd supplementary budget
    assert (budget.value, budget.year, budget.detail) == (135.5e6, 2021, "budget_supplementary_2")
    assert budget.reference == "@tab:budget_figures"
    assert found["oir_budget_letter"].value == 128e6
    assert found["oir_budget_growth"].value == pytest.approx(100 * 7.5 / 128)  # +5.9%
    # 135.5 million over 5 million refugees in the focus countries
    assert found["eur_per_refugee"].value == pytest.approx(27.1)
    assert found["eur_per_refugee"].reference == "@tab:eur_per_person"
    cost = found["nl_cost_per_person"]
    assert (cost.value, cost.year, cost.reference) == (27100.0, 2022, "@tab:cost_per_resident_year")


def test_before_the_letter_no_growth_and_before_any_budget_the_first_one():
    found = _by_key(findings.money_findings(BUDGET, COSTS, HOSTED, 2020))
    assert (found["oir_budget"].value, found["oir_budget"].year) == (100e6, 2019)
    assert "oir_budget_growth" not in found and "oir_budget_letter" not in found
    assert found["eur_per_refugee"].value == pytest.approx(25.0)  # 100 million / 4 million
    assert "nl_cost_per_person" not in found  # COA's first figure is for 2022
    early = _by_key(findings.money_findings(BUDGET, COSTS, HOSTED, 2012))
    assert set(early) == {"oir_budget_first"}
    assert (early["oir_budget_first"].year, early["oir_budget_first"].value) == (2019, 100e6)


APPLICATIONS = pd.DataFrame(
    {
        "year": [2024] * 3,
        "coa_iso": ["NLD", "DEU", "JOR"],
        "coo_iso": ["SYR"] * 3,
        "procedure_type": ["G"] * 3,
        "app_type": ["N"] * 3,
        "dec_level": ["FI"] * 3,
        "app_pc": ["P"] * 3,
        "applied": [300, 700, 10],
    }
)
DECISIONS = pd.DataFrame(
    {
        "year": [2024] * 2,
        "coa_iso": ["NLD", "DEU"],
        "coo_iso": ["SYR"] * 2,
        "procedure_type": ["G"] * 2,
        "dec_level": ["FI"] * 2,
        "dec_pc": ["P"] * 2,
        "dec_recognized": [60, 100],
        "dec_other": [30, 100],
        "dec_rejected": [110, 800],
        "dec_closed": [5, 5],
        "dec_total": [205, 1005],
    }
)
WB = pd.DataFrame(
    {"iso3": ["NLD", "DEU", "JOR"], "year": [2024] * 3, "population": [1e6, 4e6, 1e6]}
)


def test_the_dutch_asylum_figures_beside_the_eu():
    found = _by_key(findings.asylum_findings(APPLICATIONS, DECISIONS, WB, 2024, ["JOR"]))
    assert found["nl_new_claims"].value == 300
    assert found["nl_claims_per_1000"].value == pytest.approx(0.3)  # 300 per million
    # the EU-27 here: the Netherlands and Germany, 1,000 claims for 5 million people
    assert found["eu_claims_per_1000"].value == pytest.approx(0.2)
    # (60 + 30) of 200 substantive decisions; EU: 290 of 1,200
    assert found["nl_total_protection_rate"].value == pytest.approx(45.0)
    assert found["eu_total_protection_rate"].value == pytest.approx(100 * 290 / 1200)
    assert {f.reference for f in found.values()} == {"@tab:asylum_comparison"}
    # a year without decisions: chapter 5 shows no comparison table, the page no figure
    assert findings.asylum_findings(APPLICATIONS, DECISIONS, WB, 2023, ["JOR"]) == []


def _assessed(then: list[str], now: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": [f"C{i:02d}" for i in range(1, len(then) + 1)],
            "then_verdict": then,
            "now_verdict": now,
        }
    )


def test_the_scorecard_groups_verdicts_and_names_the_claims_that_fail():
    assessed = _assessed(
        [HOLDS, HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE, HOLDS, HOLDS],
        [
            HOLDS,
            OUTDATED_HIGHER,
            "no figure for 2025",
            DOES_NOT_HOLD,
            NOT_CHECKABLE,
            HISTORICAL,
            DOES_NOT_HOLD,
        ],
    )
    assert findings.verdict_groups(assessed["then_verdict"]) == {
        "held": 5,
        "failing": 1,
        "past": 0,
        "unchecked": 1,
    }
    assert findings.verdict_groups(assessed["now_verdict"]) == {
        "held": 1,
        "failing": 3,
        "past": 1,
        "unchecked": 2,
    }
    # the one that failed then first, then the one that fails now, then the one whose
    # figure has moved
    named = findings.claims_not_holding(assessed)
    assert named["claim_id"].tolist() == ["C04", "C07", "C02"]
    early = _assessed([HOLDS, HOLDS], ["not yet in 2012 (lower)", HOLDS])
    assert findings.claims_not_holding(early)["claim_id"].tolist() == ["C01"]
    assert findings.verdict_groups(early["now_verdict"])["failing"] == 1


def test_the_returns_link_chapter_three_only_for_the_years_its_table_shows():
    assert findings.solutions_table_years(2000, 2025) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert findings.solutions_table_years(2024, 2025) == [2024, 2025]
    returns = Returns(2025, 400, 100, None, False, 1959)
    found = _by_key(findings.returns_findings(returns, findings.solutions_table_years(2000, 2025)))
    assert found["refugee_returns"].reference == "@tab:durable_solutions"
    assert found["refugee_returns_year_before"].value == 100
    # a trend that starts in the report year: the table has no year before to link
    alone = _by_key(findings.returns_findings(returns, findings.solutions_table_years(2025, 2025)))
    assert alone["refugee_returns_year_before"].reference == ""


def test_a_trend_broken_since_counts_as_no_longer_holding():
    """C35 ('since 2015 displacement has only increased') is 'outdated (fell since)' now:
    the summary counted it as 'cannot be checked' and left it out of its list, while the
    claims chapter counted it among the outdated."""
    assessed = _assessed([HOLDS, HOLDS], [OUTDATED_FELL, "no figure for 2025"])
    assert findings.verdict_groups(assessed["now_verdict"])["failing"] == 1
    assert len(findings.claims_not_holding(assessed)) == 1
