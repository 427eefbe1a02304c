"""Which input files a report was made from: names, sizes and SHA-256 checksums."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from displacement_report.data.cache import file_sha256


@dataclass(frozen=True)
class DataFileInfo:
    """Provenance of one input file, for the colophon and the rerun fingerprint."""

    name: str
    path: Path
    sha256: str
    size_bytes: int


#: Columns that give a table's year, in the order they are looked for.
YEAR_COLUMNS = ("year", "fiscal_year")


def year_range(path: Path) -> tuple[int, int] | None:
    """The first and last year a CSV table has rows for (None: no year column, or not a
    CSV file): the colophon states it, so a reader sees where each source ends."""
    if path.suffix.lower() != ".csv" or not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    column = next((c for c in YEAR_COLUMNS if c in header), None)
    if column is None:
        return None
    years = pd.to_numeric(pd.read_csv(path, usecols=[column])[column], errors="coerce").dropna()
    return (int(years.min()), int(years.max())) if len(years) else None


def inventory(folder: Path, names: Iterable[str]) -> list[DataFileInfo]:
    """The files of `names` present in `folder`, with checksums."""
    return [
        DataFileInfo(n, folder / n, file_sha256(folder / n), (folder / n).stat().st_size)
        for n in names
        if (folder / n).is_file()
    ]
