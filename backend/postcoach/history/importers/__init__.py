"""Read what the networks export into published posts, whatever the file: detect its format,
repair what the network broke (Facebook's mojibake, LinkedIn's quoting), and say what was
skipped and why. Nothing here writes: history.store does, in one transaction.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from postcoach.history.importers import facebook, linkedin, meta, postcoach_json
from postcoach.history.importers.common import (
    ImportFormatError,
    Record,
    decode_text,
)

__all__ = ["FORMATS", "ImportFormatError", "Parsed", "parse"]

FORMATS = {
    "facebook_json": "Facebook “Download your information” (JSON)",
    "meta_csv": "Meta Business Suite / Page insights export of posts (CSV)",
    "linkedin_shares": "LinkedIn data export, Shares.csv",
    "linkedin_page_xlsx": "LinkedIn Page analytics, posts (XLSX)",
    "postcoach": "Post Coach history export (JSON)",
}
MAX_ZIP_MEMBER_BYTES = 512 * 1024 * 1024


@dataclass
class Parsed:
    format: str
    records: list[Record]


def _from_json(text: str, name: str) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError(name, f"it is not valid JSON ({error.msg}, line {error.lineno})"
                                ) from None
    if postcoach_json.matches(data):
        return Parsed("postcoach", list(postcoach_json.read(data)))
    if facebook.matches(data):
        return Parsed("facebook_json", list(facebook.read(data)))
    raise ImportFormatError(name, "this JSON is neither a Facebook posts or comments file "
                            "(your_posts_1.json, comments.json) nor a Post Coach export")


def _from_csv(text: str, name: str) -> Parsed:
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    if linkedin.is_shares(first_line):
        return Parsed("linkedin_shares", list(linkedin.read_shares(text)))
    if meta.matches(first_line):
        return Parsed("meta_csv", list(meta.read(text)))
    raise ImportFormatError(name, "this CSV is neither LinkedIn's Shares.csv nor a Meta "
                            f"Business Suite export of posts (its columns: {first_line[:160]})")


def _from_zip(data: bytes, name: str) -> list[Parsed]:
    """A whole export as the network delivers it: every posts file inside is read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportFormatError(name, f"the ZIP archive is damaged ({error})") from None
    if any(m.filename.endswith("[Content_Types].xml") for m in members):
        return [Parsed("linkedin_page_xlsx", list(linkedin.read_page_xlsx(data, name)))]
    found = []
    for member in members:
        leaf = member.filename.rsplit("/", 1)[-1]
        if not (facebook.is_posts_path(member.filename) or leaf.lower() == "shares.csv"):
            continue
        if member.file_size > MAX_ZIP_MEMBER_BYTES:
            raise ImportFormatError(name, f"{member.filename} is too large to read")
        try:
            content = archive.read(member)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            raise ImportFormatError(name, f"{member.filename} cannot be read from the "
                                    f"archive ({error})") from None
        found.extend(parse(content, f"{name}/{member.filename}"))
    if not found:
        raise ImportFormatError(name, "the archive holds no posts file Post Coach knows "
                                "(posts/your_posts_1.json, comments.json, Shares.csv)")
    return found


def parse(data: bytes, name: str) -> list[Parsed]:
    """The posts in one file (a ZIP may hold several files). Raises ImportFormatError with a
    message a person can act on when the file is empty, damaged or of an unknown kind."""
    if not data.strip():
        raise ImportFormatError(name, "the file is empty")
    if data[:4] == b"PK\x03\x04":
        return _from_zip(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFormatError(name, "this is an old Excel file (.xls): open it and save it "
                                "as .xlsx, then import that")
    text = decode_text(data, name)
    if text.lstrip("\ufeff \t\r\n")[:1] in ("[", "{"):
        return [_from_json(text, name)]
    return [_from_csv(text, name)]


def records(parsed: list[Parsed]) -> Iterator[Record]:
    for part in parsed:
        yield from part.records
