"""The history of published posts, in the same SQLite file as the brand profiles.

One row per published post or reply, with the analysis it had when it was published and its
engagement figures once known. Its schema counts its own versions (database.migrate_component).
Settings (on/off, retention) live beside it, so the server, the CLI and the settings page agree.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from postcoach import database
from postcoach.errors import InputError
from postcoach.history.model import FIGURES, NETWORKS, Published, iso, parse_iso, text_hash

COMPONENT = "history"
# History is on unless switched off: it keeps only what the user already made public, on this
# machine, and the report and the cross-network hint need it (README, "Your history").
DEFAULT_ENABLED = True
# Two years: enough to compare a season with the same season a year before.
DEFAULT_RETENTION_DAYS = 730
MAX_RETENTION_DAYS = 36_500
# A capture and the network's export of the same post differ by seconds, or by a time zone.
SAME_POST_WINDOW = timedelta(hours=36)
MAX_PAGE = 1000

ANALYSIS_COLUMNS = ("language", "address_form", "formality", "emoji", "exclamations", "hashtags",
                    "salesiness", "interaction", "tone")


def _create_tables(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            network TEXT NOT NULL,
            reply INTEGER NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            published_at TEXT NOT NULL,
            url TEXT,
            source TEXT NOT NULL,
            brand TEXT,
            language TEXT NOT NULL,
            address_form TEXT NOT NULL,
            formality INTEGER NOT NULL,
            emoji INTEGER NOT NULL,
            exclamations INTEGER NOT NULL,
            hashtags INTEGER NOT NULL,
            salesiness INTEGER NOT NULL,
            interaction INTEGER NOT NULL,
            tone INTEGER NOT NULL,
            hints TEXT NOT NULL,
            reactions INTEGER,
            comments INTEGER,
            shares INTEGER,
            impressions INTEGER,
            added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (network, reply, text_hash, published_at)
        )"""
    )
    db.execute("CREATE INDEX history_by_time ON history(published_at)")
    db.execute("CREATE INDEX history_by_text ON history(network, reply, text_hash)")
    db.execute("CREATE TABLE history_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS = (_create_tables,)


class HistoryOff(RuntimeError):
    def __init__(self) -> None:
        super().__init__("history is switched off: switch it on (postcoach history settings "
                         "--on, or the settings page) before importing")


@dataclass(frozen=True)
class Settings:
    enabled: bool = DEFAULT_ENABLED
    retention_days: int | None = DEFAULT_RETENTION_DAYS  # None: kept until deleted

    def as_json(self) -> dict:
        return {"enabled": self.enabled, "retention_days": self.retention_days}

    def oldest_kept(self, now: datetime) -> str | None:
        if self.retention_days is None:
            return None
        return iso(now - timedelta(days=self.retention_days))


@dataclass
class AddReport:
    """What an import or a capture did: posts taken, already there (figures updated on some),
    and skipped with the reason for each."""

    taken: int = 0
    already_had: int = 0
    updated: int = 0
    skipped: Counter = field(default_factory=Counter)
    ids: list[int] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"taken": self.taken, "already_had": self.already_had, "updated": self.updated,
                "skipped": dict(sorted(self.skipped.items()))}

    def merge(self, other: AddReport) -> None:
        self.taken += other.taken
        self.already_had += other.already_had
        self.updated += other.updated
        self.skipped.update(other.skipped)
        self.ids += other.ids


@dataclass(frozen=True)
class Filters:
    network: str | None = None
    reply: bool | None = None
    since: datetime | None = None
    until: datetime | None = None
    brand: str | None = None

    def where(self) -> tuple[str, list]:
        clauses, args = [], []
        if self.network is not None:
            clauses.append("network = ?")
            args.append(self.network)
        if self.reply is not None:
            clauses.append("reply = ?")
            args.append(int(self.reply))
        if self.since is not None:
            clauses.append("published_at >= ?")
            args.append(iso(self.since))
        if self.until is not None:
            clauses.append("published_at < ?")
            args.append(iso(self.until))
        if self.brand is not None:
            clauses.append("brand = ? COLLATE NOCASE")
            args.append(self.brand)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def summary(result: dict) -> dict:
    """What the history keeps of an analysis: the scores, the tone, one hint per rule."""
    tone, scores = result["tone"], result["scores"]
    hints, seen = [], set()
    for hint in result["hints"]:
        if hint["rule"] not in seen:
            seen.add(hint["rule"])
            hints.append({key: hint[key] for key in ("rule", "family", "level", "message")})
    return {
        "language": result["language"],
        "address_form": tone["address_form"],
        "formality": tone["formality"],
        "emoji": tone["emoji"],
        "exclamations": tone["exclamations"],
        "hashtags": tone["hashtags"],
        "salesiness": scores["salesiness"],
        "interaction": scores["interaction_value"],
        "tone": scores["tone_consistency"],
        "hints": hints,
    }


_COLUMNS = ("id", "network", "reply", "text", "published_at", "url", "source", "brand",
            *ANALYSIS_COLUMNS, "hints", *FIGURES)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM history"


def _row(values: tuple) -> dict:
    row = dict(zip(_COLUMNS, values, strict=True))
    return {
        "id": row["id"],
        "network": row["network"],
        "reply": bool(row["reply"]),
        "text": row["text"],
        "published_at": row["published_at"],
        "url": row["url"],
        "source": row["source"],
        "brand": row["brand"],
        "analysis": {**{name: row[name] for name in ANALYSIS_COLUMNS},
                     "hints": json.loads(row["hints"])},
        "figures": {name: row[name] for name in FIGURES},
    }


def _check_figures(post: Published) -> str | None:
    for name, value in post.figures.items():
        if name not in FIGURES:
            return f"unknown figure {name}"
        if value is not None and (not isinstance(value, int) or value < 0):
            return f"{name} is not a count"
    return None


class HistoryStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or database.default_path()
        with database.transaction(self.path) as db:
            database.migrate_component(db, COMPONENT, MIGRATIONS)

    # --- settings --------------------------------------------------------------------------

    def settings(self) -> Settings:
        stored = dict(database.read(self.path, "SELECT name, value FROM history_settings"))
        defaults = Settings()
        return Settings(
            enabled=json.loads(stored.get("enabled", json.dumps(defaults.enabled))),
            retention_days=json.loads(
                stored.get("retention_days", json.dumps(defaults.retention_days))),
        )

    _UNSET = object()

    def update_settings(self, enabled: bool | None = None, retention_days: object = _UNSET,
                        now: datetime | None = None) -> tuple[Settings, int]:
        """Change the settings; a shorter retention deletes what falls out of it at once.
        Returns the settings and how many posts were deleted."""
        changes = {}
        if enabled is not None:
            changes["enabled"] = bool(enabled)
        if retention_days is not self._UNSET:
            if isinstance(retention_days, float) and retention_days.is_integer():
                retention_days = int(retention_days)  # JSON's 30.0 is 30
            if retention_days is not None and (
                    not isinstance(retention_days, int) or isinstance(retention_days, bool)
                    or not 1 <= retention_days <= MAX_RETENTION_DAYS):
                raise InputError("retention_days", f"retention_days must be a number of days "
                                 f"from 1 to {MAX_RETENTION_DAYS}, or null (keep everything)")
            changes["retention_days"] = retention_days
        with database.transaction(self.path) as db:
            for name, value in changes.items():
                db.execute("INSERT INTO history_settings (name, value) VALUES (?, ?) "
                           "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                           (name, json.dumps(value)))
        settings = self.settings()
        return settings, self.purge(settings, now)

    def purge(self, settings: Settings | None = None, now: datetime | None = None) -> int:
        """Delete what is older than the retention period."""
        oldest = (settings or self.settings()).oldest_kept(now or datetime.now(timezone.utc))
        if oldest is None:
            return 0
        with database.transaction(self.path) as db:
            return db.execute("DELETE FROM history WHERE published_at < ?", (oldest,)).rowcount

    # --- writing ---------------------------------------------------------------------------

    def add(self, posts: Iterable[Published | tuple[str, str]],
            analyse: Callable[[Published], dict], *, now: datetime | None = None,
            force: bool = False) -> AddReport:
        """Store the posts not stored yet, in one transaction: all of them or, on any error,
        none. `posts` may also yield (reason, detail) for a record its reader had to skip.
        `analyse` runs only on posts that are new. `force` stores even while history is off
        (never used for captures: a capture while off is refused by the caller)."""
        settings = self.settings()
        if not settings.enabled and not force:
            raise HistoryOff()
        now = now or datetime.now(timezone.utc)
        oldest = settings.oldest_kept(now)
        report = AddReport()
        with database.transaction(self.path) as db:
            for post in posts:
                if isinstance(post, tuple):
                    report.skipped[post[0]] += 1
                    continue
                reason = self._refusal(post, oldest)
                if reason:
                    report.skipped[reason] += 1
                    continue
                self._add_one(db, post, analyse, report)
            if oldest is not None:
                db.execute("DELETE FROM history WHERE published_at < ?", (oldest,))
        return report

    @staticmethod
    def _refusal(post: Published, oldest: str | None) -> str | None:
        if post.network not in NETWORKS:
            return "not a Facebook or LinkedIn post"
        if not post.text.strip():
            return "no text (a photo, a video or a share without words)"
        if _check_figures(post):
            return "figures that are not counts"
        if oldest is not None and iso(post.published_at) < oldest:
            return "older than the retention period"
        return None

    def _add_one(self, db: sqlite3.Connection, post: Published,
                 analyse: Callable[[Published], dict], report: AddReport) -> None:
        digest = text_hash(post.text)
        published = iso(post.published_at)
        low = iso(post.published_at - SAME_POST_WINDOW)
        high = iso(post.published_at + SAME_POST_WINDOW)
        same = db.execute(
            "SELECT id, url, " + ", ".join(FIGURES) + " FROM history WHERE network = ? AND "
            "reply = ? AND text_hash = ? AND published_at BETWEEN ? AND ? LIMIT 1",
            (post.network, int(post.reply), digest, low, high),
        ).fetchone()
        if same is not None:
            report.already_had += 1
            report.ids.append(same[0])
            self._complete(db, same, post, report)
            return
        analysis = summary(analyse(post))
        cursor = db.execute(
            "INSERT INTO history (network, reply, text, text_hash, published_at, url, source, "
            "brand, " + ", ".join(ANALYSIS_COLUMNS) + ", hints, " + ", ".join(FIGURES) + ") "
            "VALUES (" + ", ".join("?" * (8 + len(ANALYSIS_COLUMNS) + 1 + len(FIGURES))) + ")",
            (post.network, int(post.reply), post.text, digest, published, post.url, post.source,
             post.brand, *(analysis[name] for name in ANALYSIS_COLUMNS),
             json.dumps(analysis["hints"], ensure_ascii=False),
             *(post.figure(name) for name in FIGURES)),
        )
        report.taken += 1
        report.ids.append(cursor.lastrowid)

    @staticmethod
    def _complete(db: sqlite3.Connection, stored: tuple, post: Published,
                  report: AddReport) -> None:
        """An export brings figures a capture did not have: fill them in (newer ones win)."""
        row_id, url, *figures = stored
        changes = {name: post.figure(name) for name in FIGURES
                   if post.figure(name) is not None
                   and post.figure(name) != figures[FIGURES.index(name)]}
        if post.url and not url:
            changes["url"] = post.url
        if changes:
            db.execute("UPDATE history SET " + ", ".join(f"{name} = ?" for name in changes)
                       + " WHERE id = ?", (*changes.values(), row_id))
            report.updated += 1

    def clear(self) -> int:
        with database.transaction(self.path) as db:
            return db.execute("DELETE FROM history").rowcount

    # --- reading ---------------------------------------------------------------------------

    def count(self, filters: Filters = Filters()) -> int:
        where, args = filters.where()
        return database.read(self.path, f"SELECT count(*) FROM history{where}", *args)[0][0]

    def page(self, filters: Filters = Filters(), limit: int = 100, offset: int = 0
             ) -> tuple[int, list[dict]]:
        """The newest first: the total that match, and one page of them."""
        where, args = filters.where()
        rows = database.read(
            self.path, f"{_SELECT}{where} ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?",
            *args, min(limit, MAX_PAGE), offset)
        return self.count(filters), [_row(row) for row in rows]

    def rows(self, filters: Filters = Filters()) -> Iterator[dict]:
        """Every matching post, oldest first (export, report), read in one snapshot."""
        where, args = filters.where()
        db = database.connect(self.path)
        try:
            db.execute("BEGIN")
            for row in db.execute(f"{_SELECT}{where} ORDER BY published_at, id", args):
                yield _row(row)
            db.execute("COMMIT")
        finally:
            db.close()

    def recent(self, now: datetime, days: int = 30, other_than: str | None = None
               ) -> list[tuple[str, str, str]]:
        """(network, published_at, text) of the posts of the last `days` days, replies left
        out, on networks other than `other_than`: what a draft must not repeat."""
        since = iso(now - timedelta(days=days))
        rows = database.read(
            self.path, "SELECT network, published_at, text FROM history WHERE reply = 0 AND "
            "published_at >= ? AND network != ? ORDER BY published_at DESC LIMIT 500",
            since, other_than or "")
        return [tuple(row) for row in rows]


RECENT_DAYS = 30


def recent_posts(store: HistoryStore, platform: str, reply: bool,
                 now: datetime | None = None) -> list[dict]:
    """What a draft must not repeat: the posts of the last 30 days on the other networks, when
    history is on. The engine takes them as analyze(..., recent_posts=...)."""
    if reply or platform not in NETWORKS or not store.settings().enabled:
        return []
    rows = store.recent(now or datetime.now(timezone.utc), RECENT_DAYS, other_than=platform)
    return [{"network": n, "published_at": p, "text": t} for n, p, t in rows]


def parse_moment(value: str, field_name: str) -> datetime:
    """A date (2024-03-01) or a date and time, for filters; a clear error otherwise."""
    try:
        return parse_iso(value)
    except ValueError:
        raise InputError(field_name, f"{field_name} must be a date such as 2024-03-01 or "
                         f"2024-03-01T09:30:00Z, not {value!r}") from None
