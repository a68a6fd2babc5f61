"""`make package`: the extension as a Chrome zip and a Firefox xpi, built and linted by Mozilla's
web-ext, named after the one version number, with a SHA256SUMS.

The extension folder serves both browsers unpacked; each package gets the manifest its browser
reads without warnings: Chrome's without the Firefox-only keys (background.scripts,
browser_specific_settings), Firefox's without background.service_worker (Firefox runs
background.scripts). Tests and screenshots stay out of both. The version is postcoach.__version__,
and the manifest must already say the same (tests/test_version.py keeps them equal).

web-ext is a dev dependency of the npm project in tests/e2e/fixtures/, beside addons-linter,
which it runs for `web-ext lint`: one node_modules, one lock file, installed by `npm ci`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
WEB_EXT = ROOT / "tests" / "e2e" / "fixtures" / "node_modules" / ".bin" / "web-ext"
LEFT_OUT = ("test", "screenshots")
BROWSERS = {"chrome": "zip", "firefox": "xpi"}


def version() -> str:
    sys.path.insert(0, str(ROOT / "backend"))
    from postcoach import __version__

    return __version__


def package_name(browser: str, number: str) -> str:
    return f"post-coach-{number}-{browser}.{BROWSERS[browser]}"


def manifest_for(browser: str, manifest: dict) -> dict:
    variant = json.loads(json.dumps(manifest))
    background = variant["background"]
    if browser == "chrome":
        background.pop("scripts", None)
        variant.pop("browser_specific_settings", None)
    else:
        background.pop("service_worker", None)
    return variant


def stage(browser: str, into: Path) -> Path:
    source = into / browser
    shutil.copytree(EXTENSION, source, ignore=shutil.ignore_patterns(*LEFT_OUT, ".*"))
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    (source / "manifest.json").write_text(
        json.dumps(manifest_for(browser, manifest), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return source


def web_ext(*args: str) -> None:
    if not WEB_EXT.exists():
        raise SystemExit(f"{WEB_EXT} is missing: run `make test-js` (npm ci) first")
    # No update check, no telemetry: nothing reaches the network.
    subprocess.run([str(WEB_EXT), *args, "--no-config-discovery"], check=True,
                   env={**_environ(), "WEB_EXT_NO_INPUT": "true"})


def _environ() -> dict[str, str]:
    import os

    return {**os.environ, "NO_UPDATE_NOTIFIER": "1", "WEB_EXT_NO_UPDATE_CHECK": "1"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(out: Path) -> list[Path]:
    number = version()
    manifest_version = json.loads((EXTENSION / "manifest.json").read_text())["version"]
    if manifest_version != number:
        raise SystemExit(f"extension/manifest.json says {manifest_version}, postcoach "
                         f"{number}: one version number, please")
    out.mkdir(parents=True, exist_ok=True)
    built = []
    with tempfile.TemporaryDirectory(prefix="postcoach-package-") as work:
        for browser in BROWSERS:
            source = stage(browser, Path(work))
            if browser == "firefox":
                web_ext("lint", "--source-dir", str(source), "--warnings-as-errors",
                        "--self-hosted")
            name = package_name(browser, number)
            (out / name).unlink(missing_ok=True)
            web_ext("build", "--source-dir", str(source), "--artifacts-dir", str(out),
                    "--filename", name, "--overwrite-dest")
            built.append(out / name)
    sums = "".join(f"{sha256(path)}  {path.name}\n" for path in built)
    (out / "SHA256SUMS").write_text(sums, encoding="ascii")
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(f"{path}  ({path.stat().st_size // 1024} KiB)")
    print(args.out / "SHA256SUMS")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
