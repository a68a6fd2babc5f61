"""One-click fixes, applied through each editor's own input path: after the fix the editor's
model holds exactly the expected text, one undo restores the draft, typing goes on right after
the fix, and nothing is duplicated, lost or sent. On the real Lexical, Quill and TipTap."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from extension_harness import configure, extension_worker
from extension_pages import EDITORS, Composer, facebook_comment, open_facebook
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.browser

# Emoji before the span (two UTF-16 units each) and two paragraphs.
LINES = ["Bonjour 👋🏽 à tous", "Notre atelier rouvre samedi !!! Venez nombreux."]
DRAFT = "\n".join(LINES)
FIXED = DRAFT.replace("!!!", "!")
SHOUTED = ["Bonjour 👋🏽 à tous", "Notre atelier rouvre samedi, PROFITEZ-EN"]


def type_lines(composer: Composer, lines: list[str]) -> None:
    composer.editor.click()
    for number, line in enumerate(lines):
        if number:
            composer.page.keyboard.press("Enter")
        composer.page.keyboard.type(line)


def fix_button(composer: Composer, rule: str, replacement: str):
    hint = composer.panel.locator(f".hint[data-rule='{rule}']")
    return hint.locator(f".fix[data-replacement='{replacement}']")


def apply_fix_shortcut(context: BrowserContext) -> dict:
    # Headless Chromium has no keyboard accelerators; this is the command handler itself.
    return extension_worker(context).evaluate("() => postcoach.runCommand('apply-fix')")


def assert_editor_is_clean(composer: Composer, text: str) -> None:
    """The editor's DOM shows the model's text and holds nothing of ours."""
    dom = composer.editor.evaluate(
        """(editor) => ({
            ours: editor.querySelectorAll('[data-postcoach-host], post-coach').length,
            text: editor.innerText.replace(/\\u00a0/g, ' ').replace(/\\n+/g, '\\n').trim(),
        })"""
    )
    assert dom == {"ours": 0, "text": text}


@pytest.mark.parametrize("editor_name", list(EDITORS))
def test_apply_button_fixes_the_span_and_one_undo_restores_the_draft(
    page: Page, editor_name: str
) -> None:
    composer = EDITORS[editor_name](page)
    type_lines(composer, LINES)
    composer.wait_for_result()
    assert composer.model_text() == DRAFT
    composer.wait_for_history_settled()
    depth = composer.undo_depth()
    composer.open_panel()

    fix_button(composer, "salesiness.shouting", "!").click()

    composer.wait_for_text(FIXED)
    composer.wait_for_result()  # the fixed draft is checked again
    expect(composer.panel.locator(".hint[data-rule='salesiness.shouting']")).to_have_count(0)
    assert composer.model_text() == FIXED
    assert composer.undo_depth() == depth + 1
    assert_editor_is_clean(composer, FIXED)

    page.keyboard.press("Control+z")
    composer.wait_for_text(DRAFT)
    assert composer.undo_depth() == depth
    composer.wait_for_result()
    expect(fix_button(composer, "salesiness.shouting", "!")).to_be_enabled()


@pytest.mark.parametrize("editor_name", list(EDITORS))
def test_shortcut_applies_the_fix_under_the_caret_and_typing_goes_on(
    page: Page, editor_name: str
) -> None:
    composer = EDITORS[editor_name](page)
    type_lines(composer, SHOUTED)  # the caret ends at the edge of "PROFITEZ-EN"
    composer.wait_for_result()
    composer.wait_for_history_settled()

    answer = apply_fix_shortcut(page.context)

    assert answer["applied"] is True and answer["rule"] == "salesiness.shouting", answer
    fixed = "\n".join([SHOUTED[0], SHOUTED[1].replace("PROFITEZ-EN", "Profitez-en")])
    composer.wait_for_text(fixed)
    page.keyboard.type(" bien")
    composer.wait_for_text(fixed + " bien")
    composer.wait_for_result()
    assert_editor_is_clean(composer, fixed + " bien")


def test_shortcut_does_nothing_where_there_is_no_fix(page: Page) -> None:
    composer = EDITORS["lexical"](page)
    type_lines(composer, SHOUTED)
    composer.wait_for_result()
    page.keyboard.press("Control+Home")  # the caret leaves the capitals for the very start

    answer = apply_fix_shortcut(page.context)

    assert answer == {
        "handled": True,
        "composerId": answer["composerId"],
        "applied": False,
        "reason": "no_fix_here",
    }
    assert composer.model_text() == "\n".join(SHOUTED)


def test_banned_term_in_a_comment_box_is_replaced_and_nothing_is_sent(
    page: Page, brand_with_banned_term: None
) -> None:
    open_facebook(page)
    comment = facebook_comment(page)
    draft = "Merci 🙏 pour votre message, notre promo se termine samedi."
    comment.type(draft)
    comment.wait_for_result()
    comment.wait_for_history_settled()
    comment.open_panel()

    fix_button(comment, "tone.banned_term", "offre").click()

    fixed = draft.replace("promo", "offre")
    comment.wait_for_text(fixed)
    comment.wait_for_result()
    # Facebook's comment boxes send on Enter: the fix must not look like one.
    assert page.evaluate("() => window.fixture.submitted") == []
    page.keyboard.type(" estivale")  # the caret stayed right after the fix
    comment.wait_for_text(fixed.replace("offre", "offre estivale"))
    assert page.evaluate("() => window.fixture.submitted") == []


# --- An empty replacement deletes its span (the engine's "remove the bait clause") ----------

BAIT = " Like si tu aimes !"
BAIT_LINES = ["Notre nouvel abat-jour 🌿 est arrivé.", "Il est cousu main." + BAIT]


def utf16_index(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


class _ContractServer(BaseHTTPRequestHandler):
    """Answers /v1/analyze as the contract says a server may: here a bait clause whose
    replacement is the empty string. The extension under test is the real one."""

    def do_POST(self) -> None:
        text = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["text"]
        hints = []
        if BAIT in text:
            start = text.index(BAIT)
            span = [utf16_index(text, start), utf16_index(text, start + len(BAIT))]
            hints.append(
                {
                    "rule": "engagement_bait.react",
                    "family": "engagement_bait",
                    "level": "warning",
                    "message": "Appât à réactions",
                    "suggestion": "Posez une vraie question.",
                    "span": span,
                    "source": "003",
                    "replacements": [""],
                }
            )
        body = json.dumps(
            {
                "language": "fr",
                "scores": {"salesiness": 10, "interaction_value": 20, "tone_consistency": 80},
                "tone": {
                    "address_form": "none",
                    "formality": 50,
                    "reading_ease": 60.0,
                    "emoji": 1,
                    "exclamations": 1,
                    "hashtags": 0,
                },
                "hints": hints,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def contract_server(browser: BrowserContext) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ContractServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    configure(browser, serverUrl=url, token="contract-test")
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("editor_name", list(EDITORS))
def test_an_empty_replacement_removes_the_span(
    browser: BrowserContext, contract_server: str, editor_name: str
) -> None:
    page = browser.new_page()
    try:
        composer = EDITORS[editor_name](page)
        type_lines(composer, BAIT_LINES)
        composer.wait_for_result()
        composer.wait_for_history_settled()
        composer.open_panel()
        expect(fix_button(composer, "engagement_bait.react", "")).to_have_text(
            "Supprimer ce passage"
        )

        fix_button(composer, "engagement_bait.react", "").click()

        fixed = "\n".join(BAIT_LINES).replace(BAIT, "")
        composer.wait_for_text(fixed)
        composer.wait_for_result()
        expect(composer.host).to_have_attribute("data-hints", "0")
        page.keyboard.press("Control+z")
        composer.wait_for_text("\n".join(BAIT_LINES))
    finally:
        page.close()


# --- The engine's bait fix: a request on a line of its own goes with its line break --------

NEWS = "Nos crêpes du dimanche sont de retour 🥞"
BAIT_LINE = "Likez si vous aimez ❤️"
SEE_YOU = "À dimanche à l'atelier."


@pytest.mark.parametrize(
    "lines",
    [[NEWS, BAIT_LINE, SEE_YOU], [BAIT_LINE, NEWS], [NEWS, BAIT_LINE]],
    ids=["middle-line", "first-line", "last-line"],
)
@pytest.mark.parametrize("editor_name", list(EDITORS))
def test_removing_a_bait_line_joins_the_lines_around_it(
    page: Page, editor_name: str, lines: list[str]
) -> None:
    composer = EDITORS[editor_name](page)
    type_lines(composer, lines)
    composer.wait_for_result()
    composer.wait_for_history_settled()
    depth = composer.undo_depth()
    composer.open_panel()
    remove = fix_button(composer, "engagement_bait.react", "")
    expect(remove).to_have_text("Supprimer ce passage")

    remove.click()

    # The span runs from one line's end to the next line's end (or start): the editor deletes
    # it as the Delete key would, joining the lines, and leaves no empty line behind.
    fixed = "\n".join(line for line in lines if line != BAIT_LINE)
    composer.wait_for_text(fixed)
    composer.wait_for_result()
    expect(composer.panel.locator(".hint[data-rule='engagement_bait.react']")).to_have_count(0)
    assert composer.model_text() == fixed
    assert composer.undo_depth() == depth + 1
    assert_editor_is_clean(composer, fixed)

    page.keyboard.press("Control+z")
    composer.wait_for_text("\n".join(lines))
