"""From validated settings to a published HTML and PDF report.

Steps: check the output folder; reuse an earlier run made from the same inputs
unless forced; otherwise make a run folder, execute the notebooks into it, combine
them with a cover, contents and colophon (a country profile's factsheet: no cover or
contents, a colophon line), export HTML and PDF, record the inputs (the run's
completion mark), and publish the folder as `latest` in one rename. A failure or
interruption at any step leaves the published report as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import pickle
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from displacement_report import paths
from displacement_report.errors import ContentError, OutputError, ParameterError
from displacement_report.report import (
    changes,
    clock,
    colophon,
    editions,
    kernels,
    parameters,
    profile_index,
    publish,
    retention,
    reuse,
    site,
    waiting,
)
from displacement_report.report.editions import report_html, report_pdf
from displacement_report.report.execute import IPCKernelManager, execute_all, parameters_for
from displacement_report.report.export import FACTSHEET, REPORT, Layout
from displacement_report.report.fingerprint import describe_inputs, find_reusable_run
from displacement_report.report.inputs import InputGroup, checksums, registered_inputs
from displacement_report.report.publish import INPUTS_FILE
from displacement_report.settings import ReportSettings, data_coverage, settings_for

log = logging.getLogger(__name__)

#: A chapter of the report is a notebook named for its place: `NN_topic.ipynb`.
CHAPTER_PATTERN = "[0-9][0-9]_*.ipynb"


def chapter_notebooks(folder: Path = paths.NOTEBOOKS_DIR) -> tuple[str, ...]:
    """The report's chapters in order, read from their numbered names."""
    return tuple(sorted(path.name for path in folder.glob(CHAPTER_PATTERN)))


#: The report's chapters, in order (00 is the summary, 01-08 the chapters).
REPORT_NOTEBOOKS: tuple[str, ...] = chapter_notebooks()
#: One host country on one or two pages; run once per country by `build_profiles`.
PROFILE_NOTEBOOK = "profile/country_profile.ipynb"


def report_files(settings: ReportSettings) -> list[str]:
    """Every edition's HTML, PDF and web pages: what a complete run has published."""
    return [
        f(language) for language in settings.language for f in (report_html, report_pdf, site.entry)
    ]


@dataclass(frozen=True)
class RunResult:
    """A published run; `html` and `pdf` are its main (first) edition's."""

    run_dir: Path
    html: Path
    pdf: Path
    published: Path
    reused: bool = False
    languages: tuple[str, ...] = ("en",)

    @classmethod
    def of(
        cls, run_dir: Path, published: Path, languages: Sequence[str], reused: bool = False
    ) -> RunResult:
        main = languages[0]
        html, pdf = run_dir / report_html(main), run_dir / report_pdf(main)
        return cls(run_dir, html, pdf, published, reused, tuple(languages))

    def edition(self, language: str) -> tuple[Path, Path]:
        """The HTML and PDF of one edition."""
        return self.run_dir / report_html(language), self.run_dir / report_pdf(language)


def check_notebook_parameters(
    settings: ReportSettings, sources: Sequence[Path], output_dir: Path
) -> None:
    """Before any kernel starts: every notebook gets each parameter it declares, and
    makes valid settings of them exactly as it will when it runs. A combination one
    notebook would refuse half-way through the report is refused here."""
    available = parameters.values(settings, output_dir)
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


def build_report(
    settings: ReportSettings,
    config_name: str = "default",
    notebooks: Sequence[str | Path] | None = None,
    *,
    force: bool = False,
    link_name: str = publish.LATEST,
    layout: Layout = REPORT,
) -> RunResult:
    """Execute, export and publish the report for `settings` (already validated), made
    of `notebooks` (default: the report's chapters) in `layout` (a report, or a
    factsheet for a country profile).

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
        layout,
    )
    inputs["versions"] = {group.key: group.version for group in registered}
    runs_dir = output_dir / publish.RUNS
    previous = (
        None
        if force
        else find_reusable_run(runs_dir, inputs["fingerprint"], report_files(settings))
    )
    if previous is not None:
        log.info("inputs unchanged since %s: reusing it (--force to execute again)", previous.name)
        link = publish.publish(output_dir, previous, link_name)
        return RunResult.of(previous, link, settings.language, reused=True)

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
            layout,
        )
    except OSError as exc:  # disk full, file too large, folder gone: say so, keep the old
        log.debug("writing the report failed", exc_info=True)
        where = f" ({exc.filename})" if exc.filename else ""
        raise OutputError(
            f"writing the report into {output_dir} failed: {exc.strerror or exc}{where}; "
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
    layout: Layout = REPORT,
) -> RunResult:
    run_dir = publish.new_run_dir(output_dir, config_name, started)
    retention.mark_in_progress(run_dir)
    log.info("run folder %s", run_dir)
    # the kernels that executed the chapters export the editions too, warm
    with kernels.warm_kernels(IPCKernelManager):
        executed = _execute_editions(settings, sources, inputs, output_dir, run_dir, force)
        provenance = colophon.collect(
            settings, config_name, registered, started.isoformat(timespec="seconds")
        )
        provenance = replace(provenance, finished=clock.now().isoformat(timespec="seconds"))
        found = _what_changed(output_dir, run_dir, inputs)
        _export_editions(executed, provenance, run_dir, found, layout)
    writing = time.perf_counter()
    site.write_site(run_dir, settings.language, layout)
    log.info("web edition written in %.1f s", time.perf_counter() - writing)
    # written last: a run folder without it is incomplete and never reused
    record = json.dumps(inputs, indent=2, sort_keys=True).encode("utf-8")
    publish.write_bytes_atomically(run_dir / INPUTS_FILE, record)
    retention.mark_complete(run_dir)
    link = publish.publish(output_dir, run_dir, link_name)
    log.info("published %s -> %s", link, run_dir.name)
    if layout == REPORT:
        _link_profiles(settings, output_dir)
    return RunResult.of(run_dir, link, settings.language)


def _link_profiles(settings: ReportSettings, output_dir: Path) -> None:
    """The country profiles' page, written again now that the report's web edition is
    published: it links the report, and the report's pages link it and search the
    profiles' index (which this writes, empty if no profile is published yet)."""
    from displacement_report.data.unhcr import country_names

    profile_index.write_index(
        output_dir,
        country_names(settings.data_dir),
        publish.PROFILES,
        lang=settings.language[0],
    )


def _export_editions(
    executed: dict[str, list[Path]],
    provenance: colophon.Provenance,
    run_dir: Path,
    found: changes.Changes | None,
    layout: Layout = REPORT,
) -> None:
    """Export every edition in `layout`, each on a warm kernel (the build's, or the
    batch's) at the same time: kernels are processes, and laying out a PDF is
    pure-Python work that threads of one process would only take turns at. The first
    failure is raised once the other editions are done; an interruption stops them all."""
    jobs = []
    for language, chapters in executed.items():
        what_changed = (
            "" if layout == FACTSHEET else changes.edition_annex(found, run_dir, language)
        )
        jobs.append((chapters, provenance, run_dir, language, what_changed, layout))
    log.info("exporting HTML and PDF: %s", ", ".join(executed))
    with (
        kernels.warm_kernels(IPCKernelManager) as pool,
        ThreadPoolExecutor(max_workers=len(jobs)) as threads,
    ):
        done = [threads.submit(_export_on_kernel, pool, job, run_dir) for job in jobs]
        try:
            waiting.results_in_order(done)
        except (KeyboardInterrupt, SystemExit):
            IPCKernelManager.kill_all()  # the other editions stop now; nothing is published
            raise


def _export_on_kernel(pool: kernels.KernelPool, job: tuple, run_dir: Path) -> None:
    """Export one edition on a kernel of `pool` (see `export_worker`): the arguments of
    `export` go to the kernel in a file."""
    job_file = run_dir / f".export-{job[3]}.pickle"
    job_file.write_bytes(pickle.dumps(job))
    code = (
        "from displacement_report.report.export_worker import main as _export\n"
        f"_export({str(job_file)!r})\n"
        "del _export"
    )
    try:
        pool.run(code, run_dir)
    except kernels.KernelCodeError as exc:
        raise ContentError(f"exporting the {job[3]} edition failed: {exc}") from None
    finally:
        job_file.unlink(missing_ok=True)


def _execute_editions(
    settings: ReportSettings,
    sources: list[Path],
    inputs: dict,
    output_dir: Path,
    run_dir: Path,
    force: bool,
) -> dict[str, list[Path]]:
    """Execute every chapter of every edition (reusing unchanged ones) into
    <run>/<language>/notebooks; return each edition's executed chapters in order."""
    prints = {
        reuse.chapter_key(language, s.name): reuse.chapter_fingerprint(
            inputs, inputs["notebooks"][s.name]
        )
        for language in settings.language
        for s in sources
    }
    inputs["chapters"] = prints
    done = {} if force else reuse.find_chapters(output_dir / publish.RUNS, prints, run_dir)
    for key, previous in done.items():
        log.info("%s unchanged since %s: reusing it", key, previous.name)
        reuse.copy_chapter(previous, run_dir, key)
    jobs = []
    for language in settings.language:
        edition = editions.folder(run_dir, language)
        (edition / "notebooks").mkdir(parents=True, exist_ok=True)
        available = parameters.values(settings, edition / "figures", language)
        jobs += [
            (s, edition / "notebooks" / s.name, parameters_for(s, available))
            for s in sources
            if reuse.chapter_key(language, s.name) not in done
        ]
    execute_all(jobs)
    for _source, target, _parameters in jobs:
        editions.keep_language_in_file(target, target.parent.parent.name)
    return {
        language: [editions.folder(run_dir, language) / "notebooks" / s.name for s in sources]
        for language in settings.language
    }


def _what_changed(output_dir: Path, run_dir: Path, inputs: dict) -> changes.Changes | None:
    """Compare this run with the previous complete run of the same parameter set; write
    changes.json and log one line for schedulers; return what changed (None for the
    first run), from which each edition writes its annex."""
    previous = changes.previous_run(output_dir / publish.RUNS, inputs, run_dir)
    if previous is None:
        log.info("first report of this parameter set: nothing to compare with")
        record = json.dumps({"summary": "first report of this parameter set"}, indent=2)
        publish.write_bytes_atomically(run_dir / changes.CHANGES_FILE, record.encode())
        return None
    found = changes.compare(changes.load_run(previous), changes.load_run(run_dir, inputs=inputs))
    log.info("%s", found.summary())
    publish.write_bytes_atomically(run_dir / changes.CHANGES_FILE, found.to_json().encode())
    return found
