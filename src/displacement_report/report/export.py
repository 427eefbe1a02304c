"""One edition of a run, exported: each chapter's HTML, the combined HTML and PDF, and
the data files, written atomically in the edition's language. A report gets a cover,
contents, the annex of reference tables, what changed, glossary and colophon; a
factsheet (a country profile) its chapter alone and a colophon line.

Runs in the build's process or on a warm kernel (`export_worker`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from displacement_report import i18n, letter
from displacement_report.report import annex, colophon, datafiles, editions, glossary, publish
from displacement_report.report.combine import combine, describe_document, number_and_index
from displacement_report.report.editions import report_html, report_pdf

#: What a document is made into: the report (cover, contents, list of figures, what
#: changed, glossary, colophon) or a factsheet (the chapter alone, a colophon line).
Layout = Literal["report", "factsheet"]
REPORT: Layout = "report"
FACTSHEET: Layout = "factsheet"

#: Named as the PDF's author: the tool, since no person signs a generated report.
AUTHOR = "displacement-report (reproducible report; see the colophon)"


def export(
    executed: list[Path],
    provenance: colophon.Provenance,
    run_dir: Path,
    language: str,
    what_changed: str = "",
    layout: Layout = REPORT,
) -> None:
    """Write one edition: each chapter's own HTML (a report's; a factsheet is its one
    chapter), then the combined HTML and PDF and the data files, atomically, every word
    in `language`. The closing pages: the annex of reference tables, what changed,
    glossary, colophon."""
    from displacement_report.report.html import shared_exporter
    from displacement_report.report.pdf import html_to_pdf

    with i18n.using(language):
        exporter = shared_exporter()
        for path in executed if layout == REPORT else ():
            page, _ = exporter.from_filename(str(path))
            publish.write_bytes_atomically(path.with_suffix(".html"), page.encode("utf-8"))
        if layout == FACTSHEET:
            page = _factsheet_page(exporter, executed, provenance, language)
        else:
            page = _report_page(exporter, executed, provenance, language, what_changed)
        publish.write_bytes_atomically(run_dir / report_html(language), page.encode("utf-8"))
        edition = editions.folder(run_dir, language)
        figures_dir = edition / "figures"
        if figures_dir.is_dir():
            numbers = datafiles.exhibit_numbers(page)
            workbook = datafiles.workbook_bytes(figures_dir, numbers)
            publish.write_bytes_atomically(edition / datafiles.WORKBOOK, workbook)
            listing = datafiles.figures_json(figures_dir, numbers)
            publish.write_bytes_atomically(edition / datafiles.FIGURES_JSON, listing)
        publish.write_bytes_atomically(run_dir / report_pdf(language), html_to_pdf(page))


def _report_page(
    exporter, executed: list[Path], provenance: colophon.Provenance, language: str, closing: str
) -> str:
    """Cover, contents, list of figures, the chapters, then the annex of reference
    tables, what changed (`closing`), glossary and colophon."""
    combined = combine(
        executed,
        colophon.cover_html(provenance),
        annex.section_html()
        + closing
        + glossary.glossary_html(glossary.notebooks_text(executed))
        + colophon.colophon_html(provenance),
        colophon.title(provenance.settings),
    )
    page, _ = exporter.from_notebook_node(combined)
    return describe_document(
        number_and_index(page),
        author=AUTHOR,
        subject=i18n._(
            "Forced displacement in {year} and Dutch reception in the region, "
            "checked against {letter}"
        ).format(year=provenance.settings.report_year, letter=letter.citation()),
        lang=language,
    )


def _factsheet_page(
    exporter, executed: list[Path], provenance: colophon.Provenance, language: str
) -> str:
    """The chapters alone, exhibits numbered through, and a colophon line at the end."""
    combined = combine(
        executed,
        None,
        colophon.colophon_line_html(provenance),
        colophon.title(provenance.settings),
        layout=FACTSHEET,
    )
    page, _ = exporter.from_notebook_node(combined)
    return describe_document(
        number_and_index(page, headings=False),
        author=AUTHOR,
        subject=colophon.factsheet_subject(provenance.settings),
        lang=language,
    )
