"""The brand's history in the browser: the report file opened in Chromium (every chart drawn,
each with its table, no request leaves the page), the extension's report page, the settings
page's history section, and a published post sent through the service worker."""

from __future__ import annotations

import base64
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from extension_harness import EXTENSION_DIR, Backend, extension_url
from extension_pages import open_settings
from playwright.sync_api import BrowserContext, Page, expect

from history_demo import demo_exports
from history_fixtures import FIXTURES

pytestmark = pytest.mark.browser

END = datetime(2026, 11, 30, 18, 0, tzinfo=timezone.utc)
CHARTS = ["cadence", "mix", "voice", "replies", "by-salesiness", "by-interaction"]
COMMITTED = EXTENSION_DIR / "screenshots"


def demo_report(home: Path, out: Path) -> Path:
    """A year of a brand's posts, imported as exports, and `postcoach report --html`."""
    from postcoach.brand.store import Store
    from postcoach.history.recording import import_files
    from postcoach.history.report import measures, page
    from postcoach.history.store import HistoryStore

    store = HistoryStore(home / "postcoach.sqlite3")
    store.update_settings(retention_days=None)
    import_files(store, Store(home / "postcoach.sqlite3"),
                 demo_exports(420, end=END).items())
    page.write(measures.build(store.rows(), now=END), out, "fr")
    return out


def drawn(page: Page, name: str) -> bool:
    """Whether the chart's canvas has pixels (Chart.js draws synchronously without animation)."""
    return page.evaluate(
        """(name) => { const c = document.querySelector(`canvas[data-chart="${name}"]`);
        if (!c || !c.width) return false;
        const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) return true;
        return false; }""",
        name,
    )


def test_the_report_file_draws_every_chart_offline_with_tables(
    browser: BrowserContext, isolated_home: Path, tmp_path: Path
) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    report = demo_report(isolated_home, tmp_path / "report.html")
    page = browser.new_page()
    requests, problems = [], []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else
            requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(report.as_uri())
    page.wait_for_selector("#report[data-report-ready='true']")
    expect(page.locator("h1")).to_have_text("Post Coach — ce que dit votre historique")
    for name in CHARTS:
        assert drawn(page, name), name
    # Each chart's text alternative: a table of its numbers, and the canvas names itself.
    assert page.locator("figure.chart").count() == len(CHARTS)
    assert page.locator("details.table").count() == len(CHARTS)
    assert page.locator("canvas[role='img'][aria-label]").count() == len(CHARTS)
    expect(page.locator("#duplicates table.pairs tbody tr").first).to_be_visible()
    expect(page.locator("#figures .verdict").first).to_contain_text("commentaires")
    expect(page.locator("#figures article.post")).to_have_count(10)
    page.screenshot(path=tmp_path / "history-report.png", full_page=True, animations="disabled")
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Post Coach — what your history says")
    assert drawn(page, "cadence")
    assert requests == [] and problems == []
    page.close()
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        shutil.copyfile(tmp_path / "history-report.png", COMMITTED / "history-report.png")


def test_a_published_post_sent_through_the_service_worker_is_kept_once(
    paired: BrowserContext, history_backend: Backend
) -> None:
    settings = open_settings(paired)
    message = {"type": "postcoach:history-add", "text": "Nous ouvrons l'atelier samedi : venez !",
               "platform": "linkedin", "reply": False}
    replies = [settings.evaluate("(m) => chrome.runtime.sendMessage(m)", message)
               for _ in range(2)]
    assert [r["status"] for r in replies] == ["ok", "ok"]
    assert replies[0]["body"]["stored"] is True and replies[1]["body"]["already_had"] is True
    status, listed = history_backend.api("GET", "/v1/history")
    assert status == 200 and listed["total"] == 1
    assert listed["posts"][0]["source"] == "capture"
    bad = settings.evaluate("(m) => chrome.runtime.sendMessage(m)",
                            {**message, "platform": "generic"})
    assert bad["error"]["code"] == "bad_field"
    settings.close()


def test_settings_page_imports_switches_and_deletes_all(
    paired: BrowserContext, history_backend: Backend
) -> None:
    settings = open_settings(paired)
    section = settings.locator("#history")
    expect(section).to_have_attribute("aria-busy", "false")
    expect(settings.locator("#history-enabled")).to_be_checked()
    expect(settings.locator("#history-retention")).to_have_value("forever")
    settings.locator("#history-files").set_input_files(
        [FIXTURES / "Shares.csv", FIXTURES / "your_posts_1.json"])
    results = settings.locator("#history-import-result li")
    expect(results).to_have_count(2)
    expect(results.nth(0)).to_contain_text("Shares.csv : 4 ajoutées, 0 déjà là, 2 ignorées")
    expect(results.nth(1)).to_contain_text("your_posts_1.json : 3 ajoutées")
    expect(settings.locator("#history-count")).to_have_text(
        "7 publications et réponses dans l’historique.")
    settings.locator("#history-files").set_input_files(
        [{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"just notes"}])
    expect(results.first).to_contain_text("notes.txt : notes.txt: this CSV is neither")
    settings.locator("#history-enabled").uncheck()
    expect(settings.locator("#history-status")).to_have_text("Historique : réglage enregistré.")
    assert history_backend.api("GET", "/v1/history/settings")[1]["enabled"] is False
    settings.locator("#history-enabled").check()
    clear = settings.locator("#history-clear")
    clear.click()
    expect(clear).to_have_text("Confirmer : effacer 7 publications")
    clear.click()
    expect(settings.locator("#history-status")).to_have_text("7 publications effacées.")
    expect(settings.locator("#history-count")).to_have_text(
        "0 publications et réponses dans l’historique.")
    settings.close()


def test_the_extension_report_page_reads_the_server(
    paired: BrowserContext, history_backend: Backend
) -> None:
    for name, data in demo_exports(160, end=END).items():
        status, _ = history_backend.api("POST", "/v1/history/import", {
            "filename": name, "content_base64": base64.b64encode(data).decode()})
        assert status == 200
    page = paired.new_page()
    page.goto(extension_url(paired, "report/report.html"))
    page.wait_for_selector("#report[data-report-ready='true']")
    for name in CHARTS:
        assert drawn(page, name), name
    page.locator("#report-lang").select_option("en")
    expect(page.locator("h1")).to_have_text("Post Coach — what your history says")
    page.locator("#report-since").fill("2026-11-01")
    page.locator("#report-show").click()
    expect(page.locator("header")).to_contain_text("From 2026-11")
    page.close()
