"""Charts of chapter 1 (the global picture), also drawn in a country profile."""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.i18n import _
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import (
    lift_labels_over_bars,
    localized,
    millions_label,
    people_axis,
)

#: A group whose bars stay under this share of the value axis is drawn but left out of
#: the legend: in a factsheet's chart, an inch high, that is under a point and a half, a
#: line a reader would look for in vain (the caption names it, `too_small_to_see`).
SLIVER = 0.02
#: White between the year labels and a legend below the chart, in inches.
LEGEND_GAP_IN = 0.02


def _parts(by_year: pd.DataFrame) -> dict[str, pd.Series]:
    return {c: by_year[c].astype("Float64").astype(float) for c in COMPONENTS}


def _side_by_side_top(tallest: pd.Series) -> float:
    """The value axis's top where groups stand side by side: the tallest bar of all."""
    return max(float(tallest.max()), 1.0) * 1.1 if len(tallest) else 1.1


def _axis_top(parts: dict[str, pd.Series]) -> float:
    """The value axis's top: the highest stacked bar, with headroom for its label."""
    stacked = pd.DataFrame(parts).fillna(0).sum(axis=1)
    highest = float(stacked.max()) if len(stacked) else 0.0  # no year at all: an empty axis
    return max(highest, 1.0) * 1.1


def too_small_to_see(by_year: pd.DataFrame) -> list[str]:
    """The groups with someone in them whose bars stay under `SLIVER` of the axis
    (Jordan's 8,068 asylum-seekers on a 3 million axis): not drawn, no legend entry (a
    cap a fraction of a point high was seen, and had no name)."""
    parts = _parts(by_year)
    top = _axis_top(parts)
    return [c for c, values in parts.items() if 0 < values.fillna(0).max() < SLIVER * top]


def too_low_to_see(by_year: pd.DataFrame, side_by_side: bool = False) -> pd.Series:
    """The people in each year whose whole bar stays under `SLIVER` of the axis, though
    someone is recorded (Sudan's 138,000 to 223,000 refugees of 2003-2008 under the 12
    million IDPs of 2024): the caption says so, or the empty years read as nobody.
    `side_by_side` as in `displacement_trend` (the tallest bar of a year counts)."""
    parts = _parts(by_year)
    unseen = [] if side_by_side else too_small_to_see(by_year)  # not drawn at all
    frame = pd.DataFrame({c: v for c, v in parts.items() if c not in unseen}).fillna(0)
    heights = frame.max(axis=1) if side_by_side else frame.sum(axis=1)
    top = _side_by_side_top(heights) if side_by_side else _axis_top(parts)
    return heights[(heights > 0) & (heights < SLIVER * top)].astype("int64")


def displacement_trend(
    by_year: pd.DataFrame,
    title: str,
    source: str,
    highlight: tuple[int, ...] = (),
    size: tuple[float, float] | None = None,
    low: bool = False,
    side_by_side: bool = False,
    dated_totals: bool = False,
) -> plt.Figure:
    """Stacked bars of the forcibly displaced by component, one bar per year; `size` in
    inches (default: the report's). A component with no one in any year shown has no
    bars and no legend entry (a reader would look for it in vain). The legend sits
    under the bars: inside, it would cover the early years when they are the tallest
    (1990-1995). `low`: a factsheet's chart, with a short axis label and no legend entry
    for a group too small to see.
    `side_by_side`: groups that overlap (Palestine refugees and the people displaced
    inside the Palestinian territories) stand beside each other, so that no bar's
    height is their sum. `dated_totals`: the totals of `highlight` carry their year
    ("2019: 3.0 M"): in a factsheet's low chart a total over a lower bar, with taller
    ones later, read as the peak's.

    Missing is not zero: a group without a figure in a year has no bar there (and an
    empty cell in the data file), and a year with no bar at all has no year label."""
    fig, ax = plt.subplots(figsize=size)
    bottom = pd.Series(0.0, index=by_year.index)
    parts = _parts(by_year)
    shown = [c for c, values in parts.items() if values.fillna(0).any()] or list(COMPONENTS)
    width = 0.8 / len(shown) if side_by_side else 0.8
    # a factsheet's chart (whose caption names them): no legend entry for a sliver
    unseen = too_small_to_see(by_year) if low and not side_by_side else []
    for i, component in enumerate(c for c in shown if c not in unseen):
        label, values = COMPONENTS[component], parts[component]
        offset = (i - (len(shown) - 1) / 2) * width if side_by_side else 0.0
        ax.bar(
            by_year.index + offset,
            values,
            bottom=None if side_by_side else bottom,
            width=width,
            color=style.POPULATION_COLOURS[component],
            label=_(label),
            linewidth=0,
        )
        if side_by_side:  # the tallest bar of the year, for the axis and the year labels
            bottom = bottom.combine(values.fillna(0), max)
        else:
            bottom += values.fillna(0)
    # the stacked height, not the total: the total is missing where a part is unknown
    # side by side, the tallest bar of a year sets the axis; stacked, their sum does
    top = _side_by_side_top(bottom) if side_by_side else _axis_top(parts)
    last_total, lifted = _label_totals(
        ax, by_year[TOTAL], highlight, millions=top >= 1e6, dated=dated_totals
    )
    ax.set_ylim(0, top)
    people_axis(ax, top, short=low)
    ax.set_xlabel("")
    ax.set_title(title)
    ax.margins(x=0.01)
    ax.grid(axis="x", visible=False)
    style.add_source(fig, source, rect=_trend_legend(fig, ax))
    if last_total is not None:
        _make_room_for(last_total, fig, ax)
    _label_drawn_years(ax, bottom)
    lift_labels_over_bars(ax)
    _lead_to_bars(ax, lifted)
    data = by_year[shown].rename(columns=lambda c: _(COMPONENTS[c]))
    data = data.rename_axis("x").reset_index().melt("x", var_name="series", value_name="value")
    exhibits.attach_data(
        fig,
        pd.DataFrame(data[["x", "series", "value"]]),  # year first, as a reader sorts
        saved_as=exhibits.DataColumns(x=_("year"), series=_("group"), value=_("people")),
    )
    return fig


#: Room kept between the last year's total and the frame, in points: the PDF and the
#: browser draw the SVG's text a little wider than matplotlib measures it ("2025: 10.0 M"
#: ended 0.6 px inside the frame here and ran across it in the PDF).
LABEL_CLEARANCE_PT = 5


def _make_room_for(label, fig: plt.Figure, ax) -> None:
    """Widen the frame to the right until `label` (the last year's total, written right
    of its bar) fits inside it with `LABEL_CLEARANCE_PT` to spare, measured once the
    chart is laid out (again after each widening: the label moves as the scale shrinks)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg has one
    clearance = LABEL_CLEARANCE_PT * fig.dpi / 72
    for _attempt in range(3):
        frame = ax.get_window_extent(renderer)
        overflow = label.get_window_extent(renderer).x1 + clearance - frame.x1
        if overflow <= 0:
            return
        left, right = ax.get_xlim()
        per_pixel = (right - left) / frame.width
        ax.set_xlim(left, right + overflow * per_pixel * 1.15)


def _label_drawn_years(ax, heights: pd.Series) -> None:
    """Year labels only under years with a bar: a label over an empty slot would read
    as a zero, and a year without a bar may have no figure at all."""
    ax.figure.draw_without_rendering()  # let the axis choose its ticks for the width
    drawn = set(heights.index[heights > 0])
    ticks = [t for t in ax.get_xticks() if float(t).is_integer() and int(t) in drawn]
    ax.set_xticks(ticks, [str(int(t)) for t in ticks])


def _trend_legend(fig: plt.Figure, ax) -> tuple[float, float, float, float]:
    """The legend in fixed room under the chart, above the source line; the area left
    for the axes."""
    handles, labels = ax.get_legend_handles_labels()
    height = fig.get_figheight()  # the legend and the source take the same inches always
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg has one
    # one row where it fits the width, in 7.5 pt or else 7 pt; else two columns, so that
    # the chart keeps its height (and its axis title one line); long names (the Dutch
    # 'other people in need of international protection') on two lines rather than a
    # legend wider than the chart, which would shrink the whole chart on the page
    tries = [(len(handles), 7.5, 0), (len(handles), 7.0, 0), (2, 7.5, 0), (2, 7.5, 40)]
    for columns, size, wrap in tries:
        legend = fig.legend(
            handles,
            [textwrap.fill(label, wrap) for label in labels] if wrap else labels,
            loc="lower left",
            bbox_to_anchor=(0.01, 0.17 / height),
            ncol=max(columns, 1),
            fontsize=size,
            labelspacing=0.3,  # rows close together: the chart keeps the height
            borderpad=0.2,
        )
        fits = legend.get_window_extent(renderer).width <= fig.bbox.width * 0.98
        if fits or (columns, size, wrap) == tries[-1]:
            break
        legend.remove()
    legend_top = legend.get_window_extent(renderer).y1 / fig.dpi
    # the layout pads the axes' tick labels from the area's edge by 1.08 font sizes:
    # the area starts that much below the legend's top, so that the year labels stand
    # directly above the legend (a line of white between them parted it from its chart)
    padding = 1.08 * mpl.rcParams["font.size"] / 72
    return (0, (legend_top + LEGEND_GAP_IN - padding) / height, 1, 1)


def _label_alignment(year: int, years: pd.Index) -> tuple[str, float]:
    if year == min(years):
        return "left", year - 0.4
    return "center", year


def _label_totals(ax, totals: pd.Series, years: tuple[int, ...], millions: bool, dated: bool):
    """The total written above the bars of `years` ('3.0 M', or '9,119' under a million),
    and above its neighbours' bars where they are taller: a label wider than its bar
    must not hide the top of the next one (2024's 124.7 M behind 2025's label made 2025
    look like the peak). The last year's total stands right of its own bar, at its
    height: above a taller bar before it, it read as that bar's (Lebanon's 0.8 M over
    2024's 2.2 M). `dated`: each with its year ('2019: 3.0 M'). Returns the last
    year's label, if drawn, and the others with their year and total."""
    last = None
    others = []
    for year in years:
        if year in totals.index and pd.notna(totals.loc[year]):
            total = totals.loc[year]
            text = millions_label(total) if millions else localized(f"{total:,.0f}")
            text = f"{year}: {text}" if dated else text
            if year == max(totals.index):
                last = ax.annotate(
                    text,
                    xy=(year + 0.45, total),
                    xytext=(2, 0),
                    textcoords="offset points",
                    ha="left",
                    va="center",
                    fontsize=8,
                    fontweight="bold",
                    annotation_clip=False,
                )
                continue
            clear_of = totals.reindex([year - 1, year, year + 1]).astype(float).max()
            # the first year's label ends at its bar's outer edge, inside the frame
            ha, x = _label_alignment(year, totals.index)
            label = ax.annotate(
                text,
                xy=(x, clear_of),
                xytext=(0, 3),
                textcoords="offset points",
                ha=ha,
                fontsize=8,
                fontweight="bold",
                # readable where it meets the next year's taller bar
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            )
            others.append((year, float(total), label))
    return last, others


#: A total written more than this many points above its own bar gets a line down to it.
LEADER_MIN_PT = 4


def _lead_to_bars(ax, labels) -> None:
    """A thin line from a bar's top up to its total, where the total had to stand well
    above it, clear of taller bars nearby (Sudan's '2019: 3.2 M' over 2020-2022): with
    nothing joining them, the label read as belonging to the bars under it."""
    for year, total, label in labels:
        bar_top = ax.transData.transform((year, total))[1]
        label_foot = ax.transData.transform(label.xy)[1]
        if (label_foot - bar_top) * 72 / ax.figure.dpi > LEADER_MIN_PT:
            ax.plot([year, year], [total, label.xy[1]], color="#777777", linewidth=0.5)
