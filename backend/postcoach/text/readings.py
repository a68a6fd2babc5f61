"""Readings of a draft fitted by `make train` (backend/tools/train.py): how defensive a reply
reads, how much a post baits. Each is kept in <name>.json beside this module.

Patterns (text/patterns) name the forms they know; a draft can be defensive or bait in words no
pattern lists. A reading weighs what each word of the draft is — its forms and word classes —
and what follows what (classes, kinds, punctuation) with weights fitted on the labelled drafts of
tests/data and on real text that is neither (customer-care answers, tweets). Classes are shared
by French and English, so what one language teaches the other reads too. The threshold is
chosen by the fit so that few negatives of a written set the fit did not see are flagged; a
draft past it is judged on its sentence that reads most so, and a reading with kinds (bait:
react, comment, share, tag, vote, contest) also says which.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import chain

from postcoach.fitted import Model, read
from postcoach.text.draft import Draft
from postcoach.text.patterns import draft_view
from postcoach.text.tokens import HASHWORD, languages_for

# What a token says by itself: its forms ("f:") and its classes ("c:").
WORD_KEY_PREFIXES = ("f:", "c:")
# What it says beside its neighbour: also its kind ("k:": an emoji, a keyword, a number, a
# sentence end…) and its punctuation mark ("m:"). Alone, an emoji or a "!" says more about a
# writer's style than about bait (fresh posts full of emoji read as bait when they counted);
# an emoji after a comment verb says "Drop a 🔥". Every word is of the kind word: that says
# nothing.
NEIGHBOUR_PREFIXES = ("c:", "k:", "m:")
PLAIN_WORD = "k:word"
# Distinct (neighbour, token) keys whose description is remembered.
DESCRIPTION_CACHE_SIZE = 200_000

Names = tuple[str, ...]
_described: dict[tuple[Names, frozenset[str]], tuple[Names, Names]] = {}


def _describe(before: Names, keys: frozenset[str]) -> tuple[Names, Names]:
    """A token's features after a token that is `before` — its forms and classes, and each pair
    (before, a class, kind or mark of this one) — and what it is to the token after it (its
    classes, kind and mark, else its exact form "x:"); remembered, as words and their
    neighbours repeat."""
    found = _described.get((before, keys))
    if found is None:
        if len(_described) > DESCRIPTION_CACHE_SIZE:
            _described.clear()
        names = tuple(sorted(key for key in keys if key.startswith(WORD_KEY_PREFIXES)))
        neighbour = tuple(sorted(key for key in keys
                                 if key.startswith(NEIGHBOUR_PREFIXES) and key != PLAIN_WORD))
        pairs = tuple(f"{one}+{other}" for one in before for other in neighbour)
        after = neighbour or tuple(sorted(key for key in keys if key.startswith("x:")))[:1]
        found = _described[before, keys] = ((*names, *pairs), after)
    return found


def token_features(draft: Draft) -> list[tuple[int, Names]]:
    """(start, features) of each token of the draft: its forms and classes, and each pair (what
    the previous token is, a class of this one). Made once per draft. The words glued in a
    hashtag are the patterns' to read: as features, they made the fitted readings worse on the
    sets left out of their fit."""
    found = draft.memo.get("token features")
    if found is None:
        found = draft.memo["token features"] = []
        described = _described
        for language in languages_for(draft.language):
            view = draft_view(draft, language)
            before: Names = ()
            for token, keys in zip(view.tokens, view.keys, strict=True):
                if token.kind == HASHWORD:
                    continue
                names, before = described.get((before, keys)) or _describe(before, keys)
                found.append((token.start, names))
    return found


def present(draft: Draft) -> set[str]:
    """The draft's features: every feature of one of its tokens."""
    return set(chain.from_iterable(names for _, names in token_features(draft)))


def features(draft: Draft) -> dict[str, float]:
    """The draft's features as a fit reads them: each present one is 1."""
    return dict.fromkeys(present(draft), 1.0)


@dataclass(frozen=True)
class Judgement:
    start: int
    end: int
    chance: float
    kind: str | None = None


@dataclass(frozen=True)
class Reader:
    name: str
    model: Model
    threshold: float
    # One model per kind; the kind read is the one whose model is surest.
    kinds: tuple[Model, ...] = ()

    @classmethod
    def stored(cls, name: str) -> Reader:
        stored = read(__package__, f"{name}.json")
        return cls(name, Model.stored(name, stored), float(stored["threshold"]),
                   tuple(Model.stored(kind, model)
                         for kind, model in sorted(stored.get("kinds", {}).items())))

    def judge(self, draft: Draft) -> Judgement | None:
        """The draft's sentence that reads most so, when the whole draft is past the
        threshold; None otherwise. Judged once per draft."""
        key = ("reading", self.name)
        if key not in draft.memo:
            draft.memo[key] = self._judge(draft)
        return draft.memo[key]  # type: ignore[return-value]

    def _judge(self, draft: Draft) -> Judgement | None:
        if not draft.word_count:
            return None
        found = present(draft)
        chance = self.model.probability_of(found)
        if chance < self.threshold:
            return None
        sentences = draft.sentences
        starts = [sentence.start for sentence in sentences]
        within: list[set[str]] = [set() for _ in sentences]
        for start, names in token_features(draft):
            index = bisect_right(starts, start) - 1
            if index >= 0 and start < sentences[index].end:
                within[index].update(names)
        best = max(range(len(sentences)),
                   key=lambda index: self.model.probability_of(within[index]))
        start, end = sentences[best].start, sentences[best].end
        kind = max(self.kinds, key=lambda model: model.probability_of(found)).name \
            if self.kinds else None
        return Judgement(start, end, chance, kind)


@cache
def reader(name: str) -> Reader:
    return Reader.stored(name)
