"""Where Post Coach keeps its data: POSTCOACH_HOME, or the platform's user data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir


def data_dir(create: bool = True) -> Path:
    home = os.environ.get("POSTCOACH_HOME")
    path = Path(home) if home else Path(user_data_dir("postcoach", appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
