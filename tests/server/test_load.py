"""The server never blocks on its own output: started as a launcher would, with stdout and
stderr on a pipe nobody reads, it serves 10 000 requests from 20 clients without an error.

Before, waitress wrote a warning for every request that waited for a thread; the pipe filled
after about 1 300 requests under this load and every request hung from then on.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time

import pytest

from postcoach.server.pairing import load_or_create_token

CLIENTS = 20
REQUESTS = 10_000
DEADLINE_S = 300  # a bound, not an expectation: about 20 s on two busy cores
DRAFTS = [
    "Bonjour à tous ! Quelle est votre astuce préférée pour l'hiver ? Dites-le-nous 😊",
    "Achetez vite, -50 % sur tout le site, dernière chance !!!",
    "What was the most useful thing you learned this week? Tell us in the comments.",
    "Nous avons passé deux jours dans l'atelier de Lucie, qui coud nos sacs à la main.",
]


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_served(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/v1/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.05)
        finally:
            connection.close()
    raise AssertionError("the server did not answer within 60 s")


@pytest.mark.slow
def test_an_unread_output_pipe_never_stops_the_server(isolated_home):
    token = load_or_create_token()
    port = _free_port()
    # Both pipes are kept open and never read, for the whole run.
    server = subprocess.Popen(
        [sys.executable, "-m", "postcoach", "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    errors: list[str] = []
    served = [0] * CLIENTS
    give_up = time.monotonic() + DEADLINE_S

    def client(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        for count in range(REQUESTS // CLIENTS):
            if time.monotonic() > give_up:
                errors.append("deadline")
                return
            try:
                if count % 5 == 4:
                    connection.request("GET", "/v1/health")
                else:
                    body = {"text": DRAFTS[(number + count) % len(DRAFTS)][: 40 + count % 40]}
                    connection.request("POST", "/v1/analyze", json.dumps(body), headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(f"status {response.status}")
                served[number] += 1
            except OSError as error:  # a timeout included: the server stopped answering
                errors.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    try:
        _wait_until_served(port, server)
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [], errors[:5]
        assert sum(served) == REQUESTS
        # At the default level the log has the start line and at most a summary a minute.
        log = (isolated_home / "postcoach.log").read_text()
        assert len(log.splitlines()) <= 2 + (DEADLINE_S // 60), log
    finally:
        server.kill()
        server.communicate(timeout=30)
