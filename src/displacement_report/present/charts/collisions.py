"""What a designer would not sign on a drawn chart, found on the Figure itself: two
texts on top of each other (labels, tick labels, legends, titles, the source line), a
text across the axes' frame or outside the figure, a value label over a line or another
bar, a line cut off by the frame, a year label under an empty slot, a legend entry for
a series that is zero throughout, a number of four digits or more without its
thousands separator.

`problems(fig)` lays the figure out and lists them in words. The report build runs it
on every chart it saves when a test asks for it (`exhibits.CHECK_CHARTS_ENV`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox, BboxBase

#: Overlaps smaller than this many pixels (at the figure's dpi) are antialiasing, not
#: a collision a reader sees.
TOLERANCE = 1.0
#: A line within this share of the axis's height from the top edge runs into the frame.
TOUCHING = 0.01
#: Four digits or more with no separator: '4000' (a year axis, 1900-2100, is exempt).
_UNGROUPED = re.compile(r"(?<![\d.,])\d{4,}(?![\d.,])")
#: A tick label that is a number ('4000', '12.5%', '3 M', '€ 40 mln'): at most a short
#: unit before or after it. A name with a number in it ('Serbia and Kosovo: S/RES/1244
#: (1999)', UNHCR's name) is not a number on the axis.
_NUMBER_LABEL = re.compile(r"^\W*[^\W\d]{0,3}\W*[\d.,\s\u202f\u2009]+\W*[^\W\d]{0,3}\W*$")


@dataclass(frozen=True)
class _Box:
    what: str
    bbox: Bbox
    group: str  # boxes of one group (one axis's tick labels) may not touch each other either
    inside: Axes | None = None  # drawn in the axes: must stay within its frame


def _text(text: Text) -> str:
    return " ".join(text.get_text().split())


def _shown(artist) -> bool:
    return artist.get_visible() and (not isinstance(artist, Text) or bool(_text(artist)))


def _extent(artist, renderer) -> Bbox:
    return artist.get_window_extent(renderer)


def _tick_boxes(ax: Axes, renderer, name: str) -> Iterator[_Box]:
    axis = ax.xaxis if name == "x" else ax.yaxis
    low, high = sorted(axis.get_view_interval())
    for tick in axis.get_major_ticks():
        if not (low - 1e-9 <= tick.get_loc() <= high + 1e-9):
            continue
        for label in (tick.label1, tick.label2):
            if _shown(label):
                yield _Box(
                    f"tick label '{_text(label)}'", _extent(label, renderer), f"{id(ax)}{name}"
                )


def _axes_boxes(ax: Axes, renderer) -> Iterator[_Box]:
    # the three title slots (centre, left, right); matplotlib keeps no public list of them
    titles = (ax.title, getattr(ax, "_left_title", ax.title), getattr(ax, "_right_title", ax.title))
    for title in dict.fromkeys(titles):
        if _shown(title):
            yield _Box(f"title '{_text(title)}'", _extent(title, renderer), str(id(title)))
    for label in (ax.xaxis.label, ax.yaxis.label):
        if _shown(label):
            yield _Box(f"axis title '{_text(label)}'", _extent(label, renderer), str(id(label)))
    yield from _tick_boxes(ax, renderer, "x")
    yield from _tick_boxes(ax, renderer, "y")
    for text in ax.texts:
        if _shown(text):
            yield _Box(f"label '{_text(text)}'", _extent(text, renderer), str(id(text)), ax)
    legend = ax.get_legend()
    if legend is not None and _shown(legend):
        yield _Box("legend", _extent(legend, renderer), str(id(legend)), _legend_inside(legend, ax))


def _legend_inside(legend: Legend, ax: Axes) -> Axes | None:
    """A legend placed in the axes must stay inside; one anchored outside is free."""
    anchor = legend.get_bbox_to_anchor()
    return ax if anchor is None or anchor.bounds == ax.bbox.bounds else None


def text_boxes(fig: Figure, renderer) -> list[_Box]:
    """Every text a reader sees on the figure, with where it is drawn."""
    boxes: list[_Box] = []
    for ax in fig.axes:
        if ax.get_visible():
            boxes += _axes_boxes(ax, renderer)
    for text in fig.texts:
        if _shown(text):
            boxes.append(
                _Box(f"figure text '{_text(text)[:40]}'", _extent(text, renderer), str(id(text)))
            )
    for legend in fig.legends:
        if _shown(legend):
            boxes.append(_Box("figure legend", _extent(legend, renderer), str(id(legend))))
    return boxes


def _overlap(a: BboxBase, b: BboxBase) -> bool:
    return (
        min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANCE
        and min(a.y1, b.y1) - max(a.y0, b.y0) > TOLERANCE
    )


def _contains(outer: BboxBase, inner: BboxBase) -> bool:
    return (
        inner.x0 >= outer.x0 - TOLERANCE
        and inner.y0 >= outer.y0 - TOLERANCE
        and inner.x1 <= outer.x1 + TOLERANCE
        and inner.y1 <= outer.y1 + TOLERANCE
    )


def _collisions(boxes: list[_Box]) -> Iterator[str]:
    for a, b in combinations(boxes, 2):
        if _overlap(a.bbox, b.bbox):
            yield f"{a.what} overlaps {b.what}"


def _outside(fig: Figure, boxes: list[_Box]) -> Iterator[str]:
    for box in boxes:
        if not _contains(fig.bbox, box.bbox):
            yield f"{box.what} leaves the figure"
        if box.inside is not None and not _contains(box.inside.bbox, box.bbox):
            yield f"{box.what} crosses the frame of its axes"


def _data_lines(ax: Axes) -> list[Line2D]:
    return [line for line in ax.get_lines() if line.get_visible() and np.size(line.get_xydata())]


def lines_under(ax: Axes, text: Text, renderer) -> list[str]:
    """The names of the lines of `ax` that run through `text`."""
    box = _extent(text, renderer).padded(-TOLERANCE)
    return [
        str(line.get_label())
        for line in _data_lines(ax)
        if line.get_transform().transform_path(line.get_path()).intersects_bbox(box, filled=False)
    ]


def runs_into_a_bar(ax: Axes, text: Text, renderer) -> bool:
    """Whether `text` covers a bar of `ax` other than the one it is anchored to."""
    box = _extent(text, renderer)
    anchor = ax.transData.transform(text.xy if hasattr(text, "xy") else text.get_position())
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        for bar in container.patches:
            area = _extent(bar, renderer)
            if not np.all(np.isfinite(area.get_points())):
                continue  # a missing value: no bar drawn
            if _overlap(box, area) and not area.padded(TOLERANCE).contains(*anchor):
                return True
    return False


def any_overlap(texts: list[Text], renderer) -> bool:
    """Whether any two of `texts` overlap."""
    boxes = [_extent(text, renderer) for text in texts if _shown(text)]
    return any(_overlap(a, b) for a, b in combinations(boxes, 2))


def _over_data(ax: Axes, renderer) -> Iterator[str]:
    """A value label drawn over a line, or over a bar it does not belong to."""
    for text in ax.texts:
        if not _shown(text):
            continue
        for line in lines_under(ax, text, renderer):
            yield f"label '{_text(text)}' lies over the line '{line}'"
        if runs_into_a_bar(ax, text, renderer):
            yield f"label '{_text(text)}' runs into a bar it does not belong to"


def lines_under_legend(ax: Axes, renderer) -> list[str]:
    """The lines of `ax` that run under or touch its legend, where the legend sits in the
    axes (one anchored outside is clear of them)."""
    legend = ax.get_legend()
    if legend is None or not _shown(legend) or _legend_inside(legend, ax) is None:
        return []
    box = _extent(legend, renderer).padded(2 * TOLERANCE)  # touching counts
    return [
        str(line.get_label())
        for line in _data_lines(ax)
        if not str(line.get_label()).startswith("_")
        and line.get_transform().transform_path(line.get_path()).intersects_bbox(box, filled=True)
    ]


def _legend_over_lines(ax: Axes, renderer) -> Iterator[str]:
    for line in lines_under_legend(ax, renderer):
        yield f"the legend lies over or touches the line '{line}'"


def _lines_cut(ax: Axes) -> Iterator[str]:
    """A line whose values go beyond the axes' limits, or reach the top of the frame, is
    cut off by it (reaching the bottom is a zero on an axis that starts at zero)."""
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    y1 -= (y1 - y0) * TOUCHING
    for line in _data_lines(ax):
        if str(line.get_label()).startswith("_"):
            continue  # a reference line (a baseline, a mark) may span the frame
        xy = np.asarray(line.get_xydata(), dtype=float)
        xy = xy[~np.isnan(xy).any(axis=1)]
        inside_x = (xy[:, 0] >= x0) & (xy[:, 0] <= x1)
        if len(xy) and (np.any(xy[inside_x, 1] > y1) or np.any(xy[inside_x, 1] < y0)):
            yield f"the line '{line.get_label()}' runs into the frame"


def _empty_slots(ax: Axes) -> Iterator[str]:
    """A labelled category or year of a bar chart with no bar in its slot (the half
    of the distance to the next label on either side)."""
    vertical = [
        c for c in ax.containers if isinstance(c, BarContainer) and c.orientation == "vertical"
    ]
    low, high = sorted(ax.get_xlim())
    ticks = zip(ax.get_xticks(), ax.get_xticklabels(), strict=False)
    labelled = [(t, _text(label)) for t, label in ticks if _text(label) and low <= t <= high]
    if not vertical or len(labelled) < 2:
        return
    half = float(np.min(np.diff(sorted(t for t, _text_ in labelled)))) / 2
    centres = [(p.get_x() + p.get_width() / 2, p.get_height()) for c in vertical for p in c]
    for tick, text in labelled:
        heights = [h for x, h in centres if abs(x - tick) < half]
        if not any(np.isfinite(h) and h != 0 for h in heights):
            yield f"the label '{text}' stands under an empty slot"


def _empty_legend_entries(fig: Figure) -> Iterator[str]:
    """A legend entry for a series drawn nowhere: every artist of that name is zero or
    missing in every panel (an entry made for its own sake, a proxy, is not judged)."""
    legends = [legend for ax in fig.axes if (legend := ax.get_legend()) is not None]
    legends += fig.legends
    series = [pair for ax in fig.axes for pair in _series(ax)]
    named = {label for label, _shows in series}
    shown = {label for label, shows in series if shows}
    for legend in legends:
        for text in legend.get_texts():
            if _text(text) in named and _text(text) not in shown:
                yield f"the legend names '{_text(text)}', which no panel shows"


def _series(ax: Axes) -> Iterator[tuple[str, bool]]:
    """Each named line, bar series and area of a panel, and whether it shows anything."""
    for line in _data_lines(ax):
        y = np.asarray(line.get_ydata(), dtype=float)
        yield str(line.get_label()), bool(np.any(np.isfinite(y) & (y != 0)))
    for container in ax.containers:
        if isinstance(container, BarContainer):
            sizes = [p.get_height() or p.get_width() for p in container.patches]
            yield str(container.get_label()), any(np.isfinite(h) and h != 0 for h in sizes)
    for collection in ax.collections:
        paths = collection.get_paths()
        shows = any(_encloses_area(np.asarray(path.vertices)) for path in paths)
        yield str(collection.get_label()), shows


def _encloses_area(vertices: np.ndarray) -> bool:
    """A filled area (a band of a stacked area chart) that is more than a line."""
    if len(vertices) < 3:
        return False
    x, y = vertices[:, 0], vertices[:, 1]
    return abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))) > 1e-9


def _ungrouped_numbers(boxes: list[_Box]) -> Iterator[str]:
    by_axis: dict[str, list[str]] = {}
    for box in boxes:
        if box.what.startswith("tick label"):
            by_axis.setdefault(box.group, []).append(
                box.what.removeprefix("tick label ").strip("'")
            )
    for all_labels in by_axis.values():
        labels = [label for label in all_labels if _NUMBER_LABEL.match(label)]
        numbers = [int(n) for label in labels for n in _UNGROUPED.findall(label)]
        if numbers and all(1900 <= n <= 2100 for n in numbers):
            continue  # years
        for label in labels:
            if _UNGROUPED.search(label):
                yield f"tick label '{label}' has no thousands separator"


def problems(fig: Figure) -> list[str]:
    """Everything on the drawn figure a reader would stumble over, in words."""
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg and SVG have one
    boxes = text_boxes(fig, renderer)
    found = [*_collisions(boxes), *_outside(fig, boxes), *_ungrouped_numbers(boxes)]
    for ax in fig.axes:
        found += [*_over_data(ax, renderer), *_lines_cut(ax), *_empty_slots(ax)]
        found += _legend_over_lines(ax, renderer)
    found += _empty_legend_entries(fig)
    return list(dict.fromkeys(found))
