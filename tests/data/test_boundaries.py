"""The committed boundaries cover the hosts in UNHCR's table: every host of 2001 and
2025 at 1:50 million, and every host of more than 15,000 people at 1:110 million."""

from __future__ import annotations

import pytest

from displacement_report.data import boundaries, unhcr


@pytest.mark.parametrize("year", [2001, 2025])
def test_every_host_has_a_place_on_the_map(real_dir, year):
    population = unhcr.load_population(real_dir)
    rows = population[population["year"] == year]
    hosted = rows.groupby("coa_iso")[["refugees", "oip"]].sum().sum(axis=1)
    hosts = set(hosted[hosted > 0].index) - {"UNK"}
    assert hosts - set(boundaries.load("50m").rings) == set()
    large = set(hosted[hosted > 15_000].index) - {"UNK"}
    assert large - set(boundaries.load("110m").rings) == set()


def test_areas_carry_iso3_codes_and_antarctica_is_left_out():
    atlas = boundaries.load("110m")
    assert {"SRB", "XKX", "SOM", "SOL", "PSE", "SSD", "ESH"} <= set(atlas.rings)
    assert "ATA" not in atlas.rings
    assert all(len(code) == 3 and code.isupper() for code in atlas.rings)


def test_the_boundary_files_are_registered_as_inputs():
    names = {info.name for info in boundaries.file_inventory()}
    assert names == set(boundaries.FILES.values())
