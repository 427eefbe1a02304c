"""Warm kernels: a notebook on a kernel an earlier notebook used sees what a new kernel
would show it, and every kernel is gone when the build ends."""

from __future__ import annotations

import asyncio
import os
import subprocess
import threading
import time

import nbformat
import pytest

from displacement_report.errors import NotebookError
from displacement_report.report import kernels
from displacement_report.report.execute import IPCKernelManager, KernelStopped, execute_all
from tests.conftest import write_notebook

pytestmark = [pytest.mark.notebook, pytest.mark.usefixtures("cold_kernels")]


def _kernel_processes() -> set[str]:
    """Kernels this test process started (other test workers start their own)."""
    listing = subprocess.run(["ps", "-eo", "pid,ppid,args"], capture_output=True, text=True)
    mine = str(os.getpid())
    return {
        fields[0]
        for fields in (line.split(None, 2) for line in listing.stdout.splitlines())
        if len(fields) == 3 and fields[1] == mine and "ipykernel_launcher" in fields[2]
    }


def _pid(notebook) -> str:
    (cell,) = [c for c in notebook.cells if c.cell_type == "code" and "getpid()" in c.source]
    return cell.outputs[0]["data"]["text/plain"]


def _counts(path):
    cells = nbformat.read(path, as_version=4).cells
    return [c.execution_count for c in cells if c.cell_type == "code"]


def test_a_warm_kernel_forgets_the_previous_notebook(tmp_path):
    first = write_notebook(
        tmp_path / "first.ipynb", "x = 0", "leftover = 41", "import os\nos.getpid()"
    )
    second = write_notebook(
        tmp_path / "second.ipynb",
        "x = 0",
        "import os\nos.getpid()",
        "leftover + 1",
    )
    before = _kernel_processes()
    with kernels.warm_kernels(IPCKernelManager) as pool:
        execute_all([(first, tmp_path / "out1.ipynb", {})])
        assert len(pool._all) == 1  # one kernel, kept warm
        with pytest.raises(NotebookError, match="NameError: name 'leftover' is not defined"):
            execute_all([(second, tmp_path / "out2.ipynb", {})])
    ran_first = nbformat.read(tmp_path / "out1.ipynb", as_version=4)
    ran_second = nbformat.read(tmp_path / "out2.ipynb", as_version=4)
    assert _pid(ran_first) == _pid(ran_second)  # the same kernel ran both ...
    assert _counts(tmp_path / "out2.ipynb")[:3] == [1, 2, 3]  # ... counting cells from 1
    assert _kernel_processes() <= before  # and it was shut down with the pool


def test_execute_all_keeps_kernels_warm_within_one_call(tmp_path):
    notebooks = [
        write_notebook(tmp_path / f"n{i}.ipynb", "x = 0", "import os\nos.getpid()")
        for i in range(4)
    ]
    before = _kernel_processes()
    execute_all([(nb, tmp_path / f"out{i}.ipynb", {}) for i, nb in enumerate(notebooks)])
    pids = {_pid(nbformat.read(tmp_path / f"out{i}.ipynb", as_version=4)) for i in range(4)}
    assert len(pids) <= 2  # two kernels at most for four notebooks
    assert _kernel_processes() <= before


def test_a_deleted_folder_of_an_earlier_build_does_not_break_the_next(tmp_path):
    """Two notebooks run in threads can leave papermill's process-wide folder set to the
    notebooks folder of an earlier build; once that folder is gone (a temporary copy),
    the next build must still write its executed notebooks."""
    from papermill.iorw import papermill_io

    gone = tmp_path / "deleted-notebooks"
    gone.mkdir()
    papermill_io.get_handler("local").cwd(str(gone))  # what the race leaves behind
    gone.rmdir()
    quick = write_notebook(tmp_path / "quick.ipynb", "x: int = 1  # a number", "y = x + 1")
    # saved after each cell, some of them after the quick one has finished
    slow = write_notebook(
        tmp_path / "slow.ipynb", "x: int = 1  # a number", *["import time; time.sleep(0.4)"] * 4
    )
    done = execute_all(
        [(quick, tmp_path / "q.out.ipynb", {}), (slow, tmp_path / "s.out.ipynb", {})]
    )
    assert all(path.is_file() for path in done)
    assert papermill_io.get_handler("local").cwd(None) is None  # nothing stale left


def test_a_kernel_that_dies_during_code_is_reported_not_waited_for(tmp_path):
    """An interrupted export kills its kernels; the thread waiting on one must learn it."""
    started = tmp_path / "started"

    def kill_once_running() -> None:
        while not started.exists():
            time.sleep(0.1)
        IPCKernelManager.kill_all()

    killer = threading.Thread(target=kill_once_running, daemon=True)
    killer.start()
    with kernels.warm_kernels(IPCKernelManager) as pool:
        waited = time.monotonic()
        with pytest.raises(kernels.KernelCodeError, match="stopped before the code finished"):
            pool.run(f"open({str(started)!r}, 'w').close()\nimport time\ntime.sleep(120)", tmp_path)
        assert time.monotonic() - waited < 60  # not the two minutes of the sleep
        assert not pool._all  # the dead kernel is not handed out again


def test_a_kernel_still_starting_when_the_run_is_interrupted_never_runs_a_cell(tmp_path):
    """Under load an interruption can come while a kernel process is being started,
    when there is no process to kill yet: the kernel must stop once it is up, not go on
    to run the notebook (the run then waited for the notebook's cells)."""
    before = _kernel_processes()
    manager = IPCKernelManager(kernel_name="python3")
    IPCKernelManager.kill_all()  # the interruption, before the kernel process exists
    with pytest.raises(KernelStopped, match="interrupted while a kernel started"):
        asyncio.run(manager.start_kernel(cwd=str(tmp_path)))
    deadline = time.monotonic() + 10
    while _kernel_processes() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _kernel_processes() - before


def test_on_a_warm_kernel_no_notebook_loses_its_first_output(tmp_path):
    """The client of a pooled kernel stops waiting once IOPub has delivered, without
    jupyter_client's further 0.2 s of silence: it must still be subscribed before the
    first cell runs, or an output printed at once would be lost."""
    notebook = write_notebook(tmp_path / "quick.ipynb", "print('first', flush=True)", "1 + 1")
    with kernels.warm_kernels(IPCKernelManager) as pool:
        for run in range(4):
            execute_all([(notebook, tmp_path / f"out{run}.ipynb", {})])
            (manager,) = pool._all
            assert getattr(manager, kernels.ANSWERED) is True
            assert isinstance(manager.client(), kernels.ReadyKernelClient)
            cells = nbformat.read(tmp_path / f"out{run}.ipynb", as_version=4).cells
            first, second = [c for c in cells if c.cell_type == "code"][-2:]
            assert first.outputs[0]["text"] == "first\n"
            assert second.outputs[0]["data"]["text/plain"] == "2"
        # code run on the pool (as the exports are) gets its reply on the warm kernel too
        pool.run("assert 1 + 1 == 2", tmp_path)
        assert len(pool._all) == 1
