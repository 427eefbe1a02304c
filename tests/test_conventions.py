"""Project conventions that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import nbformat
import papermill
import pytest
import yaml

from displacement_report import paths
from displacement_report.report.build import REPORT_NOTEBOOKS

NOTEBOOKS = paths.notebook_files()


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0].lower()


def _canonical(distribution: str) -> str:
    """PEP 503 form: 'PyYAML' and 'pyyaml', 'jupyter_client' and 'jupyter-client' agree."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _imported_modules(source: str) -> set[str]:
    """Top-level names of every absolute import in `source`, late imports included."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.partition(".")[0])
    return names


def _notebook_source(path: Path) -> str:
    from IPython.core.inputtransformer2 import TransformerManager

    cells = nbformat.read(path, as_version=4).cells
    # magics and shell escapes become plain Python, as the kernel runs them
    return "\n".join(
        TransformerManager().transform_cell(c.source) for c in cells if c.cell_type == "code"
    )


def _undeclared(sources: dict[str, str], declared: set[str]) -> list[str]:
    """'file: module' for each third-party import whose distribution is not declared."""
    distributions = packages_distributions()
    first_party = {"displacement_report", "tests"}
    problems = []
    for where, source in sources.items():
        for module in sorted(_imported_modules(source) - first_party):
            if module in sys.stdlib_module_names or module == "__future__":
                continue
            provided_by = {_canonical(d) for d in distributions.get(module, [])}
            if not provided_by:
                problems.append(f"{where}: {module} (no installed distribution provides it)")
            elif not provided_by & declared:
                problems.append(f"{where}: {module} (from {sorted(provided_by)})")
    return problems


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


def test_every_directly_imported_library_is_declared():
    """A library the code imports is a dependency of its own, not a lucky side effect
    of another package's requirements (which may drop it in any release)."""
    project = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_canonical(_name(r)) for r in project["dependencies"]}
    dev = {_canonical(_name(r)) for r in project["optional-dependencies"]["dev"]}
    root = paths.PROJECT_ROOT
    package = {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(paths.PACKAGE_DIR.rglob("*.py"))
    }
    notebooks = {str(p.relative_to(root)): _notebook_source(p) for p in NOTEBOOKS}
    tests = {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted((root / "tests").rglob("*.py"))
    }
    problems = _undeclared(package | notebooks, runtime) + _undeclared(tests, runtime | dev)
    assert not problems, (
        "imported but not declared in pyproject.toml (dependencies for src/ and notebooks/, "
        "dev for tests/):\n  " + "\n  ".join(problems)
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
    for module in sorted((paths.PACKAGE_DIR / "present" / "charts").glob("*.py")):
        charts = module.read_text()
        figures_made = len(re.findall(r"plt\.subplots\(", charts))
        assert figures_made == len(re.findall(r"style\.add_source\(", charts)), module.name


def test_every_report_parameter_is_documented_for_users():
    from displacement_report.settings import ReportSettings

    page = (paths.PROJECT_ROOT / "docs" / "parameters.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", page, re.M))
    assert documented == set(ReportSettings.model_fields)


#: Where a path named in the developer documentation may be written from.
_DOC_ROOTS = ("", "src/displacement_report/", "src/displacement_report/report/")
_DOC_PATH = re.compile(r"`([\w./-]+/[\w.-]+\.(?:py|csv|md|yml|css|ipynb))`")


@pytest.mark.parametrize(
    "doc",
    [
        "DEVELOPMENT.md",
        "README.md",
        *sorted(f"docs/{p.name}" for p in (paths.PROJECT_ROOT / "docs").glob("*.md")),
    ],
)
def test_every_file_the_developer_docs_name_exists(doc):
    """A renamed module or moved test leaves no stale path in the docs a newcomer follows."""
    root = paths.PROJECT_ROOT
    text = (root / doc).read_text(encoding="utf-8")
    stale = [
        name
        for name in _DOC_PATH.findall(text)
        if not any((root / prefix / name).exists() for prefix in _DOC_ROOTS)
    ]
    assert not stale, f"{doc} names files that do not exist: {stale}"
