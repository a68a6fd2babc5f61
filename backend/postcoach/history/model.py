"""One published post or reply, as captured or imported, before and after its analysis."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone

NETWORKS = ("facebook", "linkedin")
FIGURES = ("reactions", "comments", "shares", "impressions")
# Where a post came from: the composer, or one of the networks' exports.
SOURCES = ("capture", "api", "postcoach", "facebook_json", "meta_csv", "linkedin_shares",
           "linkedin_page_xlsx")

_SPACES = re.compile(r"\s+")


def normalised_text(text: str) -> str:
    """What makes two texts the same post: case, spacing and Unicode forms do not count."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def text_hash(text: str) -> str:
    return hashlib.sha1(normalised_text(text).encode("utf-8")).hexdigest()[:20]


def iso(moment: datetime) -> str:
    """UTC, to the second, sortable as text: 2024-03-01T09:30:00Z."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    # isoformat is several times faster than strftime, and an import formats four per post.
    return moment.astimezone(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def parse_iso(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Published:
    """A post as published. Figures are None where the source does not know them."""

    network: str
    text: str
    published_at: datetime
    reply: bool = False
    url: str | None = None
    source: str = "api"
    brand: str | None = None
    figures: dict[str, int | None] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The stable identity of a post: network, post or reply, and its text. Two copies
        published within a day and a half of each other are the same post (a capture and the
        network's export of it differ by seconds, or by a time zone)."""
        return f"{self.network}:{int(self.reply)}:{text_hash(self.text)}"

    def figure(self, name: str) -> int | None:
        return self.figures.get(name)
