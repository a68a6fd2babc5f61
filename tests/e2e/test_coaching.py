"""What a community manager sees while typing in the Facebook and LinkedIn composers."""

from __future__ import annotations

import pytest
from extension_harness import configure
from extension_pages import (
    EDITORS,
    Composer,
    facebook_comment,
    facebook_post,
    linkedin_comment,
    linkedin_share,
    open_facebook,
    open_linkedin,
)
from playwright.sync_api import Page, expect

from postcoach.contract import FAMILIES

pytestmark = pytest.mark.browser

SALESY_POST = (
    "Profitez-en vite !!! -50% sur toute notre collection, commandez maintenant sur notre site"
)
OPEN_QUESTION = (
    "Quelle est votre astuce préférée pour garder vos plantes en vie l'hiver ? "
    "Racontez-nous en commentaire, on compilera les meilleures idées."
)
DEFENSIVE_REPLY = "Contrairement à ce que vous dites, vous auriez dû lire la notice."


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def word_box(composer: Composer, word: str) -> dict:
    """Where the browser draws `word` inside the editor, measured from the page."""
    return composer.editor.evaluate(
        """(editor, word) => {
            const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + word.length);
                const r = range.getBoundingClientRect();
                return {x: r.x, y: r.y, width: r.width, height: r.height};
            }
            return null;
        }""",
        word,
    )


def assert_word_is_marked(composer: Composer, word: str) -> None:
    target = word_box(composer, word)
    marks = [composer.marks.nth(i).bounding_box() for i in range(composer.marks.count())]
    assert any(overlaps(mark, target) for mark in marks), (marks, target)


def test_salesy_french_post_gets_a_high_salesiness_score_and_visible_hints(page: Page) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(SALESY_POST)
    post.wait_for_result()

    assert post.score("salesiness") >= 60
    assert int(post.host.get_attribute("data-hints")) >= 1
    expect(post.host).to_have_attribute("data-mode", "post")
    expect(post.badge).to_be_visible()
    expect(post.badge).to_contain_text("Vente")

    post.open_panel()
    first_sales_hint = post.panel.locator(".hint[data-rule^='salesiness.']").first
    expect(first_sales_hint).to_be_visible()
    expect(first_sales_hint.locator(".message")).not_to_be_empty()
    expect(first_sales_hint.locator(".suggestion")).to_contain_text("Essayez")
    expect(first_sales_hint.locator(".principle")).to_contain_text("Principe")

    # The flagged word is underlined where the browser draws it, by an overlay that lets
    # clicks through to the editor.
    expect(post.marks.first).to_be_visible()
    assert_word_is_marked(post, "Profitez-en")
    overlay = post.inside(".overlay")
    assert overlay.evaluate("(el) => getComputedStyle(el).pointerEvents") == "none"

    # The dialog re-centres when the window shrinks: the marks follow the words.
    page.set_viewport_size({"width": 1000, "height": 760})
    page.wait_for_timeout(100)
    assert_word_is_marked(post, "Profitez-en")


@pytest.mark.parametrize("variant", ["quill", "tiptap"])
def test_open_question_scores_high_on_interaction(page: Page, variant: str) -> None:
    open_linkedin(page, variant)
    share = linkedin_share(page)
    share.type(OPEN_QUESTION)
    share.wait_for_result()

    assert share.score("interaction") >= 60
    assert share.score("salesiness") < 35
    expect(share.host).to_have_attribute("data-mode", "post")
    share.open_panel()
    expect(share.panel.locator(".score").nth(1)).to_contain_text("invite à répondre")


@pytest.mark.parametrize("site", ["facebook", "linkedin"])
def test_defensive_reply_in_a_comment_box_is_flagged(page: Page, site: str) -> None:
    if site == "facebook":
        comment = facebook_comment(open_facebook(page))
    else:
        comment = linkedin_comment(open_linkedin(page))
    comment.type(DEFENSIVE_REPLY)
    comment.wait_for_result()

    expect(comment.host).to_have_attribute("data-mode", "reply")
    comment.open_panel()
    # The conflict rules only run for replies: this hint proves reply=true reached the server.
    expect(comment.panel.locator(".hint[data-rule^='conflict.']").first).to_be_visible()
    expect(comment.panel.locator(".mode")).to_have_text("Réponse")


@pytest.mark.parametrize("editor_name", list(EDITORS))
def test_editor_keeps_working_and_holds_nothing_of_ours(page: Page, editor_name: str) -> None:
    composer = EDITORS[editor_name](page)
    composer.type(SALESY_POST)
    composer.wait_for_result()
    expect(composer.marks.first).to_be_visible()
    assert composer.model_text() == SALESY_POST

    # Typing goes on, and the editor's undo still sees only the user's own edits. " Merci"
    # starts an undo step of its own only once the editor's history delay is over.
    composer.wait_for_history_settled()
    depth = composer.undo_depth()
    page.keyboard.type(" Merci")
    composer.wait_for_text(SALESY_POST + " Merci")
    assert composer.undo_depth() == depth + 1
    page.keyboard.press("Control+z")
    composer.wait_for_text(SALESY_POST)
    composer.wait_for_result()

    dom = composer.editor.evaluate(
        """(editor) => ({
            ours: editor.querySelectorAll('[data-postcoach-host], post-coach').length,
            shadowRoots: [...editor.querySelectorAll('*')].filter((el) => el.shadowRoot).length,
            text: editor.innerText.replace(/\\u00a0/g, ' ').trim(),
        })"""
    )
    assert dom == {"ours": 0, "shadowRoots": 0, "text": SALESY_POST}
    assert composer.model_text() == SALESY_POST
    assert composer.undo_depth() == depth


def test_badge_says_checking_from_the_first_keystroke(page: Page) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(SALESY_POST)
    post.wait_for_result()
    page.evaluate(
        """() => {
            const host = document.querySelector('[role="dialog"] [data-postcoach-host]');
            window.timing = {input: 0, checking: 0};
            host.parentElement.addEventListener('input', () => {
                window.timing.input = performance.now();
            }, {capture: true});
            new MutationObserver(() => {
                if (host.dataset.state === 'checking' && !window.timing.checking) {
                    window.timing.checking = performance.now();
                    window.timing.scoresKept = host.dataset.salesiness !== undefined;
                }
            }).observe(host, {attributes: true, attributeFilter: ['data-state']});
        }"""
    )

    page.keyboard.type("!")

    # "checking" may last only as long as the typing pause: the page's observer keeps the
    # moment it began, instead of a poll that could miss it.
    page.wait_for_function("() => window.timing.checking > 0")
    timing = page.evaluate("window.timing")
    # The check itself only starts after the 400 ms typing pause: this came before it, and the
    # previous scores stay on the badge, dimmed, until the new ones arrive.
    assert 0 < timing["checking"] - timing["input"] < 400, timing
    assert timing["scoresKept"] is True
    post.wait_for_result()


def test_badge_and_panel_work_from_the_keyboard(page: Page) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(SALESY_POST)
    post.wait_for_result()

    page.keyboard.press("Tab")  # the host sits right after the editor, so the badge is next
    expect(post.badge).to_be_focused()
    page.keyboard.press("Enter")
    expect(post.panel).to_be_visible()
    expect(post.panel.get_by_role("button", name="Fermer")).to_be_focused()
    page.keyboard.press("Tab")
    expect(post.panel.locator(".hint").first).to_be_focused()
    expect(post.inside(".mark[data-active='true']").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(post.panel).to_be_hidden()
    expect(post.badge).to_be_focused()


def test_the_host_takes_no_room_in_the_page(page: Page) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(SALESY_POST)
    post.wait_for_result()
    layout = """() => [...document.querySelectorAll('[role="dialog"] *')]
        .filter((el) => !el.closest('[contenteditable]') && el.tagName !== 'POST-COACH')
        .map((el) => JSON.stringify(el.getBoundingClientRect()))"""
    with_host = page.evaluate(layout)
    post.host.evaluate("(host) => host.remove()")
    assert page.evaluate(layout) == with_host


def test_english_interface_and_hints(page: Page, running_backend) -> None:
    configure(
        page.context, serverUrl=running_backend.url, token=running_backend.token, hintLanguage="en"
    )
    open_linkedin(page)
    share = linkedin_share(page)
    share.type(SALESY_POST)
    share.wait_for_result()
    expect(share.badge).to_contain_text("Sales")
    share.open_panel()
    expect(share.panel.locator(".mode")).to_have_text("Post")
    expect(share.panel.locator(".suggestion").first).to_contain_text("Try:")
    expect(share.panel.locator(".message").first).not_to_contain_text("achat")


def test_composers_are_picked_up_and_released_as_the_page_changes(page: Page) -> None:
    open_facebook(page)
    expect(page.locator("[data-postcoach-host]")).to_have_count(1)  # the comment box
    post = facebook_post(page)
    expect(page.locator("[data-postcoach-host]")).to_have_count(2)
    post.type("Bonjour")
    page.click("[role='dialog'] .close")
    expect(page.locator("[data-postcoach-host]")).to_have_count(1)
    facebook_post(page)
    expect(page.locator("[data-postcoach-host]")).to_have_count(2)


def test_settings_filter_families_and_switch_platforms_off(page: Page, running_backend) -> None:
    families = {name: name != "salesiness" for name in FAMILIES}
    configure(
        page.context, serverUrl=running_backend.url, token=running_backend.token, families=families
    )
    open_facebook(page)
    post = facebook_post(page)
    post.type(SALESY_POST)
    post.wait_for_result()
    post.open_panel()
    expect(post.panel.locator(".hint")).not_to_have_count(0)
    expect(post.panel.locator(".hint[data-rule^='salesiness.']")).to_have_count(0)
    expect(post.panel.locator(".note")).to_contain_text("masqué")

    configure(
        page.context,
        serverUrl=running_backend.url,
        token=running_backend.token,
        platforms={"facebook": False, "linkedin": True},
    )
    post.wait_for_state("disabled")
    expect(post.badge).to_be_hidden()
