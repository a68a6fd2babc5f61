"""What the importers share: the record they yield, text decoding, dates and numbers."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from postcoach.errors import InputError
from postcoach.history.model import Published

# A reader yields a post, or (reason, detail) for a row it skipped.
Record = Published | tuple[str, str]

BAD_DATE = "no readable publication date"
NO_TEXT = "no text (a photo, a video or a share without words)"


class ImportFormatError(InputError):
    """A file Post Coach cannot read as a whole: nothing of it is imported."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__("file", f"{name}: {problem}")
        self.name = name


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with its BOM, which is what the networks and
    spreadsheet programs write; anything else is refused rather than guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFormatError(name, "it claims to be UTF-16 text but is not") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFormatError(
            name, f"it is not UTF-8 text (byte 0x{data[error.start]:02x} at position "
            f"{error.start}); save it again as UTF-8 (“CSV UTF-8” in Excel) and import that"
        ) from None


_NUMBER = re.compile(r"[\s\u00a0\u202f,.']")


def count(value: object) -> int | None:
    """A figure from an export cell: 1234, "1,234", "1 234", "" or "--" (unknown)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value >= 0 and value == value else None
    text = _NUMBER.sub("", str(value).strip())
    return int(text) if text.isdigit() else None


def from_timestamp(value: object) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d")


def parse_date(value: object, day_first: bool = False) -> datetime | None:
    """The dates the exports write: ISO, or 01/31/2024 09:30 (31/01/2024 with day_first)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    except ValueError:
        pass
    slashed = ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%Y %H:%M:%S") if day_first else (
        "%m/%d/%Y %H:%M", "%m/%d/%Y", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p")
    for form in (*_FORMATS, *slashed):
        try:
            return datetime.strptime(text, form).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


def day_first(values: list[str]) -> bool:
    """Whether slashed dates put the day first: some date's first number is over 12."""
    for value in values:
        head = value.strip().split("/", 1)[0]
        if head.isdigit() and int(head) > 12:
            return True
    return False


def columns(header: list[str], wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Where each wanted field is, by the first of its names the header has (any case)."""
    lowered = [h.strip().lstrip("\ufeff").casefold() for h in header]
    found = {}
    for field_name, names in wanted.items():
        for name in names:
            if name.casefold() in lowered:
                found[field_name] = lowered.index(name.casefold())
                break
    return found


def pick(row: list | tuple, found: dict[str, int], key: str, default: object = "") -> object:
    """The cell of `key` in `row`, or `default` where the column or the cell is missing."""
    index = found.get(key)
    return row[index] if index is not None and index < len(row) else default
