"""`postcoach extension`: where the browser extension lies.

An installed package (`pip install .`, pipx) carries a copy of the extension's files in
postcoach/extension/ (setup.py copies them in at build time); a source checkout has them in
its extension/ folder, and the packages `make package` built in its dist/ folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from postcoach import __version__
from postcoach.paths import CHECKOUT_ROOT, extension_dir

PACKAGE_NAMES = {
    "chrome": f"post-coach-{__version__}-chrome.zip",
    "firefox": f"post-coach-{__version__}-firefox.xpi",
}


def built_packages() -> dict[str, Path]:
    """The Chrome zip and Firefox xpi of this version that `make package` left in dist/."""
    dist = CHECKOUT_ROOT / "dist"
    return {browser: dist / name for browser, name in PACKAGE_NAMES.items()
            if (dist / name).is_file()}


def cmd_extension(args: argparse.Namespace) -> int:
    folder = extension_dir()
    packages = built_packages()
    if args.path:
        if folder is None:
            return 1
        print(folder)
        return 0
    if folder is None and not packages:
        print("The extension's files are not installed with this copy of Post Coach; build "
              "them from a checkout with `make package`.")
        return 1
    if folder is not None:
        print(f"Unpacked extension (version {__version__}): {folder}")
        print("  Chrome:  chrome://extensions → Developer mode → Load unpacked → that folder")
        print("  Firefox: about:debugging → This Firefox → Load Temporary Add-on → "
              f"{folder / 'manifest.json'}")
    for browser, path in packages.items():
        print(f"{browser.capitalize()} package: {path}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    extension = subparsers.add_parser(
        "extension", help="print where the browser extension (unpacked or packaged) lies"
    )
    extension.add_argument("--path", action="store_true",
                           help="print only the unpacked folder's path")
    extension.set_defaults(handler=cmd_extension)
