"""Charts of chapter 4 (the focus countries, one by one)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from displacement_report.analysis.headline import COMPONENTS
from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import LocalizedFormatter


def small_multiples(
    series: dict[str, pd.DataFrame], names: dict[str, str], title: str, source: str
) -> plt.Figure:
    """One stacked-area panel per country of people hosted or displaced, by group.

    Each panel has its own vertical scale: the countries differ by more than an order
    of magnitude, so a shared scale would flatten the smaller ones (stated in the title
    line under the chart title)."""
    count = len(series)
    cols = 2 if count > 1 else 1
    rows = -(-count // cols)
    # title, subtitle and legend take fixed room in inches, whatever the number of rows
    height = 1.9 * rows + 1.8
    fig, axes = plt.subplots(rows, cols, figsize=(style.A4_TEXT_WIDTH_IN, height), squeeze=False)
    # a group no country has in any year gets no band and no legend entry
    shown = [
        c
        for c in COMPONENTS
        if any(table[c].astype("Float64").fillna(0).any() for table in series.values())
    ] or list(COMPONENTS)
    labels = {column: _(COMPONENTS[column]) for column in shown}
    for ax, (code, table) in zip(axes.flat, series.items(), strict=False):
        data = table[shown].astype("Float64").fillna(0).astype(float) / 1e6
        ax.stackplot(
            data.index,
            *[data[c] for c in shown],
            colors=[style.POPULATION_COLOURS[c] for c in shown],
            labels=list(labels.values()),
            linewidth=0,
        )
        ax.set_title(names.get(code, code), fontsize=10, loc="left")
        ax.tick_params(labelsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2010.5
        ax.margins(x=0)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(LocalizedFormatter())
    for ax in list(axes.flat)[count:]:
        ax.set_visible(False)
    handles, legend = axes.flat[0].get_legend_handles_labels()
    fig.legend(
        handles,
        [textwrap.fill(label, 44) for label in legend],  # two columns within the page
        loc="lower center",
        ncol=2,
        fontsize=7.5,
        bbox_to_anchor=(0.5, 0.3 / height),
    )
    fig.suptitle(title, x=0.01, y=1 - 0.05 / height, ha="left", fontsize=12, fontweight="bold")
    fig.text(
        0.01,
        1 - 0.5 / height,
        _("People, millions; each panel has its own vertical scale"),
        fontsize=8.5,
        color="#444444",
    )
    style.add_source(fig, source, rect=(0, 0.95 / height, 1, 1 - 0.6 / height))
    exhibits.attach_data(
        fig,
        pd.concat(
            [
                table[list(COMPONENTS)]
                .rename(columns={c: _(label) for c, label in COMPONENTS.items()})
                .rename_axis("x")
                .reset_index()
                .melt(id_vars="x", var_name="series", value_name="value")
                .assign(panel=names.get(code, code))
                for code, table in series.items()
            ]
        )[["panel", "series", "x", "value"]],
        caption=_(
            "People hosted in or displaced inside each country (millions), by group; "
            "each panel has its own vertical scale."
        ),
        saved_as=exhibits.DataColumns(
            panel=_("country"), x=_("year"), series=_("group"), value=_("people")
        ),
    )
    return fig
