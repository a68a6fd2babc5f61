"""Capture on publish: what the user publishes from a coached composer on the fixture sites (the
dialog's "Publier", a comment's send button, Enter in a comment box) reaches the history once,
through the service worker; a draft that is never published never does.

The server keeps one row per post however often it is sent, so the tests also count what the
service worker sends: a spy on its `fetch` records its /v1/history calls. Each test that checks
that something was *not* sent ends with a post that is (the sentinel) and waits for it: what
the page did before it has been sent by then, in order."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pytest
from extension_harness import Backend, configure, extension_worker
from extension_pages import (
    Composer,
    facebook_chat,
    facebook_comment,
    facebook_post,
    linkedin_comment,
    linkedin_share,
    open_facebook,
    open_linkedin,
)
from playwright.sync_api import BrowserContext, Page, Worker, expect

pytestmark = pytest.mark.browser

WAIT_S = 15
T = TypeVar("T")
POST = "Nos ateliers de réparation reprennent samedi : quelle lampe voulez-vous sauver ?"
REPLY = "Merci Julien, écrivez-nous en message privé et on regarde ça ensemble."
SENTINEL = "Bien reçu, merci pour votre retour !"

# Wraps the service worker's fetch once; each test starts from an empty list of calls.
_SPY = """() => {
    if (!globalThis.__historyCalls) {
        const realFetch = globalThis.fetch;
        globalThis.__historyCalls = [];
        globalThis.fetch = (input, init) => {
            const path = new URL(String(input)).pathname;
            if (!path.startsWith('/v1/history')) return realFetch(input, init);
            const call = { method: init?.method ?? 'GET', path, answered: false,
                           body: init?.body ? JSON.parse(init.body) : null };
            globalThis.__historyCalls.push(call);
            return realFetch(input, init).then((response) => {
                call.answered = true;
                return response;
            });
        };
    }
    globalThis.__historyCalls.length = 0;
}"""


def poll(check: Callable[[], T], what: str) -> T:
    """Polls `check` until it gives something true (the worker and the server have no events
    to wait on); fails after WAIT_S with `what`."""
    deadline = time.monotonic() + WAIT_S
    while not (found := check()):
        assert time.monotonic() < deadline, what
        time.sleep(0.05)
    return found


@dataclass(frozen=True)
class History:
    """The history on the server, and what the service worker sent it."""

    backend: Backend
    worker: Worker

    def posts(self) -> list[dict]:
        status, body = self.backend.api("GET", "/v1/history")
        assert status == 200, body
        return body["posts"]

    def calls(self) -> list[dict]:
        return self.worker.evaluate("() => globalThis.__historyCalls")

    def sent(self) -> list[dict]:
        """The posts the service worker sent the server."""
        return [call["body"] for call in self.calls()
                if call["method"] == "POST" and call["path"] == "/v1/history"]

    def wait_for_call(self, method: str, path: str) -> None:
        """Polls until the service worker has had the server's answer to such a call."""
        poll(lambda: any(call["method"] == method and call["path"] == path and call["answered"]
                         for call in self.calls()),
             f"no answer to {method} {path}")

    def wait_for(self, text: str) -> dict:
        """Polls the server until a post with `text` is kept; returns it."""
        kept = poll(lambda: [post for post in self.posts() if post["text"] == text],
                    f"never kept: {text!r}")
        return kept[0]

    def assert_exactly(self, *texts: str) -> None:
        """The history holds these posts, each sent once and only these were sent."""
        assert sorted(post["text"] for post in self.posts()) == sorted(texts)
        assert sorted(post["text"] for post in self.sent()) == sorted(texts)


@pytest.fixture
def history(paired: BrowserContext, history_backend: Backend) -> History:
    worker = extension_worker(paired)
    worker.evaluate(_SPY)
    return History(history_backend, worker)


def fixture_list(page: Page, name: str) -> list[dict]:
    """What the fixture page itself sent: `published` posts or `submitted` comments."""
    return page.evaluate("(name) => window.fixture[name]", name)


def send_with_enter(comment: Composer, text: str) -> None:
    comment.type(text)
    comment.page.keyboard.press("Enter")
    comment.wait_for_text("")


def publish_sentinel(page: Page, history: History) -> None:
    """A comment sent from the Facebook feed, after everything the test did before."""
    open_facebook(page)
    send_with_enter(facebook_comment(page), SENTINEL)
    history.wait_for(SENTINEL)


def assert_recorded_once(page: Page, history: History, text: str, network: str,
                         reply: bool) -> dict:
    """`text` is kept as a capture of `network`'s post (or reply), and, once a sentinel is in,
    it was sent once and nothing else was."""
    kept = history.wait_for(text)
    assert (kept["network"], kept["reply"], kept["source"]) == (network, reply, "capture")
    publish_sentinel(page, history)
    history.assert_exactly(text, SENTINEL)
    return kept


def test_a_facebook_post_published_with_the_dialog_button_is_recorded_once(
    page: Page, history: History
) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(POST)
    publish = page.locator("[role='dialog'] [role='button'][aria-label='Publier']")
    expect(publish).to_have_attribute("aria-disabled", "false")
    # The page empties the editor and closes the dialog as soon as the click reaches it.
    publish.click()
    expect(page.locator("[role='dialog']")).to_have_count(0)
    assert fixture_list(page, "published") == [{"name": "post", "text": POST}]

    kept = assert_recorded_once(page, history, POST, "facebook", reply=False)
    assert kept["url"] is None  # a new post on the feed: no address of its own yet


def test_facebook_comments_sent_with_enter_or_the_arrow_are_recorded_once_as_replies(
    page: Page, history: History
) -> None:
    open_facebook(page)
    comment = facebook_comment(page)
    send_with_enter(comment, REPLY)
    kept = history.wait_for(REPLY)
    assert kept["network"] == "facebook" and kept["reply"] is True

    # The same box, now with its send arrow; Shift+Enter is a new line, not a publication.
    comment.type("Deux lignes")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("pour vous répondre.")
    arrow = page.locator("article .comment [role='button'][aria-label='Commenter']")
    arrow.click()
    comment.wait_for_text("")
    first, second = fixture_list(page, "submitted")
    assert first["text"] == REPLY and "\n" in second["text"]
    kept = history.wait_for(second["text"])
    assert kept["reply"] is True
    history.assert_exactly(REPLY, second["text"])


@pytest.mark.parametrize(
    ("editor", "params"),
    [("quill", {}), ("tiptap", {}), ("quill", {"shadow": "early"})],
    ids=["quill", "tiptap", "shadow-root"],
)
def test_a_linkedin_post_published_from_the_share_box_is_recorded_once(
    page: Page, history: History, editor: str, params: dict
) -> None:
    open_linkedin(page, editor, **params)
    share = linkedin_share(page)
    share.type(POST)
    share.page.get_by_role("dialog").get_by_role("button", name="Publier").click()
    expect(page.locator("[role='dialog']")).to_have_count(0)
    assert fixture_list(page, "published") == [{"name": "share", "text": POST}]

    assert_recorded_once(page, history, POST, "linkedin", reply=False)


def test_enter_in_a_linkedin_comment_is_a_new_line_and_its_button_records_it_once(
    page: Page, history: History
) -> None:
    open_linkedin(page)
    comment = linkedin_comment(page)
    comment.type("Bonne remarque.")
    page.keyboard.press("Enter")  # LinkedIn's comment boxes make a new line
    page.keyboard.type("On ajoute les lecteurs d’écran à la checklist.")
    comment.wait_for_text("Bonne remarque.\nOn ajoute les lecteurs d’écran à la checklist.")
    assert fixture_list(page, "submitted") == []

    # From the keyboard, the button gets Enter and then the click the browser makes of it.
    button = page.locator("article form [type='submit']")
    button.focus()
    page.keyboard.press("Enter")
    comment.wait_for_text("")
    [sent] = fixture_list(page, "submitted")
    assert_recorded_once(page, history, sent["text"], "linkedin", reply=True)


def test_abandoned_drafts_are_never_recorded(page: Page, history: History) -> None:
    # LinkedIn: a comment typed, a new line, then the user goes elsewhere.
    open_linkedin(page)
    linkedin_comment(page).type("Je reviens vers vous")
    page.keyboard.press("Enter")
    open_facebook(page)

    # Facebook: a post typed and the dialog closed; a comment typed and then deleted.
    post = facebook_post(page)
    post.type("Un brouillon que je ne publierai pas.")
    page.locator("[role='dialog'] .close").click()
    comment = facebook_comment(page)
    comment.type("Finalement non.")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    comment.wait_for_text("")
    # A Messenger chat message is sent, but a chat box is not coached.
    chat = facebook_chat(page)
    chat.type("Bonjour, je regarde votre lampe.")
    page.keyboard.press("Enter")
    chat.wait_for_text("")
    # The closed dialog's composer is let go before the sentinel.
    expect(page.locator("[data-postcoach-host]")).to_have_count(1)

    send_with_enter(comment, SENTINEL)
    history.wait_for(SENTINEL)
    history.assert_exactly(SENTINEL)


def test_nothing_is_recorded_where_coaching_is_off_or_before_pairing(
    page: Page, history: History
) -> None:
    backend = history.backend
    configure(page.context, serverUrl=backend.url, token=backend.token,
              platforms={"facebook": False, "linkedin": True})
    open_facebook(page)
    comment = facebook_comment(page)
    comment.type("Envoyé sans Post Coach.")
    comment.wait_for_state("disabled")
    page.keyboard.press("Enter")
    comment.wait_for_text("")

    configure(page.context, serverUrl=backend.url, token="")
    open_facebook(page)
    comment.type("Envoyé avant l’appairage.")
    comment.wait_for_state("unauthorized")
    page.keyboard.press("Enter")
    comment.wait_for_text("")
    assert len(fixture_list(page, "submitted")) == 1

    configure(page.context, serverUrl=backend.url, token=backend.token)
    comment.type("Merci")
    comment.wait_for_result()
    page.keyboard.press("Control+A")
    page.keyboard.type(SENTINEL)
    page.keyboard.press("Enter")
    history.wait_for(SENTINEL)
    history.assert_exactly(SENTINEL)


def test_while_history_is_off_a_published_post_is_not_even_sent(
    page: Page, history: History
) -> None:
    backend = history.backend
    status, _ = backend.api("PUT", "/v1/history/settings", {"enabled": False})
    assert status == 200
    open_facebook(page)
    comment = facebook_comment(page)
    send_with_enter(comment, REPLY)
    assert [item["text"] for item in fixture_list(page, "submitted")] == [REPLY]
    # The service worker asked whether history is on, and sent nothing.
    history.wait_for_call("GET", "/v1/history/settings")
    assert history.sent() == [] and history.posts() == []

    status, _ = backend.api("PUT", "/v1/history/settings", {"enabled": True})
    assert status == 200
    send_with_enter(comment, SENTINEL)
    history.wait_for(SENTINEL)
    history.assert_exactly(SENTINEL)
