"""`postcoach report --html`: one self-contained HTML file. The numbers (measures.build) are
embedded as JSON; the extension's own report script and the vendored Chart.js are inlined, so
the file draws the very report the extension shows, offline, with a French/English switch. Its
Content-Security-Policy forbids every network request."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from postcoach.errors import CommandError
from postcoach.paths import extension_dir

ASSETS = {
    "chart": "vendor/chart.js/chart.umd.min.js",
    "render": "report/render.js",
    "style": "report/report.css",
}
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")
TITLES = {"fr": "Post Coach — rapport d'historique", "en": "Post Coach — history report"}
BOOT = """
const data = JSON.parse(document.getElementById('report-data').textContent);
const main = document.getElementById('report');
const buttons = [...document.querySelectorAll('.languages button')];
let destroy = () => {};
function show(lang) {
  destroy();
  destroy = renderReport(main, data, { lang, Chart: globalThis.Chart });
  document.documentElement.lang = lang;
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
}
for (const button of buttons) button.addEventListener('click', () => show(button.dataset.lang));
show(document.documentElement.lang);
"""


@cache
def _asset(name: str) -> str:
    folder = extension_dir()
    if folder is None:
        raise CommandError("the report's scripts come with the browser extension's files, which "
                           "this copy of Post Coach lacks: reinstall it (pip install .) or run "
                           "it from its source folder (make install)")
    path = folder / ASSETS[name]
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise CommandError(f"the report's scripts are not where they should be ({path})") from None


def _inline_script(code: str) -> str:
    # Nothing in a script may close its <script> element early.
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def html(data: dict, lang: str = "fr") -> str:
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{TITLES[lang]}</title>
<style>{_asset("style")}</style>
</head>
<body>
<nav class="languages" aria-label="Langue / Language">
<button type="button" data-lang="fr" lang="fr">Français</button>
<button type="button" data-lang="en" lang="en">English</button>
</nav>
<main id="report"></main>
<noscript><p>Ce rapport s'affiche avec JavaScript. / This report needs JavaScript.</p></noscript>
<script type="application/json" id="report-data">{payload}</script>
<script>{_inline_script(_asset("chart"))}</script>
<script type="module">{_inline_script(_asset("render"))}
{BOOT}</script>
</body>
</html>
"""


def write(data: dict, out: Path, lang: str = "fr") -> None:
    """Write the file whole or not at all: a half-written report never replaces a good one."""
    text = html(data, lang)
    temporary = out.with_name(out.name + ".part")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(out)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise CommandError(f"cannot write {out}: {error.strerror}") from None
