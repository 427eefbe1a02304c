"""How a notebook hands its parameters to the package: each one, by name, to
`notebook.start`, so the build's up-front check sees exactly what the notebook will; the
parameters cell and the call written from the settings (`make parameters`); and every
name a notebook takes from the package still there."""

from __future__ import annotations

import ast
import importlib
import shutil
from types import ModuleType

import nbformat
import papermill
import pytest

from displacement_report import paths
from displacement_report.notebook import NOT_SETTINGS
from displacement_report.report import build, parameters
from displacement_report.settings import ReportSettings, parse_settings

NOTEBOOKS = paths.notebook_files()
#: What every chapter declares: every report setting a reader can change, and where its
#: charts go (output_dir and title belong to the build, not to a chapter).
CHAPTER_PARAMETERS = (set(ReportSettings.model_fields) - {"output_dir", "title"}) | {"figures_dir"}


def _start_call(path) -> ast.Call:
    calls = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "start"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "notebook"
            ):
                calls.append(node)
    assert len(calls) == 1, f"{path.name}: one notebook.start(...) call, found {len(calls)}"
    return calls[0]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_declared_parameter_reaches_the_setup_call_by_name(path):
    declared = set(papermill.inspect_notebook(str(path)))
    call = _start_call(path)
    passed = {
        kw.arg: kw.value.id
        for kw in call.keywords
        if kw.arg is not None and isinstance(kw.value, ast.Name)
    }
    assert not call.args, f"{path.name}: pass parameters by name"
    assert set(passed) == declared, (
        f"{path.name}: declared but not passed {sorted(declared - set(passed))}; "
        f"passed but not declared {sorted(set(passed) - declared)}"
    )
    assert all(name == value for name, value in passed.items()), f"{path.name}: name=name"


@pytest.mark.parametrize("name", build.REPORT_NOTEBOOKS)
def test_every_chapter_declares_every_report_parameter(name):
    declared = set(papermill.inspect_notebook(str(paths.NOTEBOOKS_DIR / name)))
    assert declared == CHAPTER_PARAMETERS, (
        f"{name}: missing {sorted(CHAPTER_PARAMETERS - declared)}, "
        f"extra {sorted(declared - CHAPTER_PARAMETERS)}"
    )


def _copy(path, folder):
    """The notebook in `folder`, under its own folder's name (a profile stays one)."""
    copy = folder / path.parent.name / path.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, copy)
    return copy


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_parameters_cell_and_the_setup_call_are_written_from_the_settings(path, tmp_path):
    written = parameters.written_cells(path)
    assert written is not None, f"{path.name}: no cell tagged 'parameters'"
    assert not parameters.rewrite(_copy(path, tmp_path)), (
        f"{path.name}: its parameters cell or notebook.start(...) call differs from "
        "settings.py; run `make parameters`"
    )


def test_make_parameters_rewrites_a_cell_and_a_call_that_differ(tmp_path):
    copy = _copy(paths.NOTEBOOKS_DIR / build.PROFILE_NOTEBOOK, tmp_path)
    notebook = nbformat.read(copy, as_version=4)
    for cell in notebook.cells:
        cell.source = cell.source.replace('country: str = "JOR"', 'country: str = "KEN"')
        cell.source = cell.source.replace("    language=language,\n", "")
    nbformat.write(notebook, copy)
    assert parameters.rewrite(copy)
    cell, call = parameters.written_cells(copy) or ("", "")
    assert cell == parameters.parameters_cell(profile=True)
    assert call == parameters.start_call(profile=True, target="settings, data, figures")
    assert "    language=language,\n" in call
    assert not parameters.rewrite(copy)


def test_a_parameters_cell_declares_each_setting_with_its_type_default_and_meaning():
    cell = parameters.parameters_cell()
    namespace: dict[str, object] = {}
    exec(cell, {}, namespace)  # the literals as papermill's kernel reads them
    declared = {k: v for k, v in namespace.items() if not k.startswith("__")}
    default = parameters.default_settings()
    assert declared["report_year"] == default.report_year == 2025  # config/default.yml
    assert declared["focus_countries"] == list(default.focus_countries)
    assert declared["data_dir"] == "" and declared["language"] == "en"
    assert "baseline_year: int = 2019  # year to compare with; 2019 gives" in cell
    assert f'figures_dir: str = ""  # {NOT_SETTINGS["figures_dir"]}' in cell
    assert list(declared) == parameters.declared()
    profile: dict[str, object] = {}
    exec(parameters.parameters_cell(profile=True), {}, profile)
    assert profile["country"] == "JOR" and "focus_countries" not in profile
    assert "iati_file" not in profile


def test_what_the_build_hands_a_notebook_makes_the_same_settings_again():
    settings = parse_settings(
        {
            "report_year": 2020,
            "baseline_year": 2015,
            "focus_countries": ["JOR", "LBN"],
            "protracted_years": 7,
            "data_dir": "/data/unhcr",
            "language": ["nl", "en"],
            "title": "T",
        }
    )
    handed = parameters.values(settings, "/tmp/figures", "en")
    chapter = {k: handed[k] for k in parameters.declared() if k not in NOT_SETTINGS}
    again = parse_settings(chapter)
    assert again == settings.model_copy(update={"language": ("en",), "title": again.title})
    assert handed["figures_dir"] == "/tmp/figures" and handed["country"] == "JOR"
    assert parameters.values(settings, "")["language"] == "nl"  # the main edition


def _package_names(tree: ast.AST) -> dict[str, object]:
    """What each name a notebook imports from the package stands for."""
    names: dict[str, object] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "displacement_report"
        ):
            module = importlib.import_module(node.module or "")
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
                else:  # a submodule not imported yet
                    names[alias.asname or alias.name] = importlib.import_module(
                        f"{node.module}.{alias.name}"
                    )
    return names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_name_a_notebook_takes_from_the_package_exists(path):
    """A function renamed or moved in the package is found here, not half-way through a
    report build."""
    code = "\n".join(
        c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
    )
    tree = ast.parse(code)
    names = _package_names(tree)
    missing = sorted(
        f"{node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and isinstance(names.get(node.value.id), ModuleType)
        and not hasattr(names[node.value.id], node.attr)
    )
    assert not missing, f"{path.name}: not in the package: {missing}"
