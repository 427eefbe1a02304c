"""Charts of the report, each built from an analysis table and carrying its source."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.present import style


def _millions_axis(value: float, _pos: int) -> str:
    return f"{value / 1e6:,.0f}"


def displacement_trend(
    by_year: pd.DataFrame, title: str, source: str, highlight: tuple[int, ...] = ()
) -> plt.Figure:
    """Stacked bars of the forcibly displaced by component, one bar per year."""
    fig, ax = plt.subplots()
    bottom = pd.Series(0.0, index=by_year.index)
    for component, label in COMPONENTS.items():
        values = by_year[component].astype("Float64").fillna(0).astype(float)
        ax.bar(
            by_year.index,
            values,
            bottom=bottom,
            width=0.8,
            color=style.POPULATION_COLOURS[component],
            label=label,
            linewidth=0,
        )
        bottom += values
    for year in highlight:
        if year in by_year.index and pd.notna(by_year.loc[year, TOTAL]):
            total = by_year.loc[year, TOTAL]
            ax.annotate(
                f"{total / 1e6:.1f} M",
                xy=(year, total),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                fontweight="bold",
            )
    ax.set_ylim(0, float(by_year[TOTAL].max()) * 1.1)  # headroom for the value labels
    ax.yaxis.set_major_formatter(FuncFormatter(_millions_axis))
    ax.set_ylabel("People, millions (end of year)")
    ax.set_xlabel("")
    ax.set_title(title)
    ax.margins(x=0.01)
    ax.grid(axis="x", visible=False)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="upper left", fontsize=8)
    style.add_source(fig, source)
    return fig
