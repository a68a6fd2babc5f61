"""Tokens with lemmas, and token patterns as data."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from postcoach import analyze
from postcoach.fitted import Model, read
from postcoach.text import readings
from postcoach.text.draft import Draft
from postcoach.text.patterns import (
    PatternError,
    PatternIndex,
    available,
    compile_pattern,
    expect,
    load,
    pattern_matches,
    token_view,
)
from postcoach.text.tokens import (
    CLITIC,
    EMOJI,
    KEYWORD,
    NUMBER,
    forms,
    glued_words,
    tokens_of,
    word_classes,
)

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
# What a pattern's note quotes: "…", « … » or “…”.
NOTE_QUOTE_RE = re.compile(r'"([^"]{4,})"|«\s*([^»]{4,}?)\s*»|“([^”]{4,})”')


def _tokens(text: str, language: str = "fr"):
    draft = Draft(text, language)
    return [(token.kind, token.lower) for token in tokens_of(draft)]


def test_words_carry_every_form_a_lexicon_may_list():
    assert "taguer" in forms("taguez", "fr")          # regular inflection, guessed
    assert "identifier" in forms("identifiez", "fr")  # simplemma's lemma
    assert "être" in forms("sommes", "fr")            # homograph the lemmatizer drops
    assert "moitie" in forms("moitié", "fr") and "repondre" in forms("repondez", "fr")
    assert "tag" in forms("tagging", "en") and "friend" in forms("friends", "en")
    assert "person" in word_classes("copines", "fr") and "person" in word_classes("buddies", "en")


def test_request_verbs_are_read_one_typo_away_but_no_real_word_is():
    # A letter dropped, doubled or swapped: the verb a bait asks with, typed fast.
    assert "commenter" in forms("comentez", "fr") and "taguer" in forms("tagez", "fr")
    assert "comment" in forms("commnet", "en") and "share" in forms("sahre", "en")
    assert "commenter" in forms("komente", "fr")  # a hard c spelt k, as on a phone
    # A word of the language one letter from a request verb stays itself.
    assert "commenter" not in forms("commencez", "fr") and "comment" not in forms("comet", "en")
    assert "tag" not in forms("tango", "en") and "voter" not in forms("voler", "fr")


def test_tokens_split_clitics_contractions_and_find_keywords():
    assert _tokens("Tague-la 👇") == [("word", "tague"), (CLITIC, "la"), ("punct", "👇")]
    assert _tokens("Abonnez-vous")[1] == ("word", "vous")
    assert _tokens("you're", "en") == [("word", "you"), ("word", "are")]
    assert _tokens("Commente « JE VEUX » ou 🔥")[1] == (KEYWORD, "je veux")
    assert _tokens("Tape A pour chat")[1] == (KEYWORD, "a")
    assert _tokens("Type GUIDE now", "en")[1] == (KEYWORD, "guide")
    # Words in capitals after a verb of writing are one phrase to type; elsewhere, shouting.
    assert _tokens("Écrivez JOYEUX ANNIVERSAIRE ici")[1] == (KEYWORD, "joyeux anniversaire")
    assert _tokens("PROMO EXCEPTIONNELLE ici")[:2] == [("word", "promo"),
                                                        ("word", "exceptionnelle")]
    assert _tokens("the EU and AI", "en")[1] == ("word", "eu")  # acronyms are not shouting
    kinds = {kind for kind, _ in _tokens("3 amis 🎁 https://acme.fr/x @lea #promo")}
    assert {NUMBER, EMOJI, "url", "mention", "hashtag"} <= kinds


def test_hashtags_are_read_as_the_words_they_glue():
    assert _tokens("#LikeIfUseful", "en")[1:] == [("hashword", "like"), ("hashword", "if"),
                                                 ("hashword", "useful")]
    # Typed in lower case, a hashtag is split into the fewest words the lexicons or patterns know.
    assert glued_words("shareifyouagree", "en") == ("share", "if", "you", "agree")
    assert glued_words("tagueuneamie", "fr") == ("tague", "une", "amie")
    # A word the lexicons know, or a name they cannot split, stays whole.
    assert glued_words("concours", "fr") == ("concours",)
    assert glued_words("therapist", "en") == ("therapist",)


def _spans(pattern: str, text: str, language: str = "en") -> list[str]:
    index = PatternIndex([compile_pattern(pattern, "test", language)])
    view = token_view(tokens_of(Draft(text, language)), language)
    return [text[start:end] for start, end in index.matches(view)]


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    ("@tag_verb NUM *2 @person", "Tag 3 of your friends!", ["Tag 3 of your friends"]),
    ("@tag_verb NUM *2 @person", "Tag 3 of your best old friends", []),  # skip is bounded
    ("tag @determiner? @person", "tag friends and tag a buddy", ["tag friends", "tag a buddy"]),
    ("^ like *2 if", "I like it if. Like this if", ["Like this if"]),
    ("share *3 if", "Share this. If you", []),  # never across a sentence end
    ("=like", "likes like", ["like"]),
    ("tag !@person", "tag friends, tag it", ["tag it"]),
    ("KEYWORD below", "'YES' below", ["'YES' below"]),
    ("vote for [ @favourite ]", "Vote for favourite", ["favourite"]),
    # Opens with any word: looked for from its second token, found wherever it is.
    ("WORD EMOJI or|END", "Beach 🏖️ or mountain ⛰️ ?", ["Beach 🏖️ or", "mountain ⛰️ ?"]),
    ("WORD EMOJI or|END", "Pick one: beach 🏖️.\nMountain ⛰️\n", ["beach 🏖️.", "Mountain ⛰️\n"]),
    # A discourse adverb between two words of a pattern is passed over.
    ("we be not liable", "We are therefore not liable.", ["We are therefore not liable"]),
    ("nothing we can do", "There is sadly nothing further we can do",
     ["nothing further we can do"]),
])
def test_pattern_language(pattern, text, expected):
    assert _spans(pattern, text) == expected


@pytest.mark.parametrize("bad", ["", "*2 tag", "tag?", "!tag", "@no_such_class", "tag *3",
                                 "FOO", "tag ] [", "tag a||b"])
def test_malformed_patterns_are_refused(bad):
    with pytest.raises(PatternError):
        compile_pattern(bad, "test", "en")


def test_every_pattern_file_compiles_with_notes():
    files = available()
    assert {language for language, _ in files} == {"fr", "en"}
    for language, name in files:
        assert load(language, name)


def test_every_pattern_matches_an_example_its_note_quotes():
    """A pattern that cannot match the example its note gives does not say what it means: "a|b
    c" reads "a" or "b", then "c", so "no|none of our other customers" never read "no other
    customer", and « bien vu|bonne remarque » read neither."""
    missed = []
    for language, name in available():
        for pattern in load(language, name):
            quoted = [next(part for part in quote.groups() if part).replace("…", " ")
                      for quote in NOTE_QUOTE_RE.finditer(pattern.note)]
            index = PatternIndex([pattern])
            if quoted and not any(index.matches(token_view(tokens_of(Draft(text, language)),
                                                           language)) for text in quoted):
                missed.append(f"{language}/{name}.tsv: {pattern.text}  ←  {quoted}")
    assert not missed, "\n".join(missed)


def test_files_walked_together_match_as_each_alone():
    rows = _labelled(DATA / "bait" / "dev.tsv") + _labelled(DATA / "conflict" / "dev.tsv")
    for language in ("fr", "en"):
        names = frozenset(name for file_language, name in available()
                          if file_language == language)
        together = PatternIndex([p for name in sorted(names) for p in load(language, name)])
        alone = {name: PatternIndex(load(language, name)) for name in names}
        for row in rows:
            view = token_view(tokens_of(Draft(row["text"], language)), language)
            found = together.matches_by_file(view)
            assert {name: found[name] for name in names} == {
                name: index.matches(view) for name, index in alone.items()}, row["text"]


def test_a_rule_asks_only_for_the_pattern_files_it_declares():
    draft = Draft("Tag 3 friends who love pizza!", "en")
    expect(draft, frozenset({"bait_tag"}))
    assert pattern_matches(draft, "bait_tag")
    with pytest.raises(PatternError, match="bait_share"):
        pattern_matches(draft, "bait_share")


def test_inflection_tables_are_up_to_date():
    done = subprocess.run([sys.executable, str(REPO / "backend/tools/build_inflections.py"),
                           "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _labelled(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _rates(rows, positive: str, flagged) -> tuple[float, float]:
    positives = [row for row in rows if row["label"] == positive]
    negatives = [row for row in rows if row["label"] != positive]
    recall = sum(map(flagged, positives)) / len(positives)
    false_alarms = sum(map(flagged, negatives)) / len(negatives)
    return recall, false_alarms


def _is_bait(row) -> bool:
    return any(hint["family"] == "engagement_bait" for hint in analyze(row["text"])["hints"])


def _is_defensive(row) -> bool:
    hints = analyze(row["text"], reply=True)["hints"]
    return any(hint["rule"] == "conflict.defensive" for hint in hints)


def test_bait_is_caught_in_its_open_forms():
    rows = _labelled(DATA / "bait" / "dev.tsv")
    assert len(rows) >= 240
    recall, false_alarms = _rates(rows, "bait", _is_bait)
    assert recall >= 0.95 and false_alarms <= 0.03, (recall, false_alarms)


def test_defensive_replies_are_recognised_by_their_moves():
    rows = _labelled(DATA / "conflict" / "dev.tsv")
    assert len(rows) >= 80
    recall, false_alarms = _rates(rows, "defensive", _is_defensive)
    assert recall >= 0.95 and false_alarms <= 0.03, (recall, false_alarms)


def test_a_draft_no_pattern_names_is_judged_on_the_sentence_that_reads_most_so():
    # A reading that takes "untrue" words for denial: the mechanism, not the fitted weights.
    reader = readings.Reader("test", Model("test", -2.0, {"c:untrue": 4.0}), 0.5, kinds=(
        Model("denial", 0.0, {"c:untrue": 1.0}), Model("other", 0.0, {})))
    text = "Thanks for writing. Your story is false. We reply within a day."
    judgement = reader.judge(Draft(text, "en"))
    assert text[judgement.start:judgement.end] == "Your story is false."
    assert judgement.chance > 0.5 and judgement.kind == "denial"
    assert reader.judge(Draft("Thanks for writing, we reply within a day.", "en")) is None


# The least recall a reading alone keeps on the written sets it did not see, with 1% (bait) or
# 3% (defensive) false alarms on their near-misses.
LEFT_OUT_RECALL = {"defensive": 0.8, "bait": 0.75}


@pytest.mark.parametrize("name", sorted(LEFT_OUT_RECALL))
def test_the_fitted_readings_hold_on_sets_they_did_not_see(name):
    stored = read("postcoach.text", f"{name}.json")
    # Every written set as predicted by a fit without it: the reading alone finds much of what
    # the patterns' sets hold, and flags few of their negatives and nearly no real text.
    assert stored["left_out"]["written"]["recall"] >= LEFT_OUT_RECALL[name]
    assert stored["left_out"]["written"]["false_alarms"] <= 0.03
    assert stored["left_out"]["real"]["false_alarms"] <= 0.01


class _Always:
    """A reading that judges every draft so, on its first sentence, of one kind."""

    def __init__(self, kind: str | None = None) -> None:
        self.kind = kind

    def judge(self, draft):
        first = draft.sentences[0]
        return readings.Judgement(first.start, first.end, 0.99, self.kind)


def test_a_post_no_bait_pattern_matches_gets_the_rule_of_the_kind_read(monkeypatch):
    monkeypatch.setattr(readings, "reader", lambda name: _Always("share"))
    text = "Our new roastery opens on Monday. Come and see the machines."
    hints = [h for h in analyze(text)["hints"] if h["family"] == "engagement_bait"]
    assert [(h["rule"], h["span"]) for h in hints] == [("engagement_bait.share", [0, 33])]
    # A reply is not read as bait, and a post a request pattern matches is the patterns' to judge.
    assert not [h for h in analyze(text, reply=True)["hints"] if h["family"] == "engagement_bait"]
    tagged = analyze("Tag 3 friends who need a coffee!")["hints"]
    assert [h["rule"] for h in tagged
            if h["family"] == "engagement_bait"] == ["engagement_bait.tag"]


def test_a_reply_with_no_named_move_gets_the_defensive_hint_on_its_sentence(monkeypatch):
    monkeypatch.setattr(readings, "reader", lambda name: _Always())
    text = "Hello Sam, the parcel was handed over on Monday. Kind regards."
    hints = [h for h in analyze(text, reply=True)["hints"] if h["rule"] == "conflict.defensive"]
    assert [h["span"] for h in hints] == [[0, 48]]
    assert "Hello Sam, the parcel was handed over on Monday." in hints[0]["message"]
