"""LinkedIn's exports: the member data export's Shares.csv, and a Page's analytics export of
its posts (XLSX).

Shares.csv: Date (2024-01-31 09:30:00, UTC), ShareLink, ShareCommentary, SharedUrl, MediaUrl,
Visibility. ShareCommentary has its own quirks: line breaks inside the field, quotes doubled or
left bare (a bare quote can split the field into several columns, which are joined back),
LinkedIn's “little text” markup for hashtags ({hashtag|\\#|café}) and mentions
(@[Atelier Lumen](urn:li:organization:1)), and backslash escapes. A row without commentary is a
repost: skipped.

Page analytics (Analytics → Posts → Export, sheet “All posts”): a note row, then a header row
(Post title, Post link, Post type, …, Created date, …, Impressions, …, Likes, Comments,
Reposts, …); older exports say “Update title”, “Update link”, “Shares”.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from functools import partial

from postcoach.history.importers.common import (
    BAD_DATE,
    NO_TEXT,
    ImportFormatError,
    Record,
    columns,
    count,
    day_first,
    parse_date,
    pick,
)
from postcoach.history.model import Published

SHARES_HEADER = ("date", "sharelink", "sharecommentary", "sharedurl", "mediaurl", "visibility")
_HASHTAG = re.compile(r"\{hashtag\|\\?#\|([^}]*)\}")
_MENTION = re.compile(r"@\[([^\]]*)\]\(urn:li:[^)]*\)")
_QUOTES = re.compile(r'"{2,}')
_ESCAPE = re.compile(r"\\([\\|{}@\[\]()<>#*_~])")


def is_shares(first_line: str) -> bool:
    names = [n.strip().strip('"').casefold() for n in first_line.lstrip("\ufeff").split(",")]
    return names[:3] == list(SHARES_HEADER[:3])


def little_text(commentary: str) -> str:
    """LinkedIn's markup to what the reader saw: #café, Atelier Lumen, (, ), …"""
    text = _HASHTAG.sub(lambda m: "#" + m.group(1), commentary)
    text = _MENTION.sub(lambda m: m.group(1), text)
    text = _ESCAPE.sub(r"\1", text)
    # Quotes the export doubled once more than CSV needs ("""word""" → "word").
    return _QUOTES.sub('"', text).strip()


def read_shares(text: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().casefold() for h in next(reader)]
    width = len(header)
    at = {name: header.index(name) for name in SHARES_HEADER if name in header}
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > width and "sharecommentary" in at:
            # A bare quote split the commentary: the columns after it are the last ones.
            start = at["sharecommentary"]
            extra = len(row) - width
            joined = ",".join(row[start:start + extra + 1])
            # The field's closing quote, which the split left at the end.
            row = [*row[:start], joined.removesuffix('"'), *row[start + extra + 1:]]
        cell = partial(pick, row, at)
        moment = parse_date(cell("date"))
        if moment is None:
            yield (BAD_DATE, "")
            continue
        commentary = little_text(cell("sharecommentary"))
        if not commentary:
            yield ("a repost without your own words", "")
            continue
        yield Published(network="linkedin", text=commentary, published_at=moment,
                        url=cell("sharelink").strip() or None, source="linkedin_shares")


PAGE_WANTED = {
    "text": ("Post title", "Update title", "Title"),
    "url": ("Post link", "Update link", "Link"),
    "time": ("Created date", "Date", "Published date"),
    "impressions": ("Impressions",),
    "reactions": ("Likes", "Reactions"),
    "comments": ("Comments",),
    "shares": ("Reposts", "Shares"),
}


def _sheet_rows(data: bytes, name: str) -> list[tuple]:
    from openpyxl import load_workbook  # imported here: only this format needs it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = book.sheetnames
            chosen = next((s for s in sheets if s.casefold() in ("all posts", "all updates")),
                          None)
            for sheet in ([chosen] if chosen else sheets):
                rows = [tuple(row) for row in book[sheet].iter_rows(values_only=True)]
                if _header_index(rows) is not None:
                    return rows
        finally:
            book.close()
    # A damaged workbook fails deep in zipfile, zlib or the XML parser, with any of their
    # exceptions; each means the same to the person importing it.
    except Exception as error:
        raise ImportFormatError(name, f"the workbook cannot be opened ({error})") from None
    raise ImportFormatError(name, "no sheet of this workbook lists posts (a sheet “All "
                            "posts” with Post title, Post link and Created date)")


def _header_index(rows: list[tuple]) -> int | None:
    for index, row in enumerate(rows[:10]):
        cells = [str(c) if c is not None else "" for c in row]
        found = columns(cells, PAGE_WANTED)
        if "text" in found and "time" in found:
            return index
    return None


def read_page_xlsx(data: bytes, name: str) -> Iterator[Record]:
    rows = _sheet_rows(data, name)
    header_at = _header_index(rows)
    assert header_at is not None
    found = columns([str(c) if c is not None else "" for c in rows[header_at]], PAGE_WANTED)
    body = rows[header_at + 1:]
    dates = [str(r[found["time"]]) for r in body
             if found["time"] < len(r) and isinstance(r[found["time"]], str)]
    days_first = day_first(dates)
    for row in body:
        if not any(c not in (None, "") for c in row):
            continue
        cell = partial(pick, row, found, default=None)
        moment = parse_date(cell("time"), days_first)
        if moment is None:
            yield (BAD_DATE, "")
            continue
        text = str(cell("text") or "").strip()
        if not text:
            yield (NO_TEXT, "")
            continue
        yield Published(
            network="linkedin", text=text, published_at=moment,
            url=str(cell("url") or "").strip() or None, source="linkedin_page_xlsx",
            figures={key: count(cell(key)) for key in
                     ("reactions", "comments", "shares", "impressions") if key in found},
        )
