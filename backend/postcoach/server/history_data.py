"""The server's history store, and the recent posts /v1/analyze passes to the engine."""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from pathlib import Path

from postcoach import database
from postcoach.history.store import HistoryStore

_stores: dict[Path, HistoryStore] = {}
_lock = threading.Lock()
RECENT_DAYS = 30


def store() -> HistoryStore:
    """The history of the current data directory (migrated on first use)."""
    path = database.default_path()
    with _lock:
        if path not in _stores:
            _stores[path] = HistoryStore(path)
        return _stores[path]


def recent_posts(platform: str, reply: bool) -> list[dict]:
    """What a draft must not repeat: the posts of the last 30 days on the other networks, when
    history is on. The engine gets them as analyze(..., recent_posts=...)."""
    if reply or platform == "generic":
        return []
    current = store()
    if not current.settings().enabled:
        return []
    rows = current.recent(datetime.now(timezone.utc), RECENT_DAYS, other_than=platform)
    return [{"network": n, "published_at": p, "text": t} for n, p, t in rows]
