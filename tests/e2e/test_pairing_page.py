"""Pairing in seconds: the settings page finds the server by itself, a community manager types
the six digits `postcoach pair` shows, and drafts are coached — no token copied."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from extension_harness import Backend, configure, extension_worker
from extension_pages import facebook_post, open_facebook, open_settings
from playwright.sync_api import BrowserContext, Page, expect
from test_connection import server_version

pytestmark = pytest.mark.browser

DRAFT = "Profitez-en vite, commandez maintenant sur notre site"


def pairing_code(backend: Backend) -> str:
    """Runs `postcoach pair` as the community manager would, and reads the code it printed."""
    output = subprocess.run(
        [sys.executable, "-m", "postcoach", "pair", "--port", str(backend.port)],
        env=backend.env, check=True, capture_output=True, text=True,
    ).stdout
    code = json.loads((backend.home / "pairing-code").read_text())["code"]
    assert f"Pairing code: {code}" in output
    assert "No Post Coach server" not in output  # it saw the running server
    return code


def stored_token(context: BrowserContext) -> str:
    return extension_worker(context).evaluate(
        "async () => (await chrome.storage.local.get('token')).token ?? ''")


@pytest.fixture
def unpaired(browser: BrowserContext, running_backend: Backend) -> BrowserContext:
    """The extension as just installed: it knows where the server is, not its token."""
    configure(browser, serverUrl=running_backend.url)
    return browser


def _type_code(settings: Page, code: str) -> None:
    settings.fill("#pairing-code", code)
    settings.locator("#pairing-code").press("Enter")


def test_a_code_pairs_the_extension_and_drafts_are_coached(
    unpaired: BrowserContext, running_backend: Backend
) -> None:
    settings = open_settings(unpaired)
    status = settings.locator("#pairing-status")
    expect(settings.locator("#pairing")).to_have_attribute("data-state", "found")
    version = server_version(running_backend)
    expect(status).to_contain_text(f"Post Coach {version} trouvé sur {running_backend.url}")
    expect(settings.locator("#pairing-code")).to_be_visible()

    code = pairing_code(running_backend)
    settings.fill("#pairing-code", f"{code[:3]} {code[3:]}")  # as read aloud from a terminal
    settings.click("#pair")
    expect(settings.locator("#pairing")).to_have_attribute("data-state", "paired")
    expect(status).to_contain_text("Appairé avec Post Coach")
    expect(settings.locator("#pairing-code-field")).to_be_hidden()
    assert stored_token(unpaired) == running_backend.token
    expect(settings.locator("#token")).to_have_value(running_backend.token)
    # The code was used up.
    assert not (running_backend.home / "pairing-code").exists()
    settings.close()

    page = unpaired.new_page()
    open_facebook(page)
    post = facebook_post(page)
    post.type(DRAFT)
    post.wait_for_result()
    page.close()


def test_wrong_and_dead_codes_are_explained_and_pair_nothing(
    unpaired: BrowserContext, running_backend: Backend
) -> None:
    code = pairing_code(running_backend)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    settings = open_settings(unpaired)
    expect(settings.locator("#pairing")).to_have_attribute("data-state", "found")
    error = settings.locator("#pairing-error")

    _type_code(settings, "12345")
    expect(error).to_have_text("Le code compte six chiffres.")
    for left in (4, 3, 2, 1):
        _type_code(settings, wrong)
        expect(error).to_have_text(f"Code erroné : encore {left} essai(s).")
    _type_code(settings, wrong)
    expect(error).to_contain_text("Trop de codes erronés")
    _type_code(settings, code)  # the right code, too late
    expect(error).to_contain_text("Ce code ne vaut plus")
    assert stored_token(unpaired) == ""
    expect(settings.locator("#pairing")).to_have_attribute("data-state", "found")

    # A new code works, and the manual token field stays for those who paste.
    _type_code(settings, pairing_code(running_backend))
    expect(settings.locator("#pairing")).to_have_attribute("data-state", "paired")
    expect(error).to_be_empty()
    expect(settings.locator("#token")).to_be_visible()
    settings.close()


def test_a_stopped_server_is_reported_and_found_again(
    unpaired: BrowserContext, running_backend: Backend
) -> None:
    running_backend.stop()
    settings = open_settings(unpaired)
    expect(settings.locator("#pairing")).to_have_attribute("data-state", "absent")
    expect(settings.locator("#pairing-status")).to_contain_text("postcoach service install")
    running_backend.start()
    settings.click("#find-server")
    expect(settings.locator("#pairing")).to_have_attribute("data-state", "found")
    settings.close()
