"""Axes, tick labels and value labels every chart shares, in the edition's number format."""

from __future__ import annotations

import re

import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator, ScalarFormatter

from displacement_report.i18n import _, locale_code
from displacement_report.present.charts import collisions


def localized(text: str) -> str:
    """A number Python formatted ('1,234.5') with the report language's symbols
    ('1.234,5' in Dutch); other characters are kept."""
    locale = locale_code()
    symbols: dict[str, str | int | None] = {
        ",": get_group_symbol(locale),
        ".": get_decimal_symbol(locale),
    }
    return text.translate(str.maketrans(symbols))


#: The whole part of a tick label of four digits or more, to be grouped ('4000').
_WHOLE = re.compile(r"(?<![\d.])\d{4,}")


class LocalizedFormatter(ScalarFormatter):
    """Matplotlib's tick labels with the report language's decimal sign ('2,5') and
    thousands separator ('4,000'; '4.000' in Dutch), as every other number reads."""

    def __call__(self, x, pos=None):
        text = _WHOLE.sub(lambda m: f"{int(m.group(0)):,}", super().__call__(x, pos))
        return localized(text)

    # format_ticks (what an axis calls) goes through __call__: localizing its labels
    # again would swap ',' and '.' back, and Dutch ticks would read '0.75'


def millions_label(value: float) -> str:
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


#: The type size of a low chart's value-axis title (`people_axis(short=True)`).
SHORT_AXIS_TITLE_PT = 7.5


def people_axis(ax, top: float, short: bool = False) -> None:
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
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))  # a low chart too
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: localized(f"{value:,.0f}")))
        label = _("People") if short else _("People (end of year)")
    # a low chart's axis is short: its title in smaller type stays on one line
    ax.set_ylabel(label, fontsize=SHORT_AXIS_TITLE_PT if short else None)


#: Where a point's label may go, in order of preference: (dx, dy) in points, and its
#: horizontal and vertical alignment: above, above left, above right, below, ...
LABEL_PLACES = (
    ((0, 6), "center", "bottom"),
    ((-5, 5), "right", "bottom"),
    ((5, 5), "left", "bottom"),
    ((0, -7), "center", "top"),
    ((-5, -5), "right", "top"),
    ((5, -5), "left", "top"),
    ((6, 0), "left", "center"),  # after the line's last point, once the frame has room
)
#: How far the frame widens to the right, at most twice, for a label that fits nowhere
#: (a line's last point, with lines running through every place around it).
WIDEN_FOR_LABEL = 0.08


def _inside(ax, text, renderer) -> bool:
    box, frame = text.get_window_extent(renderer), ax.bbox
    return box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1


def place_point_labels(ax) -> None:
    """Move each point's label (an annotation in offset points) to the first place
    around its point where no line runs through it and it stays inside the frame;
    call after the chart's layout (`style.add_source`)."""
    renderer = ax.figure.canvas.get_renderer()
    for text in ax.texts:
        if getattr(text, "anncoords", None) != "offset points":
            continue
        for _widened in range(3):
            if _place_clear(ax, text, renderer):
                break
            low, high = ax.get_xlim()
            ax.set_xlim(low, high + (high - low) * WIDEN_FOR_LABEL)
        else:
            text.set_position(LABEL_PLACES[0][0])
            text.set_ha(LABEL_PLACES[0][1])
            text.set_va(LABEL_PLACES[0][2])


def _place_clear(ax, text, renderer) -> bool:
    """Put `text` at the first of `LABEL_PLACES` inside the frame and clear of lines."""
    for offset, ha, va in LABEL_PLACES:
        text.set_position(offset)
        text.set_ha(ha)
        text.set_va(va)
        if _inside(ax, text, renderer) and not collisions.lines_under(ax, text, renderer):
            return True
    return False


def upright_where_crowded(ax) -> None:
    """Value labels that would run into a neighbouring bar or into each other are
    turned upright, and the value axis is raised until every label is inside the frame;
    call after the chart's layout (`style.add_source`)."""
    renderer = ax.figure.canvas.get_renderer()
    labels = [text for text in ax.texts if text.get_text()]
    crowded = collisions.any_overlap(labels, renderer) or any(
        collisions.runs_into_a_bar(ax, text, renderer) for text in labels
    )
    if crowded:
        for text in labels:  # all of them, so the chart reads one way
            text.set_rotation(90)
            text.set_ha("center")
            text.set_va("bottom")
    raise_to_fit_labels(ax)


def raise_to_fit_labels(ax) -> None:
    """Raise the value axis until every label written in the chart is inside the frame."""
    renderer = ax.figure.canvas.get_renderer()
    labels = [text for text in ax.texts if text.get_text()]
    for _attempt in range(5):  # the labels keep their size in points as the axis grows
        highest = max((t.get_window_extent(renderer).y1 for t in labels), default=0)
        if highest <= ax.bbox.y1:
            break
        low, high = ax.get_ylim()
        overshoot = (highest - ax.bbox.y0) / ax.bbox.height
        ax.set_ylim(low, low + (high - low) * overshoot * 1.03)


#: Where a line chart's legend may go in its frame, in order of preference.
LEGEND_PLACES = ("upper left", "upper right", "lower right", "lower left", "upper center")


def legend_clear_of_lines(ax, **options) -> None:
    """A legend in the frame where no line runs under or touches it (the first of
    `LEGEND_PLACES` that is clear); where none is, the value axis is raised until the
    top left is: call after the chart's layout (`style.add_source`)."""
    renderer = ax.figure.canvas.get_renderer()
    for place in LEGEND_PLACES:
        ax.legend(loc=place, **options)
        if not collisions.lines_under_legend(ax, renderer):
            return
    ax.legend(loc=LEGEND_PLACES[0], **options)
    for _attempt in range(8):
        if not collisions.lines_under_legend(ax, renderer):
            return
        low, high = ax.get_ylim()
        ax.set_ylim(low, low + (high - low) * 1.12)


def legend_over_bars(ax, columns: int, **options) -> None:
    """A legend across the top of a bar chart, in as many columns (up to `columns`) as
    fit the frame's width, and the value axis raised until no bar reaches it; call
    after the chart's layout (`style.add_source`)."""
    renderer = ax.figure.canvas.get_renderer()
    size = options.pop("fontsize", 8)
    # all columns in a point smaller type before fewer columns: a legend of one column
    # over a short chart takes half its height (the Dutch pyramid's)
    tries = [(columns, size), (columns, size - 1)] + [(n, size) for n in range(columns - 1, 0, -1)]
    for ncol, fontsize in tries:
        legend = ax.legend(loc="upper center", ncol=ncol, fontsize=fontsize, **options)
        if legend.get_window_extent(renderer).width <= ax.bbox.width * 0.98:
            break
    tops = [bar.get_window_extent(renderer).y1 for container in ax.containers for bar in container]
    for _attempt in range(6):
        bottom = legend.get_window_extent(renderer).y0
        if not tops or max(tops) <= bottom - 2:
            break
        low, high = ax.get_ylim()
        ax.set_ylim(low, low + (high - low) * 1.12)
        tops = [
            bar.get_window_extent(renderer).y1 for container in ax.containers for bar in container
        ]


def lift_labels_over_bars(ax) -> None:
    """A value label that runs into a neighbouring, taller bar is lifted above the
    tallest bar it spans, and the axis raised to fit; call after the chart's layout."""
    renderer = ax.figure.canvas.get_renderer()
    bars = [bar for container in ax.containers for bar in container]
    for text in ax.texts:
        if not text.get_text() or not collisions.runs_into_a_bar(ax, text, renderer):
            continue
        box = text.get_window_extent(renderer)
        spanned = [
            bar.get_y() + bar.get_height()
            for bar in bars
            if bar.get_window_extent(renderer).x1 > box.x0
            and bar.get_window_extent(renderer).x0 < box.x1
            and pd.notna(bar.get_height())
        ]
        x, y = text.xy
        text.xy = (x, max([y, *spanned]))
    raise_to_fit_labels(ax)
