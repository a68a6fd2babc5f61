"""Fixtures of the history tests: export files built from the networks' documented layouts."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

FIXTURES = Path(__file__).parent / "history" / "fixtures"
# The fixtures' posts are from May–June 2024; "now" is just after, so none is past retention.
NOW = datetime(2024, 6, 15, 12, 0, tzinfo=timezone.utc)

PAGE_POSTS = [
    ("Trois leçons de dix ans d'artisanat : écouter, répondre, partager. Et vous, quelle leçon "
     "ajouteriez-vous ?", "https://www.linkedin.com/feed/update/urn:li:activity:1", "05/06/2024",
     5400, 88, 23, 6),
    ("SOLDES ! -50 % sur tout le site, dernière chance, achetez maintenant !!!",
     "https://www.linkedin.com/feed/update/urn:li:activity:2", "05/10/2024", 2100, 9, 0, 0),
    ("", "https://www.linkedin.com/feed/update/urn:li:activity:3", "05/11/2024", 900, 4, 0, 0),
    ("Notre nouvel apprenti raconte sa première semaine à l'atelier.",
     "https://www.linkedin.com/feed/update/urn:li:activity:4", "not a date", 10, 1, 0, 0),
]


def linkedin_page_workbook(rows=PAGE_POSTS, old_names: bool = False) -> bytes:
    """A Page analytics posts export: sheet "All posts", a note row, then the header."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Metrics"
    book.active.append(["Date", "Impressions (organic)"])
    sheet = book.create_sheet("All posts")
    sheet.append(["All posts: the posts your Page published in the period, with their "
                  "metrics. Metrics are lifetime values."])
    title, link, reposts = ("Update title", "Update link", "Shares") if old_names else (
        "Post title", "Post link", "Reposts")
    sheet.append([title, link, "Post type", "Campaign name", "Posted by", "Created date",
                  "Campaign start date", "Campaign end date", "Audience", "Impressions",
                  "Views (excluding off-site video views)", "Clicks", "Click through rate (CTR)",
                  "Likes", "Comments", reposts, "Follows", "Engagement rate", "Content Type"])
    for text, url, date, impressions, likes, comments, shares in rows:
        sheet.append([text, url, "Organic", "", "Camille Martin", date, "", "", "All followers",
                      impressions, impressions, 12, 0.01, likes, comments, shares, 0, 0.02,
                      "Text"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def facebook_archive() -> bytes:
    """The whole “Download your information” ZIP, newer layout."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.write(FIXTURES / "your_posts__check_ins__photos_and_videos_1.json",
                      "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1"
                      ".json")
        archive.write(FIXTURES / "comments.json",
                      "your_facebook_activity/comments_and_reactions/comments.json")
        archive.writestr("your_facebook_activity/posts/media/photo_1.jpg", b"\xff\xd8")
    return out.getvalue()
