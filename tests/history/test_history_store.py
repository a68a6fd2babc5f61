"""The history store: one row per published post, idempotent imports, settings, retention,
migration from a database made before it, and no loss when a writer is killed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest

from history_fixtures import FIXTURES, NOW, facebook_archive, linkedin_page_workbook
from postcoach.brand.profile import Profile
from postcoach.brand.store import Store
from postcoach.history.model import Published
from postcoach.history.recording import import_files, record
from postcoach.history.store import Filters, HistoryOff, HistoryStore


def files(*names: str) -> list[tuple[str, bytes]]:
    return [(name, (FIXTURES / name).read_bytes()) for name in names]


def test_import_is_idempotent_and_says_what_it_did(history):
    first = import_files(history, Store(), files("your_posts_1.json", "Shares.csv"), now=NOW)
    assert [o.formats for o in first] == [["facebook_json"], ["linkedin_shares"]]
    assert [o.report.taken for o in first] == [3, 4]
    assert first[0].report.skipped == {
        "no readable publication date": 1,
        "no text (a photo, a video or a share without words)": 1}
    again = import_files(history, Store(), files("your_posts_1.json", "Shares.csv"), now=NOW)
    assert [(o.report.taken, o.report.already_had) for o in again] == [(0, 3), (0, 4)]
    assert history.count() == 7


def test_an_export_with_figures_completes_the_same_posts_captured_or_imported(history):
    import_files(history, Store(), files("your_posts_1.json"), now=NOW)
    # The Business Suite's times are the page's local time: two hours off the JSON's UTC.
    outcome, = import_files(history, Store(), files("meta_business_suite_posts.csv"), now=NOW)
    assert (outcome.report.taken, outcome.report.already_had, outcome.report.updated) == (1, 2, 2)
    _, rows = history.page(Filters(network="facebook"))
    first = next(r for r in rows if r["text"].startswith("Notre atelier"))
    assert first["figures"] == {"reactions": 71, "comments": 21, "shares": 4, "impressions": 4210}
    assert first["url"] == "https://www.facebook.com/1122334455/posts/100001"


def test_each_row_keeps_the_analysis_at_publication(history):
    import_files(history, Store(), [("facebook.zip", facebook_archive())], now=NOW)
    _, replies = history.page(Filters(reply=True))
    defensive = next(r for r in replies if r["text"].startswith("Vous auriez dû"))
    rules = {hint["rule"] for hint in defensive["analysis"]["hints"]}
    assert "conflict.defensive" in rules
    assert defensive["analysis"]["language"] == "fr"
    assert defensive["analysis"]["address_form"] == "vous"
    assert all(isinstance(defensive["analysis"][k], int) for k in ("salesiness", "interaction"))


def test_posts_take_the_brand_active_for_their_network(history):
    profiles = Store()
    profiles.save(Profile(name="Atelier Lumen"))
    profiles.set_active("linkedin", "Atelier Lumen")
    import_files(history, profiles, files("Shares.csv", "your_posts_1.json"), now=NOW)
    assert history.count(Filters(brand="atelier lumen")) == 4
    assert history.count(Filters(network="facebook", brand="Atelier Lumen")) == 0


def test_filters_and_pages(history):
    import_files(history, Store(), files("Shares.csv"), now=NOW)
    total, rows = history.page(Filters(since=datetime(2024, 5, 6, tzinfo=timezone.utc),
                                       until=datetime(2024, 5, 8, tzinfo=timezone.utc)))
    assert total == 2 and [r["published_at"][:10] for r in rows] == ["2024-05-07", "2024-05-06"]
    total, rows = history.page(limit=1, offset=1)
    assert total == 4 and len(rows) == 1 and rows[0]["published_at"].startswith("2024-05-07")


def test_history_off_records_nothing_and_refuses_imports(history):
    history.update_settings(enabled=False)
    post = Published("linkedin", "Bonjour à tous", NOW, source="capture")
    with pytest.raises(HistoryOff):
        record(history, Store(), post)
    with pytest.raises(HistoryOff):
        import_files(history, Store(), files("Shares.csv"), now=NOW)
    assert history.count() == 0


def test_retention_skips_and_deletes_old_posts(history):
    import_files(history, Store(), files("Shares.csv"), now=NOW)
    settings, deleted = history.update_settings(retention_days=46, now=NOW)
    assert settings.retention_days == 46 and deleted == 0
    _, deleted = history.update_settings(retention_days=44, now=NOW)  # from 2 May, noon
    assert deleted == 1 and history.count() == 3
    outcome, = import_files(history, Store(), files("your_posts_1.json"), now=NOW)
    assert outcome.report.skipped["older than the retention period"] == 1
    later = NOW + timedelta(days=30)
    outcome, = import_files(history, Store(), files("meta_business_suite_posts.csv"), now=later)
    assert outcome.report.skipped["older than the retention period"] == 3
    assert history.count() == 0  # the posts kept before fell out of the period too


def test_defaults_are_on_and_two_years(isolated_home):
    settings = HistoryStore().settings()
    assert settings.enabled is True and settings.retention_days == 730


def test_a_corrupt_file_in_a_batch_loses_nothing(history):
    import_files(history, Store(), files("Shares.csv"), now=NOW)
    with pytest.raises(ValueError, match=r"broken\.json"):
        import_files(history, Store(), [*files("your_posts_1.json"),
                                        ("broken.json", b"[{\"timestamp\": ")], now=NOW)
    assert history.count() == 4  # nothing of the batch, nothing lost


def test_clear_deletes_everything(history):
    import_files(history, Store(), [("page.xlsx", linkedin_page_workbook())], now=NOW)
    assert history.clear() == 2 and history.count() == 0


def test_a_database_made_before_history_is_migrated(isolated_home):
    profiles = Store()  # a version-2 database, with a profile in it
    profiles.save(Profile(name="Acme"))
    with sqlite3.connect(isolated_home / "postcoach.sqlite3") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'history'").fetchone()
    store = HistoryStore()
    record(store, profiles, Published("facebook", "Bonjour !", datetime.now(timezone.utc)))
    assert store.count() == 1 and Store().names() == ["Acme"]
    with sqlite3.connect(isolated_home / "postcoach.sqlite3") as db:
        assert db.execute("SELECT version FROM schema_versions WHERE component = 'history'"
                          ).fetchone()[0] == 1
    HistoryStore()  # opening it again migrates nothing
    assert HistoryStore().count() == 1


WRITER = """
from datetime import datetime, timezone
from postcoach.brand.store import Store
from postcoach.history.model import Published
from postcoach.history.recording import record
from postcoach.history.store import HistoryStore
store, profiles = HistoryStore(), Store()
for number in range(100000):
    record(store, profiles, Published("linkedin", f"Publication numéro {number}",
                                      datetime.now(timezone.utc), source="capture"))
    print(number, flush=True)
"""


def test_a_killed_writer_loses_nothing_it_committed(isolated_home):
    HistoryStore()
    writer = subprocess.Popen([sys.executable, "-c", WRITER], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "POSTCOACH_HOME": str(isolated_home)})
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 30 and time.monotonic() < deadline:
        committed.append(int(writer.stdout.readline()))
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert len(committed) >= 30
    with sqlite3.connect(isolated_home / "postcoach.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    texts = {row["text"] for row in HistoryStore().rows()}
    assert {f"Publication numéro {n}" for n in committed} <= texts


def test_export_rows_are_json(history):
    import_files(history, Store(), files("Shares.csv"), now=NOW)
    rows = list(history.rows())
    assert [r["published_at"] for r in rows] == sorted(r["published_at"] for r in rows)
    json.dumps(rows)
