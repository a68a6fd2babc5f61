"""Post Coach's own history export ({"format": "postcoach-history", "posts": [...]}): a copy
taken with `postcoach history export` comes back with `postcoach history import`."""

from __future__ import annotations

from collections.abc import Iterator

from postcoach.history.importers.common import BAD_DATE, Record, count, parse_date
from postcoach.history.model import FIGURES, Published

FORMAT = "postcoach-history"


def matches(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def read(data: dict) -> Iterator[Record]:
    posts = data.get("posts")
    if not isinstance(posts, list):
        return
    for post in posts:
        if not isinstance(post, dict):
            yield ("an entry that is not an object", "")
            continue
        moment = parse_date(post.get("published_at"))
        if moment is None:
            yield (BAD_DATE, "")
            continue
        figures = post.get("figures") if isinstance(post.get("figures"), dict) else {}
        yield Published(
            network=str(post.get("network")), text=str(post.get("text") or ""),
            published_at=moment, reply=post.get("reply") is True,
            url=post.get("url") if isinstance(post.get("url"), str) else None,
            source="postcoach",
            brand=post.get("brand") if isinstance(post.get("brand"), str) else None,
            figures={name: count(figures.get(name)) for name in FIGURES},
        )
