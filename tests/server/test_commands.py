"""`postcoach serve` and `postcoach token` as a person runs them, in real processes."""

from __future__ import annotations

import http.client
import json
import os
import queue
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from postcoach.server import pairing

MARKER = "Zorglub-3f9a-marker"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening_addresses(port: int) -> list[str]:
    listing = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True,
                             check=True).stdout
    return [line.split()[3] for line in listing.splitlines()]


def _postcoach(*args: str) -> list[str]:
    return [sys.executable, "-m", "postcoach", *args]


class Served:
    """A `postcoach serve` process whose output is read line by line as it comes."""

    def __init__(self, port: int, *options: str) -> None:
        self.port = port
        self.process = subprocess.Popen(
            _postcoach("serve", "--port", str(port), *options),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            assert line is not None, "".join(self.lines)
            self.lines.append(line)

    def drain(self) -> str:
        while (line := self._queue.get(timeout=30)) is not None:
            self.lines.append(line)
        return "".join(self.lines)

    def request(self, method: str, path: str, payload: object = None, **headers: str):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        body = None if payload is None else json.dumps(payload)
        if body is not None:
            headers["Content-Type"] = "application/json"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        result = response.status, response.read()
        connection.close()
        return result


@contextmanager
def served(port: int, *options: str) -> Iterator[Served]:
    server = Served(port, *options)
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait(timeout=10)


def test_token_is_made_once_private_and_printed(isolated_home):
    first = subprocess.run(_postcoach("token"), capture_output=True, text=True, check=True)
    token = first.stdout.strip()
    path = isolated_home / "token"
    assert path.read_text().strip() == token
    assert len(token) >= 43
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = subprocess.run(_postcoach("token"), capture_output=True, text=True, check=True)
    assert second.stdout.strip() == token


def test_tokens_differ_between_installations(tmp_path, monkeypatch):
    tokens = set()
    for name in ("one", "two"):
        monkeypatch.setenv("POSTCOACH_HOME", str(tmp_path / name))
        tokens.add(pairing.load_or_create_token())
    assert len(tokens) == 2


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_readable_token_file_is_made_private_again(isolated_home):
    token = pairing.load_or_create_token()
    pairing.token_path().chmod(0o644)
    assert pairing.load_or_create_token() == token
    assert stat.S_IMODE(pairing.token_path().stat().st_mode) == 0o600


@pytest.mark.parametrize("content", ["", "short", "\u00e9" * 50])
def test_a_damaged_token_file_is_replaced(isolated_home, content):
    pairing.token_path().write_text(content, encoding="utf-8")
    token = pairing.load_or_create_token()
    assert len(token) >= 43 and token != content
    assert pairing.token_path().read_text().strip() == token


def test_check_does_not_import_flask():
    code = ("import sys; from postcoach.cli import main; main(['check', 'Bonjour', '--json']);"
            "print(sorted({'flask', 'waitress'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().endswith("[]")


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_serve_refuses_a_bad_port_in_one_line(port):
    result = subprocess.run(_postcoach("serve", "--port", port), capture_output=True, text=True)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_explains_a_port_in_use_in_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(_postcoach("serve", "--port", str(port)),
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"port {port} is already in use" in lines[0]


def _wait_until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _pairing_code(home) -> str:
    return json.loads((home / "pairing-code").read_text())["code"]


@pytest.mark.parametrize("verbose", [False, True], ids=["default", "verbose"])
def test_serve_lifecycle(isolated_home, verbose):
    """Starts, tells a newcomer what to do, serves securely, logs no draft, stops on Ctrl-C."""
    port = _free_port()
    with served(port, *(["--verbose"] if verbose else [])) as server:
        server.wait_for("Ctrl-C stops the server")
        banner = "".join(server.lines)
        token = (isolated_home / "token").read_text().strip()
        assert f"http://127.0.0.1:{port}" in banner
        assert f"Pairing code: {_pairing_code(isolated_home)}" in banner
        assert token not in banner  # the code pairs; the token stays in its file
        assert str(isolated_home / "token") in banner
        assert "chrome://extensions" in banner and "Load unpacked" in banner
        assert "about:debugging" in banner and "manifest.json" in banner
        assert str(isolated_home / "postcoach.log") in banner
        assert len(banner.splitlines()) <= 12

        if shutil.which("ss"):  # bound to loopback, not to every interface
            assert _listening_addresses(port) == [f"127.0.0.1:{port}"]

        auth = {"Authorization": f"Bearer {token}"}
        assert server.request("GET", "/v1/health")[0] == 200
        draft = {"text": f"Achetez {MARKER} !"}
        status, body = server.request("POST", "/v1/analyze", draft, **auth)
        assert status == 200 and json.loads(body)["scores"]
        assert server.request("POST", "/v1/analyze", {"text": MARKER, "platform": MARKER},
                              **auth)[0] == 422
        assert server.request("POST", "/v1/analyze", {"text": MARKER})[0] == 401
        assert server.request("POST", "/v1/analyze", {"text": MARKER}, Origin="https://x.example",
                              **auth)[0] == 403
        assert server.request("GET", "/v1/health", Host=f"evil.example:{port}")[0] == 403

        if hasattr(signal, "SIGUSR1"):  # a stuck server says where it waits, and goes on
            stacks = isolated_home / "postcoach-stacks.txt"
            server.process.send_signal(signal.SIGUSR1)
            _wait_until(lambda: "cmd_serve" in stacks.read_text())
            assert "waitress" in stacks.read_text()
            assert stat.S_IMODE(stacks.stat().st_mode) == 0o600
            assert server.request("GET", "/v1/health")[0] == 200

        server.process.send_signal(signal.SIGINT)
        assert server.process.wait(timeout=15) == 0
        output = server.drain()
    log = (isolated_home / "postcoach.log").read_text()
    assert "Post Coach stopped." in output
    assert "Traceback" not in output + log
    if os.name == "posix":
        assert stat.S_IMODE((isolated_home / "postcoach.log").stat().st_mode) == 0o600
    # Refusals are counted in the summary written as the server stops...
    assert "1× 401 unauthorized" in log and "1× 403 origin_not_allowed" in log
    assert "1× 422 invalid_field" in log
    if verbose:  # ...and logged one by one with --verbose, on stderr and in the file
        assert "POST /v1/analyze 200" in log and "POST /v1/analyze 200" in output
        assert "refused POST /v1/analyze: unauthorized" in log
    else:  # no line per request at the default level
        assert "/v1/analyze" not in log and "/v1/analyze" not in output
    assert MARKER not in output + log  # drafts never
