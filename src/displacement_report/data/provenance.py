"""Which input files a report was made from: names, sizes and SHA-256 checksums."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from displacement_report.data.cache import file_sha256


@dataclass(frozen=True)
class DataFileInfo:
    """Provenance of one input file, for the colophon and the rerun fingerprint."""

    name: str
    path: Path
    sha256: str
    size_bytes: int


def inventory(folder: Path, names: Iterable[str]) -> list[DataFileInfo]:
    """The files of `names` present in `folder`, with checksums."""
    return [
        DataFileInfo(n, folder / n, file_sha256(folder / n), (folder / n).stat().st_size)
        for n in names
        if (folder / n).is_file()
    ]
