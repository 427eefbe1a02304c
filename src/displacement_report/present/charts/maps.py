"""Maps: where refugees and other people in need of international protection are
hosted (the world), the focus countries with their main origins, and a country
profile's locator map, each with its data, its alternative text and the United
Nations' disclaimer. How countries are drawn (projections, disputed areas as the United
Nations draws them) is `cartography`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from babel.lists import format_list
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox

from displacement_report.data import boundaries
from displacement_report.i18n import (
    _,
    country_name,
    in_sentence,
    locale_code,
    ngettext,
    plural_count,
    sentence_starts,
)
from displacement_report.present import exhibits, style
from displacement_report.present.charts import cartography
from displacement_report.present.charts.axes import localized, millions_label
from displacement_report.present.format import count, millions, one_decimal

#: Classes of refugees and OIP per 1,000 inhabitants: lower bounds, and a colour each
#: (ColorBrewer's PuBu, light to dark, as matplotlib samples it at 0.05, 0.26, 0.44,
#: 0.61, 0.78 and 0.95: ordered in lightness and each class apart from the next for
#: colour-blind readers too, as tests/present/test_colours.py checks; YlGnBu's two
#: lightest classes were not).
PER_1000_BOUNDS = (0.0, 1.0, 5.0, 10.0, 25.0, 50.0)
PER_1000_COLOURS = ("#f8f1f8", "#cdd0e5", "#8cb3d5", "#3d93c2", "#056ba7", "#03456c")
CIRCLE_COLOUR = style.OKABE_ITO["vermillion"]
HOST_COLOUR = style.OKABE_ITO["blue"]
ORIGIN_COLOUR = style.OKABE_ITO["orange"]
NEIGHBOUR_COLOUR = "#d9d9d9"
OTHER_COLOUR = "#f0f0f0"


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
    x0, _y = cartography.equal_earth(
        np.array([-180.0, 180.0]), np.array([0.0, 0.0])
    )  # widest: equator
    _x, y0 = cartography.equal_earth(np.array([0.0, 0.0]), np.array([-58.0, 84.0]))
    aspect = float((y0[1] - y0[0]) / (x0[1] - x0[0]))
    fig, ax = cartography.map_figure(
        (style.A4_TEXT_WIDTH_IN, aspect), title, source, [cartography.LINES_NOTE], legend_room=0.45
    )
    hosting = hosts[hosts["people"] > 0]
    colours = {
        str(iso3): PER_1000_COLOURS[k]
        for iso3, value in zip(hosting["iso3"], hosting["per_1000"], strict=True)
        if (k := per_1000_class(value)) is not None
    }
    cartography.draw_areas(ax, colours, "110m", cartography.equal_earth, hatch_default=True)
    shown = hosting.sort_values(["people", "iso3"], ascending=[False, True]).head(circled)
    largest = float(shown["people"].max()) if len(shown) else 0.0
    _circles(ax, shown, largest, labelled)
    ax.set_xlim(x0[0], x0[1])
    ax.set_ylim(y0[0], y0[1])
    _world_legends(fig, ax, largest, circled)
    data = _world_data(hosts, counted)
    exhibits.attach_data(
        fig,
        data,
        title,
        alt=_world_alt(hosts, year, counted),
        saved_as={_("Per 1,000 inhabitants"): 1},  # to a tenth, as the text writes it
    )
    return fig


def _circles(ax, shown: pd.DataFrame, largest: float, labelled: int) -> None:
    """A circle per host (area: people), the largest few named with their number."""
    rows: list[Any] = shown.to_dict("records")
    # a small island missing at 1:110 million still gets its circle (its 1:50 million place)
    placed = [
        (r, where)
        for r in rows
        if (where := cartography.anchor(r["iso3"]) or cartography.anchor(r["iso3"], "50m"))
        is not None
    ]
    if not placed:
        return
    x, y = cartography.equal_earth(
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
    labels = [
        ax.annotate(
            f"{country_name(r['iso3'], r['country'])} {millions_label(r['people'])}",
            xy=(xi, yi),
            xytext=(5, 5),
            textcoords="offset points",
            fontsize=6.5,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.75, "lw": 0},
            zorder=4,
        )
        for (r, _where), xi, yi in list(zip(placed, x, y, strict=True))[:labelled]
    ]
    _keep_apart(ax, labels)


#: Where a circle's name may go, tried in turn: above right, below right, above left,
#: below left, further above, further below (offset in points, horizontal alignment).
_LABEL_PLACES = (
    ((5, 5), "left"),
    ((5, -11), "left"),
    ((-5, 5), "right"),
    ((-5, -11), "right"),
    ((5, 15), "left"),
    ((5, -21), "left"),
)


def _keep_apart(ax, labels: list[Any]) -> None:
    """Move each label (largest host first) to the first place where it overlaps no
    label placed before it: neighbouring hosts (Pakistan, Iran, Syria) otherwise print
    their names over each other."""
    renderer = ax.figure.canvas.get_renderer()
    taken: list[Any] = []
    for label in labels:
        for offset, align in _LABEL_PLACES:
            label.set_position(offset)
            label.set_horizontalalignment(align)
            box = label.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in taken):
                break
        else:  # nowhere free: the first place
            label.set_position(_LABEL_PLACES[0][0])
            label.set_horizontalalignment(_LABEL_PLACES[0][1])
        taken.append(label.get_window_extent(renderer))


def _world_legends(fig: plt.Figure, ax, largest: float, circled: int) -> None:
    """The colour classes and the circle sizes, side by side under the map."""
    patches = [
        Patch(facecolor=c, edgecolor="#9a9a9a", linewidth=0.3, label=label)
        for c, label in zip(PER_1000_COLOURS, class_labels(), strict=True)
    ]
    patches.append(
        Patch(
            facecolor=cartography.NO_DATA_COLOUR,
            hatch=cartography.NO_DATA_HATCH,
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
            "ISO3": hosts["iso3"].to_numpy(),
            _("Country"): [
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
    boxes = [cartography.main_extent(c, resolution) for c in countries]
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
    project = cartography.plate((box[1] + box[3]) / 2)
    box = cartography.no_taller_than(box, project, 0.8)
    fig, ax = cartography.map_figure(
        (style.A4_TEXT_WIDTH_IN, cartography.box_aspect(box, project)),
        title,
        source,
        [cartography.LINES_NOTE],
    )
    colours = dict.fromkeys(shown_hosts, HOST_COLOUR) | dict.fromkeys(origins, ORIGIN_COLOUR)
    _draw_hatched_region(ax, colours, resolution, project, box, both)
    largest = float(mapped["people"].max()) if len(mapped) else 0.0
    flow: Any  # a row of `mapped`
    for flow in mapped.itertuples():
        start, end = (
            cartography.anchor(flow.origin, resolution),
            cartography.anchor(flow.host, resolution),
        )
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
        where = cartography.anchor(iso3, resolution)
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
    drawn = cartography.draw_areas(ax, colours, resolution, project, box, default=OTHER_COLOUR)
    for iso3 in both:
        if iso3 in drawn and iso3 in atlas.rings:
            ax.add_collection(
                PathCollection(
                    [cartography.area_path(iso3, resolution, project)],
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


#: An island state's locator map (no land border) is wider, in degrees from its centre
#: across: wide enough to show and name its nearest countries (Malta: Italy, Tunisia,
#: Libya), where the rule for other countries showed only unnamed fragments.
ISLAND_HALF_DEG = 6.0
#: An island state's nearest countries: those with at least this share of its map.
NEAREST_SHARE = 0.005
#: A neighbour whose part inside the map is smaller than this share of it has no room for
#: its name: the name stands beside it, with a leader line (Israel beside Jordan).
ROOM_FOR_NAME = 0.03


def locator_map(iso3: str, name: str, width: float = 2.1, aspect: float = 0.62) -> plt.Figure:
    """The country (blue) among its neighbours (grey), every neighbour named: inside it
    where it has room, else beside it with a leader line, and never over another name.
    An island state without a land border is shown with its nearest countries, named.
    No title (the caption names the country) and no data source but the boundaries'."""
    resolution = "50m"
    atlas = boundaries.load(resolution)
    lon0, lat0, lon1, lat1 = cartography.main_extent(iso3, resolution)
    mid_lon, mid_lat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    shrink = float(np.cos(np.radians(mid_lat)))  # a degree of longitude, in latitude's
    half = max((lon1 - lon0) * shrink / 2, (lat1 - lat0) / 2 / aspect, 2.0) * 1.5  # x-radius
    neighbours = atlas.neighbours(iso3) - {iso3}
    if not neighbours:
        half = max(half, ISLAND_HALF_DEG)
    box = (
        mid_lon - half / shrink,
        mid_lat - half * aspect,
        mid_lon + half / shrink,
        mid_lat + half * aspect,
    )
    project = cartography.plate(mid_lat)
    nearest = [] if neighbours else _nearest_countries(iso3, resolution, box)
    colours = {iso3: HOST_COLOUR} | dict.fromkeys(neighbours, NEIGHBOUR_COLOUR)
    fig, ax = cartography.map_figure((width, aspect), "", "", [], note_size=5.0)
    cartography.draw_areas(ax, colours, resolution, project, box, default=OTHER_COLOUR)
    (bx0, bx1), (by0, by1) = project(np.array([box[0], box[2]]), np.array([box[1], box[3]]))
    ax.set_xlim(bx0, bx1)
    ax.set_ylim(by0, by1)
    centre = project(np.array([mid_lon]), np.array([mid_lat]))
    if not neighbours:  # a few pixels at this scale: a ring shows where it is
        ax.plot(
            centre[0],
            centre[1],
            marker="o",
            markersize=7,
            fillstyle="none",
            color=HOST_COLOUR,
            linewidth=0,
            markeredgewidth=0.8,
        )
    naming = (
        ax,
        sorted(neighbours) or nearest,
        resolution,
        box,
        project,
        (float(centre[0][0]), float(centre[1][0])),
        {n: country_name(n, atlas.names.get(n, n)) for n in neighbours | set(nearest)},
        _outlines(ax, iso3, resolution, project),
    )
    labels, all_clear = _name_neighbours(*naming)
    if not all_clear:  # a long name left no room for another: long names on two lines
        for label in labels:
            label.remove()
        _name_neighbours(*naming, two_lines=True)
    shown = sorted(neighbours) or nearest
    names = [country_name(n, atlas.names.get(n, n)) for n in shown]
    listed = format_list(names, locale=locale_code())
    data = pd.DataFrame(
        {
            "ISO3": [iso3, *shown],
            _("Country"): [name, *names],
            _("Shown as"): [_("the country")]
            + [_("neighbour") if neighbours else _("nearest country")] * len(shown),
        }
    )
    country = in_sentence(name)
    if neighbours:
        alt = ngettext(
            "Locator map of {country} and its neighbours: {neighbours}.",
            "Locator map of {country} and their neighbours: {neighbours}.",
            plural_count(name),
        ).format(country=country, neighbours=listed)
    elif nearest:
        alt = _(
            "Locator map of {country}, which shares no land border, with its nearest "
            "countries: {nearest}."
        ).format(country=country, nearest=listed)
    else:
        alt = _("Locator map of {country}, which shares no land border.").format(country=country)
    # as the page's caption (narrative.country_profile.locator_caption) words it
    caption = sentence_starts(
        ngettext(
            "{country} and its neighbours.", "{country} and their neighbours.", plural_count(name)
        ).format(country=country)
        if neighbours
        else _("{country} and its nearest countries.").format(country=country)
    )
    exhibits.attach_data(fig, data, caption, alt=alt)
    return fig


def _drawable(iso3: str) -> bool:
    """An area the map draws as itself (not as part of another, nor hatched)."""
    return iso3 not in cartography.UN_DRAWING.fill_as and iso3 not in cartography.UN_DRAWING.no_data


def _nearest_countries(
    iso3: str, resolution: str, box: tuple[float, float, float, float]
) -> list[str]:
    """The countries with room for their name in an island state's map, largest first."""
    atlas = boundaries.load(resolution)
    found = []
    for other in sorted(atlas.rings):
        if other == iso3 or not _drawable(other) or not cartography.in_box(other, box, resolution):
            continue
        if cartography.visible_anchor(other, resolution, box, least=NEAREST_SHARE) is not None:
            found.append(other)
    return found


#: Where a neighbour's name may stand, in points from the middle of its part on the map:
#: on it, then a little off it (a name that met another's); one without room for its
#: name gets a leader line from the places in `_BESIDE`.
_ON = ((0, 0), (10, 0), (-10, 0), (20, 0), (-20, 0), (0, -7), (0, 7), (0, 14), (0, -14))
#: A longer name beside its area goes on two lines (there is less room beside than on).
BESIDE_LINE_CHARS = 12
#: Distances (points) and turns (degrees) from the direction away from the country.
_BESIDE = tuple((d, t) for d in (10, 18, 26) for t in (0, 40, -40, 80, -80, 120, -120))


def _name_neighbours(
    ax,
    neighbours: Sequence[str],
    resolution: str,
    box: tuple[float, float, float, float],
    project,
    centre: tuple[float, float],
    names: Mapping[str, str],
    country: list[MplPath],
    two_lines: bool = False,
) -> tuple[list[Any], bool]:
    """Each neighbour's name at the first place where it stays inside the map and clear
    of the country (`country`: its outlines) and of every name placed before it (those
    with room for their name first). A name without a leader line stands on its own
    country: moved off it, 'Israel' stood on Jordan, east of the West Bank. Returns the
    names and whether each found a place clear of all three (in Dutch, 'Centraal-
    Afrikaanse Republiek' took the strip south of Sudan and 'Zuid-Soedan' stood on
    Sudan); `two_lines` puts a long name on two lines."""
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken: list[Any] = []
    labels: list[Any] = []
    all_clear = True
    for beside, other, x, y in sorted(_name_anchors(neighbours, resolution, box, project)):
        # on its area where there is room, else beside it: the first place clear of the
        # frame, the names before it and the country; else of the first two; else the
        # first place of all
        places = [(False, o) for o in _offsets(False, (x, y), centre)] if not beside else []
        places += [(True, o) for o in _offsets(True, (x, y), centre)]
        tries = [(p, country) for p in places] + [(p, []) for p in places]
        own = _outlines(ax, other, resolution, project) if not beside else []
        text = names[other]
        if two_lines and len(text) > ON_LINE_CHARS:
            text = _on_two_lines(text)
        for place, avoided in [*tries, (None, None)]:
            # no place is clear: the one that covers the least
            led, offset = place or _least_covering(ax, text, (x, y), places, frame, taken)
            label = _name_label(ax, text, (x, y), offset, led)
            extent = label.get_window_extent(renderer)
            if avoided is None or (
                (led or _centre_on(extent, own)) and _clear(extent, frame, taken, avoided)
            ):
                break
            label.remove()
        all_clear = all_clear and avoided is country
        taken.append(label.get_window_extent(renderer))
        labels.append(label)
    return labels, all_clear


def _least_covering(ax, text: str, at, places, frame, taken: list[Any]):
    """The place where the name covers the least of the names placed before it and
    runs the least out of the map ('Israel' over 'Palestinian territories' in the
    corner of Egypt's map, where neither had a clear place)."""
    renderer = ax.figure.canvas.get_renderer()

    def covered(place) -> float:
        label = _name_label(ax, text, at, place[1], place[0])
        box = label.get_window_extent(renderer)
        label.remove()
        inside = Bbox.intersection(box, frame)
        outside = box.width * box.height - (inside.width * inside.height if inside else 0.0)
        over = sum(
            shared.width * shared.height
            for other in taken
            if (shared := Bbox.intersection(box.padded(NAME_GAP_PX), other)) is not None
        )
        return over + outside

    return min(places, key=covered)


#: A name longer than this goes on two lines where names would not fit on one.
ON_LINE_CHARS = 14


def _on_two_lines(name: str) -> str:
    """The name broken at the space or hyphen nearest its middle ('Central African' /
    'Republic'); a name of one word stays whole."""
    breaks = [i + 1 for i, char in enumerate(name) if char in " -"]
    if not breaks:
        return name
    at = min(breaks, key=lambda i: abs(i - len(name) / 2))
    return name[:at].rstrip() + "\n" + name[at:]


def _name_anchors(
    neighbours: Sequence[str], resolution: str, box: tuple[float, float, float, float], project
) -> list[tuple[bool, str, float, float]]:
    """(no room for the name, code, x, y) of each neighbour drawn on the map."""
    anchors = []
    for other in neighbours:
        where = cartography.visible_anchor(other, resolution, box, least=0.0)
        if not _drawable(other) or where is None:
            continue  # not on the map at all
        roomy = cartography.visible_anchor(other, resolution, box, least=ROOM_FOR_NAME)
        lon, lat = roomy or where
        (x,), (y,) = project(np.array([lon]), np.array([lat]))
        anchors.append((roomy is None, other, float(x), float(y)))
    return anchors


def _offsets(
    beside: bool, at: tuple[float, float], centre: tuple[float, float]
) -> list[tuple[float, float]]:
    if not beside:
        return list(_ON)
    away = np.degrees(np.arctan2(at[1] - centre[1], at[0] - centre[0]))
    return [
        (float(d * np.cos(np.radians(away + t))), float(d * np.sin(np.radians(away + t))))
        for d, t in _BESIDE
    ]


def _name_label(ax, text: str, at: tuple[float, float], offset: tuple[float, float], beside: bool):
    """A neighbour's name; one beside its area runs away from it, with a leader line."""
    dx = offset[0]
    align = "center" if not beside or abs(dx) < 3 else ("left" if dx > 0 else "right")
    if beside and len(text) > BESIDE_LINE_CHARS:  # 'State of / Palestine' beside a sliver
        text = textwrap.fill(text, max(BESIDE_LINE_CHARS // 2, (len(text) + 1) // 2 + 1))
    return ax.annotate(
        text,
        xy=at,
        xytext=offset,
        textcoords="offset points",
        ha=align,
        va="center",
        multialignment=align if align != "center" else "center",
        fontsize=5.5,
        color="#444444",
        annotation_clip=False,
        arrowprops=_LEADER if beside else None,
    )


_LEADER = {"arrowstyle": "-", "color": "#777777", "linewidth": 0.4, "shrinkA": 1, "shrinkB": 0}


#: White kept between two names, in pixels of the drawn map (about 2 pt): names that
#: touched ('Central African Republic' and 'South Sudan') read as one.
NAME_GAP_PX = 3


def _clear(extent, frame, taken: list[Any], country: list[MplPath]) -> bool:
    """Inside the map's frame, over no name placed before and off the country itself."""
    inside = (
        extent.x0 >= frame.x0 + 1
        and extent.x1 <= frame.x1 - 1
        and extent.y0 >= frame.y0 + 1
        and extent.y1 <= frame.y1 - 1
    )
    return (
        inside
        and not any(extent.padded(NAME_GAP_PX).overlaps(box) for box in taken)
        and not any(outline.intersects_bbox(extent, filled=True) for outline in country)
    )


def _centre_on(extent, outlines: list[MplPath]) -> bool:
    """The middle of a name's box lies on the country it names."""
    middle = ((extent.x0 + extent.x1) / 2, (extent.y0 + extent.y1) / 2)
    return any(outline.contains_point(middle) for outline in outlines)


def _outlines(ax, iso3: str, resolution: str, project) -> list[MplPath]:
    """The country's outlines on the drawn map, in the figure's pixels."""
    outlines = []
    for polygon in boundaries.load(resolution).polygons(iso3):
        x, y = project(polygon[0][:, 0], polygon[0][:, 1])
        outlines.append(MplPath(ax.transData.transform(np.column_stack([x, y]))))
    return outlines
