"""Meta Business Suite's export of Facebook posts (Insights → Content → Export data, CSV), and
the older Page insights “Post data” CSV. One row per post: its text (Description, Post
message), Publish time (01/31/2024 09:30, in the page's time zone), Permalink and the figures.
Rows of Instagram posts, which the same export can hold, are skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import partial

from postcoach.history.importers.common import (
    BAD_DATE,
    NO_TEXT,
    Record,
    columns,
    count,
    day_first,
    parse_date,
    pick,
)
from postcoach.history.model import Published

WANTED = {
    "text": ("Description", "Post message", "Message", "Title"),
    "time": ("Publish time", "Posted", "Published", "Date"),
    "url": ("Permalink", "Post link"),
    "id": ("Post ID",),
    "impressions": ("Impressions", "Views", "Lifetime Post Total Impressions", "Reach",
                    "Lifetime Post Total Reach"),
    "reactions": ("Reactions", "Lifetime Post reactions"),
    "comments": ("Comments",),
    "shares": ("Shares",),
    "platform": ("Platform", "Account type"),
}
_MARKERS = ("publish time", "permalink", "post message", "post id")


def matches(first_line: str) -> bool:
    line = first_line.casefold()
    return sum(marker in line for marker in _MARKERS) >= 2


def _title_fallback(found: dict, header: list[str]) -> None:
    """The Business Suite puts a video's or a reel's words in Title, a post's in Description:
    read Description first, then Title (see _text)."""
    lowered = [h.strip().casefold() for h in header]
    if "title" in lowered:
        found["title"] = lowered.index("title")


def _text(row: list[str], found: dict) -> str:
    for key in ("text", "title"):
        index = found.get(key)
        if index is not None and index < len(row) and row[index].strip():
            return row[index].strip()
    return ""


def read(text: str) -> Iterator[Record]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header, body = rows[0], rows[1:]
    found = columns(header, WANTED)
    _title_fallback(found, header)
    time_at = found.get("time")
    dates = [r[time_at] for r in body if time_at is not None and time_at < len(r)]
    days_first = day_first(dates)
    for number, row in enumerate(body):
        if not any(cell.strip() for cell in row):
            continue
        cell = partial(pick, row, found)
        if "instagram" in cell("platform").casefold():
            yield ("an Instagram post", "")
            continue
        moment = parse_date(cell("time"), days_first)
        if moment is None:
            # The old Page insights export has a second header row that describes each column:
            # not a post, not worth a "skipped".
            if number > 0 or not cell("time").strip() or cell("id").replace("_", "").isdigit():
                yield (BAD_DATE, "")
            continue
        body_text = _text(row, found)
        if not body_text:
            yield (NO_TEXT, "")
            continue
        yield Published(
            network="facebook", text=body_text, published_at=moment,
            url=cell("url").strip() or None, source="meta_csv",
            figures={name: count(cell(name)) for name in
                     ("reactions", "comments", "shares", "impressions") if name in found},
        )
