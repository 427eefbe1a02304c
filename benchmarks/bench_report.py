"""Measure the report pipeline on this machine, in one run, and print the figures:

  (a) the default report, cold: empty cache, no earlier run (the `report` command);
  (b) the same done naively: each notebook through the `papermill` CLI, then
      `jupyter nbconvert` to HTML and to PDF, one command after another;
  (c) a rerun with nothing changed (the `report` command again);
  (d) loading the full population table from the parquet cache and from the CSV;
  (e) a rebuild after editing one chapter's notebook (only that chapter executes);
  (f) a batch of country profiles (`profiles`), per profile and extrapolated to every
      host country of the report year.

Targets: (a) at most half of (b); (c) under 2 s; peak memory under 1.5 GB.
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


def measure_chapter_rebuild() -> tuple[float, float]:
    """Cold build of a copy of the notebooks, then the rebuild after one edit."""
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
        return time.perf_counter() - start, cold


def measure_profiles(sample: int) -> tuple[float, int]:
    """Seconds per profile in a batch of `sample` hosts, and how many hosts there are."""
    from displacement_report.data import unhcr
    from displacement_report.report.batch import run_profiles
    from displacement_report.settings import validate_parameters

    hosts = unhcr.host_codes(2025)
    with tempfile.TemporaryDirectory() as scratch:
        settings = validate_parameters({"report_year": 2025, "output_dir": scratch})
        start = time.perf_counter()
        run_profiles(settings, hosts[:sample])
        return (time.perf_counter() - start) / sample, len(hosts)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        env = os.environ | {
            paths.CACHE_DIR_ENV: str(root / "cache"),
            paths.OUTPUT_DIR_ENV: str(root / "reports"),
            paths.FIGURES_DIR_ENV: str(root / "figures"),
        }
        report = [str(BIN / "displacement-report"), "report"]
        cold = run(report, env)
        rerun = run(report, env)

        env[paths.CACHE_DIR_ENV] = str(root / "naive-cache")  # cold for the naive route too
        naive_start = time.perf_counter()
        for name in REPORT_NOTEBOOKS:
            executed = root / "naive" / name
            executed.parent.mkdir(exist_ok=True)
            run(
                [
                    str(BIN / "papermill"),
                    str(paths.NOTEBOOKS_DIR / name),
                    str(executed),
                    "--cwd",
                    str(paths.NOTEBOOKS_DIR),
                    "-p",
                    "figures_dir",
                    str(root / "naive"),
                ],
                env,
            )
            for target in ("html", "weasypdf"):
                run([str(BIN / "jupyter"), "nbconvert", "--to", target, str(executed)], env)
        naive = time.perf_counter() - naive_start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_load import measure_population_load

    csv_s, cache_s = measure_population_load(repeat=7)
    edited, cold_copy = measure_chapter_rebuild()
    per_profile, hosts = measure_profiles(PROFILE_SAMPLE)

    print(f"notebooks in the default report: {', '.join(REPORT_NOTEBOOKS)}")
    print(f"(a) default report, cold              : {cold:6.2f} s")
    print(f"(b) naive papermill + nbconvert CLIs  : {naive:6.2f} s   (a)/(b) = {cold / naive:.2f}")
    print(f"(c) rerun, nothing changed            : {rerun:6.2f} s")
    print(f"(d) population table, CSV + validate  : {csv_s * 1000:6.1f} ms")
    speedup = csv_s / cache_s
    print(f"    population table, parquet cache   : {cache_s * 1000:6.1f} ms   {speedup:.1f}x")
    print(
        f"(e) one chapter edited, rebuild       : {edited:6.2f} s   "
        f"{edited / cold_copy:.2f} of the cold build of the same copy ({cold_copy:.2f} s)"
    )
    print(
        f"(f) profiles, {PROFILE_SAMPLE} countries             : {per_profile:6.2f} s each; "
        f"all {hosts} hosts would take {per_profile * hosts / 60:.1f} min"
    )
    peak_mb = max(peak_mb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    print(f"peak memory of any process            : {peak_mb:6.0f} MB")


if __name__ == "__main__":
    main()
