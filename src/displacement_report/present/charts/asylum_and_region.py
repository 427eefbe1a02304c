"""Charts of the chapter on asylum in the Netherlands and reception in the region, in
the report's style (`present.style`), each carrying its source line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from babel.numbers import format_decimal
from matplotlib.ticker import FuncFormatter, MaxNLocator

from displacement_report.i18n import N_, _, locale_code
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import legend_over_bars
from displacement_report.present.format import count, two_decimals

#: Colours and hatches of the claim kinds, the same in every chart of the chapter (the
#: hatch tells them apart where colour cannot).
CLAIM_COLOURS = {
    "new": style.OKABE_ITO["blue"],
    "not_split": style.OKABE_ITO["sky_blue"],
    "repeat": style.OKABE_ITO["orange"],
}
CLAIM_HATCHES = {"new": style.HATCHES[0], "not_split": style.HATCHES[1], "repeat": style.HATCHES[4]}
OTHER = style.OKABE_ITO["grey"]
#: Bars of the country singled out, of the focus countries and of the others.
BAR_STYLE = {
    "highlight": (style.OKABE_ITO["vermillion"], style.HATCHES[1]),
    "focus": (style.OKABE_ITO["blue"], style.HATCHES[2]),
    "other": (OTHER, ""),
}


#: The legend entry of the bars that are neither highlighted nor a focus country.
OTHER_EU = N_("Other EU member states")


def _thousands(value: float, _pos: int) -> str:
    """An axis tick as a whole number in the edition's form (12,000; 12.000)."""
    return count(round(value))


def _axis_number(value: float, _pos: int) -> str:
    """An axis tick with the decimals it needs, in the edition's form (2.5; 2,5)."""
    return format_decimal(round(value, 6), format="#,##0.##", locale=locale_code())


def claims_by_year(
    table: pd.DataFrame, labels: Mapping[str, str], title: str, source: str
) -> plt.Figure:
    """Stacked bars per year of the claim kinds in `labels` (column -> label)."""
    fig, ax = plt.subplots()
    bottom = pd.Series(0.0, index=table.index)
    drawn = {}
    for column, label in labels.items():
        values = table[column].astype(float)
        if not values.any():
            continue  # a kind the years shown never have gets no legend entry
        drawn[column] = label
        ax.bar(
            table.index,
            values,
            bottom=bottom,
            width=0.8,
            color=CLAIM_COLOURS.get(column, OTHER),
            hatch=CLAIM_HATCHES.get(column, ""),
            edgecolor="white",
            label=label,
            linewidth=0,
        )
        bottom += values
    ax.set_ylim(0, max(float(bottom.max()), 1.0) * 1.2)  # headroom for the legend
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(_("Claims lodged in the year"))
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper center", ncol=3, fontsize=8)
    style.add_source(fig, source)
    legend_over_bars(ax, 3, fontsize=8)  # fewer columns where the labels are long
    # from the table, not the bars: in a year whose claims UNHCR's data do not tell
    # apart, no figure for new or repeat claims (an empty cell), rather than 0
    known = table[list(drawn)].astype("Float64")
    if "not_split" in table:
        unsplit = table["not_split"].astype(float) > 0
        for kind in {"new", "repeat"} & set(drawn):
            known.loc[unsplit & (known[kind] == 0), kind] = pd.NA
    data = (
        known.rename(columns=drawn)
        .rename_axis("x")
        .reset_index()
        .melt(id_vars="x", var_name="series", value_name="value")
    )
    exhibits.attach_data(
        fig,
        pd.DataFrame(data[["x", "series", "value"]]),
        saved_as=exhibits.DataColumns(x=_("year"), series=_("kind of claim"), value=_("claims")),
    )
    return fig


def rate_bars(
    values: pd.Series,
    names: Mapping[str, str],
    highlight: str,
    focus: Sequence[str],
    title: str,
    xlabel: str,
    source: str,
    other_label: str = OTHER_EU,
) -> plt.Figure:
    """Horizontal bars of a rate per country (index: ISO3), largest on top, with two
    decimals printed; `highlight` in its own colour and hatch, the `focus` countries in
    another; `other_label` (a message) names the rest in the legend."""
    ordered = values.astype(float).sort_values(ascending=False)
    fig, ax = plt.subplots(figsize=(style.A4_TEXT_WIDTH_IN, 0.17 * len(ordered) + 1.3))
    positions = list(range(len(ordered)))[::-1]
    kinds = [
        "highlight" if code == highlight else "focus" if code in focus else "other"
        for code in ordered.index
    ]
    bars = ax.barh(
        positions, ordered.to_numpy(), color=[BAR_STYLE[k][0] for k in kinds], height=0.7
    )
    for bar, kind in zip(bars, kinds, strict=True):  # told apart without colour too
        bar.set_hatch(BAR_STYLE[kind][1])
        bar.set_edgecolor("white")
    ax.set_yticks(positions, [names.get(code, code) for code in ordered.index], fontsize=7.5)
    ax.margins(y=0.01)
    for pos, value in zip(positions, ordered.to_numpy(), strict=True):
        ax.text(float(value), pos, " " + two_decimals(float(value)), va="center", fontsize=7)
    ax.set_xlim(0, max(float(ordered.max()), 0.01) * 1.15)
    ax.xaxis.set_major_formatter(FuncFormatter(_axis_number))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    labels = {
        "highlight": names.get(highlight, highlight),
        "focus": _("Focus countries"),
        "other": _(other_label),
    }
    handles = [
        plt.Rectangle(
            (0, 0), 1, 1, facecolor=colour, hatch=hatch, edgecolor="white", label=labels[kind]
        )
        for kind, (colour, hatch) in BAR_STYLE.items()
        if kind in kinds
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    style.add_source(fig, source)
    columns = exhibits.DataColumns(x=_("country"), value=xlabel, decimals=2)  # as printed
    exhibits.describe_data(fig, columns)
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
    # each line has its own dash pattern too: told apart without seeing colour
    for (column, label), colour, dashes in zip(
        labels.items(), colours, style.LINE_STYLES, strict=False
    ):
        values = table[column].astype(float)
        ax.plot(table.index, values, label=label, color=colour, lw=2, ls=dashes)
    shown = published[
        (published.index >= table.index.min()) & (published.index <= table.index.max())
    ]
    if not shown.empty:  # points, not a line: what UNHCR published, year by year
        ax.plot(
            shown.index,
            shown.astype(float).to_numpy(),
            ls="none",
            marker="o",
            ms=5,
            mfc="white",
            mec="#222222",
            mew=1.2,
            zorder=3,
            label=published_label,
        )
    ax.set_ylim(0, 100)
    ax.set_ylabel(_("Percent"))
    ax.set_title(title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower left", fontsize=8)
    style.add_source(fig, source)
    columns = exhibits.DataColumns(x=_("year"), series=_("measure"), value=_("percent"), decimals=1)
    exhibits.describe_data(fig, columns)
    return fig


def single_line(series: pd.Series, title: str, ylabel: str, source: str) -> plt.Figure:
    """One series over the years; the title says what it is, so no legend."""
    fig, ax = plt.subplots(figsize=(style.A4_TEXT_WIDTH_IN, 3.2))
    values = series.astype(float)
    ax.plot(
        values.index,
        values.to_numpy(),
        color=style.OKABE_ITO["green"],
        lw=2,
        marker="o",
        ms=3,
        label=ylabel,  # no legend is drawn; the label puts the line in the data file
    )
    ax.set_ylim(0, max(float(values.max()), 1.0) * 1.1)
    ax.yaxis.set_major_formatter(FuncFormatter(_axis_number))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    style.add_source(fig, source)
    # to a tenth, as the table beside it prints the same figures
    exhibits.describe_data(fig, exhibits.DataColumns(x=_("year"), value=ylabel, decimals=1))
    return fig
