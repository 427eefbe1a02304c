"""Chart kinds several chapters draw (shares over time, budget stages), each carrying
its source line."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import (
    LocalizedFormatter,
    legend_clear_of_lines,
    localized,
    place_point_labels,
    upright_where_crowded,
)


def share_lines(
    table: pd.DataFrame,
    columns: dict[str, str],
    title: str,
    ylabel: str,
    source: str,
    mark: tuple[int, str, str] | None = None,
    lines: str = "",
    decimals: int = 1,
) -> plt.Figure:
    """One line per column (label given), for shares or rates over the years. `mark`
    (year, column, label) writes a figure the title names at its point on the chart.
    The data file names the lines' column `lines` (what tells them apart), the values'
    column `ylabel`, and rounds them to `decimals`."""
    fig, ax = plt.subplots()
    colours = list(style.OKABE_ITO.values())
    # each line also has its own dash pattern: told apart without seeing colour
    for (column, label), colour, dashes in zip(
        columns.items(), colours, style.LINE_STYLES, strict=False
    ):
        ax.plot(
            table.index, table[column].astype(float), label=label, color=colour, lw=2, ls=dashes
        )
    if mark is not None and mark[0] in table.index:
        year, column, text = mark
        ax.annotate(
            text,
            xy=(year, float(table[column].loc[year])),
            xytext=(-4, 6),
            textcoords="offset points",
            ha="right",
            fontsize=8,
            fontweight="bold",
        )
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    # room above the highest line: it never runs into the frame, a mark fits over it
    highest = table[list(columns)].astype(float).max().max()
    ax.set_ylim(0, (1.0 if pd.isna(highest) else max(float(highest), 1.0)) * 1.12)
    ax.yaxis.set_major_formatter(LocalizedFormatter())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2021.5
    ax.legend(loc="upper left", fontsize=8)  # for the layout; placed clear of the lines below
    style.add_source(fig, source)
    # the mark first: the frame may widen for it, which moves the lines the legend avoids;
    # then again, in case the legend's place raised the value axis under the mark
    place_point_labels(ax)
    legend_clear_of_lines(ax, fontsize=8)
    place_point_labels(ax)
    # a frame widened for the mark names no year after the data's last
    years = [t for t in ax.get_xticks() if table.index.min() <= t <= table.index.max()]
    ax.set_xticks(years, [str(int(t)) for t in years])
    saved = exhibits.DataColumns(
        x=_("year"), series=lines, value=ylabel.replace("\n", " "), decimals=decimals
    )
    exhibits.describe_data(fig, saved)
    return fig


def _eur_label(value: float) -> str:
    """A bar's amount in EUR million as the tables write it: 174.5 stays 174.5 (never
    '174', which a reader would find nowhere else), 167.0 is '167'."""
    if pd.isna(value):
        return ""
    millions = round(value / 1e6, 1)
    digits = 0 if millions == round(millions) else 1
    return localized(f"{millions:,.{digits}f}")


def budget_stages(
    budget: pd.DataFrame, labels: dict[str, str], title: str, source: str
) -> plt.Figure:
    """Grouped bars: one group per year, one bar per budget stage (EUR million)."""
    fig, ax = plt.subplots()
    stages = list(budget.columns)
    width = 0.8 / max(len(stages), 1)
    colours = list(style.OKABE_ITO.values())
    for number, stage in enumerate(stages):
        offsets = [year + (number - (len(stages) - 1) / 2) * width for year in budget.index]
        bars = ax.bar(
            offsets,
            budget[stage].astype(float) / 1e6,
            width=width,
            label=_(labels[stage]),  # marked, not translated, where they are defined
            color=colours[number % len(colours)],
            hatch=style.HATCHES[number % len(style.HATCHES)],  # stages apart without colour
            edgecolor="white",
        )
        # each bar's amount on it: the title's first and last figures are among them
        ax.bar_label(bars, labels=[_eur_label(v) for v in budget[stage]], fontsize=7)
    ax.set_xticks(list(budget.index), [str(y) for y in budget.index])
    ax.set_ylabel(_("EUR million (budget, not spending)"))
    ax.yaxis.set_major_formatter(LocalizedFormatter())
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", fontsize=8)
    style.add_source(fig, source)
    upright_where_crowded(ax)
    # in EUR million to a tenth, as the bars' labels print them
    columns = exhibits.DataColumns(
        x=_("year"), series=_("budget stage"), value=_("EUR million"), decimals=1
    )
    exhibits.describe_data(fig, columns)
    return fig
