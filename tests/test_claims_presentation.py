"""Chapter 6 as the reader sees it: figures at the letter's precision, sentences that
match their series, tables whose sources are linked titles, the ECB rate and the
reference figures picked by year, never borrowed from another."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from displacement_report.analysis import exchange
from displacement_report.analysis.claims import HOLDS, ROUGHLY, Source, references
from displacement_report.present import charts
from displacement_report.present.narrative import claims as narrative
from displacement_report.present.tables import claims as tables


@pytest.mark.parametrize(
    ("stated", "high", "unit", "wording", "expected"),
    [
        (80e6, None, "people", "almost", "almost 80 million"),  # not '80.00 million'
        (26e6, None, "people", "exact", "26 million"),
        (6.7e6, None, "people", "more_than", "more than 6.7 million"),
        (4.5, None, "percent", "exact", "4.5%"),
        (57, None, "percent", "exact", "57%"),
        (128e6, None, "EUR", "exact", "EUR 128 million"),
        (10, 26, "years", "range", "10 to 26 years"),
        (66.7, None, "percent", "majority_by_far", "by far most"),
    ],
)
def test_the_letters_figures_read_as_the_letter_wrote_them(stated, high, unit, wording, expected):
    assert tables.stated_phrase(stated, high, unit, wording) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (78_377_280, "people", "78.4 million"),
        (-5_419_135, "people", "−5.4 million"),
        (63_696, "people", "63,696"),
        (4.5497, "percent", "4.5%"),
        (0.3877, "percentage points", "+0.39 points"),
        (135_500_000, "EUR", "EUR 135.5 million"),
        (2, "rank", "2nd"),
        (None, "people", "–"),
    ],
)
def test_recomputed_values_have_sensible_precision(value, unit, expected):
    assert tables.claim_value(value, unit) == expected


SERIES = pd.Series({2018: 72.6e6, 2019: 78.4e6, 2020: 81.5e6, 2024: 124.7e6, 2025: 119.3e6})
PUBLISHED = pd.Series({2018: 70.8e6, 2019: 79.5e6})


def test_a_last_year_that_fell_is_said_to_fall():
    text = narrative.headline_trend_sentence(SERIES, PUBLISHED, 2019, 2025)
    assert "78.4 million" in text and "79.5 million published" in text
    assert "it had risen to 119.3 million" in text  # not "had rose"
    assert "falling in the last year from 124.7 million" in text
    assert "kept rising" not in text


def test_a_rise_every_year_gets_no_fall():
    text = narrative.headline_trend_sentence(SERIES, PUBLISHED, 2019, 2024)
    assert "risen to 124.7 million" in text and "falling" not in text


def test_a_report_year_before_the_letter_compares_backwards():
    series = pd.Series({1995: 41.1e6, 2019: 78.4e6})
    text = narrative.headline_trend_sentence(series, PUBLISHED, 2019, 1995)
    assert "At the end of 1995 it stood at 41.1 million, 37.3 million fewer" in text


def test_every_figure_of_the_chart_title_is_marked_in_the_chart():
    title = narrative.claim_trend_title(SERIES, PUBLISHED, 2019, 2025)
    marks = {2019: PUBLISHED.loc[2019], 2025: SERIES.loc[2025]}
    fig = charts.claim_against_series(SERIES, PUBLISHED, 80e6, "the letter", title, "S", marks)
    labels = {t.get_text() for t in fig.axes[0].texts}
    for figure in re.findall(r"(\d+\.\d) million", title):
        assert f"{figure} M" in labels
    plt.close(fig)


def _assessed(**overrides) -> pd.DataFrame:
    base = {
        "claim_id": "C01",
        "section": "Global displacement",
        "paraphrase": "Close to 80 million people are displaced <b>",
        "stated": 80e6,
        "stated_high": None,
        "unit": "people",
        "wording": "almost",
        "timing": "current",
        "method": "data",
        "letter_year": 2019,
        "published_value": 79.5e6,
        "published_period": "2019",
        "published_secondary": False,
        "published_note": "",
        "revised_value": 78.4e6,
        "revised_period": "2019",
        "revised_detail": "",
        "revised_missing": "",
        "revised_verdict": HOLDS,
        "then_basis": "published",
        "then_verdict": HOLDS,
        "now_year": 2025,
        "now_value": 119.3e6,
        "now_period": "2025",
        "now_detail": "",
        "now_missing": "",
        "now_secondary": False,
        "latest_value": None,
        "latest_period": "",
        "now_verdict": "outdated (higher now)",
        "database": True,
        "worldbank": False,
        "sources": [Source("Global Trends 2019", "https://example.org/gt?a=1&b=2", "secondary")],
        "measure": "All five groups",
        "reason": "",
    }
    return pd.DataFrame([base | overrides])


def test_the_claims_table_links_titles_marks_secondary_and_shows_no_ids():
    page = tables.claims_table(_assessed(), "Global displacement", 2025)
    assert '<a href="https://example.org/gt?a=1&amp;b=2">Global Trends 2019</a>' in page
    assert "(secondary source)" in page
    assert "&lt;b&gt;" in page and "<b>" not in page  # data is text, never markup
    assert not re.search(r"\b[FGA]\d{3}\b", page)
    assert "Now (2025)" in page and "outdated (higher now)" in page


def test_the_summary_counts_the_verdicts_and_names_revisions():
    frame = pd.concat(
        [
            _assessed(),
            _assessed(claim_id="C35", revised_verdict="does not hold", now_verdict="holds"),
            _assessed(claim_id="C06", then_verdict=ROUGHLY, revised_verdict=ROUGHLY),
        ],
        ignore_index=True,
    )
    text = narrative.claims_summary(frame, 2025)
    assert "**3 quantitative statements**" in text
    assert "**2 hold**, 1 roughly holds and 0 do not hold" in text
    assert "C35 would does not hold" not in text and "C35 would not hold" in text
    assert "2 are outdated" in text


def test_the_ecb_annual_average_matches_the_ecbs_published_figure():
    # ECB annual averages of the euro reference rate: 1.1195 (2019), 1.1827 (2021)
    assert round(exchange.annual_average("USD", 2019).rate, 4) == 1.1195
    rate = exchange.annual_average("USD", 2021)
    assert round(rate.rate, 4) == 1.1827 and rate.days > 250
    assert "2021 annual average" in rate.describe()
    with pytest.raises(exchange.NoRate):
        exchange.annual_average("USD", 1995)  # the euro's rates start in 1999


@pytest.mark.parametrize(
    ("period", "year"),
    [
        ("2015-16", 2016),
        ("end 2022 (2021-22 academic year data)", 2022),
        ("Dec 2014-2022", 2022),
        ("July 2020", 2020),
        ("end 2015", 2015),
        ("undated", None),
    ],
)
def test_the_year_of_a_reference_period(period, year):
    assert references.year_of(period) == year


def test_a_figure_of_another_year_is_never_borrowed():
    table = pd.DataFrame(
        {
            "value": [7.1e6, 14.8e6],
            "unit": ["children"] * 2,
            "period": ["2018", "end 2022"],
            "year": [2018, 2022],
            "title": ["a", "b"],
            "url": ["https://a", "https://b"],
            "quality": ["primary"] * 2,
        },
        index=["F141", "F147"],
    )
    found, latest = references.for_year("F141;F147", table, 2025)
    assert found is None and latest.value == 14.8e6
    found, _ = references.for_year("F141;F147", table, 2018)
    assert found.value == 7.1e6
