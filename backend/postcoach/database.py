"""The one SQLite file in the data directory: how every part opens it and changes it.

WAL journal and synchronous=FULL: a committed write survives the process being killed. Every
change runs in one IMMEDIATE transaction, so two writers queue instead of interleaving.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

from postcoach.paths import data_dir

DATABASE_NAME = "postcoach.sqlite3"

Migration = Callable[[sqlite3.Connection], None]


def default_path() -> Path:
    return data_dir() / DATABASE_NAME


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=15, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


@contextmanager
def transaction(path: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect(path)) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def read(path: Path, query: str, *args) -> list[tuple]:
    with closing(connect(path)) as db:
        return db.execute(query, args).fetchall()


def migrate_user_version(db: sqlite3.Connection, migrations: Sequence[Migration]) -> None:
    """Run the steps past PRAGMA user_version (the brand profiles' schema counter)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, step in enumerate(migrations[version:], start=version + 1):
        step(db)
        db.execute(f"PRAGMA user_version = {number}")


def migrate_component(db: sqlite3.Connection, component: str,
                      migrations: Sequence[Migration]) -> None:
    """Run the steps of one part of the schema past the version recorded for it.

    Parts other than the brand profiles (which keep PRAGMA user_version, as they always did)
    count their own versions here, so each part upgrades its tables without knowing the others.
    """
    db.execute("CREATE TABLE IF NOT EXISTS schema_versions "
               "(component TEXT PRIMARY KEY, version INTEGER NOT NULL)")
    row = db.execute("SELECT version FROM schema_versions WHERE component = ?",
                     (component,)).fetchone()
    version = row[0] if row else 0
    for number, step in enumerate(migrations[version:], start=version + 1):
        step(db)
        db.execute("INSERT INTO schema_versions (component, version) VALUES (?, ?) "
                   "ON CONFLICT(component) DO UPDATE SET version = excluded.version",
                   (component, number))


class CommitWatcher(threading.local):
    """One thread's read connection to the file, and the data_version it last saw: whether any
    other connection committed since, for the caches that must not outlive a write."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.connection: sqlite3.Connection | None = None
        self.data_version: int | None = None

    def changed(self, path: Path) -> bool:
        """True on the first call for `path`, and after every commit made elsewhere."""
        if self.path != path or self.connection is None:
            if self.connection is not None:
                self.connection.close()
            self.connection = sqlite3.connect(path, isolation_level=None,
                                              check_same_thread=False)
            self.path, self.data_version = path, None
        version = self.connection.execute("PRAGMA data_version").fetchone()[0]
        changed, self.data_version = version != self.data_version, version
        return changed
