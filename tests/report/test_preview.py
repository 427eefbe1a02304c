"""The analyst's loop: one chapter of one edition previewed into reports/preview/,
numbered as in the report, publishing nothing; and again on every save (--watch)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from typer.testing import CliRunner

from displacement_report.cli import app
from displacement_report.errors import NotebookError, ParameterError, ReportError
from displacement_report.report import annex, combine, preview
from displacement_report.settings import validate_parameters
from tests.conftest import write_notebook

CHAPTERS = (
    "00_at_a_glance.ipynb",
    "01_global_picture.ipynb",
    "05_asylum_and_region.ipynb",
    "06_spending.ipynb",
)


@pytest.mark.parametrize(
    "name", ["5", "05", "asylum", "05_asylum_and_region", "05_asylum_and_region.ipynb"]
)
def test_a_chapter_is_found_by_number_name_or_file_name(name):
    assert preview.find_chapter(name, CHAPTERS) == "05_asylum_and_region.ipynb"


@pytest.mark.parametrize(("name", "why"), [("9", "is no chapter"), ("a", "matches several")])
def test_an_unknown_or_ambiguous_chapter_is_refused_listing_the_chapters(name, why):
    with pytest.raises(ParameterError, match=why) as refused:
        preview.find_chapter(name, CHAPTERS)
    assert "00_at_a_glance, 01_global_picture, 05_asylum_and_region, 06_spending" in str(
        refused.value
    )


def test_a_preview_numbers_its_chapter_as_the_report_and_keeps_other_references():
    page = (
        '<html><body><h1 id="t">Asylum</h1><h2 id="s">Next door</h2>'
        "<p>See @tab:mine and @fig:elsewhere.</p>"
        '<table class="exhibit" id="tab-mine">'
        '<caption><span class="exhibit-number"></span> Mine</caption>'
        "</table></body></html>"
    )
    soup = BeautifulSoup(
        combine.number_and_index(page, first_chapter=5, strict=False), "html.parser"
    )
    assert soup.h1.get_text().startswith("5. Asylum")
    assert soup.h2.get_text().startswith("5.1 Next door")
    assert soup.find(class_="exhibit-number").get_text() == "Table 5.1"
    assert "See Table 5.1 and @fig:elsewhere." in soup.p.get_text()
    with pytest.raises(ReportError, match="@fig:elsewhere"):
        combine.number_and_index(page, first_chapter=5)  # the report itself stays strict


@pytest.mark.notebook
def test_a_chapter_preview_is_written_in_its_language_and_nothing_is_published(tmp_path, real_dir):
    result = CliRunner().invoke(
        app,
        ["preview", "1", "--language", "nl", "--pdf", "--output-dir", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "preview" / "01_global_picture.nl"
    html = folder / "01_global_picture.nl.html"
    assert f"preview: {html}" in result.output
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text().startswith("1. Het wereldwijde beeld")
    labels = [n.get_text() for n in soup.find_all(class_="exhibit-number")]
    assert labels and all(label.startswith(("Figuur 1.", "Tabel 1.")) for label in labels)
    assert len(PdfReader(html.with_suffix(".pdf")).pages) >= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["preview"]  # no run, no latest


@pytest.mark.notebook
def test_watching_previews_again_after_each_save_and_survives_a_failure(tmp_path, real_dir):
    chapter = write_notebook(
        tmp_path / "03_tiny.ipynb",
        "report_year: int = 2025  # year\nlanguage: str = 'en'  # edition",
        "from IPython.display import Markdown\nMarkdown('# Tiny\\n\\nIt ran.')",
    )
    settings = validate_parameters({"report_year": 2025, "output_dir": str(tmp_path / "out")})
    seen: list = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=preview.watch,
        args=(settings, chapter),
        kwargs={"on_preview": seen.append, "stop": stop, "poll_seconds": 0.1},
    )
    watcher.start()
    try:
        _wait_for(lambda: len(seen) == 1)
        broken = chapter.read_text().replace("It ran.", "It ran.') + undefined_name + ('")
        _save_later(chapter, broken)
        _wait_for(lambda: len(seen) == 2)
        _save_later(chapter, chapter.read_text().replace(" + undefined_name + ('')", ""))
        _wait_for(lambda: len(seen) == 3)
    finally:
        stop.set()
        watcher.join(timeout=60)
    first, failed, fixed = seen
    assert isinstance(first, preview.Preview) and isinstance(fixed, preview.Preview)
    assert isinstance(failed, NotebookError) and "undefined_name" in str(failed)
    assert "It ran." in fixed.html.read_text(encoding="utf-8")
    assert (
        fixed.html
        == first.html
        == tmp_path / "out" / "preview" / "03_tiny.nl" / ("03_tiny.nl.html")
    )


def _save_later(path: Path, text: str) -> None:
    """A save the watcher can tell from the last one (file times have a coarse clock)."""
    time.sleep(0.05)
    path.write_text(text, encoding="utf-8")


def _wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the watcher did not preview in time"
        time.sleep(0.1)


@pytest.mark.notebook
def test_a_chapter_with_reference_tables_previews_them_in_its_annex(tmp_path, real_dir):
    """Chapter 6 marks its budget figures for the annex: its preview stopped with 'the
    page has no annex'; it now shows them in an annex, as the report does."""
    result = CliRunner().invoke(
        app, ["preview", "6", "--language", "en", "--output-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    (html,) = (tmp_path / "preview").glob("06_*.en/06_*.en.html")
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    annex_section = soup.find("section", class_=annex.SECTION_CLASS)
    assert annex_section is not None and annex_section.find(id="tab-budget_figures")
