"""The log and the terminal of a background server: nothing it writes can block it."""

from __future__ import annotations

import logging
import os
import time

from postcoach.server.activity import Activity, QueueLogger, Reporter
from postcoach.server.logs import TERMINAL_QUEUE_LINES, Terminal


def test_a_terminal_nobody_reads_never_blocks_the_writer():
    read_end, write_end = os.pipe()
    try:
        terminal = Terminal(write_end)
        line = "x" * 1023 + "\n"
        started = time.monotonic()
        for _ in range(2000):  # 2 MB: thirty times what a pipe holds
            terminal.write(line)
        assert time.monotonic() - started < 5  # never waited for the pipe
        assert terminal.dropped >= 2000 - TERMINAL_QUEUE_LINES - 100
        assert terminal.flush(0.1) is False  # the pipe is full: flush gives up, in time
        assert os.read(read_end, 1024) == line.encode()  # what went out went out whole
        # Someone reads at last: the writer empties its queue (and lets go of the descriptor
        # before it is closed and its number given to another pipe).
        os.set_blocking(read_end, False)
        while not terminal.flush(0.05):
            try:
                while os.read(read_end, 65536):
                    pass
            except BlockingIOError:
                pass
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_terminal_that_is_read_gets_every_line_in_order():
    read_end, write_end = os.pipe()
    try:
        terminal = Terminal(write_end)
        for number in range(100):
            terminal.write(f"line {number}\n")
        assert terminal.flush(10)
        os.set_blocking(read_end, False)
        received = os.read(read_end, 65536).decode().splitlines()
        assert received == [f"line {number}" for number in range(100)]
    finally:
        os.close(read_end)
        os.close(write_end)


def test_queued_requests_are_counted_and_summed_up_once(caplog):
    activity = Activity()
    queue_logger = QueueLogger(activity)
    for depth in (1, 2, 5, 3):
        queue_logger.warning("Task queue depth is %d", depth)
    activity.request_done(401, "unauthorized", 2.0)
    activity.request_done(200, None, 30.0)
    caplog.set_level(logging.INFO, logger="postcoach.server")
    reporter = Reporter(activity, interval=3600)
    reporter.report()
    reporter.report()  # a quiet window writes nothing
    lines = [record.getMessage() for record in caplog.records]
    assert lines == ["activity: 2 requests; 4 waited for a thread (queue up to 5); refused or "
                     "failed: 1× 401 unauthorized; slowest 30 ms"]
    assert all(record.levelno == logging.INFO for record in caplog.records)
