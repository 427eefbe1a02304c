"""Chapter-level reuse: after one chapter changes, only it executes again, and the
chapters copied from the earlier run are exactly what executing them would give."""

from __future__ import annotations

import json
import logging
import shutil

import nbformat
import pytest

from displacement_report import paths
from displacement_report.report import build
from displacement_report.settings import validate_parameters
from tests.conftest import write_notebook

pytestmark = pytest.mark.notebook

#: a real chapter (reused), and a short hand-written one (edited)
CHAPTERS = ("01_global_picture.ipynb", "99_short.ipynb")


def _executed(run_dir, name):
    return (run_dir / "en" / "notebooks" / name).read_text().replace(str(run_dir), "<run>")


def test_only_the_edited_chapter_runs_again_and_the_rest_equals_a_full_run(
    tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(paths.NOTEBOOKS_DIR / CHAPTERS[0], folder / CHAPTERS[0])
    short = write_notebook(folder / CHAPTERS[1], "report_year: int = 2025  # year", "1 + 1")
    short_nb = nbformat.read(short, as_version=4)
    short_nb.cells.insert(0, nbformat.v4.new_markdown_cell("# A short chapter"))
    short_nb.cells[0].metadata["tags"] = ["lang:en"]
    nbformat.write(short_nb, short)
    notebooks = tuple(folder / name for name in CHAPTERS)
    settings = validate_parameters(
        {"report_year": 2019, "output_dir": str(tmp_path / "out"), "language": "en"}
    )
    full = build.build_report(settings, notebooks=notebooks)

    edited = json.loads(notebooks[1].read_text())
    edited["cells"][0]["source"].append("\n\nOne more sentence of explanation.")
    notebooks[1].write_text(json.dumps(edited, indent=1))
    with caplog.at_level(logging.INFO, logger="displacement_report.report.build"):
        partly = build.build_report(settings, notebooks=notebooks)
    reused = [r.getMessage() for r in caplog.records if "reusing it" in r.getMessage()]
    assert len(reused) == 1 and reused[0].startswith("en/01_global_picture.ipynb unchanged")
    assert "One more sentence" in partly.html.read_text(encoding="utf-8")

    # the reused chapter and its figures equal the full run's (the first, which executed
    # every chapter; the real chapter is unchanged since): paths rewritten, bytes equal
    reused_chapter = CHAPTERS[0]
    assert _executed(partly.run_dir, reused_chapter) == _executed(full.run_dir, reused_chapter)
    html = reused_chapter.replace(".ipynb", ".html")
    assert (partly.run_dir / "en" / "notebooks" / html).read_bytes() == (
        full.run_dir / "en" / "notebooks" / html
    ).read_bytes()
    partly_figures = sorted(p.name for p in (partly.run_dir / "en" / "figures").iterdir())
    assert partly_figures == sorted(p.name for p in (full.run_dir / "en" / "figures").iterdir())
    for name in partly_figures:
        assert (partly.run_dir / "en" / "figures" / name).read_bytes() == (
            full.run_dir / "en" / "figures" / name
        ).read_bytes(), name
