"""The `postcoach` command as a user runs it: real subprocesses, real exit codes."""

import json
import os
import subprocess
import sys

import pytest

from postcoach.cli import main


def run(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "postcoach", *args],
        input=stdin, capture_output=True, text=True, timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_check_prints_scores_and_flagged_words():
    done = run("check", "Achetez maintenant, dernière chance !")
    assert done.returncode == 0
    assert "Salesiness" in done.stdout
    assert "[Achetez maintenant]" in done.stdout or "[Achetez]" in done.stdout
    assert "salesiness.hard_sell" in done.stdout


def test_check_colours_only_when_asked_or_on_a_terminal():
    plain = run("check", "Achetez maintenant")
    coloured = run("check", "Achetez maintenant", env={"FORCE_COLOR": "1"})
    assert "\033[" not in plain.stdout
    assert "\033[" in coloured.stdout


def test_check_json_matches_the_api(capsys):
    assert main(["check", "Like si tu aimes les crêpes", "--platform", "facebook", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["language"] == "fr"
    assert any(h["rule"] == "engagement_bait.react" for h in result["hints"])


def test_check_reads_stdin_and_reply_mode(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("You should have read the manual."))
    assert main(["check", "-", "--reply", "--json"]) == 0
    rules = {h["rule"] for h in json.loads(capsys.readouterr().out)["hints"]}
    assert "conflict.defensive" in rules


def test_batch_keeps_going_after_a_bad_line():
    lines = "\n".join([
        json.dumps({"id": 1, "text": "Buy now!"}),
        "{broken",
        json.dumps({"id": "x", "text": 5}),
        json.dumps({"id": 4, "text": "Vous auriez dû lire la notice.", "reply": True}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 6, "text": "ok", "platform": "myspace"}),
    ])
    done = run("batch", "--platform", "facebook", stdin=lines + "\n")
    assert done.returncode == 0
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [item.get("id") for item in out] == [1, None, "x", 4, None, 6]
    assert out[0]["scores"]["salesiness"] > 0
    assert out[1]["error"]["code"] == "bad_json"
    assert out[2]["error"]["code"] == "invalid_field" and "text" in out[2]["error"]["message"]
    assert any(h["rule"] == "conflict.defensive" for h in out[3]["hints"])
    assert out[4]["error"]["code"] == "bad_line"
    assert "platform" in out[5]["error"]["message"]


def test_rules_lists_the_catalogue_with_sources():
    done = run("rules", "--json")
    catalogue = json.loads(done.stdout)
    assert len(catalogue) >= 30
    assert all(rule["source"] for rule in catalogue)


@pytest.mark.parametrize(
    "args",
    [[], ["check"], ["check", "x", "--platform", "twitter"], ["frobnicate"],
     ["check", "x", "--lang", "de"]],
)
def test_bad_arguments_exit_non_zero_with_one_line(args):
    done = run(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("postcoach")


def test_unknown_profile_is_a_one_line_error():
    done = run("check", "Bonjour", "--profile", "nope")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "nope" in done.stderr
