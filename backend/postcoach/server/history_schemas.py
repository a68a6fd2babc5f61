"""The /v1/history part of the OpenAPI document: schemas, query parameters and paths.

openapi.py merges them into the one document the server validates requests against.
"""

from __future__ import annotations

from collections.abc import Callable

from postcoach.contract import FAMILIES, LEVELS
from postcoach.engine import MAX_CHARS
from postcoach.history.model import FIGURES, NETWORKS, SOURCES
from postcoach.history.store import MAX_PAGE, MAX_RETENTION_DAYS
from postcoach.server.profile_schemas import NAME_PATTERN

IMPORT_MAX_BODY_BYTES = 48 * 1024 * 1024
IMPORT_MAX_FILE_BYTES = 32 * 1024 * 1024
FIGURE_MAX = 10**12
_REF = "#/components/schemas/"
# A date (2024-01-31) or an RFC 3339 date and time.
MOMENT = {"anyOf": [{"type": "string", "format": "date"},
                    {"type": "string", "format": "date-time"}]}
SKIP_REASONS = ("history_off", "skipped")


def _ref(name: str) -> dict:
    return {"$ref": _REF + name}


def _object(properties: dict, required: tuple[str, ...] = ()) -> dict:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False}


def _figure(nullable: bool) -> dict:
    return {"type": ["integer", "null"] if nullable else "integer", "minimum": 0,
            "maximum": FIGURE_MAX}


_COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0},
           "description": "How many records were skipped, by reason (in English)."}
_ENTRY = _object(
    {
        "id": {"type": "integer"},
        "network": {"enum": list(NETWORKS)},
        "reply": {"type": "boolean"},
        "text": {"type": "string"},
        "published_at": {"type": "string", "format": "date-time"},
        "url": {"type": ["string", "null"]},
        "source": {"enum": list(SOURCES)},
        "brand": {"type": ["string", "null"]},
        "analysis": _object(
            {
                "language": {"enum": ["fr", "en", "und"]},
                "address_form": {"enum": ["tu", "vous", "mixed", "none"]},
                "formality": {"type": "integer"},
                "emoji": {"type": "integer"},
                "exclamations": {"type": "integer"},
                "hashtags": {"type": "integer"},
                "salesiness": {"type": "integer"},
                "interaction": {"type": "integer"},
                "tone": {"type": "integer"},
                "hints": {"type": "array", "items": _object(
                    {"rule": {"type": "string"}, "family": {"enum": list(FAMILIES)},
                     "level": {"enum": list(LEVELS)}, "message": {"type": "string"}},
                    ("rule", "family", "level", "message"))},
            },
            ("language", "address_form", "formality", "emoji", "exclamations", "hashtags",
             "salesiness", "interaction", "tone", "hints"),
        ),
        "figures": _object({name: _figure(True) for name in FIGURES}, FIGURES),
    },
    ("id", "network", "reply", "text", "published_at", "url", "source", "brand", "analysis",
     "figures"),
)
_SETTINGS = {
    "enabled": {"type": "boolean", "description": "Record published posts (on by default)."},
    "retention_days": {
        "type": ["integer", "null"], "minimum": 1, "maximum": MAX_RETENTION_DAYS,
        "description": "Posts older than this are deleted; null keeps them until deleted.",
    },
}

SCHEMAS: dict[str, dict] = {
    "HistoryPost": _object(
        {
            "text": {"type": "string", "minLength": 1, "maxLength": MAX_CHARS,
                     "description": "The text as published."},
            "network": {"enum": list(NETWORKS)},
            "reply": {"type": "boolean", "default": False},
            "published_at": {"type": "string", "format": "date-time",
                             "description": "When it was published; now when absent."},
            "url": {"type": "string", "maxLength": 2048},
            "brand": {"type": "string", "pattern": NAME_PATTERN,
                      "description": "The brand profile; the one active for the network when "
                      "absent."},
            **{name: _figure(False) for name in FIGURES},
        },
        ("text", "network"),
    ),
    "HistoryAdded": _object(
        {
            "stored": {"type": "boolean"},
            "id": {"type": "integer", "description": "The post's row (stored: true)."},
            "already_had": {"type": "boolean",
                            "description": "The same post was there already (figures updated)."},
            "reason": {"enum": list(SKIP_REASONS),
                       "description": "Why nothing was stored (stored: false)."},
            "detail": {"type": "string"},
        },
        ("stored",),
    ),
    "HistoryEntry": _ENTRY,
    "HistoryPage": _object(
        {"total": {"type": "integer", "minimum": 0}, "limit": {"type": "integer"},
         "offset": {"type": "integer"},
         "posts": {"type": "array", "items": _ref("HistoryEntry")}},
        ("total", "limit", "offset", "posts"),
    ),
    "HistoryDeleted": _object({"deleted": {"type": "integer", "minimum": 0}}, ("deleted",)),
    "HistorySettings": _object(_SETTINGS, tuple(_SETTINGS)),
    "HistorySettingsChange": {**_object(_SETTINGS), "minProperties": 1},
    "HistorySettingsChanged": _object(
        {**_SETTINGS, "deleted": {"type": "integer", "minimum": 0,
                                  "description": "Posts the new retention deleted."}},
        (*_SETTINGS, "deleted"),
    ),
    "HistoryImport": _object(
        {
            "filename": {"type": "string", "minLength": 1, "maxLength": 255,
                         "description": "The file's name, as shown in the answer."},
            "content_base64": {
                "type": "string", "contentEncoding": "base64",
                "pattern": "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
                "maxLength": (IMPORT_MAX_FILE_BYTES + 2) // 3 * 4,
                "description": "The file's bytes in base64: a Facebook JSON or ZIP, a Meta "
                "Business Suite CSV, LinkedIn's Shares.csv or Page XLSX, a Post Coach export.",
            },
            "brand": {"type": "string", "pattern": NAME_PATTERN},
        },
        ("filename", "content_base64"),
    ),
    "HistoryImported": _object(
        {
            "file": {"type": "string"},
            "formats": {"type": "array", "items": {"type": "string"}},
            "taken": {"type": "integer", "minimum": 0},
            "already_had": {"type": "integer", "minimum": 0},
            "updated": {"type": "integer", "minimum": 0},
            "skipped": _COUNTS,
        },
        ("file", "formats", "taken", "already_had", "updated", "skipped"),
    ),
    "HistoryExport": _object(
        {"format": {"const": "postcoach-history"}, "version": {"const": 1},
         "settings": _ref("HistorySettings"),
         "posts": {"type": "array", "items": _ref("HistoryEntry")}},
        ("format", "version", "settings", "posts"),
    ),
    "HistoryReport": {
        "type": "object",
        "description": "The report's numbers (see extension/report/render.js).",
        "properties": {name: {"type": "object"} for name in (
            "filters", "totals", "cadence", "mix", "duplicates", "voice", "replies", "figures")},
        "required": ["report", "postcoach", "generated_at", "filters", "totals", "cadence",
                     "mix", "duplicates", "voice", "replies", "figures"],
    },
}

QUERY = {
    "network": {"enum": list(NETWORKS)},
    "reply": {"type": "boolean"},
    "since": MOMENT,
    "until": MOMENT,
    "brand": {"type": "string", "pattern": NAME_PATTERN},
    "limit": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 100},
    "offset": {"type": "integer", "minimum": 0, "maximum": 10**9, "default": 0},
}
_DESCRIPTIONS = {
    "network": "Only this network.",
    "reply": "true: replies only; false: posts only.",
    "since": "Published on or after (2024-01-31, or a date and time).",
    "until": "Published before.",
    "brand": "Only this brand profile's posts.",
    "limit": "Posts per page.",
    "offset": "Posts to skip (newest first).",
}


def parameter(name: str) -> dict:
    return {"name": name, "in": "query", "required": False,
            "description": _DESCRIPTIONS[name], "schema": QUERY[name]}


_ERRORS = {
    "409": "history_off: history is switched off; switch it on first.",
    "413": f"Body over {IMPORT_MAX_BODY_BYTES // (1024 * 1024)} MiB.",
    "422": "A field is invalid (invalid_field), the file cannot be read (unreadable_file), or "
    "brand names no stored profile (unknown_profile); error.field names it.",
}


def paths(responses: Callable[..., dict], body: Callable[[str], dict]) -> dict:
    write = ("400", "401", "413", "415", "422")
    filters = [parameter(n) for n in ("network", "reply", "since", "until", "brand")]
    return {
        "/v1/history": {
            "get": {
                "summary": "Published posts and replies, newest first, with their analysis at "
                "publication and their figures.",
                "parameters": [*filters, parameter("limit"), parameter("offset")],
                "responses": responses(_ref("HistoryPage"), "401", "422"),
            },
            "post": {
                "summary": "Record a post or reply the user has just published (201; 200 when "
                "it was there already, history is off, or it has no text).",
                **body("HistoryPost"),
                "responses": responses(_ref("HistoryAdded"), *write, status="201",
                                       also=("200",), messages=_ERRORS),
            },
            "delete": {
                "summary": "Delete all history.",
                "responses": responses(_ref("HistoryDeleted"), "401"),
            },
        },
        "/v1/history/import": {
            "post": {
                "summary": "Import one export file of a network (format detected).",
                **body("HistoryImport"),
                "responses": responses(_ref("HistoryImported"), *write, "409",
                                       messages=_ERRORS),
            },
        },
        "/v1/history/settings": {
            "get": {
                "summary": "Whether history is recorded, and how long it is kept.",
                "responses": responses(_ref("HistorySettings"), "401"),
            },
            "put": {
                "summary": "Switch history on or off, change the retention (a shorter one "
                "deletes older posts at once).",
                **body("HistorySettingsChange"),
                "responses": responses(_ref("HistorySettingsChanged"), *write),
            },
        },
        "/v1/history/export": {
            "get": {
                "summary": "The whole history as one JSON file (import brings it back).",
                "responses": responses(_ref("HistoryExport"), "401", headers={
                    "Content-Disposition": {"schema": {"type": "string"}, "required": True,
                                            "description": "attachment; filename=…"}}),
            },
        },
        "/v1/history/report": {
            "get": {
                "summary": "The report's numbers: cadence, mix, repeats across networks, voice, "
                "replies, figures.",
                "parameters": [parameter(n) for n in ("since", "until", "brand")],
                "responses": responses(_ref("HistoryReport"), "401", "422"),
            },
        },
    }
