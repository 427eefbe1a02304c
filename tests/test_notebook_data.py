"""The world-wide tables a notebook gets from `ReportData`: what the analysis computes
from the data files, kept per process under the files' checksums, a copy each time."""

from __future__ import annotations

from displacement_report import i18n
from displacement_report.analysis import hosting, protracted
from displacement_report.data import cache, unhcr, worldbank
from displacement_report.notebook import ReportData
from displacement_report.settings import validate_parameters


def _data(language: str = "en") -> ReportData:
    return ReportData(validate_parameters({"report_year": 2025, "language": [language]}))


def test_hosting_table_is_the_analysis_of_the_files_and_computed_once(monkeypatch):
    expected, expected_joins, expected_year = hosting.hosting_table(
        unhcr.load_population(),
        unhcr.load_unrwa(),
        worldbank.load_population(),
        worldbank.load_gdp_per_capita(),
        worldbank.load_income_groups(),
        worldbank.load_ldcs(),
        2025,
    )
    monkeypatch.setattr(cache, "_results", {})
    calls = []
    computed = hosting.hosting_table
    monkeypatch.setattr(hosting, "hosting_table", lambda *args: calls.append(1) or computed(*args))
    data = _data()
    table, joins, fiscal_year = data.hosting_table(2025)
    assert table.equals(expected) and fiscal_year == expected_year
    assert {k: j.table.equals(expected_joins[k].table) for k, j in joins.items()} == dict.fromkeys(
        expected_joins, True
    )
    table["refugees"] = 0  # a notebook's change to its copy
    with i18n.using("nl"):  # the other edition's notebook on the same kernel
        again, _joins, _year = _data("nl").hosting_table(2025)
    assert again.equals(expected)
    assert len(calls) == 1


def test_protracted_situations_are_the_analysis_of_the_population_file(monkeypatch):
    monkeypatch.setattr(cache, "_results", {})
    data = _data()
    data.population.loc[:, "refugees"] = 0  # the notebook's own table, changed
    expected = protracted.situations(unhcr.load_population(), 2025, 25000, 5)
    assert len(expected) > 10  # the real data has many
    assert data.protracted_situations(2025, 25000, 5).equals(expected)
    assert data.protracted_situations(2025, 25000, 5).equals(expected)
    assert len(cache._results) == 1
    assert not data.protracted_situations(2025, 100000, 5).equals(expected)
