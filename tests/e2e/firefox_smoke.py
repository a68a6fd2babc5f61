"""Smoke run of the unpacked extension in Debian's firefox-esr, headless, over Marionette.

Not part of `make test` (CI installs Chromium only, and Playwright's Firefox build cannot be
downloaded here): run it by hand after `apt-get install firefox-esr` and `make extension`:

    .venv/bin/python tests/e2e/firefox_smoke.py

It installs the extension as a temporary add-on, pairs it with a real `postcoach serve`, opens
the Facebook fixture page (real Lexical) under its real host name, types a shouted draft, applies
the fix under the caret through the content script's apply-fix message (what the shortcut sends;
synthesized keys never reach Firefox's shortcut handling), undoes it with one Ctrl+Z, and checks
that the page cannot fetch the extension's files. It prints each step and exits non-zero on the
first one that does not hold.
"""

from __future__ import annotations

import json
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from extension_harness import (
    EXTENSION_DIR,
    Backend,
    FixtureSite,
    build_fixture_pages,
    free_port,
)

FIREFOX = "firefox-esr"
TIMEOUT_S = 30
DRAFT = "PROFITEZ-EN vite !!! commandez maintenant sur notre site"
PREFS = [
    'user_pref("network.dns.forceResolve", "127.0.0.1");',  # the site names reach the fixtures
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("app.update.enabled", false);',
]
CTRL, HOME = "\ue009", "\ue011"
EDITOR_TEXT = "return document.querySelector('[role=dialog] [contenteditable]').innerText;"


class Marionette:
    """Just enough of the Marionette protocol: length-prefixed JSON packets."""

    def __init__(self, port: int) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self.buffer = b""
        self.next_id = 0
        self._read()  # the greeting

    def _read(self) -> object:
        while b":" not in self.buffer:
            self.buffer += self.sock.recv(65536)
        size, rest = self.buffer.split(b":", 1)
        while len(rest) < int(size):
            rest += self.sock.recv(65536)
        self.buffer = rest[int(size) :]
        return json.loads(rest[: int(size)])

    def send(self, name: str, params: dict | None = None) -> object:
        self.next_id += 1
        data = json.dumps([0, self.next_id, name, params or {}]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        _, _, error, result = self._read()
        if error:
            raise RuntimeError(f"{name}: {error.get('message') or error.get('error')}")
        return result

    def script(self, source: str, *args: object, asynchronous: bool = False) -> object:
        name = "WebDriver:ExecuteAsyncScript" if asynchronous else "WebDriver:ExecuteScript"
        return self.send(name, {"script": source, "args": list(args)})["value"]

    def keys(self, *keys: str) -> None:
        actions = [{"type": "keyDown", "value": key} for key in keys]
        actions += [{"type": "keyUp", "value": key} for key in reversed(keys)]
        self.send(
            "WebDriver:PerformActions",
            {"actions": [{"type": "key", "id": "k", "actions": actions}]},
        )

    def poll(self, source: str, predicate) -> object:
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            value = self.script(source)
            if predicate(value) or time.monotonic() > deadline:
                return value
            time.sleep(0.1)


def check(label: str, ok: bool, detail: object) -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {label}: {detail}")
    if not ok:
        raise SystemExit(1)


def run(firefox: Marionette, site_port: int, backend: Backend) -> None:
    session = firefox.send(
        "WebDriver:NewSession",
        {
            "capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}},
            "acceptInsecureCerts": True,
        },
    )
    capabilities = session["capabilities"]
    print(f"     {capabilities['browserName']} {capabilities['browserVersion']}, headless")
    addon = firefox.send("Addon:Install", {"path": str(EXTENSION_DIR), "temporary": True})["value"]
    check("temporary add-on installed", addon == "post-coach@postcoach.local", addon)

    firefox.send("Marionette:SetContext", {"value": "chrome"})
    host = firefox.script(
        "return WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname;", addon
    )
    firefox.send("Marionette:SetContext", {"value": "content"})
    base = f"moz-extension://{host}/"
    firefox.send("WebDriver:Navigate", {"url": base + "options/options.html"})
    firefox.script(
        "const [url, token, done] = arguments;"
        " browser.storage.local.set({serverUrl: url, token}).then(() => done(true));",
        backend.url,
        backend.token,
        asynchronous=True,
    )

    firefox.send("WebDriver:Navigate", {"url": f"https://www.facebook.com:{site_port}/"})
    comment = firefox.poll(
        "const host = document.querySelector('[data-postcoach-host]');"
        " return host && {mode: host.dataset.mode, shadowRootVisible: host.shadowRoot !== null};",
        bool,
    )
    check(
        "comment box coached as a reply, shadow root closed",
        comment == {"mode": "reply", "shadowRootVisible": False},
        comment,
    )

    firefox.script("document.getElementById('open-composer').click();")
    editor = firefox.send(
        "WebDriver:FindElement",
        {"using": "css selector", "value": "[role='dialog'] [contenteditable='true']"},
    )["value"]
    firefox.send("WebDriver:ElementClick", {"id": next(iter(editor.values()))})
    actions = [
        step
        for char in DRAFT
        for step in ({"type": "keyDown", "value": char}, {"type": "keyUp", "value": char})
    ]
    firefox.send(
        "WebDriver:PerformActions", {"actions": [{"type": "key", "id": "k", "actions": actions}]}
    )
    result = firefox.poll(
        "const host = document.querySelector('[role=\"dialog\"] [data-postcoach-host]');"
        " return host && {...host.dataset};",
        lambda found: found and found.get("state") == "ok" and int(found.get("salesiness", 0)) > 50,
    )
    check(
        "post checked by the server",
        result.get("mode") == "post" and int(result.get("salesiness", 0)) > 50,
        result,
    )

    firefox.keys(CTRL, HOME)  # the caret into "PROFITEZ-EN"
    page = firefox.send("WebDriver:GetWindowHandle")["value"]
    tab = firefox.send("WebDriver:NewWindow", {"type": "tab"})["handle"]
    firefox.send("WebDriver:SwitchToWindow", {"handle": tab})
    firefox.send("WebDriver:Navigate", {"url": base + "options/options.html"})
    answer = firefox.script(
        "const done = arguments[0];"
        " browser.tabs.query({url: 'https://*.facebook.com/*'})"
        ".then(([tab]) => browser.tabs.sendMessage(tab.id, {type: 'postcoach:apply-fix-at-caret'}))"
        ".then(done, (error) => done(String(error)));",
        asynchronous=True,
    )
    firefox.send("WebDriver:CloseWindow")
    firefox.send("WebDriver:SwitchToWindow", {"handle": page})
    check(
        "apply-fix message answered",
        isinstance(answer, dict) and answer.get("applied") is True,
        answer,
    )
    fixed = DRAFT.replace("PROFITEZ-EN", "Profitez-en")
    text = firefox.poll(EDITOR_TEXT, lambda value: value == fixed)
    check("Lexical holds the fixed text", text == fixed, text)

    firefox.keys(CTRL, "z")
    text = firefox.poll(EDITOR_TEXT, lambda value: value == DRAFT)
    check("one Ctrl+Z restores the draft", text == DRAFT, text)

    reached = firefox.script(
        "const [base, done] = arguments;"
        " Promise.all(['manifest.json', 'dist/content.js'].map((path) =>"
        " fetch(base + path).then((response) => response.status, () => 'refused'))).then(done);",
        base,
        asynchronous=True,
    )
    check("the page cannot fetch the extension's files", reached == ["refused", "refused"], reached)
    firefox.send("WebDriver:DeleteSession")


def main() -> int:
    build_fixture_pages()
    with FixtureSite() as site, tempfile.TemporaryDirectory(prefix="postcoach-firefox-") as scratch:
        backend = Backend(Path(scratch) / "home", free_port())
        backend.start()
        profile = Path(scratch) / "profile"
        profile.mkdir()
        port = free_port()
        (profile / "user.js").write_text(
            "\n".join([f'user_pref("marionette.port", {port});', *PREFS]) + "\n"
        )
        log = (Path(scratch) / "firefox.log").open("w")
        process = subprocess.Popen(
            [
                FIREFOX,
                "--headless",
                "--marionette",
                "-remote-allow-system-access",
                "--no-remote",
                "--profile",
                str(profile),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            run(Marionette(port), site.port, backend)
        finally:
            process.terminate()
            process.wait(timeout=20)
            backend.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
