"""Screening many parties on every core of the workstation (rules.md section 9, "Speed").

Screening is pure computation over an index that takes seconds to build and tens of megabytes
to hold, so the workers are forked from the process that holds it: they share its memory,
copy-on-write, instead of receiving a copy. Each worker screens whole chunks and sends back
only the results. Where forking is unavailable (Windows, macOS's default) or there is a single
core or a single chunk, the chunks are screened in this process, one after another: the
results are the same either way, in the same order.

The workers only compute: they read no database, write no file and keep nothing; the caller
stores what they return. A generator that is abandoned (a Stop) ends the workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import warnings
from collections.abc import Callable, Generator, Sequence
from threading import Lock
from typing import Any, Final, TypeVar

__all__ = ["available_workers", "map_chunks"]

State = TypeVar("State")
Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_WORKERS: Final = 8
_STARTING = Lock()
_HANDED_OVER: tuple[Callable[[Any, Any], Any], Any] | None = None
"""What the workers being forked inherit: the function and its state."""


def available_workers() -> int:
    """The cores this process may use (its CPU affinity where the platform has one)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def _forking() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _run(chunk: Sequence[Any]) -> Any:
    assert _HANDED_OVER is not None, "a worker runs only in a process forked by map_chunks"
    function, state = _HANDED_OVER
    return function(state, chunk)


def map_chunks(
    function: Callable[[State, Sequence[Item]], Result],
    state: State,
    items: Sequence[Item],
    *,
    chunk: int,
    workers: int | None = None,
) -> Generator[Result, None, None]:
    """``function(state, part)`` for each part of ``items`` of ``chunk`` items, in order.

    ``function`` must be a module-level function (the workers find it by name) and must not
    write anything. ``workers`` defaults to :func:`available_workers`.
    """
    global _HANDED_OVER
    parts = [items[start : start + chunk] for start in range(0, len(items), max(chunk, 1))]
    count = available_workers() if workers is None else max(1, workers)
    count = min(count, len(parts))
    if count < 2 or not _forking():
        for part in parts:
            yield function(state, part)
        return
    with _STARTING:
        _HANDED_OVER = (function, state)
        # The workers' collector leaves what they inherit alone: walking the index's millions
        # of objects would touch (and so copy) every page of it in every worker.
        frozen_before = gc.get_freeze_count()
        gc.freeze()
        try:
            with warnings.catch_warnings():
                # a desk with threads (the window's worker) forks: the workers only compute
                warnings.simplefilter("ignore", DeprecationWarning)
                pool = multiprocessing.get_context("fork").Pool(count)
        finally:
            if not frozen_before:
                gc.unfreeze()
            _HANDED_OVER = None
    try:
        yield from pool.imap(_run, parts)
    finally:
        pool.terminate()
        pool.join()
