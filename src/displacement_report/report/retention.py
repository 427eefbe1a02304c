"""Retention for scheduled runs: keep the newest N complete runs of each parameter set,
never a run a published link points to, never a run still in progress."""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from displacement_report.report import publish

#: Written into a run folder when it starts, removed when it is complete.
IN_PROGRESS = ".in-progress"


def mark_in_progress(run_dir: Path) -> None:
    (run_dir / IN_PROGRESS).write_text(str(os.getpid()), encoding="utf-8")


def mark_complete(run_dir: Path) -> None:
    (run_dir / IN_PROGRESS).unlink(missing_ok=True)


def _running(run_dir: Path) -> bool:
    marker = run_dir / IN_PROGRESS
    if not marker.is_file():
        return False
    try:
        os.kill(int(marker.read_text(encoding="utf-8").strip()), 0)
    except (ValueError, ProcessLookupError):
        return False  # the process that wrote it is gone: an abandoned run
    except PermissionError:
        return True
    return True


def published_targets(output_dir: Path) -> set[Path]:
    """Run folders that a link under `output_dir` points to (latest, profiles/...)."""
    targets = set()
    for link in output_dir.rglob("*"):
        if link.is_symlink() and publish.RUNS not in link.relative_to(output_dir).parts[:1]:
            targets.add(link.resolve())
    return targets


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@dataclass(frozen=True)
class Pruned:
    removed: list[Path]
    kept: int
    freed_bytes: int


def _runs_by_parameter_set(
    runs_dir: Path, protected: set[Path]
) -> tuple[dict[str, list[Path]], list[Path]]:
    """Complete runs grouped by what they were made from, newest first; and the runs
    to remove whatever their age (abandoned half-way, or with an unreadable record).
    Runs still in progress are in neither."""
    groups: dict[str, list[Path]] = defaultdict(list)
    doomed: list[Path] = []
    for run in sorted(runs_dir.iterdir(), key=lambda p: p.name, reverse=True):
        if not run.is_dir() or _running(run):
            continue
        record = run / publish.INPUTS_FILE
        if not record.is_file():
            if run.resolve() not in protected:
                doomed.append(run)  # stopped half-way and nobody is finishing it
            continue
        try:
            made = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            doomed.append(run)
            continue
        key = json.dumps([made.get("config_name"), made.get("settings")], sort_keys=True)
        groups[key].append(run)
    return groups, doomed


def prune(output_dir: Path, keep: int, *, dry_run: bool = False) -> Pruned:
    """Remove all but the newest `keep` complete runs per parameter set, and abandoned
    incomplete runs; keep published and running ones whatever their age."""
    if keep < 1:
        raise ValueError("keep at least one run per parameter set")
    runs_dir = output_dir / publish.RUNS
    if not runs_dir.is_dir():
        return Pruned([], 0, 0)
    protected = published_targets(output_dir)
    groups, doomed = _runs_by_parameter_set(runs_dir, protected)
    kept = 0
    for runs in groups.values():  # newest first; a published run counts among the kept
        old = [run for run in runs[keep:] if run.resolve() not in protected]
        kept += len(runs) - len(old)
        doomed.extend(old)
    freed = 0
    for run in doomed:
        freed += _size(run)
        if not dry_run:
            shutil.rmtree(run)
    return Pruned(sorted(doomed), kept, freed)
