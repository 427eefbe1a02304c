"""The analyst's loop: one chapter of one edition, executed and exported into a preview
folder in seconds, while the published report stays as it is.

A preview is not a report: no cover, contents, colophon or data files, no run folder,
nothing published. Its chapter and exhibits carry the numbers they have in the report;
a reference to an exhibit of another chapter is left as written.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from displacement_report import i18n, paths
from displacement_report.errors import NotebookError, ParameterError, ReportError
from displacement_report.report import (
    annex,
    build,
    colophon,
    combine,
    editions,
    kernels,
    parameters,
    publish,
)
from displacement_report.report.execute import IPCKernelManager, execute_all, parameters_for
from displacement_report.settings import ReportSettings

log = logging.getLogger(__name__)

#: Below the output folder, beside `latest` and the run folders.
PREVIEW_DIR = "preview"


@dataclass(frozen=True)
class Preview:
    html: Path
    pdf: Path | None
    notebook: Path


def find_chapter(name: str, chapters: tuple[str, ...] = build.REPORT_NOTEBOOKS) -> str:
    """The chapter notebook a short name means: '5', '05', 'asylum', '05_asylum_and_region'
    or the file name. Refused, listing the chapters, when none or several match."""
    wanted = name.strip().removesuffix(".ipynb").lower()
    if wanted.isdigit():
        matches = [c for c in chapters if int(c[:2]) == int(wanted)]
    else:
        matches = [
            c for c in chapters if c.removesuffix(".ipynb") == wanted or c[3:].startswith(wanted)
        ]
    if len(matches) != 1:
        listed = ", ".join(c.removesuffix(".ipynb") for c in chapters)
        why = "matches several chapters" if matches else "is no chapter"
        raise ParameterError(f"{name!r} {why}; the chapters are {listed}")
    return matches[0]


def resolve(chapter: str | Path) -> Path:
    """A chapter's notebook: a path to a notebook file, or a name `find_chapter` knows."""
    if Path(chapter).suffix == ".ipynb" and Path(chapter).is_file():
        return Path(chapter).resolve()
    return paths.NOTEBOOKS_DIR / find_chapter(str(chapter))


def chapter_number(chapter: str) -> int:
    """'05_asylum_and_region.ipynb' -> 5: the number its headings carry in the report
    (1 for a notebook whose name has no number)."""
    digits = chapter[:2]
    return int(digits) if digits.isdigit() else 1


def preview_chapter(
    settings: ReportSettings,
    chapter: str | Path,
    language: str | None = None,
    *,
    pdf: bool = False,
) -> Preview:
    """Execute `chapter` (see `resolve`) for `settings` in `language` (default: the
    main edition's) and write its HTML, and its PDF if asked, to
    <output>/preview/<chapter>.<language>/. The parameters are checked first, as a
    build checks them."""
    language = language or settings.language[0]
    source = resolve(chapter)
    name = source.name
    output_dir = publish.ensure_writable(settings.output_dir or paths.output_dir())
    build.check_notebook_parameters(settings, [source], output_dir)
    folder = output_dir / PREVIEW_DIR / f"{source.stem}.{language}"
    if folder.exists():
        shutil.rmtree(folder)  # an earlier preview's charts must not linger beside new ones
    executed = folder / name
    folder.mkdir(parents=True)
    available = parameters.values(settings, folder / "figures", language)
    execute_all([(source, executed, parameters_for(source, available))])
    editions.keep_language_in_file(executed, language)
    html_path = folder / f"{source.stem}.{language}.html"
    pdf_path = html_path.with_suffix(".pdf") if pdf else None
    with i18n.using(language):
        page = _page(executed, settings, chapter_number(name))
        publish.write_bytes_atomically(html_path, page.encode("utf-8"))
        if pdf_path is not None:
            from displacement_report.report.pdf import html_to_pdf

            publish.write_bytes_atomically(pdf_path, html_to_pdf(page))
    log.info("preview of %s (%s) in %s", name, language, folder)
    return Preview(html_path, pdf_path, executed)


def _page(executed: Path, settings: ReportSettings, number: int) -> str:
    """The chapter alone, numbered as in the report, with the annex of its reference
    tables where it has any (chapter 6's budget figures), as the report places them."""
    from displacement_report.report.html import shared_exporter

    notebook = combine.combine([executed], None, annex.section_html(), colophon.title(settings))
    page, _resources = shared_exporter().from_notebook_node(notebook)
    return combine.number_and_index(page, first_chapter=number, strict=False)


def _package_stamp() -> int:
    """Changes whenever a module of the package is saved: warm kernels keep the modules
    they imported, so new code needs new kernels."""
    return max(path.stat().st_mtime_ns for path in paths.PACKAGE_DIR.rglob("*.py"))


def watch(
    settings: ReportSettings,
    chapter: str | Path,
    language: str | None = None,
    *,
    pdf: bool = False,
    on_preview: Callable[[Preview | ReportError], None] = lambda _result: None,
    stop: threading.Event | None = None,
    poll_seconds: float = 0.5,
) -> None:
    """Preview `chapter` now and again each time its notebook is saved, on kernels kept
    warm in between (the package's imports and tables stay loaded), until `stop` is set
    or the command is interrupted. A save of the package's code starts new kernels. A
    failing preview is reported to `on_preview` and the watch goes on."""
    stop = stop or threading.Event()
    source = resolve(chapter)
    while not stop.is_set():
        code = _package_stamp()
        seen = None
        with kernels.warm_kernels(IPCKernelManager):
            while not stop.is_set() and _package_stamp() == code:
                saved = source.stat().st_mtime_ns
                if saved != seen:
                    seen = saved
                    try:
                        on_preview(preview_chapter(settings, source, language, pdf=pdf))
                    except (NotebookError, ParameterError) as exc:
                        on_preview(exc)
                stop.wait(poll_seconds)
