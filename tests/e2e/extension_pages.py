"""Page objects for the fixture sites: where each composer is and how to read its editor's own
model (Lexical, Quill or TipTap), so tests say what they check, not how to find it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extension_harness import SHADOW_ENGINE, expose_closed_shadow_roots, extension_url
from playwright.sync_api import BrowserContext, Locator, Page, expect
from playwright.sync_api import Error as PlaywrightError

# Generous: the first analysis warms the engine up, and CI machines are small.
RESULT_TIMEOUT_MS = 15000
EDITABLE = ":is([contenteditable='true'], [contenteditable='plaintext-only']):not(.ql-clipboard)"
SCORE = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class Composer:
    """One coached editor: its editable element, the host next to it, and its model."""

    page: Page
    name: str
    container: str

    @property
    def editor(self) -> Locator:
        return self.page.locator(f"{self.container} {EDITABLE}").first

    @property
    def host(self) -> Locator:
        return self.page.locator(f"{self.container} [data-postcoach-host]")

    def inside(self, selector: str) -> Locator:
        """Elements of the host's closed shadow root (see expose_closed_shadow_roots)."""
        expect(self.host).to_have_count(1)
        expose_closed_shadow_roots(self.page)
        return self.host.locator(f"{SHADOW_ENGINE}={selector}")

    @property
    def badge(self) -> Locator:
        return self.inside(".badge")

    @property
    def panel(self) -> Locator:
        return self.inside(".panel")

    @property
    def marks(self) -> Locator:
        return self.inside(".overlay .mark")

    def model_text(self) -> str:
        return self.page.evaluate("(name) => window.fixture.editors[name].text()", self.name)

    def wait_for_text(self, text: str) -> None:
        """Waits for the editor's own model to hold exactly `text`."""
        self.page.wait_for_function(
            "([name, text]) => window.fixture.editors[name].text() === text", arg=[self.name, text]
        )

    def wait_for_history_settled(self) -> None:
        """Editors merge edits made close together into one undo step (Quill: within 1 s of the
        step's first edit); waits until the editor says its next change starts a new step."""
        self.page.wait_for_function(
            "(name) => window.fixture.editors[name].historySettled()", arg=self.name
        )

    def undo_depth(self) -> int:
        """How many steps the editor's own undo history holds."""
        return self.page.evaluate("(name) => window.fixture.editors[name].undoDepth()", self.name)

    def type(self, text: str) -> None:
        self.editor.click()
        self.page.keyboard.type(text)

    def score(self, attribute: str) -> int:
        return int(self.host.get_attribute(f"data-{attribute}") or "-1")

    def wait_for_result(self, timeout: float = RESULT_TIMEOUT_MS) -> None:
        """Waits for an analysis of the editor's current text to be on screen."""
        expect(self.host).to_have_attribute("data-state", "ok", timeout=timeout)
        expect(self.host).to_have_attribute("data-salesiness", SCORE, timeout=timeout)

    def wait_for_state(self, state: str, timeout: float = RESULT_TIMEOUT_MS) -> None:
        expect(self.host).to_have_attribute("data-state", state, timeout=timeout)

    def open_panel(self) -> None:
        if not self.panel.evaluate("(panel) => panel.matches(':popover-open')"):
            self.badge.click()
        expect(self.panel).to_be_visible()


def open_facebook(page: Page, query: str = "") -> Page:
    page.goto(f"https://www.facebook.com/{query}")
    page.wait_for_function("() => window.fixture && window.fixture.editors.comment")
    return page


def facebook_post(page: Page) -> Composer:
    page.click("#open-composer")
    composer = Composer(page, "post", "[role='dialog']")
    expect(composer.host).to_have_count(1)
    return composer


def facebook_comment(page: Page) -> Composer:
    return Composer(page, "comment", "article .comment-box")


def facebook_popup_comment(page: Page) -> Composer:
    """The comment box of a post opened in a pop-up (a dialog)."""
    page.evaluate("() => window.fixture.openPostPopup()")
    return Composer(page, "popup", ".popup")


def facebook_chat(page: Page) -> Composer:
    """A Messenger chat tab docked on the page."""
    page.evaluate("() => window.fixture.openChat()")
    return Composer(page, "chat", ".chat-tab")


def open_linkedin(page: Page, composer: str = "quill", **params: str) -> Page:
    """The LinkedIn fixture; params: shadow=early|late, comments=tiptap|plaintext."""
    query = "&".join(f"{key}={value}" for key, value in {"composer": composer, **params}.items())
    page.goto(f"https://www.linkedin.com/?{query}")
    page.wait_for_function("() => window.fixture && window.fixture.editors.comment")
    return page


def linkedin_share(page: Page) -> Composer:
    page.click("#open-composer")
    composer = Composer(page, "share", "[role='dialog']")
    expect(composer.host).to_have_count(1)
    return composer


def linkedin_comment(page: Page) -> Composer:
    return Composer(page, "comment", "article .comment-form")


# The share box or composer of each editor library, on its site.
EDITORS = {
    "lexical": lambda page: facebook_post(open_facebook(page)),
    "quill": lambda page: linkedin_share(open_linkedin(page, "quill")),
    "tiptap": lambda page: linkedin_share(open_linkedin(page, "tiptap")),
}


@dataclass(frozen=True)
class ProfilesSection:
    """The settings page's brand-profile section."""

    page: Page

    @property
    def section(self) -> Locator:
        return self.page.locator("#brand-profile")

    @property
    def editor(self) -> Locator:
        return self.page.locator("#profile-editor")

    @property
    def description(self) -> Locator:
        return self.page.locator("#voice-description")

    @property
    def learn_status(self) -> Locator:
        return self.page.locator("#learn-status")

    @property
    def status(self) -> Locator:
        return self.page.locator("#profile-status-text")

    def item(self, name: str) -> Locator:
        return self.page.locator(f"#profile-list li[data-profile='{name}']")

    def create(self, name: str) -> None:
        self.page.fill("#new-profile-name", name)
        self.page.locator("#new-profile-name").press("Enter")
        expect(self.editor).to_have_attribute("data-profile", name)

    def open(self, name: str) -> None:
        self.item(name).get_by_role("button").click()
        expect(self.editor).to_have_attribute("data-profile", name)

    def learn(self, posts: list[str]) -> None:
        self.page.fill("#samples", "\n".join(posts))
        self.page.click("#learn")

    def set_active(self, platform: str, name: str) -> None:
        self.page.select_option(f"#active-{platform}", name)
        where = re.compile(rf"\b{platform}\b")
        expect(self.item(name)).to_have_attribute("data-active-on", where)


def open_settings(context: BrowserContext) -> Page:
    return show_settings(context.new_page(), context)


def show_settings(page: Page, context: BrowserContext) -> Page:
    """Opens the settings page in `page` and waits until it is ready."""
    url = extension_url(context, "options/options.html")
    try:
        page.goto(url)
    except PlaywrightError as error:
        # Installed without a token, the extension opens its settings page by itself (to
        # pair); when Chrome puts it in this very tab, our navigation to the same page is cut
        # short by it, and the page still arrives.
        if "interrupted by another navigation" not in str(error):
            raise
    page.wait_for_url(url)
    page.wait_for_selector("body[data-ready='true']")
    return page
