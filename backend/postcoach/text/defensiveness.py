"""How defensive a public reply reads: a model fitted by `make train` (backend/tools/train.py)
and kept in defensive.json beside this module.

The defensive patterns (text/patterns/<lang>/defensive.tsv) name the moves they know; a reply
can be defensive in words no pattern lists. This model weighs what each word of the reply is —
its forms and word classes, and the classes that follow the word before — with weights fitted
on the labelled replies of tests/data/conflict and on real customer-care answers, which are
negatives. Classes are shared by French and English, so what one language teaches the other
reads too. The threshold is chosen by the fit so that few empathetic replies of a written set
the fit did not see are flagged. A reply past it gets the hint on its most defensive sentence:
the rule still shows where.
"""

from __future__ import annotations

from functools import cache

from postcoach.fitted import Model, read
from postcoach.text.draft import Draft
from postcoach.text.patterns import draft_view
from postcoach.text.tokens import languages_for

WEIGHTS_FILE = "defensive.json"
# What a token says: its forms ("f:") and its classes ("c:").
WORD_KEY_PREFIXES = ("f:", "c:")


def features(draft: Draft, start: int = 0, end: int | None = None) -> dict[str, float]:
    """The reply's features (of the tokens within [start, end) only, when given): each form
    and class it has, and each pair (what the previous token is, a class of this one)."""
    found: dict[str, float] = {}
    stop = len(draft.text) if end is None else end
    for language in languages_for(draft.language):
        view = draft_view(draft, language)
        previous: list[str] | None = None
        for token, keys in zip(view.tokens, view.keys, strict=True):
            if not start <= token.start < stop:
                continue
            classes = []
            for key in keys:
                if key.startswith(WORD_KEY_PREFIXES):
                    found[key] = 1.0
                    if key.startswith("c:"):
                        classes.append(key)
            if previous:
                for before in previous:
                    for after in classes:
                        found[f"{before}+{after}"] = 1.0
            # A word without a class is known by its exact form ("x:").
            previous = classes or [key for key in keys if key.startswith("x:")][:1]
    return found


@cache
def _stored() -> dict:
    return read(__package__, WEIGHTS_FILE)


@cache
def model() -> Model:
    return Model.stored("defensive", _stored())


def threshold() -> float:
    return float(_stored()["threshold"])


def probability(draft: Draft) -> float:
    return model().probability(features(draft))


def judge(draft: Draft) -> tuple[int, int, float] | None:
    """(start, end) of the reply's most defensive sentence and the reply's probability of
    being defensive, when it is past the threshold; None otherwise."""
    if not draft.word_count:
        return None
    chance = probability(draft)
    if chance < threshold():
        return None
    start, end = max(((sentence.start, sentence.end) for sentence in draft.sentences),
                     key=lambda span: model().probability(features(draft, *span)))
    return start, end, chance
