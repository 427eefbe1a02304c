"""From validated settings to a published HTML and PDF report.

Steps: check the output folder; reuse an earlier run made from the same inputs
unless forced; otherwise make a run folder, execute the notebooks into it, combine
them with a cover, contents and colophon, export HTML and PDF, record the inputs
(the run's completion mark), and publish the folder as `latest` in one rename. A
failure or interruption at any step leaves the published report as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from displacement_report import letter, paths
from displacement_report.errors import OutputError, ParameterError
from displacement_report.notebook import settings_for
from displacement_report.report import (
    annex,
    changes,
    clock,
    colophon,
    datafiles,
    glossary,
    publish,
    retention,
    reuse,
)
from displacement_report.report.combine import combine, describe_document, number_and_index
from displacement_report.report.execute import execute_all, parameters_for
from displacement_report.report.fingerprint import INPUTS_FILE, describe_inputs, find_reusable_run
from displacement_report.report.inputs import InputGroup, checksums, registered_inputs
from displacement_report.settings import ReportSettings, data_coverage

log = logging.getLogger(__name__)

#: The report's chapters, in order.
REPORT_NOTEBOOKS: tuple[str, ...] = (
    "00_at_a_glance.ipynb",
    "01_global_picture.ipynb",
    "02_hosting_and_origins.ipynb",
    "03_protracted_and_solutions.ipynb",
    "04_focus_countries.ipynb",
    "asylum_and_region.ipynb",
    "05_spending.ipynb",
    "reception_costs.ipynb",
    "06_claims.ipynb",
)
#: One host country on one or two pages; run once per country by `build_profiles`.
PROFILE_NOTEBOOK = "country_profile.ipynb"
PROFILES_LINK_DIR = "profiles"
REPORT_HTML = "report.html"
REPORT_PDF = "report.pdf"
#: Named as the PDF's author: the tool, since no person signs a generated report.
AUTHOR = "displacement-report (reproducible report; see the colophon)"


@dataclass(frozen=True)
class RunResult:
    run_dir: Path
    html: Path
    pdf: Path
    published: Path
    reused: bool = False


def notebook_parameters(settings: ReportSettings, figures_dir: Path) -> dict[str, object]:
    """Plain literals for the notebooks' parameters cells (papermill writes them as code).

    Every notebook receives all of them; papermill only warns about names a notebook
    does not declare, and tests check each notebook declares what it uses."""
    return {
        "country": settings.focus_countries[0],
        "report_year": settings.report_year,
        "baseline_year": settings.baseline_year,
        "focus_countries": list(settings.focus_countries),
        "trend_start_year": settings.trend_start_year,
        "protracted_threshold": settings.protracted_threshold,
        "protracted_years": settings.protracted_years,
        "data_dir": str(settings.data_dir or ""),
        "worldbank_dir": str(settings.worldbank_dir or ""),
        "iati_file": str(settings.iati_file or ""),
        "figures_dir": str(figures_dir),
    }


def check_notebook_parameters(
    settings: ReportSettings, sources: Sequence[Path], output_dir: Path
) -> None:
    """Before any kernel starts: every notebook gets each parameter it declares, and
    makes valid settings of them exactly as it will when it runs. A combination one
    notebook would refuse half-way through the report is refused here."""
    available = notebook_parameters(settings, output_dir)
    coverage = data_coverage(settings.data_dir)
    for source in sources:
        try:
            settings_for(parameters_for(source, available), coverage)
        except ParameterError as exc:
            raise ParameterError(
                f"notebook {source.name} would refuse its parameters: {exc}"
            ) from None


def resolve_notebooks(notebooks: Sequence[str | Path]) -> list[Path]:
    """Names in notebooks/ or paths; an absolute path stays as it is."""
    return [paths.NOTEBOOKS_DIR / nb for nb in notebooks]


def export(
    executed: list[Path], provenance: colophon.Provenance, run_dir: Path, what_changed: str = ""
) -> None:
    """Write each chapter's own HTML, then the combined HTML and PDF, atomically. The
    closing pages: the annex of reference tables, what changed, glossary, colophon."""
    from displacement_report.report.html import ReportHTMLExporter
    from displacement_report.report.pdf import html_to_pdf

    exporter = ReportHTMLExporter()
    for path in executed:
        page, _ = exporter.from_filename(str(path))
        publish.write_bytes_atomically(path.with_suffix(".html"), page.encode("utf-8"))
    combined = combine(
        executed,
        colophon.cover_html(provenance),
        annex.section_html()
        + what_changed
        + glossary.glossary_html(glossary.notebooks_text(executed))
        + colophon.colophon_html(provenance),
        provenance.settings.title,
    )
    page, _ = exporter.from_notebook_node(combined)
    page = describe_document(
        number_and_index(page),
        author=AUTHOR,
        subject=f"Forced displacement in {provenance.settings.report_year} and Dutch reception "
        f"in the region, checked against {letter.CITATION}",
    )
    publish.write_bytes_atomically(run_dir / REPORT_HTML, page.encode("utf-8"))
    figures_dir = run_dir / "figures"
    if figures_dir.is_dir():
        numbers = datafiles.exhibit_numbers(page)
        workbook = datafiles.workbook_bytes(figures_dir, numbers)
        publish.write_bytes_atomically(run_dir / datafiles.WORKBOOK, workbook)
        listing = datafiles.figures_json(figures_dir, numbers)
        publish.write_bytes_atomically(run_dir / datafiles.FIGURES_JSON, listing)
    publish.write_bytes_atomically(run_dir / REPORT_PDF, html_to_pdf(page))


def build_report(
    settings: ReportSettings,
    config_name: str = "default",
    notebooks: Sequence[str | Path] | None = None,
    *,
    force: bool = False,
    link_name: str = publish.LATEST,
) -> RunResult:
    """Execute, export and publish the report for `settings` (already validated), made
    of `notebooks` (default: the report's chapters).

    The finished run is published as `<output>/<link_name>` (default `latest`)."""
    output_dir = publish.ensure_writable(settings.output_dir or paths.output_dir())
    sources = resolve_notebooks(REPORT_NOTEBOOKS if notebooks is None else notebooks)
    check_notebook_parameters(settings, sources, output_dir)
    registered = registered_inputs(settings)
    inputs = describe_inputs(
        settings.model_dump(mode="json"),
        config_name,
        sources,
        checksums(registered),
        colophon.package_versions(),
    )
    inputs["versions"] = {group.key: group.version for group in registered}
    runs_dir = output_dir / publish.RUNS
    previous = (
        None
        if force
        else find_reusable_run(runs_dir, inputs["fingerprint"], (REPORT_HTML, REPORT_PDF))
    )
    if previous is not None:
        log.info("inputs unchanged since %s: reusing it (--force to execute again)", previous.name)
        link = publish.publish(output_dir, previous, link_name)
        return RunResult(previous, previous / REPORT_HTML, previous / REPORT_PDF, link, True)

    started = clock.now()
    try:
        return _execute_and_publish(
            settings,
            config_name,
            sources,
            inputs,
            registered,
            output_dir,
            started,
            link_name,
            force,
        )
    except OSError as exc:  # disk full, file too large, folder gone: say so, keep the old
        raise OutputError(
            f"writing the report into {output_dir} failed: {exc.strerror or exc}; "
            "the previously published report is unchanged"
        ) from None


def _execute_and_publish(
    settings: ReportSettings,
    config_name: str,
    sources: list[Path],
    inputs: dict,
    registered: tuple[InputGroup, ...],
    output_dir: Path,
    started: dt.datetime,
    link_name: str,
    force: bool = False,
) -> RunResult:
    run_dir = publish.new_run_dir(output_dir, config_name, started)
    retention.mark_in_progress(run_dir)
    log.info("run folder %s", run_dir)
    executed_dir = run_dir / "notebooks"
    executed_dir.mkdir()
    available = notebook_parameters(settings, run_dir / "figures")
    prints = {
        s.name: reuse.chapter_fingerprint(inputs, inputs["notebooks"][s.name]) for s in sources
    }
    inputs["chapters"] = prints
    done = {} if force else reuse.find_chapters(output_dir / publish.RUNS, prints, run_dir)
    for name, previous in done.items():
        log.info("%s unchanged since %s: reusing it", name, previous.name)
        reuse.copy_chapter(previous, run_dir, name)
    jobs = [
        (s, executed_dir / s.name, parameters_for(s, available))
        for s in sources
        if s.name not in done
    ]
    execute_all(jobs)
    executed = [executed_dir / s.name for s in sources]

    provenance = colophon.collect(
        settings, config_name, registered, started.isoformat(timespec="seconds")
    )
    provenance = replace(provenance, finished=clock.now().isoformat(timespec="seconds"))
    what_changed = _what_changed(output_dir, run_dir, inputs)
    log.info("exporting HTML and PDF")
    export(executed, provenance, run_dir, what_changed)
    # written last: a run folder without it is incomplete and never reused
    record = json.dumps(inputs, indent=2, sort_keys=True).encode("utf-8")
    publish.write_bytes_atomically(run_dir / INPUTS_FILE, record)
    retention.mark_complete(run_dir)
    link = publish.publish(output_dir, run_dir, link_name)
    log.info("published %s -> %s", link, run_dir.name)
    return RunResult(run_dir, run_dir / REPORT_HTML, run_dir / REPORT_PDF, link)


def _what_changed(output_dir: Path, run_dir: Path, inputs: dict) -> str:
    """Compare this run with the previous complete run of the same parameter set; write
    changes.json and log one line for schedulers; return the annex for the report."""
    previous = changes.previous_run(output_dir / publish.RUNS, inputs, run_dir)
    if previous is None:
        log.info("first report of this parameter set: nothing to compare with")
        record = json.dumps({"summary": "first report of this parameter set"}, indent=2)
        publish.write_bytes_atomically(run_dir / changes.CHANGES_FILE, record.encode())
        return changes.annex_html(None)
    found = changes.compare(changes.load_run(previous), changes.load_run(run_dir, inputs=inputs))
    log.info("%s", found.summary())
    publish.write_bytes_atomically(run_dir / changes.CHANGES_FILE, found.to_json().encode())
    return changes.annex_html(found)


def build_profiles(
    settings: ReportSettings, countries: Sequence[str], *, force: bool = False
) -> list[RunResult]:
    """One country profile per ISO3 code, each its own run published as
    `<output>/profiles/<ISO3>`; the first failure is raised once all have run (the
    command line uses `batch.run_profiles`, which reports every failure)."""
    from displacement_report.errors import NotebookError
    from displacement_report.report.batch import run_profiles

    batch = run_profiles(settings, countries, force=force)
    if batch.failed:
        raise NotebookError("; ".join(f"{c}: {m}" for c, m in batch.failed.items()))
    return batch.published
