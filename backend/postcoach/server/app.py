"""The Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask

from postcoach.contract import DEFAULT_PORT
from postcoach.server import errors, security
from postcoach.server.api import api
from postcoach.server.history import history_api
from postcoach.server.pairing import load_or_create_token


def create_app(config: Mapping[str, object] | None = None) -> Flask:
    """The API app. Config: PORT (for the Host check), TOKEN (else the paired one), Flask's."""
    app = Flask(__name__)
    app.config.update(PORT=DEFAULT_PORT, MAX_CONTENT_LENGTH=errors.MAX_BODY_BYTES)
    app.config.update(config or {})
    if not app.config.get("TOKEN"):
        app.config["TOKEN"] = load_or_create_token()
    # The engine's result goes out as it is: its key order, its accents.
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    errors.install(app)
    security.install(app)
    app.register_blueprint(api, url_prefix="/v1")
    app.register_blueprint(history_api, url_prefix="/v1/history")
    return app
