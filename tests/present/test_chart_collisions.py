"""The chart check finds what readers found on the charts, on small hand-made figures:
colliding labels, a label over a line or a bar, a legend over a tick label, text
outside the figure or across the frame, a line cut off by the frame, a year label under
an empty slot, an empty legend entry, a number without its thousands separator; and
finds nothing on a clean chart."""

from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from displacement_report.present import exhibits
from displacement_report.present.charts.collisions import problems


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _clean() -> plt.Figure:
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot([2019, 2020, 2021], [1.0, 2.0, 1.5], label="Refugees")
    ax.set_ylim(0, 2.5)
    ax.set_title("A clean chart", loc="left")
    ax.set_ylabel("Millions")
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def test_a_clean_chart_has_no_problem():
    assert problems(_clean()) == []


def test_two_value_labels_on_top_of_each_other():
    fig = _clean()
    ax = fig.axes[0]
    ax.annotate("2,521", xy=(2020, 0.5), ha="center")
    ax.annotate("2,565", xy=(2020.02, 0.52), ha="center")
    assert "label '2,521' overlaps label '2,565'" in problems(fig)


def test_a_label_over_a_line():
    fig = _clean()
    fig.axes[0].annotate("across the line", xy=(2020, 1.95), ha="center")
    assert any("lies over the line 'Refugees'" in p for p in problems(fig))


def test_a_label_running_into_another_bar():
    fig, ax = plt.subplots(figsize=(6, 3.5))
    bars = ax.bar([0, 1], [578, 749], width=0.9)
    ax.set_ylim(0, 900)
    ax.bar_label(bars, labels=["more than 578 and then some", "749"], fontsize=16)
    fig.tight_layout()
    found = problems(fig)
    assert "label 'more than 578 and then some' runs into a bar it does not belong to" in found


def test_a_legend_over_a_tick_label():
    fig = _clean()
    fig.axes[0].legend(loc="upper left", bbox_to_anchor=(-0.15, 0.72))
    assert any("overlaps" in p and "legend" in p and "tick label" in p for p in problems(fig))


def test_an_axis_title_running_into_the_source_line():
    fig = _clean()
    fig.text(0.5, 0.005, "Source: somewhere", ha="center", va="bottom")
    fig.axes[0].set_xlabel("Year\n\n\n")
    found = problems(fig)
    assert any("axis title 'Year'" in p and "figure text 'Source: somewhere'" in p for p in found)


def test_text_outside_the_figure_and_across_the_frame():
    fig = _clean()
    ax = fig.axes[0]
    ax.annotate("half in, half out", xy=(2021, 2.45), ha="left")
    found = problems(fig)
    assert "label 'half in, half out' crosses the frame of its axes" in found
    assert "label 'half in, half out' leaves the figure" in found


def test_a_line_cut_off_by_the_frame_or_touching_its_top():
    fig = _clean()
    fig.axes[0].plot([2019, 2021], [1.0, 3.0], label="Index")
    assert "the line 'Index' runs into the frame" in problems(fig)
    fig = _clean()
    fig.axes[0].plot([2019, 2021], [1.0, 2.5], label="Index")
    assert "the line 'Index' runs into the frame" in problems(fig)


def test_a_year_label_under_an_empty_slot():
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.bar([2021, 2022, 2023], [5.0, float("nan"), 3.0])
    ax.set_xticks([2021, 2022, 2023], ["2021", "2022", "2023"])
    fig.tight_layout()
    assert problems(fig) == ["the label '2022' stands under an empty slot"]


def test_a_legend_entry_for_a_series_that_is_zero_throughout():
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.stackplot([1, 2, 3], [1, 2, 3], [0, 0, 0], labels=["Refugees", "Other people"])
    ax.legend(loc="upper left")
    fig.tight_layout()
    assert problems(fig) == ["the legend names 'Other people', which no panel shows"]


def test_a_tick_label_without_thousands_separator_but_years_are_years():
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot([2019, 2020, 2021], [1000, 4000, 3000])
    fig.tight_layout()
    found = problems(fig)
    assert "tick label '4000' has no thousands separator" in found
    assert not any("2020" in p for p in found)


def test_saving_with_the_hook_records_every_chart(tmp_path, monkeypatch):
    record = tmp_path / "charts.jsonl"
    monkeypatch.setenv(exhibits.CHECK_CHARTS_ENV, str(record))
    fig = _clean()
    fig.axes[0].annotate("2,521", xy=(2020, 0.5))
    fig.axes[0].annotate("2,565", xy=(2020, 0.5))
    exhibits.save(fig, "crowded", tmp_path / "figures")
    exhibits.save(_clean(), "clean", tmp_path / "figures")
    lines = [json.loads(line) for line in record.read_text().splitlines()]
    assert [line["chart"].rsplit("/", 1)[1] for line in lines] == ["crowded", "clean"]
    assert lines[0]["problems"] == ["label '2,521' overlaps label '2,565'"]
    assert lines[1]["problems"] == []


# --- what the report's charts do so that the check finds nothing -----------------------


def test_axis_numbers_are_grouped_in_the_editions_locale():
    from displacement_report import i18n
    from displacement_report.present.charts.axes import LocalizedFormatter

    for language, expected in (("en", "4,000"), ("nl", "4.000")):
        with i18n.using(language):
            fig, ax = plt.subplots()
            ax.plot([0, 4000], [0, 4000])
            ax.set_ylim(0, 4000)
            ax.yaxis.set_major_formatter(LocalizedFormatter())
            fig.canvas.draw()
            assert expected in [t.get_text() for t in ax.get_yticklabels()]


def test_crowded_bar_labels_are_turned_upright_and_fit_the_frame():
    import pandas as pd

    from displacement_report.present import style
    from displacement_report.present.charts import kinds

    style.apply()
    stages = pd.DataFrame(
        {
            "draft": [606e6, 775e6, 1136e6, 2797e6, None],
            "first": [538e6, 809e6, 1200e6, 2521e6, 3885e6],
            "second": [749e6, None, 1570e6, 2565e6, None],
            "final": [None, None, None, 2600e6, None],
        },
        index=[2020, 2021, 2022, 2023, 2024],
    )
    labels = {c: c for c in stages.columns}
    fig = kinds.budget_stages(stages, labels, "A title that is long enough " * 4, "Source")
    assert problems(fig) == []
    assert {t.get_rotation() for t in fig.axes[0].texts if t.get_text()} == {90.0}


def test_a_long_title_and_source_are_wrapped_inside_the_figure():
    from displacement_report.present import style

    style.apply()
    fig, ax = plt.subplots()
    ax.plot([2019, 2020], [1, 2], label="_line")
    ax.set_title("A finding stated in a title much longer than the chart is wide " * 2)
    ax.set_ylabel("A value axis title far longer than the axes are high, in words " * 2)
    style.add_source(fig, "Sources: " + "a publisher, a title, a date; " * 12)
    assert problems(fig) == []


def test_a_horizontal_axis_title_wider_than_the_figure_is_wrapped():
    """Chapter 2's ranked bars: 'Refugees and other people in need of international
    protection and Palestine refugees (UNRWA) per 1,000 inhabitants' ran off the chart."""
    from displacement_report.present import style
    from displacement_report.present.charts.hosting_and_origins import ranked_bars

    style.apply()
    long_title = (
        "Refugees and other people in need of international protection and Palestine "
        "refugees (UNRWA) per 1,000 inhabitants"
    )
    # long country names push the axes right: the title is centred under the axes
    names = ["Lebanon", "Jordan", "Central African Republic", "Türkiye"]
    values = pd.Series([250.0, 180.0, 90.0, 40.0])
    fig = ranked_bars(names, values, "A title", long_title, "Source: X", "b")
    assert problems(fig) == []
    assert "\n" in fig.axes[0].xaxis.label.get_text()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_factsheet_pyramid_keeps_its_age_bands_apart(language):
    """At the factsheet's size the Dutch axis title took a second line and pushed the
    age bands of Jordan's pyramid onto each other."""
    from displacement_report import i18n
    from displacement_report.analysis import demographics
    from displacement_report.data import unhcr
    from displacement_report.present import style
    from displacement_report.present.charts import country_profile as charts

    style.apply()
    pyramid = demographics.age_sex_pyramid(unhcr.load_demographics(), "JOR", 2025)
    with i18n.using(language):
        fig = charts.age_sex_pyramid(
            pyramid,
            "By age and sex",
            "Source: UNHCR Refugee Population Statistics",
            "c",
            (3.9, 2.2),
        )
    assert problems(fig) == []


def _index_lines() -> pd.DataFrame:
    """Lines high at both ends (Figure 6.2's budget line ended high in 2023, where the
    legend at the top right had its corner): no top corner is free."""
    return pd.DataFrame(
        {
            "budget": [182.0, 97.0, 100.0, 120.0, 182.0],
            "focus": [100.0, 102.8, 131.0, 151.1, 129.8],
            "world": [100.0, 121.5, 133.2, 141.3, 135.2],
        },
        index=[2021, 2022, 2023, 2024, 2025],
    )


def test_a_legend_over_or_touching_a_line():
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot([2019, 2020, 2021], [1.0, 2.0, 2.4], label="Refugees")
    ax.set_ylim(0, 2.5)
    ax.legend(loc="upper right")
    assert "the legend lies over or touches the line 'Refugees'" in problems(fig)


def test_a_line_charts_legend_is_placed_clear_of_its_lines():
    from displacement_report.present import style
    from displacement_report.present.charts import kinds

    names = {
        "budget": "Sub-article 4.2, draft budget",
        "focus": "Forcibly displaced in the focus countries",
        "world": "Forcibly displaced worldwide",
    }
    with matplotlib.rc_context():
        style.apply()  # the report's figure size and type, where the legend met the line
        fig = kinds.share_lines(_index_lines(), names, "Index", "Index", "Source: test")
        assert problems(fig) == []
        # at the top right, where matplotlib's 'best' put Figure 6.2's, it would touch a line
        fig.axes[0].legend(loc="upper right", fontsize=8)
        assert "the legend lies over or touches the line 'Sub-article 4.2, draft budget'" in (
            problems(fig)
        )


def test_a_name_with_a_number_in_it_is_not_a_number_on_the_axis():
    """UNHCR's 'Serbia and Kosovo: S/RES/1244 (1999)' among the bar labels (a 2001 chart)."""
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.barh(["Serbia and Kosovo: S/RES/1244 (1999)", "Germany"], [12.5, 8.0])
    fig.tight_layout()
    assert not any("thousands separator" in p for p in problems(fig))


def test_a_last_point_s_mark_with_lines_all_around_gets_room_after_it():
    """Durable solutions in 2001: the line falls steeply into its last point, another runs
    just below it; above, beside and below the point the mark would lie over a line, so
    the frame widens and the mark goes after the point."""
    from displacement_report.present import style
    from displacement_report.present.charts import kinds

    years = pd.Index(range(1990, 2002), name="year")
    table = pd.DataFrame(
        {
            "all": [2.5, 13.7, 14.5, 6.0, 19.9, 8.8, 15.6, 8.3, 10.3, 16.1, 10.3, 5.5],
            "returns": [1.0, 12.6, 13.3, 4.8, 18.5, 7.6, 14.0, 7.0, 8.5, 13.9, 6.6, 3.8],
        },
        index=years,
    )
    with matplotlib.rc_context():
        style.apply()
        fig = kinds.share_lines(
            table,
            {"all": "All three together", "returns": "Refugees returned home"},
            "Durable solutions reached 5.5% of refugees in 2001",
            "% of refugees",
            "Source: test",
            mark=(2001, "all", "5.5%"),
        )
        assert problems(fig) == []
        (mark,) = fig.axes[0].texts
        assert mark.get_ha() == "left" and fig.axes[0].get_xlim()[1] > 2001.5
        # the room after the last point is not labelled as a year without data
        years = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        assert years[-1] == "2000" and "2002" not in years
