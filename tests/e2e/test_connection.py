"""The keyboard shortcut, and what happens when the server stops or refuses the token."""

from __future__ import annotations

import json
import urllib.request

import pytest
from extension_harness import Backend, configure, extension_url, extension_worker, launch_browser
from extension_pages import facebook_post, open_facebook, open_settings
from playwright.sync_api import BrowserContext, Page, Playwright, expect

pytestmark = pytest.mark.browser

DRAFT = "Profitez-en vite, commandez maintenant sur notre site"
RECOVERY_TIMEOUT_MS = 30000


def record_states(page: Page) -> None:
    """Keeps every data-state the dialog's host goes through, from now on."""
    page.evaluate(
        """() => {
            const host = document.querySelector('[role="dialog"] [data-postcoach-host]');
            window.seenStates = [];
            new MutationObserver(() => window.seenStates.push(host.dataset.state))
                .observe(host, {attributes: true, attributeFilter: ['data-state']});
        }"""
    )


def run_shortcut(context: BrowserContext) -> dict:
    # Headless Chromium has no keyboard accelerators; this is the command handler itself.
    return extension_worker(context).evaluate("() => postcoach.runCommand('recheck')")


def test_shortcut_is_bound_in_the_browser(paired: BrowserContext) -> None:
    commands = extension_worker(paired).evaluate("() => chrome.commands.getAll()")
    keys = {command["name"]: command["shortcut"] for command in commands}
    # Chromium leaves a suggested key unassigned when it clashes with one of its own.
    assert keys["recheck"] == "Alt+Shift+H"
    assert keys["apply-fix"] == "Alt+Shift+Y"


def test_shortcut_rechecks_the_focused_composer_and_opens_its_panel(page: Page) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(DRAFT)
    post.wait_for_result()
    expect(post.panel).to_be_hidden()
    record_states(page)
    page.bring_to_front()

    answer = run_shortcut(page.context)

    assert answer["handled"] is True
    expect(post.panel).to_be_visible()
    post.wait_for_result()
    states = page.evaluate("window.seenStates")
    assert states[0] == "checking" and states[-1] == "ok", states


def test_stopped_server_shows_offline_and_recovery_is_automatic(
    page: Page, running_backend: Backend
) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(DRAFT)
    post.wait_for_result()

    running_backend.stop()
    page.bring_to_front()
    run_shortcut(page.context)  # a forced re-check skips the cache, so it must reach the server
    post.wait_for_state("offline")
    expect(post.badge).to_contain_text("Serveur arrêté")
    expect(post.panel).to_contain_text("make run")
    expect(post.marks).to_have_count(0)

    running_backend.start()
    post.wait_for_result(timeout=RECOVERY_TIMEOUT_MS)
    expect(post.panel.locator(".hint").first).to_be_visible()


def test_wrong_token_shows_unauthorized_until_paired(
    browser: BrowserContext, running_backend: Backend
) -> None:
    configure(browser, serverUrl=running_backend.url, token="not-the-right-token")
    page = browser.new_page()
    open_facebook(page)
    post = facebook_post(page)
    post.type(DRAFT)
    post.wait_for_state("unauthorized")
    expect(post.badge).to_contain_text("Jeton refusé")
    post.open_panel()

    # openOptionsPage focuses an open settings tab instead of opening a second one.
    settings_url = extension_url(browser, "options/options.html")
    for tab in browser.pages:
        if tab.url == settings_url:
            tab.close()
    with browser.expect_page() as opened:
        post.panel.get_by_role("button", name="Ouvrir les réglages").click()
    settings = opened.value
    settings.wait_for_selector("body[data-ready='true']")
    assert settings.url == settings_url

    # Pairing on the settings page is enough: the composer recovers without a keystroke.
    settings.fill("#token", running_backend.token)
    settings.locator("#token").press("Tab")
    post.wait_for_result()
    settings.close()
    page.close()


def server_version(backend: Backend) -> str:
    with urllib.request.urlopen(f"{backend.url}/v1/health", timeout=5) as response:
        return json.load(response)["version"]


def test_settings_page_saves_tests_and_keeps_settings_across_a_restart(
    playwright_session: Playwright, site_port: int, running_backend: Backend, tmp_path
) -> None:
    profile = tmp_path / "profile"
    context = launch_browser(playwright_session, profile, site_port)
    options = open_settings(context)
    expect(options.locator("#shortcut")).to_have_text("Alt+Shift+H")
    expect(options.locator("#shortcut-apply-fix")).to_have_text("Alt+Shift+Y")
    # Not paired yet: the brand profiles (kept by the server) wait for a connection.
    expect(options.locator("#profiles-unavailable")).to_be_visible()
    expect(options.locator("#profiles-unavailable")).to_contain_text("Connectez d’abord")

    options.fill("#serverUrl", "http://example.com:8731")
    options.locator("#serverUrl").press("Tab")
    expect(options.locator("#serverUrl-error")).to_contain_text("cette machine")

    options.fill("#serverUrl", running_backend.url)
    options.locator("#serverUrl").press("Tab")
    options.fill("#token", running_backend.token)
    options.locator("#token").press("Tab")
    options.select_option("#hintLanguage", "en")
    options.uncheck("#platforms-linkedin")
    options.uncheck("#families-conflict")
    expect(options.locator("#save-status")).to_have_text("Settings saved.")
    expect(options.locator("#profiles-ready")).to_be_visible()
    expect(options.locator("#profiles-unavailable")).to_be_hidden()
    expect(options.locator("#serverUrl-error")).to_be_empty()

    options.click("#test-connection")
    result = options.locator("#connection-result")
    expect(result).to_contain_text(f"Connected to Post Coach {server_version(running_backend)}")
    expect(result).to_contain_text(" ms")
    context.close()

    context = launch_browser(playwright_session, profile, site_port)
    try:
        stored = extension_worker(context).evaluate("() => chrome.storage.local.get(null)")
        assert stored["serverUrl"] == running_backend.url
        assert stored["token"] == running_backend.token
        assert stored["hintLanguage"] == "en"
        assert stored["platforms"]["linkedin"] is False
        assert stored["families"]["conflict"] is False
        options = context.new_page()
        options.goto(extension_url(context, "options/options.html"))
        options.wait_for_selector("body[data-ready='true']")
        expect(options.locator("#token")).to_have_value(running_backend.token)
        expect(options.locator("#hintLanguage")).to_have_value("en")
        expect(options.locator("#platforms-linkedin")).not_to_be_checked()
        expect(options.locator("#families-conflict")).not_to_be_checked()
        expect(options.locator("h1")).to_contain_text("Settings")
    finally:
        context.close()


def test_badges_go_away_when_the_extension_is_reloaded(
    playwright_session: Playwright, site_port: int, running_backend: Backend, tmp_path
) -> None:
    context = launch_browser(playwright_session, tmp_path / "profile", site_port)
    try:
        configure(context, serverUrl=running_backend.url, token=running_backend.token)
        page = context.new_page()
        open_facebook(page)
        post = facebook_post(page)
        post.type(DRAFT)
        post.wait_for_result()

        extension_worker(context).evaluate("() => { setTimeout(() => chrome.runtime.reload()); }")
        page.wait_for_timeout(500)
        # The orphaned content script notices at its next check and takes its badges away
        # instead of reporting the server offline.
        post.editor.click()
        page.keyboard.type(" encore")
        expect(page.locator("[data-postcoach-host]")).to_have_count(0)
        assert post.model_text() == DRAFT + " encore"
    finally:
        context.close()
