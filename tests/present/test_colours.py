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
