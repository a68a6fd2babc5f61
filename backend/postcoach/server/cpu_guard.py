"""A CPU budget per analysis: a pathological draft is stopped, not served for a second.

Most drafts cost a few milliseconds, but some 100 000-character texts (thousands of links, of
emoji, of questions) cost the engine close to a second of CPU — a second during which every
other request of the server shares the GIL with it. The guard measures the CPU time of the
thread doing the analysis (not wall time, which a busy machine stretches) and, past the
budget, raises `CpuBudgetExceeded` in that thread at its next bytecode, with CPython's
PyThreadState_SetAsyncExc (never while it imports). One watchdog thread serves every request;
it sleeps while no analysis runs, and otherwise wakes when the earliest running one could first
reach its budget (CPU time grows no faster than wall time), so ordinary requests cost two lock
operations.

`CpuBudgetExceeded` derives from BaseException so that no `except Exception` in the engine can
swallow it; the caller catches it around the whole guarded block.
"""

from __future__ import annotations

import ctypes
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# The watchdog never sleeps less than this between two looks at a running analysis.
MIN_POLL_SECONDS = 0.002
# An exception delivered inside a callback the interpreter calls on its own (a garbage
# collector callback, a __del__) is printed and dropped there: a block still running this long
# after it was told to stop is told again.
REFIRE_SECONDS = 0.01

# PyThreadState_SetAsyncExc(thread id, exception or NULL), called with the GIL held.
_set_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))
_clear_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))


class CpuBudgetExceeded(BaseException):
    """The guarded block used more CPU time than its budget."""


def _importing(ident: int) -> bool:
    """Whether the thread is inside an import: stopped there, it would leave a module half made
    for every later request. The server warms the engine first, so this is a safety net."""
    frame = sys._current_frames().get(ident)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


def _thread_clock() -> Callable[[], float]:
    """A function giving the calling thread's CPU time, readable from any thread. Where the
    system has no per-thread CPU clock readable by others, wall time (which is never less)."""
    getcpuclockid = getattr(time, "pthread_getcpuclockid", None)
    if getcpuclockid is not None:
        try:
            clock = getcpuclockid(threading.get_ident())
            time.clock_gettime(clock)
        except (OSError, OverflowError):
            pass
        else:
            return lambda: time.clock_gettime(clock)
    return time.monotonic


@dataclass(eq=False)
class _Run:
    ident: int
    clock: Callable[[], float]
    started: float
    fired_at: float | None = None  # CPU time used when last told to stop
    closing: bool = False

    @property
    def fired(self) -> bool:
        return self.fired_at is not None

    def used(self) -> float | None:
        try:
            return self.clock() - self.started
        except OSError:  # the thread ended
            return None


class CpuGuard:
    def __init__(self, budget_seconds: float) -> None:
        self.budget = budget_seconds
        self.stopped = 0  # analyses stopped since the start, for the tests and the log
        self._cond = threading.Condition()
        self._runs: dict[int, _Run] = {}
        self._watchdog: threading.Thread | None = None

    @contextmanager
    def limit(self) -> Iterator[None]:
        """Runs the block within the budget, or raises CpuBudgetExceeded inside it."""
        clock = _thread_clock()
        run = _Run(threading.get_ident(), clock, clock())
        with self._cond:
            self._runs[run.ident] = run
            if self._watchdog is None:
                self._watchdog = threading.Thread(target=self._watch, name="postcoach-cpu-guard",
                                                  daemon=True)
                self._watchdog.start()
            elif len(self._runs) == 1:
                self._cond.notify()
        try:
            yield
        finally:
            run.closing = True  # the watchdog fires no more at this run
            while True:
                try:
                    with self._cond:
                        if self._runs.get(run.ident) is run:
                            del self._runs[run.ident]
                        if run.fired:  # take back what was not delivered yet
                            _clear_async_exc(run.ident, None)
                    break
                except CpuBudgetExceeded:  # delivered while leaving: the block is over anyway
                    continue

    def _watch(self) -> None:
        with self._cond:
            while True:
                if not self._runs:
                    self._cond.wait()
                    continue
                sleep = self.budget
                for run in list(self._runs.values()):
                    used = None if run.closing else run.used()
                    if used is None:
                        continue
                    due = self.budget if run.fired_at is None else run.fired_at + REFIRE_SECONDS
                    if used >= due and not _importing(run.ident):
                        self.stopped += run.fired_at is None
                        run.fired_at = used
                        _set_async_exc(run.ident, CpuBudgetExceeded)
                        due = used + REFIRE_SECONDS
                    sleep = min(sleep, max(due - used, MIN_POLL_SECONDS))
                self._cond.wait(max(sleep, MIN_POLL_SECONDS))
