"""Project conventions that a reviewer would otherwise have to remember."""

from __future__ import annotations

import json
import re
import tomllib

import nbformat
import papermill
import yaml

from displacement_report import paths
from displacement_report.report.build import REPORT_NOTEBOOKS

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0].lower()


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    wanted = set(project["dependencies"]) | set(project["optional-dependencies"]["dev"])
    env = yaml.safe_load((paths.PROJECT_ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {r for r in pip_section if not r.startswith("-e")}
    assert listed == wanted, (
        f"only in environment.yml: {sorted(listed - wanted)}; "
        f"only in pyproject.toml: {sorted(wanted - listed)}"
    )
    assert any(str(d).startswith("python=3.11") for d in env["dependencies"])


def test_pre_commit_and_make_run_the_same_ruff():
    """`make lint` uses the ruff pinned in pyproject.toml, pre-commit the one its hook's
    rev names; two versions would format and lint the same code differently."""
    project = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    pins = [r for r in project["optional-dependencies"]["dev"] if _name(r) == "ruff"]
    assert len(pins) == 1 and re.fullmatch(r"ruff==\d+\.\d+\.\d+", pins[0]), (
        f"pin ruff to one exact version in pyproject.toml, found {pins}"
    )
    config = yaml.safe_load((paths.PROJECT_ROOT / ".pre-commit-config.yaml").read_text())
    revs = [r["rev"] for r in config["repos"] if r["repo"].endswith("/ruff-pre-commit")]
    assert revs == ["v" + pins[0].removeprefix("ruff==")], (
        f"pyproject.toml pins {pins[0]}, .pre-commit-config.yaml has rev {revs}"
    )


def test_notebooks_exist_and_the_report_lists_them():
    assert NOTEBOOKS
    assert {nb.name for nb in NOTEBOOKS} >= set(REPORT_NOTEBOOKS)


def test_committed_notebooks_are_clean():
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == "python3", path.name
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [], f"{path.name}: a cell has outputs"
                assert cell.get("execution_count") is None, f"{path.name}: execution count"


def test_notebooks_have_a_typed_commented_parameters_cell_of_literals():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name}: exactly one parameters cell"
        for pname, spec in papermill.inspect_notebook(str(path)).items():
            assert spec["inferred_type_name"] != "None", f"{path.name}: {pname} lacks a type"
            assert spec["help"], f"{path.name}: {pname} lacks a comment"


def test_notebooks_define_no_functions_or_classes():
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                assert not re.search(r"^\s*(def|class) ", cell.source, re.M), path.name


def test_every_chart_in_the_package_gets_a_source_line():
    charts = (paths.PACKAGE_DIR / "present" / "charts.py").read_text()
    figures_made = len(re.findall(r"plt\.subplots\(", charts))
    assert figures_made == len(re.findall(r"style\.add_source\(", charts))
