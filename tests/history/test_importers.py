"""Each network's export, read from fixtures built from its documented layout."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from history_fixtures import FIXTURES, facebook_archive, linkedin_page_workbook
from postcoach.history import importers
from postcoach.history.importers.facebook import repaired
from postcoach.history.importers.linkedin import little_text
from postcoach.history.model import Published


def parse(name: str, data: bytes | None = None):
    data = (FIXTURES / name).read_bytes() if data is None else data
    parts = importers.parse(data, name)
    posts = [r for r in importers.records(parts) if isinstance(r, Published)]
    skipped = [r[0] for r in importers.records(parts) if isinstance(r, tuple)]
    return {p.format for p in parts}, posts, skipped


def test_mojibake_is_repaired_and_real_accents_are_left_alone():
    assert repaired("d\u00c3\u00a9couvrir \u00f0\u009f\u0098\u008a") == "découvrir 😊"
    assert repaired("déjà réparé") == "déjà réparé"
    assert repaired("plain") == "plain"


def test_facebook_posts_json():
    formats, posts, skipped = parse("your_posts_1.json")
    assert formats == {"facebook_json"}
    assert [p.text[:22] for p in posts] == ["Notre atelier rouvre s", "SOLDES ! -50 % sur tou",
                                            "Like si tu aimes les c"]
    assert "découvrir les créations" in posts[0].text and posts[0].text.endswith("😊")
    assert posts[0].published_at == datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)
    assert posts[1].url == "https://atelier-lumen.fr/soldes"
    assert all(p.network == "facebook" and not p.reply for p in posts)
    assert sorted(skipped) == ["no readable publication date",
                               "no text (a photo, a video or a share without words)"]


def test_facebook_archive_reads_posts_and_comments_as_replies():
    formats, posts, skipped = parse("facebook-export.zip", facebook_archive())
    assert formats == {"facebook_json"}
    replies = [p for p in posts if p.reply]
    assert len(posts) == 4 and len(replies) == 2
    assert replies[0].text == "Vous auriez dû lire la notice avant de vous plaindre."
    assert skipped == ["no text (a photo, a video or a share without words)"]


def test_meta_business_suite_csv():
    formats, posts, skipped = parse("meta_business_suite_posts.csv")
    assert formats == {"meta_csv"}
    assert len(posts) == 3
    first = posts[0]
    assert first.published_at == datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc)
    assert first.url == "https://www.facebook.com/1122334455/posts/100001"
    assert first.figures == {"reactions": 71, "comments": 21, "shares": 4, "impressions": 4210}
    assert posts[2].text == "Visite de l'atelier en vidéo"  # a video's words are its Title
    assert sorted(skipped) == ["no readable publication date",
                               "no text (a photo, a video or a share without words)"]


def test_linkedin_shares_csv_with_its_quoting_quirks():
    formats, posts, skipped = parse("Shares.csv")
    assert formats == {"linkedin_shares"}
    texts = [p.text for p in posts]
    assert len(texts) == 4
    lessons = texts[1]
    assert lessons.startswith("Trois leçons de dix ans d'\"artisanat\" :\n\n1. Écouter")
    assert "#artisanat avec Atelier Lumen" in lessons
    assert lessons.endswith("(en une phrase) ?")
    assert texts[2].startswith('"Le meilleur moment pour planter un arbre était il y a vingt '
                               'ans" : notre devise')
    # A bare quote split the field; the row is kept whole.
    assert texts[3].startswith("Marie nous a dit") and texts[3].endswith("merci à toute l'équipe")
    assert posts[0].url.startswith("https://www.linkedin.com/feed/update/")
    assert sorted(skipped) == ["a repost without your own words", "no readable publication date"]


def test_little_text_markup():
    assert little_text(r"{hashtag|\#|café} @[Acme](urn:li:person:x) \(ok\)") == "#café Acme (ok)"


@pytest.mark.parametrize("old_names", [False, True])
def test_linkedin_page_analytics_xlsx(old_names):
    formats, posts, skipped = parse("page_posts.xlsx", linkedin_page_workbook(
        old_names=old_names))
    assert formats == {"linkedin_page_xlsx"}
    assert len(posts) == 2
    assert posts[0].figures == {"reactions": 88, "comments": 23, "shares": 6,
                                "impressions": 5400}
    assert posts[0].published_at.date().isoformat() == "2024-05-06"
    assert sorted(skipped) == ["no readable publication date",
                               "no text (a photo, a video or a share without words)"]


@pytest.mark.parametrize(("data", "words"), [
    (b"", "the file is empty"),
    (b"   \n", "the file is empty"),
    (b"[{\"timestamp\": 1", "not valid JSON"),
    (b"{\"hello\": 1}", "neither a Facebook"),
    (b"name,age\nx,1\n", "neither LinkedIn's Shares.csv nor a Meta"),
    ("Date,ShareLink,ShareCommentary\n2024-01-01,x,café\n".encode("cp1252"), "not UTF-8"),
    (b"PK\x03\x04garbage", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old Excel file"),
])
def test_bad_files_get_a_clear_error(data, words):
    with pytest.raises(importers.ImportFormatError) as error:
        importers.parse(data, "upload.bin")
    assert words in str(error.value) and str(error.value).startswith("upload.bin: ")


def test_a_damaged_workbook_is_a_clear_error():
    data = bytearray(linkedin_page_workbook())
    data[len(data) // 2:len(data) // 2 + 200] = b"\0" * 200
    with pytest.raises(importers.ImportFormatError, match=r"page\.xlsx: "):
        importers.parse(bytes(data), "page.xlsx")


def test_utf16_csv_with_bom_is_read():
    text = (FIXTURES / "Shares.csv").read_text(encoding="utf-8")
    formats, posts, _ = parse("Shares.csv", text.encode("utf-16"))
    assert formats == {"linkedin_shares"} and len(posts) == 4
