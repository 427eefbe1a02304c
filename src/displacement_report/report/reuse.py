"""Chapter-level reuse: a chapter whose own inputs are unchanged since an earlier run
(the parameters, its notebook, the data, the package's code and key libraries) is
copied from that run, with its charts and tables, instead of executed again."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import nbformat

from displacement_report.report.fingerprint import INPUTS_FILE

#: An exhibit's files are named after it: <name>.svg, .png, .csv, .json.
_EXHIBIT_ID = re.compile(r'id="(?:fig|tab)-([A-Za-z0-9_]+)"')


def chapter_fingerprint(inputs: dict, notebook_sha: str) -> str:
    """What one chapter depends on: everything the run depends on except the other
    chapters' notebooks and the layout the run is exported in (the same executed
    chapter serves a report and a factsheet)."""
    skipped = ("notebooks", "fingerprint", "chapters", "layout")
    own = {k: v for k, v in inputs.items() if k not in skipped}
    own["notebook"] = notebook_sha
    return hashlib.sha256(json.dumps(own, sort_keys=True, default=str).encode()).hexdigest()


def find_chapters(runs_dir: Path, wanted: dict[str, str], exclude: Path) -> dict[str, Path]:
    """For each chapter (name -> fingerprint), the newest complete run that executed it
    from the same inputs."""
    found: dict[str, Path] = {}
    if not runs_dir.is_dir():
        return found
    for run in sorted(runs_dir.iterdir(), key=lambda p: p.name, reverse=True):
        record = run / INPUTS_FILE
        if run == exclude or not record.is_file():
            continue
        try:
            chapters = json.loads(record.read_text(encoding="utf-8")).get("chapters", {})
        except (OSError, ValueError):
            continue
        for name, fingerprint in wanted.items():
            executed = run / "notebooks" / name
            if name not in found and chapters.get(name) == fingerprint and executed.is_file():
                found[name] = run
        if len(found) == len(wanted):
            break
    return found


def exhibit_names(executed: Path) -> set[str]:
    """The charts and tables an executed notebook shows (their files share the name)."""
    names: set[str] = set()
    for cell in nbformat.read(executed, as_version=4).cells:
        for output in cell.get("outputs", []):
            names.update(_EXHIBIT_ID.findall(output.get("data", {}).get("text/html", "")))
    return names


def copy_chapter(previous: Path, run_dir: Path, name: str) -> Path:
    """Copy an executed chapter and its exhibits' files into `run_dir`; the run folder
    named in its parameters cell becomes the new one, as if it had run here."""
    source = previous / "notebooks" / name
    target = run_dir / "notebooks" / name
    text = source.read_text(encoding="utf-8").replace(str(previous), str(run_dir))
    target.write_text(text, encoding="utf-8")
    figures = run_dir / "figures"
    figures.mkdir(exist_ok=True)
    for exhibit in exhibit_names(source):
        for path in (previous / "figures").glob(f"{exhibit}.*"):
            shutil.copy2(path, figures / path.name)
    return target
