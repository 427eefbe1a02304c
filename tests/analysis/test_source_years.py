"""A report year some sources do not reach yet: each source's latest year is used and
named, never a missing year read as zero; on hand-made frames and as a property over
sources that end in different years."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from displacement_report import i18n
from displacement_report.analysis import hosting, origins, source_years
from displacement_report.analysis.asylum import applications_per_1000
from displacement_report.present.narrative.source_years import latest_year_note


def test_the_year_itself_when_present_else_the_latest_before_it():
    assert source_years.year_or_latest([2019, 2024, 2025], 2025) == 2025
    assert source_years.year_or_latest([2019, 2024, 2025], 2026) == 2025
    assert source_years.year_or_latest([2019, 2024], 2023) == 2019
    assert source_years.year_or_latest([2019, 2024], 2010) is None


def test_population_of_a_year_not_out_yet_is_the_latest_year_with_figures():
    wb = pd.DataFrame(
        {
            "iso3": ["JOR", "JOR", "LBN", "LBN", "JOR"],
            "year": [2024, 2025, 2024, 2025, 2026],
            "population": [11.0, 12.0, 5.0, 6.0, None],  # 2026 listed, but empty
        }
    )
    rows, used = source_years.population_in(wb, 2026)
    assert used == 2025
    assert rows.set_index("iso3")["population"].to_dict() == {"JOR": 12.0, "LBN": 6.0}
    rows, used = source_years.population_in(wb, 2024)
    assert used == 2024 and rows["population"].sum() == 16.0


def test_a_yearly_series_gives_its_latest_value_and_year():
    world = pd.Series([7.9e9, 8.0e9], index=[2024, 2025])
    assert source_years.value_of_year_or_latest(world, 2026) == (8.0e9, 2025)
    value, used = source_years.value_of_year_or_latest(world, 2000)
    assert used is None and value != value  # NaN


def _tables(population_years: list[int]):
    """A host (JOR) with refugees in 2025 and 2026, World Bank population for
    `population_years` (people = 1,000 x the year's last two digits)."""
    population = pd.DataFrame(
        {
            "year": [2025, 2026],
            "coo_iso": ["SYR", "SYR"],
            "coa_iso": ["JOR", "JOR"],
            "coo_name": ["Syria", "Syria"],
            "coa_name": ["Jordan", "Jordan"],
            "refugees": [100, 120],
            "asylum_seekers": [0, 0],
            "oip": [0, 0],
        }
    )
    unrwa = pd.DataFrame(
        {
            "year": [2025],
            "coo_name": ["Palestinian"],
            "coo_iso": ["PSE"],
            "coa_name": ["Jordan"],
            "coa_iso": ["JOR"],
            "total": [0],
        }
    ).iloc[0:0]
    wb = pd.DataFrame(
        {
            "iso3": ["JOR"] * len(population_years) + ["SYR"] * len(population_years),
            "year": population_years * 2,
            "population": [1000.0 * (y % 100) for y in population_years] * 2,
        }
    )
    gdp = pd.DataFrame({"iso3": ["JOR"], "year": [2024], "gdp_pc_ppp_current_intl_usd": [10_000.0]})
    income = pd.DataFrame(
        {"iso3": ["JOR"], "fiscal_year": [2026], "release_year": [2025], "income_group": ["UM"]}
    )
    ldcs = pd.DataFrame({"iso3": ["AFG"]})
    return population, unrwa, wb, gdp, income, ldcs


def test_hosting_per_inhabitant_uses_the_latest_population_and_records_its_year():
    population, unrwa, wb, gdp, income, ldcs = _tables([2024, 2025])
    table, _joins, _fiscal = hosting.hosting_table(population, unrwa, wb, gdp, income, ldcs, 2026)
    jordan = table.set_index("iso3").loc["JOR"]
    assert jordan["population_year"] == 2025
    assert jordan["refugees_per_1000"] == pytest.approx(1000 * 120 / 25_000)  # 2026 refugees
    by_origin, _join = origins.refugees_by_origin(population, unrwa, wb, 2026)
    syria = by_origin.set_index("iso3").loc["SYR"]
    assert syria["per_100k"] == pytest.approx(100_000 * 120 / 25_000)


def test_claims_per_inhabitant_use_the_latest_population():
    _population, _unrwa, wb, *_ = _tables([2025])
    applications = pd.DataFrame(
        {
            "year": [2026],
            "coa_iso": ["JOR"],
            "app_type": ["N"],
            "app_pc": ["P"],
            "dec_level": ["FI"],
            "applied": [50],
        }
    )
    table = applications_per_1000(applications, wb, 2026, ["JOR"])
    assert table.loc["JOR", "per_1000"] == pytest.approx(1000 * 50 / 25_000)


@settings(max_examples=100)  # cheap: Hypothesis's own default in every profile
@given(
    last_years=st.dictionaries(
        st.sampled_from(["wb_population", "gdp", "solutions", "flows", "asylum_decisions"]),
        st.one_of(st.none(), st.integers(1990, 2030)),
        min_size=1,
    ),
    year=st.integers(1995, 2030),
)
def test_the_sources_behind_are_exactly_those_ending_before_the_year(last_years, year):
    behind = source_years.behind(last_years, year)
    assert set(behind) == {s for s, last in last_years.items() if last is None or last < year}
    note = latest_year_note(behind, year)
    assert (note == "") == (not behind)
    for last in behind.values():
        assert str(last if last is not None else year) in note


@settings(max_examples=100)  # cheap: Hypothesis's own default in every profile
@given(
    years=st.sets(st.integers(1990, 2030), min_size=1, max_size=12),
    year=st.integers(1990, 2030),
)
def test_the_year_used_is_never_after_the_year_asked_and_is_one_the_source_has(years, year):
    used = source_years.year_or_latest(years, year)
    if used is None:
        assert min(years) > year
    else:
        assert used <= year and used in years
        assert not [y for y in years if used < y <= year]


def test_the_note_names_each_source_and_its_year_in_both_languages():
    behind = {"wb_population": 2025, "asylum_decisions": 2024}
    english = latest_year_note(behind, 2026)
    assert "2026" in english
    assert "population: latest World Bank year 2025" in english
    assert "asylum decisions: latest UNHCR year 2024" in english
    with i18n.using("nl"):
        dutch = latest_year_note(behind, 2026)
    assert "bevolking: laatste jaar van de Wereldbank is 2025" in dutch
    assert "asielbeslissingen: laatste jaar van UNHCR is 2024" in dutch
    assert latest_year_note({}, 2026) == ""
