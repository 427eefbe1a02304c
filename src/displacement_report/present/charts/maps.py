"""Maps: where refugees and other people in need of international protection are
hosted (the world), the focus countries with their main origins, and a country
profile's locator map. Drawn with matplotlib from Natural Earth's boundaries
(`data.boundaries`), disputed areas as the United Nations draws them (`UN_DRAWING`),
each map with the United Nations' disclaimer, its data and its alternative text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from babel.lists import format_list
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.path import Path

from displacement_report.data import boundaries
from displacement_report.i18n import N_, _, country_name, locale_code
from displacement_report.present import exhibits, style
from displacement_report.present.charts.axes import localized, millions_label
from displacement_report.present.format import count, millions, one_decimal

#: The United Nations' standard disclaimer, on every map.
DISCLAIMER = N_(
    "The boundaries and names shown and the designations used on this map do not imply "
    "official endorsement or acceptance by the United Nations."
)
#: What the dashed and dotted lines mean, under a map that shows them.
LINES_NOTE = N_(
    "Dashed lines: boundaries not yet determined. Dotted line: approximately the Line of "
    "Control in Jammu and Kashmir agreed upon by India and Pakistan; the final status of "
    "Jammu and Kashmir has not yet been agreed upon by the parties. Kosovo: in the context "
    "of Security Council resolution 1244 (1999)."
)
BOUNDARY_SOURCE = N_("Boundaries: Natural Earth (public domain).")


@dataclass(frozen=True)
class UnDrawing:
    """How the United Nations' maps, and UNHCR's, draw what Natural Earth draws de facto."""

    #: Areas shown in another's colour (the entry UNHCR reports them under).
    fill_as: Mapping[str, str]
    #: Pairs whose shared line is not drawn (one area on the United Nations' maps).
    no_line: frozenset[frozenset[str]]
    #: Pairs whose shared line is dashed or dotted, where inside a box (lon0, lat0,
    #: lon1, lat1; None: the whole line).
    disputed: tuple[tuple[frozenset[str], tuple[float, float, float, float] | None, str], ...]
    #: Areas of no data whatever the data say (disputed territory).
    no_data: frozenset[str]


UN_DRAWING = UnDrawing(
    fill_as={"XKX": "SRB", "SOL": "SOM", "CYN": "CYP", "TWN": "CHN"},
    no_line=frozenset({frozenset({"SOM", "SOL"}), frozenset({"CYP", "CYN"})}),
    disputed=(
        (frozenset({"SRB", "XKX"}), None, "dashed"),
        (frozenset({"MAR", "ESH"}), None, "dashed"),
        (frozenset({"SDN", "SSD"}), None, "dashed"),
        (frozenset({"IND", "CHN"}), (77.0, 32.3, 80.5, 36.5), "dashed"),
        (frozenset({"IND", "PAK"}), (73.0, 32.3, 80.5, 37.5), "dotted"),
        (frozenset({"IND", "KAS"}), None, "dotted"),
        (frozenset({"PAK", "KAS"}), None, "dotted"),
        (frozenset({"CHN", "KAS"}), None, "dotted"),
    ),
    no_data=frozenset({"KAS"}),
)
LINE_STYLES = {"solid": "-", "dashed": (0, (3, 2)), "dotted": (0, (1, 1.5))}

#: Classes of refugees and OIP per 1,000 inhabitants: lower bounds, and a colour each
#: (ColorBrewer's PuBu, light to dark, as matplotlib samples it at 0.05, 0.26, 0.44,
#: 0.61, 0.78 and 0.95: ordered in lightness and each class apart from the next for
#: colour-blind readers too, as tests/present/test_colours.py checks; YlGnBu's two
#: lightest classes were not).
PER_1000_BOUNDS = (0.0, 1.0, 5.0, 10.0, 25.0, 50.0)
PER_1000_COLOURS = ("#f8f1f8", "#cdd0e5", "#8cb3d5", "#3d93c2", "#056ba7", "#03456c")
NO_DATA_COLOUR = "#e6e6e6"
NO_DATA_HATCH = "////"
OCEAN_COLOUR = "#ffffff"
LINE_COLOUR = "#ffffff"
COAST_COLOUR = "#9a9a9a"
CIRCLE_COLOUR = style.OKABE_ITO["vermillion"]
HOST_COLOUR = style.OKABE_ITO["blue"]
ORIGIN_COLOUR = style.OKABE_ITO["orange"]
NEIGHBOUR_COLOUR = "#d9d9d9"
OTHER_COLOUR = "#f0f0f0"


# --- projections ----------------------------------------------------------------------

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = np.sqrt(3) / 2


def equal_earth(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): areas true to
    size, so a large country does not look more burdened than it is."""
    lam, phi = np.radians(lon), np.radians(lat)
    theta = np.arcsin(_M * np.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * np.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def _plate(lat0: float):
    """Longitude shrunk by the cosine of the middle latitude: true shapes for a region."""
    factor = float(np.cos(np.radians(lat0)))

    def project(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return lon * factor, lat

    return project


def _projected(points: np.ndarray, project) -> np.ndarray:
    x, y = project(points[:, 0], points[:, 1])
    return np.column_stack([x, y])


# --- geometry ---------------------------------------------------------------------------


def _ring_area(points: np.ndarray) -> float:
    x, y = points[:, 0], points[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def anchor(iso3: str, resolution: str = "110m") -> tuple[float, float] | None:
    """Where a country's circle or label goes (longitude, latitude): the centroid of its
    largest polygon (mainland France, not French Guiana); None for an unknown area.
    Worked out once per area and resolution."""
    if iso3 not in boundaries.load(resolution).rings:
        return None
    return _anchor(iso3, resolution)


@cache
def _anchor(iso3: str, resolution: str) -> tuple[float, float]:
    rings = [polygon[0] for polygon in boundaries.load(resolution).polygons(iso3)]
    return _centroid(max(rings, key=lambda r: abs(_ring_area(r))))


def _visible_anchor(
    iso3: str, resolution: str, box: tuple[float, float, float, float], least: float = 0.03
) -> tuple[float, float] | None:
    """Where a neighbour's name goes on a regional map: the centroid of the largest part
    of it inside `box`; None if that part is under `least` of the box (no room)."""
    parts = [_clip_ring(polygon[0], box) for polygon in boundaries.load(resolution).polygons(iso3)]
    parts = [p for p in parts if len(p) >= 3]
    if not parts:
        return None
    part = max(parts, key=lambda r: abs(_ring_area(r)))
    if abs(_ring_area(part)) < least * (box[2] - box[0]) * (box[3] - box[1]):
        return None
    return _centroid(part)


def _centroid(ring: np.ndarray) -> tuple[float, float]:
    x, y = ring[:, 0], ring[:, 1]
    cross = x * np.roll(y, -1) - np.roll(x, -1) * y
    area = cross.sum() / 2
    if not area:
        return float(x.mean()), float(y.mean())
    cx = ((x + np.roll(x, -1)) * cross).sum() / (6 * area)
    cy = ((y + np.roll(y, -1)) * cross).sum() / (6 * area)
    return float(cx), float(cy)


def main_extent(iso3: str, resolution: str = "110m") -> tuple[float, float, float, float]:
    """The box (lon0, lat0, lon1, lat1) of a country's main polygons: those at least a
    tenth of its largest and within 20 degrees of it (so France's box is Europe's, not
    the Atlantic's)."""
    atlas = boundaries.load(resolution)
    rings = [polygon[0] for polygon in atlas.polygons(iso3)]
    largest = max(rings, key=lambda r: abs(_ring_area(r)))
    centre = largest.mean(axis=0)
    kept = np.concatenate(
        [
            r
            for r in rings
            if abs(_ring_area(r)) >= abs(_ring_area(largest)) / 10
            and np.abs(r.mean(axis=0) - centre).max() <= 20
        ]
    )
    return (
        float(kept[:, 0].min()),
        float(kept[:, 1].min()),
        float(kept[:, 0].max()),
        float(kept[:, 1].max()),
    )


@cache
def _area_boxes(resolution: str) -> dict[str, tuple[float, float, float, float]]:
    """Each area's box, from the boxes of the arcs it is made of (no ring assembled)."""
    atlas = boundaries.load(resolution)
    lows = np.array([arc.min(axis=0) for arc in atlas.arcs])
    highs = np.array([arc.max(axis=0) for arc in atlas.arcs])
    boxes = {}
    for iso3, polygons in atlas.rings.items():
        used = [a if a >= 0 else ~a for polygon in polygons for ring in polygon for a in ring]
        low, high = lows[used].min(axis=0), highs[used].max(axis=0)
        boxes[iso3] = (float(low[0]), float(low[1]), float(high[0]), float(high[1]))
    return boxes


def _in_box(iso3: str, box: tuple[float, float, float, float] | None, resolution: str) -> bool:
    if box is None:
        return True
    lon0, lat0, lon1, lat1 = _area_boxes(resolution)[iso3]
    return not (lon1 < box[0] or lon0 > box[2] or lat1 < box[1] or lat0 > box[3])


def _clip_edge(points: np.ndarray, axis: int, bound: float, keep_above: bool) -> np.ndarray:
    """One step of Sutherland-Hodgman: the ring cut to one side of a line x or y =
    `bound`, the crossing points added where it leaves and re-enters."""
    if not len(points):
        return points
    before = np.roll(points, 1, axis=0)
    inside = points[:, axis] >= bound if keep_above else points[:, axis] <= bound
    crosses = inside != np.roll(inside, 1)
    with np.errstate(divide="ignore", invalid="ignore"):  # where it does not cross
        share = (bound - before[:, axis]) / (points[:, axis] - before[:, axis])
        crossing = before + share[:, None] * (points - before)
    counts = crosses.astype(int) + inside.astype(int)
    starts = np.cumsum(counts) - counts
    clipped = np.empty((int(counts.sum()), 2))
    clipped[starts[crosses]] = crossing[crosses]
    clipped[(starts + crosses)[inside]] = points[inside]
    return clipped


def _clip_ring(ring: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """A ring cut to `box` (lon0, lat0, lon1, lat1): far fewer points to draw for a
    region than the whole of every country that reaches into it."""
    low, high = ring.min(axis=0), ring.max(axis=0)
    if high[0] < box[0] or low[0] > box[2] or high[1] < box[1] or low[1] > box[3]:
        return ring[:0]
    if low[0] >= box[0] and high[0] <= box[2] and low[1] >= box[1] and high[1] <= box[3]:
        return ring
    for axis, bound, keep_above in ((0, box[0], True), (0, box[2], False)):
        ring = _clip_edge(ring, axis, bound, keep_above)
    for axis, bound, keep_above in ((1, box[1], True), (1, box[3], False)):
        ring = _clip_edge(ring, axis, bound, keep_above)
    return ring


def _clip_line(line: np.ndarray, box: tuple[float, float, float, float]) -> list[np.ndarray]:
    """The stretches of a line with a point inside `box`."""
    low, high = line.min(axis=0), line.max(axis=0)
    if high[0] < box[0] or low[0] > box[2] or high[1] < box[1] or low[1] > box[3]:
        return []
    if low[0] >= box[0] and high[0] <= box[2] and low[1] >= box[1] and high[1] <= box[3]:
        return [line]
    inside = (
        (line[:, 0] >= box[0])
        & (line[:, 0] <= box[2])
        & (line[:, 1] >= box[1])
        & (line[:, 1] <= box[3])
    )
    keep = inside.copy()
    keep[1:] |= inside[:-1]  # the segment that leaves the box
    keep[:-1] |= inside[1:]  # and the one that enters it
    runs, start = [], None
    for i, kept in enumerate([*keep, False]):
        if kept and start is None:
            start = i
        elif not kept and start is not None:
            if i - start > 1:
                runs.append(line[start:i])
            start = None
    return runs


def _area_path(
    iso3: str, resolution: str, project, box: tuple[float, float, float, float] | None = None
) -> Path:
    """All of an area's rings as one path (holes run the other way: they stay open),
    cut to `box` if given."""
    vertices, codes = [], []
    for polygon in boundaries.load(resolution).polygons(iso3):
        for ring in polygon:
            points = _projected(ring if box is None else _clip_ring(ring, box), project)
            if len(points) < 3:
                continue
            vertices.append(points)
            codes.append([Path.MOVETO] + [Path.LINETO] * (len(points) - 2) + [Path.CLOSEPOLY])
    if not vertices:
        return Path(np.zeros((0, 2)))
    return Path(np.concatenate(vertices), np.concatenate(codes))


@cache
def _world_paths(resolution: str) -> dict[str, Path]:
    """Every area as a path in the Equal Earth projection, made once per process."""
    return {
        iso3: _area_path(iso3, resolution, equal_earth)
        for iso3 in boundaries.load(resolution).rings
    }


def _disputed_runs(arc: np.ndarray, rules: list) -> list[tuple[str, np.ndarray]]:
    """An arc cut into runs of one style: a line may be disputed along one stretch only
    (the Line of Control is part of the line India and Pakistan share)."""
    middle = (arc[:-1] + arc[1:]) / 2
    kinds = np.array(["solid"] * len(middle), dtype=object)
    for box, kind in rules:
        inside = np.ones(len(middle), dtype=bool)
        if box is not None:
            inside = (
                (middle[:, 0] >= box[0])
                & (middle[:, 0] <= box[2])
                & (middle[:, 1] >= box[1])
                & (middle[:, 1] <= box[3])
            )
        kinds[inside] = kind
    runs, start = [], 0
    for i in range(1, len(kinds) + 1):
        if i == len(kinds) or kinds[i] != kinds[start]:
            runs.append((str(kinds[start]), arc[start : i + 1]))
            start = i
    return runs


def _boundary_segments(
    resolution: str, areas: set[str], project, box: tuple[float, float, float, float] | None
) -> dict[str, list[np.ndarray]]:
    """The lines to draw between `areas` (inside `box`), by style, and the coastlines
    ('coast')."""
    atlas = boundaries.load(resolution)
    lines: dict[str, list[np.ndarray]] = {"solid": [], "dashed": [], "dotted": [], "coast": []}
    for whole, users in zip(atlas.arcs, atlas.users, strict=True):
        if not areas.intersection(users):
            continue
        for arc in [whole] if box is None else _clip_line(whole, box):
            _add_line(lines, arc, users, project)
    return lines


def _add_line(lines: dict[str, list[np.ndarray]], arc: np.ndarray, users, project) -> None:
    """One boundary or coast line, in the style the United Nations draws it with."""
    pair = frozenset(users)
    if len(users) == 1:
        lines["coast"].append(_projected(arc, project))
    elif pair not in UN_DRAWING.no_line:
        rules = [(where, kind) for p, where, kind in UN_DRAWING.disputed if p == pair]
        for kind, run in _disputed_runs(arc, rules) if rules else [("solid", arc)]:
            lines[kind].append(_projected(run, project))


def _draw_areas(
    ax,
    colours: Mapping[str, str],
    resolution: str,
    project,
    box: tuple[float, float, float, float] | None = None,
    hatched: Iterable[str] = (),
    default: str = NO_DATA_COLOUR,
) -> set[str]:
    """Fill every area (inside `box`) with its colour (an area shown as another, in the
    other's), hatch `hatched`, draw the boundaries; returns the areas drawn."""
    atlas = boundaries.load(resolution)
    drawn = {iso3 for iso3 in atlas.rings if _in_box(iso3, box, resolution)}
    order = sorted(drawn)
    faces = [colours.get(UN_DRAWING.fill_as.get(c, c), default) for c in order]
    faces = [default if c in UN_DRAWING.no_data else f for c, f in zip(order, faces, strict=True)]
    if box is None and project is equal_earth:  # the world map: the same paths every time
        paths = [_world_paths(resolution)[c] for c in order]
    else:
        clip = None if box is None else _padded(box)
        paths = [_area_path(c, resolution, project, clip) for c in order]
    ax.add_collection(PathCollection(paths, facecolors=faces, edgecolors="none", linewidths=0))
    hatch_set = set(hatched) | UN_DRAWING.no_data
    hatch_paths = [p for c, p in zip(order, paths, strict=True) if c in hatch_set]
    if hatch_paths:
        ax.add_collection(
            PathCollection(
                hatch_paths, facecolors="none", edgecolors="#8c8c8c", linewidths=0, hatch="////"
            )
        )
    lines = _boundary_segments(resolution, drawn, project, None if box is None else _padded(box))
    width = 0.35 if resolution == "110m" else 0.5
    ax.add_collection(LineCollection(lines["coast"], colors=COAST_COLOUR, linewidths=width * 0.8))
    ax.add_collection(LineCollection(lines["solid"], colors=LINE_COLOUR, linewidths=width * 1.4))
    for kind in ("dashed", "dotted"):
        if lines[kind]:
            ax.add_collection(
                LineCollection(
                    lines[kind],
                    colors="#444444",
                    linewidths=width * 1.4,
                    linestyles=[LINE_STYLES[kind]],
                )
            )
    return drawn


def _box_aspect(box: tuple[float, float, float, float], project) -> float:
    """A box's height as a share of its width, once projected."""
    (x0, x1), (y0, y1) = project(np.array([box[0], box[2]]), np.array([box[1], box[3]]))
    return float((y1 - y0) / (x1 - x0))


def _no_taller_than(
    box: tuple[float, float, float, float], project, aspect: float
) -> tuple[float, float, float, float]:
    """`box` widened (east and west alike) until its height is at most `aspect` of its
    width: a tall region would not fit a page beside its caption."""
    now = _box_aspect(box, project)
    if now <= aspect:
        return box
    extra = (box[2] - box[0]) * (now / aspect - 1) / 2
    return box[0] - extra, box[1], box[2] + extra, box[3]


def _padded(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A little more than `box`: cut edges fall outside the visible map."""
    pad = 0.05 * max(box[2] - box[0], box[3] - box[1])
    return box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad


def _map_figure(
    size: tuple[float, float],
    title: str,
    source: str,
    notes: Sequence[str],
    title_size: float = 12,
    legend_room: float = 0.0,
    note_size: float = 6.5,
) -> tuple[plt.Figure, Any]:
    """A figure laid out once, by hand: the title above (none if empty), the map, and
    under it the source line (none if empty), the boundaries' source, `notes` and the
    disclaimer, with `legend_room` inches between the map and them for legends. `size`:
    the width in inches and the map's height as a share of it; the figure is as high as
    its parts need. (matplotlib's automatic layout measures every artist of a map
    again and again: seconds, not tenths.)"""
    width, aspect = size
    parts = [source, _(BOUNDARY_SOURCE), *[_(n) for n in notes], _(DISCLAIMER)]
    per_inch = 124 / note_size  # characters of DejaVu Sans an inch holds at this size
    lines = textwrap.wrap(" ".join(p for p in parts if p), int(width * per_inch)) or [""]
    title_lines = textwrap.wrap(title, int(width * 120 / title_size)) if title else []
    foot_in = 0.05 + note_size / 56 * len(lines) + legend_room
    head_in = (0.12 + 0.018 * title_size * len(title_lines)) if title_lines else 0.04
    height = head_in + width * aspect + foot_in
    fig = plt.figure(figsize=(width, height))
    foot, head = foot_in / height, head_in / height
    fig.text(
        0.01, 0.01, "\n".join(lines), ha="left", va="bottom", fontsize=note_size, color="#555555"
    )
    if title_lines:
        fig.text(
            0.01,
            1 - 0.06 / height,
            "\n".join(title_lines),
            ha="left",
            va="top",
            fontsize=title_size,
            fontweight="bold",
        )
    fig.source = source  # type: ignore[attr-defined]  # read back for the exhibit's record
    ax = fig.add_axes((0.0, foot, 1.0, 1 - foot - head))
    ax.set_aspect("equal")
    ax.set_axis_off()
    return fig, ax


# --- the world: where refugees and OIP are hosted -----------------------------------------


def per_1000_class(value: float) -> int | None:
    """The colour class of a rate per 1,000 inhabitants (None: no figure)."""
    if value is None or pd.isna(value):
        return None
    return int(np.searchsorted(PER_1000_BOUNDS, float(value), side="right") - 1)


def class_labels() -> list[str]:
    """'under 1', '1–5', ..., '50 or more', in the edition's numbers."""
    bounds = [localized(f"{b:g}") for b in PER_1000_BOUNDS]
    labels = [_("under {upper}").format(upper=bounds[1])]
    labels += [f"{lo}–{hi}" for lo, hi in pairwise(bounds[1:])]
    labels.append(_("{lower} or more").format(lower=bounds[-1]))
    return labels


def _circle_size(people: float, largest: float) -> float:
    """Marker area in points²: proportional to the people hosted."""
    return 500.0 * people / largest if largest else 0.0


def world_map(
    hosts: pd.DataFrame,
    title: str,
    source: str,
    year: int,
    counted: str,
    labelled: int = 6,
    circled: int = 30,
) -> plt.Figure:
    """A world map: each host's refugees and OIP per 1,000 inhabitants as its colour, a
    circle as large as the number hosted for the `circled` largest hosts, the
    `labelled` largest named with their number. `hosts`: iso3, country, people, per_1000
    (NaN without a population figure); `counted`: what `people` counts, for the data
    file and the alternative text."""
    x0, _y = equal_earth(np.array([-180.0, 180.0]), np.array([0.0, 0.0]))  # widest: equator
    _x, y0 = equal_earth(np.array([0.0, 0.0]), np.array([-58.0, 84.0]))
    aspect = float((y0[1] - y0[0]) / (x0[1] - x0[0]))
    fig, ax = _map_figure(
        (style.A4_TEXT_WIDTH_IN, aspect), title, source, [LINES_NOTE], legend_room=0.45
    )
    hosting = hosts[hosts["people"] > 0]
    colours = {
        str(iso3): PER_1000_COLOURS[k]
        for iso3, value in zip(hosting["iso3"], hosting["per_1000"], strict=True)
        if (k := per_1000_class(value)) is not None
    }
    _draw_areas(ax, colours, "110m", equal_earth)
    shown = hosting.sort_values(["people", "iso3"], ascending=[False, True]).head(circled)
    largest = float(shown["people"].max()) if len(shown) else 0.0
    _circles(ax, shown, largest, labelled)
    ax.set_xlim(x0[0], x0[1])
    ax.set_ylim(y0[0], y0[1])
    _world_legends(fig, ax, largest, circled)
    data = _world_data(hosts, counted)
    exhibits.attach_data(fig, data, title, alt=_world_alt(hosts, year, counted))
    return fig


def _circles(ax, shown: pd.DataFrame, largest: float, labelled: int) -> None:
    """A circle per host (area: people), the largest few named with their number."""
    rows: list[Any] = shown.to_dict("records")
    # a small island missing at 1:110 million still gets its circle (its 1:50 million place)
    placed = [
        (r, where)
        for r in rows
        if (where := anchor(r["iso3"]) or anchor(r["iso3"], "50m")) is not None
    ]
    if not placed:
        return
    x, y = equal_earth(
        np.array([where[0] for _r, where in placed]), np.array([where[1] for _r, where in placed])
    )
    ax.scatter(
        x,
        y,
        s=[_circle_size(r["people"], largest) for r, _where in placed],
        facecolors="none",
        edgecolors=CIRCLE_COLOUR,
        linewidths=0.9,
        zorder=3,
    )
    for (r, _where), xi, yi in list(zip(placed, x, y, strict=True))[:labelled]:
        ax.annotate(
            f"{country_name(r['iso3'], r['country'])} {millions_label(r['people'])}",
            xy=(xi, yi),
            xytext=(5, 5),
            textcoords="offset points",
            fontsize=6.5,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.75, "lw": 0},
            zorder=4,
        )


def _world_legends(fig: plt.Figure, ax, largest: float, circled: int) -> None:
    """The colour classes and the circle sizes, side by side under the map."""
    patches = [
        Patch(facecolor=c, edgecolor="#9a9a9a", linewidth=0.3, label=label)
        for c, label in zip(PER_1000_COLOURS, class_labels(), strict=True)
    ]
    patches.append(
        Patch(
            facecolor=NO_DATA_COLOUR,
            hatch=NO_DATA_HATCH,
            edgecolor="#8c8c8c",
            linewidth=0,
            label=_("none, or no figure"),
        )
    )
    bottom = ax.get_position().y0
    fig.legend(
        handles=patches,
        title=_("Per 1,000 inhabitants"),
        loc="upper left",
        bbox_to_anchor=(0.01, bottom),
        ncol=7,
        fontsize=6.5,
        title_fontsize=7,
        frameon=False,
        columnspacing=0.8,
        handlelength=1.2,
    )
    sizes = _size_legend(largest)
    if sizes:  # in the empty South Pacific
        ax.legend(
            handles=sizes,
            title=_("Number hosted\n(the {n} largest hosts)").format(n=circled),
            loc="lower left",
            fontsize=6.5,
            title_fontsize=6.5,
            labelspacing=1.2,
            borderpad=0.6,
            frameon=False,
        )


def _size_legend(largest: float) -> list[Line2D]:
    """Three reference circles: the largest host rounded down, and a half and a tenth."""
    if largest <= 0:
        return []
    magnitude = 10 ** np.floor(np.log10(largest))
    top = np.floor(largest / magnitude) * magnitude
    return [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=float(np.sqrt(_circle_size(v, largest))),
            markerfacecolor="none",
            markeredgecolor=CIRCLE_COLOUR,
            label=millions(v) if v >= 1e6 else count(v),
        )
        for v in (top, top / 2, top / 10)
    ]


def _world_data(hosts: pd.DataFrame, counted: str) -> pd.DataFrame:
    """The map's data file: one row per host, what its colour and circle show."""
    labels = class_labels()
    classes = [per_1000_class(v) for v in hosts["per_1000"]]
    return pd.DataFrame(
        {
            "iso3": hosts["iso3"].to_numpy(),
            "country": [
                country_name(c, n) for c, n in zip(hosts["iso3"], hosts["country"], strict=True)
            ],
            counted: hosts["people"].to_numpy(),
            _("Per 1,000 inhabitants"): hosts["per_1000"].to_numpy(),
            _("Colour class"): [labels[k] if k is not None else "" for k in classes],
        }
    ).sort_values(counted, ascending=False)


def _records(frame: pd.DataFrame) -> list[Any]:
    """Rows as objects with attributes (iso3, country, people, per_1000)."""
    return list(frame.itertuples())


def _world_alt(hosts: pd.DataFrame, year: int, counted: str) -> str:
    """The map in words: what colour and circles show, the largest hosts and the
    highest rates, from the data."""
    top = hosts.sort_values(["people", "iso3"], ascending=[False, True]).head(5)
    rated = hosts.dropna(subset=["per_1000"]).sort_values(
        ["per_1000", "iso3"], ascending=[False, True]
    )
    largest = format_list(
        [
            _("{country} {people} ({rate} per 1,000)").format(
                country=country_name(r.iso3, r.country),
                people=millions(r.people),
                rate=one_decimal(r.per_1000),
            )
            for r in _records(top)
        ],
        locale=locale_code(),
    )
    highest = format_list(
        [
            _("{country} {rate}").format(
                country=country_name(r.iso3, r.country), rate=one_decimal(r.per_1000)
            )
            for r in _records(rated.head(5))
        ],
        locale=locale_code(),
    )
    return _(
        "World map, end of {year}: {counted} per 1,000 inhabitants as each host's colour, in "
        "{classes} classes, and a circle as large as the number hosted, for {hosts} hosts. "
        "Largest numbers: {largest}. Highest per 1,000 inhabitants: {highest}."
    ).format(
        year=year,
        counted=counted,
        classes=len(PER_1000_BOUNDS),
        hosts=int((hosts["people"] > 0).sum()),
        largest=largest,
        highest=highest,
    )


# --- the focus countries and their main origins ---------------------------------------------


def _region_box(
    countries: Iterable[str], resolution: str, pad: float = 0.12, least: float = 8.0
) -> tuple[float, float, float, float]:
    boxes = [main_extent(c, resolution) for c in countries]
    lon0, lat0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    lon1, lat1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    width, height = max(lon1 - lon0, least), max(lat1 - lat0, least)
    mid_lon, mid_lat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    half_w, half_h = width * (0.5 + pad), height * (0.5 + pad)
    return mid_lon - half_w, mid_lat - half_h, mid_lon + half_w, mid_lat + half_h


def focus_map(
    flows: pd.DataFrame, hosts: Sequence[str], names: Mapping[str, str], title: str, source: str
) -> plt.Figure:
    """The focus countries (`hosts`) and their main origins: hosts filled blue, origins
    orange (a host that is also an origin: blue, hatched), an arrow from each origin to
    its host as wide as the people it sent. `flows`: host, origin, people."""
    resolution = "50m"
    atlas = boundaries.load(resolution)
    known = set(atlas.rings)
    mapped = flows[flows["host"].isin(known) & flows["origin"].isin(known)]
    shown_hosts = [h for h in hosts if h in known]
    origins = sorted(set(mapped["origin"]) - set(shown_hosts))
    both = sorted(set(mapped["origin"]) & set(shown_hosts))
    box = _region_box([*shown_hosts, *origins], resolution)
    project = _plate((box[1] + box[3]) / 2)
    box = _no_taller_than(box, project, 0.8)
    fig, ax = _map_figure(
        (style.A4_TEXT_WIDTH_IN, _box_aspect(box, project)), title, source, [LINES_NOTE]
    )
    colours = dict.fromkeys(shown_hosts, HOST_COLOUR) | dict.fromkeys(origins, ORIGIN_COLOUR)
    _draw_hatched_region(ax, colours, resolution, project, box, both)
    largest = float(mapped["people"].max()) if len(mapped) else 0.0
    flow: Any  # a row of `mapped`
    for flow in mapped.itertuples():
        start, end = anchor(flow.origin, resolution), anchor(flow.host, resolution)
        if start is None or end is None:
            continue
        (x0, x1), (y0, y1) = project(np.array([start[0], end[0]]), np.array([start[1], end[1]]))
        ax.add_patch(
            FancyArrowPatch(
                (x0, y0),
                (x1, y1),
                connectionstyle="arc3,rad=0.25",
                arrowstyle="-|>",
                mutation_scale=7,
                linewidth=0.6 + 3.0 * flow.people / largest if largest else 1,
                color="#333333",
                alpha=0.7,
                zorder=3,
            )
        )
    for iso3 in [*shown_hosts, *origins]:
        where = anchor(iso3, resolution)
        if where is None:
            continue
        (x,), (y,) = project(np.array([where[0]]), np.array([where[1]]))
        host = iso3 in shown_hosts
        ax.annotate(
            country_name(iso3, names.get(iso3, atlas.names.get(iso3, iso3))),
            xy=(x, y),
            xytext=(0, -9 if host else 7),
            textcoords="offset points",
            ha="center",
            fontsize=7,
            fontweight="bold" if host else "normal",
            fontstyle="normal" if host else "italic",
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.7, "lw": 0},
            zorder=4,
        )
    (bx0, bx1), (by0, by1) = project(np.array([box[0], box[2]]), np.array([box[1], box[3]]))
    ax.set_xlim(bx0, bx1)
    ax.set_ylim(by0, by1)
    handles: list[Patch | Line2D] = [
        Patch(facecolor=HOST_COLOUR, label=_("Focus country")),
        Patch(facecolor=ORIGIN_COLOUR, label=_("Main country of origin")),
    ]
    if both:
        handles.append(
            Patch(
                facecolor=HOST_COLOUR,
                hatch="xxx",
                edgecolor=ORIGIN_COLOUR,
                label=_("Focus country and country of origin"),
            )
        )
    handles.append(
        Line2D([], [], color="#333333", lw=2, label=_("From origin to host (width: people)"))
    )
    ax.legend(handles=handles, loc="lower left", fontsize=7)
    data = pd.DataFrame(
        {
            _("Host"): [country_name(h, names.get(h, h)) for h in flows["host"]],
            _("Origin"): [country_name(o, names.get(o, o)) for o in flows["origin"]],
            _("People"): flows["people"].to_numpy(),
        }
    )
    exhibits.attach_data(fig, data, title, alt=_focus_alt(flows, names))
    return fig


def _draw_hatched_region(ax, colours, resolution, project, box, both) -> None:
    """The region's areas (others light grey), and hosts that are origins too hatched."""
    atlas = boundaries.load(resolution)
    drawn = _draw_areas(ax, colours, resolution, project, box, default=OTHER_COLOUR)
    for iso3 in both:
        if iso3 in drawn and iso3 in atlas.rings:
            ax.add_collection(
                PathCollection(
                    [_area_path(iso3, resolution, project)],
                    facecolors="none",
                    edgecolors=ORIGIN_COLOUR,
                    linewidths=0,
                    hatch="xxx",
                )
            )


def _focus_alt(flows: pd.DataFrame, names: Mapping[str, str]) -> str:
    per_host = []
    for host, rows in flows.groupby("host", sort=False):
        listed = format_list(
            [
                _("{origin} {people}").format(
                    origin=country_name(o, names.get(o, o)), people=millions(p)
                )
                for o, p in zip(rows["origin"], rows["people"], strict=True)
            ],
            locale=locale_code(),
        )
        per_host.append(
            _("{host}: {origins}").format(
                host=country_name(str(host), names.get(str(host), str(host))), origins=listed
            )
        )
    return _(
        "Map of the focus countries, with arrows from their main countries of origin; "
        "main origins per focus country: {hosts}."
    ).format(hosts="; ".join(per_host))


# --- a country profile's locator map ------------------------------------------------------


def locator_map(iso3: str, name: str, width: float = 2.1, aspect: float = 0.62) -> plt.Figure:
    """The country (blue) among its neighbours (grey, named), in a box around it; no
    title (the caption names the country) and no data source but the boundaries'."""
    resolution = "50m"
    atlas = boundaries.load(resolution)
    lon0, lat0, lon1, lat1 = main_extent(iso3, resolution)
    mid_lon, mid_lat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    shrink = float(np.cos(np.radians(mid_lat)))  # a degree of longitude, in latitude's
    half = max((lon1 - lon0) * shrink / 2, (lat1 - lat0) / 2 / aspect, 2.0) * 1.5  # x-radius
    box = (
        mid_lon - half / shrink,
        mid_lat - half * aspect,
        mid_lon + half / shrink,
        mid_lat + half * aspect,
    )
    project = _plate(mid_lat)
    neighbours = atlas.neighbours(iso3) - {iso3}
    colours = {iso3: HOST_COLOUR} | dict.fromkeys(neighbours, NEIGHBOUR_COLOUR)
    fig, ax = _map_figure((width, aspect), "", "", [], note_size=5.0)
    _draw_areas(ax, colours, resolution, project, box, default=OTHER_COLOUR)
    (bx0, bx1), (by0, by1) = project(np.array([box[0], box[2]]), np.array([box[1], box[3]]))
    for other in sorted(neighbours):
        where = _visible_anchor(other, resolution, box)
        if other in UN_DRAWING.fill_as or other in UN_DRAWING.no_data or where is None:
            continue
        (x,), (y,) = project(np.array([where[0]]), np.array([where[1]]))
        if bx0 < x < bx1 and by0 < y < by1:
            ax.annotate(
                country_name(other, atlas.names.get(other, other)),
                xy=(x, y),
                ha="center",
                va="center",
                fontsize=5.5,
                color="#444444",
            )
    ax.set_xlim(bx0, bx1)
    ax.set_ylim(by0, by1)
    listed = format_list(
        [country_name(n, atlas.names.get(n, n)) for n in sorted(neighbours)],
        locale=locale_code(),
    )
    data = pd.DataFrame(
        {
            "iso3": [iso3, *sorted(neighbours)],
            _("Country"): [name]
            + [country_name(n, atlas.names.get(n, n)) for n in sorted(neighbours)],
            _("Shown as"): [_("the country")] + [_("neighbour")] * len(neighbours),
        }
    )
    alt = (
        _("Locator map of {country} and its neighbours: {neighbours}.").format(
            country=name, neighbours=listed
        )
        if neighbours
        else _("Locator map of {country}, which shares no land border.").format(country=name)
    )
    caption = _("{country} and its neighbours.").format(country=name)
    exhibits.attach_data(fig, data, caption, alt=alt)
    return fig
