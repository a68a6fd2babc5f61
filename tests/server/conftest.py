"""Two ways to reach the API — Flask's test client and a real loopback socket — behind one
`Transport`, so each security test runs through both."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pytest
from waitress import wasyncore
from werkzeug.datastructures import Headers

from postcoach.server import create_app
from postcoach.server.serve import make_server

SOCKET_TOKEN = "socket-test-token-0123456789abcdefghijklmnopq"


@dataclass
class Reply:
    status: int
    headers: Headers  # case-insensitive, like HTTP
    body: bytes

    @property
    def json(self) -> object:
        return json.loads(self.body)

    def assert_error(self, status: int, code: str) -> dict:
        """The contract's error shape, with this status and code."""
        assert self.status == status, (self.status, self.body[:300])
        assert self.headers["Content-Type"] == "application/json"
        error = self.json["error"]
        assert error["code"] == code, error
        assert isinstance(error["message"], str) and error["message"]
        return error


class Transport:
    name: str
    port: int
    token: str

    def request(
        self, method: str, path: str, body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        raise NotImplementedError

    def auth(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **extra}

    def get(self, path: str, headers: Mapping[str, str] | None = None) -> Reply:
        return self.request("GET", path, headers=headers)

    def post_json(
        self, path: str, payload: object, headers: Mapping[str, str] | None = None
    ) -> Reply:
        """POST as JSON; with the token unless other headers are given."""
        return self.send_json("POST", path, payload, headers)

    def send_json(
        self, method: str, path: str, payload: object, headers: Mapping[str, str] | None = None
    ) -> Reply:
        """Any method with a JSON body; with the token unless other headers are given."""
        headers = self.auth() if headers is None else headers
        body = json.dumps(payload).encode()
        return self.request(method, path, body, {"Content-Type": "application/json", **headers})


class FlaskTransport(Transport):
    name = "test-client"

    def __init__(self, client, token: str) -> None:
        self.client, self.token, self.port = client, token, 8731

    def request(self, method, path, body=None, headers=None):
        response = self.client.open(path, method=method, data=body, headers=dict(headers or {}))
        return Reply(response.status_code, Headers(response.headers), response.get_data())


class SocketTransport(Transport):
    name = "socket"

    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=dict(headers or {}))
            response = connection.getresponse()
            return Reply(response.status, Headers(response.getheaders()), response.read())
        finally:
            connection.close()


class ThreadedServer:
    """The production server set-up (make_server) on a free port, in a thread we can stop."""

    def __init__(self, app) -> None:
        self.token = app.config["TOKEN"]
        self.server = make_server(app, 0)
        self.port = int(self.server.effective_port)
        app.config["PORT"] = self.port
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        # waitress's run() has no stop; polling its socket map in short steps gives one.
        socket_map = self.server._map
        while not self._stop.is_set():
            wasyncore.loop(timeout=0.05, map=socket_map, count=1)
        wasyncore.close_all(socket_map)
        self.server.task_dispatcher.shutdown()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server() -> Iterator[ThreadedServer]:
    server = ThreadedServer(create_app({"TOKEN": SOCKET_TOKEN}))
    yield server
    server.stop()


@pytest.fixture(params=["test-client", "socket"])
def transport(request, client, token) -> Transport:
    if request.param == "socket":
        server = request.getfixturevalue("live_server")
        return SocketTransport(server.port, server.token)
    return FlaskTransport(client, token)
