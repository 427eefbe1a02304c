"""Shared fixtures: the real UNHCR data, hand-made tables, an isolated cache, and the
few real builds that every test reading a built report or profile shares.

The builds, each made once per test run (docs/testing.md lists who reads which):
`default_report` (config/default.yml, both editions), `report_2001` (a non-default
set: 2001, AFG, PAK and IRN, both editions) and `profiles` (JOR, MLT, KNA and PSE,
both editions). A test that needs a published report to protect uses `tiny_report`;
pipeline behaviour runs on `SMALL_REPORT` or on hand-written notebooks."""

from __future__ import annotations

import functools
import gc
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pypdfium2
import pytest
from filelock import FileLock
from hypothesis import settings
from pypdf import PdfReader

from displacement_report import config, i18n, paths
from displacement_report.data import schemas
from displacement_report.notebook import READ_LOG_ENV
from displacement_report.present import exhibits
from displacement_report.report import build, editions, kernels, publish
from displacement_report.report.execute import IPCKernelManager
from displacement_report.settings import ReportSettings, validate_parameters

REAL_UNHCR_DIR = paths.SHARED_DATA_DIR / "unhcr"

#: Hypothesis's examples per property test that does not set its own: 50 in the whole
#: suite; `make unit`, the edit-test loop, asks for the quick profile (HYPOTHESIS_PROFILE).
settings.register_profile("full", max_examples=50)
settings.register_profile("quick", max_examples=10)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))

#: Two real chapters: enough for pipeline behaviour (reuse, reproducibility, logs,
#: faults) that depends on real charts and tables but not on all nine chapters.
SMALL_REPORT = ("01_global_picture.ipynb", "03_protracted_and_solutions.ipynb")
#: The non-default parameter set every notebook is built with (and readers read).
#: Far from the default: 2001, before UNHCR counted stateless people (2004), asylum
#: decisions by procedure or other people in need of protection (2018); Afghanistan,
#: Pakistan and Iran, the largest origin and hosts of that year.
SET_2001 = {
    "report_year": 2001,
    "baseline_year": 1995,
    "trend_start_year": 1990,
    "focus_countries": ["AFG", "PAK", "IRN"],
}
#: The profiles built once: Jordan (Palestine refugees under UNRWA's mandate), Malta
#: (a small host of many origins), St Kitts and Nevis (a host of five people) and the
#: Palestinian territories (Palestine refugees in their own territory, none hosted).
PROFILED = ("JOR", "MLT", "KNA", "PSE")

#: The session fixtures that build; a test using one runs on the xdist worker that
#: builds it (its group), and the groups start first, the largest build first.
SHARED_BUILDS = ("default_report", "report_2001", "profiles")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection loaded (the package, pandas, matplotlib, every test module) lives
    for the whole run: moved out of the cyclic garbage collector's sight, as a warm
    kernel does after its reset, so that each full collection during the tests does not
    walk it all again (a second of each worker's time in `make unit`)."""
    gc.freeze()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each test that reads a shared build joins that build's xdist group (make test
    runs `--dist loadgroup`), so the two workers never wait for each other's build.
    Then the order: the shared builds' groups, the other slow tests (marked notebook),
    the rest; the quick tests fill the gaps while the last slow one finishes."""
    for item in items:
        for name in SHARED_BUILDS:
            if name in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(name))
        # a module's own group too (a build its tests share: test_new_data_year)
        group = item.get_closest_marker("xdist_group")
        if group is not None and getattr(config.option, "loadgroup", False):
            _join_group(item, group.kwargs.get("name", group.args[0] if group.args else ""))

    def rank(item: pytest.Item) -> int:
        fixtures = getattr(item, "fixturenames", ())
        built = [i for i, name in enumerate(SHARED_BUILDS) if name in fixtures]
        if built:
            return built[0]
        return len(SHARED_BUILDS) + (item.get_closest_marker("notebook") is None)

    items.sort(key=rank)


def _join_group(item: pytest.Item, group: str) -> None:
    """What pytest-xdist does for an `xdist_group` mark, done so that pytest 9 keeps it:
    the group appended to the test's id ('...::test_x@group'). pytest-xdist 3.8 sets
    `item._nodeid`, which pytest 9 no longer reads (the id is `item._id`), so without
    this every test of a group may go to any worker."""
    node_id = getattr(item, "_id", None)
    if node_id is None or "@" in str(node_id):
        return  # pytest 8: pytest-xdist's own renaming works
    item._id = type(node_id).parse(f"{node_id}@{group}")


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the developer's own cache or figures folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv(paths.CACHE_DIR_ENV, str(tmp_path_factory.mktemp("cache")))
    mp.setenv(paths.FIGURES_DIR_ENV, str(tmp_path_factory.mktemp("figures")))
    mp.delenv(paths.UNHCR_DIR_ENV, raising=False)
    yield
    mp.undo()


@pytest.fixture(autouse=True, scope="session")
def _warm_kernels(_isolated_cache: None) -> Iterator[None]:
    """Every build a test runs in this process takes its kernels from one warm pool, as
    a Dask worker's tasks do (kernels.keep_kernels_warm): a kernel's start and imports
    are paid once per test process, not once per build. A kernel is reused only while
    the environment is the one it started in (a test that sets a variable gets a new
    one). Tests of the kernels' own life use `cold_kernels`."""
    pool = kernels.keep_kernels_warm(IPCKernelManager)
    yield
    pool.close()


@pytest.fixture
def cold_kernels(monkeypatch: pytest.MonkeyPatch) -> None:
    """No warm pool of the session: kernels start and stop as in a single build."""
    monkeypatch.setattr(kernels, "_pool", None)
    monkeypatch.setattr(kernels, "_kept", None)


@pytest.fixture(scope="session")
def real_dir() -> Path:
    if not (REAL_UNHCR_DIR / "population.csv").is_file():
        pytest.fail(
            f"the real UNHCR data is expected at {REAL_UNHCR_DIR} (../shared beside the repo)"
        )
    return REAL_UNHCR_DIR


@contextmanager
def _shared_output(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """An output folder all pytest-xdist workers of this run see, held under a lock.

    The first worker to take the lock builds into it; another then finds a run with
    the same input fingerprint there, and the build reuses it instead of executing."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder; each worker's own is below it
    with FileLock(str(root / f"{name}.lock")):
        yield root / name


CLI = [sys.executable, "-m", "displacement_report.cli"]

#: How the default report was built offline: {"returncode", "stderr", "run"}, or
#: {"skipped": reason} where this machine cannot make a network namespace.
OFFLINE_RECORD = "offline-build.json"


def _build_offline(out: Path) -> None:
    """The default report by the command line in a network namespace of its own
    (`unshare -n`): the build every reading test reads also proves that the report
    needs no network. The record says how it went; test_hardening reads it."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-n", "true"]).returncode:
        record: dict[str, object] = {"skipped": "cannot make a network namespace here"}
    else:
        done = subprocess.run(
            ["unshare", "-n", *CLI, "report", "--config", "default", "--output-dir", str(out)],
            capture_output=True,
            text=True,
            timeout=900,
            env=os.environ
            | {
                READ_LOG_ENV: str(out / READ_LOG),
                exhibits.CHECK_CHARTS_ENV: str(out / CHART_RECORD),
            },
        )
        published = out / publish.LATEST
        record = {
            "returncode": done.returncode,
            "stderr": done.stderr[-5000:],
            "run": published.resolve().name if published.exists() else None,
        }
    out.mkdir(parents=True, exist_ok=True)
    (out / OFFLINE_RECORD).write_text(json.dumps(record), encoding="utf-8")


@pytest.fixture(scope="session")
def default_report(tmp_path_factory: pytest.TempPathFactory) -> build.RunResult:
    """The report of config/default.yml (report year 2025, baseline 2019, the letter's
    eight focus countries) on the real data, both editions (Dutch first: `.html` and
    `.pdf` are the Dutch edition; use `.edition("en")`), built once per test run,
    offline where the machine allows it. Tests that change what is published use
    `publish_copy` of another report instead of writing here."""
    with _shared_output(tmp_path_factory, "default-report") as out:
        if not (out / OFFLINE_RECORD).exists():
            _build_offline(out)
        # if the offline build could not be made
        with _logging_reads(out / READ_LOG), _checking_charts(out / CHART_RECORD):
            return build.build_report(default_settings(out), config_name="default")


def default_settings(out: Path) -> ReportSettings:
    """config/default.yml's parameters, publishing into `out`."""
    _, values = config.load("default")
    return validate_parameters(values | {"output_dir": str(out)})


#: Where a shared build's kernels list every file they open (notebook.READ_LOG_ENV):
#: tests/report/test_inputs.py checks each was a registered input.
READ_LOG = "reads.log"
#: Where a shared build records the check of every chart it saves
#: (exhibits.CHECK_CHARTS_ENV): tests/report/test_publication_layout.py reads it.
CHART_RECORD = "charts.jsonl"


def chart_record(build_folder: Path) -> Path:
    """The chart check's record of the shared build published in `build_folder`."""
    return build_folder / CHART_RECORD


@contextmanager
def _checking_charts(record: Path) -> Iterator[None]:
    """Every chart a kernel started inside saves is checked, the result in `record`."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(exhibits.CHECK_CHARTS_ENV, str(record))
        yield


@contextmanager
def _logging_reads(log: Path) -> Iterator[None]:
    """Kernels started inside append every file they open to `log`."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(READ_LOG_ENV, str(log))
        yield


@pytest.fixture(scope="session")
def default_report_offline(default_report: build.RunResult) -> dict:
    """How the default report's offline build went (see `_build_offline`)."""
    return json.loads((default_report.published.parent / OFFLINE_RECORD).read_text())


@pytest.fixture(scope="session")
def report_2001(tmp_path_factory: pytest.TempPathFactory) -> build.RunResult:
    """A non-default parameter set on the real data, both editions (Dutch first): report
    year 2001, baseline 1995, focus countries Afghanistan, Pakistan and Iran (`SET_2001`).
    Built once per run;
    its building is the proof that whatever validation accepts builds, and tests of the
    report's text read it as they read `default_report`."""
    with _shared_output(tmp_path_factory, "report-2001") as out:
        settings = validate_parameters(SET_2001 | {"output_dir": str(out)})
        with _checking_charts(out / CHART_RECORD):
            return build.build_report(settings, config_name="test-2001")


@dataclass(frozen=True)
class Profiles:
    """Profiles published by one `profiles` command into `out` (out/profiles/<ISO3>/)."""

    out: Path
    output: str  # what the command printed
    figures_before: list[str]  # the top-level figures folder before and after the batch
    figures_after: list[str]

    def folder(self, code: str) -> Path:
        return self.out / publish.PROFILES / code

    def edition(self, code: str, language: str) -> tuple[Path, Path]:
        """The HTML and PDF of one country's profile in one language."""
        folder = self.folder(code)
        return folder / editions.report_html(language), folder / editions.report_pdf(language)


@pytest.fixture(scope="session")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> Profiles:
    """The default parameter set's profiles of `PROFILED`, both editions, built once
    per test run through the command line (`displacement-report profiles ...`), into
    `out/profiles/<ISO3>`."""
    from typer.testing import CliRunner

    from displacement_report.cli import app

    with (
        _shared_output(tmp_path_factory, "profiles") as out,
        _logging_reads(out / READ_LOG),
        _checking_charts(out / CHART_RECORD),
    ):
        before = sorted(p.name for p in paths.figures_dir().iterdir())
        result = CliRunner().invoke(app, ["profiles", *PROFILED, "--output-dir", str(out)])
        assert result.exit_code == 0, result.output
        after = sorted(p.name for p in paths.figures_dir().iterdir())
        return Profiles(out, result.output, before, after)


@pytest.fixture(scope="session")
def tiny_report(tmp_path_factory: pytest.TempPathFactory) -> build.RunResult:
    """A published report of one hand-written notebook, English only: for tests that
    need a published report to protect while other runs fail or are interrupted (copy
    it with `publish_copy`)."""
    folder = tmp_path_factory.mktemp("tiny-report")
    notebook = write_notebook(folder / "tiny.ipynb", "report_year: int = 2025  # year", "1 + 1")
    settings = validate_parameters(
        {"report_year": 2019, "output_dir": str(folder / "out"), "language": "en"}
    )
    return build.build_report(settings, config_name="tiny", notebooks=(notebook,))


def publish_copy(report: build.RunResult, output_dir: Path) -> build.RunResult:
    """A copy of `report`'s run folder published in `output_dir`, as a build there
    would have left it: for tests that run more builds into the folder or interrupt
    them, so the shared report stays as it was."""
    run_dir = output_dir / publish.RUNS / report.run_dir.name
    shutil.copytree(report.run_dir, run_dir, symlinks=True)
    link = publish.publish(output_dir, run_dir)
    return build.RunResult.of(run_dir, link, report.languages)


def cli_with_chapters(*notebooks: str | Path) -> list[str]:
    """The command line as its own process (`python -m displacement_report.cli`, then
    the arguments), with a report made of `notebooks` instead of the nine chapters:
    for what the command does as a process (logs, signals, a full disk) that does not
    depend on every chapter."""
    code = (
        "from displacement_report import cli\n"
        "from displacement_report.report import build\n"
        f"build.REPORT_NOTEBOOKS = {tuple(str(n) for n in notebooks)!r}\n"
        "cli.app(prog_name='displacement-report')\n"
    )
    return [sys.executable, "-c", code]


@functools.cache
def pdf_reader(pdf: Path) -> PdfReader:
    """A PDF read once per test process (a whole report takes a second); read only."""
    return PdfReader(pdf)


@functools.cache
def pdf_pages(pdf: Path) -> tuple[str, ...]:
    """The text of each page of a PDF, lines ending in "\n", read once per test process
    with PDFium (a whole report in a third of a second; pypdf's text takes 25 times
    as long). The structure (bookmarks, tags, links) is read with `pdf_reader`."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return tuple(_page_text(document[i]) for i in range(len(document)))
    finally:
        document.close()


def _page_text(page: pypdfium2.PdfPage) -> str:
    text = page.get_textpage().get_text_bounded()
    # PDFium ends lines in "\r\n" and gives a hyphen at a line break (WeasyPrint's
    # hyphenation) as U+0002 or U+FFFE with no line end: the reader sees "-" and a new line
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x02", "-\n").replace("\ufffe", "-\n")


def pdf_text(pdf: Path) -> str:
    """The PDF's text, every run of white space one space."""
    return re.sub(r"\s+", " ", " ".join(pdf_pages(pdf)))


def csv_table(folder: Path, name: str) -> pd.DataFrame:
    """A UNHCR table read with pandas alone (not through the package), empty cells NA:
    where tests take their expected values on the real data from."""
    return pd.read_csv(folder / f"{name}.csv", keep_default_na=False, na_values=[""])


def forcibly_displaced_from_csv(folder: Path, year: int) -> dict[str, int]:
    """UNHCR's total and its parts at the end of `year`, summed from the CSV files as
    UNHCR composes it: refugees, asylum-seekers and others in need of international
    protection (population.csv), Palestine refugees under UNRWA's mandate, and IDMC's
    internally displaced."""
    population = csv_table(folder, "population").query("year == @year")
    parts = {
        "refugees": int(population["refugees"].sum()),
        "unrwa_refugees": int(csv_table(folder, "unrwa").query("year == @year")["total"].sum()),
        "asylum_seekers": int(population["asylum_seekers"].sum()),
        "oip": int(population["oip"].fillna(0).sum()),
        "idps": int(csv_table(folder, "idmc").query("year == @year")["total"].sum()),
    }
    return parts | {"forcibly_displaced": sum(parts.values())}


def in_dutch(message: str, plural: str | None = None, n: int = 1, /, **fields: object) -> str:
    """The Dutch catalogue's translation of the English `message` (its plural form for
    `n` when `plural` is given; a field may be called n too), with `fields` filled in:
    what a Dutch sentence must read, checked by its key and placeholders rather than by
    copying today's Dutch wording into the test. Fails if the catalogue has no Dutch."""
    with i18n.using("nl"):
        text = i18n.ngettext(message, plural, n) if plural else i18n._(message)
    assert text not in (message, plural), f"no Dutch translation of {message!r}"
    return text.format(**fields)


def write_csv(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


POP_HEADER = ",".join(schemas.POPULATION.columns)


def pop_row(year, coo, coa, refugees=0, asylum=0, oip="", **other) -> str:
    values = {
        "year": year,
        "coo": coo,
        "coo_iso": coo,
        "coa": coa,
        "coa_iso": coa,
        "coo_name": f"Origin {coo}",
        "coa_name": f"Host {coa}",
        "refugees": refugees,
        "asylum_seekers": asylum,
        "returned_refugees": 0,
        "idps": 0,
        "returned_idps": 0,
        "stateless": 0,
        "ooc": 0,
        "oip": oip,
        "hst": 0,
    } | other
    return ",".join(str(values[c]) for c in schemas.POPULATION.columns)


@pytest.fixture
def tiny_dir(tmp_path: Path, real_dir: Path) -> Path:
    """A complete, valid, hand-made UNHCR folder: two years, three countries."""
    folder = tmp_path / "unhcr"
    folder.mkdir()
    rows = [
        pop_row(2018, "SYR", "TUR", refugees=100, asylum=10),
        pop_row(2018, "SYR", "JOR", refugees=50),
        pop_row(2019, "SYR", "TUR", refugees=120, asylum=5, oip=7),
        pop_row(2019, "AFG", "TUR", refugees=30),
        pop_row(2019, "SYR", "JOR", refugees=60, asylum=1),
    ]
    write_csv(folder, "population.csv", "\n".join([POP_HEADER, *rows]) + "\n")
    pair = "year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,total\n"
    write_csv(
        folder,
        "unrwa.csv",
        pair + "2018,Pal,GAZ,PSE,Jordan,JOR,JOR,1000\n2019,Pal,GAZ,PSE,Jordan,JOR,JOR,1100\n",
    )
    write_csv(
        folder,
        "idmc.csv",
        pair + "2018,Syria,SYR,SYR,Syria,SYR,SYR,400\n2019,Syria,SYR,SYR,Syria,SYR,SYR,500\n",
    )
    shutil.copy(real_dir / "countries.csv", folder / "countries.csv")
    return folder


def write_notebook(path: Path, parameters: str, *cells: str) -> Path:
    """A small notebook for pipeline tests: a parameters cell, then code cells."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)
    return path
