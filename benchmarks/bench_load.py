"""Measure loading the full population table: parsing and validating the CSV, reading
the checksum-keyed parquet cache (as a new process does), and a copy of the table this
process already read (as a warm kernel's next notebook does). Prints figures; asserts
nothing.

    make bench    (or: .venv/bin/python benchmarks/bench_load.py [--repeat N])
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time

from displacement_report import paths
from displacement_report.data import cache, unhcr


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def measure_population_load(repeat: int) -> tuple[float, float, float]:
    """Median seconds to load population.csv: (parse + validate, checksum + parquet,
    checksum + a copy of the table in memory)."""
    with tempfile.TemporaryDirectory() as folder:
        previous = os.environ.get(paths.CACHE_DIR_ENV)
        os.environ[paths.CACHE_DIR_ENV] = folder
        try:
            unhcr.load_population()  # warm imports and fill the cache
            from_csv = timed(lambda: unhcr.load_table("population", use_cache=False), repeat)
            from_parquet = timed(_as_a_new_process, repeat)
            unhcr.load_population()
            from_memory = timed(unhcr.load_population, repeat)
        finally:
            if previous is None:
                os.environ.pop(paths.CACHE_DIR_ENV, None)
            else:
                os.environ[paths.CACHE_DIR_ENV] = previous
    return (
        statistics.median(from_csv),
        statistics.median(from_parquet),
        statistics.median(from_memory),
    )


def _as_a_new_process() -> None:
    cache.forget_loaded_tables()
    unhcr.load_population()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = unhcr.resolve_dir(None)
    csv_s, cache_s, memory_s = measure_population_load(args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"population.csv in {folder} ({(folder / 'population.csv').stat().st_size:,} bytes)")
    print(f"  parse + validate CSV : median {csv_s * 1000:7.1f} ms over {args.repeat} runs")
    print(f"  checksum + parquet   : median {cache_s * 1000:7.1f} ms over {args.repeat} runs")
    print(f"  speed-up             : {csv_s / cache_s:5.1f}x")
    print(f"  a copy kept in memory: median {memory_s * 1000:7.1f} ms over {args.repeat} runs")
    print(f"  peak memory (RSS)    : {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
