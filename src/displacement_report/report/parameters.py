"""The notebooks' parameters, written from the settings (`settings.ReportSettings`, the
one list of report parameters): the values the build hands each notebook, and the
parameters cell and `notebook.start(...)` call every notebook declares, papermill's
idiom (`name: type = default  # what it means`), so an analyst can run a notebook by
hand or with `papermill -p`.

`make parameters` (`python -m displacement_report.report.parameters`) rewrites the cell
and the call of every notebook from here; tests/notebooks/test_notebook_conventions.py
fails while a notebook differs. A notebook's defaults are the default report's
(`config/default.yml`) in English."""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat

from displacement_report import config, i18n, paths
from displacement_report.settings import COUNTRY, NOT_SETTINGS, ReportSettings, parse_settings

#: Settings of the whole build: no notebook declares them.
BUILD_ONLY = ("output_dir", "title")
#: A country profile's one country (`COUNTRY`), which stands for `focus_countries`, and
#: the one a profile run by hand shows.
COUNTRY_COMMENT = "ISO3 code of the host country profiled"
COUNTRY_DEFAULT = "JOR"
#: What a country profile leaves out: it shows no Dutch money, so no IATI file.
NOT_IN_PROFILE = ("iati_file",)
#: The setting of which a notebook renders one value: its edition.
ONE_EDITION = "language"
#: The folder of the country profile's notebook.
PROFILE_FOLDER = "profile"
#: The first line of every parameters cell: ruff leaves the long lines alone.
NO_FORMAT = "# fmt: off"


@dataclass(frozen=True)
class Parameter:
    """One line of a parameters cell."""

    name: str
    default: object  # a literal: int, float, str or list of str
    comment: str

    @property
    def type(self) -> str:
        if isinstance(self.default, list):
            return "list[str]"
        return type(self.default).__name__

    def line(self) -> str:
        literal = (
            json.dumps(self.default, ensure_ascii=False)
            if isinstance(self.default, str | list)
            else repr(self.default)
        )
        return f"{self.name}: {self.type} = {literal}  # {self.comment}"


def _literal(value: object) -> object:
    """A setting as papermill writes it into a cell: a path as text ('' for none), a
    tuple as a list."""
    if value is None or isinstance(value, Path):
        return str(value or "")
    if isinstance(value, tuple):
        return list(value)
    return value


def values(
    settings: ReportSettings, figures_dir: Path | str, language: str | None = None
) -> dict[str, object]:
    """Plain literals for the notebooks' parameters (papermill writes them as code): each
    setting a notebook declares, the profile's `country` (the first focus country), the
    one edition to render (`language`, default the main one) and `figures_dir`.

    Every notebook receives all of them; papermill only warns about names a notebook
    does not declare, and the tests check that each notebook declares what it uses."""
    found: dict[str, object] = {COUNTRY: settings.focus_countries[0]}
    for name in ReportSettings.model_fields:
        if name not in BUILD_ONLY:
            found[name] = _literal(getattr(settings, name))
    found[ONE_EDITION] = language or settings.language[0]
    found["figures_dir"] = str(figures_dir)
    return found


def _comment(name: str) -> str:
    if name == COUNTRY:
        return COUNTRY_COMMENT
    if name in NOT_SETTINGS:
        return NOT_SETTINGS[name]
    field = ReportSettings.model_fields[name]
    extra = field.json_schema_extra
    notebook = extra.get("notebook") if isinstance(extra, dict) else None
    return str(notebook or field.description)


def declared(profile: bool = False) -> list[str]:
    """The names a chapter (or the country profile) declares, in order."""
    names = [name for name in ReportSettings.model_fields if name not in BUILD_ONLY]
    if profile:
        names = [COUNTRY] + [n for n in names if n not in ("focus_countries", *NOT_IN_PROFILE)]
    return names + list(NOT_SETTINGS)


def default_settings() -> ReportSettings:
    """The default report's settings (`config/default.yml`)."""
    return parse_settings(config.load("default")[1])


def parameters(profile: bool = False) -> list[Parameter]:
    """Every parameter a notebook declares, with its default and what it means."""
    defaults = values(default_settings(), "", language=i18n.SOURCE_LANGUAGE)
    defaults[COUNTRY] = COUNTRY_DEFAULT
    return [Parameter(name, defaults[name], _comment(name)) for name in declared(profile)]


def parameters_cell(profile: bool = False) -> str:
    """The source of a notebook's parameters cell."""
    return "\n".join([NO_FORMAT, *(p.line() for p in parameters(profile))])


def start_call(profile: bool = False, target: str = "gs, data, figures") -> str:
    """The setup call that hands each declared parameter to `notebook.start` by name."""
    arguments = "".join(f"    {name}={name},\n" for name in declared(profile))
    return f"{target} = notebook.start(\n{arguments})"


def is_profile(path: Path) -> bool:
    return path.parent.name == PROFILE_FOLDER


def _start_statement(source: str) -> ast.stmt | None:
    """The statement of a cell that calls `notebook.start(...)`, if any."""
    for statement in ast.parse(source).body:
        value = getattr(statement, "value", None)
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "start"
            and isinstance(value.func.value, ast.Name)
            and value.func.value.id == "notebook"
        ):
            return statement
    return None


def written_cells(path: Path) -> tuple[str, str] | None:
    """The notebook's parameters cell and its setup statement as they are written, or
    None where it has no parameters cell."""
    notebook = nbformat.read(path, as_version=4)
    cell = next((c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])), None)
    if cell is None:
        return None
    statement = ""
    for code in (c for c in notebook.cells if c.cell_type == "code"):
        found = _start_statement(code.source)
        if found is not None:
            statement = ast.get_source_segment(code.source, found) or ""
    return cell.source, statement


def rewrite(path: Path) -> bool:
    """Write the notebook's parameters cell and setup statement from the settings;
    True if anything changed."""
    notebook = nbformat.read(path, as_version=4)
    profile = is_profile(path)
    changed = False
    for cell in notebook.cells:
        if "parameters" in cell.metadata.get("tags", []) and cell.source != parameters_cell(
            profile
        ):
            cell.source, changed = parameters_cell(profile), True
        statement = _start_statement(cell.source) if cell.cell_type == "code" else None
        if statement is None or statement.end_lineno is None:
            continue
        lines = cell.source.split("\n")
        target = (
            ast.get_source_segment(cell.source, statement.targets[0])
            if isinstance(statement, ast.Assign)
            else None
        )
        call = start_call(profile, target or "gs, data, figures")
        old = "\n".join(lines[statement.lineno - 1 : statement.end_lineno])
        if old != call:
            lines[statement.lineno - 1 : statement.end_lineno] = call.split("\n")
            cell.source, changed = "\n".join(lines), True
    if changed:
        nbformat.write(notebook, path)
    return changed


def main(notebooks: Sequence[Path] | None = None) -> None:
    for path in notebooks or paths.notebook_files():
        if rewrite(path):
            print(f"rewrote the parameters of {path.relative_to(paths.PROJECT_ROOT)}")


if __name__ == "__main__":
    main([Path(p).resolve() for p in sys.argv[1:]])
