"""What a report depends on, as one checksum, so an unchanged rerun can be skipped.

Inputs: the settings, the parameter-set name, each notebook's source, each data
file's checksum, the package's own code and templates, and key library versions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from displacement_report import paths
from displacement_report.data.cache import file_sha256
from displacement_report.report.publish import INPUTS_FILE


def package_code_sha256() -> str:
    digest = hashlib.sha256()
    for path in sorted(paths.PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".css", ".json"}:
            digest.update(str(path.relative_to(paths.PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def describe_inputs(
    settings_json: dict,
    config_name: str,
    notebooks: Sequence[Path],
    data_files: dict[str, str],
    packages: dict[str, str],
    layout: str = "report",
) -> dict:
    """What a run is made from, and its fingerprint; `layout` (report or factsheet)
    changes the document, not what the notebooks compute."""
    inputs = {
        "settings": settings_json,
        "config_name": config_name,
        "notebooks": {nb.name: file_sha256(nb) for nb in notebooks},
        "data": data_files,
        "code": package_code_sha256(),
        "packages": packages,
        "layout": layout,
    }
    inputs["fingerprint"] = hashlib.sha256(
        json.dumps(inputs, sort_keys=True, default=str).encode()
    ).hexdigest()
    return inputs


def find_reusable_run(runs_dir: Path, fingerprint: str, required: Sequence[str]) -> Path | None:
    """The newest complete run folder made from the same inputs, if any.

    Only a run that wrote its inputs file last (after every output) counts as complete.
    """
    if not runs_dir.is_dir():
        return None
    for run in sorted(runs_dir.iterdir(), key=lambda p: p.name, reverse=True):
        record = run / INPUTS_FILE
        if not record.is_file() or not all((run / name).is_file() for name in required):
            continue
        try:
            if json.loads(record.read_text(encoding="utf-8")).get("fingerprint") == fingerprint:
                return run
        except (OSError, ValueError):
            continue
    return None
