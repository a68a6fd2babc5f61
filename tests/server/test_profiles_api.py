"""Brand profiles over HTTP: CRUD, learning, the active profile per network, export and import,
and analyze checking drafts against them — through the test client and a real socket."""

from __future__ import annotations

import http.client
import json
import threading
from urllib.parse import quote

import pytest

from postcoach import analyze
from postcoach.brand.profile import Profile
from postcoach.brand.store import Store
from postcoach.server import create_app
from postcoach.server import profiles as profiles_module
from postcoach.server.errors import LEARN_MAX_BODY_BYTES, MAX_BODY_BYTES
from sample_posts import BANK_POSTS as ALL_BANK_POSTS
from sample_posts import SURF_POSTS

# Eight posts: enough to learn, few enough to run fast.
BANK_POSTS = ALL_BANK_POSTS[:8]

TU_DRAFT = "Salut ! Tu viens au webinaire jeudi ? On t'explique tout sur ton futur prêt."
NAME = "Banque Hélène"  # an accent and a space: the name travels percent-encoded
PATH = f"/v1/profiles/{quote(NAME)}"
OTHER_CASE = "BANQUE Hélène"  # SQLite's NOCASE folds A-Z only


def _mismatch(result: dict) -> bool:
    return any(hint["rule"] == "tone.address_mismatch" for hint in result["hints"])


@pytest.fixture(scope="module")
def bank_export() -> dict:
    """The bank's learned profile as /export gives it, learned once for the module."""
    from postcoach.brand.profile import learn

    return learn(NAME, BANK_POSTS, Profile(name=NAME, brand_names=("Hélène",))).to_dict()


@pytest.fixture
def bank(bank_export, isolated_home) -> Profile:
    """The bank stored in this test's data directory, version 1."""
    profile = Profile.from_dict(bank_export)
    Store().create(profile)
    return profile


# --- Create, read, list ----------------------------------------------------------------------


def test_create_then_read_and_list(transport):
    reply = transport.post_json("/v1/profiles", {"name": NAME, "brand_names": ["Hélène"],
                                                 "banned_terms": {"client": "vous"}})
    assert reply.status == 201
    assert reply.headers["ETag"] == '"1"'
    assert reply.headers["Location"] == PATH
    created = reply.json
    assert created["name"] == NAME and created["version"] == 1
    assert created["learned"] is False and created["samples"] == 0
    assert "fingerprint" not in created
    assert any("Voice not learned yet" in line for line in created["description"])

    read = transport.get(PATH, transport.auth())
    assert read.status == 200 and read.headers["ETag"] == '"1"'
    assert read.json == created
    # Any A-Z case finds it.
    assert transport.get(f"/v1/profiles/{quote(OTHER_CASE)}", transport.auth()).json == created

    listing = transport.get("/v1/profiles", transport.auth()).json
    assert listing == {"active": {}, "profiles": [{
        "name": NAME, "version": 1, "learned": False, "samples": 0, "languages": ["fr", "en"],
        "address_form": {"fr": "vous"}, "active_on": []}]}


def test_description_speaks_french_on_request(transport, bank):
    french = transport.get(f"{PATH}?lang=fr", transport.auth()).json["description"]
    english = transport.get(PATH, transport.auth()).json["description"]
    assert "Voix apprise sur 8 posts." in french
    assert "Voice learned from 8 posts." in english
    error = transport.get(f"{PATH}?lang=de", transport.auth()).assert_error(422, "invalid_field")
    assert error["field"] == "lang"


def test_a_taken_name_is_a_409_whatever_its_case(transport, bank):
    reply = transport.post_json("/v1/profiles", {"name": OTHER_CASE})
    reply.assert_error(409, "profile_exists")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": " padded "}, "name"),
        ({"name": "a/b"}, "name"),
        ({"name": "active"}, "name"),
        ({"name": "import"}, "name"),
        ({"name": "x" * 65}, "name"),
        ({"name": "Acme", "formality": 101}, "formality"),
        ({"name": "Acme", "formality": "high"}, "formality"),
        ({"name": "Acme", "languages": []}, "languages"),
        ({"name": "Acme", "languages": ["de"]}, "languages.0"),
        ({"name": "Acme", "address_form": {"fr": "toi"}}, "address_form.fr"),
        ({"name": "Acme", "hashtags_max": {"myspace": 2}}, "hashtags_max.myspace"),
        ({"name": "Acme", "banned_terms": {"  ": "x"}}, "banned_terms"),
        ({"name": "Acme", "reading_ease": [10]}, "reading_ease"),
        ({"name": "Acme", "platforms": {"linkedin": {"hashtags_max": 3}}},
         "platforms.linkedin.hashtags_max"),
        ({"name": "Acme", "fingerprint": None}, "fingerprint"),
        ({"name": "Acme", "colour": "red"}, "colour"),
    ],
)
def test_invalid_profiles_are_a_422_naming_the_field(transport, payload, field):
    error = transport.post_json("/v1/profiles", payload).assert_error(422, "invalid_field")
    assert error["field"] == field
    assert error["message"].startswith(field)
    assert transport.get("/v1/profiles", transport.auth()).json["profiles"] == []


def test_what_a_read_gives_is_accepted_back_and_ignored(transport):
    """A client may PUT back the profile it read, description and all."""
    created = transport.post_json("/v1/profiles", {"name": "Acme"}).json
    edited = {**created, "emoji_max": 3, "samples": 999, "learned": True}
    reply = transport.send_json("PUT", "/v1/profiles/Acme", edited)
    assert reply.status == 200
    assert reply.json["emoji_max"] == 3
    assert reply.json["samples"] == 0 and reply.json["learned"] is False


def test_a_reading_ease_range_given_high_first_is_read_low_first(transport):
    reply = transport.post_json("/v1/profiles", {"name": "Acme", "reading_ease": [90, 30]})
    assert reply.json["reading_ease"] == [30.0, 90.0]


def test_unknown_profiles_are_a_404(transport):
    for method, path, payload in [
        ("GET", "/v1/profiles/Nobody", None),
        ("PATCH", "/v1/profiles/Nobody", {"emoji_max": 2}),
        ("PUT", "/v1/profiles/Nobody", {"emoji_max": 2}),
        ("PUT", "/v1/profiles/Nobody", {"name": "Somebody"}),
        ("DELETE", "/v1/profiles/Nobody", None),
        ("GET", "/v1/profiles/Nobody/export", None),
    ]:
        if payload is None:
            reply = transport.request(method, path, headers=transport.auth())
        else:
            reply = transport.send_json(method, path, payload)
        reply.assert_error(404, "profile_not_found")


# --- Update: PATCH, PUT, versions ------------------------------------------------------------


def test_patch_changes_only_the_fields_given(transport, bank):
    reply = transport.send_json("PATCH", PATH, {"domains": ["banque-helene.fr"], "version": 1})
    assert reply.status == 200 and reply.headers["ETag"] == '"2"'
    changed = reply.json
    assert changed["version"] == 2
    assert changed["domains"] == ["banque-helene.fr"]
    assert changed["brand_names"] == ["Hélène"]  # untouched
    assert changed["learned"] is True and changed["samples"] == 8  # the voice is kept
    assert Store().get(NAME)[0].fingerprint == bank.fingerprint


def test_put_replaces_every_field_but_keeps_the_voice(transport, bank):
    reply = transport.send_json("PUT", PATH, {"name": NAME, "formality": 80},
                                transport.auth(**{"If-Match": '"1"'}))
    assert reply.status == 200
    replaced = reply.json
    assert replaced["formality"] == 80
    assert replaced["brand_names"] == []  # absent: back to the default
    assert replaced["languages"] == ["fr", "en"]
    assert replaced["learned"] is True and replaced["samples"] == 8


def test_a_profile_cannot_be_renamed(transport, bank):
    error = transport.send_json("PATCH", PATH, {"name": "Autre"}).assert_error(422,
                                                                               "invalid_field")
    assert error["field"] == "name" and "renamed" in error["message"]
    # The same name in another case is the same profile.
    assert transport.send_json("PATCH", PATH, {"name": OTHER_CASE}).status == 200


def test_two_tabs_patching_different_fields_at_once_keep_both(live_server, isolated_home):
    """Each PATCH reads and writes in one transaction: neither overwrites the other's field."""
    Store().create(Profile(name="Acme"))
    edits = [{"emoji_max": 4}, {"exclamation_max": 3}, {"formality": 20},
             {"brand_names": ["Acme"]}, {"domains": ["acme.example"]},
             {"preferred_terms": ["atelier"]}, {"banned_terms": {"client": "vous"}},
             {"hashtags_max": {"linkedin": 4}}]
    start = threading.Barrier(len(edits))
    statuses = []

    def tab(edit):
        connection = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=30)
        start.wait()
        connection.request("PATCH", "/v1/profiles/Acme", body=json.dumps(edit), headers={
            "Authorization": f"Bearer {live_server.token}", "Content-Type": "application/json"})
        statuses.append(connection.getresponse().status)
        connection.close()

    tabs = [threading.Thread(target=tab, args=(edit,)) for edit in edits]
    for thread in tabs:
        thread.start()
    for thread in tabs:
        thread.join()
    assert statuses == [200] * len(edits)
    profile, version = Store().get("Acme")
    assert version == 1 + len(edits)
    stored = profile.to_dict()
    for edit in edits:
        for key, value in edit.items():
            assert stored[key] == value  # a field given replaces that field whole


def test_a_stale_put_is_refused_with_the_current_version(transport, bank):
    read = transport.get(PATH, transport.auth())
    loaded = read.json
    # Another tab saves in between.
    assert transport.send_json("PATCH", PATH, {"brand_names": ["Hélène", "BH"]}).status == 200
    stale = {**loaded, "formality": 90}
    error = transport.send_json("PUT", PATH, stale).assert_error(409, "stale_version")
    assert error["version"] == 2
    reply = transport.send_json("PUT", PATH, stale, transport.auth(**{"If-Match": read.headers[
        "ETag"]}))
    assert reply.assert_error(409, "stale_version")["version"] == 2
    assert reply.headers["ETag"] == '"2"'
    kept, version = Store().get(NAME)
    assert version == 2 and kept.brand_names == ("Hélène", "BH") and kept.formality != 90
    # With the version it was told, the save goes through.
    assert transport.send_json("PUT", PATH, {**stale, "version": 2}).json["formality"] == 90


@pytest.mark.parametrize("if_match", ['"1"', 'W/"1"', "1", "*"])
def test_if_match_spellings(transport, bank, if_match):
    reply = transport.send_json("PATCH", PATH, {"emoji_max": 2},
                                transport.auth(**{"If-Match": if_match}))
    assert reply.status == 200


def test_if_match_and_version_must_agree(transport, bank):
    reply = transport.send_json("PATCH", PATH, {"emoji_max": 2, "version": 1},
                                transport.auth(**{"If-Match": '"7"'}))
    assert reply.assert_error(409, "stale_version")["version"] == 1
    error = transport.send_json("PATCH", PATH, {"emoji_max": 2},
                                transport.auth(**{"If-Match": "yesterday"}))
    assert error.assert_error(422, "invalid_field")["field"] == "If-Match"


# --- Delete ----------------------------------------------------------------------------------


def test_delete_is_a_204_and_frees_the_networks(transport, bank):
    Store().set_active("facebook", NAME)
    reply = transport.request("DELETE", PATH, headers=transport.auth())
    assert reply.status == 204 and reply.body == b""
    transport.get(PATH, transport.auth()).assert_error(404, "profile_not_found")
    assert transport.get("/v1/profiles/active", transport.auth()).json == {"active": {}}


# --- Learn -----------------------------------------------------------------------------------


def test_learning_from_three_posts_says_five_are_needed(transport):
    error = transport.post_json("/v1/profiles/Acme/learn", {"samples": BANK_POSTS[:3]}
                                ).assert_error(422, "not_enough_samples")
    assert error["field"] == "samples"
    assert "at least 5" in error["message"] and "add 2 more" in error["message"]
    assert (error["count"], error["needed"]) == (3, 5)
    # Blank posts do not count.
    error = transport.post_json("/v1/profiles/Acme/learn", {
        "content": "\n".join([*BANK_POSTS[:4], "   ", ""])}).assert_error(422, "not_enough_samples")
    assert error["field"] == "content" and "got 4" in error["message"] and error["count"] == 4
    transport.get("/v1/profiles/Acme", transport.auth()).assert_error(404, "profile_not_found")


def test_learning_creates_then_relearns_keeping_what_a_person_entered(transport):
    path = f"{PATH}/learn"
    reply = transport.post_json(path, {"samples": [{"text": p, "platform": "linkedin"}
                                                   for p in BANK_POSTS]})
    assert reply.status == 201 and reply.headers["ETag"] == '"1"'
    learned = reply.json
    assert learned["learned"] is True and learned["samples"] == 8
    assert learned["address_form"] == {"fr": "vous"} and learned["emoji_max"] == 0
    assert "Voice learned from 8 posts." in learned["description"]

    patch = {"brand_names": ["Hélène"], "domains": ["banque-helene.fr"],
             "banned_terms": {"client": "vous"}, "preferred_terms": ["conseiller"]}
    assert transport.send_json("PATCH", PATH, patch).status == 200
    reply = transport.post_json(f"{path}?lang=fr", {"content": "\n".join(SURF_POSTS)})
    assert reply.status == 200 and reply.headers["ETag"] == '"3"'
    relearned = reply.json
    assert relearned["address_form"] == {"fr": "tu"} and relearned["emoji_max"] >= 2
    assert relearned["samples"] == 6
    assert {k: relearned[k] for k in patch} == patch
    assert any("Voix apprise sur 6 posts" in line for line in relearned["description"])


def test_an_edit_made_while_learning_is_kept(transport, monkeypatch):
    """Learning takes seconds; a tab saving brand names meanwhile must not lose them."""
    Store().create(Profile(name="Acme"))
    real_learn = profiles_module.learn

    def learn_while_someone_edits(name, samples, base):
        learned = real_learn(name, samples, base)
        Store().update("Acme", {"brand_names": ["Acme"]})
        return learned

    monkeypatch.setattr(profiles_module, "learn", learn_while_someone_edits)
    reply = transport.post_json("/v1/profiles/Acme/learn", {"samples": BANK_POSTS})
    assert reply.status == 200
    assert reply.json["brand_names"] == ["Acme"] and reply.json["learned"] is True


@pytest.mark.parametrize(
    ("request_fields", "platform"),
    [
        ({"content": "text,network\n" + "\n".join(f'"{p}",linkedin' for p in BANK_POSTS),
          "filename": "export.csv"}, "linkedin"),
        ({"content": json.dumps([{"message": p} for p in BANK_POSTS]), "platform": "facebook"},
         "facebook"),
        ({"content": "\n".join(BANK_POSTS), "column": None}, None),
    ],
)
def test_learning_from_pasted_exports(transport, request_fields, platform):
    request_fields = {k: v for k, v in request_fields.items() if v is not None}
    reply = transport.post_json("/v1/profiles/Acme/learn", request_fields)
    assert reply.status == 201, reply.json
    assert reply.json["samples"] == 8


@pytest.mark.parametrize(
    ("payload", "code", "field"),
    [
        ({}, "invalid_field", "samples"),
        ({"samples": BANK_POSTS, "content": "x"}, "invalid_field", "samples"),
        ({"samples": [42]}, "invalid_field", "samples.0"),
        ({"samples": [{"text": "x", "platform": "myspace"}]}, "invalid_field",
         "samples.0.platform"),
        ({"content": "a,b\n1,2", "column": "text"}, "unreadable_samples", "content"),
        ({"content": "[" * 5000}, "unreadable_samples", "content"),
        ({"content": "[1" + "0" * 5000 + "]"}, "unreadable_samples", "content"),
    ],
)
def test_learn_refusals_name_the_field(transport, payload, code, field):
    error = transport.post_json("/v1/profiles/Acme/learn", payload).assert_error(422, code)
    assert error["field"] == field


def test_learning_takes_a_long_history_evenly(transport, monkeypatch):
    monkeypatch.setattr(profiles_module, "MAX_LEARN_POSTS", 6)
    reply = transport.post_json("/v1/profiles/Acme/learn", {"samples": BANK_POSTS + SURF_POSTS})
    assert reply.json["samples"] == 6


def test_learn_takes_a_bigger_body_than_the_other_routes(transport):
    """Past 256 KiB is fine for learn (a long paste); past 2 MiB is a 413 naming the cap."""
    headers = transport.auth(**{"Content-Type": "application/json"})
    between = json.dumps({"samples": [], "filename": "x" * (MAX_BODY_BYTES + 1024)}).encode()
    reply = transport.request("POST", "/v1/profiles/Acme/learn", between, headers)
    reply.assert_error(422, "not_enough_samples")  # read and understood: too few posts
    reply = transport.request("POST", "/v1/analyze", between, headers)
    assert "256 KiB" in reply.assert_error(413, "too_large")["message"]

    over = json.dumps({"content": "x" * (LEARN_MAX_BODY_BYTES + 1)}).encode()
    reply = transport.request("POST", "/v1/profiles/Acme/learn", over, headers)
    assert "2 MiB" in reply.assert_error(413, "too_large")["message"]


def test_learn_cap_holds_for_a_chunked_body(live_server):
    chunks = (b"x" * 65536 for _ in range(LEARN_MAX_BODY_BYTES // 65536 + 4))
    connection = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=30)
    connection.request("POST", "/v1/profiles/Acme/learn", body=chunks, encode_chunked=True,
                       headers={"Authorization": f"Bearer {live_server.token}",
                                "Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "too_large"
    connection.close()


# --- Active profiles -------------------------------------------------------------------------


def test_choosing_the_active_profile_per_network(transport, bank):
    assert transport.get("/v1/profiles/active", transport.auth()).json == {"active": {}}
    reply = transport.send_json("PUT", "/v1/profiles/active",
                                {"platform": "linkedin", "name": OTHER_CASE})
    assert reply.json == {"active": {"linkedin": NAME}}
    reply = transport.send_json("PUT", "/v1/profiles/active", {"name": NAME})
    assert reply.json == {"active": {"facebook": NAME, "generic": NAME, "linkedin": NAME}}
    reply = transport.send_json("PUT", "/v1/profiles/active", {"platform": "facebook",
                                                                "name": None})
    assert reply.json == {"active": {"generic": NAME, "linkedin": NAME}}
    listing = transport.get("/v1/profiles", transport.auth()).json
    assert listing["profiles"][0]["active_on"] == ["generic", "linkedin"]
    assert transport.get(PATH, transport.auth()).json["active_on"] == ["generic", "linkedin"]

    error = transport.send_json("PUT", "/v1/profiles/active", {"name": "Nobody"}
                                ).assert_error(422, "unknown_profile")
    assert error["field"] == "name"
    error = transport.send_json("PUT", "/v1/profiles/active", {"platform": "myspace",
                                                                "name": NAME})
    assert error.assert_error(422, "invalid_field")["field"] == "platform"


def test_fixed_routes_are_not_profile_names(transport):
    transport.send_json("PATCH", "/v1/profiles/active", {}).assert_error(405,
                                                                         "method_not_allowed")
    transport.get("/v1/profiles/import", transport.auth()).assert_error(405,
                                                                        "method_not_allowed")
    # A profile the CLI named "active" stays reachable in another case.
    Store().create(Profile(name="active"))
    assert transport.get("/v1/profiles/Active", transport.auth()).json["name"] == "active"


# --- Export and import -----------------------------------------------------------------------


def test_export_then_import(transport, bank, bank_export):
    reply = transport.get(f"{PATH}/export", transport.auth())
    assert reply.status == 200
    assert reply.headers["Content-Disposition"] == (
        'attachment; filename="Banque-Helene.postcoach.json"; '
        "filename*=UTF-8''Banque%20H%C3%A9l%C3%A8ne.postcoach.json")
    exported = reply.json
    assert exported == json.loads(json.dumps(bank_export))  # fingerprint included

    transport.post_json("/v1/profiles/import", exported).assert_error(409, "profile_exists")
    reply = transport.post_json("/v1/profiles/import?replace=true", {**exported, "emoji_max": 3})
    assert reply.status == 200 and reply.json["version"] == 2 and reply.json["emoji_max"] == 3
    reply = transport.post_json("/v1/profiles/import", {**exported, "name": "Copie"})
    assert reply.status == 201 and reply.json["learned"] is True
    assert Store().get("Copie")[0].fingerprint == bank.fingerprint
    error = transport.post_json("/v1/profiles/import?replace=maybe", exported)
    assert error.assert_error(422, "invalid_field")["field"] == "replace"


def test_an_imported_fingerprint_cannot_break_the_scores(transport, bank_export):
    """Spreads of zero (or below what learning ever gives) would divide by zero."""
    fingerprint = bank_export["fingerprint"]
    broken = {
        **fingerprint,
        "style": {name: [pair[0], 0] for name, pair in fingerprint["style"].items()},
        "calibration": {"similarity": [2, 0], "distance": [0, 0]},
    }
    reply = transport.post_json("/v1/profiles/import", {**bank_export, "name": "Odd",
                                                        "fingerprint": broken})
    assert reply.status == 201
    result = transport.post_json("/v1/analyze", {"text": TU_DRAFT, "profile": "Odd"})
    assert result.status == 200
    assert 0 <= result.json["scores"]["tone_consistency"] <= 100


# --- Analyze with profiles -------------------------------------------------------------------


def test_analyze_with_a_stored_profile_by_name(transport, bank):
    reply = transport.post_json("/v1/analyze", {"text": TU_DRAFT, "profile": NAME})
    assert reply.status == 200
    assert reply.json == analyze(TU_DRAFT, profile=bank)
    assert _mismatch(reply.json)
    assert not _mismatch(analyze(TU_DRAFT, profile=Profile(address_form={"fr": "tu"})))
    error = transport.post_json("/v1/analyze", {"text": TU_DRAFT, "profile": "Nobody"}
                                ).assert_error(422, "unknown_profile")
    assert error["field"] == "profile"


def test_analyze_uses_the_active_profile_of_the_network(transport, bank):
    draft = {"text": TU_DRAFT, "platform": "facebook"}
    default = transport.post_json("/v1/analyze", draft).json
    assert default == analyze(**draft)

    Store().set_active("facebook", NAME)
    on_facebook = transport.post_json("/v1/analyze", draft).json
    assert on_facebook == analyze(**draft, profile=bank)
    assert on_facebook["scores"]["tone_consistency"] != default["scores"]["tone_consistency"]
    # LinkedIn has no profile of its own and generic none either: the default.
    assert transport.post_json("/v1/analyze", {**draft, "platform": "linkedin"}).json == \
        analyze(TU_DRAFT, "linkedin")
    # A profile given in the request wins over the active one.
    given = transport.post_json("/v1/analyze", {**draft, "profile": {"address_form": {"fr": "tu"
                                                                                      }}}).json
    assert not _mismatch(given)


def test_analyze_sees_every_change_at_once(transport, bank):
    """Analyze keeps parsed profiles between requests; any commit, from this server or another
    process (the CLI), is seen by the next draft."""
    Store().set_active("generic", NAME)
    draft = {"text": TU_DRAFT}
    assert _mismatch(transport.post_json("/v1/analyze", draft).json)
    transport.send_json("PATCH", PATH, {"address_form": {"fr": "tu"}})
    assert not _mismatch(transport.post_json("/v1/analyze", draft).json)
    Store().update(NAME, {"address_form": {"fr": "vous"}})  # as `postcoach profile` would
    assert _mismatch(transport.post_json("/v1/analyze", draft).json)
    Store().set_active("generic", None)
    assert transport.post_json("/v1/analyze", draft).json == analyze(TU_DRAFT)


def test_profiles_persist_across_app_instances(token, isolated_home, monkeypatch):
    auth = {"Authorization": f"Bearer {token}"}
    first = create_app({"TESTING": True, "PORT": 8731, "SERVER_NAME": "127.0.0.1:8731"})
    reply = first.test_client().post(f"{PATH}/learn", json={"samples": BANK_POSTS}, headers=auth)
    assert reply.status_code == 201
    first.test_client().put("/v1/profiles/active", json={"name": NAME}, headers=auth)

    # Nothing the first one kept in memory helps the second.
    monkeypatch.setattr(profiles_module, "_stores", {})
    monkeypatch.setattr(profiles_module, "_reads", profiles_module._Reads())
    second = create_app({"TESTING": True, "PORT": 8731, "SERVER_NAME": "127.0.0.1:8731"})
    client = second.test_client()
    assert client.get(PATH, headers=auth).json == reply.json | {
        "active_on": ["generic", "facebook", "linkedin"]}
    result = client.post("/v1/analyze", json={"text": TU_DRAFT}, headers=auth).json
    assert _mismatch(result)


# --- Security --------------------------------------------------------------------------------

PROFILE_ROUTES = [
    ("GET", "/v1/profiles"), ("POST", "/v1/profiles"), ("GET", "/v1/profiles/active"),
    ("PUT", "/v1/profiles/active"), ("POST", "/v1/profiles/import"), ("GET", PATH),
    ("PUT", PATH), ("PATCH", PATH), ("DELETE", PATH), ("POST", f"{PATH}/learn"),
    ("GET", f"{PATH}/export"),
]


@pytest.mark.parametrize(("method", "path"), PROFILE_ROUTES)
def test_every_profile_route_needs_the_token(transport, method, path):
    reply = transport.request(method, path, b"{}", {"Content-Type": "application/json"})
    reply.assert_error(401, "unauthorized")


def test_the_extension_may_send_if_match_and_read_the_etag(transport, bank):
    origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    preflight = transport.request("OPTIONS", PATH, headers={
        "Origin": origin, "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization, content-type, if-match"})
    assert preflight.status == 200
    assert "if-match" in preflight.headers["Access-Control-Allow-Headers"].lower()
    reply = transport.get(PATH, transport.auth(Origin=origin))
    assert "ETag" in reply.headers["Access-Control-Expose-Headers"]
