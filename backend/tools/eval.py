"""Measure the engine on the labelled development data and print one table (`make eval`).

The data lives in `<repo>/../shared/eval-dev` (override with POSTCOACH_EVAL_DIR); see its
README for what each set's labels mean. `--errors N` lists up to N misclassified examples per
row, the material for tuning lexicons and weights — mind the held-out test half: fix the cause,
not the example.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from postcoach import analyze
from postcoach.brand.profile import learn
from postcoach.text import language
from postcoach.text.draft import Draft
from postcoach.text.tone import address_marks

REPO = Path(__file__).resolve().parents[2]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval-dev"
# The xlm-t tweet files keep some characters as literal JSON escapes ("i\u2019m").
ESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})")
ASKING_ACTS = frozenset({"QUE", "SUG", "REQ"})
TELLING_ACTS = frozenset({"STM", "EXP"})
# A brand needs this many agent turns to be measured: half to learn from, half to score.
MIN_BRAND_TURNS = 20
# Formal lines the vous profile is learned from, per domain of the tu/vous set.
VOUS_SAMPLES_PER_DOMAIN = 50
ADDRESS_RULES = frozenset({"tone.address_mismatch", "tone.address_mixed"})


@dataclass
class Row:
    name: str
    value: float
    target: float | None
    kind: str  # "accuracy", "auc" or "score" (a 0–100 score as the engine gives it)
    detail: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def shown(self) -> str:
        if self.kind == "score":
            return f"{self.value:.1f}"
        return f"{100 * self.value:.2f}%" if self.kind == "accuracy" else f"{self.value:.3f}"

    @property
    def shown_target(self) -> str:
        if self.target is None:
            return "—"
        return f"≥ {100 * self.target:.1f}%" if self.kind == "accuracy" else f"≥ {self.target:.2f}"

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "info"
        return "PASS" if self.value >= self.target else "FAIL"


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip("\n")


def _unescape(text: str) -> str:
    return ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)


def auc(positives: Iterable[float], negatives: Iterable[float]) -> float:
    """P(score of a positive > score of a negative), ties counting half (Mann–Whitney U)."""
    labelled = [(score, 1) for score in positives] + [(score, 0) for score in negatives]
    n_pos = sum(label for _, label in labelled)
    n_neg = len(labelled) - n_pos
    if not n_pos or not n_neg:
        raise ValueError("AUC needs both positive and negative examples")
    labelled.sort(key=lambda item: item[0])
    rank_sum, index = 0.0, 0
    while index < len(labelled):
        end = index
        while end < len(labelled) and labelled[end][0] == labelled[index][0]:
            end += 1
        mean_rank = (index + 1 + end) / 2  # ranks are 1-based; tied scores share their mean
        rank_sum += mean_rank * sum(label for _, label in labelled[index:end])
        index = end
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def language_rows(folder: Path, errors: int) -> list[Row]:
    samples = [
        (_unescape(line), expected)
        for path in sorted(folder.glob("*_text.txt"))
        for expected in ("fr" if path.name.startswith("french") else "en",)
        for line in _lines(path)
    ]
    detected = [language.detect(Draft(text).prose) for text, _ in samples]
    engine = [analyze(text)["language"] for text, _ in samples]
    wrong = [
        f"{expected} → {got}: {_short(text)}"
        for (text, expected), got in zip(samples, detected, strict=True)
        if got != expected
    ]
    undecided = sum(1 for got in detected if got == "und")
    right = len(samples) - len(wrong)
    agree = sum(got == expected for (_, expected), got in zip(samples, engine, strict=True))
    return [
        Row("language fr/en (detect)", right / len(samples), 0.995, "accuracy",
            f"{right}/{len(samples)}, {undecided} und", wrong[:errors]),
        Row("  same via analyze()", agree / len(samples), None, "accuracy",
            f"{agree}/{len(samples)}"),
    ]


def _pairs(folder: Path) -> list[tuple[str, str]]:
    pairs = []
    for formal_path in sorted(folder.glob("*.formal.fr")):
        informal_path = formal_path.with_name(formal_path.name.replace(".formal.", ".informal."))
        formal = formal_path.read_text(encoding="utf-8").splitlines()
        informal = informal_path.read_text(encoding="utf-8").splitlines()
        pairs += [(f, i) for f, i in zip(formal, informal, strict=True) if f != i]
    return pairs


def address_rows(folder: Path, errors: int) -> list[Row]:
    pairs = _pairs(folder)
    sides = {"vous": [f for f, _ in pairs], "tu": [i for _, i in pairs]}
    side_rows, total_right, total_engine = [], 0, 0
    for expected, texts in sides.items():
        got = [address_marks(Draft(text, "fr")).form for text in texts]
        total_engine += sum(analyze(text)["tone"]["address_form"] == expected for text in texts)
        wrong = [
            f"{expected} → {form}: {_short(text)}"
            for text, form in zip(texts, got, strict=True)
            if form != expected
        ]
        right = len(texts) - len(wrong)
        total_right += right
        label = "formal → vous" if expected == "vous" else "informal → tu"
        side_rows.append(Row(f"  {label}", right / len(texts), None, "accuracy",
                             f"{right}/{len(texts)}", wrong[:errors]))
    count = 2 * len(pairs)
    return [
        Row("address form tu/vous (pairs)", total_right / count, 0.98, "accuracy",
            f"{total_right}/{count} from {len(pairs)} differing pairs"),
        *side_rows,
        Row("  same via analyze()", total_engine / count, None, "accuracy",
            f"{total_engine}/{count}"),
    ]


def _auc_row(
    name: str,
    target: float | None,
    positives: list[str],
    negatives: list[str],
    score: Callable[[dict], float],
    errors: int,
) -> Row:
    scored_pos = [(score(analyze(text)), text) for text in positives]
    scored_neg = [(score(analyze(text)), text) for text in negatives]
    value = auc([s for s, _ in scored_pos], [s for s, _ in scored_neg])
    # The worst offenders: positives scored lowest and negatives scored highest.
    missed = [f"pos {s:>5.1f}: {_short(t)}" for s, t in sorted(scored_pos)[:errors]]
    false_alarms = [
        f"neg {s:>5.1f}: {_short(t)}" for s, t in sorted(scored_neg, reverse=True)[:errors]
    ]
    detail = f"{len(positives)} vs {len(negatives)}"
    return Row(name, value, target, "auc", detail, missed + false_alarms)


def tweet_acts_row(folder: Path, errors: int) -> Row:
    asking, telling = [], []
    with (folder / "tweet_acts_dev.csv").open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            if record["label"] in ASKING_ACTS:
                asking.append(record["text"])
            elif record["label"] in TELLING_ACTS:
                telling.append(record["text"])
    return _auc_row("interaction_value QUE/SUG/REQ vs STM/EXP", 0.80, asking, telling,
                    lambda result: result["scores"]["interaction_value"], errors)


def sms_row(folder: Path, errors: int) -> Row:
    spam, ham = [], []
    with (folder / "sms_spam_dev.tsv").open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            (spam if record["label"] == "spam" else ham).append(record["text"])
    return _auc_row("salesiness spam vs ham", 0.95, spam, ham,
                    lambda result: result["scores"]["salesiness"], errors)


def _bait_hints(result: dict) -> int:
    return sum(1 for hint in result["hints"] if hint["family"] == "engagement_bait")


def clickbait_row(folder: Path, errors: int) -> Row:
    bait = list(_lines(folder / "clickbait_data_dev.txt"))
    plain = list(_lines(folder / "non_clickbait_data_dev.txt"))
    return _auc_row("clickbait: salesiness + bait hints", None, bait, plain,
                    lambda result: result["scores"]["salesiness"] + 100 * _bait_hints(result),
                    errors)


def _brand_turns(path: Path) -> dict[str, list[str]]:
    """Every agent turn of every conversation, by brand, in file order."""
    turns: dict[str, list[str]] = {}
    for conversation in json.loads(path.read_text(encoding="utf-8")):
        brand = turns.setdefault(conversation["dialogHeader"]["company"], [])
        brand += [turn["message"] for turn in conversation["dialogContent"] if "agent" in turn]
        if final := conversation.get("agentURL", {}).get("url_utterance"):
            brand.append(final)
    return turns


def brand_voice_rows(folder: Path, errors: int) -> list[Row]:
    """Learn each brand from its even turns; its odd turns should outrank other brands' turns."""
    turns = _brand_turns(folder / "dev.json")
    brand_rows, aucs, medians = [], [], []
    for brand, own in sorted(turns.items(), key=lambda item: item[0].lower()):
        if len(own) < MIN_BRAND_TURNS:
            continue
        profile = learn(brand, own[0::2])

        def consistency(text: str, profile=profile) -> float:
            return analyze(text, profile=profile)["scores"]["tone_consistency"]

        scored_pos = [(consistency(text), text) for text in own[1::2]]
        others = [text for other, texts in turns.items() if other != brand for text in texts]
        scored_neg = [(consistency(text), text) for text in others]
        value = auc([s for s, _ in scored_pos], [s for s, _ in scored_neg])
        median = statistics.median(s for s, _ in scored_pos)
        aucs.append(value)
        medians.append(median)
        missed = [f"pos {s:>5.1f}: {_short(t)}" for s, t in sorted(scored_pos)[:errors]]
        false_alarms = [
            f"neg {s:>5.1f}: {_short(t)}" for s, t in sorted(scored_neg, reverse=True)[:errors]
        ]
        brand_rows.append(Row(
            f"  {brand}", value, None, "auc",
            f"{len(scored_pos)} vs {len(scored_neg)}, learned from {profile.samples}, "
            f"median own {median:g}", missed + false_alarms,
        ))
    return [
        Row("brand voice: tone_consistency own vs others", statistics.mean(aucs), 0.80, "auc",
            f"mean of {len(aucs)} brands with ≥ {MIN_BRAND_TURNS} agent turns"),
        *brand_rows,
        Row("  median tone_consistency of own held-out", statistics.median(medians), None,
            "score", "median over brands of each brand's median (issue: about 80 or more)"),
    ]


def _flags_address(result: dict) -> bool:
    return any(hint["rule"] in ADDRESS_RULES for hint in result["hints"])


def vous_profile_rows(folder: Path, errors: int) -> list[Row]:
    samples = [
        line
        for path in sorted(folder.glob("*.formal.fr"))
        for line in list(_lines(path))[:VOUS_SAMPLES_PER_DOMAIN]
    ]
    profile = learn("vous", samples)
    pairs = _pairs(folder)
    flagged = [_flags_address(analyze(i, profile=profile)) for _, i in pairs]
    alarms = [_flags_address(analyze(f, profile=profile)) for f, _ in pairs]
    missed = [f"missed: {_short(i)}" for (_, i), hit in zip(pairs, flagged, strict=True) if not hit]
    false = [f"alarm: {_short(f)}" for (f, _), hit in zip(pairs, alarms, strict=True) if hit]
    learned = (f"profile learned from {len(samples)} formal lines "
               f"(first {VOUS_SAMPLES_PER_DOMAIN} per domain), fr={profile.address_form.get('fr')}")
    return [
        Row("vous profile flags tu drafts", sum(flagged) / len(pairs), 0.98, "accuracy",
            f"{sum(flagged)}/{len(pairs)} informal lines; {learned}", missed[:errors]),
        Row("  false alarms on the formal lines", sum(alarms) / len(pairs), None, "accuracy",
            f"{sum(alarms)}/{len(pairs)}", false[:errors]),
    ]


def render(rows: list[Row], seconds: float) -> str:
    widths = [max(len(r.name) for r in rows), 8, 8, 6]
    header = (f"{'measure':<{widths[0]}}  {'value':>{widths[1]}}  {'target':>{widths[2]}}  "
              f"{'result':<{widths[3]}}  detail")
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row.name:<{widths[0]}}  {row.shown:>{widths[1]}}  {row.shown_target:>{widths[2]}}  "
            f"{row.verdict:<{widths[3]}}  {row.detail}"
        )
    lines.append(f"({seconds:.1f} s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list up to N misclassified examples per measure")
    args = parser.parse_args(argv)
    folder = Path(os.environ.get("POSTCOACH_EVAL_DIR", DEFAULT_EVAL_DIR))
    if not folder.is_dir():
        print(f"eval: no evaluation data at {folder} (set POSTCOACH_EVAL_DIR)", file=sys.stderr)
        return 2

    started = time.perf_counter()
    rows = [
        *language_rows(folder / "language_fr_en", args.errors),
        *address_rows(folder / "formality_fr_tu_vous", args.errors),
        tweet_acts_row(folder / "tweet_acts", args.errors),
        sms_row(folder / "sms_spam", args.errors),
        clickbait_row(folder / "clickbait", args.errors),
        *brand_voice_rows(folder / "brand_voice_customer_care", args.errors),
        *vous_profile_rows(folder / "formality_fr_tu_vous", args.errors),
    ]
    print(render(rows, time.perf_counter() - started))

    if args.errors:
        for row in rows:
            if row.errors:
                print(f"\n## {row.name.strip()}: {len(row.errors)} listed")
                print("\n".join(row.errors))
    return 0 if all(row.verdict != "FAIL" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
