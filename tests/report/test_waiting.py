"""A signal that Linux delivers to a worker thread still interrupts the main thread's
wait (the cause of an interrupted build that went on until its slowest notebook ended)."""

from __future__ import annotations

import signal
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from displacement_report.report import waiting


def _signal_the_worker(started: threading.Event, thread_id: list[int]) -> None:
    """Once the worker runs, deliver SIGINT to the worker thread, not the main one."""
    started.wait(5)
    time.sleep(0.1)
    signal.pthread_kill(thread_id[0], signal.SIGINT)


def _slow_job(started: threading.Event, thread_id: list[int], release: threading.Event) -> str:
    thread_id.append(threading.get_ident())
    started.set()
    release.wait(30)  # a notebook's long cell
    return "finished"


def test_a_signal_on_a_worker_thread_interrupts_the_wait_at_once():
    started, release, thread_id = threading.Event(), threading.Event(), []
    sender = threading.Thread(target=_signal_the_worker, args=(started, thread_id))
    begun = time.monotonic()
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_slow_job, started, thread_id, release)
        sender.start()
        try:
            with pytest.raises(KeyboardInterrupt):
                waiting.results_in_order([future])
        finally:
            release.set()
    sender.join()
    assert time.monotonic() - begun < 5  # not the job's 30 s


def test_results_come_in_the_given_order_and_a_failure_is_raised():
    first, second = Future(), Future()
    second.set_result(2)
    first.set_result(1)
    assert waiting.results_in_order([first, second]) == [1, 2]
    failed: Future[int] = Future()
    failed.set_exception(TimeoutError("a job's own timeout, not the wait's"))
    with pytest.raises(TimeoutError, match="a job's own timeout"):
        waiting.result_of(failed)
