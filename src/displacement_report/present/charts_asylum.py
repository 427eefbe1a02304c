"""Charts of the chapter on asylum in the Netherlands and reception in the region, in
the report's style (`present.style`), each carrying its source line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from displacement_report.present import style

#: Colours of the claim kinds, the same in every chart of the chapter.
CLAIM_COLOURS = {
    "new": style.OKABE_ITO["blue"],
    "not_split": style.OKABE_ITO["sky_blue"],
    "repeat": style.OKABE_ITO["orange"],
}
HIGHLIGHT = style.OKABE_ITO["vermillion"]
FOCUS = style.OKABE_ITO["green"]
OTHER = style.OKABE_ITO["grey"]


def _thousands(value: float, _pos: int) -> str:
    return f"{value:,.0f}"


def claims_by_year(
    table: pd.DataFrame, labels: Mapping[str, str], title: str, source: str
) -> plt.Figure:
    """Stacked bars per year of the claim kinds in `labels` (column -> label)."""
    fig, ax = plt.subplots()
    bottom = pd.Series(0.0, index=table.index)
    for column, label in labels.items():
        values = table[column].astype(float)
        if not values.any():
            continue  # a kind the years shown never have gets no legend entry
        ax.bar(
            table.index,
            values,
            bottom=bottom,
            width=0.8,
            color=CLAIM_COLOURS.get(column, OTHER),
            label=label,
            linewidth=0,
        )
        bottom += values
    ax.set_ylim(0, max(float(bottom.max()), 1.0) * 1.2)  # headroom for the legend
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("Claims lodged in the year")
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper center", ncol=3, fontsize=8)
    style.add_source(fig, source)
    return fig


def rate_bars(
    values: pd.Series,
    names: Mapping[str, str],
    highlight: str,
    focus: Sequence[str],
    title: str,
    xlabel: str,
    source: str,
) -> plt.Figure:
    """Horizontal bars of a rate per country (index: ISO3), largest on top, with one
    decimal printed; `highlight` in its own colour, the `focus` countries in another."""
    ordered = values.astype(float).sort_values(ascending=False)
    fig, ax = plt.subplots(figsize=(style.A4_TEXT_WIDTH_IN, 0.15 * len(ordered) + 1.3))
    positions = list(range(len(ordered)))[::-1]
    colours = [
        HIGHLIGHT if code == highlight else FOCUS if code in focus else OTHER
        for code in ordered.index
    ]
    ax.barh(positions, ordered.to_numpy(), color=colours, height=0.7)
    ax.set_yticks(positions, [names.get(code, code) for code in ordered.index], fontsize=7)
    ax.margins(y=0.01)
    for pos, value in zip(positions, ordered.to_numpy(), strict=True):
        ax.text(value, pos, f" {value:,.2f}", va="center", fontsize=6.5)
    ax.set_xlim(0, max(float(ordered.max()), 0.01) * 1.15)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=HIGHLIGHT, label=names.get(highlight, highlight)),
        plt.Rectangle((0, 0), 1, 1, color=FOCUS, label="Focus countries"),
        plt.Rectangle((0, 0), 1, 1, color=OTHER, label="Other EU member states"),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    style.add_source(fig, source)
    return fig


def lenses(
    table: pd.DataFrame,
    labels: Mapping[str, str],
    published: pd.Series,
    published_label: str,
    title: str,
    source: str,
) -> plt.Figure:
    """Shares over the years, one line per column in `labels`, with the figures UNHCR
    published for the first column marked as points (`published`: year -> percent)."""
    fig, ax = plt.subplots()
    colours = [style.OKABE_ITO["blue"], style.OKABE_ITO["orange"]]
    for (column, label), colour in zip(labels.items(), colours, strict=False):
        ax.plot(table.index, table[column].astype(float), label=label, color=colour, lw=2)
    shown = published[
        (published.index >= table.index.min()) & (published.index <= table.index.max())
    ]
    if not shown.empty:
        ax.scatter(
            shown.index,
            shown.to_numpy(),
            marker="o",
            s=22,
            facecolors="white",
            edgecolors="#222222",
            linewidths=1.2,
            zorder=3,
            label=published_label,
        )
    ax.set_ylim(0, 100)
    ax.set_ylabel("Percent")
    ax.set_title(title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower left", fontsize=8)
    style.add_source(fig, source)
    return fig


def single_line(series: pd.Series, title: str, ylabel: str, source: str) -> plt.Figure:
    """One series over the years; the title says what it is, so no legend."""
    fig, ax = plt.subplots(figsize=(style.A4_TEXT_WIDTH_IN, 3.2))
    values = series.astype(float)
    ax.plot(values.index, values.to_numpy(), color=style.OKABE_ITO["green"], lw=2, marker="o", ms=3)
    ax.set_ylim(0, max(float(values.max()), 1.0) * 1.1)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    style.add_source(fig, source)
    return fig
