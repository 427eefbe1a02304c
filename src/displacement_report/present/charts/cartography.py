"""Drawing countries on a map with matplotlib: projections, cutting shapes to a
region, Natural Earth's boundaries drawn as the United Nations draws them (`UN_DRAWING`),
and a figure laid out once with the United Nations' disclaimer under the map. The maps
themselves are in `maps`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.path import Path

from displacement_report.data import boundaries
from displacement_report.i18n import N_, _
from displacement_report.present import style

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

NO_DATA_COLOUR = "#e6e6e6"
NO_DATA_HATCH = "////"
LINE_COLOUR = "#ffffff"
COAST_COLOUR = "#9a9a9a"


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


def plate(lat0: float):
    """Longitude shrunk by the cosine of the middle latitude: true shapes for a region."""
    factor = float(np.cos(np.radians(lat0)))

    def project(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return lon * factor, lat

    return project


def projected(points: np.ndarray, project) -> np.ndarray:
    x, y = project(points[:, 0], points[:, 1])
    return np.column_stack([x, y])


# --- geometry ---------------------------------------------------------------------------


def ring_area(points: np.ndarray) -> float:
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
    return centroid(max(rings, key=lambda r: abs(ring_area(r))))


def visible_anchor(
    iso3: str, resolution: str, box: tuple[float, float, float, float], least: float = 0.03
) -> tuple[float, float] | None:
    """Where a neighbour's name goes on a regional map: the centroid of the largest part
    of it inside `box`; None if that part is under `least` of the box (no room)."""
    parts = [clip_ring(polygon[0], box) for polygon in boundaries.load(resolution).polygons(iso3)]
    parts = [p for p in parts if len(p) >= 3]
    if not parts:
        return None
    part = max(parts, key=lambda r: abs(ring_area(r)))
    if abs(ring_area(part)) < least * (box[2] - box[0]) * (box[3] - box[1]):
        return None
    return centroid(part)


def centroid(ring: np.ndarray) -> tuple[float, float]:
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
    largest = max(rings, key=lambda r: abs(ring_area(r)))
    centre = largest.mean(axis=0)
    kept = np.concatenate(
        [
            r
            for r in rings
            if abs(ring_area(r)) >= abs(ring_area(largest)) / 10
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


def in_box(iso3: str, box: tuple[float, float, float, float], resolution: str) -> bool:
    """Whether any part of an area's outline may fall inside `box` (by the arcs' boxes)."""
    return _in_box(iso3, box, resolution)


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


def clip_ring(ring: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
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


def clip_line(line: np.ndarray, box: tuple[float, float, float, float]) -> list[np.ndarray]:
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


def area_path(
    iso3: str, resolution: str, project, box: tuple[float, float, float, float] | None = None
) -> Path:
    """All of an area's rings as one path (holes run the other way: they stay open),
    cut to `box` if given."""
    vertices, codes = [], []
    for polygon in boundaries.load(resolution).polygons(iso3):
        for ring in polygon:
            points = projected(ring if box is None else clip_ring(ring, box), project)
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
        iso3: area_path(iso3, resolution, equal_earth) for iso3 in boundaries.load(resolution).rings
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


def boundary_segments(
    resolution: str, areas: set[str], project, box: tuple[float, float, float, float] | None
) -> dict[str, list[np.ndarray]]:
    """The lines to draw between `areas` (inside `box`), by style, and the coastlines
    ('coast')."""
    atlas = boundaries.load(resolution)
    lines: dict[str, list[np.ndarray]] = {"solid": [], "dashed": [], "dotted": [], "coast": []}
    for whole, users in zip(atlas.arcs, atlas.users, strict=True):
        if not areas.intersection(users):
            continue
        for arc in [whole] if box is None else clip_line(whole, box):
            _add_line(lines, arc, users, project)
    return lines


def _add_line(lines: dict[str, list[np.ndarray]], arc: np.ndarray, users, project) -> None:
    """One boundary or coast line, in the style the United Nations draws it with."""
    pair = frozenset(users)
    if len(users) == 1:
        lines["coast"].append(projected(arc, project))
    elif pair not in UN_DRAWING.no_line:
        rules = [(where, kind) for p, where, kind in UN_DRAWING.disputed if p == pair]
        for kind, run in _disputed_runs(arc, rules) if rules else [("solid", arc)]:
            lines[kind].append(projected(run, project))


def area_colours(
    areas: Iterable[str], colours: Mapping[str, str], default: str
) -> dict[str, str | None]:
    """Each area's fill: its own colour, or the colour of the entry it is shown as
    (`UN_DRAWING.fill_as`); None where it has none (it gets `default`), and always None
    for an area of no data (disputed territory)."""
    return {
        iso3: None
        if iso3 in UN_DRAWING.no_data
        else colours.get(UN_DRAWING.fill_as.get(iso3, iso3))
        for iso3 in areas
    }


def _compound(paths: list[Path]) -> Path:
    return Path.make_compound_path(*paths) if paths else Path(np.zeros((0, 2)))


def draw_areas(
    ax,
    colours: Mapping[str, str],
    resolution: str,
    project,
    box: tuple[float, float, float, float] | None = None,
    hatched: Iterable[str] = (),
    default: str = NO_DATA_COLOUR,
    hatch_default: bool = False,
) -> set[str]:
    """Fill every area (inside `box`) with its colour (`area_colours`), hatch `hatched`
    (and, with `hatch_default`, every area left in `default`), draw the boundaries;
    returns the areas drawn. Areas of one colour are drawn as one shape, and lines of
    one style as one line: a few elements in the SVG instead of a thousand."""
    atlas = boundaries.load(resolution)
    drawn = {iso3 for iso3 in atlas.rings if _in_box(iso3, box, resolution)}
    fills = area_colours(sorted(drawn), colours, default)
    if box is None and project is equal_earth:  # the world map: the same paths every time
        paths = {c: _world_paths(resolution)[c] for c in fills}
    else:
        clip = None if box is None else padded(box)
        paths = {c: area_path(c, resolution, project, clip) for c in fills}
    by_colour: dict[str, list[Path]] = {}
    for iso3, fill in fills.items():
        by_colour.setdefault(fill or default, []).append(paths[iso3])
    ax.add_collection(
        PathCollection(
            [_compound(group) for group in by_colour.values()],
            facecolors=list(by_colour),
            edgecolors="none",
            linewidths=0,
        )
    )
    hatch_set = set(hatched) | {c for c, fill in fills.items() if hatch_default and fill is None}
    hatch_paths = [paths[c] for c in sorted(hatch_set | (UN_DRAWING.no_data & drawn))]
    if hatch_paths:
        ax.add_collection(
            PathCollection(
                [_compound(hatch_paths)],
                facecolors="none",
                edgecolors="#8c8c8c",
                linewidths=0,
                hatch=NO_DATA_HATCH,
            )
        )
    _draw_lines(
        ax,
        boundary_segments(resolution, drawn, project, None if box is None else padded(box)),
        resolution,
    )
    return drawn


def _draw_lines(ax, lines: dict[str, list[np.ndarray]], resolution: str) -> None:
    """Coasts grey, boundaries white, undetermined ones dark and dashed or dotted: one
    compound line per style."""
    width = 0.35 if resolution == "110m" else 0.5
    looks = {
        "coast": (COAST_COLOUR, width * 0.8, "-"),
        "solid": (LINE_COLOUR, width * 1.4, "-"),
        "dashed": ("#444444", width * 1.4, LINE_STYLES["dashed"]),
        "dotted": ("#444444", width * 1.4, LINE_STYLES["dotted"]),
    }
    for kind, (colour, line_width, dashes) in looks.items():
        if lines[kind]:
            ax.add_collection(
                PathCollection(
                    [_compound([Path(line) for line in lines[kind]])],
                    facecolors="none",
                    edgecolors=colour,
                    linewidths=line_width,
                    linestyles=[dashes],
                )
            )


def box_aspect(box: tuple[float, float, float, float], project) -> float:
    """A box's height as a share of its width, once projected."""
    (x0, x1), (y0, y1) = project(np.array([box[0], box[2]]), np.array([box[1], box[3]]))
    return float((y1 - y0) / (x1 - x0))


def no_taller_than(
    box: tuple[float, float, float, float], project, aspect: float
) -> tuple[float, float, float, float]:
    """`box` widened (east and west alike) until its height is at most `aspect` of its
    width: a tall region would not fit a page beside its caption."""
    now = box_aspect(box, project)
    if now <= aspect:
        return box
    extra = (box[2] - box[0]) * (now / aspect - 1) / 2
    return box[0] - extra, box[1], box[2] + extra, box[3]


def padded(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A little more than `box`: cut edges fall outside the visible map."""
    pad = 0.05 * max(box[2] - box[0], box[3] - box[1])
    return box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad


def map_figure(
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
    closed = source if not source or source.endswith(".") else f"{source}."
    parts = [closed, _(BOUNDARY_SOURCE), *[_(n) for n in notes], _(DISCLAIMER)]
    fig = plt.figure(figsize=(width, 1.0))  # its height follows from the lines of text
    heading = fig.text(0.01, 1.0, title, ha="left", va="top", fontsize=title_size)
    heading.set_fontweight("bold")
    title_lines = style.wrap_to_width(heading, fig.bbox.width * 0.97) if title else 0
    note = fig.text(
        0.01,
        0.01,
        " ".join(p for p in parts if p),
        ha="left",
        va="bottom",
        fontsize=note_size,
        color="#555555",
    )
    lines = style.wrap_to_width(note, fig.bbox.width * 0.97)
    foot_in = 0.05 + note_size / 56 * lines + legend_room
    head_in = (0.12 + 0.018 * title_size * title_lines) if title_lines else 0.04
    height = head_in + width * aspect + foot_in
    fig.set_size_inches(width, height)
    foot, head = foot_in / height, head_in / height
    heading.set_y(1 - 0.06 / height)
    fig.source = source  # type: ignore[attr-defined]  # read back for the exhibit's record
    ax = fig.add_axes((0.0, foot, 1.0, 1 - foot - head))
    ax.set_aspect("equal")
    ax.set_axis_off()
    return fig, ax
