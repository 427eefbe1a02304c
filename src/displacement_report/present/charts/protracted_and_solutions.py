"""Charts of chapter 3 that no other chapter draws: stateless people over the years."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import millions_label, people_axis


def yearly_bars(
    values: pd.Series, label: str, title: str, source: str, colour: str = style.OKABE_ITO["grey"]
) -> plt.Figure:
    """One bar per year (years without a figure have none), the last year's value
    written above its bar."""
    shown = values.dropna().astype(float)
    fig, ax = plt.subplots(figsize=(style.A4_TEXT_WIDTH_IN, 3.0))
    ax.bar(shown.index, shown.to_numpy(), width=0.8, color=colour, label=label, linewidth=0)
    top = max(float(shown.max()) if len(shown) else 0.0, 1.0) * 1.15
    if len(shown):
        last = int(shown.index[-1])
        ax.annotate(
            millions_label(shown.iloc[-1]),
            xy=(last, float(shown.iloc[-1])),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            fontweight="bold",
        )
    ax.set_ylim(0, top)
    people_axis(ax, top)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    style.add_source(fig, source)
    exhibits.describe_data(fig, exhibits.DataColumns(x=_("year"), value=label))
    return fig
