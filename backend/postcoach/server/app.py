"""The Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask

from postcoach.contract import DEFAULT_PORT
from postcoach.server import activity, errors, security
from postcoach.server.activity import Activity
from postcoach.server.api import api
from postcoach.server.cpu_guard import CpuGuard
from postcoach.server.pairing import CodeChecker, load_or_create_token


def create_app(config: Mapping[str, object] | None = None) -> Flask:
    """The API app. Config: PORT (for the Host check), TOKEN (else the paired one),
    ANALYZE_CPU_SECONDS (the CPU budget of one analysis, None: no budget; `serve` sets one once
    the engine is warm, see cpu_guard.py), Flask's."""
    app = Flask(__name__)
    app.config.update(PORT=DEFAULT_PORT, MAX_CONTENT_LENGTH=errors.MAX_BODY_BYTES,
                      ANALYZE_CPU_SECONDS=None)
    app.config.update(config or {})
    if not app.config.get("TOKEN"):
        app.config["TOKEN"] = load_or_create_token()
    # The engine's result goes out as it is: its key order, its accents.
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    activity.install(app)
    if app.config["ANALYZE_CPU_SECONDS"]:
        app.extensions["postcoach.cpu_guard"] = CpuGuard(app.config["ANALYZE_CPU_SECONDS"])
    app.extensions["postcoach.pairing"] = CodeChecker()
    errors.install(app)
    security.install(app)
    app.register_blueprint(api, url_prefix="/v1")
    return app


def activity_of(app: Flask) -> Activity:
    """The counters the app keeps of its requests (read by the log's summary)."""
    return app.extensions["postcoach.activity"]
