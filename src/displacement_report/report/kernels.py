"""Warm kernels: a notebook run on a kernel that an earlier notebook of the same build
(or batch) started, after its namespace is cleared, instead of a new kernel.

A cold kernel costs a process start and the imports of pandas, matplotlib and the
package (about three seconds here) before the first cell; the tables a kernel has
read stay in its memory caches. Between notebooks the kernel's variables, figures and
cell counter are reset and it moves to the next notebook's folder, so a notebook sees
exactly what a new kernel would show it: the same names defined (none), the same
execution counts, and an undefined name still fails.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import os
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.blocking import BlockingKernelClient
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

log = logging.getLogger(__name__)

#: Run between notebooks: forget every name and figure, count cells from 1 again.
#: What survives a reset (modules, tables kept in memory) is then moved out of the
#: cyclic garbage collector's sight: each later `%reset` runs full collections, which
#: would walk those 150,000-odd objects again after every notebook and every export.
_RESET = """\
%reset -f
import matplotlib.pyplot as _plt
_plt.close("all")
del _plt
import gc as _gc
_gc.freeze()
del _gc
import os as _os
_os.chdir({folder!r})
del _os
get_ipython().execution_count = 1
"""
#: A reset that takes longer than this means the kernel is stuck: start a new one.
RESET_TIMEOUT = 60


def _environment() -> int:
    """This process's environment variables, as a value to compare."""
    return hash(frozenset(os.environ.items()))


class KernelPool:
    """Kernels handed out one notebook at a time and taken back warm. A kernel whose
    notebook failed or whose reset failed is shut down, never handed out again.

    A kernel keeps the environment variables it started with, so a warm kernel is
    handed out only while this process's environment is still the same; after a change
    (a setting read from the environment, a test's) the next notebook gets a new one."""

    def __init__(self, manager_class: type) -> None:
        self._manager_class = manager_class
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._lock = threading.Lock()
        self._all: list = []
        self._started_in: dict[int, int] = {}  # id(manager) -> its environment

    def acquire(self, folder: Path):
        """A kernel manager for the next notebook: a warm kernel made ready for a
        notebook in `folder`, or a new manager whose kernel the executor starts."""
        environment = _environment()
        while True:
            try:
                manager = self._idle.get_nowait()
            except queue.Empty:
                manager = self._manager_class(kernel_name="python3")
                with self._lock:
                    self._all.append(manager)
                    self._started_in[id(manager)] = environment
                return manager
            if self._started_in.get(id(manager)) == environment and _reset(manager, folder):
                return manager
            self.discard(manager)

    def run(self, code: str, folder: Path) -> None:
        """Run `code` on a warm kernel (started if the pool has none idle) in `folder`,
        and take the kernel back. A kernel is a process of its own: code run this way
        from several threads runs at the same time, which threads of this process
        cannot do for pure-Python work. Raises KernelCodeError if the code fails."""
        manager = self.acquire(folder)
        healthy = False
        try:
            if not manager.has_kernel:
                # a loop of its own, closed after: this runs in short-lived threads,
                # where run_sync would leave a loop behind for each
                asyncio.run(manager.start_kernel(cwd=str(folder)))
            content = _execute(manager, code)
            if content["status"] != "ok":
                raise KernelCodeError(
                    f"{content.get('ename', 'error')}: {content.get('evalue', '')}"
                )
            healthy = True
        finally:
            self.release(manager, healthy=healthy)

    def release(self, manager, *, healthy: bool) -> None:
        if healthy and manager.has_kernel:
            self._idle.put(manager)
        else:
            self.discard(manager)

    def discard(self, manager) -> None:
        with self._lock:
            if manager in self._all:
                self._all.remove(manager)
            self._started_in.pop(id(manager), None)
        _shutdown(manager)

    def close(self) -> None:
        with self._lock:
            managers, self._all = self._all, []
            self._started_in.clear()
        for manager in managers:
            _shutdown(manager)


class KernelCodeError(RuntimeError):
    """Code run on a pooled kernel failed; the message is the kernel's error."""


def _execute(manager, code: str, timeout: float | None = None) -> dict:
    """Run `code` on the manager's kernel until it finishes (or `timeout` seconds pass);
    the reply's content. A kernel that dies meanwhile (killed on an interruption, or
    out of memory) raises KernelCodeError within a second instead of a wait for ever."""
    # the manager as parent: the client asks it whether the kernel process runs, rather
    # than trusting heartbeats, which a loaded machine delays past their one second
    client = BlockingKernelClient(parent=manager)
    client.load_connection_info(manager.get_connection_info())
    # a kernel that never answered may still be starting: wait until it does; one that
    # did is listening, and jupyter_client's wait would only add its 0.2 s of IOPub
    # silence (see ReadyKernelClient), four times per factsheet edition. Only the reply
    # is read: no heartbeat, stdin or control channel (nor their threads)
    fresh = not getattr(manager, ANSWERED, False)
    client.start_channels(iopub=fresh, stdin=False, hb=False, control=False)
    try:
        if fresh:
            client.wait_for_ready(timeout=RESET_TIMEOUT)
            setattr(manager, ANSWERED, True)
        asked = client.execute(code, store_history=False)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                reply = client.get_shell_msg(timeout=_POLL_SECONDS)
            except queue.Empty:
                if not _alive(manager):
                    raise KernelCodeError("the kernel stopped before the code finished") from None
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"no reply from the kernel in {timeout} s") from None
                continue
            if reply["parent_header"].get("msg_id") == asked:
                return dict(reply["content"])
    finally:
        client.stop_channels()


#: How often a wait for a kernel's reply checks that the kernel is still running.
_POLL_SECONDS = 1.0
#: Set on a kernel manager once its kernel has answered a request.
ANSWERED = "answered"


class ReadyKernelClient(AsyncKernelClient):
    """The client nbclient gets for a kernel of the pool. jupyter_client's
    `wait_for_ready` asks for kernel_info until the reply comes and IOPub delivers a
    message (so the client is subscribed and no cell output is lost), then waits on
    until IOPub has been silent for 0.2 s. nbclient calls it for every notebook; in a
    factsheet batch the kernels spent a tenth of their time in that last wait. This
    wait stops once IOPub has delivered: later messages of the kernel_info request
    belong to no cell, and nbclient passes over them."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except queue.Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.2)
                except queue.Empty:
                    pass  # IOPub not connected yet: ask again
                else:
                    self._handle_kernel_info_reply(reply)
                    setattr(self.parent, ANSWERED, True)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("the kernel died before it answered")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel did not answer in {timeout} s")


def _alive(manager) -> bool:
    process = getattr(getattr(manager, "provisioner", None), "process", None)
    return process is None or process.poll() is None


def _reset(manager, folder: Path) -> bool:
    try:
        content = _execute(manager, _RESET.format(folder=str(folder)), timeout=RESET_TIMEOUT)
        return bool(content["status"] == "ok")
    except Exception as exc:  # a dead or stuck kernel: the pool starts another
        log.warning("could not reset a warm kernel (%s); starting a new one", exc)
        return False


def _shutdown(manager) -> None:
    if not manager.has_kernel:
        return
    try:
        run_sync(manager.shutdown_kernel)(now=True)
    except Exception as exc:  # already gone; nothing left to stop
        log.debug("kernel shutdown: %s", exc)


class WarmEngine(NBClientEngine):
    """papermill's engine, except that on a kernel it does not own it closes the
    connection it opened: papermill leaves it open when the kernel outlives the
    notebook, and each open connection keeps ZeroMQ sockets alive."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name: str,
        log_output: bool = False,
        stdout_file=None,
        stderr_file=None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs,
    ):
        # as papermill's NBClientEngine does, keeping a handle on the client
        for unused in ("input_path", "timeout", "startup_timeout"):
            kwargs.pop(unused, None)
        client = PapermillNotebookClient(
            nb_man,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logging.getLogger("papermill"),
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            **kwargs,
        )
        # the executed copy is written when the notebook starts and when it ends (with
        # an error, or whatever a dying kernel left), not before and after every cell
        # as well: that rewrote the whole notebook, charts and all, some twenty times
        # per factsheet edition, a third of the build process's time in a batch
        nb_man.save = _skip_save
        try:
            return client.execute()
        finally:
            del nb_man.save  # papermill's own again, for the save at the end
            if client.kc is not None and not client.owns_km:
                client.kc.stop_channels()


def _skip_save(**_kwargs) -> None:
    """Stands in for papermill's save between a notebook's start and end."""


ENGINE = "displacement-report-warm"
papermill_engines.register(ENGINE, WarmEngine)


_pool: KernelPool | None = None
_pool_lock = threading.Lock()


def active_pool() -> KernelPool | None:
    return _pool


@contextlib.contextmanager
def warm_kernels(manager_class: type) -> Iterator[KernelPool]:
    """Keep kernels warm for every notebook executed inside the block (a build, or a
    whole batch of profiles); an enclosing block's pool is reused."""
    global _pool
    with _pool_lock:
        outer = _pool
        pool = outer if outer is not None else KernelPool(manager_class)
        _pool = pool
    try:
        yield pool
    finally:
        if outer is None and pool is not _kept:
            with _pool_lock:
                _pool = None
            pool.close()


_kept: KernelPool | None = None


def keep_kernels_warm(manager_class: type) -> KernelPool:
    """Make this process's pool live as long as the process: every later build in it
    (each task a Dask worker runs) uses the same warm kernels. They stop when the
    process exits, or with it if it is killed (a kernel exits when its parent dies)."""
    global _pool, _kept
    with _pool_lock:
        if _kept is None:
            _kept = _pool if _pool is not None else KernelPool(manager_class)
            atexit.register(_kept.close)
        _pool = _kept
        return _kept
