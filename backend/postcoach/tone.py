"""How a draft sounds: tu or vous, how formal, how much emoji and exclamation."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from .lexicons import load
from .readability import reading_ease
from .text import Draft

# Words ending in -ez that are not second-person plural verb forms.
NOT_VOUS_EZ = frozenset({"chez", "assez", "nez", "rez", "lez", "ez"})
# "le ton de la marque" is a tone, not a possessive.
TON_AS_NOUN_AFTER = frozenset({"le", "un", "ce", "du", "de", "au", "son", "mon", "leur", "même", "quel"})
CLAUSE_OPENERS = set(".!?…:;,\n•-–—(\"«*»")
VOUS_VERB_RE = re.compile(r"^[^\W\d_]{2,}ez(?:-(?:vous|en|nous|le|la|les|moi|y|lui|leur))*$")
TU_HYPHEN_RE = re.compile(r"-(?:toi|tu|t['’]\w*)$")


@dataclass(frozen=True)
class AddressMarks:
    tu: list[tuple[int, int]]
    vous: list[tuple[int, int]]

    @property
    def form(self) -> str:
        if self.tu and self.vous:
            return "mixed"
        if self.tu:
            return "tu"
        if self.vous:
            return "vous"
        return "none"


def _starts_clause(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    while before and not before[-1].isalnum() and before[-1] not in CLAUSE_OPENERS:
        before = before[:-1].rstrip()  # emoji and symbols between clauses
    return not before or before[-1] in CLAUSE_OPENERS


def address_marks(draft: Draft) -> AddressMarks:
    """Where a French draft says tu and where it says vous (code-point spans)."""
    folded = draft.folded
    tu = [m.span() for m in load("fr", "address_tu").finditer(folded)]
    tu = [
        (s, e) for s, e in tu
        if folded[s:e] != "ton" or _previous_word(draft, s) not in TON_AS_NOUN_AFTER
    ]
    tu += [
        m.span() for m in load("fr", "imperatives_tu").finditer(folded)
        if _starts_clause(draft.text, m.start())
    ]
    vous = [m.span() for m in load("fr", "address_vous").finditer(folded)]
    for word in draft.words:
        lower = word.lower
        if TU_HYPHEN_RE.search(lower):
            tu.append((word.start, word.end))
        elif lower not in NOT_VOUS_EZ and VOUS_VERB_RE.match(lower):
            vous.append((word.start, word.end))
    return AddressMarks(sorted(set(tu)), sorted(set(vous)))


def _previous_word(draft: Draft, offset: int) -> str:
    index = bisect_left(draft.word_starts, offset)
    return draft.lower_words[index - 1] if index > 0 else ""


def _hits(draft: Draft, language: str, name: str) -> int:
    return sum(1 for _ in load(language, name).finditer(draft.folded))


class ToneReading:
    """The tone measures of one draft, each computed once."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    @cached_property
    def address(self) -> AddressMarks:
        if self.draft.language != "fr":
            return AddressMarks([], [])
        return address_marks(self.draft)

    @cached_property
    def emoji(self) -> int:
        return len(self.draft.emoji)

    @cached_property
    def exclamations(self) -> int:
        return self.draft.exclamations

    @cached_property
    def hashtags(self) -> int:
        return len(self.draft.hashtags)

    @cached_property
    def reading_ease(self) -> float | None:
        return reading_ease(self.draft.prose, self.draft.language)

    @cached_property
    def formality(self) -> int:
        """0 (chatty) to 100 (institutional), from register words, address and punctuation."""
        draft = self.draft
        if not draft.words:
            return 50
        score = 55.0
        for language in ("fr", "en") if draft.language == "und" else (draft.language,):
            score += 9 * _hits(draft, language, "formal")
            score -= 9 * _hits(draft, language, "informal")
        form = self.address.form
        score += {"vous": 12, "tu": -15, "mixed": -8}.get(form, 0)
        score -= min(4 * self.emoji, 20)
        score -= min(3 * self.exclamations, 15)
        if draft.language == "en":
            contractions = sum(1 for w in draft.lower_words if "'" in w or "’" in w)
            score -= min(3 * contractions, 12)
        mean_length = sum(len(w) for w in draft.lower_words) / len(draft.words)
        score += max(-8.0, min(8.0, (mean_length - 4.6) * 6))
        if draft.text.strip()[:1].islower():
            score -= 5
        return int(round(max(0.0, min(100.0, score))))

    def as_json(self) -> dict:
        return {
            "address_form": self.address.form,
            "formality": self.formality,
            "reading_ease": self.reading_ease,
            "emoji": self.emoji,
            "exclamations": self.exclamations,
            "hashtags": self.hashtags,
        }
