"""Brand profiles: learning a voice, describing it, storing it safely, using it from the CLI."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from postcoach import analyze
from postcoach.brand.profile import Profile, describe, learn, resolve
from postcoach.brand.samples import parse_samples
from postcoach.brand.store import ProfileNotFound, StaleVersion, Store
from postcoach.brand.voice import NotEnoughSamples, Sample
from postcoach.errors import InputError
from sample_posts import BANK_POSTS, SURF_POSTS


@pytest.fixture(scope="module")
def bank() -> Profile:
    return learn("Banque", BANK_POSTS[:8])


def test_learning_needs_five_posts():
    with pytest.raises(NotEnoughSamples, match=r"at least 5.*got 3.*add 2"):
        learn("Too few", BANK_POSTS[:3])


def test_learned_habits_and_description(bank):
    assert bank.address_form["fr"] == "vous"
    assert bank.languages == ("fr",)
    assert bank.emoji_max == 0 and bank.exclamation_max == 0
    assert bank.formality >= 60
    assert bank.samples == 8 and bank.fingerprint is not None
    french = " ".join(describe(bank, "fr"))
    english = " ".join(describe(bank, "en"))
    assert "vous" in french and "8 posts" in french
    assert "Voice learned from 8 posts" in english


def test_typical_post_scores_high_and_another_voice_low(bank):
    typical = [analyze(post, profile=bank)["scores"]["tone_consistency"] for post in BANK_POSTS[8:]]
    foreign = [analyze(post, profile=bank)["scores"]["tone_consistency"] for post in SURF_POSTS]
    assert min(typical) >= 75
    assert max(foreign) < min(typical)


def test_tone_hints_name_the_deviation_in_plain_words(bank):
    hints = analyze("Salut ! Tu viens au webinaire ? 😍😍", profile=bank, ui_lang="en")["hints"]
    messages = " ".join(h["message"] for h in hints if h["family"] == "tone")
    assert "this draft says “tu”, your brand writes “vous”" in messages
    assert "Emoji: 2 in this draft where your posts have 0 at most" in messages


def test_platform_adjustments_are_learned_and_applied():
    samples = [Sample(p, "linkedin") for p in BANK_POSTS[:5]] + [
        Sample(p, "facebook") for p in SURF_POSTS[:5]]
    profile = learn("Mixte", samples)
    assert profile.for_platform("facebook").emoji_max > profile.for_platform("linkedin").emoji_max
    assert resolve(profile, "linkedin").formality > resolve(profile, "facebook").formality


def test_round_trip_and_validation(bank):
    again = Profile.from_dict(json.loads(json.dumps(bank.to_dict())))
    post = BANK_POSTS[9]
    assert analyze(post, profile=again) == analyze(post, profile=bank)
    summary = bank.to_dict(with_fingerprint=False)
    assert summary["learned"] is True and "fingerprint" not in summary
    for bad, field in [({"name": ""}, "profile.name"), ({"formality": 140}, "profile.formality"),
                       ({"languages": ["de"]}, "profile.languages"),
                       ({"platforms": {"tiktok": {}}}, "profile.platforms"),
                       ({"fingerprint": {"ngrams": 3}}, "profile.fingerprint")]:
        with pytest.raises(InputError) as error:
            Profile.from_dict(bad)
        assert error.value.field == field


def test_samples_from_lines_csv_and_json():
    assert [s.text for s in parse_samples("un\n\n deux \ntrois\n")] == ["un", "deux", "trois"]
    csv_text = "date,Message,network\n2024-01-01,\"Bonjour, vous\",LinkedIn\n2024-01-02,Salut,x\n"
    samples = parse_samples(csv_text, "export.csv")
    assert [(s.text, s.platform) for s in samples] == [("Bonjour, vous", "linkedin"),
                                                       ("Salut", None)]
    as_json = parse_samples(json.dumps({"posts": ["a", {"text": "b", "platform": "facebook"}]}))
    assert [(s.text, s.platform) for s in as_json] == [("a", None), ("b", "facebook")]
    with pytest.raises(InputError, match="no 'text' column"):
        parse_samples("date,likes\n1,2\n", "export.csv")
    with pytest.raises(InputError, match="not valid JSON"):
        parse_samples("[1, 2", "posts.json")


def test_store_versions_and_active_profiles(bank, isolated_home):
    store = Store()
    assert store.save(bank) == 1
    assert store.save(bank, expected_version=1) == 2
    with pytest.raises(StaleVersion, match="reload"):
        store.save(bank, expected_version=1)
    updated, version = store.update("banque", {"emoji_max": 2})
    assert updated.emoji_max == 2 and version == 3 and updated.fingerprint is not None
    store.set_active("linkedin", "BANQUE")
    assert store.active() == {"linkedin": "Banque"}
    assert store.profile_for(None, "linkedin").name == "Banque"
    assert store.profile_for(None, "facebook") is None
    with pytest.raises(InputError, match="no profile named 'nope'"):
        store.profile_for("nope", "generic")
    store.delete("Banque")
    assert store.active() == {} and store.names() == []
    with pytest.raises(ProfileNotFound):
        store.get("Banque")
    assert (isolated_home / "postcoach.sqlite3").exists()
    with sqlite3.connect(isolated_home / "postcoach.sqlite3") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_tabs_saving_at_once_lose_nothing(isolated_home):
    Store().save(Profile(name="Shared"))
    fields = {"formality": 70, "emoji_max": 3, "exclamation_max": 2, "brand_names": ["Acme"],
              "domains": ["acme.fr"], "banned_terms": {"clients": "membres"}}
    barrier = threading.Barrier(len(fields))
    errors = []

    def tab(field, value):
        barrier.wait()
        try:
            Store().update("Shared", {field: value})
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=tab, args=item) for item in fields.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    saved, version = Store().get("Shared")
    assert version == 1 + len(fields)
    assert saved.to_dict()["brand_names"] == ["Acme"] and saved.formality == 70
    assert saved.emoji_max == 3 and saved.banned_terms == {"clients": "membres"}


def test_stale_full_saves_are_refused_not_overwritten(isolated_home):
    store = Store()
    store.save(Profile(name="Tabs"))
    first, second = store.get("Tabs"), store.get("Tabs")
    store.save(Profile(name="Tabs", formality=80), expected_version=first[1])
    with pytest.raises(StaleVersion):
        store.save(Profile(name="Tabs", formality=20), expected_version=second[1])
    assert store.get("Tabs")[0].formality == 80


WRITER = """
import sys
from postcoach.brand.profile import Profile
from postcoach.brand.store import Store
store = Store()
for number in range(100000):
    store.save(Profile(name=f"p{number}", formality=number % 100))
    print(number, flush=True)
"""


def test_a_killed_writer_loses_nothing_it_committed(isolated_home):
    writer = subprocess.Popen([sys.executable, "-c", WRITER], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "POSTCOACH_HOME": str(isolated_home)})
    committed = []
    deadline = time.monotonic() + 30
    while len(committed) < 40 and time.monotonic() < deadline:
        committed.append(int(writer.stdout.readline()))
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert len(committed) >= 40
    with sqlite3.connect(isolated_home / "postcoach.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = set(Store().names())
    assert {f"p{n}" for n in committed} <= names


def run(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "postcoach", *args], input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_profile_commands_end_to_end(tmp_path):
    posts = tmp_path / "posts.txt"
    posts.write_text("\n".join(BANK_POSTS), encoding="utf-8")
    learned = run("profile", "learn", "Banque", "--from", str(posts))
    assert learned.returncode == 0 and "Learned 'Banque' from 10 posts" in learned.stdout
    assert "Banque" in run("profile", "list").stdout
    assert "vous" in run("profile", "show", "Banque", "--lang", "fr").stdout
    exported = tmp_path / "banque.json"
    assert run("profile", "export", "Banque", "-o", str(exported)).returncode == 0
    assert run("profile", "import", str(exported), "--name", "Copie").returncode == 0
    assert run("profile", "import", str(exported)).returncode == 2
    assert run("profile", "use", "Copie", "--platform", "linkedin").returncode == 0
    checked = json.loads(run("check", "Salut ! Tu viens ? 😍", "--platform", "linkedin",
                             "--json").stdout)
    assert any(h["rule"] == "tone.address_mismatch" for h in checked["hints"])
    batch = run("batch", "--profile", "Banque",
                stdin=json.dumps({"id": 1, "text": BANK_POSTS[0]}) + "\n")
    assert json.loads(batch.stdout)["scores"]["tone_consistency"] >= 75
    assert run("profile", "delete", "Copie").returncode == 0
    missing = run("profile", "show", "Copie")
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    too_few = run("profile", "learn", "X", "--from", "-", stdin="un\ndeux\n")
    assert too_few.returncode == 2 and "at least 5" in too_few.stderr


def test_names_are_unique_by_unicode_case_folding(isolated_home):
    store = Store()
    store.save(Profile(name="Ça va"))
    assert store.save(Profile(name="ÇA VA", formality=90)) == 2
    assert store.names() == ["Ça va"]
    profile, _ = store.get("ça va")
    assert profile.name == "Ça va" and profile.formality == 90


def test_a_version_1_database_is_migrated(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(isolated_home / "postcoach.sqlite3") as db:
        db.execute("CREATE TABLE profiles (name TEXT PRIMARY KEY COLLATE NOCASE, data TEXT NOT "
                   "NULL, version INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL DEFAULT '')")
        db.execute("CREATE TABLE active_profiles (platform TEXT PRIMARY KEY, name TEXT NOT NULL "
                   "REFERENCES profiles(name) ON DELETE CASCADE)")
        for name in ("Été", "ÉTÉ"):
            db.execute("INSERT INTO profiles (name, data) VALUES (?, ?)",
                       (name, json.dumps(Profile(name=name).to_dict())))
        db.execute("PRAGMA user_version = 1")
    store = Store()
    assert set(store.names()) == {"Été", "ÉTÉ (2)"}
    assert store.get("été")[0].name == "Été"


@pytest.mark.parametrize(
    "fingerprint_change",
    [{"ngram_norm": 0}, {"ngram_norm": float("inf")}, {"style": {"words": [1.0, 0.0]}},
     {"calibration": {"similarity": [0.5, "x"], "distance": [1, 1]}}],
)
def test_imported_fingerprints_are_checked(bank, fingerprint_change):
    data = bank.to_dict()
    data["fingerprint"] = {**data["fingerprint"], **fingerprint_change}
    with pytest.raises(InputError) as error:
        Profile.from_dict(data)
    assert error.value.field == "profile.fingerprint"


@pytest.mark.parametrize(
    ("content", "filename"),
    [("[" * 100_000 + "]" * 100_000, "deep.json"), ("[" + "9" * 5000 + "]", "huge.json"),
     ("text\n" + "x" * 200_000 + "\n", "big.csv")],
)
def test_unreadable_samples_are_a_clear_error(content, filename):
    with pytest.raises(InputError) as error:
        parse_samples(content, filename)
    assert error.value.field == "samples"


def test_learning_checks_the_name():
    with pytest.raises(InputError) as error:
        learn("../etc", BANK_POSTS)
    assert error.value.field == "profile.name"
