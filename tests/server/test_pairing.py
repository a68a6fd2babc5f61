"""POST /v1/pair: the one-time code for the token, for extension pages only, through the test
client and a real socket; and `postcoach pair`, which makes the code."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time

import pytest

from postcoach.server import pairing

CHROME_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
FIREFOX_ORIGIN = "moz-extension://0b5f8a8e-51f2-4d0e-9d43-6c2f2a0c8d11"
JSON = {"Content-Type": "application/json"}


def _pair(transport, code: str, origin: str | None = CHROME_ORIGIN, **headers: str):
    if origin is not None:
        headers["Origin"] = origin
    return transport.post_json("/v1/pair", {"code": code}, headers)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**pairing.CODE_DIGITS:0{pairing.CODE_DIGITS}d}"


@pytest.mark.parametrize("origin", [CHROME_ORIGIN, FIREFOX_ORIGIN])
def test_the_code_gives_the_token_once(transport, origin):
    code = pairing.issue_code().code
    reply = _pair(transport, code, origin)
    assert reply.status == 200, reply.body
    assert reply.json == {"token": transport.token}
    assert reply.headers["Access-Control-Allow-Origin"] == origin
    assert reply.headers["Cache-Control"] == "no-store"
    # Used up: the same code again is refused, and the token opens the API.
    _pair(transport, code, origin).assert_error(401, "code_expired")
    assert not pairing.code_path().exists()
    assert transport.get("/v1/rules", transport.auth()).status == 200


def test_an_expired_code_is_refused(transport):
    code = pairing.issue_code(now=time.time() - pairing.CODE_SECONDS - 1).code
    error = _pair(transport, code).assert_error(401, "code_expired")
    assert "postcoach pair" in error["message"] and "expired" in error["message"]
    assert transport.token not in json.dumps(error)
    assert not pairing.code_path().exists()


def test_no_code_at_all_is_refused(transport):
    error = _pair(transport, "123456").assert_error(401, "code_expired")
    assert "postcoach pair" in error["message"]


def test_five_wrong_codes_kill_the_code(transport):
    code = pairing.issue_code().code
    for left in range(pairing.MAX_WRONG_TRIES - 1, 0, -1):
        error = _pair(transport, _wrong(code)).assert_error(401, "wrong_code")
        assert error["tries_left"] == left
    error = _pair(transport, _wrong(code)).assert_error(401, "too_many_tries")
    assert error["tries_left"] == 0
    # Even the right code no longer works: a new one must be made.
    _pair(transport, code).assert_error(401, "code_expired")
    assert not pairing.code_path().exists()
    fresh = pairing.issue_code().code
    assert _pair(transport, fresh).status == 200


@pytest.mark.parametrize("origin", [None, "https://evil.example", "null", "http://127.0.0.1:8731"])
def test_web_pages_and_scripts_cannot_pair_nor_burn_tries(transport, origin):
    code = pairing.issue_code().code
    for _ in range(pairing.MAX_WRONG_TRIES + 1):
        reply = _pair(transport, code, origin)
        reply.assert_error(403, "origin_not_allowed")
        assert "Access-Control-Allow-Origin" not in reply.headers
        assert transport.token not in reply.body.decode()
    # The refusals neither used the code nor counted as wrong tries.
    assert _pair(transport, code).json == {"token": transport.token}


def test_a_rebinding_host_cannot_pair(transport):
    code = pairing.issue_code().code
    _pair(transport, code, Host=f"evil.example:{transport.port}").assert_error(
        403, "host_not_allowed")
    assert _pair(transport, code).status == 200


def test_the_extension_may_preflight_pairing(transport):
    reply = transport.request("OPTIONS", "/v1/pair", headers={
        "Origin": CHROME_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN


@pytest.mark.parametrize("body", [{}, {"code": "12345"}, {"code": "1234567"}, {"code": 123456},
                                  {"code": "12a456"}, {"code": "123456", "token": "x"}])
def test_a_malformed_code_is_a_422_that_costs_no_try(transport, body):
    code = pairing.issue_code().code
    reply = transport.post_json("/v1/pair", body, {"Origin": CHROME_ORIGIN})
    assert reply.assert_error(422, "invalid_field")["field"] in ("code", "token")
    assert _pair(transport, code).status == 200


def test_pairing_needs_json(transport):
    reply = transport.request("POST", "/v1/pair", b"code=123456",
                              {"Origin": CHROME_ORIGIN, "Content-Type": "text/plain"})
    reply.assert_error(415, "unsupported_media_type")


def test_the_banner_keeps_a_waiting_code_and_replaces_a_dead_one(isolated_home):
    first = pairing.issue_code()
    assert pairing.waiting_code() == first
    assert pairing.waiting_code(now=first.expires + 1) != first


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_code_file_is_private(isolated_home):
    pairing.issue_code()
    assert stat.S_IMODE(pairing.code_path().stat().st_mode) == 0o600


def test_pair_command_prints_a_fresh_code(isolated_home):
    def run() -> str:
        return subprocess.run([sys.executable, "-m", "postcoach", "pair", "--port", "1"],
                              capture_output=True, text=True, check=True).stdout

    output = run()
    code = json.loads(pairing.code_path().read_text())["code"]
    assert f"Pairing code: {code}" in output
    assert "No Post Coach server answers on 127.0.0.1:1" in output
    assert (isolated_home / "token").exists()  # the token the code stands for
    again = run()  # a new code replaces the first
    assert f"Pairing code: {pairing.waiting_code().code}" in again
