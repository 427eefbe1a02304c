"""One report, several languages: where each edition's files go, and which of a
notebook's markdown cells belong to it.

Narrative cells exist once per language, side by side, each tagged with its language
(`lang:nl`, `lang:en`); an edition keeps its own and drops the others. Untagged cells
belong to every edition (headings made of data, test notebooks).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

TAG_PREFIX = "lang:"


def report_html(language: str) -> str:
    """The published HTML of one edition: 'report.nl.html'."""
    return f"report.{language}.html"


def report_pdf(language: str) -> str:
    return f"report.{language}.pdf"


def folder(run_dir: Path, language: str) -> Path:
    """The edition's executed notebooks, charts and data files: <run>/<language>/."""
    return run_dir / language


def cell_language(cell: nbformat.NotebookNode) -> str | None:
    """The language a cell is tagged with, if any."""
    for tag in cell.get("metadata", {}).get("tags", []):
        if tag.startswith(TAG_PREFIX):
            return str(tag.removeprefix(TAG_PREFIX))
    return None


def keep_language(notebook: nbformat.NotebookNode, language: str) -> nbformat.NotebookNode:
    """The notebook without the cells written for another language."""
    notebook.cells = [c for c in notebook.cells if cell_language(c) in (None, language)]
    return notebook


def keep_language_in_file(path: Path, language: str) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.write(keep_language(notebook, language), path)
