"""The maps: boundaries as the United Nations draws them, clipping, the colour classes,
the data and the alternative text each map carries, and the time a map takes."""

from __future__ import annotations

import json
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from displacement_report import i18n
from displacement_report.data import boundaries
from displacement_report.present import exhibits, style
from displacement_report.present.charts import cartography, maps
from displacement_report.present.narrative import country_profile as words


@pytest.fixture(autouse=True)
def _style():
    style.apply()
    yield
    plt.close("all")


def test_the_boundary_files_are_small_and_say_where_they_come_from():
    for name in boundaries.FILES.values():
        path = boundaries.maps_dir() / name
        assert path.stat().st_size < 400_000
        assert "Natural Earth" in json.loads(path.read_text(encoding="utf-8"))["source"]
    readme = (boundaries.maps_dir() / "README.md").read_text(encoding="utf-8")
    assert "world-atlas" in readme and "2.0.2" in readme and "public domain" in readme


def test_neighbours_are_the_areas_that_share_a_line():
    atlas = boundaries.load("110m")
    assert atlas.neighbours("JOR") == {"IRQ", "ISR", "PSE", "SAU", "SYR"}
    assert "XKX" in atlas.neighbours("SRB")  # Natural Earth draws Kosovo apart
    assert atlas.neighbours("AUS") == set()  # an island continent


def test_a_line_across_the_180th_meridian_stays_continuous():
    for iso3 in ("RUS", "FJI"):
        for polygon in boundaries.load("110m").polygons(iso3):
            jumps = np.abs(np.diff(polygon[0][:, 0]))
            assert jumps.max() < 180, iso3


def test_clipping_a_square_to_a_box_keeps_the_part_inside():
    square = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=float)
    clipped = cartography.clip_ring(square, (5, -5, 20, 5))
    assert abs(cartography.ring_area(clipped)) == pytest.approx(25)  # the 5 x 5 corner
    assert len(cartography.clip_ring(square, (20, 20, 30, 30))) == 0
    assert cartography.clip_ring(square, (-1, -1, 11, 11)) is square


def test_disputed_areas_are_drawn_as_the_united_nations_draws_them():
    _fig, ax = plt.subplots()
    colours = {"SRB": "#ff0000", "SOM": "#00ff00", "CYP": "#0000ff", "MAR": "#123456"}
    drawn = cartography.draw_areas(ax, colours, "110m", cartography.equal_earth)
    order = sorted(boundaries.load("110m").rings)
    assert drawn == set(order)
    fills = cartography.area_colours(order, colours, "#eeeeee")
    assert fills["XKX"] == fills["SRB"] == "#ff0000"  # Kosovo: UNHCR's entry
    assert fills["SOL"] == fills["SOM"] and fills["CYN"] == fills["CYP"]
    assert fills["ESH"] is None  # Western Sahara: not Morocco's
    # one shape per colour drawn: few elements, whatever the number of countries
    areas = next(c for c in ax.collections if isinstance(c, PathCollection))
    assert len(areas.get_paths()) == len(set(colours.values())) + 1
    segments = cartography.boundary_segments("110m", set(order), cartography.equal_earth, None)
    # the Somalia-Somaliland line is not drawn; Sudan-South Sudan and Kosovo are dashed
    atlas = boundaries.load("110m")
    shared = {frozenset(u): a for a, u in zip(atlas.arcs, atlas.users, strict=True) if len(u) == 2}
    projected = {k: cartography.projected(v, cartography.equal_earth) for k, v in shared.items()}

    def drawn_as(pair: set[str]) -> list[str]:
        line = projected[frozenset(pair)]
        return [
            kind
            for kind, lines in segments.items()
            if any(s.shape == line.shape and np.allclose(s, line) for s in lines)
        ]

    assert drawn_as({"SOM", "SOL"}) == []
    assert drawn_as({"SDN", "SSD"}) == ["dashed"]
    assert drawn_as({"SRB", "XKX"}) == ["dashed"]
    assert drawn_as({"EGY", "LBY"}) == ["solid"]
    # the Line of Control: dotted where India and Pakistan meet in Kashmir only
    assert segments["dotted"] and segments["solid"]


def _hosts():
    return pd.DataFrame(
        {
            "iso3": ["COL", "DEU", "LBN", "XKX", "ATF"],
            "country": ["Colombia", "Germany", "Lebanon", "Kosovo", "Nowhere"],
            "people": [2_812_242, 2_655_191, 535_168, 10, 0],
            "per_1000": [52.6, 31.8, 91.5, float("nan"), 0.0],
        }
    )


def test_the_world_map_carries_its_data_and_alt_text_from_the_data():
    fig = maps.world_map(_hosts(), "Title", "Source: test", 2025, "Refugees and OIP")
    data = exhibits.chart_data(fig)
    assert list(data["ISO3"][:3]) == ["COL", "DEU", "LBN"]
    assert data.set_index("ISO3").loc["LBN", "Colour class"] == "50 or more"
    assert data.set_index("ISO3").loc["DEU", "Colour class"] == "25–50"
    alt = exhibits._alts[fig]
    assert alt.startswith("World map, end of 2025: Refugees and OIP per 1,000 inhabitants")
    assert "Colombia 2.8 million (52.6 per 1,000)" in alt
    assert "Highest per 1,000 inhabitants: Lebanon 91.5, Colombia 52.6" in alt
    assert "for 4 hosts" in alt  # Nowhere hosts nobody
    texts = " ".join(t.get_text().replace("\n", " ") for t in fig.texts)
    assert "do not imply official endorsement or acceptance by the United Nations" in texts
    assert "Security Council resolution 1244 (1999)" in texts


def test_the_world_map_in_dutch_has_the_disclaimer_in_dutch():
    with i18n.using("nl"):
        fig = maps.world_map(_hosts(), "Titel", "Bron: test", 2025, "Vluchtelingen")
        texts = " ".join(t.get_text().replace("\n", " ") for t in fig.texts)
        alt = exhibits._alts[fig]
    assert "geen officiële goedkeuring of aanvaarding door de Verenigde Naties" in texts
    assert alt.startswith("Wereldkaart, eind 2025")
    assert "Colombia 2,8 miljoen (52,6 per 1.000)" in alt


def test_per_1000_classes():
    assert [maps.per_1000_class(v) for v in (0, 0.99, 1, 4.9, 10, 49.9, 50, 700)] == [
        0,
        0,
        1,
        1,
        3,
        4,
        5,
        5,
    ]
    assert maps.per_1000_class(float("nan")) is None
    assert maps.class_labels()[0] == "under 1" and maps.class_labels()[-1] == "50 or more"


def test_the_focus_map_draws_an_arrow_per_origin_and_says_them():
    flows = pd.DataFrame(
        {
            "host": ["JOR", "JOR", "KEN"],
            "origin": ["SYR", "IRQ", "SOM"],
            "people": [420_835, 12_413, 319_471],
        }
    )
    names = {
        "JOR": "Jordan",
        "SYR": "Syrian Arab Rep.",
        "IRQ": "Iraq",
        "KEN": "Kenya",
        "SOM": "Somalia",
    }
    fig = maps.focus_map(flows, ["JOR", "KEN"], names, "Title", "Source: test")
    assert len(fig.axes[0].patches) == 3
    alt = exhibits._alts[fig]
    assert "Jordan: Syria 420,835 and Iraq 12,413; Kenya: Somalia 319,471" in alt


def test_the_locator_map_names_the_neighbours_in_view():
    fig = maps.locator_map("UGA", "Uganda")
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert {"Kenya", "South Sudan", "Tanzania"} <= labels  # Rwanda: too little in view
    assert "Uganda" not in labels  # the country is the blue area; the caption names it
    assert exhibits._alts[fig].startswith("Locator map of Uganda and its neighbours: ")
    assert set(exhibits.chart_data(fig)["ISO3"]) == {"UGA"} | boundaries.load("50m").neighbours(
        "UGA"
    )


def test_a_locator_map_takes_a_fraction_of_a_second(tmp_path):
    maps.locator_map("JOR", "Jordan")  # the boundaries loaded once per process
    start = time.perf_counter()
    exhibits.exhibit_html(maps.locator_map("LBN", "Lebanon"), "locator", tmp_path)
    # the budget is 0.2 s on a quiet machine; a loaded test machine gets room
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_locator_map_keeps_its_small_print_inside_the_figure(language):
    """At 5 pt the boundaries' source and the disclaimer are wrapped by measuring them:
    a count of characters per inch let 'Boundaries: Natural Earth (public domain' run
    past the factsheet map's edge."""
    from displacement_report.present.charts import collisions

    with i18n.using(language):
        fig = maps.locator_map("JOR", "Jordan")
    assert collisions.problems(fig) == []


def test_neighbouring_hosts_names_do_not_overlap_on_the_world_map():
    """2012: Pakistan, Iran and Syria sit close together; each name finds a free place."""
    from displacement_report import paths
    from displacement_report.analysis import hosting
    from displacement_report.data import unhcr, worldbank
    from displacement_report.present.charts import collisions

    folder = paths.SHARED_DATA_DIR / "worldbank"
    table, _joins, _fiscal_year = hosting.hosting_table(
        unhcr.load_population(),
        unhcr.load_unrwa(),
        worldbank.load_population(folder),
        worldbank.load_gdp_per_capita(folder),
        worldbank.load_income_groups(folder),
        worldbank.load_ldcs(folder),
        2012,
    )
    style.apply()
    fig = maps.world_map(hosting.protection_by_host(table), "Title", "Source: test", 2012, "x")
    assert [p for p in collisions.problems(fig) if "overlaps" in p] == []


@pytest.mark.parametrize("code", ["JOR", "SYR", "LBN", "SDN"])
def test_the_locator_map_names_every_neighbour_of_its_data_without_overlaps(code):
    """Israel and the State of Palestine beside Jordan, Lebanon and Israel beside Syria had
    no name, though the map's data file lists them; Sudan's 'Central African Republic'
    and 'South Sudan' were printed over each other. A neighbour without room for its
    name is named beside it, with a leader line."""
    from displacement_report.present.charts import collisions

    fig = maps.locator_map(code, code)
    labels = {" ".join(t.get_text().split()) for t in fig.axes[0].texts}
    data = exhibits.chart_data(fig)
    neighbours = set(data.loc[data["ISO3"] != code, "Country"])
    assert neighbours and neighbours <= labels, neighbours - labels
    assert collisions.problems(fig) == []
    plt.close(fig)


def test_an_island_state_s_map_names_its_nearest_countries():
    """Malta shares no land border: its map showed unnamed fragments; it now shows
    and names Italy, Tunisia and Libya, and says they are the nearest countries."""
    fig = maps.locator_map("MLT", "Malta")
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert {"Italy", "Tunisia", "Libya"} <= labels
    data = exhibits.chart_data(fig)
    assert set(data.loc[data["ISO3"] != "MLT", "Shown as"]) == {"nearest country"}
    assert exhibits._alts[fig].startswith(
        "Locator map of Malta, which shares no land border, with its nearest countries: "
    )
    assert words.locator_caption("Malta", island=True) == "Malta and its nearest countries."
    plt.close(fig)


@pytest.mark.parametrize("code", ["PSE", "JOR", "SYR", "LBN", "SDN", "MLT"])
def test_a_name_without_a_leader_line_stands_on_the_country_it_names(code):
    """'Israel' stood on Jordan, east of the West Bank, on the Palestinian territories'
    map: moved off its anchor to clear the West Bank, it left its own country. A name
    with no leader line now has its middle on its own country's outline."""
    fig = maps.locator_map(code, code)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    data = exhibits.chart_data(fig)
    codes = dict(zip(data["Country"], data["ISO3"], strict=True))
    _lon0, south, _lon1, north = cartography.main_extent(code, "50m")
    project = cartography.plate((south + north) / 2)  # as the map projects it
    for label in ax.texts:
        name = " ".join(label.get_text().split())
        if label.arrow_patch is not None or name not in codes:
            continue  # named beside its area, with a leader line
        box = label.get_window_extent(renderer)
        middle = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        outlines = maps._outlines(ax, codes[name], "50m", project)
        assert any(o.contains_point(middle) for o in outlines), name
    plt.close(fig)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_neighbour_s_name_stands_on_the_country_and_names_keep_apart(language):
    """In Dutch, 'Centraal-Afrikaanse Republiek' took the strip south of Sudan and
    'Zuid-Soedan' was printed on Sudan itself; in English 'South Sudan' touched the
    Central African Republic's name. A long name now goes on two lines when the names
    would not fit, and names keep a little white between them."""
    fig = _sudan_map(language)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    sudan = maps._outlines(ax, "SDN", "50m", _sudan_projection())
    boxes = [label.get_window_extent(renderer) for label in ax.texts]
    assert boxes
    for box in boxes:
        assert not any(o.intersects_bbox(box, filled=True) for o in sudan)
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.padded(maps.NAME_GAP_PX - 1).overlaps(other)
    if language == "nl":
        texts = [label.get_text() for label in ax.texts]
        assert "Centraal-\nAfrikaanse Republiek" in texts and "Zuid-Soedan" in texts
    plt.close(fig)


def _sudan_map(language: str):
    with i18n.using(language):
        return maps.locator_map("SDN", "Sudan")


def _sudan_projection():
    _lon0, south, _lon1, north = cartography.main_extent("SDN", "50m")
    return cartography.plate((south + north) / 2)


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Central African Republic", "Central\nAfrican Republic"),
        ("Centraal-Afrikaanse Republiek", "Centraal-\nAfrikaanse Republiek"),
        ("Mozambique", "Mozambique"),
    ],
)
def test_a_long_name_breaks_at_the_space_or_hyphen_nearest_its_middle(name, lines):
    assert maps._on_two_lines(name) == lines


@pytest.mark.parametrize("language", ["en", "nl"])
def test_names_without_a_clear_place_go_where_they_cover_least(language):
    """In the corner of Egypt's map neither Israel nor the Palestinian territories has a
    clear place, and the second name was printed over the first; now it goes where it
    covers least: the names stand apart, their leader lines meet near the coast."""
    from matplotlib.text import Text

    with i18n.using(language):
        fig = maps.locator_map("EGY", "Egypt")
    renderer = fig.canvas.get_renderer()
    words = {
        " ".join(t.get_text().split()): Text.get_window_extent(t, renderer)  # without arrow
        for t in fig.axes[0].texts
    }
    plt.close(fig)
    israel = words["Israel" if language == "en" else "Israël"]
    territories = words["Palestinian territories" if language == "en" else "Palestijnse gebieden"]
    assert not israel.overlaps(territories)
