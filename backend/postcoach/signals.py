"""Positive signals of a post that invites conversation, shared by the scores and the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import load
from .text import Draft

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


def addresses_reader(draft: Draft) -> bool:
    return bool(lexicon_hits(draft, "reader"))
