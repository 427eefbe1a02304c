"""Parquet copies of validated tables, keyed by the source file's SHA-256.

Parsing and validating the population CSV costs far more than reading a parquet
file. The key includes the source checksum and the schema, so a changed source
file or a changed rule is never served from a stale copy.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def cache_path(cache_dir: Path, table: str, source_sha256: str, schema_tag: str) -> Path:
    return cache_dir / f"{table}-{source_sha256[:24]}-{schema_tag}.parquet"


def write_atomically(frame: pd.DataFrame, target: Path) -> None:
    """Write parquet next to `target`, then rename: readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".tmp")
    os.close(fd)
    try:
        frame.to_parquet(tmp_name, index=False)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def load_cached(
    source: Path,
    table: str,
    schema_tag: str,
    build: Callable[[], pd.DataFrame],
    cache_dir: Path | None,
) -> pd.DataFrame:
    """Return the validated table for `source`, from cache when its checksum matches.

    `build` parses and validates the CSV; it runs only on a cache miss. A cache that
    cannot be written (read-only disk, full disk) costs speed, never the result.
    """
    if cache_dir is None:
        return build()
    target = cache_path(cache_dir, table, file_sha256(source), schema_tag)
    if target.exists():
        try:
            return pd.read_parquet(target)
        except Exception as exc:  # a damaged cache entry is rebuilt, not trusted
            log.warning("ignoring unreadable cache file %s: %s", target, exc)
    frame = build()
    try:
        write_atomically(frame, target)
    except OSError as exc:
        log.warning("could not write cache file %s: %s", target, exc)
    return frame
