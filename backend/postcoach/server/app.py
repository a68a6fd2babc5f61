"""The Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, request

from postcoach.contract import DEFAULT_PORT
from postcoach.server import activity, errors, security
from postcoach.server.activity import Activity
from postcoach.server.api import api
from postcoach.server.cpu_guard import CpuGuard
from postcoach.server.history import history_api
from postcoach.server.openapi import check_query
from postcoach.server.pairing import CodeChecker, load_or_create_token


def _documented_query() -> None:
    """After the security gates: a query parameter the document does not name is a 422."""
    if request.url_rule is not None and request.method != "OPTIONS" and request.args:
        check_query(request.url_rule.rule, request.method, request.args.keys())


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
    app.before_request(_documented_query)
    app.register_blueprint(api, url_prefix="/v1")
    app.register_blueprint(history_api, url_prefix="/v1/history")
    return app


def activity_of(app: Flask) -> Activity:
    """The counters the app keeps of its requests (read by the log's summary)."""
    return app.extensions["postcoach.activity"]
