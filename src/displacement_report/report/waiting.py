"""Waiting for threads in a way that Ctrl-C and SIGTERM still reach.

Linux delivers a signal sent to a process to any one of its threads. Python runs the
handler (which raises KeyboardInterrupt) only in the main thread, and only when that
thread next runs Python code. A main thread blocked in `future.result()` without a
timeout sleeps until the future is done, so a signal that landed on a worker thread
waits for the slowest notebook or PDF, however long it takes. Waking up a few times a
second lets the handler run.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, wait
from typing import TypeVar

T = TypeVar("T")

#: How often the main thread wakes up to let a pending signal's handler run (seconds).
POLL_SECONDS = 0.2


def result_of(future: Future[T]) -> T:
    """`future.result()`, interruptible by a signal delivered to any thread."""
    while not future.done():
        wait([future], timeout=POLL_SECONDS)
    return future.result()


def results_in_order(futures: Sequence[Future[T]]) -> list[T]:
    """Every future's result in the given order; the first failure is raised at once."""
    return [result_of(future) for future in futures]
