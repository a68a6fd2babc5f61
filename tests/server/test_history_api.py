"""/v1/history over HTTP: record, list with filters, import files, settings, export, delete,
the report, and the cross-network hint in /v1/analyze."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import pytest

from history_fixtures import FIXTURES, linkedin_page_workbook

EXTENSION = {"Origin": "chrome-extension://abcdefghijklmnopabcdefghijklmnop"}


def keep_everything(transport):
    reply = transport.send_json("PUT", "/v1/history/settings", {"retention_days": None})
    assert reply.status == 200 and reply.json["retention_days"] is None


def upload(transport, name: str, data: bytes | None = None):
    data = (FIXTURES / name).read_bytes() if data is None else data
    return transport.post_json("/v1/history/import", {
        "filename": name, "content_base64": base64.b64encode(data).decode()})


@pytest.fixture
def clean(transport):
    assert transport.request("DELETE", "/v1/history", headers=transport.auth()).status == 200
    transport.send_json("PUT", "/v1/history/settings", {"enabled": True, "retention_days": 730})
    yield transport
    transport.request("DELETE", "/v1/history", headers=transport.auth())
    transport.send_json("PUT", "/v1/history/settings", {"enabled": True, "retention_days": 730})


def test_a_published_post_is_recorded_once(clean):
    post = {"text": "Nous ouvrons l'atelier samedi : venez avec vos questions !",
            "network": "facebook"}
    first = clean.post_json("/v1/history", post, headers=clean.auth(**EXTENSION))
    assert first.status == 201 and first.json["stored"] is True
    assert first.headers["Access-Control-Allow-Origin"] == EXTENSION["Origin"]
    again = clean.post_json("/v1/history", post)
    assert again.status == 200 and again.json == {"stored": True, "id": first.json["id"],
                                                  "already_had": True}
    listed = clean.get("/v1/history", headers=clean.auth()).json
    assert listed["total"] == 1
    entry = listed["posts"][0]
    assert entry["source"] == "capture" and entry["network"] == "facebook"
    assert entry["analysis"]["language"] == "fr" and entry["figures"]["comments"] is None


def test_history_off_stores_nothing_and_refuses_imports(clean):
    off = clean.send_json("PUT", "/v1/history/settings", {"enabled": False})
    assert off.json == {"enabled": False, "retention_days": 730, "deleted": 0}
    reply = clean.post_json("/v1/history", {"text": "Bonjour", "network": "linkedin"})
    assert reply.status == 200 and reply.json == {"stored": False, "reason": "history_off"}
    upload(clean, "Shares.csv").assert_error(409, "history_off")
    assert clean.get("/v1/history", headers=clean.auth()).json["total"] == 0


def test_import_filters_export_and_delete(clean):
    keep_everything(clean)
    imported = upload(clean, "Shares.csv")
    assert imported.status == 200, imported.body
    assert imported.json["taken"] == 4 and imported.json["formats"] == ["linkedin_shares"]
    assert imported.json["skipped"] == {"a repost without your own words": 1,
                                        "no readable publication date": 1}
    assert upload(clean, "Shares.csv").json["already_had"] == 4
    workbook = upload(clean, "page.xlsx", linkedin_page_workbook())
    assert workbook.json["taken"] == 2 and workbook.json["formats"] == ["linkedin_page_xlsx"]
    page = clean.get("/v1/history?network=linkedin&since=2024-05-06&until=2024-05-08&limit=1",
                     headers=clean.auth()).json
    assert page["total"] == 3 and len(page["posts"]) == 1 and page["limit"] == 1
    exported = clean.get("/v1/history/export", headers=clean.auth())
    assert exported.headers["Content-Disposition"].startswith("attachment; filename=")
    assert len(exported.json["posts"]) == 6
    deleted = clean.request("DELETE", "/v1/history", headers=clean.auth())
    assert deleted.json == {"deleted": 6}
    back = upload(clean, "postcoach-history.json", exported.body)
    assert back.json["formats"] == ["postcoach"] and back.json["taken"] == 6


@pytest.mark.parametrize(("name", "data"), [
    ("empty.csv", b""),
    ("hostname", b"vm\n"),
    ("broken.json", b"[{\"timestamp\": 1"),
])
def test_unreadable_files_are_a_clear_422(clean, name, data):
    error = upload(clean, name, data).assert_error(422, "unreadable_file")
    assert error["message"].startswith(f"{name}: ") and error["field"] == "content_base64"


def test_bad_queries_and_bodies(clean):
    clean.get("/v1/history?limit=0", headers=clean.auth()).assert_error(422, "invalid_field")
    clean.get("/v1/history?since=yesterday", headers=clean.auth()).assert_error(
        422, "invalid_field")
    clean.get("/v1/history?reply=maybe", headers=clean.auth()).assert_error(422, "invalid_field")
    clean.post_json("/v1/history", {"text": "x", "network": "instagram"}).assert_error(
        422, "invalid_field")
    clean.post_json("/v1/history/import", {"filename": "x", "content_base64": "***"}
                    ).assert_error(422, "invalid_field")
    clean.send_json("PUT", "/v1/history/settings", {"retention_days": 0}).assert_error(
        422, "invalid_field")


def test_history_needs_the_token_and_an_extension_origin(transport):
    transport.get("/v1/history", headers={}).assert_error(401, "unauthorized")
    transport.get("/v1/history", headers=transport.auth(Origin="https://evil.example")
                  ).assert_error(403, "origin_not_allowed")


def test_the_report_and_the_cross_network_hint(clean):
    now = datetime.now(timezone.utc)
    text = ("Trois leçons de dix ans d'artisanat : écouter avant de vendre, répondre à chaque "
            "commentaire, partager ce que l'on sait. Et vous, quelle leçon ajouteriez-vous ?")
    published = (now - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    clean.post_json("/v1/history", {"text": text, "network": "linkedin",
                                    "published_at": published, "comments": 12})
    analysed = clean.post_json("/v1/analyze", {"text": text, "platform": "facebook"}).json
    hint = next(h for h in analysed["hints"] if h["rule"] == "platform.cross_post")
    assert "LinkedIn" in hint["message"] and str((now - timedelta(days=3)).year) in hint["message"]
    same_network = clean.post_json("/v1/analyze", {"text": text, "platform": "linkedin"}).json
    assert not any(h["rule"] == "platform.cross_post" for h in same_network["hints"])
    report = clean.get("/v1/history/report", headers=clean.auth()).json
    assert report["totals"]["posts"] == 1 and report["figures"]["posts_with_figures"] == 1
    assert report["figures"]["verdicts"]["salesiness_comments"] == "too_thin"
