"""The country profile's opening for years before IDMC's country figures (before 2009),
where a host's internally displaced and so its total are unknown."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.present.charts import collisions
from displacement_report.present.charts import global_picture as charts
from displacement_report.present.narrative.focus_countries import profile_paragraph


def _over_time(rows: dict[int, dict[str, object]]) -> pd.DataFrame:
    table = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=list(COMPONENTS))
    table = table.astype("Int64")
    table[TOTAL] = table.sum(axis=1, skipna=False)
    return table.rename_axis("year")


NO_IDPS = {"refugees": 900_000, "unrwa_refugees": 0, "asylum_seekers": 100_000, "oip": 0}


def test_a_year_without_an_idp_figure_says_so_and_compares_people_from_abroad():
    table = _over_time(
        {1992: NO_IDPS | {"idps": pd.NA}, 1995: NO_IDPS | {"refugees": 1_400_000, "idps": pd.NA}}
    )
    text = profile_paragraph(table, "Pakistan", 1992, 1995)
    assert "hosted 1.5 million refugees and asylum-seekers (" in text  # no OIP counted yet
    assert "IDMC gives no figure for people displaced inside the country in 1995" in text
    # 1.5 M against 1.0 M from abroad: +50%, the IDPs unknown in both years
    assert "number of people hosted from abroad rose by 50% since the end of 1992" in text


def test_no_idp_clause_when_nobody_is_displaced_inside():
    table = _over_time({2019: NO_IDPS | {"idps": 0}})
    text = profile_paragraph(table, "Germany", 2019, 2019)
    assert "displaced inside" not in text and text.endswith("100,000 asylum-seekers).")


def test_the_trend_chart_scales_to_the_bars_when_totals_are_missing():
    table = _over_time({1994: NO_IDPS | {"idps": pd.NA}, 1995: NO_IDPS | {"idps": pd.NA}})
    fig = charts.displacement_trend(table, "title", "Source: test", highlight=(1995,))
    low, high = fig.axes[0].get_ylim()
    assert (low, high) == (0, 1_000_000 * 1.1)


def test_a_total_label_sits_clear_of_a_taller_neighbouring_bar():
    table = _over_time(
        {
            2022: NO_IDPS | {"idps": 0},
            2023: NO_IDPS | {"refugees": 1_600_000, "idps": 0},
            2024: NO_IDPS | {"refugees": 1_400_000, "idps": 0},
            2025: NO_IDPS | {"refugees": 1_200_000, "idps": 0},
        }
    )
    fig = charts.displacement_trend(table, "title", "Source: test", highlight=(2024, 2025))
    middle, last = fig.axes[0].texts
    assert middle.get_text() == "1.5 M"  # 2024's own total ...
    assert middle.xy == (2024, 1_700_000)  # ... above 2023's taller bar, centred on 2024
    # the last year's total stands right of its own bar at its own height, not above
    # 2024's taller bar, where it would read as 2024's
    assert last.get_text() == "1.3 M"
    assert last.xy == (2025.45, 1_300_000)
    assert (last.get_ha(), last.get_va()) == ("left", "center")
    assert collisions.problems(fig) == []  # inside the frame, clear of every bar


def test_the_last_total_fits_inside_the_frame_of_a_long_chart():
    years = {year: NO_IDPS | {"refugees": 120_000_000, "idps": 0} for year in range(2000, 2026)}
    fig = charts.displacement_trend(_over_time(years), "t", "S", highlight=(2019, 2025))
    assert [t.get_text() for t in fig.axes[0].texts][-1] == "120.1 M"
    assert collisions.problems(fig) == []
    matplotlib.pyplot.close(fig)
    matplotlib.pyplot.close(fig)


def test_a_factsheet_s_totals_carry_their_year_and_still_fit_the_frame():
    # Jordan 2019: a total over a lower bar, taller ones later, read as the peak's
    rising = {
        year: NO_IDPS | {"refugees": 100_000 * (year - 1990), "idps": 0}
        for year in range(2000, 2026)
    }
    table = _over_time(rising)  # 2019: 2.9 M refugees and 0.1 M asylum-seekers
    size = (6.7, 1.9)  # the factsheet's low chart
    dated = charts.displacement_trend(
        table, "t", "S", highlight=(2019, 2025), size=size, low=True, dated_totals=True
    )
    assert [t.get_text() for t in dated.axes[0].texts] == ["2019: 3.0 M", "2025: 3.6 M"]
    assert collisions.problems(dated) == []
    # room to spare at the frame: the PDF draws the text a little wider than measured here
    renderer = dated.canvas.get_renderer()
    to_spare = (
        dated.axes[0].get_window_extent(renderer).x1
        - dated.axes[0].texts[-1].get_window_extent(renderer).x1
    )
    assert to_spare >= charts.LABEL_CLEARANCE_PT * dated.dpi / 72 - 0.5
    plain = charts.displacement_trend(table, "t", "S", highlight=(2019, 2025), size=size, low=True)
    assert [t.get_text() for t in plain.axes[0].texts] == ["3.0 M", "3.6 M"]  # the report's
    matplotlib.pyplot.close("all")
