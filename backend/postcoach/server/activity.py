"""What the server did, counted instead of logged line by line.

At the default level the log gets no line per request: a reporter thread writes one summary a
minute, and only for a minute that saw pressure — requests that waited for a thread, refusals,
errors, drafts stopped by the CPU guard. With --verbose every request also gets a DEBUG line
(method, path, status, milliseconds; never a body).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter

from flask import Flask, Response, current_app, g, request

logger = logging.getLogger("postcoach.server")

SUMMARY_SECONDS = 60.0


class Activity:
    """Thread-safe counters of one summary window."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        self.requests = 0
        self.queued = 0  # requests that found every thread busy
        self.max_depth = 0
        self.outcomes: Counter[str] = Counter()  # "401 unauthorized", "500 internal_error"…
        self.slowest_ms = 0.0

    def request_done(self, status: int, code: str | None, elapsed_ms: float) -> None:
        with self._lock:
            self.requests += 1
            self.slowest_ms = max(self.slowest_ms, elapsed_ms)
            if status >= 400:
                self.outcomes[f"{status} {code or 'error'}"] += 1

    def task_queued(self, depth: int) -> None:
        """Called by waitress's dispatcher when a request waits for a thread."""
        with self._lock:
            self.queued += 1
            self.max_depth = max(self.max_depth, depth)

    def take_summary(self) -> str | None:
        """The window's summary if it saw pressure (else None), and a new window."""
        with self._lock:
            pressure = self.queued or self.outcomes
            line = None
            if pressure:
                parts = [f"{self.requests} requests"]
                if self.queued:
                    parts.append(f"{self.queued} waited for a thread (queue up to "
                                 f"{self.max_depth})")
                if self.outcomes:
                    parts.append("refused or failed: " + ", ".join(
                        f"{count}× {outcome}" for outcome, count in sorted(self.outcomes.items())
                    ))
                parts.append(f"slowest {self.slowest_ms:.0f} ms")
                line = "; ".join(parts)
            self._reset()
            return line


class QueueLogger:
    """Stands in for waitress's queue logger, which writes a warning for every request that
    waits (under the dispatcher's lock, on the thread that accepts connections): the depth is
    counted instead."""

    def __init__(self, activity: Activity) -> None:
        self.activity = activity

    def warning(self, message: str, depth: int, *args: object) -> None:
        self.activity.task_queued(depth)


class Reporter:
    """Writes the window's summary every `interval` seconds, when there is one to write."""

    def __init__(self, activity: Activity, interval: float = SUMMARY_SECONDS) -> None:
        self.activity = activity
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="postcoach-summary", daemon=True)

    def start(self) -> Reporter:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.report()

    def report(self) -> None:
        if (line := self.activity.take_summary()) is not None:
            logger.info("activity: %s", line)

    def stop(self) -> None:
        """Stops the thread and writes what the last window saw."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self.report()


def _start_clock() -> None:
    g.postcoach_started = time.perf_counter()


def _error_code(response: Response) -> str | None:
    if response.status_code < 400 or response.mimetype != "application/json":
        return None
    try:
        return json.loads(response.get_data())["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def _count(response: Response) -> Response:
    started = g.get("postcoach_started")
    elapsed = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    code = _error_code(response)
    current_app.extensions["postcoach.activity"].request_done(
        response.status_code, code, elapsed
    )
    if logger.isEnabledFor(logging.DEBUG):  # --verbose: one line per request, never a body
        logger.debug("%s %s %d%s %.1f ms", request.method, request.path, response.status_code,
                     f" {code}" if code else "", elapsed)
    return response


def install(app: Flask) -> Activity:
    activity = app.extensions["postcoach.activity"] = Activity()
    app.before_request(_start_clock)
    app.after_request(_count)
    return activity
