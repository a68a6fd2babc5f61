"""The labelled development data of ../shared/eval-dev and tests/data, read one way for both
`make train` and `make eval`."""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = Path(os.environ.get("POSTCOACH_EVAL_DIR", REPO.parent / "shared" / "eval-dev"))
TEST_DATA = REPO / "tests" / "data"
ASKING_ACTS = frozenset({"QUE", "SUG", "REQ"})
TELLING_ACTS = frozenset({"STM", "EXP"})
# The xlm-t tweet files keep some characters as literal JSON escapes ("i\u2019m").
ESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Sample:
    text: str
    label: int  # 1: the score should be high
    source: str
    language: str = "en"


def lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip("\n")


def unescape(text: str) -> str:
    return ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)


def fb_ads() -> list[Sample]:
    with (EVAL_DIR / "fb_ads" / "ads_dev.csv").open(encoding="utf-8", newline="") as handle:
        return [Sample(row["text"], int(row["label"] == "commercial"), "fb_ads")
                for row in csv.DictReader(handle)]


def sms_spam() -> list[Sample]:
    path = EVAL_DIR / "sms_spam" / "sms_spam_dev.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Sample(row["text"], int(row["label"] == "spam"), "sms_spam") for row in reader]


def tweet_acts() -> list[Sample]:
    samples = []
    path = EVAL_DIR / "tweet_acts" / "tweet_acts_dev.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["label"] in ASKING_ACTS | TELLING_ACTS:
                samples.append(Sample(row["text"], int(row["label"] in ASKING_ACTS),
                                      "tweet_acts"))
    return samples


# Written sets that cover a register (replies and posts that say little: "Thanks!", "Read the
# terms.", "Happy Friday! ☀️", "Tag 3 friends 🎁") rather than stand for a new writer, as the dev
# rounds do.
REGISTERS = ("short_replies", "short_posts")


def labelled_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def bait_invitations(name: str = "dev") -> list[Sample]:
    """Bait (low interaction value) against genuine invitations (high), both languages."""
    return [Sample(row["text"], int(row["kind"] == "invitation"), f"bait_{name}",
                   row["language"])
            for row in labelled_tsv(TEST_DATA / "bait" / f"{name}.tsv")
            if row["label"] == "bait" or row["kind"] == "invitation"]


def brand_turns() -> dict[str, list[str]]:
    """Every agent turn of every customer-care conversation, by brand, in file order."""
    path = EVAL_DIR / "brand_voice_customer_care" / "dev.json"
    turns: dict[str, list[str]] = {}
    for conversation in json.loads(path.read_text(encoding="utf-8")):
        brand = turns.setdefault(conversation["dialogHeader"]["company"], [])
        brand += [turn["message"] for turn in conversation["dialogContent"] if "agent" in turn]
        if final := conversation.get("agentURL", {}).get("url_utterance"):
            brand.append(final)
    return turns


def tweets() -> list[tuple[str, str]]:
    """(text, language) of the fr/en tweets."""
    folder = EVAL_DIR / "language_fr_en"
    return [(unescape(line), "fr" if path.name.startswith("french") else "en")
            for path in sorted(folder.glob("*_text.txt")) for line in lines(path)]


# What each fitted score learns from, and how much each source weighs. Each (source, label)
# group is balanced first; SMS spam then weighs a third of the Facebook ads: its hard sell is
# one facet of salesiness, but by its standard an NGO's urgent appeal would be a sale, which
# fb_ads' labels (commercial vs informational) say it is not. A third keeps SMS spam at its
# AUC target and costs fb_ads the least (see the closing note of issue 8). The bait set teaches
# interaction value that bait is no invitation; more weight would cost the tweet acts' AUC.
TRAINING = {
    "salesiness": ((fb_ads, 1.0), (sms_spam, 0.35)),
    "interaction_value": ((tweet_acts, 1.0), (bait_invitations, 0.05)),
}
