"""Fixtures of the browser tests: one Chromium and one backend for the session, a fresh tab
and freshly paired settings for each test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from brand_voice import delete_all_profiles
from extension_harness import (
    CHROMIUM,
    Backend,
    FixtureSite,
    build_fixture_pages,
    configure,
    free_port,
    launch_browser,
)
from playwright.sync_api import BrowserContext, Page, Playwright, expect, sync_playwright

# Every expectation waits for a state, never for a time; on a two-core CI machine running
# Chromium, the server and the editors at once, a state can take longer than Playwright's
# default 5 s to arrive.
expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # CI must run every browser test: there a missing Chromium is a failure, not a skip.
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def site_port() -> Iterator[int]:
    build_fixture_pages()
    with FixtureSite() as site:
        yield site.port


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    server = Backend(tmp_path_factory.mktemp("postcoach-home"), free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def running_backend(backend: Backend) -> Backend:
    """The backend, restarted if an earlier test stopped it."""
    if not backend.healthy():
        backend.start()
    return backend


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(
    playwright_session: Playwright, site_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    context = launch_browser(playwright_session, tmp_path_factory.mktemp("chromium"), site_port)
    yield context
    context.close()


@pytest.fixture
def paired(browser: BrowserContext, running_backend: Backend) -> BrowserContext:
    """The shared browser, paired with the running backend, every other setting at default."""
    configure(browser, serverUrl=running_backend.url, token=running_backend.token)
    return browser


@pytest.fixture
def page(paired: BrowserContext) -> Iterator[Page]:
    tab = paired.new_page()
    yield tab
    tab.close()


@pytest.fixture
def history_backend(running_backend: Backend) -> Iterator[Backend]:
    """The running backend with an empty history, switched on, kept forever."""
    running_backend.api("DELETE", "/v1/history")
    running_backend.api("PUT", "/v1/history/settings", {"enabled": True, "retention_days": None})
    yield running_backend
    if running_backend.healthy():
        running_backend.api("DELETE", "/v1/history")
        running_backend.api("PUT", "/v1/history/settings",
                            {"enabled": True, "retention_days": 730})


@pytest.fixture
def brand_with_banned_term(running_backend: Backend) -> Iterator[None]:
    """An active brand profile that says "offre" where a draft says "promo"."""
    delete_all_profiles(running_backend)
    status, body = running_backend.api(
        "POST", "/v1/profiles", {"name": "Atelier Lumen", "banned_terms": {"promo": "offre"}}
    )
    assert status == 201, body
    status, body = running_backend.api("PUT", "/v1/profiles/active", {"name": "Atelier Lumen"})
    assert status == 200, body
    yield
    delete_all_profiles(running_backend)
