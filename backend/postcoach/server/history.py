"""/v1/history: record a published post, list, import, export, delete, settings, the report.

Security (Host, Origin, token) is the app's, as for every /v1 route; bodies are validated
against the schemas of history_schemas.py, which the OpenAPI document publishes.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime, timezone

import jsonschema_rs
from flask import Blueprint, Response, jsonify, request

from postcoach.errors import InputError
from postcoach.history.model import Published, parse_iso
from postcoach.history.recording import import_files, record
from postcoach.history.report import measures
from postcoach.history.store import Filters, HistoryOff
from postcoach.server import profiles
from postcoach.server.api import _json_body as json_body
from postcoach.server.errors import ApiError
from postcoach.server.history_data import store
from postcoach.server.history_schemas import IMPORT_MAX_BODY_BYTES, QUERY
from postcoach.server.openapi import check_request

history_api = Blueprint("history", __name__)

def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_field", f"{field} {message}", field=field)


_FORMATS = jsonschema_rs.Draft202012Validator


def _query(*names: str) -> dict:
    """The query parameters, typed and checked against the document's schemas."""
    found: dict[str, object] = {}
    for name in names:
        raw = request.args.get(name)
        if raw is None:
            continue
        schema = QUERY[name]
        value: object = raw
        if schema.get("type") == "integer":
            if not re.fullmatch(r"-?[0-9]{1,12}", raw):
                raise _invalid(name, "must be an integer")
            value = int(raw)
        elif schema.get("type") == "boolean":
            if raw not in ("true", "false"):
                raise _invalid(name, "must be true or false")
            value = raw == "true"
        if not _FORMATS(schema, validate_formats=True).is_valid(value):
            raise _invalid(name, f"is not valid here ({raw[:40]!r})")
        if name in ("since", "until"):
            try:
                value = parse_iso(raw)
            except ValueError:
                raise _invalid(name, "must be a date such as 2024-01-31") from None
        found[name] = value
    return found


def _filters(query: dict) -> Filters:
    return Filters(network=query.get("network"), reply=query.get("reply"),
                   since=query.get("since"), until=query.get("until"),
                   brand=query.get("brand"))


def _body(schema: str) -> dict:
    body = json_body()
    check_request(schema, body)
    assert isinstance(body, dict)
    return body


def _brand_checked(brand: str | None) -> None:
    if brand is not None:
        try:
            profiles.store().get(brand)
        except LookupError:
            raise ApiError(422, "unknown_profile", f"brand: no profile named '{brand}'; "
                           "GET /v1/profiles lists them", field="brand") from None


@history_api.get("")
def list_history() -> dict:
    query = _query("network", "reply", "since", "until", "brand", "limit", "offset")
    limit, offset = query.get("limit", 100), query.get("offset", 0)
    total, posts = store().page(_filters(query), limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "posts": posts}


@history_api.post("")
def add_history() -> Response:
    body = _body("HistoryPost")
    _brand_checked(body.get("brand"))
    published = datetime.now(timezone.utc)
    if "published_at" in body:
        try:
            published = parse_iso(body["published_at"])
        except ValueError:
            raise _invalid("published_at", "must be a date and time such as "
                           "2024-01-31T09:30:00Z") from None
    post = Published(
        network=body["network"], text=body["text"], published_at=published,
        reply=body.get("reply", False), url=body.get("url"), source="capture",
        brand=body.get("brand"),
        # JSON Schema's integers include 12.0.
        figures={name: int(body[name]) for name in ("reactions", "comments", "shares",
                                                     "impressions") if name in body},
    )
    try:
        report = record(store(), profiles.store(), post)
    except HistoryOff:
        return jsonify(stored=False, reason="history_off")
    if report.skipped:
        return jsonify(stored=False, reason="skipped", detail=next(iter(report.skipped)))
    answer = jsonify(stored=True, id=report.ids[0], already_had=bool(report.already_had))
    answer.status_code = 200 if report.already_had else 201
    return answer


@history_api.delete("")
def clear_history() -> dict:
    return {"deleted": store().clear()}


@history_api.post("/import")
def import_history() -> dict:
    request.max_content_length = IMPORT_MAX_BODY_BYTES  # before anything reads the body
    body = _body("HistoryImport")
    _brand_checked(body.get("brand"))
    try:
        data = base64.b64decode(body["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        raise _invalid("content_base64", "is not base64") from None
    try:
        outcome, = import_files(store(), profiles.store(), [(body["filename"], data)],
                                brand=body.get("brand"))
    except HistoryOff as error:
        raise ApiError(409, "history_off", str(error)) from None
    except InputError as error:
        raise ApiError(422, "unreadable_file", error.message, field="content_base64") from None
    return outcome.as_json()


@history_api.get("/settings")
def history_settings() -> dict:
    return store().settings().as_json()


@history_api.put("/settings")
def change_history_settings() -> dict:
    body = _body("HistorySettingsChange")
    try:
        settings, deleted = store().update_settings(**body)
    except InputError as error:
        raise _invalid(error.field, error.message) from None
    return {**settings.as_json(), "deleted": deleted}


@history_api.get("/export")
def export_history() -> Response:
    current = store()
    response = jsonify({"format": "postcoach-history", "version": 1,
                        "settings": current.settings().as_json(),
                        "posts": list(current.rows())})
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="postcoach-history-{stamp}.json"')
    return response


@history_api.get("/report")
def history_report() -> dict:
    query = _query("since", "until", "brand")
    filters = _filters(query)
    return measures.build(store().rows(filters), since=filters.since, until=filters.until,
                          brand=filters.brand)
