"""The /v1 endpoints. Security (Host, Origin, token) is enforced before any of them runs."""

from __future__ import annotations

import json
from functools import cache

from flask import Blueprint, current_app, request

from .. import __version__
from ..cli import rule_json
from ..engine import analyze
from ..errors import InputError
from ..rules import all_rules
from .errors import ApiError
from .openapi import check_analyze_request, document
from .security import public

api = Blueprint("api", __name__)


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _json_body() -> object:
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type", "send the body as application/json")
    data = request.get_data(cache=False)  # werkzeug raises the 413 past MAX_CONTENT_LENGTH
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        message = f"the body is not valid JSON: {error.msg} ({where})"
    except UnicodeDecodeError:
        message = "the body is not valid JSON: it is not UTF-8 text"
    except ValueError as error:
        message = f"the body is not valid JSON: {error}"
    except RecursionError:
        message = "the body is not valid JSON: it is nested too deeply"
    raise ApiError(400, "bad_json", message)


@api.get("/health")
@public
def health() -> dict:
    return {"status": "ok", "version": __version__}


@api.post("/analyze")
def analyze_draft() -> dict:
    body = _json_body()
    check_analyze_request(body)
    try:
        return analyze(**body)
    except InputError as error:
        raise ApiError(
            422, "invalid_field", f"{error.field}: {error.message}", field=error.field
        ) from None


@cache
def _rules() -> dict:
    return {"rules": [rule_json(rule) for rule in all_rules()]}


@api.get("/rules")
def rules() -> dict:
    return _rules()


@api.get("/openapi.json")
def openapi() -> dict:
    return document(current_app.config["PORT"])


# Brand profiles (their own issue) add their CRUD routes here, under /v1/profiles, with a
# Profile schema in openapi.SCHEMAS; analyze then takes a profile's name too (the string refusal
# in openapi.check_analyze_request goes, and the fuzz test's profile exception with it).
