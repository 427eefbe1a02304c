"""The data file beside an exhibit: columns named and values rounded as the page prints
them, whole numbers without '.0', a missing value an empty cell (hand-made frames)."""

from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.present import exhibits
from displacement_report.present import format as fmt
from displacement_report.present.datafile import DataColumns, decimals_shown, rounded


def _csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def test_a_chart_s_columns_are_named_ordered_and_rounded_as_declared():
    data = pd.DataFrame(
        {
            "series": ["Refugees", "Refugees", "IDPs", "IDPs"],
            "x": [2019, 2020, 2019, 2020],
            "value": [436226.0, 1_000_000.4, float("nan"), 2.6],
        }
    )
    saved = DataColumns(x="year", series="group", value="people").apply(data)
    assert _csv(saved) == (
        "year,group,people\n2019,Refugees,436226\n2020,Refugees,1000000\n2019,IDPs,\n2020,IDPs,3\n"
    )
    assert saved.attrs["columns"] == {"x": "year", "series": "group", "value": "people"}


def test_a_rate_keeps_the_decimals_printed_and_a_scale_divides_first():
    data = pd.DataFrame({"series": ["", ""], "x": ["Jordan", "Chad"], "value": [246.0274928, 7.0]})
    rates = DataColumns(x="country", value="per 1,000", decimals=2).apply(data)
    assert _csv(rates) == 'country,"per 1,000"\nJordan,246.03\nChad,7\n'
    money = pd.DataFrame({"series": ["Draft"] * 2, "x": [2021, 2022], "value": [174.46e6, 167e6]})
    eur = DataColumns(x="year", value="EUR million", decimals=1, scale=1e6).apply(money)
    # one series, its label in the title: no column for it
    assert _csv(eur) == "year,EUR million\n2021,174.5\n2022,167\n"


def test_panels_get_a_column_only_where_the_chart_has_several():
    data = pd.DataFrame(
        {"panel": ["Chad", "Chad"], "series": ["a", "b"], "x": [2020, 2020], "value": [1.0, 2.0]}
    )
    one = DataColumns(x="year", series="group", value="people", panel="country").apply(data)
    assert one.columns.tolist() == ["country", "year", "group", "people"]
    several = data.assign(panel=["Chad", "Niger"])
    undeclared = DataColumns(x="year", series="group", value="people").apply(several)
    assert undeclared.columns.tolist() == ["part of the chart", "year", "group", "people"]
    single = DataColumns(x="year", series="group", value="people").apply(data)
    assert single.columns.tolist() == ["year", "group", "people"]


def test_rounded_writes_whole_numbers_as_integers_and_keeps_gaps():
    frame = pd.DataFrame(
        {
            "Country": ["Chad", "Niger"],
            "Refugees": [1_502_263.0, float("nan")],
            "Share": [52.16, 47.849],
            "Exact": [0.333333, 0.5],
        }
    )
    out = rounded(frame, {"Share": 1})
    assert _csv(out) == (
        "Country,Refugees,Share,Exact\nChad,1502263,52.2,0.333333\nNiger,,47.8,0.5\n"
    )
    assert str(out["Refugees"].dtype) == "Int64"


def test_a_column_of_figures_and_gaps_held_as_objects_is_numeric_too():
    frame = pd.DataFrame({"Then": [80_000_000.0, None, 26_044_498], "Flag": [True, False, None]})
    assert _csv(rounded(frame, {})) == "Then,Flag\n80000000,True\n,False\n26044498,\n"


def test_values_are_rounded_as_the_page_prints_them():
    frame = pd.DataFrame({"rate": [2.675, 0.125, 1.005, 246.02749281205874]})
    out = rounded(frame, {"rate": 2})
    printed = [fmt.two_decimals(v) for v in frame["rate"]]
    assert [f"{v:.2f}" for v in out["rate"]] == printed == ["2.68", "0.12", "1.00", "246.03"]


def test_the_decimals_a_table_shows_follow_its_formatters():
    values = pd.Series([12.345, 20_414_669.0])
    assert decimals_shown(fmt.count, values) == 0
    assert decimals_shown(fmt.in_millions, values) == 0  # people, however scaled
    assert decimals_shown(fmt.one_decimal, values) == 1
    assert decimals_shown(fmt.two_decimals, values) == 2
    assert decimals_shown(fmt.signed_percent, values) == 1
    assert decimals_shown(None, values) is None
    assert decimals_shown(lambda v: f"about {v:,.3f}", values) == 3
    assert decimals_shown(lambda v: "not counted yet", values) is None


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "€ 27,100", 0), ("nl", "€ 27.100", 0), ("nl", "1,25%", 2)],
)
def test_printed_decimals_read_the_edition_s_decimal_mark(language, text, expected):
    with i18n.using(language):
        assert decimals_shown(lambda _v: text, pd.Series([1.0])) == expected


def test_a_year_without_a_figure_is_an_empty_cell_in_a_chart_s_file(tmp_path):
    from displacement_report.present.charts import reception_costs

    exhibits.configure(tmp_path, {}, "test")
    try:
        table = pd.DataFrame({"regular": [27_100.0, math.nan]}, index=[2022, 2023])
        fig = reception_costs.year_bars(table, {"regular": "Regular"}, "Title", "EUR a year", "S")
        exhibits.chart_html(fig, "cost")
        plt.close(fig)
    finally:
        exhibits._context = None
    assert (tmp_path / "cost.csv").read_text() == "year,EUR a year\n2022,27100\n2023,\n"


def test_new_and_repeat_claims_are_empty_in_a_year_not_told_apart():
    from displacement_report.present.charts import asylum_and_region

    table = pd.DataFrame(
        {"new": [0, 900], "not_split": [1_000, 0], "repeat": [0, 100]}, index=[2000, 2024]
    )
    labels = {"new": "New", "not_split": "Not told apart", "repeat": "Repeat"}
    fig = asylum_and_region.claims_by_year(table, labels, "Title", "Source")
    saved = exhibits.data_file(fig)
    plt.close(fig)
    assert _csv(saved) == (
        "year,kind of claim,claims\n"
        "2000,New,\n2024,New,900\n"
        "2000,Not told apart,1000\n2024,Not told apart,0\n"
        "2000,Repeat,\n2024,Repeat,100\n"
    )


def test_whole_figures_among_fractions_keep_no_trailing_zero():
    frame = pd.DataFrame({"Claim": list("abcd"), "Then": [78_377_282.0, 1.0309278, None, 54.054]})
    assert _csv(rounded(frame, {"Then": 1})) == "Claim,Then\na,78377282\nb,1\nc,\nd,54.1\n"
