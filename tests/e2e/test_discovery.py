"""Finding every composer the way the live sites lay them out: in open shadow roots, with
plaintext-only editors, decoys and Quill's clipboard around, and telling posts from replies by
their surface (the share dialog, a comment box, a post opened in a pop-up, a chat tab)."""

from __future__ import annotations

import pytest
from extension_pages import (
    Composer,
    facebook_chat,
    facebook_popup_comment,
    facebook_post,
    linkedin_comment,
    linkedin_share,
    open_facebook,
    open_linkedin,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

OPEN_QUESTION = "Quelle est votre astuce préférée pour garder vos plantes en vie l'hiver ?"
DEFENSIVE_REPLY = "Contrairement à ce que vous dites, vous auriez dû lire la notice."


def hosts(page: Page):
    # Playwright's CSS engine enters open shadow roots, as the extension must.
    return page.locator("[data-postcoach-host]")


def assert_reply_checked(composer: Composer) -> None:
    composer.type(DEFENSIVE_REPLY)
    composer.wait_for_result()
    expect(composer.host).to_have_attribute("data-mode", "reply")
    assert composer.model_text() == DEFENSIVE_REPLY
    composer.open_panel()
    # The conflict rules only run for replies: this hint proves reply=true reached the server.
    expect(composer.panel.locator(".hint[data-rule^='conflict.']").first).to_be_visible()


@pytest.mark.parametrize("attached", ["early", "late"])
def test_share_dialog_in_an_open_shadow_root_is_coached_as_a_post(
    page: Page, attached: str
) -> None:
    open_linkedin(page, shadow=attached)
    share = linkedin_share(page)
    in_shadow_root = """() => document.getElementById('interop-outlet').shadowRoot
        .querySelectorAll('[data-postcoach-host]').length"""
    # Wait for the state: with a late outlet, the host may arrive after the share box.
    page.wait_for_function(f"({in_shadow_root})() === 1")
    # The decoy .ql-editor left in the outlet's light DOM is not drawn, so it is not coached.
    expect(hosts(page)).to_have_count(2)  # the share box and the feed's comment box

    share.type(OPEN_QUESTION)
    share.wait_for_result()
    expect(share.host).to_have_attribute("data-mode", "post")
    assert share.model_text() == OPEN_QUESTION
    share.open_panel()
    expect(share.panel.locator(".mode")).to_have_text("Publication")

    # Only the shadow root's own observer sees the dialog go and come back.
    page.click("[role='dialog'] .close")
    expect(hosts(page)).to_have_count(1)
    linkedin_share(page)
    expect(hosts(page)).to_have_count(2)


def test_quill_clipboard_is_not_a_composer(page: Page) -> None:
    open_linkedin(page)
    linkedin_share(page)
    assert page.locator(".ql-clipboard[contenteditable='true']").count() == 2
    expect(hosts(page)).to_have_count(2)


@pytest.mark.parametrize("editor", ["tiptap", "plaintext"])
def test_feed_comment_boxes_are_replies_whatever_the_editor(page: Page, editor: str) -> None:
    open_linkedin(page, comments=editor)
    assert_reply_checked(linkedin_comment(page))


def test_comment_box_of_a_post_opened_in_a_pop_up_is_a_reply(page: Page) -> None:
    open_facebook(page)
    assert_reply_checked(facebook_popup_comment(page))


def test_messenger_chat_box_is_left_alone(page: Page) -> None:
    open_facebook(page)
    chat = facebook_chat(page)
    chat.type("Bonjour, pouvez-vous m'envoyer une photo de la lampe ?")
    # Opening the composer makes the extension scan the page again, chat tab included.
    facebook_post(page)
    expect(hosts(page)).to_have_count(2)  # the composer and the feed's comment box
    expect(chat.host).to_have_count(0)


def test_a_changed_placeholder_or_label_changes_nothing(page: Page) -> None:
    open_linkedin(page)
    comment = linkedin_comment(page)
    comment.editor.evaluate(
        """(editor) => {
            editor.setAttribute('aria-label', 'Tell them what you found insightful…');
            editor.setAttribute('data-placeholder', 'Tell them what you found insightful…');
        }"""
    )
    assert_reply_checked(comment)
    expect(hosts(page)).to_have_count(1)
