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

from displacement_report.report.publish import INPUTS_FILE

#: An exhibit's files are named after it: <name>.svg, .png, .csv, .json.
_EXHIBIT_ID = re.compile(r'id="(?:fig|tab)-([A-Za-z0-9_]+)"')


def chapter_key(language: str, name: str) -> str:
    """A chapter of one edition: 'nl/01_global_picture.ipynb'."""
    return f"{language}/{name}"


def executed_path(run: Path, key: str) -> Path:
    """Where a run keeps the executed chapter `key`: <run>/<language>/notebooks/<name>."""
    language, name = key.split("/", 1)
    return run / language / "notebooks" / name


def chapter_fingerprint(inputs: dict, notebook_sha: str) -> str:
    """What one chapter of one edition depends on: everything the run depends on except
    the other chapters' notebooks, which other editions the run makes (the chapter key
    names its own language) and the layout the run is exported in (the same executed
    chapter serves a report and a factsheet)."""
    skipped = ("notebooks", "fingerprint", "chapters", "layout")
    own = {k: v for k, v in inputs.items() if k not in skipped}
    own["settings"] = {k: v for k, v in own.get("settings", {}).items() if k != "language"}
    own["notebook"] = notebook_sha
    return hashlib.sha256(json.dumps(own, sort_keys=True, default=str).encode()).hexdigest()


def find_chapters(runs_dir: Path, wanted: dict[str, str], exclude: Path) -> dict[str, Path]:
    """For each chapter (key -> fingerprint), the newest complete run that executed it
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
        for key, fingerprint in wanted.items():
            executed = executed_path(run, key)
            if key not in found and chapters.get(key) == fingerprint and executed.is_file():
                found[key] = run
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


def copy_chapter(previous: Path, run_dir: Path, key: str) -> Path:
    """Copy an executed chapter and its exhibits' files into `run_dir`; the run folder
    named in its parameters cell becomes the new one, as if it had run here."""
    source, target = executed_path(previous, key), executed_path(run_dir, key)
    text = source.read_text(encoding="utf-8").replace(str(previous), str(run_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    figures = target.parent.parent / "figures"
    figures.mkdir(exist_ok=True)
    for exhibit in exhibit_names(source):
        for path in (source.parent.parent / "figures").glob(f"{exhibit}.*"):
            shutil.copy2(path, figures / path.name)
    return target
