"""How a notebook hands its parameters to the package: each one, by name, to
`notebook.start`, so the build's up-front check sees exactly what the notebook will."""

from __future__ import annotations

import ast

import nbformat
import papermill
import pytest

from displacement_report import paths
from displacement_report.report import build
from displacement_report.settings import ReportSettings

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
