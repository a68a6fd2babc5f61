"""Brand profiles on the settings page: a community manager pastes the brand's posts, Post Coach
learns the voice, and drafts on both networks are checked against it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from brand_voice import BRAND, TU_DRAFT, VOUS_POSTS, delete_all_profiles
from extension_harness import Backend, configure, launch_browser
from extension_pages import (
    Composer,
    ProfilesSection,
    facebook_post,
    linkedin_share,
    open_facebook,
    open_linkedin,
    open_settings,
)
from playwright.sync_api import BrowserContext, Playwright, expect

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def no_profiles(running_backend: Backend) -> Iterator[None]:
    """Every test starts and ends without profiles, so no other test is checked against one."""
    delete_all_profiles(running_backend)
    yield
    if running_backend.healthy():
        delete_all_profiles(running_backend)


def tone_after_typing(composer: Composer, text: str) -> int:
    composer.type(text)
    composer.wait_for_result()
    return composer.score("tone")


def test_twenty_pasted_posts_teach_the_voice_and_drafts_off_voice_get_tone_hints(
    paired: BrowserContext,
) -> None:
    # Before any profile: the tone score of a "tu" draft, with the built-in default.
    page = paired.new_page()
    open_facebook(page)
    default_tone = tone_after_typing(facebook_post(page), TU_DRAFT)

    settings = open_settings(paired)
    profiles = ProfilesSection(settings)
    profiles.create(BRAND)
    profiles.learn(VOUS_POSTS)
    expect(settings.locator("#samples-count")).to_have_text("20 posts")
    expect(profiles.learn_status).to_contain_text("Voix apprise sur 20 posts")
    expect(profiles.description).to_contain_text("Écrit en français (vous).")
    expect(profiles.description).to_contain_text("Registre")
    expect(profiles.description.locator("li")).not_to_have_count(1)
    profiles.set_active("facebook", BRAND)
    profiles.set_active("linkedin", BRAND)
    expect(profiles.item(BRAND)).to_contain_text("Actif : Facebook, LinkedIn")

    # From now on, a "tu" draft on Facebook says it does not sound like the brand…
    page.bring_to_front()  # a background tab's timers are throttled: the typing pause would drag
    open_facebook(page)
    post = facebook_post(page)
    assert tone_after_typing(post, TU_DRAFT) < default_tone
    post.open_panel()
    expect(post.panel.locator(".hint[data-rule='tone.address_mismatch']").first).to_contain_text(
        "votre marque écrit vous"
    )

    # …and so does one on LinkedIn.
    open_linkedin(page)
    share = linkedin_share(page)
    assert tone_after_typing(share, TU_DRAFT) < default_tone
    share.open_panel()
    expect(share.panel.locator(".hint[data-rule='tone.address_mismatch']").first).to_be_visible()
    page.close()
    settings.close()


def test_fewer_than_five_posts_say_how_many_are_missing(
    paired: BrowserContext, tmp_path: Path
) -> None:
    settings = open_settings(paired)
    profiles = ProfilesSection(settings)
    profiles.create(BRAND)

    profiles.learn(VOUS_POSTS[:3])
    expect(profiles.learn_status).to_have_text(
        "Il faut au moins 5 posts pour apprendre une voix : vous en avez 3, ajoutez-en 2."
    )
    expect(profiles.learn_status).to_have_attribute("data-tone", "error")
    expect(settings.locator("#samples")).to_be_focused()

    # A CSV export is read by the server, which counts its posts the same way.
    export = tmp_path / "posts.csv"
    export.write_text(
        "date,text\n" + "".join(f'2024-01-0{i},"{p}"\n' for i, p in enumerate(VOUS_POSTS[:4], 1))
    )
    with settings.expect_file_chooser() as chooser:
        settings.click("#learn-file")
    chooser.value.set_files(str(export))
    expect(profiles.learn_status).to_contain_text("vous en avez 4, ajoutez-en 1")
    expect(profiles.description).to_contain_text("Voix pas encore apprise")
    settings.close()


def test_a_save_from_another_tab_in_between_keeps_what_was_typed(paired: BrowserContext) -> None:
    first = open_settings(paired)
    ProfilesSection(first).create(BRAND)
    second = open_settings(paired)
    other = ProfilesSection(second)
    expect(other.editor).to_have_attribute("data-profile", BRAND)

    first.fill("#emoji_max", "3")
    first.click("#save-profile")
    expect(ProfilesSection(first).status).to_contain_text("Profil enregistré.")

    second.fill("#brand_names", "Maison Lumière\nML")
    second.click("#save-profile")
    expect(other.status).to_contain_text("modifié dans un autre onglet — rechargez-le")
    expect(second.locator("#brand_names")).to_have_value("Maison Lumière\nML")

    # Reloading takes the other tab's save and keeps this tab's typing on top of it.
    second.get_by_role("button", name="Recharger en gardant mes modifications").click()
    expect(second.locator("#emoji_max")).to_have_value("3")
    expect(second.locator("#brand_names")).to_have_value("Maison Lumière\nML")
    second.click("#save-profile")
    expect(other.status).to_contain_text("Profil enregistré.")
    first.close()
    second.close()


def test_profiles_and_their_active_networks_survive_a_browser_restart(
    playwright_session: Playwright, site_port: int, running_backend: Backend, tmp_path: Path
) -> None:
    user_data = tmp_path / "chromium"
    context = launch_browser(playwright_session, user_data, site_port)
    try:
        configure(context, serverUrl=running_backend.url, token=running_backend.token)
        settings = open_settings(context)
        profiles = ProfilesSection(settings)
        profiles.create(BRAND)
        profiles.learn(VOUS_POSTS[:8])
        expect(profiles.learn_status).to_contain_text("Voix apprise sur 8 posts")
        profiles.set_active("linkedin", BRAND)
    finally:
        context.close()

    context = launch_browser(playwright_session, user_data, site_port)
    try:
        settings = open_settings(context)
        profiles = ProfilesSection(settings)
        expect(profiles.item(BRAND)).to_have_attribute("data-active-on", "linkedin generic")
        expect(settings.locator("#active-linkedin")).to_have_value(BRAND)
        expect(settings.locator("#active-facebook")).to_have_value("")
        expect(profiles.editor).to_have_attribute("data-profile", BRAND)
        expect(profiles.description).to_contain_text("Voix apprise sur 8 posts.")
    finally:
        context.close()


def test_export_delete_by_keyboard_and_import_back(paired: BrowserContext, tmp_path: Path) -> None:
    settings = open_settings(paired)
    profiles = ProfilesSection(settings)
    profiles.create(BRAND)
    profiles.learn(VOUS_POSTS[:8])
    expect(profiles.learn_status).to_have_attribute("data-tone", "ok")

    with settings.expect_download() as download:
        settings.click("#export-profile")
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name == "postcoach-profile-Maison-Lumiere.json"

    # Deleting asks first; Escape keeps the profile, confirming removes it.
    dialog = settings.locator("#confirm-dialog")
    settings.focus("#delete-profile")
    settings.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(f"Supprimer le profil « {BRAND} » ?")
    expect(settings.locator("#confirm-cancel")).to_be_focused()
    settings.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(settings.locator("#delete-profile")).to_be_focused()
    settings.keyboard.press("Enter")
    settings.keyboard.press("Tab")
    expect(settings.locator("#confirm-ok")).to_be_focused()
    settings.keyboard.press("Enter")
    expect(settings.locator("#profiles-status")).to_have_text(f"Profil « {BRAND} » supprimé.")
    expect(profiles.item(BRAND)).to_have_count(0)
    expect(profiles.editor).to_be_hidden()

    # The export brings it back, learned voice included; a second import asks before replacing.
    for replace in (False, True):
        with settings.expect_file_chooser() as chooser:
            settings.click("#import-profile")
        chooser.value.set_files(str(exported))
        if replace:
            expect(dialog).to_contain_text(f"Remplacer le profil « {BRAND} » ?")
            settings.click("#confirm-ok")
        expect(settings.locator("#profiles-status")).to_have_text(f"Profil « {BRAND} » importé.")
        expect(profiles.description).to_contain_text("Voix apprise sur 8 posts.")
    settings.close()


def test_a_question_asked_again_before_the_last_close_event_is_answered_once(
        paired: BrowserContext) -> None:
    """A dialog's "close" event comes a task after it closed. Closing and reopening within one
    task (what a quick Escape then Enter can do) must not let that late event answer the new
    question: the second answer is the one that counts."""
    settings = open_settings(paired)
    profiles = ProfilesSection(settings)
    profiles.create(BRAND)
    settings.click("#delete-profile")
    dialog = settings.locator("#confirm-dialog")
    expect(dialog).to_be_visible()
    settings.evaluate("""() => {
        document.querySelector('#confirm-dialog').close();
        document.querySelector('#delete-profile').click();
    }""")
    expect(dialog).to_be_visible()
    settings.click("#confirm-ok")
    expect(settings.locator("#profiles-status")).to_have_text(f"Profil « {BRAND} » supprimé.")
    expect(profiles.item(BRAND)).to_have_count(0)
    settings.close()
