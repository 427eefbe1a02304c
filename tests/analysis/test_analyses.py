"""Displacement analyses: exact answers on hand-made frames, known figures on real data."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report.analysis import (
    demographics,
    focus,
    hosting,
    joins,
    origins,
    protracted,
    solutions,
)
from displacement_report.data import unhcr, worldbank


def pop_frame(rows):
    """rows: (year, origin, host, refugees[, asylum_seekers, oip])."""
    records = []
    for row in rows:
        year, coo, coa, refugees, *rest = row
        asylum, oip = [*rest, 0, 0][:2]
        records.append(
            {
                "year": year,
                "coo_iso": coo,
                "coo_name": f"O{coo}",
                "coa_iso": coa,
                "coa_name": f"H{coa}",
                "refugees": refugees,
                "asylum_seekers": asylum,
                "oip": oip,
            }
        )
    return pd.DataFrame(records)


# --- protracted situations: the rule at its boundaries ---------------------------------


def run(years, values, coo="SYR", coa="TUR"):
    return [(y, coo, coa, v) for y, v in zip(years, values, strict=True)]


def test_exactly_threshold_for_exactly_five_years_counts():
    frame = pop_frame(run(range(2015, 2020), [25_000] * 5))
    table = protracted.situations(frame, 2019)
    assert table[["coo_iso", "coa_iso", "refugees", "duration", "since"]].values.tolist() == [
        ["SYR", "TUR", 25_000, 5, 2015]
    ]


def test_one_below_threshold_or_one_year_short_does_not_count():
    assert protracted.situations(pop_frame(run(range(2015, 2020), [24_999] * 5)), 2019).empty
    assert protracted.situations(pop_frame(run(range(2016, 2020), [30_000] * 4)), 2019).empty
    dip = [30_000, 30_000, 24_999, 30_000, 30_000, 30_000]
    assert protracted.situations(pop_frame(run(range(2014, 2020), dip)), 2019).empty


def test_a_missing_year_breaks_the_run_and_duration_counts_back_from_the_report_year():
    years = [2005, 2006, 2007, 2009, 2010, 2011, 2012, 2013, 2014]  # 2008 missing
    table = protracted.situations(pop_frame(run(years, [50_000] * 9)), 2014)
    assert table.loc[0, "duration"] == 6 and table.loc[0, "since"] == 2009
    assert protracted.situations(pop_frame(run(years, [50_000] * 9)), 2012).empty  # 4 years


def test_situation_must_hold_in_the_report_year_and_parameters_apply():
    frame = pop_frame(run(range(2010, 2020), [40_000] * 9 + [10_000]))
    assert protracted.situations(frame, 2019).empty
    assert len(protracted.situations(frame, 2019, threshold=10_000)) == 1
    assert len(protracted.situations(frame, 2018, min_years=9)) == 1
    assert protracted.situations(frame, 2018, min_years=10).empty


def test_summary_counts_people_hosts_and_durations():
    frame = pop_frame(
        run(range(2010, 2020), [40_000] * 10)
        + run(range(2013, 2020), [60_000] * 7, coo="AFG", coa="PAK")
        + [(2019, "SSD", "UGA", 900_000)]
    )
    table = protracted.situations(frame, 2019)
    summary = protracted.summarise(table, frame, 2019)  # 1,000,000 refugees in 2019
    assert (summary.situations, summary.refugees, summary.hosts) == (2, 100_000, 2)
    assert summary.share_of_refugees == pytest.approx(10.0)
    assert (summary.mean_duration, summary.median_duration) == (8.5, 8.5)


# --- hosting ---------------------------------------------------------------------------


def test_income_group_in_force_is_the_one_released_that_july():
    history = pd.DataFrame(
        {
            "iso3": ["JOR", "JOR", "JOR"],
            "fiscal_year": [2019, 2020, 2021],
            "release_year": [2018, 2019, 2020],
            "income_group": ["Upper middle income", "Upper middle income", "Lower middle income"],
        }
    )
    groups, fiscal_year = hosting.income_groups_in_force(history, 2020)
    assert (groups["JOR"], fiscal_year) == ("Lower middle income", 2021)
    groups, fiscal_year = hosting.income_groups_in_force(history, 2024)  # after the latest
    assert (groups["JOR"], fiscal_year) == ("Lower middle income", 2021)


def test_hosting_table_ratios_and_shares_exactly():
    population = pop_frame(
        [
            (2019, "SYR", "JOR", 600, 0, 0),
            (2019, "SYR", "DEU", 400, 0, 100),
            (2019, "SYR", "LBN", 50, 0, 0),
        ]
    )
    unrwa = pd.DataFrame(
        {
            "year": [2019],
            "coo_iso": ["PSE"],
            "coa_iso": ["JOR"],
            "coa_name": ["HJOR"],
            "total": [2000],
        }
    )
    wb_pop = pd.DataFrame(
        {"iso3": ["JOR", "DEU", "LBN"], "year": [2019] * 3, "population": [10_000, 80_000, 5_000]}
    )
    gdp = pd.DataFrame(
        {"iso3": ["JOR", "DEU"], "year": [2018, 2019], "gdp_pc_ppp_current_intl_usd": [10.0, 20.0]}
    )
    history = pd.DataFrame(
        {
            "iso3": ["JOR", "DEU"],
            "fiscal_year": [2020, 2020],
            "release_year": [2019, 2019],
            "income_group": ["Upper middle income", "High income"],
        }
    )
    ldcs = pd.DataFrame({"iso3": ["UGA"]})
    table, found, fy = hosting.hosting_table(population, unrwa, wb_pop, gdp, history, ldcs, 2019)
    table = table.set_index("iso3")
    assert fy == 2020
    assert table.loc["JOR", "refugees_per_1000"] == pytest.approx(60.0)
    assert table.loc["JOR", "refugees_incl_unrwa_per_1000"] == pytest.approx(260.0)
    assert table.loc["JOR", "refugees_per_usd_gdp_pc"] == pytest.approx(60.0)
    # per dollar the chapter's people: refugees and OIP (DEU: 400 + 100 over $20)
    assert table.loc["DEU", "protection_per_usd_gdp_pc"] == pytest.approx(25.0)
    assert table.loc["DEU", "refugees_per_usd_gdp_pc"] == pytest.approx(20.0)
    assert found["GDP per capita"].unmatched == ("HLBN (LBN)",)
    assert table.loc["JOR", "gdp_year"] == 2018
    # refugees + OIP: JOR 600 of 1,150 (LBN has no income group here)
    shares = hosting.share_hosted(table.reset_index(), table["is_low_or_middle"].to_numpy())
    assert shares == pytest.approx(100 * 600 / 1150)


def test_join_reports_what_it_could_not_match():
    left = pd.DataFrame({"iso3": ["JOR", "TIB"], "country": ["Jordan", "Tibetan"]})
    right = pd.DataFrame({"iso3": ["JOR"], "population": [1]})
    joined = joins.left_join_reporting(left, right)
    assert joined.unmatched == ("Tibetan (TIB)",)
    assert len(joined.table) == 2
    assert joined.describe("population") == "No population for 1 country: Tibetan (TIB)."


def test_origins_per_100k_count_unrwa_refugees_for_palestine():
    population = pop_frame([(2019, "SYR", "TUR", 3000), (2019, "UNK", "TUR", 50)])
    unrwa = pd.DataFrame({"year": [2019], "coo_iso": ["PSE"], "total": [500]})
    wb_pop = pd.DataFrame(
        {"iso3": ["SYR", "PSE"], "year": [2019, 2019], "population": [100_000, 5000]}
    )
    table, _ = origins.refugees_by_origin(population, unrwa, wb_pop, 2019)
    table = table.set_index("iso3")
    assert "UNK" not in table.index
    assert table.loc["SYR", "per_100k"] == pytest.approx(3000.0)
    assert table.loc["PSE", "per_100k"] == pytest.approx(10_000.0)


# --- solutions and demographics --------------------------------------------------------


def test_solutions_against_the_stock_of_the_year_before():
    population = pop_frame([(2018, "SYR", "TUR", 1000), (2019, "SYR", "TUR", 900)])
    sols = pd.DataFrame(
        {
            "year": [2019, 2019],
            "returned_refugees": [50, pd.NA],
            "resettlement": [10, 20],
            "naturalisation": [pd.NA, 5],
        }
    )
    per_year = solutions.solutions_by_year(sols, population, 2019, 2019)
    row = per_year.loc[2019]
    assert (row["returned_refugees"], row["resettlement"], row["naturalisation"]) == (50, 30, 5)
    assert row["stock_year_before"] == 1000
    assert row["all_solutions_pct"] == pytest.approx(8.5)


def test_child_share_from_age_bands_and_missing_years():
    bands = {f"{s}_{b}": 0 for s in "fm" for b in ("0_4", "5_11", "12_17", "18_59", "60")}
    row = bands | {"f_0_4": 30, "m_18_59": 70, "f_total": 30, "m_total": 70, "total": 120}
    idps = bands | {"f_0_4": 10, "m_18_59": 10, "f_total": 10, "m_total": 10, "total": 20}
    frame = pd.DataFrame(
        [{"year": 2025, "pop_type": "REF", **row}, {"year": 2025, "pop_type": "IDP", **idps}]
    )
    profile = demographics.age_sex_profile(frame, 2025)
    # UNHCR's internally displaced are in the share, and counted apart for the text
    assert profile.internally_displaced == 20 and profile.people_total == 140
    assert profile.share_children == pytest.approx(100 * 40 / 120)
    frame = frame[frame["pop_type"] == "REF"]
    profile = demographics.age_sex_profile(frame, 2025)
    assert profile.share_children == pytest.approx(30.0)
    assert profile.internally_displaced == 0
    assert profile.share_female == pytest.approx(30.0)
    assert profile.coverage == pytest.approx(100 * 100 / 120)
    assert demographics.age_sex_profile(frame, 2019) is None


def test_focus_overview_keeps_countries_hosting_nobody():
    population = pop_frame([(2019, "SYR", "JOR", 600)])
    host = pd.DataFrame(
        {
            "iso3": ["JOR"],
            "refugees": [600],
            "unrwa_refugees": [0],
            "asylum_seekers": [0],
            "refugees_incl_unrwa_per_1000": [60.0],
            "income_group": ["Upper middle income"],
            "is_ldc": [False],
        }
    )
    idmc = pd.DataFrame({"year": [2019], "coa_iso": ["IRQ"], "total": [1000]})
    situations = pd.DataFrame({"coa_iso": ["JOR"], "refugees": [600]})
    table = focus.focus_overview(host, idmc, situations, population, ["JOR", "IRQ"], 2019)
    assert table.loc["IRQ", ["refugees", "idps", "situations"]].tolist() == [0, 1000, 0]
    assert table.loc["JOR", "main_origins"] == [("SYR", "OSYR", 600)]


# --- the real data against published figures -----------------------------------------
@pytest.fixture(scope="module")
def real(real_dir):
    return {
        "population": unhcr.load_population(real_dir),
        "unrwa": unhcr.load_unrwa(real_dir),
        "idmc": unhcr.load_idmc(real_dir),
        "wb_population": worldbank.load_population(),
        "world": worldbank.load_world_population(),
        "gdp": worldbank.load_gdp_per_capita(),
        "income": worldbank.load_income_groups(),
        "ldcs": worldbank.load_ldcs(),
    }


def _shares(real, year):
    table, _, _ = hosting.hosting_table(
        real["population"],
        real["unrwa"],
        real["wb_population"],
        real["gdp"],
        real["income"],
        real["ldcs"],
        year,
    )
    return hosting.share_hosted(table, table["is_low_or_middle"]), hosting.share_hosted(
        table, table["is_ldc"]
    )


def test_about_one_percent_of_humanity_displaced_at_end_2019(real):
    # the letter: "ongeveer 1% van de wereldbevolking"
    from displacement_report.analysis.headline import forcibly_displaced

    total = forcibly_displaced(real["population"], real["unrwa"], real["idmc"], 2019)
    share = 100 * total["forcibly_displaced"] / real["world"].loc[2019]
    assert 0.95 <= share <= 1.1


def test_low_and_middle_income_and_ldc_shares_match_global_trends(real):
    # Global Trends 2023: low- and middle-income countries hosted 75%, LDCs 21%;
    # Global Trends 2019: LDCs hosted 27% (with the LDC list of the time).
    lmic_2023, ldc_2023 = _shares(real, 2023)
    assert abs(lmic_2023 - 75) <= 1.5
    assert abs(ldc_2023 - 21) <= 1.5
    assert abs(_shares(real, 2019)[1] - 27) <= 1.5


def test_protracted_situations_end_2019_near_global_trends(real):
    # Global Trends 2019: 15.7 million refugees in 51 protracted situations; the data
    # have been revised since, so within 10%.
    table = protracted.situations(real["population"], 2019)
    assert abs(len(table) - 51) <= 5
    assert abs(table["refugees"].sum() - 15.7e6) <= 1.57e6


def test_resettlement_arrivals_2024(real_dir, real):
    # Global Trends 2024: 188,800 refugees resettled in 2024.
    per_year = solutions.solutions_by_year(
        unhcr.load_solutions(real_dir), real["population"], 2024, 2024
    )
    assert round(per_year.loc[2024, "resettlement"], -2) == 188_800


def test_children_are_about_forty_percent_of_the_displaced(real_dir):
    # Global Trends: children account for about 40% of the forcibly displaced.
    profile = demographics.age_sex_profile(unhcr.load_demographics(real_dir), 2025)
    assert 38 <= profile.share_children <= 42
