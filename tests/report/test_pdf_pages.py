"""The page checks and the PDF's table tags on small hand-made pages: the checks find
a heading or a table's title at a page's foot, a chapter begun mid-page, a table
continued with one row and a blank page where plain CSS leaves them, and the report's
stylesheet leaves none; every table header cell carries a scope (`pdfua check`);
amounts stay whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from displacement_report import paths
from displacement_report.report.combine import keep_amounts_whole
from displacement_report.report.pdf import html_to_pdf
from tests.report.pdf_pages import layout_findings

REPORT_CSS = (paths.TEMPLATES_DIR / "report" / "report.css").read_text(encoding="utf-8")
#: A block that fills most of an A4 page (25.7 cm of text height under report.css).
FILLER = '<div style="height: 23.4cm"><p>Filler text.</p></div>'


def _pdf(tmp_path: Path, body: str, css: str = "") -> Path:
    html = (
        f'<html lang="en"><head><title>Test</title><style>{css}</style></head>'
        f'<body class="jp-Notebook"><main>{body}</main></body></html>'
    )
    path = tmp_path / "page.pdf"
    path.write_bytes(html_to_pdf(html))
    return path


def _table(rows: int, caption: str = "Table 1 People by year") -> str:
    body = "".join(f"<tr><td>{2000 + n}</td><td>{n * 1000}</td></tr>" for n in range(rows))
    return (
        '<div class="exhibit table-exhibit">'
        f'<table class="report-table"><caption>{caption}</caption>'
        "<thead><tr><th>Year</th><th>People</th></tr></thead>"
        f'<tbody>{body}</tbody></table><p class="source-line">Source: a test</p></div>'
    )


PLAIN = "@page { size: A4; margin: 2cm 1.8cm 2.2cm 1.8cm } h2 { break-after: auto }"


def test_a_heading_at_the_foot_of_a_page_is_found_and_the_report_keeps_it_down(tmp_path):
    body = FILLER + "<h2>1.2 A section</h2><p>" + "Words. " * 120 + "</p>"
    # with orphans and widows at 1, the paragraph's first line could follow the heading;
    # a paragraph that cannot start leaves the heading alone at the foot
    plain = PLAIN + " p { orphans: 30; widows: 30 }"
    assert any("a heading ends the page" in f for f in layout_findings(_pdf(tmp_path, body, plain)))
    assert layout_findings(_pdf(tmp_path, body, REPORT_CSS)) == []


def _spacer(cm: float) -> str:
    return f'<div style="height: {cm}cm"></div>'


def test_a_table_title_left_at_a_page_foot_is_found_and_the_report_keeps_it(tmp_path):
    # a spacer that leaves room for the title but not the header and first row
    for spacer in (0, 0.1, 0.2, 0.3, 0.4):
        body = FILLER + _spacer(spacer) + _table(30)
        found = layout_findings(_pdf(tmp_path, body, PLAIN))
        if any("a table's title without its rows" in f for f in found):
            break
    else:
        pytest.fail("no spacer left the title alone at the foot")
    assert any("a table's title ends the page" in f for f in found)
    assert layout_findings(_pdf(tmp_path, body, REPORT_CSS)) == []


def test_a_table_continued_with_one_row_is_found_and_the_report_keeps_two(tmp_path):
    # the table ends just past the page: its last row alone on the next page. Each try
    # lays out a PDF, so the spacer that does it under today's fonts (44) is tried first,
    # then the others by their distance from it: a change of fonts still finds one.
    for spacer in sorted(range(60), key=lambda s: abs(s - 44)):
        body = _spacer(spacer * 0.5) + _table(40)
        found = layout_findings(_pdf(tmp_path, body, PLAIN))
        if any("a table continues with a single row" in f for f in found):
            break
    else:
        pytest.fail("no spacer left a single row on the next page")
    assert layout_findings(_pdf(tmp_path, body, REPORT_CSS)) == []


def test_a_chapter_beginning_mid_page_is_found_and_the_report_starts_a_page(tmp_path):
    body = "<h1>1. First</h1><p>Text.</p><h1>2. Second</h1><p>More text.</p>"
    assert layout_findings(_pdf(tmp_path, body, PLAIN)) == [
        "page 1: a chapter begins mid-page: '2. Second'"
    ]
    assert layout_findings(_pdf(tmp_path, body, REPORT_CSS)) == []


def test_a_blank_page_is_found(tmp_path):
    page_break = '<div style="break-after: page"></div>'
    body = f"<p>Text.</p>{page_break}{page_break}<p>More.</p>"
    assert "page 2: the page is blank" in layout_findings(_pdf(tmp_path, body, PLAIN))


def _pdfua(path: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(run.stdout)


def test_every_table_header_cell_has_a_scope(tmp_path):
    row_headers = (
        "<table><tbody><tr><th scope='row'>report_year</th><td>2025</td></tr>"
        "<tr><th scope='row'>baseline_year</th><td>2019</td></tr></tbody></table>"
    )
    result = _pdfua(_pdf(tmp_path, _table(3) + row_headers, REPORT_CSS))
    assert result["summary"]["errors"] == 0
    assert result["findings"] == []


def test_amounts_are_kept_whole_in_the_text_not_in_styles_or_links():
    soup = BeautifulSoup(
        "<style>p { margin: 1 em }</style><p>Ongeveer € 30.000 per jaar, "
        "<strong>€ 1,3 miljard</strong>; 2019 was 12 years ago.</p>"
        '<a href="https://example.org/€ 5">link</a>',
        "html.parser",
    )
    keep_amounts_whole(soup)
    amounts = [span.get_text() for span in soup.find_all("span", class_="amount")]
    assert amounts == ["€ 30.000", "€ 1,3 miljard"]
    assert soup.style.string == "p { margin: 1 em }"
    assert soup.p.get_text() == "Ongeveer € 30.000 per jaar, € 1,3 miljard; 2019 was 12 years ago."
