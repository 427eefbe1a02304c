"""Report parameters: accepted when sensible, refused with a message naming the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from displacement_report import config
from displacement_report.errors import ParameterError
from displacement_report.letter import FOCUS_COUNTRIES as LETTER_FOCUS_COUNTRIES
from displacement_report.settings import (
    DataCoverage,
    parse_settings,
    validate_parameters,
)

COVERAGE = DataCoverage(range(1990, 2026), frozenset({"JOR", "LBN", "TUR", "EGY"}))


def test_defaults_are_the_letters_focus_countries_and_2019_baseline():
    settings = parse_settings({"report_year": 2025})
    assert settings.focus_countries == LETTER_FOCUS_COUNTRIES
    assert settings.baseline_year == 2019
    assert settings.data_dir is None


def test_settings_are_frozen():
    settings = parse_settings({"report_year": 2025})
    with pytest.raises(Exception, match="frozen"):
        settings.report_year = 2019


def test_empty_dir_strings_mean_default():
    settings = parse_settings({"report_year": 2025, "data_dir": "", "output_dir": ""})
    assert settings.data_dir is None and settings.output_dir is None


def test_paths_become_paths():
    settings = parse_settings({"report_year": 2025, "output_dir": "/tmp/x"})
    assert settings.output_dir == Path("/tmp/x")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"report_year": 2019, "colour": "red"},
            "unknown parameter 'colour'; allowed: report_year",
        ),
        ({"report_year": "2019"}, r"report_year: Input should be a valid integer \(got '2019'\)"),
        ({"report_year": 2019.5}, r"report_year: .*integer"),
        ({"report_year": 2019, "baseline_year": 2020}, "baseline_year 2020 is after report_year"),
        ({"report_year": 2019, "focus_countries": []}, "focus_countries: .*at least 1"),
        ({"report_year": 2019, "focus_countries": "JOR"}, "must be a list of ISO3 codes"),
        ({"report_year": 2019, "focus_countries": ["jor"]}, r"focus_countries\.0: .*'jor'"),
        ({"report_year": 2019, "focus_countries": ["JOR", "JOR"]}, r"lists \['JOR'\] more than"),
        ({}, "report_year: Field required"),
    ],
)
def test_bad_parameters_are_named(params, expected):
    with pytest.raises(ParameterError, match=expected):
        parse_settings(params)


def test_year_outside_the_data_lists_the_allowed_range():
    settings = parse_settings({"report_year": 2031})
    with pytest.raises(
        ParameterError, match="report_year=2031 is outside the data: allowed 1990-2025"
    ):
        settings.check_against(COVERAGE)


def test_unknown_country_names_close_codes_only():
    settings = parse_settings({"report_year": 2019, "focus_countries": ["JOR", "LBM"]})
    with pytest.raises(ParameterError) as err:
        settings.check_against(COVERAGE)
    message = str(err.value)
    assert "unknown country code 'LBM'" in message
    assert "close matches: LBN" in message
    assert "EGY" not in message and "TUR" not in message  # not every known code


def test_unknown_country_without_a_close_code_says_so():
    settings = parse_settings({"report_year": 2019, "focus_countries": ["QQQ"]})
    with pytest.raises(ParameterError, match="'QQQ' \\(no close match\\)"):
        settings.check_against(COVERAGE)


def test_against_the_real_data(real_dir):
    ok = validate_parameters({"report_year": 2025, "data_dir": str(real_dir)})
    assert ok.report_year == 2025
    with pytest.raises(ParameterError, match="allowed 1990-2025"):
        validate_parameters({"report_year": 1989, "baseline_year": 1989, "trend_start_year": 1989})
    # 'Stateless' has a code in countries.csv but is no place that hosts anyone
    with pytest.raises(ParameterError, match="unknown country code 'XXA'"):
        validate_parameters({"report_year": 2025, "focus_countries": ["XXA"]})


def test_every_named_parameter_set_is_valid(real_dir):
    assert "default" in config.available()
    for name in config.available():
        _, values = config.load(name)
        validate_parameters(values)


def test_overrides_are_read_as_literals():
    assert config.parse_overrides(["report_year=2019", "focus_countries=[JOR, LBN]"]) == {
        "report_year": 2019,
        "focus_countries": ["JOR", "LBN"],
    }
    with pytest.raises(ParameterError, match="key=value"):
        config.parse_overrides(["report_year"])


def test_unknown_parameter_set_lists_the_available_ones():
    with pytest.raises(ParameterError, match=r"available: .*default"):
        config.load("no-such-set")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"report_year": 2019, "trend_start_year": 2019.0}, "trend_start_year: .*integer"),
        ({"report_year": 2019, "trend_start_year": 2018, "baseline_year": 2010}, "after baseline"),
        ({"report_year": 2019, "protracted_threshold": 0}, "protracted_threshold: .*greater than"),
        ({"report_year": 2019, "protracted_years": 0}, "protracted_years: .*greater than"),
    ],
)
def test_analysis_parameters_are_checked(params, expected):
    with pytest.raises(ParameterError, match=expected):
        parse_settings(params)


def test_missing_worldbank_folder_is_reported_up_front(tmp_path):
    from displacement_report.errors import DataFileError

    with pytest.raises(DataFileError, match="World Bank data folder not found"):
        validate_parameters({"report_year": 2019, "worldbank_dir": str(tmp_path / "none")})
