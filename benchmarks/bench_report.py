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
  (f) country profiles (`profiles`, both editions, a new process each time): two
      batches of hosts spread over the list (4 and 20), wall and CPU, and from their
      difference the batch's fixed CPU and each host's, so what every host of the
      report year needs; with --all-hosts every host's profile in one batch, timed
      whole (the target: within 5 minutes on this machine, idle);
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
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from displacement_report import paths
from displacement_report.report.build import REPORT_NOTEBOOKS
from displacement_report.report.execute import MAX_PARALLEL

BIN = Path(sys.executable).parent


def run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


#: (f) two batches of these sizes: their difference is the cost of a host.
PROFILE_SAMPLES = (4, 20)


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


@dataclass(frozen=True)
class Batch:
    """One `profiles` command: hosts, wall and CPU seconds (the command and every
    kernel it started), failed profiles, factsheets longer than two pages."""

    hosts: int
    wall: float
    cpu: float
    failed: int
    long: list[str]


def run_profile_batch(codes: list[str]) -> Batch:
    """`displacement-report profiles CODES` in a new process with an empty output
    folder (no earlier run to reuse), timed whole."""
    with tempfile.TemporaryDirectory() as scratch:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [str(BIN / "displacement-report"), "profiles", *codes, "--output-dir", scratch],
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        failed = re.search(r"error: (\d+) profile\(s\) failed", done.stderr)
        if done.returncode and failed is None:
            raise RuntimeError(f"profiles failed: {done.stderr[-2000:]}")
        long = _longer_than_two_pages(Path(scratch))
        return Batch(len(codes), wall, cpu, int(failed.group(1)) if failed else 0, long)


def spread(hosts: list[str], count: int) -> list[str]:
    """`count` hosts spread evenly over the list (large and small hosts, one-page and
    two-page factsheets alike), not the first few in alphabetical order."""
    step = len(hosts) / count
    return [hosts[int(i * step)] for i in range(count)]


def measure_profiles(all_hosts: bool) -> tuple[dict[str, Batch], int]:
    """(f): every host's factsheets in one batch (`all_hosts`), or two batches of
    different sizes, from which the batch's fixed cost (kernels starting, tables read,
    the index page) and the cost of each further host follow; and how many hosts."""
    from displacement_report.data import unhcr

    hosts = unhcr.host_codes(2025)
    if all_hosts:
        return {"all": run_profile_batch(hosts)}, len(hosts)
    small, large = PROFILE_SAMPLES
    return {
        "small": run_profile_batch(spread(hosts, small)),
        "large": run_profile_batch(spread(hosts, large)),
    }, len(hosts)


def report_profiles(batches: dict[str, Batch], hosts: int) -> None:
    for batch in batches.values():
        long = f"; longer than two pages: {' '.join(batch.long)}" if batch.long else ""
        print(
            f"(f) profiles, {batch.hosts:3d} hosts, both editions: {batch.wall:6.1f} s wall, "
            f"{batch.cpu:6.1f} s CPU; {batch.failed} failed{long}"
        )
    if "all" in batches:
        return
    small, large = batches["small"], batches["large"]
    per_host = (large.cpu - small.cpu) / (large.hosts - small.hosts)
    fixed = small.cpu - per_host * small.hosts
    every = fixed + per_host * hosts
    print(
        f"    CPU: {fixed:.1f} s per batch + {per_host:.2f} s per host; all {hosts} hosts "
        f"need about {every:.0f} s of CPU, so at least {every / MAX_PARALLEL / 60:.1f} min "
        f"on {MAX_PARALLEL} idle cores (an estimate; --all-hosts measures it)"
    )


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
    batches, hosts = measure_profiles(all_hosts)
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
    report_profiles(batches, hosts)
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
