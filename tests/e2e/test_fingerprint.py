"""The coached sites probe for extensions: they fetch the files extensions make web-accessible
(LinkedIn tries a list of thousands of extension ids) and watch for injected elements. Post
Coach makes no file reachable and shows the page one empty element per composer."""

from __future__ import annotations

import pytest
from extension_harness import EXTENSION_DIR, extension_url, extension_worker
from extension_pages import linkedin_share, open_facebook, open_linkedin
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PROBE = """async ([base, paths]) => Promise.all(paths.map(async (path) => {
    try {
        const response = await fetch(base + path);
        return `${path}: ${response.status}`;
    } catch {
        return null;  // refused, as for an extension that is not installed
    }
}))"""


def extension_files() -> list[str]:
    files = [
        path.relative_to(EXTENSION_DIR).as_posix()
        for path in EXTENSION_DIR.rglob("*")
        if path.is_file()
    ]
    assert "dist/content.js" in files and "manifest.json" in files
    return sorted(files)


@pytest.mark.parametrize("site", ["facebook", "linkedin"])
def test_the_site_cannot_fetch_any_file_of_the_extension(page: Page, site: str) -> None:
    (open_facebook if site == "facebook" else open_linkedin)(page)
    page.wait_for_selector("[data-postcoach-host]", state="attached")  # the extension is there
    base = extension_url(page.context, "")
    paths = extension_files()

    reached = [answer for answer in page.evaluate(PROBE, [base, paths]) if answer is not None]

    assert reached == []
    # The same URLs are right: the extension's own worker fetches them.
    own_files = ["manifest.json", "dist/content.js"]
    own = extension_worker(page.context).evaluate(PROBE, [base, own_files])
    assert own == ["manifest.json: 200", "dist/content.js: 200"]


def test_the_page_sees_one_empty_element_per_composer(page: Page) -> None:
    open_linkedin(page, shadow="early")
    share = linkedin_share(page)
    share.type("Profitez-en vite !!! Commandez maintenant sur notre site")
    share.wait_for_result()
    share.open_panel()

    seen = page.evaluate(
        """() => {
            const elements = [];
            const walk = (root) => {
                for (const element of root.querySelectorAll('*')) {
                    elements.push(element);
                    if (element.shadowRoot) walk(element.shadowRoot);
                }
            };
            walk(document);
            const hosts = elements.filter((element) => element.hasAttribute('data-postcoach-host'));
            const mentions = (element) => [...element.attributes].some((attribute) =>
                /extension:\\/\\//.test(attribute.value));
            return {
                hosts: hosts.length,
                openShadowRoots: hosts.filter((host) => host.shadowRoot !== null).length,
                childNodes: hosts.reduce((count, host) => count + host.childNodes.length, 0),
                extensionUrls: elements.filter(mentions).length,
                highlights: globalThis.CSS?.highlights?.size ?? 0,
            };
        }"""
    )
    # The share box (inside LinkedIn's shadow root) and the feed's comment box.
    assert seen == {
        "hosts": 2,
        "openShadowRoots": 0,
        "childNodes": 0,
        "extensionUrls": 0,
        "highlights": 0,
    }
