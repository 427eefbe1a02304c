"""Charts of chapter 8 (the letter's claims, checked then and now)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import (
    LocalizedFormatter,
    millions_label,
    place_point_labels,
)


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
            millions_label(value),
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
    place_point_labels(ax)
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
        saved_as=exhibits.DataColumns(x=_("year"), series=_("version"), value=_("people")),
    )
    return fig
