"""From validated settings to a published HTML and PDF report.

Steps: check the output folder; make a run folder; execute each notebook with
papermill into it; combine the executed notebooks with a cover and a colophon;
export HTML and PDF; then publish the run folder as `latest` in one rename. A
failure at any step leaves the previously published report as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

from displacement_report import paths
from displacement_report.errors import NotebookError
from displacement_report.report import colophon, publish
from displacement_report.report.html import ReportHTMLExporter
from displacement_report.report.pdf import html_to_pdf
from displacement_report.settings import ReportSettings

log = logging.getLogger(__name__)

#: The report's chapters, in order.
REPORT_NOTEBOOKS: tuple[str, ...] = ("01_global_picture.ipynb",)
REPORT_HTML = "report.html"
REPORT_PDF = "report.pdf"


@dataclass(frozen=True)
class RunResult:
    run_dir: Path
    html: Path
    pdf: Path
    published: Path


def notebook_parameters(settings: ReportSettings, figures_dir: Path) -> dict[str, object]:
    """Plain literals for the notebooks' parameters cells (papermill writes them as code)."""
    return {
        "report_year": settings.report_year,
        "baseline_year": settings.baseline_year,
        "focus_countries": list(settings.focus_countries),
        "data_dir": str(settings.data_dir or ""),
        "figures_dir": str(figures_dir),
    }


def execute_notebook(source: Path, target: Path, parameters: dict[str, object]) -> Path:
    """Run one notebook; on failure keep the executed copy and say where it failed."""
    try:
        papermill.execute_notebook(
            str(source),
            str(target),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=sys.stderr.isatty(),
            cwd=str(source.parent),
        )
    except PapermillExecutionError as exc:
        raise NotebookError(
            f"notebook {source.name} failed in cell {exc.exec_count} ({exc.ename}: {exc.evalue}); "
            f"the executed copy with the error is kept at {target}"
        ) from None
    return target


def _output_cell(html_text: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source="")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html_text})]
    return cell


def combine(executed: list[Path], cover: str, closing: str, title: str) -> nbformat.NotebookNode:
    """One notebook: cover, every chapter's cells in order, colophon."""
    combined = nbformat.v4.new_notebook()
    combined.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    combined.metadata["title"] = title
    combined.cells.append(_output_cell(cover))
    for path in executed:
        combined.cells.extend(nbformat.read(path, as_version=4).cells)
    combined.cells.append(_output_cell(closing))
    return combined


def build_report(
    settings: ReportSettings,
    config_name: str = "default",
    notebooks: tuple[str | Path, ...] = REPORT_NOTEBOOKS,
) -> RunResult:
    """Execute, export and publish the report for `settings` (already validated).

    `notebooks` are names in notebooks/ or paths, executed in order."""
    output_dir = publish.ensure_writable(settings.output_dir or paths.output_dir())
    started = dt.datetime.now(dt.UTC)
    run_dir = publish.new_run_dir(output_dir, config_name, started)
    log.info("run folder %s", run_dir)
    executed_dir = run_dir / "notebooks"
    executed_dir.mkdir()
    parameters = notebook_parameters(settings, run_dir / "figures")
    executed = []
    for notebook in notebooks:
        source = paths.NOTEBOOKS_DIR / notebook  # an absolute path stays as it is
        log.info("executing %s", source.name)
        executed.append(execute_notebook(source, executed_dir / source.name, parameters))

    provenance = colophon.collect(settings, config_name, started.isoformat(timespec="seconds"))
    provenance = replace(provenance, finished=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    combined = combine(
        executed,
        colophon.cover_html(provenance),
        colophon.colophon_html(provenance),
        settings.title,
    )
    log.info("exporting HTML and PDF")
    page, _ = ReportHTMLExporter().from_notebook_node(combined)
    html_path, pdf_path = run_dir / REPORT_HTML, run_dir / REPORT_PDF
    publish.write_bytes_atomically(html_path, page.encode("utf-8"))
    publish.write_bytes_atomically(pdf_path, html_to_pdf(page))
    link = publish.publish(output_dir, run_dir)
    log.info("published %s -> %s", link, run_dir.name)
    return RunResult(run_dir, html_path, pdf_path, link)
