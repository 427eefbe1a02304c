"""Measure what the maps add: the world map of 170 hosts to a report build, a locator
map to a country profile. Each is timed as the build makes it: drawn and saved as a
numbered exhibit (SVG and PNG), once with the boundaries still to be read (the first
map in a fresh kernel) and once more with them read. Prints; asserts nothing."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from displacement_report import paths
from displacement_report.analysis import hosting
from displacement_report.data import boundaries, unhcr, worldbank
from displacement_report.present import exhibits, style
from displacement_report.present.charts import cartography, maps


def _forget_boundaries() -> None:
    for cached in (
        boundaries.load,
        cartography._anchor,
        cartography._area_boxes,
        cartography._world_paths,
    ):
        cached.cache_clear()


def measure_maps(year: int = 2025) -> dict[str, float | int]:
    """Seconds for the world map and a locator map, cold and warm; the hosts drawn."""
    folder = paths.SHARED_DATA_DIR / "worldbank"
    table, _joins, _fy = hosting.hosting_table(
        unhcr.load_population(),
        unhcr.load_unrwa(),
        worldbank.load_population(folder),
        worldbank.load_gdp_per_capita(folder),
        worldbank.load_income_groups(folder),
        worldbank.load_ldcs(folder),
        year,
    )
    hosts = hosting.protection_by_host(table)
    style.apply()
    found: dict[str, float | int] = {"hosts": int((hosts["people"] > 0).sum())}
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        for key in ("world_cold", "world_warm"):
            if key.endswith("cold"):
                _forget_boundaries()
            start = time.perf_counter()
            fig = maps.world_map(hosts, "World", "Source", year, "Refugees and OIP")
            exhibits.exhibit_html(fig, key, out)
            found[key] = time.perf_counter() - start
        for key, country in (("locator_cold", "JOR"), ("locator_warm", "LBN")):
            if key.endswith("cold"):
                _forget_boundaries()
            start = time.perf_counter()
            exhibits.exhibit_html(maps.locator_map(country, country), key, out)
            found[key] = time.perf_counter() - start
    return found


if __name__ == "__main__":
    print(measure_maps())
