"""Charts of chapter 7 (what reception costs, here and in the region)."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import (
    LocalizedFormatter,
    localized,
    place_point_labels,
    upright_where_crowded,
)


def year_bars(
    table: pd.DataFrame,
    labels: dict[str, str],
    title: str,
    ylabel: str,
    source: str,
    scale: float = 1.0,
    value_format: str = "{:,.0f}",
    prefixes: pd.DataFrame | None = None,
    bar_kinds: str = "",
) -> plt.Figure:
    """Bars per year, one bar per column side by side (told apart by colour and
    hatching), each labelled with its value; values divided by `scale` (1e6: millions).
    `prefixes` (same shape) puts a word before a label ('>' for 'more than', '~' for
    'about'). Years without a figure are left empty, not drawn as zero, and have no
    value in the data file, whose columns are the year, `bar_kinds` (what tells the bars of
    a year apart) and `ylabel`, rounded as the labels print them."""
    fig, ax = plt.subplots()
    columns = list(table.columns)
    width = 0.8 / max(len(columns), 1)
    colours = list(style.OKABE_ITO.values())
    years = [int(y) for y in table.index]
    for number, column in enumerate(columns):
        offsets = [y + (number - (len(columns) - 1) / 2) * width for y in years]
        values = table[column].astype(float) / scale
        bars = ax.bar(
            offsets,
            values.fillna(0),
            width=width,
            label=labels[column],
            color=colours[number % len(colours)],
            hatch=style.HATCHES[number % len(style.HATCHES)],
            edgecolor="white",
        )
        before = (
            prefixes[column].fillna("")
            if prefixes is not None
            else pd.Series("", index=table.index)
        )
        for bar, value, prefix in zip(bars, values, before, strict=True):
            if pd.notna(value):
                ax.annotate(
                    prefix + localized(value_format.format(value)),
                    xy=(bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7.5,
                )
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.set_ylim(0, max(float((table.astype(float) / scale).max().max()), 1.0) * 1.15)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: localized(f"{value:,.0f}")))
    ax.grid(axis="x", visible=False)
    if len(columns) > 1:
        ax.legend(loc="upper left", fontsize=8)
    style.add_source(fig, source)
    upright_where_crowded(ax)
    data = (
        (table.astype(float) / scale)
        .rename(columns=labels)
        .rename_axis("x")
        .reset_index()
        .melt(id_vars="x", var_name="series", value_name="value")
    )
    printed = re.search(r"\.(\d+)f", value_format)
    exhibits.attach_data(
        fig,
        pd.DataFrame(data[["x", "series", "value"]]),
        saved_as=exhibits.DataColumns(
            x=_("year"),
            series=bar_kinds,
            value=ylabel,
            decimals=int(printed.group(1)) if printed else 0,
        ),
    )
    return fig


def share_with_computed(
    shown: pd.Series,
    computed: pd.Series,
    labels: tuple[str, str],
    title: str,
    ylabel: str,
    source: str,
) -> plt.Figure:
    """A share over the years as published (filled markers on a line), with the years
    where it is computed from the publisher's own amounts as hollow markers."""
    fig, ax = plt.subplots()
    colour = style.OKABE_ITO["blue"]
    published = shown.where(~computed.astype(bool))
    ax.plot(
        shown.index, published.astype(float), color=colour, lw=2, marker="o", ms=5, label=labels[0]
    )
    if computed.any():
        ax.plot(
            shown.index,
            shown.where(computed.astype(bool)).astype(float),
            ls="none",
            marker="o",
            ms=6,
            markerfacecolor="white",
            markeredgecolor=colour,
            markeredgewidth=1.5,
            label=labels[1],
        )
    for year, value in shown.dropna().items():
        ax.annotate(
            localized(f"{value:.1f}"),
            xy=(year, value),
            xytext=(0, 5),
            textcoords="offset points",
            ha="center",
            fontsize=7.5,
        )
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.set_ylim(0, max(float(shown.max()), 1.0) * 1.2)
    ax.yaxis.set_major_formatter(LocalizedFormatter())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", fontsize=8)
    style.add_source(fig, source)
    place_point_labels(ax)
    # one row a year: the share to a tenth as labelled, and whether it is computed
    data = pd.DataFrame(
        {
            "x": shown.index,
            "series": [labels[1] if c else labels[0] for c in computed.astype(bool)],
            "value": shown.astype(float).to_numpy(),
        }
    )
    exhibits.attach_data(
        fig,
        data,
        saved_as=exhibits.DataColumns(
            x=_("year"), series=_("how obtained"), value=ylabel, decimals=1
        ),
    )
    return fig
