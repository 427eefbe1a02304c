"""Measure the report pipeline on this machine, in one run, and print the figures:

  (a) the default report, both editions (Dutch and English), cold: empty cache, no
      earlier run (the `report` command);
  (a1) one edition (English), cold, the same way;
  (b) one edition done naively: each notebook through the `papermill` CLI, then
      `jupyter nbconvert` to HTML and to PDF, one command after another;
  (c) a rerun with nothing changed (the `report` command again);
  (d) loading the full population table from the parquet cache and from the CSV;
  (e) a rebuild after editing one chapter's notebook (only that chapter executes), and
      beside it the analyst's preview of that chapter (one edition, HTML): the
      `preview` command in a new process, and `preview --watch` re-rendering it after a
      save on its warm kernel;
  (f) a batch of country profiles (`profiles`, both editions), per profile and
      extrapolated to every host country of the report year; with --all-hosts the
      whole batch is run and timed instead;
  (h) the web edition (site/) of the cold build of (a), written again on its own;
  (g) the maps: the world map of every host (about 170), drawn and saved as an exhibit,
      and a country profile's locator map, each the first in a process (the boundaries
      still to be read) and once more.

Targets: (a1) at most 0.3 of (b); (a) at most 1.5 times (a1); (c) under 2 s;
(e) the preview at most 0.2 of a cold build; every host's profile within 5 minutes; (g) the
world map at most 1 s, a locator map at most 0.2 s; (h) the web edition adds at most 10%
to (a); peak memory under 1.5 GB.
Asserts nothing; `make bench` runs it. Peak memory is the largest resident set of
any process involved (the CLI, papermill, nbconvert or a kernel).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from displacement_report import paths
from displacement_report.report.build import REPORT_NOTEBOOKS

BIN = Path(sys.executable).parent


def run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


PROFILE_SAMPLE = 6


def measure_preview(notebook: Path, output: Path) -> tuple[float, float]:
    """The `preview` command on `notebook` (a new process, a new kernel), then the
    re-render `preview --watch` does after the notebook is saved (a warm kernel)."""
    import threading

    from displacement_report.report import preview
    from displacement_report.settings import validate_parameters

    command = [str(BIN / "displacement-report"), "preview", str(notebook), "--language", "en"]
    cold = run([*command, "--output-dir", str(output)], dict(os.environ))
    settings = validate_parameters({"report_year": 2025, "output_dir": str(output)})
    done: list[float] = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=preview.watch,
        args=(settings, notebook, "en"),
        kwargs={"on_preview": lambda _r: done.append(time.perf_counter()), "stop": stop},
    )
    watcher.start()
    while not done:
        time.sleep(0.05)
    notebook.write_text(notebook.read_text())  # a save: the watcher sees a new time
    saved = time.perf_counter()
    while len(done) < 2:
        time.sleep(0.05)
    stop.set()
    watcher.join()
    return cold, done[1] - saved


def measure_chapter_rebuild() -> tuple[float, float, float, float]:
    """Cold build of a copy of the notebooks, then the rebuild after one edit, then the
    preview of that chapter (command, and re-render on a warm kernel)."""
    import json
    import shutil

    from displacement_report.report import build
    from displacement_report.settings import validate_parameters

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        shutil.copytree(paths.NOTEBOOKS_DIR, root / "notebooks")
        notebooks = tuple(root / "notebooks" / name for name in REPORT_NOTEBOOKS)
        settings = validate_parameters({"report_year": 2025, "output_dir": str(root / "out")})
        start = time.perf_counter()
        build.build_report(settings, notebooks=notebooks)
        cold = time.perf_counter() - start
        edited = notebooks[2]
        nb = json.loads(edited.read_text())
        nb["cells"][0]["source"].append("\n\nAn edited sentence.")
        edited.write_text(json.dumps(nb))
        start = time.perf_counter()
        build.build_report(settings, notebooks=notebooks)
        rebuild = time.perf_counter() - start
        command, warm = measure_preview(edited, root / "preview-out")
        return rebuild, cold, command, warm


def _longer_than_two_pages(output: Path) -> list[str]:
    """The published factsheets with more than two pages (the layout promises two)."""
    from pypdf import PdfReader

    return sorted(
        f"{pdf.parent.name} {pdf.name}"
        for pdf in (output / "profiles").glob("*/report.*.pdf")
        if len(PdfReader(pdf).pages) > 2
    )


def measure_profiles(sample: int | None) -> tuple[float, int, int]:
    """Seconds per profile in a batch of `sample` hosts (None: every host), how many
    hosts there are, and how many profiles failed; names any factsheet longer than two
    pages."""
    from displacement_report.data import unhcr
    from displacement_report.report.batch import run_profiles
    from displacement_report.settings import validate_parameters

    hosts = unhcr.host_codes(2025)
    chosen = hosts if sample is None else hosts[:sample]
    with tempfile.TemporaryDirectory() as scratch:
        settings = validate_parameters({"report_year": 2025, "output_dir": scratch})
        start = time.perf_counter()
        result = run_profiles(settings, chosen)
        seconds = (time.perf_counter() - start) / len(chosen)
        long = _longer_than_two_pages(Path(scratch))
        print(f"factsheets longer than two pages: {len(long)} {' '.join(long)}".rstrip())
        return seconds, len(hosts), len(result.failed)


def measure_site(published: Path) -> float:
    """(h) the web edition of a cold build's run, written again as the build writes it
    (both editions' pages, entry, search pages and indexes): what the site adds."""
    from displacement_report.report import site

    languages = tuple(p.parent.name for p in published.glob(f"{site.SITE}/*/{site.ENTRY}"))
    start = time.perf_counter()
    site.write_site(published.resolve(), languages, "report")
    return time.perf_counter() - start


def measure_builds(root: Path) -> dict[str, float]:
    """(a), (a1), (b) and (c), each with its own empty cache and output folder."""
    times = {}
    for key, extra in (("both", []), ("one", ["--language", "en"])):
        env = os.environ | {
            paths.CACHE_DIR_ENV: str(root / key / "cache"),
            paths.OUTPUT_DIR_ENV: str(root / key / "reports"),
            paths.FIGURES_DIR_ENV: str(root / key / "figures"),
        }
        report = [str(BIN / "displacement-report"), "report", *extra]
        times[key] = run(report, env)
        if key == "both":
            times["rerun"] = run(report, env)
            times["site"] = measure_site(root / key / "reports" / "latest")
    env = os.environ | {paths.CACHE_DIR_ENV: str(root / "naive-cache")}
    start = time.perf_counter()
    for name in REPORT_NOTEBOOKS:
        executed = root / "naive" / name
        executed.parent.mkdir(exist_ok=True)
        notebook = str(paths.NOTEBOOKS_DIR / name)
        cwd = str(paths.NOTEBOOKS_DIR)
        figures = ["-p", "figures_dir", str(root / "naive"), "-p", "language", "en"]
        run([str(BIN / "papermill"), notebook, str(executed), "--cwd", cwd, *figures], env)
        for target in ("html", "weasypdf"):
            run([str(BIN / "jupyter"), "nbconvert", "--to", target, str(executed)], env)
    times["naive"] = time.perf_counter() - start
    return times


def main() -> None:
    all_hosts = "--all-hosts" in sys.argv[1:]
    with tempfile.TemporaryDirectory() as scratch:
        times = measure_builds(Path(scratch))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_load import measure_population_load
    from bench_maps import measure_maps

    csv_s, cache_s, memory_s = measure_population_load(repeat=7)
    edited, cold_copy, preview_command, preview_warm = measure_chapter_rebuild()
    per_profile, hosts, failed = measure_profiles(None if all_hosts else PROFILE_SAMPLE)
    drawn = measure_maps()

    one, both, naive = times["one"], times["both"], times["naive"]
    print(f"notebooks in the default report: {', '.join(REPORT_NOTEBOOKS)}")
    print(f"(a) both editions, cold               : {both:6.2f} s   (a)/(a1) = {both / one:.2f}")
    print(f"(a1) one edition, cold                : {one:6.2f} s")
    print(f"(b) naive papermill + nbconvert CLIs  : {naive:6.2f} s   (a1)/(b) = {one / naive:.2f}")
    print(f"(c) rerun, nothing changed            : {times['rerun']:6.2f} s")
    print(
        f"(h) web edition of (a), both languages: {times['site']:6.2f} s   "
        f"{times['site'] / (both - times['site']):.1%} added to the cold build (target 10%)"
    )
    print(f"(d) population table, CSV + validate  : {csv_s * 1000:6.1f} ms")
    speedup = csv_s / cache_s
    print(f"    population table, parquet cache   : {cache_s * 1000:6.1f} ms   {speedup:.1f}x")
    print(f"    population table, copy in memory  : {memory_s * 1000:6.1f} ms")
    print(
        f"(e) one chapter edited, rebuild       : {edited:6.2f} s   "
        f"{edited / cold_copy:.2f} of the cold build of the same copy ({cold_copy:.2f} s)"
    )
    print(
        f"    preview of that chapter, command  : {preview_command:6.2f} s   "
        f"{preview_command / cold_copy:.2f} of the cold build"
    )
    print(
        f"    preview --watch, after a save     : {preview_warm:6.2f} s   "
        f"{preview_warm / cold_copy:.2f} of the cold build"
    )
    measured = "all" if all_hosts else str(PROFILE_SAMPLE)
    print(
        f"(f) profiles, {measured} countries, both editions: {per_profile:6.2f} s each; "
        f"all {hosts} hosts {'took' if all_hosts else 'would take'} "
        f"{per_profile * hosts / 60:.1f} min; {failed} failed"
    )
    print(
        f"(g) world map, {drawn['hosts']} hosts, saved   : {drawn['world_cold']:6.2f} s first, "
        f"{drawn['world_warm']:.2f} s again"
    )
    print(
        f"    locator map of a profile, saved   : {drawn['locator_cold']:6.2f} s first, "
        f"{drawn['locator_warm']:.2f} s again"
    )
    peak_mb = max(peak_mb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    print(f"peak memory of any process            : {peak_mb:6.0f} MB")


if __name__ == "__main__":
    main()
