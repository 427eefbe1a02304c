"""Command line: a thin layer that parses, calls package functions and sets exit codes.

Exit codes: 0 success; 2 invalid parameters or data; 3 a notebook failed;
4 output folder not writable; 5 download failed; 130 interrupted (SIGINT or SIGTERM).
"""

from __future__ import annotations

import contextlib
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
)

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
    str, typer.Option("--config", "-c", help="parameter set: a name in config/ or a YAML path")
]
SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", "-s", help="override one parameter, e.g. --set report_year=2019"),
]
OutputDirOption = Annotated[
    Path | None, typer.Option(help="where run folders and published links go (default: reports/)")
]


def _parameter_values(
    params: str, overrides: list[str] | None, output_dir: Path | None
) -> tuple[str, dict]:
    """A parameter set with the command line's overrides applied: (name, values)."""
    name, values = config.load(params)
    values |= config.parse_overrides(overrides or [])
    if output_dir is not None:
        values["output_dir"] = str(output_dir)
    return name, values


@app.command()
def report(
    params: ConfigOption = "default",
    overrides: SetOption = None,
    output_dir: OutputDirOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="execute again even if nothing changed")
    ] = False,
) -> None:
    """Validate the parameters, execute the notebooks, export HTML and PDF, publish.

    A rerun whose inputs (parameters, notebooks, data, code) are unchanged reuses the
    previous run instead of executing again."""
    from displacement_report.report.build import build_report
    from displacement_report.settings import validate_parameters

    _setup()
    try:
        name, values = _parameter_values(params, overrides, output_dir)
        settings = validate_parameters(values)
        with interruptible():
            result = build_report(settings, config_name=name, force=force)
    except errors.ReportError as exc:
        raise _fail(exc) from None
    typer.echo(f"report: {result.published / result.pdf.name}")
    typer.echo(f"        {result.published / result.html.name}")


@app.command()
def profiles(
    countries: Annotated[
        list[str] | None,
        typer.Argument(help="ISO3 codes to profile (default: the parameter set's focus countries)"),
    ] = None,
    params: ConfigOption = "default",
    overrides: SetOption = None,
    output_dir: OutputDirOption = None,
    all_hosts: Annotated[
        bool, typer.Option("--all-hosts", help="profile every country hosting anyone that year")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="execute again even if unchanged")] = False,
) -> None:
    """Build one country profile per host country, each published as
    reports/profiles/<ISO3>/report.pdf."""
    from displacement_report.data import unhcr
    from displacement_report.report.build import build_profiles
    from displacement_report.settings import validate_parameters

    _setup()
    try:
        _, values = _parameter_values(params, overrides, output_dir)
        settings = validate_parameters(values)
        if all_hosts:
            codes = unhcr.host_codes(settings.report_year, settings.data_dir)
        else:
            codes = [c.upper() for c in countries] if countries else list(settings.focus_countries)
        # every code checked against the data before the first profile runs
        validate_parameters(values | {"focus_countries": codes})
        with interruptible():
            results = build_profiles(settings, codes, force=force)
    except errors.ReportError as exc:
        raise _fail(exc) from None
    for result in results:
        typer.echo(f"profile: {result.published / result.pdf.name}")


@app.command()
def refresh(
    dest: Annotated[Path, typer.Argument(help="folder to write the CSV tables into")],
    years: Annotated[str, typer.Option(help="year range, e.g. 2000-2025")] = "1951-2025",
    base_url: Annotated[str, typer.Option(help="UNHCR API base URL")] = "",
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


@app.command()
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


if __name__ == "__main__":  # python -m displacement_report.cli
    app()
