"""Where Post Coach keeps its data (POSTCOACH_HOME, or the platform's user data directory) and
where the browser extension's files lie."""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_data_dir

# The data directories already made, by POSTCOACH_HOME: the server asks on every request.
_made: dict[str | None, Path] = {}


def data_dir(create: bool = True) -> Path:
    home = os.environ.get("POSTCOACH_HOME")
    path = _made.get(home)
    if path is not None and path.is_dir():
        return path
    path = Path(home) if home else Path(user_data_dir("postcoach", appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        _made[home] = path
    return path


# An installed package (`pip install .`, pipx) carries a copy of the extension's files in
# postcoach/extension/ (setup.py copies them in at build time); a source checkout has them in
# its extension/ folder, beside backend/.
PACKAGED_EXTENSION = Path(__file__).resolve().parent / "extension"
CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


def _is_extension(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("manifest_version") == 3


def extension_dir() -> Path | None:
    """The extension's folder: the installed copy, else the checkout's."""
    for folder in (PACKAGED_EXTENSION, CHECKOUT_ROOT / "extension"):
        if _is_extension(folder):
            return folder
    return None
