"""JSON in, the engine's result or a contract error out; and no draft text in any log line."""

from __future__ import annotations

import http.client
import json
import logging

import pytest

from postcoach import analyze
from postcoach.engine import MAX_CHARS
from postcoach.rules import all_rules
from postcoach.server import api as api_module
from postcoach.server.errors import MAX_BODY_BYTES

# Realistic prose: long drafts of it stay fast to analyse.
SENTENCE = "Bonjour à tous, voici notre conseil de la semaine pour bien choisir. "


@pytest.mark.parametrize(
    "request_fields",
    [
        {"text": "Nouvelle collection : achetez vite la vôtre ! 🎉👉 #promo"},
        {"text": "What was the most useful thing you bought this year?", "platform": "linkedin"},
        {"text": "Vous auriez dû lire les conditions.", "reply": True, "ui_lang": "en"},
        {"text": "Buy now!!!", "platform": "facebook", "profile": {"emoji_max": 0}},
        {"text": ""},
    ],
)
def test_analyze_returns_the_engine_result_unchanged(transport, request_fields):
    reply = transport.post_json("/v1/analyze", request_fields)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    assert reply.json == analyze(**request_fields)
    # Same key order as the engine's (ARCHITECTURE.md), and accents as UTF-8.
    assert list(reply.json) == ["language", "scores", "tone", "hints"]


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_only_json_is_accepted(transport, content_type):
    headers = transport.auth()
    if content_type:
        headers["Content-Type"] = content_type
    reply = transport.request("POST", "/v1/analyze", b'{"text": "Bonjour"}', headers)
    reply.assert_error(415, "unsupported_media_type")


@pytest.mark.parametrize(
    "body",
    [b"", b"{", b'{"text": "Bonjour"', b"{'text': 'Bonjour'}", b'{"text": NaN}',
     b'{"text": "Bonjour", "reply": Infinity}', b'{"text": "\xff\xfe"}', b"[" * 50_000],
)
def test_broken_json_is_a_400(transport, body):
    reply = transport.request("POST", "/v1/analyze", body, transport.auth(**{
        "Content-Type": "application/json"}))
    reply.assert_error(400, "bad_json")


def test_body_over_the_cap_is_a_413(transport):
    body = json.dumps({"text": "a" * MAX_BODY_BYTES}).encode()
    reply = transport.request("POST", "/v1/analyze", body, transport.auth(**{
        "Content-Type": "application/json"}))
    reply.assert_error(413, "too_large")


def test_chunked_body_over_the_cap_is_a_413(live_server):
    """Without Content-Length the cap still holds (waitress de-chunks, Flask counts)."""
    chunks = (b"x" * 4096 for _ in range(MAX_BODY_BYTES // 4096 + 8))
    connection = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=30)
    connection.request("POST", "/v1/analyze", body=chunks, encode_chunked=True, headers={
        "Authorization": f"Bearer {live_server.token}", "Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "too_large"
    connection.close()


def test_text_over_the_limit_is_a_413(transport):
    text = (SENTENCE * (MAX_CHARS // len(SENTENCE) + 1))[: MAX_CHARS + 1]
    assert len(json.dumps({"text": text}, ensure_ascii=False).encode()) < MAX_BODY_BYTES
    error = transport.post_json("/v1/analyze", {"text": text}).assert_error(413, "text_too_long")
    assert str(MAX_CHARS) in error["message"]


def test_text_at_the_limit_is_analysed(client, token):
    text = (SENTENCE * (MAX_CHARS // len(SENTENCE) + 1))[:MAX_CHARS]
    reply = client.post("/v1/analyze", json={"text": text},
                        headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "text"),
        ({"text": None}, "text"),
        ({"text": 42}, "text"),
        ({"text": "Bonjour", "platform": "myspace"}, "platform"),
        ({"text": "Bonjour", "platform": None}, "platform"),
        ({"text": "Bonjour", "reply": "yes"}, "reply"),
        ({"text": "Bonjour", "ui_lang": "de"}, "ui_lang"),
        ({"text": "Bonjour", "txt": "Bonjour"}, "txt"),
        ({"text": "Bonjour", "profile": ["vous"]}, "profile"),
        ({"text": "Bonjour", "profile": None}, "profile"),
        ({"text": "Bonjour", "profile": {"colour": "red"}}, "profile.colour"),
        ({"text": "Bonjour", "profile": {"address_form": {"fr": "toi"}}},
         "profile.address_form.fr"),
        ({"text": "Bonjour", "profile": {"formality": 101}}, "profile.formality"),
        ({"text": "Bonjour", "profile": {"fingerprint": {
            "ngrams": {}, "ngram_norm": 0, "style": {},
            "calibration": {"similarity": [0.3, 0.1], "distance": [1, 0.5]}}}},
         "profile.fingerprint.ngram_norm"),
        (["Bonjour"], "body"),
        ("Bonjour", "body"),
    ],
)
def test_invalid_fields_are_a_422_naming_the_field(transport, payload, field):
    error = transport.post_json("/v1/analyze", payload).assert_error(422, "invalid_field")
    assert error["field"] == field
    assert error["message"].startswith(field)


def test_engine_input_errors_are_a_422_naming_the_field(client, token, monkeypatch):
    from postcoach.errors import InputError

    def refuse(**fields):
        raise InputError("profile.address_form", "address_form maps a language to tu or vous")

    monkeypatch.setattr(api_module, "analyze", refuse)
    reply = client.post("/v1/analyze", json={"text": "Bonjour"},
                        headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 422
    assert reply.json["error"]["field"] == "profile.address_form"


def test_unknown_path_is_a_404_in_the_error_shape(transport):
    transport.get("/v1/nowhere", transport.auth()).assert_error(404, "not_found")
    transport.get("/", transport.auth()).assert_error(404, "not_found")


def test_wrong_method_is_a_405_with_allow(transport):
    reply = transport.get("/v1/analyze", transport.auth())
    reply.assert_error(405, "method_not_allowed")
    assert "POST" in reply.headers["Allow"]


def test_rules_lists_the_catalogue(transport):
    reply = transport.get("/v1/rules", transport.auth())
    assert reply.status == 200
    assert reply.json == {"rules": [rule.as_json() for rule in all_rules()]}


def test_health_tells_nothing_sensitive(client, token, isolated_home):
    reply = client.get("/v1/health")
    assert set(reply.json) == {"status", "version"}
    body = reply.get_data(as_text=True)
    assert token not in body and str(isolated_home) not in body


# --- The OpenAPI document --------------------------------------------------------------------


def test_openapi_describes_every_route(client, token, app):
    document = client.get("/v1/openapi.json", headers={"Authorization": f"Bearer {token}"}).json
    assert document["openapi"].startswith("3.")
    routes = {
        (rule.rule.replace("<profile:name>", "{name}"), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/v1/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, item in document["paths"].items() for method in item}
    assert documented == routes
    assert document["servers"] == [{"url": "http://127.0.0.1:8731"}]


# --- Logs ------------------------------------------------------------------------------------

MARKER = "Zorglub-7c1e-marker"


def test_draft_text_never_reaches_the_logs(client, token, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    auth = {"Authorization": f"Bearer {token}"}
    drafts = [
        {"text": f"Achetez {MARKER} maintenant !"},
        {"text": f"{MARKER} ?", "platform": MARKER},
        {"text": f"{MARKER} ?", "profile": {"name": MARKER, "formality": MARKER}},
        {"text": MARKER * (MAX_CHARS // len(MARKER) + 1)},
    ]
    for draft in drafts:
        client.post("/v1/analyze", json=draft, headers=auth)
        client.post("/v1/analyze", json=draft, headers={"Origin": "https://evil.example", **auth})
        client.post("/v1/analyze", json=draft)
    client.post("/v1/analyze", data=f'{{"text": "{MARKER}"', content_type="application/json",
                headers=auth)
    client.post("/v1/analyze", data=MARKER, content_type="text/plain", headers=auth)

    def crash(**fields):
        raise RuntimeError(f"engine failed on {fields['text']}")

    monkeypatch.setattr(api_module, "analyze", crash)
    reply = client.post("/v1/analyze", json={"text": MARKER}, headers=auth)
    assert reply.status_code == 500
    assert reply.json["error"]["code"] == "internal_error"
    assert MARKER not in reply.get_data(as_text=True)

    assert "internal error RuntimeError" in caplog.text  # the failure itself is logged...
    assert MARKER not in caplog.text  # ...but not what it quoted
