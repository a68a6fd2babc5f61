"""The security model of ARCHITECTURE.md, each point through the test client and a real socket."""

from __future__ import annotations

import pytest

from postcoach.server import security

CHROME_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
FIREFOX_ORIGIN = "moz-extension://0b5f8a8e-51f2-4d0e-9d43-6c2f2a0c8d11"
WEB_ORIGINS = [
    "https://evil.example",
    "http://127.0.0.1:8731",
    "http://localhost",
    "null",
    "chrome-extension://abc/../evil",
    "https://chrome-extension.example",
]
DRAFT = {"text": "Nouvelle collection : achetez vite la vôtre !"}


# --- Host: DNS rebinding -------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}",
                                  "LOCALHOST:{port}"])
def test_loopback_hosts_with_our_port_are_served(transport, host):
    reply = transport.get("/v1/health", {"Host": host.format(port=transport.port)})
    assert reply.status == 200


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "127.0.0.1", "localhost", "127.0.0.1:{other}",
     "localhost.:{port}", "127.0.0.2:{port}", "0.0.0.0:{port}", "attacker.127.0.0.1.nip.io:{port}"],
)
def test_other_hosts_are_refused(transport, host):
    host = host.format(port=transport.port, other=transport.port + 1)
    reply = transport.get("/v1/health", {"Host": host})
    reply.assert_error(403, "host_not_allowed")
    # Even with the token: a rebound page must not get an analysis either.
    reply = transport.post_json("/v1/analyze", DRAFT, transport.auth(Host=host))
    reply.assert_error(403, "host_not_allowed")


# --- Origin: CORS for the extension only ---------------------------------------------------


@pytest.mark.parametrize("origin", [CHROME_ORIGIN, FIREFOX_ORIGIN])
def test_extension_origins_get_cors_headers(transport, origin):
    reply = transport.post_json("/v1/analyze", DRAFT, transport.auth(Origin=origin))
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == origin


@pytest.mark.parametrize("origin", [CHROME_ORIGIN, FIREFOX_ORIGIN])
def test_extension_preflight_succeeds_with_authorization(transport, origin):
    reply = transport.request("OPTIONS", "/v1/analyze", headers={
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    })
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == origin
    allowed = {h.strip().lower() for h in reply.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type"} <= allowed
    assert "POST" in reply.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("origin", WEB_ORIGINS)
def test_web_origins_are_refused_without_cors_headers(transport, origin):
    reply = transport.post_json("/v1/analyze", DRAFT, transport.auth(Origin=origin))
    reply.assert_error(403, "origin_not_allowed")
    assert "Access-Control-Allow-Origin" not in reply.headers
    reply = transport.get("/v1/health", {"Origin": origin})
    reply.assert_error(403, "origin_not_allowed")
    assert "Access-Control-Allow-Origin" not in reply.headers


@pytest.mark.parametrize("origin", WEB_ORIGINS)
def test_web_origin_preflight_is_refused(transport, origin):
    reply = transport.request("OPTIONS", "/v1/analyze", headers={
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    })
    reply.assert_error(403, "origin_not_allowed")
    assert not any(name.startswith("Access-Control-Allow") for name, _ in reply.headers.items())


def test_extension_can_read_a_refusal(transport):
    """A 401 to the extension carries CORS headers, so it can show 'unauthorized'."""
    reply = transport.post_json("/v1/analyze", DRAFT, {"Origin": CHROME_ORIGIN})
    reply.assert_error(401, "unauthorized")
    assert reply.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN


# --- Token -----------------------------------------------------------------------------------


def test_health_needs_no_token(transport):
    reply = transport.get("/v1/health")
    assert reply.status == 200
    assert reply.json == {"status": "ok", "version": reply.json["version"]}
    assert transport.token not in reply.body.decode()


@pytest.mark.parametrize(("method", "path"), [("POST", "/v1/analyze"), ("GET", "/v1/rules"),
                                              ("GET", "/v1/openapi.json"), ("GET", "/v1/nowhere")])
@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Bearer wrong-token", "Basic {token}", "Token {token}",
     "Bearer {short}", "Bearer {token}x", "Bearer {token}\u00e9"],
)
def test_everything_else_needs_the_token(transport, method, path, authorization):
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization.format(token=transport.token,
                                                        short=transport.token[:-1])
    reply = transport.request(method, path, b'{"text": "Bonjour"}', headers)
    reply.assert_error(401, "unauthorized")
    assert reply.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("scheme", ["Bearer", "bearer"])
def test_the_token_opens_every_endpoint(transport, scheme):
    headers = {"Authorization": f"{scheme} {transport.token}"}
    assert transport.get("/v1/rules", headers).status == 200
    assert transport.get("/v1/openapi.json", headers).status == 200
    assert transport.post_json("/v1/analyze", DRAFT, headers).status == 200


def test_token_is_compared_in_constant_time(client, token, monkeypatch):
    compared = []

    def spy(given, expected):
        compared.append((given, expected))
        return given == expected

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    assert client.get("/v1/rules", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert compared == [(token.encode(), token.encode())]


# --- Responses are not cached --------------------------------------------------------------


def test_answers_are_not_cached_or_sniffed(transport):
    reply = transport.post_json("/v1/analyze", DRAFT)
    assert reply.headers["Cache-Control"] == "no-store"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
