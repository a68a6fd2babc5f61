"""The /v1 endpoints. Security (Host, Origin, token) is enforced before any of them runs."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, request
from flask.blueprints import BlueprintSetupState
from werkzeug.routing import BaseConverter

from postcoach import __version__
from postcoach.brand.profile import Profile
from postcoach.contract import LANGUAGES
from postcoach.engine import analyze
from postcoach.errors import InputError
from postcoach.rules import all_rules
from postcoach.server import history_data, profiles
from postcoach.server.cpu_guard import CpuBudgetExceeded
from postcoach.server.errors import LEARN_MAX_BODY_BYTES, ApiError
from postcoach.server.openapi import (
    IF_MATCH_PATTERN,
    check_analyze_request,
    check_request,
    document,
)
from postcoach.server.pairing import PairingRefused
from postcoach.server.profile_schemas import RESERVED_NAMES
from postcoach.server.security import public

api = Blueprint("api", __name__)


class ProfileName(BaseConverter):
    """A profile's name in a path: one segment, but not the names of the fixed routes beside
    it (/v1/profiles/active, /v1/profiles/import), so each path answers one set of methods."""

    regex = rf"(?!(?:{'|'.join(RESERVED_NAMES)})(?:/|$))[^/]+"


@api.record_once
def _converters(state: BlueprintSetupState) -> None:
    state.app.url_map.converters["profile"] = ProfileName


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _json_body() -> object:
    """The request's JSON (415 if it is not JSON, 400 if it is broken, 413 past the cap)."""
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
    assert isinstance(body, dict)  # the schema says so
    profile = body.get("profile")
    if isinstance(profile, dict):
        body["profile"] = profiles.normalised(profile)
    else:  # a stored profile's name, or none: the one active for the platform
        body["profile"] = profiles.profile_to_check(profile, body.get("platform", "generic"))
    # The brand's recent posts on the other networks: a draft that repeats one gets a hint.
    recent = history_data.recent_posts(body.get("platform", "generic"), body.get("reply", False))
    guard = current_app.extensions.get("postcoach.cpu_guard")
    try:
        if guard is None:
            return analyze(**body, recent_posts=recent)
        with guard.limit():
            return analyze(**body, recent_posts=recent)
    except InputError as error:
        raise ApiError(
            422, "invalid_field", f"{error.field}: {error.message}", field=error.field
        ) from None
    except CpuBudgetExceeded:
        assert guard is not None
        raise ApiError(
            413, "too_complex", "text: this draft takes too long to analyse (more than "
            f"{guard.budget * 1000:.0f} ms); check a shorter part of it"
        ) from None


@api.post("/pair")
@public
def pair() -> dict:
    # Web origins were refused before this ran; a caller without an Origin (curl, a script)
    # is no extension page either. The token stays the way in for those.
    if request.headers.get("Origin") is None:
        raise ApiError(403, "origin_not_allowed", "pairing is done from the extension's "
                       "settings page; elsewhere use the token (`postcoach token`)")
    body = _checked_body("PairRequest")
    try:
        current_app.extensions["postcoach.pairing"].redeem(body["code"])
    except PairingRefused as refusal:
        counts = {} if refusal.tries_left is None else {"tries_left": refusal.tries_left}
        raise ApiError(401, refusal.code, refusal.message, counts=counts) from None
    return {"token": current_app.config["TOKEN"]}


@cache
def _rules() -> dict:
    return {"rules": [rule.as_json() for rule in all_rules()]}


@api.get("/rules")
def rules() -> dict:
    return _rules()


@api.get("/openapi.json")
def openapi() -> dict:
    return document(current_app.config["PORT"])


# --- Brand profiles --------------------------------------------------------------------------
# Handlers parse and answer; profiles.py does the work, openapi.py holds the schemas.

_IF_MATCH = re.compile(IF_MATCH_PATTERN)
_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no", "")


def _checked_body(schema: str) -> dict:
    body = _json_body()
    check_request(schema, body)
    assert isinstance(body, dict)  # every profile schema is an object
    return body


def _lang() -> str:
    lang = request.args.get("lang", "en")
    if lang not in LANGUAGES:
        raise ApiError(422, "invalid_field", f"lang must be one of {', '.join(LANGUAGES)}",
                       field="lang")
    return lang


def _if_match() -> int | None:
    header = request.headers.get("If-Match")
    if header is None:
        return None
    header = header.strip()
    if not _IF_MATCH.match(header):
        raise ApiError(422, "invalid_field", 'If-Match must be the ETag read ("3"), the '
                       "version, or *", field="If-Match")
    return None if header == "*" else int(header.removeprefix("W/").strip('"'))


def _profile_answer(profile: Profile, version: int, lang: str, status: int = 200) -> Response:
    response = jsonify(profiles.detail(profile, version, lang))
    response.status_code = status
    response.headers["ETag"] = profiles.etag(version)
    if status == 201:
        response.headers["Location"] = f"/v1/profiles/{quote(profile.name, safe='')}"
    return response


@api.get("/profiles")
def list_profiles() -> dict:
    return profiles.listing()


@api.post("/profiles")
def create_profile() -> Response:
    lang = _lang()  # every query parameter is checked before anything is written
    return _profile_answer(*profiles.create(_checked_body("ProfileCreate")), lang, status=201)


@api.get("/profiles/active")
def active_profiles() -> dict:
    return {"active": profiles.store().active()}


@api.put("/profiles/active")
def choose_active_profile() -> dict:
    body = _checked_body("ActiveChoice")
    return {"active": profiles.choose_active(body.get("platform"), body["name"])}


@api.post("/profiles/import")
def import_profile() -> Response:
    lang = _lang()
    flag = request.args.get("replace", "false").lower()
    if flag not in _TRUE + _FALSE:
        raise ApiError(422, "invalid_field", "replace must be true or false", field="replace")
    profile, version, new = profiles.import_(_checked_body("ProfileExport"), flag in _TRUE)
    return _profile_answer(profile, version, lang, status=201 if new else 200)


@api.get("/profiles/<profile:name>")
def show_profile(name: str) -> Response:
    lang = _lang()
    return _profile_answer(*profiles.read(name), lang)


def _write(name: str, *, full: bool) -> Response:
    lang, if_match = _lang(), _if_match()
    body = _checked_body("ProfileUpdate")
    expected = profiles.expected_version(body, if_match, name)
    return _profile_answer(*profiles.update(name, body, expected, full=full), lang)


@api.put("/profiles/<profile:name>")
def replace_profile(name: str) -> Response:
    return _write(name, full=True)


@api.patch("/profiles/<profile:name>")
def change_profile(name: str) -> Response:
    return _write(name, full=False)


@api.delete("/profiles/<profile:name>")
def delete_profile(name: str) -> Response:
    profiles.delete(name)
    response = Response(status=204)
    del response.headers["Content-Type"]
    return response


@api.post("/profiles/<profile:name>/learn")
def learn_profile(name: str) -> Response:
    request.max_content_length = LEARN_MAX_BODY_BYTES  # before anything reads the body
    lang = _lang()
    body = _json_body()
    if isinstance(body, dict) and ("samples" in body) == ("content" in body):
        raise ApiError(422, "invalid_field", "samples: send either samples (a list of posts) "
                       "or content (pasted posts, a CSV or JSON export)", field="samples")
    check_request("LearnRequest", body)
    assert isinstance(body, dict)
    profile, version, new = profiles.learn_voice(name, body)
    return _profile_answer(profile, version, lang, status=201 if new else 200)


@api.get("/profiles/<profile:name>/export")
def export_profile(name: str) -> Response:
    data = profiles.export(name)
    response = jsonify(data)
    ascii_name = unicodedata.normalize("NFKD", data["name"]).encode("ascii", "ignore").decode()
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-") or "profile"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{fallback}.postcoach.json"; '
        f"filename*=UTF-8''{quote(data['name'], safe='')}.postcoach.json"
    )
    return response
