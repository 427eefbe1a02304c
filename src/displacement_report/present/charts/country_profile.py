"""Charts of the country profile that the report's chapters do not draw, in the report's
style (`present.style`), each carrying its source line."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from displacement_report.analysis.demographics import Pyramid
from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import legend_over_bars

#: Men and boys left, women and girls right (the legend in the same order); the hatch
#: tells them apart without colour.
SEXES = {
    "male": (style.OKABE_ITO["blue"], "//"),
    "female": (style.OKABE_ITO["vermillion"], ""),
}


def _sex_label(sex: str) -> str:
    return _("Women and girls") if sex == "female" else _("Men and boys")


def _absolute(value: float, _pos: int) -> str:
    return f"{abs(value):g}"


def age_sex_pyramid(
    pyramid: Pyramid, title: str, source: str, caption: str, size: tuple[float, float]
) -> plt.Figure:
    """Horizontal bars per age band, youngest at the bottom: women and girls to the
    right, men and boys to the left, in percent of the people whose age and sex are
    known; each bar labelled with its share."""
    shares = pyramid.shares()
    fig, ax = plt.subplots(figsize=size)
    bands = list(shares.index)
    for sex, (colour, hatch) in SEXES.items():
        sign = 1 if sex == "female" else -1
        bars = ax.barh(
            bands,
            sign * shares[sex],
            color=colour,
            hatch=hatch,
            edgecolor="white",
            linewidth=0.5,
            label=_sex_label(sex),
        )
        labels = [f"{v:.0f}%" if v else "" for v in shares[sex]]  # no label on no bar
        ax.bar_label(bars, labels=labels, padding=2, fontsize=7.5)
    reach = float(shares.to_numpy().max()) * 1.3 or 1.0
    ax.set_xlim(-reach, reach)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.xaxis.set_major_formatter(FuncFormatter(_absolute))
    ax.set_xlabel(_("% of people whose age and sex are known"), fontsize=8)
    ax.set_ylabel(_("Age"), fontsize=8)
    ax.tick_params(labelsize=8)
    ax.grid(axis="y", visible=False)
    ax.set_ylim(-0.6, len(bands) + 0.7)  # free room above the oldest for the legend
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper center", fontsize=7.5, ncol=2)
    style.add_source(fig, source)
    legend_over_bars(ax, 2, fontsize=7.5)  # one column where two are wider than the chart
    data = (
        shares.rename(columns=_sex_label)
        .rename_axis("x")
        .reset_index()
        .melt(id_vars="x", var_name="series", value_name="value")
    )
    exhibits.attach_data(
        fig,
        pd.DataFrame(data[["x", "series", "value"]]),  # age band first, as a reader reads it
        caption=caption,
        # to a tenth, as the alternative text reads them
        saved_as=exhibits.DataColumns(x=_("age"), series=_("sex"), value=_("percent"), decimals=1),
    )
    return fig
