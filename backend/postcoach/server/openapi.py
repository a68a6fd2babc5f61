"""The OpenAPI 3.1 document of the API, and the request validation that follows from it.

The server validates every JSON body against the very schema it publishes, so the document
cannot drift from what the server accepts; the fuzz tests hold the responses to it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache

import jsonschema_rs

from postcoach import __version__
from postcoach.contract import FAMILIES, LANGUAGES, LEVELS, PLATFORMS, SCORES
from postcoach.engine import MAX_CHARS
from postcoach.server import history_schemas, profile_schemas
from postcoach.server.errors import LEARN_MAX_BODY_BYTES, MAX_BODY_BYTES, ApiError
from postcoach.server.pairing import CODE_DIGITS, CODE_SECONDS, MAX_WRONG_TRIES
from postcoach.server.profile_schemas import ANALYZE_PROFILE, NAME_PATTERN, RESERVED_NAMES

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
            "profile": ANALYZE_PROFILE,
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
            "replacements": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "description": "Texts that can replace the span with certainty (one-click fix).",
            },
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
                    "version": {
                        "type": "integer",
                        "description": "The profile's current version (409 stale_version only).",
                    },
                    "count": {
                        "type": "integer",
                        "description": "Posts with text that were read (not_enough_samples only).",
                    },
                    "needed": {
                        "type": "integer",
                        "description": "Posts needed to learn a voice (not_enough_samples only).",
                    },
                    "tries_left": {
                        "type": "integer",
                        "description": "Wrong pairing codes that may still be tried (pairing "
                        "only).",
                    },
                },
                ("code", "message"),
            )
        },
        ("error",),
    ),
    "PairRequest": _object(
        {
            "code": {
                "type": "string",
                "pattern": f"^[0-9]{{{CODE_DIGITS}}}$",
                "description": "The one-time code `postcoach pair` (or the server's start "
                "banner) shows.",
            }
        },
        ("code",),
    ),
    "PairAnswer": _object(
        {"token": {"type": "string", "description": "The pairing token: send it as "
                   "`Authorization: Bearer <token>` from now on."}},
        ("token",),
    ),
    **profile_schemas.SCHEMAS,
    **history_schemas.SCHEMAS,
}

_ERRORS = {
    "400": "The body is not valid JSON.",
    "401": "Missing or wrong pairing token.",
    "403": "Host or Origin not allowed.",
    "404": "No profile by that name (error.code profile_not_found).",
    "405": "Method not allowed.",
    "409": "profile_exists: the name is taken. stale_version: the profile was saved since the "
    "version sent; error.version is the current one.",
    "413": f"Body over {MAX_BODY_BYTES // 1024} KiB.",
    "415": "The body is not application/json.",
    "422": "A field is invalid; error.field names it.",
}
_ANALYZE_ERRORS = {
    "413": f"Body over {MAX_BODY_BYTES // 1024} KiB, text over {MAX_CHARS} characters "
    "(text_too_long), or a draft whose analysis would take too much CPU time (too_complex).",
    "422": "A field is invalid (invalid_field), or profile names no stored profile "
    "(unknown_profile); error.field names it.",
}
_LEARN_ERRORS = {
    "413": f"Body over {LEARN_MAX_BODY_BYTES // (1024 * 1024)} MiB.",
    "422": "A field is invalid (invalid_field), the pasted content cannot be read "
    "(unreadable_samples), or fewer than 5 posts have text (not_enough_samples, with "
    "error.count and error.needed); error.field names the field.",
}
_PAIR_ERRORS = {
    "401": "The code is wrong (wrong_code, with error.tries_left), expired, used or never made "
    f"(code_expired), or was the {MAX_WRONG_TRIES}th wrong one (too_many_tries).",
    "403": "Host not allowed, or no extension Origin: only the extension's pages may pair.",
}
_ACTIVE_ERRORS = {
    "422": "A field is invalid (invalid_field), or name is no stored profile "
    "(unknown_profile); error.field names it.",
}

_ETAG = {
    "ETag": {
        "description": 'The profile\'s version, quoted ("3"): send it back as If-Match.',
        "schema": {"type": "string"},
        "required": True,
    }
}
_LOCATION = {
    "Location": {
        "description": "Where the new profile is read.",
        "schema": {"type": "string"},
        "required": True,
    }
}
_NAME_PARAMETER = {
    "name": "name",
    "in": "path",
    "required": True,
    "description": "The profile's name (the case of A-Z does not matter).",
    # /v1/profiles/active and /v1/profiles/import are other routes (ProfileName in api.py).
    "schema": {"type": "string", "pattern": NAME_PATTERN,
               "not": {"enum": list(RESERVED_NAMES)}},
}
IF_MATCH_PATTERN = r'^(\*|(W/)?"[0-9]{1,9}"|[0-9]{1,9})$'
_IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": False,
    "description": 'The ETag read ("3", or the bare version): the save is refused with 409 '
    "stale_version if the profile was saved since. Same as the body's version; * or absent: "
    "no check.",
    "schema": {"type": "string", "pattern": IF_MATCH_PATTERN},
}
_LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of the description.",
    "schema": {"enum": list(LANGUAGES), "default": "en"},
}
_REPLACE = {
    "name": "replace",
    "in": "query",
    "required": False,
    "description": "Overwrite a profile of the same name instead of answering 409.",
    "schema": {"type": "boolean", "default": False},
}


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


def _responses(
    success: dict | None,
    *errors: str,
    status: str = "200",
    also: tuple[str, ...] = (),
    headers: dict | None = None,
    messages: dict | None = None,
) -> dict:
    """The success answer (`success` None: no body) under `status` (and `also`), then errors."""
    responses = {}
    for code in (status, *also):
        answer: dict = {"description": {"201": "Created.", "204": "Done; no body."}.get(
            code, "Success.")}
        if success is not None:
            answer.update(_json(success))
        if headers:
            answer["headers"] = headers
        responses[code] = answer
    described = {**_ERRORS, **(messages or {})}
    for code in ("403", "405", *errors):
        responses[code] = {"description": described[code], **_json(_ref("Error"))}
    return responses


def _body(schema: str) -> dict:
    return {"requestBody": {"required": True, **_json(_ref(schema))}}


_WRITE_ERRORS = ("400", "401", "413", "415", "422")


def _profile_paths() -> dict:
    one = [_NAME_PARAMETER]
    return {
        "/v1/profiles": {
            "get": {
                "summary": "The brand profiles, and which one each network uses.",
                "responses": _responses(_ref("ProfileList"), "401"),
            },
            "post": {
                "summary": "Create a profile from its fields (learn its voice next).",
                "parameters": [_LANG],
                **_body("ProfileCreate"),
                "responses": _responses(_ref("Profile"), *_WRITE_ERRORS, "409", status="201",
                                        headers={**_ETAG, **_LOCATION}),
            },
        },
        "/v1/profiles/active": {
            "get": {
                "summary": "Which profile each network's drafts are checked against.",
                "responses": _responses(_ref("ActiveProfiles"), "401"),
            },
            "put": {
                "summary": "Choose the profile of a network (or of all), or null for the "
                "built-in default.",
                **_body("ActiveChoice"),
                "responses": _responses(_ref("ActiveProfiles"), *_WRITE_ERRORS,
                                        messages=_ACTIVE_ERRORS),
            },
        },
        "/v1/profiles/import": {
            "post": {
                "summary": "Add a profile from an export (201), or overwrite one with "
                "?replace=true (200).",
                "parameters": [_REPLACE, _LANG],
                **_body("ProfileExport"),
                "responses": _responses(_ref("Profile"), *_WRITE_ERRORS, "409", also=("201",),
                                        headers=_ETAG),
            },
        },
        "/v1/profiles/{name}": {
            "get": {
                "summary": "A profile, its version (also as ETag) and its voice in plain words.",
                "parameters": [*one, _LANG],
                "responses": _responses(_ref("Profile"), "401", "404", "422", headers=_ETAG),
            },
            "put": {
                "summary": "Replace a profile's fields (the learned voice is kept).",
                "parameters": [*one, _IF_MATCH, _LANG],
                **_body("ProfileUpdate"),
                "responses": _responses(_ref("Profile"), *_WRITE_ERRORS, "404", "409",
                                        headers=_ETAG),
            },
            "patch": {
                "summary": "Change some fields, in one transaction: edits of other fields made "
                "meanwhile are kept.",
                "parameters": [*one, _IF_MATCH, _LANG],
                **_body("ProfileUpdate"),
                "responses": _responses(_ref("Profile"), *_WRITE_ERRORS, "404", "409",
                                        headers=_ETAG),
            },
            "delete": {
                "summary": "Delete a profile (networks that used it go back to the default).",
                "parameters": one,
                "responses": _responses(None, "401", "404", status="204"),
            },
        },
        "/v1/profiles/{name}/learn": {
            "post": {
                "summary": "Learn the voice from the brand's posts: creates the profile (201) "
                "or relearns it (200).",
                "parameters": [*one, _LANG],
                **_body("LearnRequest"),
                "responses": _responses(_ref("Profile"), *_WRITE_ERRORS, also=("201",),
                                        headers=_ETAG, messages=_LEARN_ERRORS),
            },
        },
        "/v1/profiles/{name}/export": {
            "get": {
                "summary": "The whole profile, learned voice included, as a file to import.",
                "parameters": one,
                "responses": _responses(_ref("ProfileExport"), "401", "404", headers={
                    "Content-Disposition": {"schema": {"type": "string"}, "required": True,
                                            "description": "attachment; filename=…"}}),
            },
        },
    }


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
                **_body("AnalyzeRequest"),
                "responses": _responses(_ref("Result"), *_WRITE_ERRORS,
                                        messages=_ANALYZE_ERRORS),
            }
        },
        "/v1/pair": {
            "post": {
                "summary": "Exchange the one-time pairing code for the token. Needs no token, "
                f"but an extension Origin; a code works once, for {CODE_SECONDS // 60} minutes, "
                f"and dies at the {MAX_WRONG_TRIES}th wrong try.",
                "security": [],
                **_body("PairRequest"),
                "responses": _responses(_ref("PairAnswer"), "400", "401", "413", "415", "422",
                                        messages=_PAIR_ERRORS),
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
        **_profile_paths(),
        **history_schemas.paths(_responses, _body),
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
def _validator(schema: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.Draft202012Validator(
        {**_ref(schema), "components": {"schemas": SCHEMAS}}
    )


def _dotted(path: list) -> str:
    return ".".join(str(part) for part in path) or "body"


_LIMITS = {
    "minimum": "must be at least {limit}",
    "maximum": "must be at most {limit}",
    "exclusiveMinimum": "must be more than {limit}",
    "minItems": "must have at least {limit} item(s)",
    "maxItems": "must have at most {limit} item(s)",
    "minLength": "must be at least {limit} character(s) long",
}


def _problem(kind: str, details: dict, path: list) -> str | None:
    """Plain words for the refusals a person can meet; None: the validator's own words."""
    if kind in _LIMITS:
        return _LIMITS[kind].format(limit=details["limit"])
    if kind == "pattern" and path and path[-1] == "name":
        return "must be 1 to 64 letters, digits, spaces, '.', '’', \"'\", '-' or '_', " \
            "starting and ending with a letter or digit"
    if kind == "not" and path and path[-1] == "name":
        return "is reserved (/v1/profiles/active and /v1/profiles/import are routes)"
    if kind == "propertyNames":
        return "has a blank key"
    if kind == "oneOf" and not path:
        return "must hold either samples (a list of posts) or content (pasted posts), not both"
    return None


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
    elif (words := _problem(kind, details, path)) is not None:
        field, problem = _dotted(path), words
    else:
        # The validator's own words quote the value; keep them short.
        message = error.message if len(error.message) <= 120 else error.message[:119] + "…"
        field, problem = _dotted(path), f"is invalid: {message}"
    return ApiError(422, "invalid_field", f"{field} {problem}", field=field)


def check_request(schema: str, body: object) -> None:
    """Raise the 422 naming the first field of `body` that `schema` refuses."""
    error = next(_validator(schema).iter_errors(body), None)
    if error is not None:
        raise _invalid_field(error)


def check_analyze_request(body: object) -> None:
    """Raise the 413 or 422 a request deserves; return quietly when the engine may have it."""
    if isinstance(body, dict) and isinstance(body.get("text"), str):
        length = len(body["text"])
        if length > MAX_CHARS:
            raise ApiError(
                413, "text_too_long", f"text is {length} characters long; the limit is {MAX_CHARS}"
            )
    check_request("AnalyzeRequest", body)


_RULE_PARAMETER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


@cache
def _query_names(path: str, method: str) -> frozenset[str]:
    operation = _paths().get(path, {}).get(method, {})
    return frozenset(p["name"] for p in operation.get("parameters", []) if p["in"] == "query")


def check_query(rule: str, method: str, names: Iterable[str]) -> None:
    """Refuse a query parameter the operation does not document, as bodies refuse unknown keys
    (rule: Flask's route, /v1/profiles/<profile:name>)."""
    path = _RULE_PARAMETER.sub(r"{\1}", rule)
    allowed = _query_names(path, method.lower())
    for name in names:
        if name not in allowed:
            shown = name if len(name) <= 40 else name[:39] + "…"
            raise ApiError(422, "invalid_field", f"{shown} is not a known query parameter",
                           field=shown)
