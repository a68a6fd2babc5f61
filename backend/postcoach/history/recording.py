"""Putting posts into the history: analysed as they were published, against the brand's profile
(the one named, else the one active for the network), then stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from postcoach.brand.profile import Profile
from postcoach.brand.store import ProfileNotFound, Store
from postcoach.engine import analyze
from postcoach.errors import InputError
from postcoach.history import importers
from postcoach.history.importers.common import Record
from postcoach.history.model import Published
from postcoach.history.store import AddReport, HistoryStore


class Analyser:
    """analyze() for published posts, with each brand's profile parsed once."""

    def __init__(self, profiles: Store | None) -> None:
        self.profiles = profiles
        self._cache: dict[tuple[str | None, str], tuple[str | None, Profile | None]] = {}

    def brand_of(self, brand: str | None, network: str) -> tuple[str | None, Profile | None]:
        """The brand's stored name and profile: the one named, else the one active for the
        network; (None, None) for the built-in default."""
        key = (brand, network)
        if key not in self._cache:
            self._cache[key] = self._look_up(brand, network)
        return self._cache[key]

    def _look_up(self, brand: str | None, network: str) -> tuple[str | None, Profile | None]:
        if self.profiles is None:
            return brand, None
        if brand is None:
            active = self.profiles.active()
            brand = active.get(network) or active.get("generic")
            if brand is None:
                return None, None
        try:
            profile, _ = self.profiles.get(brand)
        except ProfileNotFound:
            raise InputError("brand", f"no profile named '{brand}'") from None
        return profile.name, profile

    def with_brand(self, post: Published, brand: str | None) -> Published:
        name, _ = self.brand_of(post.brand or brand, post.network)
        return replace(post, brand=name)

    def __call__(self, post: Published) -> dict:
        _, profile = self.brand_of(post.brand, post.network)
        # The history keeps no reading ease (history.store.summary): not computed.
        return analyze(post.text, platform=post.network, reply=post.reply, profile=profile,
                       reading_ease=False)


def _branded(records: Iterable[Record], analyser: Analyser, brand: str | None
             ) -> Iterable[Record]:
    for record in records:
        yield record if isinstance(record, tuple) else analyser.with_brand(record, brand)


def record(store: HistoryStore, profiles: Store | None, post: Published) -> AddReport:
    """One post the user has just published (a capture); refused while history is off."""
    analyser = Analyser(profiles)
    return store.add([analyser.with_brand(post, None)], analyser)


@dataclass
class FileOutcome:
    name: str
    formats: list[str] = field(default_factory=list)
    report: AddReport = field(default_factory=AddReport)

    def as_json(self) -> dict:
        return {"file": self.name, "formats": self.formats, **self.report.as_json()}


def import_files(store: HistoryStore, profiles: Store | None,
                 files: Iterable[tuple[str, bytes]], brand: str | None = None,
                 now: datetime | None = None,
                 progress: Callable[[FileOutcome], None] | None = None) -> list[FileOutcome]:
    """Read every file first (a damaged one stops everything before anything is written), then
    store each file's posts in its own transaction."""
    analyser = Analyser(profiles)
    if brand is not None:
        analyser.brand_of(brand, "facebook")  # an unknown brand fails before any work
    parsed = [(name, importers.parse(data, name)) for name, data in files]
    outcomes = []
    for name, parts in parsed:
        outcome = FileOutcome(name, sorted({part.format for part in parts}))
        outcome.report = store.add(_branded(importers.records(parts), analyser, brand),
                                   analyser, now=now)
        outcome.report.ids.clear()
        outcomes.append(outcome)
        if progress:
            progress(outcome)
    return outcomes
