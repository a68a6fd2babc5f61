"""Positive signals of a post that invites conversation, shared by the scores and the rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, wraps
from typing import TypeVar

from postcoach.contract import LANGUAGES
from postcoach.text.draft import Draft, fold
from postcoach.text.lexicons import LexiconError, index, load

T = TypeVar("T")

CLAUSE_END_RE = re.compile(r"[.!?…\n]")


@dataclass(frozen=True)
class Question:
    start: int
    end: int
    open: bool


_MISSING = object()


def per_draft(function: Callable[..., T]) -> Callable[..., T]:
    """Compute a signal once per draft (and arguments): rules and scores ask for the same ones."""

    name = function.__name__

    @wraps(function)
    def memoised(draft: Draft, *args):
        key = (name, *args)
        found = draft.memo.get(key, _MISSING)
        if found is _MISSING:
            found = draft.memo[key] = function(draft, *args)
        return found

    return memoised


def lexicon_languages(draft: Draft) -> tuple[str, ...]:
    return (draft.language,) if draft.language in LANGUAGES else LANGUAGES


# The lexicons that rules and scores look for in a draft, scanned together once per draft. The
# others are word lists read whole (function words for the language, interrogatives for
# questions, the tu/vous forms for tone): scanning them too would find every "le" and "the".
SCANNED_LEXICONS = frozenset({
    "complaint_topic", "formal", "hard_sell", "informal", "invitation", "other_networks",
    "own_spaces", "private_channel", "promo", "promo_words", "reader", "request", "self",
    "source_markers", "superlatives", "urgency", "useful",
})


@per_draft
def _all_lexicon_hits(draft: Draft, language: str) -> dict[str, list[tuple[int, int]]]:
    return index(language, SCANNED_LEXICONS).matches(draft.folded, draft.word_runs)


@per_draft
def lexicon_hits(draft: Draft, name: str) -> list[tuple[int, int]]:
    """Spans of the lexicon's terms, in the draft's language or both when it is "und"."""
    if name not in SCANNED_LEXICONS:
        raise LexiconError(f"lexicon '{name}' is not scanned in drafts: add it to "
                           "signals.SCANNED_LEXICONS")
    languages = lexicon_languages(draft)
    spans = [span for language in languages
             for span in _all_lexicon_hits(draft, language).get(name, ())]
    return sorted(set(spans)) if len(languages) > 1 else spans


@per_draft
def questions(draft: Draft) -> list[Question]:
    """Each clause that ends with "?", found in one pass (a regex would backtrack on long text)."""
    found = []
    folded = draft.folded
    interrogatives = [load(lang, "interrogatives") for lang in lexicon_languages(draft)]
    clause_start = 0
    for end in CLAUSE_END_RE.finditer(draft.text):
        if end.group() == "?":
            clause = folded[clause_start:end.end()]
            start = clause_start + len(clause) - len(clause.lstrip())
            if clause.strip(" ?"):
                is_open = any(lex.pattern.search(clause) for lex in interrogatives)
                found.append(Question(start, end.end(), is_open))
        clause_start = end.end()
    return found


@per_draft
def invites_sharing(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "invitation"))


@per_draft
def asks_or_suggests(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "request"))


@per_draft
def offers_value(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "useful")) or _has_list(draft)


def _has_list(draft: Draft) -> bool:
    items = re.findall(r"(?m)^\s*(?:\d+[.)]|[-•✅👉▶→*])\s+\S", draft.text)
    return len(items) >= 2


# Words that may stand before an imperative without changing it: "Just try it", "So, tell us".
LEAD_INS = frozenset({"just", "so", "and", "also", "now", "then", "ok", "oh", "maybe", "simply",
                      "alors", "et", "donc", "maintenant", "ensuite", "bref"})


def _sentence_openers(draft: Draft) -> Iterator[str]:
    """The first real word of each sentence (and the one after a lead-in such as "just"),
    skipping "RT", @mentions and hashtags; one at a time, since the first imperative is enough."""
    for sentence in draft.sentences:
        words = [
            word.strip("\"'“”«»()[]:,.!?…").lower()
            for word in sentence.text.split(maxsplit=6)[:6]
            if not word.startswith(("@", "#")) and word not in ("RT", "-", "–", "—", "•")
        ]
        words = [word for word in words if word]
        if words:
            yield words[0]
            if words[0] in LEAD_INS and len(words) > 1:
                yield words[1]


def _is_imperative_opener(word: str, language: str) -> bool:
    if language == "fr" and word.endswith("ez") and word not in ("chez", "assez", "nez"):
        return True
    return any(
        word in _imperatives(lexicon_language, name)
        for lexicon_language, name in IMPERATIVE_LEXICONS[language]
    )


IMPERATIVE_LEXICONS = {
    "en": (("en", "imperatives"),),
    "fr": (("fr", "imperatives"), ("fr", "imperatives_tu")),
    "und": (("en", "imperatives"), ("fr", "imperatives"), ("fr", "imperatives_tu")),
}


@cache
def _imperatives(language: str, name: str) -> frozenset[str]:
    return frozenset(fold(entry.term) for entry in load(language, name).entries)


# Words that open a question whether or not it ends with "?": an auxiliary before its subject
# ("Are there any…", "Was Harry's ability…") or a French verb with its subject glued after it
# (« Avez-vous… », « Est-ce que… »); the interrogatives ("why", « pourquoi ») are a lexicon.
ENGLISH_AUXILIARIES = frozenset({"are", "is", "was", "were", "do", "does", "did", "can",
                                 "could", "would", "will", "should", "have", "has", "anyone",
                                 "anybody"})
INVERTED_RE = re.compile(r"[^\W\d_]+-(?:t-)?(?:vous|tu|on|il|elle|ils|elles)|est-ce")


@lru_cache(maxsize=16_384)
def _is_question_opener(word: str, language: str) -> bool:
    if language != "fr" and word in ENGLISH_AUXILIARIES:
        return True
    if language != "en" and INVERTED_RE.fullmatch(word):
        return True
    return any(load(lang, "interrogatives").pattern.match(word) is not None
               for lang in LANGUAGES if language in (lang, "und"))


@per_draft
def opens_a_question(draft: Draft) -> bool:
    """A sentence opens as a question does: "Are there any…", « Avez-vous… », "Why…"."""
    return any(_is_question_opener(word, draft.language) for word in _sentence_openers(draft))


@per_draft
def asks_for_action(draft: Draft) -> bool:
    """A sentence opens with an imperative: "Read this", "Dites-nous", "Essayez"."""
    return any(_is_imperative_opener(word, draft.language) for word in _sentence_openers(draft))


@per_draft
def addresses_reader(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "reader"))
