"""Positive signals of a post that invites conversation, shared by the scores and the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicons import load
from .text import Draft, fold

QUESTION_RE = re.compile(r"[^.!?…\n]*\?")


@dataclass(frozen=True)
class Question:
    start: int
    end: int
    open: bool


def _languages(draft: Draft) -> tuple[str, ...]:
    return (draft.language,) if draft.language in ("fr", "en") else ("fr", "en")


def lexicon_hits(draft: Draft, name: str) -> list[tuple[int, int]]:
    return [
        m.span() for language in _languages(draft) for m in load(language, name).finditer(draft.folded)
    ]


def questions(draft: Draft) -> list[Question]:
    found = []
    folded = draft.folded
    interrogatives = [load(lang, "interrogatives") for lang in _languages(draft)]
    for match in QUESTION_RE.finditer(draft.text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        if not folded[start:match.end()].strip(" ?"):
            continue
        clause = folded[start:match.end()]
        is_open = any(lex.pattern.search(clause) for lex in interrogatives)
        found.append(Question(start, match.end(), is_open))
    return found


def invites_sharing(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "invitation"))


def asks_or_suggests(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "request"))


def offers_value(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "useful")) or _has_list(draft)


def _has_list(draft: Draft) -> bool:
    items = re.findall(r"(?m)^\s*(?:\d+[.)]|[-•✅👉▶→*])\s+\S", draft.text)
    return len(items) >= 2


# Words that may stand before an imperative without changing it: "Just try it", "So, tell us".
LEAD_INS = frozenset({"just", "so", "and", "also", "now", "then", "ok", "oh", "maybe", "simply",
                      "alors", "et", "donc", "maintenant", "ensuite", "bref"})


def _sentence_openers(draft: Draft) -> list[str]:
    """The first real word of each sentence (and the one after a lead-in such as "just"),
    skipping "RT", @mentions and hashtags."""
    openers = []
    for sentence in draft.sentences:
        words = [
            word.strip("\"'“”«»()[]:,.!?…").lower()
            for word in sentence.text.split()[:6]
            if not word.startswith(("@", "#")) and word not in ("RT", "-", "–", "—", "•")
        ]
        words = [word for word in words if word]
        if words:
            openers.append(words[0])
            if words[0] in LEAD_INS and len(words) > 1:
                openers.append(words[1])
    return openers


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


def asks_for_action(draft: Draft) -> bool:
    """A sentence opens with an imperative: "Read this", "Dites-nous", "Essayez"."""
    return any(_is_imperative_opener(word, draft.language) for word in _sentence_openers(draft))


def addresses_reader(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "reader"))
