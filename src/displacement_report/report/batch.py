"""Country profiles in a batch: in parallel on this machine, or as tasks on a Dask
cluster (`scheduler`). Each profile is its own run, published atomically as a
factsheet; a profile that fails is reported and publishes nothing, and the others go
on. The batch ends by rewriting the index page of every published profile."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from displacement_report import paths
from displacement_report.errors import NotebookError, ReportError
from displacement_report.report import build, kernels, profile_index, publish, waiting
from displacement_report.report.execute import MAX_PARALLEL, IPCKernelManager
from displacement_report.report.export import FACTSHEET
from displacement_report.settings import PROFILE_TITLE, ReportSettings

log = logging.getLogger(__name__)

#: A future, local (concurrent.futures) or Dask's.
F = TypeVar("F")


@dataclass
class BatchResult:
    published: list[build.RunResult] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # ISO3 -> what went wrong
    index: Path | None = None  # the page listing every published profile


def profile_settings(settings: ReportSettings, code: str, name: str) -> ReportSettings:
    return settings.model_copy(update={"focus_countries": (code,), "title": PROFILE_TITLE})


def build_one_profile(
    settings: ReportSettings, code: str, name: str, force: bool, notebook: str | Path
) -> build.RunResult:
    """One profile, built and published; the unit of work of a batch (local or Dask)."""
    return build.build_report(
        profile_settings(settings, code, name),
        config_name=f"profile-{code}",
        notebooks=(notebook,),
        force=force,
        link_name=f"{publish.PROFILES}/{code}",
        layout=FACTSHEET,
    )


def run_profiles(
    settings: ReportSettings,
    countries: Sequence[str],
    *,
    force: bool = False,
    scheduler: str | None = None,
    workers: int = MAX_PARALLEL,
    notebook: str | Path = build.PROFILE_NOTEBOOK,
) -> BatchResult:
    """Build every country's profile, then list every published profile (these and
    earlier ones) in `profiles/index.html`; codes are validated by the caller."""
    from displacement_report.data.unhcr import country_names

    names = country_names(settings.data_dir)
    jobs = [(settings, code, names.get(code, code), force, notebook) for code in countries]
    batch = _on_cluster(scheduler, jobs) if scheduler else _locally(jobs, workers)
    output_dir = settings.output_dir or paths.output_dir()
    batch.index = profile_index.write_index(
        output_dir, names, publish.PROFILES, lang=settings.language[0]
    )
    return batch


def build_profiles(
    settings: ReportSettings, countries: Sequence[str], *, force: bool = False
) -> list[build.RunResult]:
    """One country profile per ISO3 code, each its own run published as
    `<output>/profiles/<ISO3>`; the first failure is raised once all have run (the
    command line uses `run_profiles`, which reports every failure)."""
    batch = run_profiles(settings, countries, force=force)
    if batch.failed:
        raise NotebookError("; ".join(f"{c}: {m}" for c, m in batch.failed.items()))
    return batch.published


def _locally(jobs: list[tuple], workers: int) -> BatchResult:
    """Each profile in a thread of this process, all sharing one set of warm kernels:
    no profile pays a cold start."""
    with (
        kernels.warm_kernels(IPCKernelManager),
        ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool,
    ):
        futures = [pool.submit(build_one_profile, *job) for job in jobs]
        try:
            return _collect([job[1] for job in jobs], futures, waiting.result_of)
        except (KeyboardInterrupt, SystemExit):
            for future in futures:
                future.cancel()
            IPCKernelManager.kill_all()  # the running profiles stop now, publish nothing
            raise


def _profile_task(
    settings: ReportSettings, code: str, name: str, force: bool, notebook: str | Path
) -> build.RunResult:
    """One profile as a Dask task: on the worker's own warm kernels, which stay up for
    the worker's next tasks (no task pays a cold kernel start but the worker's first)."""
    kernels.keep_kernels_warm(IPCKernelManager)
    return build_one_profile(settings, code, name, force, notebook)


def _on_cluster(scheduler: str, jobs: list[tuple]) -> BatchResult:
    """Each profile a task on the Dask cluster at `scheduler` (an address, or a Client's
    scheduler). Workers must see the same folders (data, project, output)."""
    from dask.distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        futures = [
            client.submit(_profile_task, *job, key=f"profile-{job[1]}-{id(job)}", pure=False)
            for job in jobs
        ]
        return _collect([job[1] for job in jobs], futures, lambda f: f.result())


def _collect(
    countries: Sequence[str], futures: Sequence[F], result: Callable[[F], build.RunResult]
) -> BatchResult:
    """Each future's result, or its country's failure; `futures` local or Dask's."""
    batch = BatchResult()
    for code, future in zip(countries, futures, strict=True):
        try:
            batch.published.append(result(future))
        except ReportError as exc:
            log.error("profile %s failed: %s", code, exc)
            batch.failed[code] = str(exc)
    return batch
