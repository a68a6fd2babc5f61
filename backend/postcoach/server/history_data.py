"""The server's history store, and the recent posts /v1/analyze passes to the engine."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from postcoach import database
from postcoach.history import store as history_store
from postcoach.history.store import HistoryStore

_stores: dict[Path, HistoryStore] = {}
_lock = threading.Lock()


def store() -> HistoryStore:
    """The history of the current data directory (migrated on first use)."""
    path = database.default_path()
    with _lock:
        if path not in _stores:
            _stores[path] = HistoryStore(path)
        return _stores[path]


# The 30-day window slides: what was read is read again after this long even if nothing changed.
RECENT_TTL_S = 600


class _Recent(database.CommitWatcher):
    """One thread's recent posts per platform, read again after any commit elsewhere: a
    keystroke's analysis costs one PRAGMA, not two queries."""

    def __init__(self) -> None:
        super().__init__()
        self.posts: dict[str, tuple[float, list[dict]]] = {}

    def fresh(self, path: Path) -> dict[str, tuple[float, list[dict]]]:
        if self.changed(path):
            self.posts = {}
        return self.posts


_recent = _Recent()


def recent_posts(platform: str, reply: bool) -> list[dict]:
    """What a draft must not repeat: the posts of the last 30 days on the other networks, when
    history is on. The engine gets them as analyze(..., recent_posts=...)."""
    if reply or platform == "generic":
        return []
    current = store()
    cached = _recent.fresh(current.path)
    now = time.monotonic()
    if platform not in cached or now - cached[platform][0] > RECENT_TTL_S:
        cached[platform] = (now, history_store.recent_posts(current, platform, reply))
    return cached[platform][1]
