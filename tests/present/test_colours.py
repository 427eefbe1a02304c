"""Colours stay distinguishable for colour-blind readers, and line series do not rely
on colour alone."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from colorspacious import cspace_convert, deltaE

from displacement_report.present import style
from displacement_report.present.charts import kinds

#: Below about 10 units of CAM02-UCS colour difference, neighbouring areas blur together.
DISTINCT = 10.0
PALETTES = {
    "groups in the stacked charts": [
        c for k, c in style.POPULATION_COLOURS.items() if k != "forcibly_displaced"
    ],
    "lines and budget stages": list(style.OKABE_ITO.values())[:4],
}


def _rgb(colour: str) -> list[float]:
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]


@pytest.mark.parametrize("deficiency", ["deuteranomaly", "protanomaly"])
@pytest.mark.parametrize("palette", PALETTES, ids=list(PALETTES))
def test_every_pair_of_colours_stays_distinct_under_simulated_colour_blindness(palette, deficiency):
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    seen = [cspace_convert(_rgb(c), space, "sRGB1").clip(0, 1) for c in PALETTES[palette]]
    for (i, a), (j, b) in itertools.combinations(enumerate(seen), 2):
        difference = deltaE(a, b, input_space="sRGB1")
        assert difference >= DISTINCT, (palette, i, j, difference)


def test_line_series_differ_in_dash_pattern_too():
    table = pd.DataFrame({"a": [1, 2], "b": [2, 3], "c": [3, 1]}, index=[2019, 2020])
    fig = kinds.share_lines(table, {"a": "A", "b": "B", "c": "C"}, "t", "y", "Source: s")
    styles = [line.get_linestyle() for line in fig.axes[0].get_lines()]
    assert len(set(styles)) == 3


def _seen(colour: str, deficiency: str):
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return cspace_convert(_rgb(colour), space, "sRGB1").clip(0, 1)


@pytest.mark.parametrize("deficiency", ["deuteranomaly", "protanomaly", None])
def test_the_world_maps_classes_stay_ordered_and_apart_for_colour_blind_readers(deficiency):
    from displacement_report.present.charts import cartography, maps

    colours = maps.PER_1000_COLOURS
    seen = [_seen(c, deficiency) if deficiency else _rgb(c) for c in colours]
    lightness = [cspace_convert(c, "sRGB1", "CAM02-UCS")[0] for c in seen]
    # darker means more per inhabitant, for every reader
    assert lightness == sorted(lightness, reverse=True)
    for a, b in itertools.pairwise(seen):
        assert deltaE(a, b, input_space="sRGB1") >= DISTINCT
    # 'no figure' is told apart by a hatch, not by its grey alone
    assert cartography.NO_DATA_HATCH


@pytest.mark.parametrize("deficiency", ["deuteranomaly", "protanomaly"])
def test_the_focus_maps_hosts_origins_and_neighbours_stay_apart(deficiency):
    from displacement_report.present.charts import maps

    colours = [maps.HOST_COLOUR, maps.ORIGIN_COLOUR, maps.OTHER_COLOUR, maps.NEIGHBOUR_COLOUR]
    seen = [_seen(c, deficiency) for c in colours]
    for (i, a), (j, b) in itertools.combinations(enumerate(seen), 2):
        if {i, j} == {2, 3}:
            continue  # two greys: on different maps, never side by side
        assert deltaE(a, b, input_space="sRGB1") >= DISTINCT, (i, j)
