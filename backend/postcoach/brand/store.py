"""Brand profiles in SQLite, in the user data directory (postcoach.database opens it).

Every change runs in one IMMEDIATE transaction, and updates carry the version they were based on, so
two settings tabs saving at once cannot overwrite each other silently: the second one is told
the profile changed (StaleVersion) instead of losing the first one's edit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from postcoach import database
from postcoach.brand.profile import PLATFORMS, Profile
from postcoach.database import DATABASE_NAME
from postcoach.errors import InputError

__all__ = ["DATABASE_NAME", "ProfileExists", "ProfileNotFound", "StaleVersion", "Store"]

def _create_tables(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE profiles (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            data TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )"""
    )
    db.execute(
        """CREATE TABLE active_profiles (
            platform TEXT PRIMARY KEY,
            name TEXT NOT NULL REFERENCES profiles(name) ON DELETE CASCADE
        )"""
    )


def _add_casefolded_key(db: sqlite3.Connection) -> None:
    """SQLite's NOCASE folds A–Z only: "Ça va" and "ça va" were two profiles. Names are now
    unique by Unicode case folding; a clash left by version 1 gets a numbered name."""
    db.execute("ALTER TABLE profiles ADD COLUMN key TEXT")
    taken: set[str] = set()
    for (name,) in db.execute("SELECT name FROM profiles ORDER BY rowid").fetchall():
        unique, number = name, 2
        while unique.casefold() in taken:
            unique, number = f"{name} ({number})", number + 1
        taken.add(unique.casefold())
        db.execute("UPDATE profiles SET name = ?, key = ? WHERE name = ?",
                   (unique, unique.casefold(), name))
    db.execute("CREATE UNIQUE INDEX profiles_by_key ON profiles(key)")


# Each step upgrades the schema by one version; PRAGMA user_version records how far it went.
MIGRATIONS = (_create_tables, _add_casefolded_key)


class ProfileNotFound(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"no profile named '{name}'")
        self.name = name


class StaleVersion(RuntimeError):
    def __init__(self, name: str, expected: int, current: int) -> None:
        super().__init__(
            f"profile '{name}' changed since it was loaded (version {expected}, now {current}): "
            "reload it and apply your change again"
        )
        self.current = current


class ProfileExists(RuntimeError):
    def __init__(self, name: str) -> None:
        super().__init__(f"a profile named '{name}' already exists")


def _key(profile: Profile) -> str:
    return profile.name.casefold()


def _serialised(profile: Profile) -> str:
    return json.dumps(profile.to_dict(), ensure_ascii=False)


def _insert(db: sqlite3.Connection, profile: Profile) -> None:
    db.execute(
        "INSERT INTO profiles (name, key, data) VALUES (?, ?, ?)",
        (profile.name, _key(profile), _serialised(profile)),
    )


def _replace(db: sqlite3.Connection, profile: Profile) -> None:
    db.execute(
        "UPDATE profiles SET data = ?, version = version + 1, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = ?",
        (_serialised(profile), _key(profile)),
    )


class Store:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or database.default_path()
        with self._transaction() as db:
            database.migrate_user_version(db, MIGRATIONS)

    def _transaction(self):
        return database.transaction(self.path)

    def _read(self, query: str, *args) -> list[tuple]:
        return database.read(self.path, query, *args)

    def names(self) -> list[str]:
        return [row[0] for row in self._read("SELECT name FROM profiles ORDER BY name")]

    def get(self, name: str) -> tuple[Profile, int]:
        rows = self._read("SELECT data, version FROM profiles WHERE key = ?", name.casefold())
        if not rows:
            raise ProfileNotFound(name)
        data, version = rows[0]
        return Profile.from_dict(json.loads(data)), version

    def create(self, profile: Profile) -> int:
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM profiles WHERE key = ?", (_key(profile),)).fetchone():
                raise ProfileExists(profile.name)
            _insert(db, profile)
        return 1

    def save(self, profile: Profile, expected_version: int | None = None) -> int:
        """Create or replace; with `expected_version`, refuse if someone saved in between.
        Replacing under another case ("acme" for "Acme") keeps the stored name."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT name, version FROM profiles WHERE key = ?", (_key(profile),)
            ).fetchone()
            if row is None:
                _insert(db, profile)
                return 1
            stored_name, version = row
            if expected_version is not None and expected_version != version:
                raise StaleVersion(stored_name, expected_version, version)
            _replace(db, replace(profile, name=stored_name))
            return version + 1

    def update(self, name: str, changes: Mapping[str, object],
               expected_version: int | None = None) -> tuple[Profile, int]:
        """Apply only the fields in `changes`, read and written in one transaction, so two
        tabs editing different fields both keep their edit."""
        if "name" in changes and str(changes["name"]).casefold() != name.casefold():
            raise InputError("profile.name", "a profile cannot be renamed; export and import it")
        with self._transaction() as db:
            row = db.execute(
                "SELECT data, version FROM profiles WHERE key = ?", (name.casefold(),)
            ).fetchone()
            if row is None:
                raise ProfileNotFound(name)
            if expected_version is not None and expected_version != row[1]:
                raise StaleVersion(name, expected_version, row[1])
            stored = json.loads(row[0])
            merged = Profile.from_dict({**stored, **changes, "name": stored["name"]})
            _replace(db, merged)
            return merged, row[1] + 1

    def delete(self, name: str) -> None:
        with self._transaction() as db:
            if db.execute("DELETE FROM profiles WHERE key = ?", (name.casefold(),)).rowcount == 0:
                raise ProfileNotFound(name)

    def set_active(self, platform: str, name: str | None) -> None:
        if platform not in PLATFORMS:
            raise InputError("platform", f"platform must be one of {', '.join(PLATFORMS)}")
        with self._transaction() as db:
            if name is None:
                db.execute("DELETE FROM active_profiles WHERE platform = ?", (platform,))
                return
            row = db.execute(
                "SELECT name FROM profiles WHERE key = ?", (name.casefold(),)
            ).fetchone()
            if row is None:
                raise ProfileNotFound(name)
            db.execute(
                "INSERT INTO active_profiles (platform, name) VALUES (?, ?) "
                "ON CONFLICT(platform) DO UPDATE SET name = excluded.name",
                (platform, row[0]),
            )

    def active(self) -> dict[str, str]:
        return dict(self._read("SELECT platform, name FROM active_profiles"))

    def profile_for(self, name: str | None, platform: str) -> Profile | None:
        """The named profile, else the one active for the platform (or for every platform)."""
        if name is None:
            active = self.active()
            name = active.get(platform) or active.get("generic")
            if name is None:
                return None
        try:
            return self.get(name)[0]
        except ProfileNotFound:
            raise InputError("profile", f"no profile named '{name}'") from None
