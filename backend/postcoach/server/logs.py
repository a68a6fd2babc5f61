"""Logging that suits a background service: a rotating file in the data directory, and a
terminal that can never block the server.

A server started by a launcher or a supervisor may have its standard output on a pipe nobody
reads. Once that pipe is full, any write to it blocks — and a thread blocked while holding a lock
the others need (waitress logs its queue warnings under the dispatcher's lock) stops every
answer. So after the start banner nothing of the server writes to stdout or stderr on its own
thread: the log goes to a file, and what is meant for the terminal goes through a bounded queue
to one writer thread, which may block alone; past the queue's bound, lines are dropped and
counted. No record ever carries a draft: handlers log methods, paths, statuses and timings.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import queue
import signal
import sys
import threading
from pathlib import Path

from postcoach.paths import data_dir

LOG_FILE_NAME = "postcoach.log"
STACKS_FILE_NAME = "postcoach-stacks.txt"
# 1 MiB and three old files: about a month of a busy day's summaries, and a bounded disk.
LOG_MAX_BYTES = 1024 * 1024
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Lines waiting for a terminal nobody reads; past this, new lines are dropped.
TERMINAL_QUEUE_LINES = 256


def log_path() -> Path:
    return data_dir() / LOG_FILE_NAME


def dump_stacks_on_signal() -> Path | None:
    """Where `kill -USR1 <pid>` makes the server append every thread's stack, on systems that
    have the signal: a server that stops answering says where it waits, and goes on. The stacks
    go to a file of their own, never to a terminal that may be a full pipe. None: no SIGUSR1."""
    if not hasattr(signal, "SIGUSR1"):
        return None
    path = data_dir() / STACKS_FILE_NAME
    # Written from the signal handler in C, with no Python lock: it must stay open for good.
    stacks = open(path, "a", encoding="utf-8", opener=_private_opener)  # noqa: SIM115
    faulthandler.register(signal.SIGUSR1, file=stacks, all_threads=True)
    return path


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


class Terminal:
    """Writes text to a file descriptor from its own daemon thread, so no caller ever waits on
    it. `write` never blocks; `flush(timeout)` waits at most `timeout` for what was queued."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.dropped = 0
        self._lines: queue.Queue[bytes] = queue.Queue(TERMINAL_QUEUE_LINES)
        self._thread = threading.Thread(target=self._run, name="postcoach-terminal", daemon=True)
        self._thread.start()

    def write(self, text: str) -> None:
        try:
            self._lines.put_nowait(text.encode("utf-8", "replace"))
        except queue.Full:
            self.dropped += 1

    def flush(self, timeout: float) -> bool:
        """Waits until the queue is written or `timeout` passed; True if everything went out."""
        done = threading.Event()
        waiter = threading.Thread(target=lambda: (self._lines.join(), done.set()), daemon=True)
        waiter.start()
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            data = self._lines.get()
            try:
                # os.write on the raw descriptor holds no Python lock while it waits: a thread
                # stuck here cannot stop the interpreter from exiting.
                while data:
                    data = data[os.write(self.fd, data):]
            except OSError:  # closed or broken: the terminal went away, the server goes on
                pass
            finally:
                self._lines.task_done()


class TerminalHandler(logging.Handler):
    """A logging handler onto a `Terminal`: formatting happens on the caller's thread, writing
    never does."""

    def __init__(self, terminal: Terminal) -> None:
        super().__init__()
        self.terminal = terminal

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.terminal.write(self.format(record) + "\n")
        except Exception:
            self.handleError(record)


def _private_file_handler(path: Path) -> logging.Handler:
    # The log names paths and profile names: readable by the user alone, like the token.
    path.touch(mode=0o600, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o600)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    return handler


def configure(verbose: bool, out: Terminal | None, err: Terminal | None) -> Path:
    """Sends every log record to the rotating file (and, with `verbose`, to `err` too), and
    what still writes to sys.stdout and sys.stderr to `out` and `err`. Returns the file's path."""
    path = log_path()
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [_private_file_handler(path)]
    if verbose and err is not None:
        handlers.append(TerminalHandler(err))
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
        old.close()
    for handler in handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # A handler that fails (a full disk) must not print its traceback on stderr either.
    logging.raiseExceptions = False
    logging.captureWarnings(True)
    # Anything that still reaches sys.stdout or sys.stderr (a library's print, an uncaught
    # exception in a thread) goes through the terminal writers too, never straight to the fd.
    if out is not None:
        sys.stdout = _TerminalStream(out)  # type: ignore[assignment]
    if err is not None:
        sys.stderr = _TerminalStream(err)  # type: ignore[assignment]
    return path


class _TerminalStream:
    """A text stream onto a `Terminal`: what print() or a traceback writes, without blocking."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.encoding = "utf-8"

    def write(self, text: str) -> int:
        self.terminal.write(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.terminal.fd
