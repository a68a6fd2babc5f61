"""Everything the browser tests (and the extension benchmark) need to run the real thing:
the fixture pages over HTTPS under the real host names, the real backend in a subprocess, and
Debian's Chromium with the unpacked extension.

Nothing leaves the machine: the two site names resolve to the local fixture server, every other
name fails to resolve, and Chromium's background services are off.
"""

from __future__ import annotations

import json
import mimetypes
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import trustme
from playwright.sync_api import BrowserContext, Error, Page, Playwright, Worker

REPO_ROOT = Path(__file__).resolve().parents[2]
EXTENSION_DIR = REPO_ROOT / "extension"
FIXTURE_DIST = REPO_ROOT / "tests" / "e2e" / "fixtures" / "dist"
CHROMIUM = Path(os.environ.get("POSTCOACH_CHROMIUM", "/usr/bin/chromium"))
SITE_PAGES = {"www.facebook.com": "facebook.html", "www.linkedin.com": "linkedin.html"}
SERVER_START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_fixture_pages() -> Path:
    """Bundles the fixture pages and the extension's content script; the Makefile targets skip
    the work when nothing changed."""
    subprocess.run(
        ["make", "--no-print-directory", "-s", "e2e-fixtures", "extension"],
        cwd=REPO_ROOT,
        check=True,
    )
    return FIXTURE_DIST


class _FixtureHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").split(":")[0]
        path = urlsplit(self.path).path
        name = SITE_PAGES.get(host) if path == "/" else path.lstrip("/")
        target = (FIXTURE_DIST / name).resolve() if name else None
        if target is None or target.parent != FIXTURE_DIST.resolve() or not target.is_file():
            self.send_error(404)
            return
        body = target.read_bytes()
        self.send_response(200)
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class FixtureSite:
    """HTTPS server for the fixture pages, with a certificate for the real host names."""

    def __init__(self) -> None:
        authority = trustme.CA()
        certificate = authority.issue_cert(*SITE_PAGES, "127.0.0.1")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        certificate.configure_cert(context)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _FixtureHandler)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FixtureSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class Backend:
    """The real `postcoach serve`, stoppable and restartable on the same port."""

    def __init__(self, home: Path, port: int) -> None:
        self.home = home
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.env = {**os.environ, "POSTCOACH_HOME": str(home)}
        self.log = home / "serve.log"
        self.process: subprocess.Popen | None = None
        self.token = ""

    def start(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "postcoach", "serve", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not self.healthy():
            if self.process.poll() is not None:
                raise RuntimeError(f"postcoach serve exited:\n{self.log.read_text()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"postcoach serve did not answer:\n{self.log.read_text()}")
            time.sleep(0.1)
        self.token = subprocess.run(
            [sys.executable, "-m", "postcoach", "token"],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/v1/health", timeout=1) as response:
                return json.load(response).get("status") == "ok"
        except (OSError, urllib.error.URLError, ValueError):
            return False

    def api(self, method: str, path: str, body: object = None) -> tuple[int, object]:
        """One authenticated call, for tests to set up or clean up what the page does not."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def chromium_args(site_port: int) -> list[str]:
    mapped = ", ".join(f"MAP {host} 127.0.0.1:{site_port}" for host in SITE_PAGES)
    return [
        f"--disable-extensions-except={EXTENSION_DIR}",
        f"--load-extension={EXTENSION_DIR}",
        f"--host-resolver-rules={mapped}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        "--ignore-certificate-errors",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]


# The extension's host elements keep a *closed* shadow root, which no page script and no
# Playwright selector can enter. The tests reach it the way DevTools does: the DevTools protocol
# lists closed shadow roots, and each one is handed to the page's main world in a WeakMap keyed
# by its host, where the `postcoach=` selector engine below looks it up. Test-only: the fixture
# pages are ours, and the extension itself never exposes its root.
SHADOW_ENGINE = "postcoach"
_SHADOW_ENGINE_SCRIPT = """{
    query(root, selector) {
        const shadow = window.__postcoachShadowRoots?.get(root);
        return shadow ? shadow.querySelector(selector) : null;
    },
    queryAll(root, selector) {
        const shadow = window.__postcoachShadowRoots?.get(root);
        return shadow ? [...shadow.querySelectorAll(selector)] : [];
    },
}"""
_EXPOSE_ROOT = (
    "function () { (window.__postcoachShadowRoots ??= new WeakMap()).set(this.host, this); }"
)


def register_shadow_engine(playwright: Playwright) -> None:
    try:
        playwright.selectors.register(SHADOW_ENGINE, _SHADOW_ENGINE_SCRIPT)
    except Error as error:  # one registration per Playwright instance
        if "already registered" not in str(error):
            raise


def _closed_roots_of_hosts(node: dict):
    attributes = node.get("attributes", [])
    is_host = "data-postcoach-host" in attributes[::2]
    for root in node.get("shadowRoots", []):
        if is_host and root.get("shadowRootType") == "closed":
            yield root["backendNodeId"]
        yield from _closed_roots_of_hosts(root)
    for child in node.get("children", []):
        yield from _closed_roots_of_hosts(child)
    if "contentDocument" in node:
        yield from _closed_roots_of_hosts(node["contentDocument"])


def expose_closed_shadow_roots(page: Page) -> int:
    """Hands every extension host's closed shadow root to the `postcoach=` selector engine."""
    session = page.context.new_cdp_session(page)
    try:
        document = session.send("DOM.getDocument", {"depth": -1, "pierce": True})
        exposed = 0
        for backend_id in _closed_roots_of_hosts(document["root"]):
            remote = session.send("DOM.resolveNode", {"backendNodeId": backend_id})
            session.send(
                "Runtime.callFunctionOn",
                {"objectId": remote["object"]["objectId"], "functionDeclaration": _EXPOSE_ROOT},
            )
            exposed += 1
        return exposed
    finally:
        session.detach()


def launch_browser(playwright: Playwright, user_data_dir: Path, site_port: int) -> BrowserContext:
    register_shadow_engine(playwright)
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=str(CHROMIUM),
        headless=True,
        args=chromium_args(site_port),
        viewport={"width": 1280, "height": 900},
        locale="fr-FR",
    )


def extension_worker(context: BrowserContext) -> Worker:
    for worker in context.service_workers:
        if worker.url.startswith("chrome-extension://"):
            return worker
    return context.wait_for_event(
        "serviceworker", predicate=lambda worker: worker.url.startswith("chrome-extension://")
    )


def extension_url(context: BrowserContext, path: str) -> str:
    return f"chrome-extension://{urlsplit(extension_worker(context).url).netloc}/{path}"


def configure(context: BrowserContext, **settings: object) -> None:
    """Replaces the extension's settings, as the settings page would."""
    extension_worker(context).evaluate(
        "async (settings) => { await chrome.storage.local.clear();"
        " await chrome.storage.local.set(settings); }",
        settings,
    )
