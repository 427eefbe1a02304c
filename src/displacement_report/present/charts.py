"""Charts of the report, each built from an analysis table and carrying its source."""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator, ScalarFormatter

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.i18n import _, locale_code
from displacement_report.present import exhibits, style


def localized(text: str) -> str:
    """A number Python formatted ('1,234.5') with the report language's symbols
    ('1.234,5' in Dutch); other characters are kept."""
    locale = locale_code()
    symbols: dict[str, str | int | None] = {
        ",": get_group_symbol(locale),
        ".": get_decimal_symbol(locale),
    }
    return text.translate(str.maketrans(symbols))


class LocalizedFormatter(ScalarFormatter):
    """Matplotlib's tick labels with the report language's decimal sign ('2,5')."""

    def __call__(self, x, pos=None):
        return localized(super().__call__(x, pos))

    # format_ticks (what an axis calls) goes through __call__: localizing its labels
    # again would swap ',' and '.' back, and Dutch ticks would read '0.75'


def _in_millions_label(value: float) -> str:
    """A value label in millions on a chart: '78.4 M' ('78,4 mln' in Dutch)."""
    return _("{number} M").format(number=localized(f"{value / 1e6:.1f}"))


class MillionsFormatter(Formatter):
    """Tick labels in millions with as many decimals as the ticks need to be exact: steps
    of 0.25 million read 0.25, 0.50, 0.75, never a rounded 0.2, 0.5, 0.8 that lies."""

    def __init__(self, scale: float = 1e6):
        self.scale = scale
        self.decimals = 0

    def format_ticks(self, values):
        self.decimals = decimals_needed([v / self.scale for v in values])
        return [self(v) for v in values]

    def __call__(self, value, pos=None):
        return localized(f"{value / self.scale:,.{self.decimals}f}")


def decimals_needed(values, most: int = 3) -> int:
    """The fewest decimals that print every value exactly (up to `most`)."""
    for decimals in range(most + 1):
        if all(abs(round(v, decimals) - v) < 1e-9 for v in values):
            return decimals
    return most


def millions_formatter(_largest: float = 0) -> Formatter:
    """Tick labels in millions (see MillionsFormatter)."""
    return MillionsFormatter()


def displacement_trend(
    by_year: pd.DataFrame,
    title: str,
    source: str,
    highlight: tuple[int, ...] = (),
    size: tuple[float, float] | None = None,
    legend_below: bool = False,
) -> plt.Figure:
    """Stacked bars of the forcibly displaced by component, one bar per year; `size` in
    inches (default: the report's). A component with no one in any year shown has no
    bars and no legend entry (a reader would look for it in vain). `legend_below`: a
    low chart (a factsheet's), with its legend below it and a short axis label."""
    fig, ax = plt.subplots(figsize=size)
    bottom = pd.Series(0.0, index=by_year.index)
    parts = {c: by_year[c].astype("Float64").fillna(0).astype(float) for c in COMPONENTS}
    shown = [c for c, values in parts.items() if values.any()] or list(COMPONENTS)
    for component in shown:
        label, values = COMPONENTS[component], parts[component]
        ax.bar(
            by_year.index,
            values,
            bottom=bottom,
            width=0.8,
            color=style.POPULATION_COLOURS[component],
            label=_(label),
            linewidth=0,
        )
        bottom += values
    # the stacked height, not the total: the total is missing where a part is unknown
    highest = float(bottom.max()) if len(bottom) else 0.0  # no year at all: an empty axis
    top = max(highest, 1.0) * 1.1  # headroom for the value labels
    _label_totals(ax, by_year[TOTAL], highlight, millions=top >= 1e6)
    ax.set_ylim(0, top)
    _people_axis(ax, top, short=legend_below)
    ax.set_xlabel("")
    ax.set_title(title)
    ax.margins(x=0.01)
    ax.grid(axis="x", visible=False)
    style.add_source(fig, source, rect=_trend_legend(fig, ax, legend_below))
    return fig


def _trend_legend(fig: plt.Figure, ax, below: bool) -> tuple[float, float, float, float]:
    """The legend inside the chart (top left, latest group first), or in fixed room below
    it, above the source line (a low chart, whose bars a legend inside would cover); the
    area left for the axes."""
    handles, labels = ax.get_legend_handles_labels()
    if not below:
        ax.legend(handles[::-1], labels[::-1], loc="upper left", fontsize=8)
        return (0, 0.045, 1, 1)
    height = fig.get_figheight()  # the legend's three rows take the same inches always
    fig.legend(
        handles,
        labels,
        loc="lower left",
        bbox_to_anchor=(0.01, 0.17 / height),
        ncol=2,
        fontsize=7.5,
    )
    return (0, 0.68 / height, 1, 1)


def _people_axis(ax, top: float, short: bool = False) -> None:
    """The vertical axis in millions, thousands or people, whichever the chart's height
    needs: a small host's chart never reads 0.0 M. `short`: a label that fits a low
    chart (its caption says the figures are for the end of each year)."""
    if top >= 1e6:
        ax.yaxis.set_major_formatter(MillionsFormatter(1e6))
        label = _("Millions of people") if short else _("People, millions (end of year)")
    elif top >= 1e4:
        ax.yaxis.set_major_formatter(MillionsFormatter(1e3))
        label = _("Thousands of people") if short else _("People, thousands (end of year)")
    else:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: localized(f"{value:,.0f}")))
        label = _("People") if short else _("People (end of year)")
    ax.set_ylabel(label)


def _label_totals(ax, totals: pd.Series, years: tuple[int, ...], millions: bool) -> None:
    """The total written above the bars of `years` ('3.0 M', or '9,119' under a million),
    and above its neighbours' bars where they are taller: a label wider than its bar
    must not hide the top of the next one (2024's 124.7 M behind 2025's label made 2025
    look like the peak)."""
    for year in years:
        if year in totals.index and pd.notna(totals.loc[year]):
            total = totals.loc[year]
            clear_of = totals.reindex([year - 1, year, year + 1]).astype(float).max()
            ax.annotate(
                _in_millions_label(total) if millions else localized(f"{total:,.0f}"),
                xy=(year, clear_of),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                fontweight="bold",
                # readable where it meets the next year's taller bar
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
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
) -> plt.Figure:
    """Bars per year, one bar per column side by side (told apart by colour and
    hatching), each labelled with its value; values divided by `scale` (1e6: millions).
    `prefixes` (same shape) puts a word before a label ('>' for 'more than', '~' for
    'about'). Years without a figure are left empty, not drawn as zero."""
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
    return fig


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
    return fig


def share_lines(
    table: pd.DataFrame,
    columns: dict[str, str],
    title: str,
    ylabel: str,
    source: str,
    mark: tuple[int, str, str] | None = None,
) -> plt.Figure:
    """One line per column (label given), for shares or rates over the years. `mark`
    (year, column, label) writes a figure the title names at its point on the chart."""
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
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(LocalizedFormatter())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2021.5
    ax.legend(loc="best", fontsize=8)
    style.add_source(fig, source)
    return fig


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
    labels = {column: _(label) for column, label in COMPONENTS.items()}
    for ax, (code, table) in zip(axes.flat, series.items(), strict=False):
        data = table[list(COMPONENTS)].astype("Float64").fillna(0).astype(float) / 1e6
        ax.stackplot(
            data.index,
            *[data[c] for c in COMPONENTS],
            colors=[style.POPULATION_COLOURS[c] for c in COMPONENTS],
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
        legend,
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
                .rename(columns=labels)
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
    )
    return fig


def _eur_label(value: float) -> str:
    return "" if pd.isna(value) else localized(f"{value / 1e6:,.0f}")


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
    return fig


def claim_against_series(
    series: pd.Series,
    published: pd.Series,
    stated: float,
    claim: str,
    title: str,
    source: str,
    marks: dict[int, float],
) -> plt.Figure:
    """The headline series on today's data and as published at the time, the letter's
    stated value as a dashed line, and the values named in the title marked with labels
    (`marks`: year -> value), so every figure of the title is in the chart."""
    fig, ax = plt.subplots(figsize=(style.A4_TEXT_WIDTH_IN, 3.4))
    ax.plot(
        series.index,
        series.astype(float) / 1e6,
        color=style.POPULATION_COLOURS["forcibly_displaced"],
        lw=2,
        marker="o",
        ms=3,
        label=_("Today's data"),
    )
    shown = published.loc[series.index.min() : series.index.max()]
    if not shown.empty:
        ax.plot(
            shown.index,
            shown.astype(float) / 1e6,
            color=style.OKABE_ITO["sky_blue"],
            lw=1.5,
            ls=":",
            marker="s",
            ms=3,
            label=_("As published at the time (Global Trends)"),
        )
    ax.axhline(stated / 1e6, color=style.OKABE_ITO["vermillion"], ls="--", lw=1.2)
    ax.text(
        series.index.min(),
        stated / 1e6,
        f" {claim}",
        va="bottom",
        fontsize=8,
        color=style.OKABE_ITO["vermillion"],
    )
    for year, value in marks.items():
        ax.annotate(
            _in_millions_label(value),
            xy=(year, value / 1e6),
            xytext=(0, 6),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            fontweight="bold",
        )
    ax.set_ylabel(_("People, millions (end of year)"))
    ax.set_title(title)
    ax.set_ylim(0, float(max(series.max(), stated, shown.max() if len(shown) else 0)) / 1e6 * 1.15)
    ax.yaxis.set_major_formatter(LocalizedFormatter())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right", fontsize=8)
    style.add_source(fig, source)
    exhibits.attach_data(
        fig,
        pd.concat(
            [
                pd.DataFrame(
                    {"series": _("Today's data"), "x": series.index, "value": series.to_numpy()}
                ),
                pd.DataFrame(
                    {"series": _("As published"), "x": shown.index, "value": shown.to_numpy()}
                ),
            ],
            ignore_index=True,
        ),
    )
    return fig
