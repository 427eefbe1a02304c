"""Parquet copies of validated tables, keyed by the source file's SHA-256.

Parsing and validating the population CSV costs far more than reading a parquet
file. The key includes the source checksum and the schema, so a changed source
file or a changed rule is never served from a stale copy.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import pandas as pd

log = logging.getLogger(__name__)

T = TypeVar("T")

_CHUNK = 1 << 20


#: Checksums already computed in this process, under what `os.stat` says of the file
#: (size, times of change, inode): a batch of profiles, and each warm kernel in it,
#: asks for the same data files' checksums for every country. Any write, rename or
#: `os.utime` changes the key, so a changed file is read again.
_checksums: dict[tuple[str, int, int, int, int], str] = {}
#: A file changed this recently is hashed every time: the file system's clock moves in
#: steps of a few milliseconds, so a second write of the same size within one step
#: would leave its key as it was (git treats such files as "racily clean" likewise).
_SETTLED_NS = 2_000_000_000


def file_sha256(path: Path) -> str:
    stat = os.stat(path)
    key = (os.fspath(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    known = _checksums.get(key)
    if known is not None:
        return known
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    checksum = digest.hexdigest()
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > _SETTLED_NS:
        _checksums[key] = checksum
    return checksum


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
    return _remembered(source, target.name, lambda: _read_or_build(target, build))


def load_small(source: Path, tag: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """A small table (`build` parses and validates it; `tag` names what it makes of the
    file), parsed once per process for as long as the file's checksum is the same. No
    parquet copy: reading one would cost as much as parsing."""
    try:
        identity = f"{tag}-{file_sha256(source)}"
    except OSError:  # missing or unreadable: `build` says so in its own words
        return build()
    return _remembered(source, identity, build)


#: The last table read from each source file in this process, under an identity that
#: names the file's checksum and what was made of it. A warm kernel runs notebook after
#: notebook, each reading the same tables: a copy costs a tenth of reading the parquet
#: file again, a fiftieth of validating a CSV. A changed file replaces its entry.
_in_memory: dict[Path, tuple[str, pd.DataFrame]] = {}


def _remembered(source: Path, identity: str, load: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    kept = _in_memory.get(source)
    if kept is not None and kept[0] == identity:
        return kept[1].copy()  # a copy: a caller that changes its frame changes only its own
    frame = load()
    _in_memory[source] = (identity, frame.copy())
    return frame


def forget_loaded_tables() -> None:
    """Empty this process's tables in memory: the next load reads the cache file, as a
    new process would."""
    _in_memory.clear()
    _results.clear()


#: What was computed from whole tables (every host's burden, every protracted
#: situation), under what it is and the checksums of the files it was computed from. A
#: warm kernel makes factsheet after factsheet, each of which needs the same world-wide
#: tables; computing them once per process saves a tenth of a factsheet's notebook.
_results: dict[tuple[str, tuple[tuple[str, str], ...]], object] = {}
#: Results kept at once: a few report years or parameter sets in one process.
RESULTS_KEPT = 8


def remembered_result(name: str, files: Iterable[Path], compute: Callable[[], T]) -> T:
    """`compute()`, or a copy of what it returned before in this process for the same
    `name` while each of `files` (what it reads) has the same checksum. Always a deep
    copy: a notebook that changes what it gets changes only its own. `compute` must
    read the files itself (not a notebook's copies, which it may have changed)."""
    key = (name, tuple((os.fspath(path), file_sha256(path)) for path in sorted(files)))
    if key not in _results:
        while len(_results) >= RESULTS_KEPT:
            del _results[next(iter(_results))]  # the oldest
        _results[key] = compute()
    return copy.deepcopy(_results[key])  # type: ignore[return-value]  # stored from compute


def _read_or_build(target: Path, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
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
