"""Execute notebooks with papermill: in parallel, on IPC kernels, with progress.

Kernels talk over IPC (Unix sockets) instead of TCP, so two notebooks started at
once can never pick the same port, and no unencrypted TCP port is opened.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import sys
import tempfile
import time
import uuid
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ClassVar

import nbformat
import papermill
from jupyter_client.manager import AsyncKernelManager
from papermill.exceptions import PapermillExecutionError
from papermill.iorw import papermill_io
from traitlets import default

from displacement_report.data.cache import file_sha256
from displacement_report.errors import NotebookError, ParameterError
from displacement_report.report import kernels, waiting

log = logging.getLogger(__name__)

#: The machine has two cores; more kernels than that only queue.
MAX_PARALLEL = 2
#: papermill metadata that changes on every run and says nothing about the content.
_VOLATILE_RUN_KEYS = ("start_time", "end_time", "duration", "exception")


class KernelStopped(RuntimeError):
    """A kernel was stopped because the run was interrupted."""


class IPCKernelManager(AsyncKernelManager):
    """Kernel manager on IPC sockets that registers itself, so an interrupted run can
    stop every kernel it started instead of waiting for their cells to finish."""

    running: ClassVar[weakref.WeakSet[IPCKernelManager]] = weakref.WeakSet()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.stopped = False
        IPCKernelManager.running.add(self)

    @classmethod
    def kill_all(cls) -> None:
        for manager in list(cls.running):
            manager.stopped = True  # one still starting stops as soon as it has started
            manager.kill()

    def kill(self) -> None:
        pid = getattr(getattr(self, "provisioner", None), "pid", None)
        if pid:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)

    async def start_kernel(self, **kwargs) -> None:  # type: ignore[override]
        # an interruption while the kernel process started found no process to stop:
        # without this, the kernel would go on to run the notebook's cells
        await super().start_kernel(**kwargs)
        if self.stopped:
            self.kill()
            raise KernelStopped("the run was interrupted while a kernel started")

    @default("client_factory")
    def _client_factory_default(self) -> type:
        return kernels.ReadyKernelClient

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc"

    @default("ip")
    def _ip_default(self) -> str:
        # For IPC the 'ip' is a socket path prefix; jupyter_client's default is the same
        # 'kernel-ipc' for every kernel, so give each kernel its own.
        return os.path.join(tempfile.gettempdir(), f"dr-kernel-{uuid.uuid4().hex[:12]}-ipc")


def strip_volatile_metadata(path: Path) -> None:
    """Remove timings so two executions of the same inputs give the same file."""
    nb = nbformat.read(path, as_version=4)
    for key in _VOLATILE_RUN_KEYS:
        nb.metadata.get("papermill", {}).pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id
    nbformat.write(nb, path)


def execute_notebook(source: Path, target: Path, parameters: dict[str, object]) -> Path:
    """Run one notebook, on a warm kernel when a pool is active; on failure keep the
    executed copy and say where it failed."""
    pool = kernels.active_pool()
    manager = pool.acquire(source.parent) if pool is not None else None
    healthy = False
    try:
        papermill.execute_notebook(
            str(source),
            str(target),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(source.parent),
            kernel_manager_class=IPCKernelManager,
            km=manager,
            engine_name=kernels.ENGINE,
        )
        healthy = True
    except PapermillExecutionError as exc:
        raise NotebookError(
            f"notebook {source.name} failed in cell {exc.exec_count} ({exc.ename}: {exc.evalue}); "
            f"the executed copy with the error is kept at {target}"
        ) from None
    finally:
        if pool is not None and manager is not None:
            pool.release(manager, healthy=healthy)
    strip_volatile_metadata(target)
    return target


def _reporter(total: int) -> tuple[Callable[[str], None], Callable[[], None]]:
    """A progress bar on a terminal; plain log lines for schedulers and CI logs."""
    if not sys.stderr.isatty():
        return (lambda name: log.info("finished %s", name)), (lambda: None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
    )
    task = progress.add_task("executing notebooks", total=total)
    progress.start()

    def advance(name: str) -> None:
        progress.update(task, advance=1, description=f"finished {name}")

    return advance, progress.stop


def declared_parameters(source: Path) -> set[str]:
    """Names in the notebook's `parameters` cell."""
    return set(_declared(str(source), file_sha256(source)))


@functools.lru_cache(maxsize=64)
def _declared(source: str, _sha256: str) -> frozenset[str]:
    # read once per process and notebook version: a batch checks the same notebook for
    # every country, and papermill parses the whole notebook each time
    return frozenset(papermill.inspect_notebook(source))


def parameters_for(source: Path, available: dict[str, object]) -> dict[str, object]:
    """The subset of `available` the notebook declares; refuse a notebook that declares
    a parameter the report cannot give it (it would silently run on its default)."""
    declared = declared_parameters(source)
    missing = sorted(declared - set(available))
    if missing:
        raise ParameterError(
            f"notebook {source.name} declares parameter(s) {missing} that the report does not "
            f"set; it sets: {sorted(available)}"
        )
    return {name: value for name, value in available.items() if name in declared}


def execute_all(jobs: Sequence[tuple[Path, Path, dict[str, object]]]) -> list[Path]:
    """Execute (source, target, parameters) jobs, up to MAX_PARALLEL at once; results in
    input order.

    The first failure is raised after the other running notebooks finish, so every
    executed copy is complete on disk for inspection.
    """
    advance, stop = _reporter(len(jobs))
    # papermill changes the process's folder for each notebook; two at once in threads
    # can leave it in notebooks/, so the folder the command started in is put back
    started_in = os.getcwd()
    _forget_papermill_folder()

    def run(job: tuple[Path, Path, dict[str, object]]) -> Path:
        source, target, parameters = job
        start = time.perf_counter()
        log.info("executing %s", source.name)
        result = execute_notebook(source, target, parameters)
        log.debug("%s took %.1f s", source.name, time.perf_counter() - start)
        advance(source.name)
        return result

    try:
        with (
            kernels.warm_kernels(IPCKernelManager),
            ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(jobs)) or 1) as pool,
        ):
            futures = [pool.submit(run, job) for job in jobs]
            try:
                return waiting.results_in_order(futures)
            except (KeyboardInterrupt, SystemExit):
                # interrupted: stop every kernel now rather than wait for its cells
                for future in futures:
                    future.cancel()
                IPCKernelManager.kill_all()
                raise
    finally:
        stop()
        os.chdir(started_in)
        _forget_papermill_folder()


def _forget_papermill_folder() -> None:
    """papermill keeps the folder it reads and writes notebooks in on a process-wide
    handler, and two notebooks run in threads can leave it set to a folder of an
    earlier build; once that folder is deleted, every later write fails. Our paths are
    absolute, so it needs no folder."""
    papermill_io.get_handler("local").cwd(None)
