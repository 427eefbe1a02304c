"""Convert Natural Earth's country boundaries, as the npm package world-atlas 2.0.2
ships them (TopoJSON), into the files the report draws its maps from.

Run once, by hand, when the boundaries are to be renewed (see README.md beside this
file); the report itself never downloads anything:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python data/maps/make_boundaries.py package/ \
        ../shared/data/worldbank/un_m49_ldc_lldc_sids.csv data/maps/

What it does, and nothing more: each country gets its ISO 3166 alpha-3 code (world-atlas
keeps only the numeric code, which equals the UN M49 code; areas without one get the
code Natural Earth gives them, listed in NO_NUMERIC_CODE); Antarctica is left out; the
arcs (the lines that countries share) are thinned with the Ramer-Douglas-Peucker rule
to TOLERANCE degrees, which keeps every junction, so neighbours still meet; the
result is written as TopoJSON again, quantized and delta-encoded as before.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

SOURCE_PACKAGE = "world-atlas@2.0.2"
#: Areas world-atlas gives no numeric code, by their Natural Earth name -> the code
#: Natural Earth uses for them (ADM0_A3).
NO_NUMERIC_CODE = {
    "Kosovo": "XKX",
    "Somaliland": "SOL",
    "N. Cyprus": "CYN",
    "Siachen Glacier": "KAS",
    "Indian Ocean Ter.": "IOA",
}
#: Not in the UN M49 list, so not matched through it.
NOT_IN_M49 = {"158": "TWN"}
LEFT_OUT = {"ATA"}  # Antarctica: no one is displaced there, and it fills a world map's foot
#: Thinning per resolution, in degrees (the 110m file is already coarse).
TOLERANCE = {"110m": 0.0, "50m": 0.04}


def m49_to_iso3(m49_table: Path) -> dict[str, str]:
    with m49_table.open(encoding="utf-8", newline="") as handle:
        codes = {row["m49"].zfill(3): row["iso3"] for row in csv.DictReader(handle)}
    return codes | NOT_IN_M49


def decode(topology: dict) -> list[np.ndarray]:
    """Every arc as absolute longitude and latitude (n x 2)."""
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [
        np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate
        for arc in topology["arcs"]
    ]


def thin(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Ramer-Douglas-Peucker: keep the end points and every point further than
    `tolerance` from the line through the points kept around it."""
    if tolerance <= 0 or len(points) < 3:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = points[first], points[last]
        inner = points[first + 1 : last]
        direction = end - start
        length = np.hypot(*direction)
        if length == 0:
            distance = np.hypot(*(inner - start).T)
        else:
            offset = inner - start
            distance = np.abs(direction[0] * offset[:, 1] - direction[1] * offset[:, 0]) / length
        furthest = int(np.argmax(distance))
        if distance[furthest] > tolerance:
            middle = first + 1 + furthest
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return points[keep]


def encode(arcs: list[np.ndarray], scale: list[float], translate: list[float]) -> list[list]:
    """Quantize and delta-encode, as TopoJSON stores arcs."""
    encoded = []
    for arc in arcs:
        grid = np.round((arc - translate) / scale).astype(int)
        deltas = np.vstack([grid[:1], np.diff(grid, axis=0)])
        encoded.append(deltas.tolist())
    return encoded


def _arc_ids(geometry: dict) -> list[int]:
    if geometry["type"] == "Polygon":
        return [a for ring in geometry["arcs"] for a in ring]
    return [a for polygon in geometry["arcs"] for ring in polygon for a in ring]


def _renumber(geometry: dict, new: dict[int, int]) -> None:
    def one(a: int) -> int:
        return new[a] if a >= 0 else ~new[~a]

    if geometry["type"] == "Polygon":
        geometry["arcs"] = [[one(a) for a in ring] for ring in geometry["arcs"]]
    else:
        geometry["arcs"] = [[[one(a) for a in ring] for ring in p] for p in geometry["arcs"]]


def convert(source: Path, codes: dict[str, str], resolution: str) -> dict:
    topology = json.loads((source / f"countries-{resolution}.json").read_text(encoding="utf-8"))
    geometries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        iso3 = codes.get(str(geometry.get("id", ""))) or NO_NUMERIC_CODE.get(name)
        if iso3 is None:
            raise SystemExit(f"no ISO3 code for {name!r} ({geometry.get('id')})")
        if iso3 in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        geometries.append(
            {
                "type": geometry["type"],
                "arcs": geometry["arcs"],
                "properties": {"iso3": iso3, "name": name},
            }
        )
    used = sorted({a if a >= 0 else ~a for g in geometries for a in _arc_ids(g)})
    new = {old: i for i, old in enumerate(used)}
    for geometry in geometries:
        _renumber(geometry, new)
    arcs = decode(topology)
    kept = [thin(arcs[old], TOLERANCE[resolution]) for old in used]
    transform = topology["transform"]
    return {
        "type": "Topology",
        "transform": transform,
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": encode(kept, transform["scale"], transform["translate"]),
        "source": (
            f"Natural Earth 1:{resolution[:-1]} million Admin 0 countries (version 4.1.0, public "
            f"domain), from the npm package {SOURCE_PACKAGE}; ISO3 codes added, Antarctica "
            f"left out, arcs thinned to {TOLERANCE[resolution]} degrees by make_boundaries.py"
        ),
    }


def main(source: Path, m49_table: Path, target: Path) -> None:
    codes = m49_to_iso3(m49_table)
    for resolution in TOLERANCE:
        topology = convert(source, codes, resolution)
        path = target / f"countries-{resolution}.topo.json"
        path.write_text(json.dumps(topology, separators=(",", ":")) + "\n", encoding="utf-8")
        points = sum(len(a) for a in topology["arcs"])
        print(
            f"{path}: {len(topology['objects']['countries']['geometries'])} areas, {points} points"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
