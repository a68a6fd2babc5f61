"""`postcoach serve`, `postcoach token` and `postcoach pair`. Flask and waitress are imported by
serve alone."""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import signal
import urllib.error
import urllib.request

from postcoach import __version__
from postcoach.contract import DEFAULT_PORT
from postcoach.errors import CommandError
from postcoach.paths import extension_dir
from postcoach.server.pairing import (
    CODE_SECONDS,
    PairingCode,
    issue_code,
    load_or_create_token,
    token_path,
    waiting_code,
)

# What the terminal may still print once the server stops, before the process exits anyway.
STOP_FLUSH_SECONDS = 1.0

logger = logging.getLogger("postcoach.server")


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (1-65535)")
    return port


def _code_line(code: PairingCode) -> str:
    return (f"Pairing code: {code.code}  (type it in the extension's settings page within "
            f"{code.minutes_left()} minutes; it works once)")


def banner(port: int, code: PairingCode, log: os.PathLike[str]) -> str:
    extension = extension_dir()
    where = extension if extension else "`postcoach extension` tells where"
    return "\n".join(
        [
            f"Post Coach {__version__} is listening on http://127.0.0.1:{port} "
            "(this machine only).",
            "",
            _code_line(code),
            f"  `postcoach pair` makes a new code; the token itself is in {token_path()}.",
            "",
            f"Extension: {where}",
            "  Chrome:  chrome://extensions → Developer mode → Load unpacked → choose that folder",
            "  Firefox: about:debugging → This Firefox → Load Temporary Add-on → "
            "choose manifest.json in that folder",
            f"Log: {log}. Ctrl-C stops the server.",
            "",
        ]
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from postcoach.engine import warm_up
    from postcoach.server import create_app
    from postcoach.server.activity import Reporter
    from postcoach.server.app import activity_of
    from postcoach.server.logs import Terminal, configure, dump_stacks_on_signal
    from postcoach.server.serve import ANALYZE_CPU_SECONDS, make_server

    # A service manager's stop is handled like Ctrl-C: close the socket, finish the answers.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    # The CPU budget is armed for requests, which are served only once the engine is warm.
    app = create_app({"PORT": args.port, "ANALYZE_CPU_SECONDS": ANALYZE_CPU_SECONDS})
    try:
        server = make_server(app, args.port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise CommandError(
                f"port {args.port} is already in use (another `postcoach serve`?); "
                "stop it or choose another port with --port"
            ) from None
        raise CommandError(f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}") from None
    # From here on nothing writes to stdout or stderr on a thread that serves (logs.py).
    out = Terminal(1)
    log = configure(args.verbose, out, Terminal(2))
    stacks = dump_stacks_on_signal()
    reporter = Reporter(activity_of(app)).start()
    try:
        # Bound before warming: a request that arrives meanwhile waits instead of failing.
        warm_up()
        logger.info("Post Coach %s listening on 127.0.0.1:%d (pid %d)", __version__, args.port,
                    os.getpid())
        if stacks is not None:
            logger.info("kill -USR1 %d writes every thread's stack to %s", os.getpid(), stacks)
        out.write(banner(args.port, waiting_code(), log))
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        reporter.stop()
        logger.info("stopped")
    out.write("Post Coach stopped.\n")
    out.flush(STOP_FLUSH_SECONDS)
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    print(load_or_create_token())
    return 0


def server_version(port: int) -> str | None:
    """The version of the Post Coach answering on 127.0.0.1:port, or None."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as answer:
            health = json.load(answer)
    except (OSError, urllib.error.URLError, ValueError):
        return None
    return str(health.get("version")) if isinstance(health, dict) else None


def cmd_pair(args: argparse.Namespace) -> int:
    load_or_create_token()  # the code is worth nothing without a token to exchange it for
    print(_code_line(issue_code()))
    if server_version(args.port) is None:
        print(f"  No Post Coach server answers on 127.0.0.1:{args.port} yet: start it with "
              "`postcoach serve` or `postcoach service install` before the code expires "
              f"({CODE_SECONDS // 60} minutes).")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve", help="run the local server the browser extension talks to"
    )
    serve.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                       help="default: %(default)s")
    serve.add_argument("--verbose", action="store_true",
                       help="log every request (never its content), on stderr and in the log")
    serve.set_defaults(handler=cmd_serve)

    token = subparsers.add_parser("token", help="print the pairing token for the extension")
    token.set_defaults(handler=cmd_token)

    pair = subparsers.add_parser(
        "pair", help="print a one-time code that pairs the extension's settings page"
    )
    pair.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                      help="where the server is checked for (default: %(default)s)")
    pair.set_defaults(handler=cmd_pair)
