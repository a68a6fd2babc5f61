"""`postcoach history …` and `postcoach report` end to end, as a person types them."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from history_fixtures import FIXTURES
from postcoach.cli.main import main


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    """The command as typed, in this process (the CLI's own tests start real processes)."""
    def run(*args: str) -> Ran:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)
    return run


def test_import_list_export_report_clear(run, tmp_path, isolated_home):
    assert run("history", "settings", "--keep-forever").stdout == (
        "History is on; posts are kept forever.\n")
    imported = run("history", "import", str(FIXTURES / "your_posts_1.json"),
                   str(FIXTURES / "Shares.csv"))
    assert imported.returncode == 0, imported.stderr
    assert "your_posts_1.json (facebook_json): took 3, already had 0, skipped 2" in imported.stdout
    assert "1 × no readable publication date" in imported.stdout
    assert "Shares.csv (linkedin_shares): took 4, already had 0, skipped 2" in imported.stdout
    again = run("history", "import", str(FIXTURES / "Shares.csv"))
    assert "took 0, already had 4" in again.stdout
    listed = json.loads(run("history", "list", "--network", "linkedin", "--json").stdout)
    assert listed["total"] == 4
    out = tmp_path / "history.json"
    assert run("history", "export", "-o", str(out)).returncode == 0
    assert len(json.loads(out.read_text())["posts"]) == 7
    report = run("report", "--html", str(tmp_path / "r.html"), "--since", "2024-05-02",
                 "--lang", "en")
    assert report.returncode == 0 and "Report on 5 posts and 0 replies" in report.stdout
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and '<html lang="en">' in html
    assert "Chart.js v4" in html and "default-src 'none'" in html and "http://" not in \
        html.split("<script>")[0]
    refused = run("history", "clear")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert run("history", "clear", "--yes").stdout == "Deleted 7 posts and replies.\n"
    assert run("history", "import", str(out)).stdout.startswith(
        f"{out} (postcoach): took 7")


def test_bad_files_and_switched_off_history_are_clear_errors(run, tmp_path, isolated_home):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    failed = run("history", "import", str(empty))
    assert failed.returncode == 2
    assert failed.stderr == f"postcoach: {empty}: the file is empty\n"
    missing = run("history", "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert run("history", "settings", "--off").returncode == 0
    off = run("history", "import", str(FIXTURES / "Shares.csv"))
    assert off.returncode == 2 and "history is switched off" in off.stderr


def test_check_warns_when_a_draft_repeats_last_weeks_post_on_the_other_network(run):
    from datetime import datetime, timedelta, timezone

    from postcoach.brand.store import Store
    from postcoach.history.model import Published
    from postcoach.history.recording import record
    from postcoach.history.store import HistoryStore

    text = ("Trois leçons de dix ans d'artisanat : écouter avant de vendre, répondre à chaque "
            "commentaire, partager ce que l'on sait. Et vous, quelle leçon ajouteriez-vous ?")
    when = datetime.now(timezone.utc) - timedelta(days=2)
    record(HistoryStore(), Store(), Published("linkedin", text, when, source="capture"))
    result = json.loads(run("check", text, "--platform", "facebook", "--json").stdout)
    hint = next(h for h in result["hints"] if h["rule"] == "platform.cross_post")
    assert hint["message"].startswith("Presque le même texte que votre post LinkedIn du ")
    assert run("history", "settings", "--off").returncode == 0
    result = json.loads(run("check", text, "--platform", "facebook", "--json").stdout)
    assert not any(h["rule"] == "platform.cross_post" for h in result["hints"])
