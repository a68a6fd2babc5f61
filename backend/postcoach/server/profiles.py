"""Brand profiles as the API serves them: the store of the data directory, the profile a draft
is checked against, and the JSON the profile routes read and write.

The data directory is looked up at each request (POSTCOACH_HOME may change between tests); its
Store is made once. Analyze needs the active profile at every keystroke, and reading one from
SQLite and parsing its fingerprint costs more than the analysis itself, so each server thread
keeps what it read until SQLite's data_version says another connection committed since.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from postcoach import database
from postcoach.brand.profile import PLATFORMS, Profile, describe, learn
from postcoach.brand.samples import parse_samples
from postcoach.brand.store import DATABASE_NAME, ProfileExists, ProfileNotFound, StaleVersion, Store
from postcoach.brand.voice import MIN_SAMPLES, NotEnoughSamples, Sample, evenly_spread
from postcoach.errors import InputError
from postcoach.paths import data_dir
from postcoach.server.errors import ApiError
from postcoach.server.profile_schemas import EDITABLE, RESERVED_NAMES, SPREAD_FLOORS

# Learning reads every post it is given; past this many it takes an even spread of them, so a
# pasted export of 20 000 short posts still answers in seconds (1 000 posts: about 2 s).
MAX_LEARN_POSTS = 2000
# What learning fills in; the rest (brand names, domains, terms) is what a person entered.
LEARNED_FIELDS = ("languages", "address_form", "formality", "emoji_max", "exclamation_max",
                  "reading_ease", "hashtags_max", "platforms", "samples", "fingerprint")
# Profiles a thread keeps parsed between two commits (names × platforms asked for).
_CACHED_PROFILES = 64

_stores: dict[Path, Store] = {}
_stores_lock = threading.Lock()


def store() -> Store:
    """The store of the current data directory (migrated on first use)."""
    path = data_dir() / DATABASE_NAME
    found = _stores.get(path)
    if found is None:
        with _stores_lock:
            found = _stores.get(path)
            if found is None:
                found = _stores[path] = Store(path)
    return found


class _Reads(database.CommitWatcher):
    """One thread's read connection, the data_version it last saw, and what it parsed since."""

    def __init__(self) -> None:
        super().__init__()
        self.profiles: dict[tuple[str | None, str], Profile | None] = {}

    def fresh(self, path: Path) -> dict[tuple[str | None, str], Profile | None]:
        """The profiles read from `path` that no commit has changed since."""
        if self.changed(path) or len(self.profiles) >= _CACHED_PROFILES:
            self.profiles = {}
        return self.profiles


_reads = _Reads()


def profile_to_check(name: str | None, platform: str) -> Profile | None:
    """The named profile, else the one active for the platform; None: the built-in default."""
    current = store()
    # data_version is read before the profile: a commit in between is seen next time.
    cached = _reads.fresh(current.path)
    key = (name, platform)
    if key not in cached:
        try:
            cached[key] = current.profile_for(name, platform)
        except InputError as error:
            if error.field != "profile":
                raise
            if name is None:  # the active profile was deleted while we looked
                return None
            raise ApiError(422, "unknown_profile", f"profile: no profile named '{name}'; "
                           "GET /v1/profiles lists them", field="profile") from None
    return cached[key]


# --- JSON in and out -------------------------------------------------------------------------


def etag(version: int) -> str:
    return f'"{version}"'


def active_on(name: str, active: Mapping[str, str]) -> list[str]:
    return [platform for platform in PLATFORMS
            if active.get(platform, "").casefold() == name.casefold()]


def summary(profile: Profile, version: int, active: Mapping[str, str]) -> dict:
    return {
        "name": profile.name,
        "version": version,
        "learned": profile.fingerprint is not None,
        "samples": profile.samples,
        "languages": list(profile.languages),
        "address_form": dict(profile.address_form),
        "active_on": active_on(profile.name, active),
    }


def detail(profile: Profile, version: int, lang: str, active: Mapping[str, str] | None = None
           ) -> dict:
    """The profile without its fingerprint, its version, where it is used, and its voice in
    plain words."""
    if active is None:
        active = store().active()
    return {
        **profile.to_dict(with_fingerprint=False),
        "version": version,
        "active_on": active_on(profile.name, active),
        "description": describe(profile, lang),
    }


def _spread_raised(pair: list, floor: float) -> list:
    return [pair[0], max(pair[1], floor)]


def normalised(fields: Mapping[str, object]) -> dict:
    """Profile fields, checked against the document, as the model can use them: what a schema
    cannot say about a pair's second member is made true here. A reading-ease range given high
    first is read low first; a fingerprint's spreads are at least the learner's floors (they
    always are in what it learned), so no draft divides by zero or overflows when scored."""
    result = dict(fields)
    if isinstance(ease := result.get("reading_ease"), list):
        result["reading_ease"] = sorted(ease)
    if isinstance(fingerprint := result.get("fingerprint"), dict):
        calibration = fingerprint["calibration"]
        result["fingerprint"] = {
            **fingerprint,
            "style": {name: _spread_raised(pair, SPREAD_FLOORS["style"])
                      for name, pair in fingerprint["style"].items()},
            "calibration": {name: _spread_raised(pair, SPREAD_FLOORS[name])
                            for name, pair in calibration.items()},
        }
    return result


def _editable(body: Mapping[str, object]) -> dict:
    """The profile fields of a write; what a read gives (learned, description…) is ignored."""
    return normalised({k: v for k, v in body.items() if k in EDITABLE})


def _invalid(error: InputError) -> ApiError:
    """The model's refusal, naming the field as the request spelled it (the body is the
    profile, so profile.formality is formality)."""
    field = error.field.removeprefix("profile.") if error.field != "profile" else "body"
    return ApiError(422, "invalid_field", f"{field}: {error.message}", field=field)


@contextmanager
def _answers() -> Iterator[None]:
    """The store's refusals as the contract's errors."""
    try:
        yield
    except ProfileNotFound as error:
        raise ApiError(404, "profile_not_found", str(error)) from None
    except ProfileExists as error:
        raise ApiError(409, "profile_exists", f"{error}; choose another name, or import with "
                       "?replace=true to overwrite it") from None
    except StaleVersion as error:
        raise ApiError(409, "stale_version", str(error), version=error.current,
                       headers={"ETag": etag(error.current)}) from None
    except InputError as error:
        raise _invalid(error) from None


def _profile(fields: Mapping[str, object]) -> Profile:
    with _answers():
        return Profile.from_dict(fields)


def _new_name(name: str) -> str:
    """A name a new profile may take, cleaned as the model cleans it."""
    clean = _profile({"name": name}).name
    if clean in RESERVED_NAMES:
        raise ApiError(422, "invalid_field", f"name '{clean}' is reserved (/v1/profiles/active "
                       "and /v1/profiles/import are routes)", field="name")
    return clean


# --- What the routes do ----------------------------------------------------------------------


def listing() -> dict:
    current = store()
    active = current.active()
    profiles = []
    for name in current.names():
        try:
            profile, version = current.get(name)
        except ProfileNotFound:  # deleted since the names were read
            continue
        profiles.append(summary(profile, version, active))
    return {"profiles": profiles, "active": active}


def read(name: str) -> tuple[Profile, int]:
    with _answers():
        return store().get(name)


def create(body: Mapping[str, object]) -> tuple[Profile, int]:
    fields = _editable(body)
    fields["name"] = _new_name(str(fields.get("name", "")))
    profile = _profile(fields)
    with _answers():
        return profile, store().create(profile)


def expected_version(body: Mapping[str, object], if_match: int | None, name: str) -> int | None:
    """The version a write was based on: the body's, or If-Match's. Both, differing: one of
    them is stale whatever the profile's version, so the write is refused now."""
    given = body.get("version")
    given = None if given is None else int(given)  # type: ignore[call-overload]
    if given is not None and if_match is not None and given != if_match:
        _, current = read(name)
        raise ApiError(409, "stale_version", f"version {given} and If-Match {if_match} differ; "
                       f"the profile is at version {current}", version=current,
                       headers={"ETag": etag(current)})
    return given if given is not None else if_match


def update(name: str, body: Mapping[str, object], expected: int | None, *, full: bool
           ) -> tuple[Profile, int]:
    """PATCH (`full` False: the fields given) or PUT (every field; absent ones go back to their
    defaults). One transaction either way; the learned voice is kept."""
    changes = _editable(body)
    given_name = changes.pop("name", None)
    if isinstance(given_name, str) and given_name.strip().casefold() != name.strip().casefold():
        read(name)  # an unknown profile is a 404 first
        raise ApiError(422, "invalid_field", "name: a profile cannot be renamed; export it and "
                       "import it under the new name", field="name")
    if full:
        defaults = Profile().to_dict(with_fingerprint=False)
        changes = {**{k: defaults[k] for k in EDITABLE if k != "name"}, **changes}
    with _answers():
        return store().update(name, changes, expected)


def delete(name: str) -> None:
    with _answers():
        store().delete(name)


def export(name: str) -> dict:
    profile, _ = read(name)
    return profile.to_dict()


def import_(body: Mapping[str, object], overwrite: bool) -> tuple[Profile, int, bool]:
    """Add a profile from an export; with `overwrite`, replace one of the same name.
    Returns the profile, its version and whether it is new."""
    fields = normalised(body)
    fields["name"] = _new_name(str(fields.get("name", "")))
    profile = _profile(fields)
    current = store()
    with _answers():
        if not overwrite:
            return profile, current.create(profile), True
        try:
            existing = current.get(profile.name)[0]
        except ProfileNotFound:
            existing = None
        if existing is not None:  # keep the stored spelling: names are one whatever the case
            profile = replace(profile, name=existing.name)
        return profile, current.save(profile), existing is None


def _samples(body: Mapping[str, object]) -> tuple[list[Sample], str]:
    """The posts of a learn request, and the field they came in."""
    platform = body.get("platform")
    if "samples" in body:
        samples = [
            Sample(item, platform) if isinstance(item, str)
            else Sample(item["text"], item.get("platform") or platform)
            for item in body["samples"]
        ]
        return samples, "samples"
    try:
        samples = parse_samples(str(body["content"]), str(body.get("filename") or ""),
                                body.get("column"))
    except InputError as error:
        raise ApiError(422, "unreadable_samples", f"content: {error.message}",
                       field="content") from None
    except (ValueError, RecursionError, csv.Error) as error:
        # parse_samples lets these through: numbers too long, JSON nested too deep, CSV
        # fields over the csv module's limit.
        raise ApiError(422, "unreadable_samples", "content: cannot be read as posts "
                       f"({type(error).__name__})", field="content") from None
    if platform:
        samples = [replace(s, platform=s.platform or platform) for s in samples]
    return samples, "content"


def learn_voice(name: str, body: Mapping[str, object]) -> tuple[Profile, int, bool]:
    """Learn the voice of `name` from the posts in `body`: a new profile, or the existing one
    with its learned fields replaced — in one transaction, so a person's edits of brand names
    or terms made while it learned are kept. Returns the profile, its version, whether new."""
    samples, field = _samples(body)
    current = store()
    try:
        base: Profile | None = current.get(name)[0]
    except ProfileNotFound:
        base = None
    try:
        learned = learn(base.name if base else _new_name(name),
                        evenly_spread(samples, MAX_LEARN_POSTS), base)
    except NotEnoughSamples as error:
        raise ApiError(422, "not_enough_samples", f"{field}: {error}", field=field,
                       counts={"count": error.count, "needed": MIN_SAMPLES}) from None
    with _answers():
        if base is None:
            try:
                return learned, current.create(learned), True
            except ProfileExists:  # created while we learned: learn into it
                pass
        data = learned.to_dict()
        profile, version = current.update(name, {k: data[k] for k in LEARNED_FIELDS})
        return profile, version, False


def choose_active(platform: str | None, name: str | None) -> dict[str, str]:
    current = store()
    try:
        for each in [platform] if platform else PLATFORMS:
            current.set_active(each, name)
    except ProfileNotFound:
        raise ApiError(422, "unknown_profile", f"name: no profile named '{name}'; "
                       "GET /v1/profiles lists them", field="name") from None
    return current.active()
