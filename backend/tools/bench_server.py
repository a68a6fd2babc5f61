"""Load benchmark of the local server, as `make bench` runs it.

Starts `postcoach serve` on a free loopback port with a throw-away data directory, times the
first answer, then runs N concurrent keep-alive clients for S seconds against /v1/analyze with
French and English drafts of 100 to 3 000 characters, and the same against /v1/health as the
floor. Prints requests/s, p50/p99 latency, errors, the server's peak RSS, and the targets.

By default each client sends at most one request every 250 ms: the extension asks once per
typing pause (about 400 ms), so this is 20 people typing at once, faster than anyone types. The
latency targets apply to that load. With --pace-ms 0 each client is closed-loop (it sends its
next request as soon as it has an answer): the run then measures the server saturated, where
latency is about N times the CPU time of one request; it reports capacity, and only the error,
memory and start-up targets apply, and analyze p50 ≤ 3× health p50 (both endpoints see the
same queueing, so the ratio is what an analysis costs over a request's fixed cost).

With --unread-pipe the server's stdout and stderr go to a pipe that nobody reads during the run
(a launcher or a supervisor with a full buffer): a server that writes per request blocks once the
pipe is full. The report gives the bytes the server wrote (pipe and log file) per 1 000
requests. Loopback only; every loop is bounded in time, and with --requests in count too.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import itertools
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
EXTENSION_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
START_TIMEOUT = 30.0
ANSWER_TIMEOUT = 10.0

TARGETS = {
    "p99_ms": 15.0,
    "analyze_over_health_p50": 3.0,
    "rss_mb": 120.0,
    "first_answer_s": 1.5,
}

FRENCH = [
    "Bonjour à toutes et à tous !",
    "Cette semaine, nous avons passé deux jours dans l'atelier de Lucie, qui coud nos sacs à la "
    "main depuis douze ans.",
    "Elle nous a montré comment elle choisit le cuir : à l'odeur, au toucher, et surtout à la "
    "façon dont il se plie.",
    "Un bon cuir ne marque pas quand on le plie, il se détend.",
    "Nous avons filmé ses gestes pour vous les montrer en vidéo ce jeudi.",
    "Et vous, comment entretenez-vous vos sacs en cuir ?",
    "Une astuce de Lucie : un chiffon doux et une noisette de cire d'abeille, deux fois par an, "
    "suffisent à le nourrir.",
    "Évitez les produits ménagers, qui dessèchent la fleur du cuir et la font craqueler.",
    "Si une tache d'eau apparaît, humidifiez toute la surface pour qu'elle sèche de façon "
    "uniforme, loin du radiateur.",
    "Nos clientes nous racontent souvent qu'elles gardent le même sac pendant dix ans ; c'est "
    "la plus belle preuve de qualité que nous connaissions.",
    "Partagez en commentaire la photo de votre sac le plus ancien, nous sommes curieux de voir "
    "comment il a vieilli.",
    "Lucie répondra elle-même à vos questions sur l'entretien vendredi après-midi.",
    "Pour celles et ceux qui passent à Lyon, l'atelier ouvre ses portes le premier samedi du "
    "mois, de 10 h à 17 h.",
    "Vous pourrez essayer les outils, sentir les peaux et repartir avec un porte-clés que vous "
    "aurez cousu vous-même.",
    "Merci à toutes les personnes qui nous ont envoyé leurs idées de couleurs pour l'automne.",
]
ENGLISH = [
    "Hello everyone!",
    "This week we spent two days in Lucy's workshop, where she has been sewing our bags by hand "
    "for twelve years.",
    "She showed us how she picks leather: by smell, by touch, and above all by the way it bends.",
    "Good leather does not crease when you fold it; it relaxes.",
    "We filmed her at work and will share the video on Thursday.",
    "How do you look after your leather bags?",
    "A tip from Lucy: a soft cloth and a little beeswax twice a year are all it needs.",
    "Avoid household cleaners, which dry out the grain and make it crack.",
    "If a water stain appears, dampen the whole surface so that it dries evenly, away from the "
    "radiator.",
    "Customers often tell us they have carried the same bag for ten years, which is the best "
    "proof of quality we know.",
    "Share a photo of your oldest bag in the comments; we would love to see how it has aged.",
    "Lucy will answer your care questions herself on Friday afternoon.",
    "If you are in York, the workshop opens its doors on the first Saturday of the month, from "
    "10 am to 5 pm.",
    "You can try the tools, feel the hides and leave with a key ring you stitched yourself.",
    "Thank you to everyone who sent us colour ideas for the autumn range.",
]
DRAFT_LENGTHS = (100, 300, 800, 1500, 3000)


def drafts() -> list[str]:
    """Sentences taken in order (and around again) until each target length is reached."""
    made = []
    for sentences in (FRENCH, ENGLISH):
        for length in DRAFT_LENGTHS:
            text = ""
            for sentence in itertools.cycle(sentences):
                if len(text) >= length:
                    break
                text = f"{text} {sentence}".strip()
            made.append(text)
    return made


@dataclass
class Phase:
    name: str
    seconds: float
    max_requests: int | None = None
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    server_cpu_seconds: float | None = None
    elapsed: float | None = None

    def percentile_ms(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return 1000 * ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    @property
    def done(self) -> bool:
        return self.max_requests is not None and len(self.latencies) + self.errors >= \
            self.max_requests

    @property
    def per_second(self) -> float:
        return len(self.latencies) / (self.elapsed or self.seconds)

    @property
    def cpu_ms_per_request(self) -> str:
        if self.server_cpu_seconds is None or not self.latencies:
            return "n/a"
        return f"{1000 * self.server_cpu_seconds / len(self.latencies):.2f}"


@dataclass
class Startup:
    """Wall-clock seconds to the first analysis, and the server's CPU seconds by then: on a busy
    machine the first grows, the second tells what the server itself needed."""

    seconds: float
    cpu_seconds: float | None

    @property
    def cpu_description(self) -> str:
        return "CPU n/a" if self.cpu_seconds is None else f"{self.cpu_seconds:.2f} s of server CPU"


def _http_request(method: str, path: str, port: int, token: str, body: bytes = b"") -> bytes:
    head = [
        f"{method} {path} HTTP/1.1",
        f"Host: {HOST}:{port}",
        f"Authorization: Bearer {token}",
        f"Origin: {EXTENSION_ORIGIN}",
    ]
    if body:
        head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def analyze_requests(port: int, token: str) -> Iterator[bytes]:
    """The drafts as a user types them: each request a few characters shorter or longer."""
    for count, text in enumerate(itertools.cycle(drafts())):
        typed = text[: len(text) - count % 17]
        body = json.dumps({"text": typed, "platform": ("facebook", "linkedin")[count % 2]})
        yield _http_request("POST", "/v1/analyze", port, token, body.encode())


def health_requests(port: int, token: str) -> Iterator[bytes]:
    return itertools.repeat(_http_request("GET", "/v1/health", port, token))


async def _read_status(reader: asyncio.StreamReader) -> int:
    status_line = await reader.readline()
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(status_line.split()[1])


async def _client(
    port: int, requests: Iterator[bytes], phase: Phase, deadline: float, pace: float, start: float
) -> None:
    connection = None
    next_send = start
    while time.perf_counter() < deadline and not phase.done:
        await asyncio.sleep(max(0.0, next_send - time.perf_counter()))
        next_send = time.perf_counter() + pace
        try:
            if connection is None:
                connection = await asyncio.open_connection(HOST, port)
            reader, writer = connection
            started = time.perf_counter()
            writer.write(next(requests))
            status = await asyncio.wait_for(_read_status(reader), ANSWER_TIMEOUT)
            phase.latencies.append(time.perf_counter() - started)
            if status != 200:
                phase.errors += 1
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
            phase.errors += 1
            if connection is not None:
                connection[1].close()
            connection = None
    if connection is not None:
        connection[1].close()


async def _load(
    port: int, requests: Iterator[bytes], phase: Phase, clients: int, pace: float
) -> None:
    now = time.perf_counter()
    deadline = now + phase.seconds
    # Paced clients start spread over one pace, as people do not all type in step.
    await asyncio.gather(
        *(
            _client(port, requests, phase, deadline, pace, now + pace * index / clients)
            for index in range(clients)
        )
    )


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process, where /proc tells it (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_phase(
    name: str, requests: Iterator[bytes], server_pid: int, port: int, args: argparse.Namespace
) -> Phase:
    phase = Phase(name, args.seconds, args.requests)
    cpu_before = cpu_seconds(server_pid)
    started = time.perf_counter()
    asyncio.run(_load(port, requests, phase, args.clients, args.pace_ms / 1000))
    phase.elapsed = time.perf_counter() - started
    cpu_after = cpu_seconds(server_pid)
    if cpu_before is not None and cpu_after is not None:
        phase.server_cpu_seconds = cpu_after - cpu_before
    return phase


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def first_answer(port: int, token: str, started: float) -> float:
    """Seconds from the server's start to its first analysis, polling until it listens."""
    body = json.dumps({"text": drafts()[1]})
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    while time.perf_counter() - started < START_TIMEOUT:
        connection = http.client.HTTPConnection(HOST, port, timeout=START_TIMEOUT)
        try:
            connection.request("POST", "/v1/analyze", body=body, headers=headers)
            if connection.getresponse().status == 200:
                return time.perf_counter() - started
        except ConnectionRefusedError:
            time.sleep(0.005)
        finally:
            connection.close()
    raise SystemExit(f"the server gave no analysis within {START_TIMEOUT:.0f} s")


def peak_rss_mb_of_children() -> float:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KiB elsewhere


def _verdict(ok: bool) -> str:
    return "ok  " if ok else "MISS"


ROW_LABELS = (
    "requests/s", "p50 latency (ms)", "p99 latency (ms)", "requests", "server CPU ms/req", "errors"
)


def _column(phase: Phase) -> tuple[str, ...]:
    return (
        f"{phase.per_second:.0f}",
        f"{phase.percentile_ms(0.50):.1f}",
        f"{phase.percentile_ms(0.99):.1f}",
        str(len(phase.latencies)),
        phase.cpu_ms_per_request,
        str(phase.errors),
    )


def output_bytes(home: Path, pipe: int | None) -> int:
    """What the server wrote: its log files, and what waits in the unread pipe."""
    written = sum(path.stat().st_size for path in home.glob("postcoach.log*"))
    if pipe is not None:
        os.set_blocking(pipe, False)
        try:
            while chunk := os.read(pipe, 65536):
                written += len(chunk)
        except BlockingIOError:
            pass
    return written


def report(
    analyze: Phase, health: Phase, rss_mb: float, first: Startup, args: argparse.Namespace,
    written: int,
) -> str:
    pacing = f", one request per {args.pace_ms:.0f} ms each" if args.pace_ms else ", closed loop"
    lines = [
        f"Server load: {args.clients} concurrent loopback clients{pacing}, "
        f"{args.seconds:.0f} s per endpoint (machine load average {os.getloadavg()[0]:.2f}, "
        f"{os.cpu_count()} CPUs)",
        f"  {'':<18} {'analyze':>10} {'health':>10}",
    ]
    lines += [
        f"  {label:<18} {a:>10} {h:>10}"
        for label, a, h in zip(ROW_LABELS, _column(analyze), _column(health), strict=True)
    ]
    requests = len(analyze.latencies) + len(health.latencies) + analyze.errors + health.errors
    where = "pipe nobody read + log file" if args.unread_pipe else "output + log file"
    lines += [
        f"  {'output B/1000 req':<18} {1000 * written / max(1, requests):>10.0f}  ({where})",
        f"  {'peak RSS (MB)':<18} {rss_mb:>10.1f}",
        f"  {'first answer (s)':<18} {first.seconds:>10.2f}  ({first.cpu_description})",
    ]
    ratio = analyze.percentile_ms(0.5) / health.percentile_ms(0.5)
    p99 = max(analyze.percentile_ms(0.99), health.percentile_ms(0.99))
    checks = [
        (analyze.errors + health.errors == 0, "zero errors"),
        *([(p99 <= TARGETS["p99_ms"], f"p99 ≤ {TARGETS['p99_ms']:.0f} ms (worst p99 {p99:.1f} "
            "ms)")] if args.pace_ms else []),
        (ratio <= TARGETS["analyze_over_health_p50"],
         f"analyze p50 ≤ {TARGETS['analyze_over_health_p50']:.0f}× health p50 ({ratio:.1f}×)"),
        (rss_mb <= TARGETS["rss_mb"], f"peak RSS ≤ {TARGETS['rss_mb']:.0f} MB"),
        (first.seconds <= TARGETS["first_answer_s"],
         f"first answer ≤ {TARGETS['first_answer_s']} s"),
    ]
    lines += ["Targets:"] + [f"  {_verdict(ok)} {label}" for ok, label in checks]
    if not args.pace_ms:
        lines += ["  (closed loop: the p99 target applies to the paced run)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--pace-ms", type=float, default=250.0,
                        help="least time between two requests of one client; 0: closed loop")
    parser.add_argument("--requests", type=int, default=None,
                        help="stop each endpoint's phase after this many requests")
    parser.add_argument("--unread-pipe", action="store_true",
                        help="send the server's output to a pipe nobody reads during the run")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="postcoach-bench-") as home:
        os.environ["POSTCOACH_HOME"] = home
        from postcoach.server.pairing import load_or_create_token

        token = load_or_create_token()
        port = free_port()
        log = Path(home) / "serve.out"
        pipe_read, pipe_write = os.pipe() if args.unread_pipe else (None, None)
        with log.open("w") as output:
            started = time.perf_counter()
            server = subprocess.Popen(
                [sys.executable, "-m", "postcoach", "serve", "--port", str(port)],
                stdout=pipe_write or output, stderr=subprocess.STDOUT, env=os.environ.copy(),
            )
            if pipe_write is not None:
                os.close(pipe_write)
            try:
                first = Startup(first_answer(port, token, started), cpu_seconds(server.pid))
                analyze = run_phase("analyze", analyze_requests(port, token), server.pid, port,
                                    args)
                health = run_phase("health", health_requests(port, token), server.pid, port,
                                   args)
            finally:
                written = output_bytes(Path(home), pipe_read)
                server.send_signal(signal.SIGINT)
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
                if pipe_read is not None:
                    os.close(pipe_read)
        written += log.stat().st_size
        if server.returncode != 0:
            print(log.read_text(), file=sys.stderr)
    print(report(analyze, health, peak_rss_mb_of_children(), first, args, written))
    return 1 if analyze.errors + health.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
