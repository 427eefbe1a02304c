"""Faults, hostile strings and arbitrary input: the published report survives, errors
are the project's own, and nothing reaches the network."""

from __future__ import annotations

import ast
import contextlib
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from papermill.translators import PythonTranslator

from displacement_report.data import unhcr
from displacement_report.data.iati import IatiError, read_iati
from displacement_report.errors import DataFileError, ParameterError
from displacement_report.report import batch, build
from displacement_report.settings import parse_settings, validate_parameters
from tests.conftest import (
    POP_HEADER,
    cli_with_chapters,
    pdf_pages,
    pop_row,
    publish_copy,
    write_notebook,
)

CLI = [sys.executable, "-m", "displacement_report.cli"]


def run_cli(args, env_extra=None, preexec_fn=None, command=CLI):
    env = os.environ | (env_extra or {})
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        preexec_fn=preexec_fn,
    )


# --- property tests ------------------------------------------------------------------

CODES = st.sampled_from(["SYR", "TUR", "JOR", "LBN", "afg", "T1", "", "UNK", "XX9"])
COUNTS = st.one_of(
    st.integers(min_value=-5, max_value=10**12),
    st.sampled_from(["", "-", "many", "1e3", "3.5", " 7", "NA"]),
)


# as many tables as the profile gives (tests/conftest.py): each load runs the whole
# pandera schema, and 150 made this one test a fifth of `make unit`
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(1940, 2030), CODES, CODES, COUNTS), min_size=1, max_size=8))
def test_arbitrary_population_tables_load_correctly_or_fail_cleanly(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("prop")
    lines = [POP_HEADER] + [pop_row(y, coo, coa, refugees=r) for y, coo, coa, r in rows]
    (folder / "population.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        table = unhcr.load_table("population", folder, use_cache=False)
    except DataFileError:
        return  # the project's own error, with its message: acceptable
    # accepted: then every value was a clean non-negative integer, and the total is exact
    # ('1e3' is read as the number 1000, which is what it says)
    expected = sum(int(float(str(r).strip())) for _, _, _, r in rows)
    assert int(table["refugees"].sum()) == expected
    assert (table["refugees"] >= 0).all()


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            ["report_year", "baseline_year", "focus_countries", "title", "colour", "data_dir"]
        ),
        st.one_of(
            st.integers(-10, 3000),
            st.text(max_size=12),
            st.lists(st.text(max_size=4), max_size=3),
            st.none(),
            st.floats(allow_nan=True),
        ),
    )
)
def test_arbitrary_parameters_give_settings_or_a_parameter_error(params):
    try:
        settings_ = parse_settings(params)
    except ParameterError as exc:
        assert str(exc).strip()
        return
    assert settings_.baseline_year <= settings_.report_year


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_iati_give_tables_or_an_iati_error(tmp_path_factory, blob):
    path = tmp_path_factory.mktemp("iati") / "file.xml"
    path.write_bytes(b"<iati-activities version='2.03'>" + blob + b"</iati-activities>")
    with contextlib.suppress(IatiError):
        read_iati(path)


# --- bad input not yet covered elsewhere -----------------------------------------------


def test_a_gigantic_field_is_read_whole_or_refused_cleanly(tmp_path):
    huge = pop_row(2019, "SYR", "TUR", refugees=5).replace("Host TUR", "H" * 2_000_000)
    (tmp_path / "population.csv").write_text(POP_HEADER + "\n" + huge + "\n", encoding="utf-8")
    # a 2-million-character name is odd but not wrong: it is kept whole, not cut or mangled
    table = unhcr.load_table("population", tmp_path, use_cache=False)
    assert len(table.loc[0, "coa_name"]) == 2_000_000
    assert table.loc[0, "refugees"] == 5
    # the same field where a number belongs is refused, naming the line and column
    (tmp_path / "population.csv").write_text(
        POP_HEADER + "\n" + pop_row(2019, "SYR", "TUR", refugees="9" * 5000) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"line 2, column 'refugees'"):
        unhcr.load_table("population", tmp_path, use_cache=False)


def test_hostile_parameters_reach_notebooks_only_as_literals():
    hostile = '__import__("os").system("touch /tmp/pwned") # "; import os'
    literal = PythonTranslator.translate(hostile)
    assert ast.literal_eval(literal) == hostile
    assert ast.literal_eval(PythonTranslator.translate(["JOR", hostile])) == ["JOR", hostile]


# --- hostile strings in the output -----------------------------------------------------

HOSTILE_TITLE = '<script>alert(1)</script> **bold** $x$ {__import__("os")} "quoted"'


@pytest.mark.notebook
def test_hostile_title_and_country_name_stay_inert(tmp_path, real_dir):
    data = tmp_path / "unhcr"
    data.mkdir()
    for table in real_dir.glob("*.csv"):  # the same tables (and their cache), but one
        (data / table.name).symlink_to(table)
    countries = data / "countries.csv"
    countries.unlink()
    countries.write_text(
        (real_dir / "countries.csv")
        .read_text(encoding="utf-8")
        .replace(
            # Serbia keeps UNHCR's own name (it covers Kosovo too), so the data's name is shown
            "SRB,SRB,Serbia and Kosovo: S/RES/1244 (1999),",
            'SRB,SRB,"<img src=x onerror=alert(1)> *Ser$bia* [x](http://e)",',
        ),
        encoding="utf-8",
    )
    settings_ = validate_parameters(
        {
            "report_year": 2019,
            "output_dir": str(tmp_path / "out"),
            "data_dir": str(data),
            "title": HOSTILE_TITLE,
            "focus_countries": ["SRB"],
            # the English edition shows the data's own country name; Dutch a CLDR name
            "language": "en",
        }
    )
    result = batch.build_profiles(settings_, ["SRB"])[0]
    page = result.html.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not Path("/tmp/pwned").exists()
    text = "".join(pdf_pages(result.pdf))
    # shown to the reader as the text it is (in the tables' narrow country column, which
    # wraps it; titles name the country as CLDR does: Jordan)
    assert "<imgsrc=xonerror=alert(1)>" in "".join(text.split())
    main = build.build_report(
        settings_.model_copy(update={"focus_countries": ("SRB",)}),
        notebooks=("01_global_picture.ipynb",),
    )
    main_page = main.html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in main_page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in main_page


# --- faults during a run -------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory, tiny_report):
    """An output folder of this module's own with a published report in it."""
    out = tmp_path_factory.mktemp("published")
    publish_copy(tiny_report, out)
    return out


def _snapshot(out: Path) -> tuple[str, bytes, bytes]:
    latest = out / "latest"
    return (
        os.readlink(latest),
        (latest / "report.en.pdf").read_bytes(),
        (latest / "report.en.html").read_bytes(),
    )


#: The largest file a run of the full-disk test may write: smaller than the combined
#: HTML and the PDF of a chapter with `LONG_OUTPUT`, larger than its executed notebook.
FILE_SIZE_LIMIT = 100_000
#: A cell's output of some 80 kB: the run fails late, once the report is being written.
LONG_OUTPUT = "from IPython.display import HTML\nHTML('<p>' + 'word ' * 16_000 + '</p>')"


def _limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


@pytest.mark.notebook
def test_a_full_disk_costs_the_run_but_not_the_published_report(published, tmp_path):
    before = _snapshot(published)
    args = ["report", "--set", "report_year=2019", "--language", "en", "--force"]
    args += ["--output-dir", str(published)]
    long = write_notebook(tmp_path / "long.ipynb", "report_year: int = 2025  # year", LONG_OUTPUT)
    result = run_cli(args, preexec_fn=_limit_file_size, command=cli_with_chapters(long))
    assert result.returncode in (3, 4), result.stderr
    assert "error:" in result.stderr
    assert _snapshot(published) == before
    assert not list(published.rglob("*.part"))
    # the failed run left nothing that stops the next one (a quick report will do)
    quick = write_notebook(tmp_path / "quick.ipynb", "report_year: int = 2025  # year", "1")
    again = run_cli(args, command=cli_with_chapters(quick))
    assert again.returncode == 0, again.stderr


#: Loaded by every Python process of the run (the command and its kernels, which
#: inherit PYTHONPATH): the PDF is written slowly, after leaving a mark.
SLOW_PDF = """\
import os, time
import displacement_report.report.pdf as pdf
def slow(html, base_url=None):
    open(os.environ["SLOW_PDF_MARK"], "w").close()
    time.sleep(60)
pdf.html_to_pdf = slow
"""


@pytest.mark.notebook
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_the_pdf_is_written_leaves_the_published_report(published, tmp_path, signum):
    before = _snapshot(published)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOW_PDF, encoding="utf-8")
    mark = tmp_path / "writing-pdf"
    notebook = write_notebook(tmp_path / "quick.ipynb", "report_year: int = 2025  # year", "1")
    args = ["report", "--set", "report_year=2019", "--language", "en", "--force"]
    args += ["--output-dir", str(published)]
    env = os.environ | {"PYTHONPATH": str(hook), "SLOW_PDF_MARK": str(mark)}
    command = [*cli_with_chapters(notebook), *args]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 300
    while not mark.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert mark.exists(), proc.stderr.read() if proc.poll() is not None else "no PDF begun"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)  # the editions' kernels are stopped, not awaited
    assert proc.returncode == 130, err
    assert _snapshot(published) == before
    assert not list(published.rglob("*.part"))


@pytest.mark.notebook
def test_the_default_report_needs_no_network(default_report, default_report_offline):
    """The shared default report is built by the command line with no network at all
    (conftest.py: `unshare -n`); the tests that read it read that build."""
    if "skipped" in default_report_offline:
        pytest.skip(default_report_offline["skipped"])
    assert default_report_offline["returncode"] == 0, default_report_offline["stderr"]
    assert default_report_offline["run"] == default_report.run_dir.name
    for language in ("nl", "en"):
        assert (default_report.published / f"report.{language}.pdf").is_file()
