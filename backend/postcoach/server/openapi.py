"""The OpenAPI 3.1 document of the API, and the request validation that follows from it.

The server validates analyze requests against the very schema it publishes, so the document
cannot drift from what the server accepts; the fuzz tests hold the responses to it.
"""

from __future__ import annotations

import json
from functools import cache

import jsonschema_rs

from .. import __version__
from ..engine import MAX_CHARS
from ..rules.base import FAMILIES, LANGUAGES, LEVELS, PLATFORMS, SCORES
from .errors import MAX_BODY_BYTES, ApiError

_REF = "#/components/schemas/"


def _ref(name: str) -> dict:
    return {"$ref": _REF + name}


def _object(properties: dict, required: tuple[str, ...] = ()) -> dict:
    """A closed object: a key the document does not name is an error, in and out."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def _count(maximum: int | None = None) -> dict:
    schema = {"type": "integer", "minimum": 0}
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


_BY_LANGUAGE = _object({code: {"type": "string"} for code in LANGUAGES}, LANGUAGES)

SCHEMAS: dict[str, dict] = {
    "AnalyzeRequest": _object(
        {
            "text": {
                "type": "string",
                "maxLength": MAX_CHARS,
                "description": f"The draft. Longer than {MAX_CHARS} characters: 413.",
            },
            "platform": {"enum": list(PLATFORMS), "default": "generic"},
            "reply": {
                "type": "boolean",
                "default": False,
                "description": "The draft answers someone; turns on the conflict rules.",
            },
            "profile": {
                "type": "object",
                "description": "The fields of the brand profile to check the tone against, as "
                "the engine's Profile takes them; it checks them and answers 422 naming "
                "profile.<field>. Absent: the default profile.",
            },
            "ui_lang": {
                "enum": list(LANGUAGES),
                "description": "Language of the hints; the draft's language when absent.",
            },
        },
        required=("text",),
    ),
    "Result": _object(
        {
            "language": {"enum": [*LANGUAGES, "und"]},
            "scores": _object({name: _count(100) for name in SCORES}, SCORES),
            "tone": _object(
                {
                    "address_form": {"enum": ["tu", "vous", "mixed", "none"]},
                    "formality": _count(100),
                    "reading_ease": {"type": ["number", "null"]},
                    "emoji": _count(),
                    "exclamations": _count(),
                    "hashtags": _count(),
                },
                ("address_form", "formality", "reading_ease", "emoji", "exclamations", "hashtags"),
            ),
            "hints": {"type": "array", "items": _ref("Hint")},
        },
        ("language", "scores", "tone", "hints"),
    ),
    "Hint": _object(
        {
            "rule": {"type": "string"},
            "family": {"enum": list(FAMILIES)},
            "level": {"enum": list(LEVELS)},
            "message": {"type": "string"},
            "suggestion": {"type": "string"},
            "span": {
                "type": ["array", "null"],
                "items": _count(),
                "minItems": 2,
                "maxItems": 2,
                "description": "[start, end) in UTF-16 code units; null for the whole post.",
            },
            "source": {"type": "string"},
        },
        ("rule", "family", "level", "message", "suggestion", "span", "source"),
    ),
    "Rule": _object(
        {
            "id": {"type": "string"},
            "family": {"enum": list(FAMILIES)},
            "level": {"enum": list(LEVELS)},
            "languages": {"type": "array", "items": {"enum": list(LANGUAGES)}},
            "reply_only": {"type": "boolean"},
            "message": _BY_LANGUAGE,
            "suggestion": _BY_LANGUAGE,
            "source": {"type": "string"},
        },
        ("id", "family", "level", "languages", "reply_only", "message", "suggestion", "source"),
    ),
    "Rules": _object({"rules": {"type": "array", "items": _ref("Rule")}}, ("rules",)),
    "Health": _object(
        {"status": {"const": "ok"}, "version": {"type": "string"}}, ("status", "version")
    ),
    "Error": _object(
        {
            "error": _object(
                {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "field": {"type": "string", "description": "The invalid field (422 only)."},
                },
                ("code", "message"),
            )
        },
        ("error",),
    ),
}

_ERRORS = {
    "400": "The body is not valid JSON.",
    "401": "Missing or wrong pairing token.",
    "403": "Host or Origin not allowed.",
    "405": "Method not allowed.",
    "413": f"Body over {MAX_BODY_BYTES // 1024} KiB, or text over {MAX_CHARS} characters.",
    "415": "The body is not application/json.",
    "422": "A field is invalid; error.field names it.",
}


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


def _responses(success: dict, *errors: str) -> dict:
    responses = {"200": {"description": "Success.", **_json(success)}}
    for status in ("403", "405", *errors):
        responses[status] = {"description": _ERRORS[status], **_json(_ref("Error"))}
    return responses


def _paths() -> dict:
    return {
        "/v1/health": {
            "get": {
                "summary": "Is the server up? Needs no token.",
                "security": [],
                "responses": _responses(_ref("Health")),
            }
        },
        "/v1/analyze": {
            "post": {
                "summary": "Score a draft and explain what to change.",
                "requestBody": {"required": True, **_json(_ref("AnalyzeRequest"))},
                "responses": _responses(_ref("Result"), "400", "401", "413", "415", "422"),
            }
        },
        "/v1/rules": {
            "get": {
                "summary": "The rule catalogue, with each rule's source in the seed articles.",
                "responses": _responses(_ref("Rules"), "401"),
            }
        },
        "/v1/openapi.json": {
            "get": {
                "summary": "This document.",
                "responses": _responses({"type": "object"}, "401"),
            }
        },
    }


@cache
def document(port: int) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Post Coach local API",
            "version": __version__,
            "description": "Loopback only. Every call but health needs "
            "`Authorization: Bearer <token>` (see `postcoach token`).",
        },
        "servers": [{"url": f"http://127.0.0.1:{port}"}],
        "security": [{"pairingToken": []}],
        "paths": _paths(),
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"pairingToken": {"type": "http", "scheme": "bearer"}},
        },
    }


@cache
def _analyze_request_validator() -> jsonschema_rs.Validator:
    return jsonschema_rs.Draft202012Validator(
        {**_ref("AnalyzeRequest"), "components": {"schemas": SCHEMAS}}
    )


def _dotted(path: list) -> str:
    return ".".join(str(part) for part in path) or "body"


def _invalid_field(error: jsonschema_rs.ValidationError) -> ApiError:
    path = list(error.instance_path)
    details = error.kind.as_dict()
    kind = error.kind.name
    if kind == "required":
        field, problem = _dotted([*path, details["property"]]), "is required"
    elif kind == "additionalProperties":
        field, problem = _dotted([*path, details["unexpected"][0]]), "is not a known field"
    elif kind == "type":
        field, problem = _dotted(path), f"must be of type {' or '.join(details['types'])}"
    elif kind == "enum":
        options = ", ".join(json.dumps(option) for option in details["options"])
        field, problem = _dotted(path), f"must be one of {options}"
    else:
        # The validator's own words quote the value; keep them short.
        message = error.message if len(error.message) <= 120 else error.message[:119] + "…"
        field, problem = _dotted(path), f"is invalid: {message}"
    return ApiError(422, "invalid_field", f"{field} {problem}", field=field)


def check_analyze_request(body: object) -> None:
    """Raise the 413 or 422 a request deserves; return quietly when the engine may have it."""
    if isinstance(body, dict) and isinstance(body.get("text"), str):
        length = len(body["text"])
        if length > MAX_CHARS:
            raise ApiError(
                413, "text_too_long", f"text is {length} characters long; the limit is {MAX_CHARS}"
            )
    if isinstance(body, dict) and isinstance(body.get("profile"), str):
        raise ApiError(
            422,
            "invalid_field",
            "profile must be an object of brand profile fields (profiles by name are not "
            "available yet)",
            field="profile",
        )
    error = next(_analyze_request_validator().iter_errors(body), None)
    if error is not None:
        raise _invalid_field(error)
