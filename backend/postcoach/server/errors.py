"""Every error leaves the server as {"error": {"code", "message"}}, plus "field" for a 422 and
"version" for a 409 stale_version."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

logger = logging.getLogger("postcoach.server")

MAX_BODY_BYTES = 256 * 1024
# Learning reads a brand's history: 1 000 posts of every size, pasted or exported, come to
# about 1.6 MB of JSON. This route alone takes up to 2 MiB.
LEARN_MAX_BODY_BYTES = 2 * 1024 * 1024

# Werkzeug raises these itself (routing, body cap); the rest come through ApiError.
_HTTP_ERRORS = {
    404: ("not_found", "no such endpoint; the API is described at /v1/openapi.json"),
    405: ("method_not_allowed", "this endpoint does not accept that method"),
}


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit % (1024 * 1024) == 0 else f"{limit // 1024} KiB"


def too_large_message(limit: int | None = None) -> str:
    """The 413's message, for the cap of the route that was asked (the app's by default)."""
    return f"the request body is larger than {_size(limit or MAX_BODY_BYTES)}"


class ApiError(Exception):
    """An answer other than success, raised anywhere while handling a request."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
        version: int | None = None,
        counts: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = dict(headers or {})
        self.version = version  # a profile's current version, on a 409 stale_version
        # Numbers a client shows in its own words: posts read and needed, on not_enough_samples.
        self.counts = dict(counts or {})


def error_response(error: ApiError) -> Response:
    body: dict[str, str | int] = {"code": error.code, "message": error.message}
    if error.field is not None:
        body["field"] = error.field
    if error.version is not None:
        body["version"] = error.version
    body.update(error.counts)
    response = jsonify(error=body)
    response.status_code = error.status
    response.headers.update(error.headers)
    return response


def _from_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    if status == 413:
        code, message = "too_large", too_large_message(request.max_content_length)
    else:
        code, message = _HTTP_ERRORS.get(
            status, (error.name.lower().replace(" ", "_"), error.description or error.name)
        )
    # Keep what the client needs from werkzeug's headers (Allow on a 405), not its HTML type.
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    return error_response(ApiError(status, code, message, headers=headers))


def _from_unexpected(error: Exception) -> Response:
    # An exception's message may quote the draft, so only its type and stack are logged.
    logger.error(
        "internal error %s on %s %s\n%s",
        type(error).__name__,
        request.method,
        request.path,
        "".join(traceback.format_tb(error.__traceback__)).rstrip(),
    )
    return error_response(ApiError(500, "internal_error", "the server failed on this request"))


def install(app: Flask) -> None:
    app.register_error_handler(ApiError, error_response)
    app.register_error_handler(HTTPException, _from_http_exception)
    app.register_error_handler(Exception, _from_unexpected)
