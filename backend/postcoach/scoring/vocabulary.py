"""The words of a score's training data, each with the evidence it carries, fitted by
`make train` (backend/tools/train.py).

Word classes say what a sale sounds like in general; the fitted vocabulary adds what the
labelled posts say about thousands of other words ("apartments", "kit", "webinar"), the way a
spam filter's token table does. Each word that is in at least a handful of training posts
keeps its smoothed log-odds; a draft's evidence is their sum over its distinct known words,
divided by the square root of their number so that a long post does not win by length. A
draft in a language without a fitted vocabulary has no such feature, and is scored by the model
fitted without it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import cache

from postcoach.scoring.model import document
from postcoach.text.draft import Draft
from postcoach.text.tokens import languages_for

FEATURE = "vocabulary"


def words_of(draft: Draft) -> frozenset[str]:
    """The draft's distinct words that a vocabulary may list: letters only, two or more."""
    return frozenset(word for word in draft.word_set if len(word) > 1 and word.isalpha())


def evidence(words: Iterable[str], table: Mapping[str, float]) -> float:
    known = [table[word] for word in words if word in table]
    return sum(known) / math.sqrt(len(known)) if known else 0.0


@cache
def table(score: str, language: str) -> dict[str, float]:
    return document().get("vocabularies", {}).get(score, {}).get(language, {})


def features(draft: Draft, score: str) -> dict[str, float]:
    """The vocabulary feature of one score's model, from the tables of the draft's language
    (both when it is "und"); none when no table covers the language."""
    tables = [found for language in languages_for(draft.language)
              if (found := table(score, language))]
    if not tables:
        return {}
    words = words_of(draft)
    return {FEATURE: sum(evidence(words, found) for found in tables)}
