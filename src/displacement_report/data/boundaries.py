"""Country boundaries for the maps: Natural Earth's countries in TopoJSON, as converted
once into data/maps/ (its README says from where, and how). Read here, never
downloaded; each file is decoded once per process.

TopoJSON keeps each line that two countries share once (an *arc*); a country's rings
are lists of arc numbers (~n: arc n reversed). So the boundary between two countries is
the set of arcs both use, and a coastline an arc only one uses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from displacement_report import paths
from displacement_report.data.provenance import DataFileInfo, inventory

#: Resolution -> file: the world and the focus countries at 1:110 million, a country
#: profile's locator map at 1:50 million.
FILES = {"110m": "countries-110m.topo.json", "50m": "countries-50m.topo.json"}


@dataclass(frozen=True)
class Atlas:
    """The countries of one resolution, in longitude and latitude."""

    source: str
    arcs: list[np.ndarray]  # each n x 2 (longitude, latitude)
    rings: dict[str, list[list[list[int]]]]  # ISO3 -> polygons -> rings -> arc numbers
    names: dict[str, str]  # ISO3 -> Natural Earth's name
    users: list[tuple[str, ...]] = field(default_factory=list)  # arc -> areas that use it

    def ring(self, arcs: list[int]) -> np.ndarray:
        """One ring's points, its arcs joined in order (each shared end point once)."""
        parts = [self.arcs[a] if a >= 0 else self.arcs[~a][::-1] for a in arcs]
        joined = [parts[0]] + [part[1:] for part in parts[1:]]
        return _unwrapped(np.concatenate(joined))

    def polygons(self, iso3: str) -> list[list[np.ndarray]]:
        """The area's polygons, each a list of rings (the first the outline)."""
        return [[self.ring(ring) for ring in polygon] for polygon in self.rings.get(iso3, [])]

    def neighbours(self, iso3: str) -> set[str]:
        """The areas that share a boundary line with `iso3`."""
        return {other for users in self.users if iso3 in users for other in users if other != iso3}


def _unwrapped(points: np.ndarray) -> np.ndarray:
    """Longitudes made continuous where a line crosses the 180th meridian (Russia's
    east, Fiji): 179 then 181, not 179 then -179, which would draw a line round the
    world; a map clips what lies beyond its edge."""
    lon = np.unwrap(points[:, 0], period=360.0)
    return np.column_stack([lon, points[:, 1]])


def _decode(topology: dict) -> list[np.ndarray]:
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [
        _unwrapped(np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate)
        for arc in topology["arcs"]
    ]


def maps_dir() -> Path:
    """The folder of the boundary files: data/maps/ of the project (looked up when
    asked, so a test may point the project's data folder elsewhere)."""
    return paths.PROJECT_DATA_DIR / "maps"


@cache
def load(resolution: str = "110m") -> Atlas:
    """The atlas of `resolution` ('110m' or '50m')."""
    topology = json.loads((maps_dir() / FILES[resolution]).read_text(encoding="utf-8"))
    rings: dict[str, list[list[list[int]]]] = {}
    names: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = geometry["properties"]["iso3"]
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        rings.setdefault(iso3, []).extend(polygons)
        names[iso3] = geometry["properties"]["name"]
    users: list[set[str]] = [set() for _ in topology["arcs"]]
    for iso3, polygons in rings.items():
        for polygon in polygons:
            for ring in polygon:
                for arc in ring:
                    users[arc if arc >= 0 else ~arc].add(iso3)
    return Atlas(
        topology.get("source", ""),
        _decode(topology),
        rings,
        names,
        [tuple(sorted(u)) for u in users],
    )


def file_inventory() -> list[DataFileInfo]:
    """The boundary files the maps are drawn from, with checksums."""
    return inventory(maps_dir(), sorted(FILES.values()))
