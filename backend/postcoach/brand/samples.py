"""Sample posts from what people have at hand: one post per line, a CSV export or a JSON export."""

from __future__ import annotations

import csv
import io
import json

from postcoach.brand.voice import Sample
from postcoach.contract import PLATFORMS
from postcoach.errors import InputError

TEXT_COLUMNS = ("text", "message", "content", "post", "body", "texte", "contenu")
PLATFORM_COLUMNS = ("platform", "network", "plateforme", "réseau")


def _sample(text: object, platform: object = None) -> Sample | None:
    if not isinstance(text, str) or not text.strip():
        return None
    platform = platform.strip().lower() if isinstance(platform, str) else None
    return Sample(text.strip(), platform if platform in PLATFORMS else None)


def _pick(keys, wanted: tuple[str, ...], explicit: str | None) -> str | None:
    lowered = {k.strip().lower(): k for k in keys if isinstance(k, str)}
    if explicit:
        return lowered.get(explicit.lower())
    return next((lowered[name] for name in wanted if name in lowered), None)


def _from_records(records: list[dict], column: str | None, source: str) -> list[Sample]:
    if not records:
        return []
    keys = {key for record in records for key in record}
    text_key = _pick(keys, TEXT_COLUMNS, column)
    if text_key is None:
        raise InputError("samples", f"{source} has no '{column or 'text'}' column "
                         f"(columns: {', '.join(sorted(map(str, keys)))})")
    platform_key = _pick(keys, PLATFORM_COLUMNS, None)
    found = (_sample(r.get(text_key), r.get(platform_key) if platform_key else None)
             for r in records)
    return [s for s in found if s]


def parse_samples(content: str, filename: str = "", column: str | None = None) -> list[Sample]:
    """Posts from a file's content: JSON (list of strings or objects), CSV with a text column,
    else one post per line. Anything unreadable is an InputError, never a crash."""
    try:
        return _parse(content, filename, column)
    except (RecursionError, ValueError, csv.Error) as error:
        if isinstance(error, InputError):
            raise
        raise InputError("samples", f"the samples cannot be read: {error}") from None


def _parse(content: str, filename: str, column: str | None) -> list[Sample]:
    stripped = content.lstrip("\ufeff").strip()
    name = filename.lower()
    if name.endswith(".json") or stripped[:1] in ("[", "{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {error.msg} (line {error.lineno})"
            raise InputError("samples", message) from None
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [])
        if not isinstance(data, list):
            raise InputError("samples", "JSON samples must be a list of posts")
        strings = [_sample(item) for item in data if isinstance(item, str)]
        records = [item for item in data if isinstance(item, dict)]
        return [s for s in strings if s] + _from_records(records, column, "the JSON")
    if name.endswith(".csv") or column:
        return _from_records(list(csv.DictReader(io.StringIO(stripped))), column, "the CSV")
    return [s for s in map(_sample, stripped.splitlines()) if s]
