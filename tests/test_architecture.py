"""The package's layers (docs/architecture.md): a module imports only modules of its own
layer or a lower one, and no two modules import each other, directly or round a circle.

Every import counts, also one inside a function: a late import hides a dependency from
the reader but not from the interpreter."""

from __future__ import annotations

import ast
import graphlib
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "displacement_report"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

#: The layers, lowest first, by the first part of a module's name under the package.
#: A module may import from its own layer and from the layers below it, never above.
LAYERS: tuple[tuple[str, ...], ...] = (
    # base: what every layer may use (the package itself: its version)
    ("", "errors", "paths", "i18n", "letter", "catalogue"),
    # data: reads, validates and caches the files
    ("data",),
    # the parameters of a report: checked against the data, read by every layer above
    ("config", "settings"),
    # analysis: numbers from the data, no words for readers
    ("analysis",),
    # present: the words, tables and charts a reader sees
    ("present",),
    # what a notebook's setup cell calls
    ("notebook",),
    # report: running the notebooks, exporting, publishing
    ("report",),
    # the command line
    ("cli",),
)


#: Modules below `present` that still write words for readers (gettext), to move to
#: present/ in turn; the list only shrinks (a module not on it may not start to).
WORDS_BELOW_PRESENT = frozenset(
    {
        "data.national_asylum",
        "analysis.asylum",
        "analysis.exchange",
        "analysis.findings",
        "analysis.headline",
        "analysis.hosting",
        "analysis.joins",
        "analysis.solutions",
        "analysis.claims.checks",
        "analysis.claims.references",
        "analysis.claims.wording",
    }
)
GETTEXT = frozenset({"_", "N_", "ngettext", "pgettext"})


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int

    def __str__(self) -> str:
        return f"{self.importer} (line {self.line}) imports {self.imported}"


def module_files(source: Path = SOURCE, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name; a package by its own name."""
    found = {}
    for path in sorted(source.rglob("*.py")):
        parts = [package, *path.relative_to(source).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _nearest_module(name: str, modules: set[str]) -> str | None:
    """The module `name` is, or the package it lies in ('pkg.mod.func' -> 'pkg.mod')."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str, tree: ast.AST, modules: set[str], is_package: bool) -> list[Import]:
    """Every import of a module of the package in `tree`, at any depth."""
    here = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            # 'from pkg import mod' imports the module pkg.mod; 'from mod import f', mod
            names = [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            target = _nearest_module(name, modules)
            if target is not None and target != module:
                found.append(Import(module, target, node.lineno))
    return found


def import_graph(files: dict[str, Path]) -> list[Import]:
    modules = set(files)
    return [
        found
        for module, path in files.items()
        for found in imports_of(
            module, ast.parse(path.read_text(encoding="utf-8")), modules, path.name == "__init__.py"
        )
    ]


def layer_of(module: str, layers=LAYERS) -> int | None:
    """The layer of a module, by the first part of its name under the package."""
    top = module.split(".")[1] if "." in module else ""
    return next((n for n, layer in enumerate(layers) if top in layer), None)


def upward(imports: list[Import], layers=LAYERS) -> list[Import]:
    """The imports of a module from a higher layer than its own."""
    return [
        i
        for i in imports
        if (layer_of(i.imported, layers) or 0) > (layer_of(i.importer, layers) or 0)
    ]


def a_cycle(imports: list[Import]) -> list[str]:
    """Modules that import each other round a circle (the first found), else []."""
    graph: dict[str, set[str]] = {}
    for i in imports:
        graph.setdefault(i.importer, set()).add(i.imported)
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        return list(exc.args[1])
    return []


@pytest.fixture(scope="module")
def graph() -> list[Import]:
    return import_graph(module_files())


def test_every_module_has_a_layer() -> None:
    unplaced = [m for m in module_files() if layer_of(m) is None]
    assert not unplaced, f"add these to LAYERS in {Path(__file__).name}: {unplaced}"


def test_no_module_imports_from_a_higher_layer(graph: list[Import]) -> None:
    assert not upward(graph), "\n".join(map(str, upward(graph)))


def test_no_modules_import_each_other(graph: list[Import]) -> None:
    cycle = a_cycle(graph)
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def writes_words(tree: ast.AST) -> bool:
    """Whether a module imports a gettext function of the package's i18n."""
    return any(
        isinstance(node, ast.ImportFrom)
        and (node.module or "").endswith("i18n")
        and any(alias.name in GETTEXT for alias in node.names)
        for node in ast.walk(tree)
    )


def test_data_and_analysis_leave_the_words_to_present() -> None:
    """Data loads, analysis computes numbers, present writes words."""
    writing = {
        module.removeprefix(PACKAGE + ".")
        for module, path in module_files().items()
        if module.split(".")[1:2] in (["data"], ["analysis"])
        and writes_words(ast.parse(path.read_text(encoding="utf-8")))
    }
    started = sorted(writing - WORDS_BELOW_PRESENT)
    assert not started, f"write these words in present/ instead: {started}"
    moved = sorted(WORDS_BELOW_PRESENT - writing)
    assert not moved, f"no words left in these: take them off WORDS_BELOW_PRESENT: {moved}"


# --- the checker itself, on a package made for the purpose --------------------------------


def _write(folder: Path, files: dict[str, str]) -> dict[str, Path]:
    for name, text in files.items():
        path = folder / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return module_files(folder / "pkg", "pkg")


def test_the_checker_sees_imports_inside_functions_and_relative_ones(tmp_path: Path) -> None:
    files = _write(
        tmp_path,
        {
            "__init__.py": "",
            "low/__init__.py": "",
            "low/a.py": "def f():\n    from pkg.high import b\n",
            "high/__init__.py": "",
            "high/b.py": "from ..low import a\nimport pkg.low.a as again\n",
            "high/c.py": "from pkg.high.b import thing\nfrom . import b\n",
        },
    )
    graph = import_graph(files)
    assert {(i.importer, i.imported, i.line) for i in graph} == {
        ("pkg.low.a", "pkg.high.b", 2),
        ("pkg.high.b", "pkg.low.a", 1),
        ("pkg.high.b", "pkg.low.a", 2),
        ("pkg.high.c", "pkg.high.b", 1),
        ("pkg.high.c", "pkg.high.b", 2),
    }
    layers = (("",), ("low",), ("high",))
    assert [str(i) for i in upward(graph, layers)] == ["pkg.low.a (line 2) imports pkg.high.b"]
    assert set(a_cycle(graph)) == {"pkg.low.a", "pkg.high.b"}


def test_the_checker_finds_no_cycle_where_imports_only_go_down(tmp_path: Path) -> None:
    files = _write(tmp_path, {"a.py": "import pkg.b\n", "b.py": "from pkg import c\n", "c.py": ""})
    graph = import_graph(files)
    assert a_cycle(graph) == []
    assert upward(graph, (("",),)) == []
