"""Serving the app with waitress on the loopback interface."""

from __future__ import annotations

from flask import Flask
from waitress.server import BaseWSGIServer, create_server

from postcoach.server.activity import QueueLogger
from postcoach.server.app import activity_of
from postcoach.server.errors import LEARN_MAX_BODY_BYTES

HOST = "127.0.0.1"
# Waitress buffers a body before the app sees it and answers an oversized one in plain text.
# Four times the app's largest cap (learn's) lets the app give its JSON 413 while absurd bodies
# stop early.
WAITRESS_BODY_LIMIT = 4 * LEARN_MAX_BODY_BYTES

# An analysis may use this much CPU; past it the draft is refused (413 too_complex). The guard
# stops it within a few tens of milliseconds more (the longest C call the engine makes: 40 to
# 60 ms for 50 000 emoji on a busy machine), so a request stays under 200 ms of CPU. Drafts of
# 3 000 characters (LinkedIn's limit) take 6 to 8 ms; 50 000 characters of prose take 100 to
# 150 ms and are refused, with the advice to check a shorter part.
ANALYZE_CPU_SECONDS = 0.08

def make_server(app: Flask, port: int) -> BaseWSGIServer:
    """Bind 127.0.0.1:port (OSError if taken) and listen; `run()` then serves."""
    server = create_server(
        app,
        host=HOST,
        port=port,
        max_request_body_size=WAITRESS_BODY_LIMIT,
        ident="postcoach",
    )
    # Waitress warns once per request that waits for a thread, from the thread that accepts
    # connections and under its dispatcher's lock: under load, a line per request, and a
    # server that stops dead if the line cannot be written. The depth is counted instead.
    server.task_dispatcher.queue_logger = QueueLogger(activity_of(app))
    return server
