"""Facebook's “Download your information” in JSON: your posts, and your comments (replies).

Layouts read (posts/your_posts_1.json until 2023, your_facebook_activity/posts/
your_posts__check_ins__photos_and_videos_1.json since, comments_and_reactions/comments.json):
a list (or an object holding one) of {"timestamp": unix seconds, "data": [{"post": "…"},
{"update_timestamp": …}], "attachments": [...], "title": "…"}; comments are
{"comments_v2": [{"timestamp", "data": [{"comment": {"comment": "…", "author"}}]}]}.

Facebook writes every string as if its UTF-8 bytes were Latin-1 characters: "é" arrives as
"\\u00c3\\u00a9". repaired() turns it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postcoach.history.importers.common import BAD_DATE, NO_TEXT, Record, from_timestamp
from postcoach.history.model import Published

_POSTS_PATH = re.compile(
    r"(^|/)(posts/your_posts(__check_ins__photos_and_videos)?_\d+\.json|"
    r"comments(_and_reactions)?/comments(_\d+)?\.json)$")
_HIGH_LATIN = re.compile(r"[\u0080-\u00ff]")


def is_posts_path(path: str) -> bool:
    return bool(_POSTS_PATH.search(path))


def repaired(text: str) -> str:
    """Undo the mojibake: the Latin-1 characters are UTF-8 bytes. Text that does not decode
    (a real "é" typed by someone, already fine) is left as it is."""
    if not _HIGH_LATIN.search(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _entries(data: object) -> tuple[list, bool] | None:
    """The list of entries, and whether they are comments."""
    if isinstance(data, list):
        return data, False
    if isinstance(data, dict):
        for key in ("comments_v2", "comments"):
            if isinstance(data.get(key), list):
                return data[key], True
        for key in ("status_updates_v2", "status_updates", "posts", "posts_v2"):
            if isinstance(data.get(key), list):
                return data[key], False
    return None


def matches(data: object) -> bool:
    found = _entries(data)
    if found is None:
        return False
    entries = found[0]
    return bool(entries) and all(
        isinstance(e, dict) and "timestamp" in e for e in entries[:20])


def _post_text(entry: dict, comments: bool) -> str:
    parts = []
    for item in entry.get("data") or []:
        if not isinstance(item, dict):
            continue
        if comments and isinstance(item.get("comment"), dict):
            parts.append(item["comment"].get("comment") or "")
        elif isinstance(item.get("post"), str):
            parts.append(item["post"])
    return repaired("\n".join(p for p in parts if p).strip())


def _link(entry: dict) -> str | None:
    for attachment in entry.get("attachments") or []:
        for item in (attachment or {}).get("data") or []:
            context = (item or {}).get("external_context") if isinstance(item, dict) else None
            if isinstance(context, dict) and isinstance(context.get("url"), str):
                return context["url"]
    return None


def read(data: object) -> Iterator[Record]:
    found = _entries(data)
    assert found is not None
    entries, comments = found
    for entry in entries:
        if not isinstance(entry, dict):
            yield ("an entry that is not an object", "")
            continue
        moment = from_timestamp(entry.get("timestamp"))
        if moment is None:
            yield (BAD_DATE, "")
            continue
        text = _post_text(entry, comments)
        if not text:
            yield (NO_TEXT, "")
            continue
        yield Published(network="facebook", text=text, published_at=moment, reply=comments,
                        url=None if comments else _link(entry), source="facebook_json")
