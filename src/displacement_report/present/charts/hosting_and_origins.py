"""Charts of chapter 2 (hosting and origins)."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
import pandas as pd

from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import LocalizedFormatter, localized


def ranked_bars(
    labels: Iterable[str], values: pd.Series, title: str, xlabel: str, source: str, colour: str
) -> plt.Figure:
    """Horizontal bars, largest on top, value printed at the end of each bar."""
    fig, ax = plt.subplots(figsize=(style.A4_TEXT_WIDTH_IN, 0.32 * len(values) + 1.2))
    positions = range(len(values))[::-1]
    ax.barh(list(positions), values.astype(float), color=colour, height=0.7)
    ax.set_yticks(list(positions), list(labels))
    for pos, value in zip(positions, values.astype(float), strict=True):
        ax.text(value, pos, " " + localized(f"{value:,.0f}"), va="center", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, float(values.max()) * 1.15)
    ax.xaxis.set_major_formatter(LocalizedFormatter())
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    style.add_source(fig, source)
    # whole numbers, as the bars' labels print them
    exhibits.describe_data(fig, exhibits.DataColumns(x=_("country"), value=xlabel))
    return fig
