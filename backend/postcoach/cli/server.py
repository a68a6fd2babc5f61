"""`postcoach serve` and `postcoach token`. Flask and waitress are imported by serve alone."""

from __future__ import annotations

import argparse
import errno
import logging
import signal
from pathlib import Path

from postcoach.contract import DEFAULT_PORT
from postcoach.errors import CommandError
from postcoach.server.pairing import load_or_create_token, token_path

# backend/postcoach/server/commands.py → the repository root, in a source checkout.
EXTENSION_DIR = Path(__file__).resolve().parents[3] / "extension"


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (1-65535)")
    return port


def _banner(port: int, token: str) -> str:
    extension = EXTENSION_DIR if EXTENSION_DIR.is_dir() else "the repository's extension/ folder"
    return "\n".join(
        [
            f"Post Coach is listening on http://127.0.0.1:{port} (this machine only).",
            "",
            f"Pairing token: {token}",
            f"  (kept in {token_path()}; `postcoach token` prints it again)",
            "",
            f"Load the extension from {extension}:",
            "  Chrome:  chrome://extensions → Developer mode → Load unpacked → choose that folder",
            "  Firefox: about:debugging → This Firefox → Load Temporary Add-on → "
            "choose manifest.json in that folder",
            "Then paste the token in the extension's settings. Ctrl-C stops the server.",
        ]
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from postcoach.server import create_app
    from postcoach.server.serve import make_server, warm_engine

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s")
    # A service manager's stop is handled like Ctrl-C: close the socket, finish the answers.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    app = create_app({"PORT": args.port})
    try:
        server = make_server(app, args.port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise CommandError(
                f"port {args.port} is already in use (another `postcoach serve`?); "
                "stop it or choose another port with --port"
            ) from None
        raise CommandError(f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}") from None
    try:
        # Bound before warming: a request that arrives meanwhile waits instead of failing.
        warm_engine()
        print(_banner(args.port, app.config["TOKEN"]), flush=True)
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    print("Post Coach stopped.", flush=True)
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    print(load_or_create_token())
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve", help="run the local server the browser extension talks to"
    )
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help="default: %(default)s")
    serve.set_defaults(handler=cmd_serve)

    token = subparsers.add_parser("token", help="print the pairing token for the extension")
    token.set_defaults(handler=cmd_token)
