"""Command line: a thin layer that parses, calls package functions and sets exit codes.

Exit codes: 0 success; 2 invalid parameters or data; 3 a notebook failed;
4 output folder not writable; 5 download failed; 130 interrupted (SIGINT or SIGTERM).
"""

from __future__ import annotations

import contextlib
import json
import logging
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from displacement_report import config, errors, paths

app = typer.Typer(
    help="Build the forced-displacement report, or refresh its UNHCR data.",
    no_args_is_help=True,
    add_completion=False,
    # plain help: docstrings rewrapped as paragraphs, no '<bool>' type column
    rich_markup_mode=None,
)


class _Command(typer.core.TyperCommand):
    """A command whose arguments show their name in --help ('ISO3', 'DEST'), not
    Python's type of them ('<list[str]>', '<Path>'): the reader's word, not ours."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument) and param.metavar:
                param.display_type_rich = _no_type  # type: ignore[method-assign]


def _no_type(ctx: object) -> None:
    return None


EXIT_CODES: dict[type[errors.ReportError], int] = {
    errors.ParameterError: 2,
    errors.DataFileError: 2,
    errors.NotebookError: 3,
    errors.ContentError: 3,
    errors.OutputError: 4,
    errors.DownloadError: 5,
}
EXIT_INTERRUPTED = 130


def _fail(exc: errors.ReportError) -> typer.Exit:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    code = next((c for kind, c in EXIT_CODES.items() if isinstance(exc, kind)), 1)
    return typer.Exit(code)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGTERM (a scheduler stopping the job) into the same orderly stop as Ctrl-C:
    kernels are shut down, temporary files removed, the published report left alone."""

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except KeyboardInterrupt as exc:
        reason = str(exc) or "SIGINT"
        typer.secho(
            f"interrupted ({reason}); the published report is unchanged", fg="red", err=True
        )
        raise SystemExit(EXIT_INTERRUPTED) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _setup() -> None:
    """What every command does first: absolute paths in the environment, then logging."""
    paths.make_environment_paths_absolute()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    for noisy in ("fontTools", "traitlets", "papermill"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # WeasyPrint warns about its own optional font subsetting on every run
    logging.getLogger("weasyprint").setLevel(logging.ERROR)


ConfigOption = Annotated[
    str,
    typer.Option(
        "--config", "-c", metavar="NAME", help="parameter set: a name in config/ or a YAML path"
    ),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        "-s",
        metavar="PARAMETER=VALUE",
        help="override one parameter, e.g. --set report_year=2019",
    ),
]
KeepRunsOption = Annotated[
    int | None,
    typer.Option(
        "--keep-runs",
        min=1,
        metavar="N",
        envvar="DISPLACEMENT_REPORT_KEEP_RUNS",
        help="after publishing, keep only this many complete runs per parameter set",
    ),
]
OutputDirOption = Annotated[
    Path | None,
    typer.Option(
        metavar="FOLDER", help="where run folders and published links go (default: reports/)"
    ),
]


LanguageOption = Annotated[
    list[str] | None,
    typer.Option(
        "--language",
        "-l",
        metavar="nl|en",
        help="edition to publish: nl or en; repeat for both (default: the parameter set's, "
        "else both)",
    ),
]


def _parameter_values(
    params: str,
    overrides: list[str] | None,
    output_dir: Path | None,
    language: list[str] | None = None,
) -> tuple[str, dict]:
    """A parameter set with the command line's overrides applied: (name, values)."""
    name, values = config.load(params)
    values |= config.parse_overrides(overrides or [])
    if output_dir is not None:
        values["output_dir"] = str(output_dir)
    if language:
        values["language"] = language
    return name, values


@app.command(short_help="Build and publish the report (HTML and PDF, each edition).")
def report(
    params: ConfigOption = "default",
    overrides: SetOption = None,
    output_dir: OutputDirOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="execute again even if nothing changed")
    ] = False,
    keep_runs: KeepRunsOption = None,
    language: LanguageOption = None,
) -> None:
    """Validate the parameters, execute the notebooks, export HTML and PDF, publish.

    A rerun whose inputs (parameters, notebooks, data, code) are unchanged reuses the
    previous run instead of executing again."""
    from displacement_report.report.build import build_report
    from displacement_report.settings import validate_parameters

    _setup()
    try:
        name, values = _parameter_values(params, overrides, output_dir, language)
        settings = validate_parameters(values)
        with interruptible():
            result = build_report(settings, config_name=name, force=force)
    except errors.ReportError as exc:
        raise _fail(exc) from None
    for edition in result.languages:
        for path in result.edition(edition):
            typer.echo(f"report: {result.published / path.name}")
    _apply_retention(settings.output_dir, keep_runs)


@app.command(
    cls=_Command, short_help="Preview one chapter of one edition in seconds; publishes nothing."
)
def preview(
    chapter: Annotated[
        str,
        typer.Argument(
            metavar="CHAPTER", help="the chapter: its number (5), name (asylum) or file name"
        ),
    ],
    params: ConfigOption = "default",
    overrides: SetOption = None,
    output_dir: OutputDirOption = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            "-l",
            metavar="nl|en",
            help="nl or en (default: the parameter set's first)",
        ),
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="also lay out the chapter as a PDF")] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", help="preview again each time the notebook is saved (Ctrl-C stops)"
        ),
    ] = False,
) -> None:
    """Execute one chapter of one edition and export it to reports/preview/ in seconds,
    for the edit-and-look loop; nothing is published and the report stays as it is."""
    from displacement_report.report import preview as chapter_preview
    from displacement_report.settings import validate_parameters

    def show(result: chapter_preview.Preview | errors.ReportError) -> None:
        if isinstance(result, errors.ReportError):
            typer.secho(f"error: {result}", fg=typer.colors.RED, err=True)
            return
        for path in (result.html, result.pdf):
            if path is not None:
                typer.echo(f"preview: {path}")

    _setup()
    try:
        _, values = _parameter_values(params, overrides, output_dir)
        settings = validate_parameters(values)
        with interruptible():
            if watch:
                chapter_preview.watch(settings, chapter, language, pdf=pdf, on_preview=show)
            else:
                show(chapter_preview.preview_chapter(settings, chapter, language, pdf=pdf))
    except errors.ReportError as exc:
        raise _fail(exc) from None


@app.command(cls=_Command, short_help="Build country profiles (factsheets) and their index page.")
def profiles(
    countries: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ISO3",
            help="ISO3 codes to profile (default: the parameter set's focus countries)",
        ),
    ] = None,
    params: ConfigOption = "default",
    overrides: SetOption = None,
    output_dir: OutputDirOption = None,
    all_hosts: Annotated[
        bool, typer.Option("--all-hosts", help="profile every country hosting anyone that year")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="execute again even if unchanged")] = False,
    keep_runs: KeepRunsOption = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="address of a Dask scheduler to run the profiles on, e.g. tcp://host:8786",
        ),
    ] = None,
    language: LanguageOption = None,
) -> None:
    """Build one country profile (a factsheet of one or two pages) per host country,
    each published as reports/profiles/<ISO3>/report.<language>.pdf, and list every
    published profile in reports/profiles/index.html."""
    from displacement_report.data import unhcr
    from displacement_report.report.batch import run_profiles
    from displacement_report.settings import validate_parameters

    _setup()
    try:
        _, values = _parameter_values(params, overrides, output_dir, language)
        settings = validate_parameters(values)
        if all_hosts:
            codes = unhcr.host_codes(settings.report_year, settings.data_dir)
        else:
            codes = [c.upper() for c in countries] if countries else list(settings.focus_countries)
        # every code checked against the data before the first profile runs
        validate_parameters(values | {"focus_countries": codes})
        with interruptible():
            batch = run_profiles(settings, codes, force=force, scheduler=scheduler)
    except errors.ReportError as exc:
        raise _fail(exc) from None
    for result in batch.published:
        for edition in result.languages:
            typer.echo(f"profile: {result.published / result.edition(edition)[1].name}")
    if batch.index is not None:
        typer.echo(f"index:   {batch.index}")
    _apply_retention(settings.output_dir, keep_runs)
    if batch.failed:
        typer.secho(
            f"error: {len(batch.failed)} profile(s) failed and were not published: "
            + ", ".join(sorted(batch.failed)),
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(EXIT_CODES[errors.NotebookError])


@app.command(cls=_Command, short_help="Download the UNHCR tables from UNHCR's public API.")
def refresh(
    dest: Annotated[
        Path, typer.Argument(metavar="DEST", help="folder to write the CSV tables into")
    ],
    years: Annotated[
        str, typer.Option(metavar="FROM-TO", help="year range, e.g. 2000-2025")
    ] = "1951-2025",
    base_url: Annotated[str, typer.Option(metavar="URL", help="UNHCR API base URL")] = "",
) -> None:
    """Download the UNHCR tables from UNHCR's public API into DEST (same CSV layout)."""
    from displacement_report.data import refresh as api

    _setup()
    try:
        first, _, last = years.partition("-")
        year_from, year_to = int(first), int(last or first)
    except ValueError:
        raise _fail(errors.ParameterError(f"--years expects FROM-TO, got {years!r}")) from None
    try:
        written = api.refresh_tables(dest, year_from, year_to, base_url=base_url or api.API_BASE)
    except errors.ReportError as exc:
        raise _fail(exc) from None
    for path in written:
        typer.echo(f"wrote {path}")


@app.command(short_help="List the notebooks, their parameters and the parameter sets.")
def params() -> None:
    """List the report's notebooks, their parameters, and the named parameter sets."""
    import papermill

    from displacement_report import paths
    from displacement_report.report.build import REPORT_NOTEBOOKS

    for name in REPORT_NOTEBOOKS:
        typer.echo(f"{name}:")
        for pname, spec in papermill.inspect_notebook(str(paths.NOTEBOOKS_DIR / name)).items():
            kind, value, note = spec["inferred_type_name"], spec["default"], spec["help"]
            typer.echo(f"  {pname}: {kind} = {value}  # {note}")
    typer.echo(f"parameter sets in {paths.CONFIG_DIR}: {', '.join(config.available())}")


def _apply_retention(output_dir: Path | None, keep: int | None) -> None:
    if keep is None:
        return
    from displacement_report import paths
    from displacement_report.report.retention import prune as prune_runs

    pruned = prune_runs(output_dir or paths.output_dir(), keep)
    typer.echo(f"removed {len(pruned.removed)} old run(s), {pruned.freed_bytes / 1e6:,.1f} MB")


def _run_folder(given: str, output_dir: Path | None) -> Path:
    """A run folder, or a published name ('latest', 'profiles/JOR') under the output folder."""
    from displacement_report import paths

    candidate = Path(given).expanduser()
    if candidate.exists():
        return candidate.resolve()
    published = (output_dir or paths.output_dir()) / given
    return published.resolve() if published.exists() else candidate


@app.command(cls=_Command, short_help="Compare two runs: numbers, verdicts, rankings, inputs.")
def diff(
    old: Annotated[
        str, typer.Argument(metavar="OLD", help="the earlier run: a folder or a published name")
    ],
    new: Annotated[
        str, typer.Argument(metavar="NEW", help="the later run: a folder or a published name")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON for programs")] = False,
    output_dir: OutputDirOption = None,
) -> None:
    """Compare two runs of the same parameter set: numbers, verdicts, rankings, inputs.
    Exit status 0: nothing changed; 1: something changed; 2: the runs cannot be compared."""
    from displacement_report.report import changes

    _setup()
    try:
        before = changes.load_run(_run_folder(old, output_dir))
        after = changes.load_run(_run_folder(new, output_dir))
        if not changes.same_parameter_set(before, after):
            raise changes.RunFolderError(
                f"{before.path.name} and {after.path.name} were made from different parameter "
                "sets; compare runs of the same set (same name and parameters)"
            )
    except errors.ReportError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None
    found = changes.compare(before, after)
    if as_json:
        typer.echo(found.to_json())
    else:
        typer.echo(found.summary())
        for item in found.data_files:
            typer.echo(f"  input {item['file']}: {item['change']}")
        for item in found.verdicts:
            typer.echo(
                f"  verdict {item['row']} ({item['column']}): {item['old']} -> {item['new']}"
            )
        for item in found.rankings:
            typer.echo(f"  {item['table']}: {item['row']} {item['change']}")
        for item in found.numbers:
            typer.echo(
                f"  {item['exhibit']} | {item['row']} | {item['column']}: "
                f"{item['old']:,.6g} -> {item['new']:,.6g}"
            )
    raise typer.Exit(0 if found.empty else 1)


@app.command(
    cls=_Command, short_help="Headline figures revised between two versions of the UNHCR data."
)
def revisions(
    old_dir: Annotated[
        Path, typer.Argument(metavar="OLD", help="folder with the earlier UNHCR tables")
    ],
    new_dir: Annotated[
        Path, typer.Argument(metavar="NEW", help="folder with the later UNHCR tables")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON for programs")] = False,
) -> None:
    """Headline figures revised between two versions of the UNHCR tables, per year and
    component, and the years that are new. Exit status 0: no difference; 1: revisions."""
    from displacement_report.analysis.revisions import compare_folders

    _setup()
    try:
        found = compare_folders(old_dir, new_dir)
    except errors.ReportError as exc:
        raise _fail(exc) from None
    if as_json:
        record = {
            "revised": found.revised.to_dict("records"),
            "new_years": found.new_years,
            "dropped_years": found.dropped_years,
        }
        typer.echo(json.dumps(record, indent=2, default=int))
    else:
        years = sorted(set(found.revised["year"]))
        typer.echo(
            f"{len(found.revised)} figure(s) revised in {len(years)} year(s)"
            + (f" ({years[0]}-{years[-1]})" if years else "")
            + f"; new years: {found.new_years or 'none'}"
            + (f"; years no longer covered: {found.dropped_years}" if found.dropped_years else "")
        )
        for row in found.revised.itertuples():
            typer.echo(
                f"  {row.year} {row.component}: {row.old:,} -> {row.new:,} ({row.change:+,})"
            )
    raise typer.Exit(0 if found.empty else 1)


@app.command(short_help="Delete old run folders, keeping the newest complete ones.")
def prune(
    keep: Annotated[
        int, typer.Option(min=1, metavar="N", help="complete runs to keep per parameter set")
    ] = 5,
    output_dir: OutputDirOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="list, delete nothing")] = False,
) -> None:
    """Delete old run folders: all but the newest KEEP complete runs of each parameter
    set, and runs abandoned half-way. Published and running runs are never deleted."""
    from displacement_report import paths
    from displacement_report.report.retention import prune as prune_runs

    _setup()
    folder = (output_dir or paths.output_dir()).resolve()
    pruned = prune_runs(folder, keep, dry_run=dry_run)
    verb = "would remove" if dry_run else "removed"
    for run in pruned.removed:
        typer.echo(f"{verb} {run}")
    typer.echo(
        f"{verb} {len(pruned.removed)} run folder(s), {pruned.freed_bytes / 1e6:,.1f} MB; "
        f"kept {pruned.kept}"
    )


if __name__ == "__main__":  # python -m displacement_report.cli
    app()
