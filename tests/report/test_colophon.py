"""The colophon's parameters as a reader reads them: named in the edition's language,
countries and languages by name, no parameter's internal name on the page."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from displacement_report import i18n
from displacement_report.report import colophon
from displacement_report.settings import ReportSettings, validate_parameters


def _parameters_table(settings: ReportSettings, language: str) -> dict[str, str]:
    with i18n.using(language):
        page = colophon.colophon_html(colophon.collect(settings, "test", (), "2026-01-01"))
    table = BeautifulSoup(page, "html.parser").find("table")
    return {
        row.th.get_text(): row.td.get_text()
        for row in table.find_all("tr")  # the first table: the parameters
    }


def test_every_parameter_has_a_label_for_the_page():
    assert set(colophon.PARAMETER_LABELS) == set(ReportSettings.model_fields)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_parameter_is_named_on_the_page_by_its_internal_name(tmp_path, language):
    settings = validate_parameters(
        {"report_year": 2025, "iati_file": None, "output_dir": str(tmp_path / "uit")}
    )
    rows = _parameters_table(settings, language)
    assert len(rows) == len(ReportSettings.model_fields)
    for label in rows:
        assert not re.search(r"\w_\w", label), label
        assert label not in ReportSettings.model_fields
    assert str(tmp_path) not in " ".join(rows.values())  # a folder by its own name only


def test_the_dutch_colophon_names_years_countries_and_editions_in_dutch():
    settings = validate_parameters(
        {"report_year": 2024, "baseline_year": 2019, "focus_countries": ["JOR", "EGY"]}
    )
    rows = _parameters_table(settings, "nl")
    assert rows["Verslagjaar"] == "2024"
    assert rows["Vergelijkingsjaar"] == "2019"
    assert rows["Focuslanden"] == "Jordanië (JOR), Egypte (EGY)"
    assert rows["Edities"] == "Nederlands en Engels"
    assert rows["IATI-activiteitenbestand"] == "geen"
    english = _parameters_table(settings, "en")
    assert english["Editions"] == "Dutch and English"
    assert english["Protracted situation: refugees of one nationality in one country"] == "25,000"
