"""Screenshots of the badge and the panel on both fixture sites, for the README.

They are always taken (a rendering failure fails the test); they replace the committed ones in
extension/screenshots/ only when UPDATE_SCREENSHOTS=1, so a test run leaves the tree clean.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from brand_voice import BRAND, VOUS_POSTS, delete_all_profiles
from extension_harness import EXTENSION_DIR, Backend, extension_url
from extension_pages import (
    Composer,
    ProfilesSection,
    facebook_comment,
    facebook_post,
    linkedin_share,
    open_facebook,
    open_linkedin,
)
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.browser

COMMITTED = EXTENSION_DIR / "screenshots"
FACEBOOK_POST = (
    "Profitez-en vite !!! -50% sur toute notre collection de lampes, "
    "commandez maintenant sur notre site"
)
LINKEDIN_POST = (
    "Nous sommes ravis d'annoncer le lancement de notre nouvelle offre ! 87% des entreprises "
    "perdent des clients à cause d'un site lent. Et vous, quel a été votre plus gros frein "
    "à la refonte de votre site ?"
)
FACEBOOK_REPLY = (
    "Contrairement à ce que vous dites, vous auriez dû lire la notice avant de brancher la lampe."
)


def region(composer: Composer, margin: int = 24) -> dict:
    """The composer's frame and its badge, with some page around them."""
    frame = composer.page.locator(composer.container).first.bounding_box()
    badge = composer.badge.bounding_box()
    left = min(frame["x"], badge["x"]) - margin
    top = min(frame["y"], badge["y"]) - margin
    right = max(frame["x"] + frame["width"], badge["x"] + badge["width"]) + margin
    bottom = max(frame["y"] + frame["height"], badge["y"] + badge["height"]) + margin
    return {"x": max(0, left), "y": max(0, top), "width": right - left, "height": bottom - top}


def shoot(page: Page, out: Path, name: str, **options) -> None:
    path = out / name
    page.screenshot(path=path, animations="disabled", **options)
    assert path.stat().st_size > 10_000, f"{name} looks empty"


def settle(composer: Composer) -> None:
    composer.wait_for_result()
    expect(composer.marks.first).to_be_visible()
    composer.page.mouse.move(0, 0)


@pytest.fixture
def shots(tmp_path: Path):
    out = tmp_path / "screenshots"
    out.mkdir()
    yield out
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        COMMITTED.mkdir(exist_ok=True)
        for picture in out.glob("*.png"):
            shutil.copyfile(picture, COMMITTED / picture.name)


def test_facebook_screenshots(page: Page, shots: Path) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(FACEBOOK_POST)
    settle(post)
    shoot(page, shots, "facebook-badge.png", clip=region(post))
    post.open_panel()
    shoot(page, shots, "facebook-panel.png")


def test_facebook_reply_dark_screenshot(page: Page, shots: Path) -> None:
    open_facebook(page, "?dark")
    reply = facebook_comment(page)
    reply.type(FACEBOOK_REPLY)
    settle(reply)
    expect(reply.inside(".layer")).to_have_attribute("data-theme", "dark")
    reply.open_panel()
    shoot(page, shots, "facebook-reply-dark.png")


def test_linkedin_screenshots(page: Page, shots: Path) -> None:
    open_linkedin(page)
    share = linkedin_share(page)
    share.type(LINKEDIN_POST)
    settle(share)
    shoot(page, shots, "linkedin-badge.png", clip=region(share))
    share.open_panel()
    shoot(page, shots, "linkedin-panel.png")


FACEBOOK_SHOUTED = "Nos lampes anciennes reviennent samedi à l'atelier, PROFITEZ-EN !!!"
LINKEDIN_BANNED = (
    "Notre promo de rentrée est en ligne : un audit d'accessibilité offert pour toute refonte. "
    "Quel a été votre plus gros frein à la refonte de votre site ?"
)


def apply_and_shoot(composer: Composer, shots: Path, name: str, button: str, fixed: str) -> None:
    """The panel with its Apply button, then the draft once the fix is applied."""
    settle(composer)
    composer.open_panel()
    fix = composer.panel.locator(f".fix[data-replacement='{button}']")
    fix.hover()
    shoot(composer.page, shots, f"{name}-fix.png")
    fix.click()
    composer.wait_for_text(fixed)
    composer.wait_for_result()  # the fixed draft, checked again (it may have no underline left)
    composer.page.mouse.move(0, 0)
    shoot(composer.page, shots, f"{name}-fixed.png")


def test_facebook_fix_screenshots(page: Page, shots: Path) -> None:
    open_facebook(page)
    post = facebook_post(page)
    post.type(FACEBOOK_SHOUTED)
    fixed = FACEBOOK_SHOUTED.replace("PROFITEZ-EN", "Profitez-en")
    apply_and_shoot(post, shots, "facebook", "Profitez-en", fixed)


def test_linkedin_fix_screenshots(page: Page, shots: Path, brand_with_banned_term: None) -> None:
    open_linkedin(page, shadow="early")
    share = linkedin_share(page)
    share.type(LINKEDIN_BANNED)
    apply_and_shoot(share, shots, "linkedin", "offre", LINKEDIN_BANNED.replace("promo", "offre"))


def test_settings_screenshot(paired: BrowserContext, running_backend: Backend, shots: Path) -> None:
    settings = paired.new_page()
    settings.set_viewport_size({"width": 900, "height": 1500})
    settings.goto(extension_url(paired, "options/options.html"))
    settings.wait_for_selector("body[data-ready='true']")
    settings.click("#test-connection")
    expect(settings.locator("#connection-result")).to_have_attribute("data-status", "ok")
    # A brand whose voice was learned from its posts, active on both networks.
    profiles = ProfilesSection(settings)
    delete_all_profiles(running_backend)
    try:
        profiles.create(BRAND)
        profiles.learn(VOUS_POSTS)
        expect(profiles.learn_status).to_have_attribute("data-tone", "ok")
        profiles.set_active("facebook", BRAND)
        profiles.set_active("linkedin", BRAND)
        settings.fill("#preferred_terms", "atelier\nluminaire")
        settings.fill("#banned_terms", "pas cher → accessible\npromo → offre")
        settings.fill("#brand_names", BRAND)
        settings.fill("#domains", "maison-lumiere.fr")
        settings.click("#save-profile")
        expect(profiles.status).to_have_attribute("data-tone", "ok")
        settings.locator("#samples").evaluate("(box) => { box.scrollTop = 0; }")
        settings.mouse.move(0, 0)
        shoot(settings, shots, "settings.png", full_page=True)
    finally:
        delete_all_profiles(running_backend)
        settings.close()
