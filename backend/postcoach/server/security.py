"""Who may talk to the server: every web page can reach 127.0.0.1, only the extension may in.

Three gates, in order: the Host header (DNS rebinding), the Origin header (web pages), and the
pairing token (everyone else on the machine). Only health is open without the token.
"""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from flask import Flask, Response, current_app, request
from flask_cors import CORS

from postcoach.server.errors import ApiError

logger = logging.getLogger("postcoach.server")

# flask-cors matches with re.match, hence the \Z.
EXTENSION_ORIGIN = re.compile(r"(?:chrome|moz)-extension://[a-z0-9-]+\Z", re.IGNORECASE)
CORS_HEADERS = ["Authorization", "Content-Type", "If-Match"]
# What the extension's pages may read of an answer besides the simple headers.
EXPOSED_HEADERS = ["ETag", "Location", "Content-Disposition"]

View = TypeVar("View", bound=Callable)


def public(view: View) -> View:
    """Open the endpoint to callers without the token (Host and Origin are still checked)."""
    view.postcoach_public = True  # type: ignore[attr-defined]
    return view


@cache
def allowed_hosts(port: int) -> frozenset[str]:
    return frozenset({f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"})


def _bearer_token_matches(authorization: str, token: str) -> bool:
    scheme, _, given = authorization.partition(" ")
    # Compared as bytes: compare_digest refuses str with non-ASCII characters, which a header
    # may well carry.
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


def _refuse(status: int, code: str, message: str, **headers: str) -> ApiError:
    # One line per refusal only with --verbose: a web page could knock a thousand times a
    # second. The log's summary counts them (activity.py).
    logger.debug("refused %s %s: %s", request.method, request.path, code)
    return ApiError(status, code, message, headers=headers)


def _guard() -> None:
    host = request.environ.get("HTTP_HOST", "").lower()
    if host not in allowed_hosts(current_app.config["PORT"]):
        raise _refuse(403, "host_not_allowed", "this server answers to 127.0.0.1 only")
    origin = request.headers.get("Origin")
    if origin is not None and not EXTENSION_ORIGIN.match(origin):
        raise _refuse(403, "origin_not_allowed", "only the Post Coach extension may call")
    # Preflights never carry credentials; flask-cors answers them.
    if request.method == "OPTIONS":
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "postcoach_public", False):
        return
    if not _bearer_token_matches(
        request.headers.get("Authorization", ""), current_app.config["TOKEN"]
    ):
        raise _refuse(
            401,
            "unauthorized",
            "missing or wrong pairing token; run `postcoach token` and paste it in the "
            "extension's settings",
            **{"WWW-Authenticate": "Bearer"},
        )


def _harden(response: Response) -> Response:
    # Answers describe private drafts: no cache keeps them, no browser guesses their type.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def install(app: Flask) -> None:
    CORS(app, origins=[EXTENSION_ORIGIN], allow_headers=CORS_HEADERS,
         expose_headers=EXPOSED_HEADERS, max_age=600)
    app.before_request(_guard)
    app.after_request(_harden)
