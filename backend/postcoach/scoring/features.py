"""What the engine found in a draft, as numbers a fitted model weighs.

The features are the same in French and English: each language reaches them through its own
lexicons and patterns (a French "achetez" and an English "buy" both count as `class.commerce`),
so weights fitted on English data carry over to French drafts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from postcoach.text import signals
from postcoach.text.draft import Draft
from postcoach.text.patterns import class_counts
from postcoach.text.tokens import NUMBER_RE

if TYPE_CHECKING:
    from postcoach.rules.base import Finding, Rule

# Families whose findings describe the draft itself; tone and platform findings depend on the
# brand profile and the network, which the labelled data does not have.
SCORED_FAMILIES = frozenset({"salesiness", "engagement_bait", "interaction", "credibility"})
# Word classes that tell a sale from information (lexicons/<lang>/classes/).
TOPIC_CLASSES = ("commerce", "goods", "appeal", "offer", "cause", "civic", "health", "knowledge",
                 "advice", "asking")
# Lexicons that no rule reports by itself (hard sell, promotions and urgency are rules).
LEXICON_COUNTS = ("self", "reader", "promo_words", "useful", "invitation", "request")


def _log(count: float) -> float:
    return math.log1p(count)


def extract(draft: Draft, findings: Iterable[tuple[Rule, Finding]]) -> dict[str, float]:
    """The draft's features by name; absent names are 0."""
    features: dict[str, float] = {}
    for rule, finding in findings:
        if rule.family in SCORED_FAMILIES:
            name = f"rule.{rule.id}"
            features[name] = features.get(name, 0.0) + finding.strength
    features = {name: _log(total) for name, total in features.items()}

    features["words"] = _log(draft.word_count)
    for name, count in class_counts(draft, TOPIC_CLASSES).items():
        features[f"class.{name}"] = _log(count)
    for name in LEXICON_COUNTS:
        features[f"lexicon.{name}"] = _log(len(signals.lexicon_hits(draft, name)))
    features["numbers"] = _log(len(NUMBER_RE.findall(draft.text)))
    features["percent"] = _log(draft.text.count("%"))
    features["currency"] = _log(sum(draft.text.count(sign) for sign in "€$£"))
    features["links"] = _log(len(draft.urls))
    features["hashtags"] = _log(len(draft.hashtags))
    features["mentions"] = _log(len(draft.mentions))
    features["emoji"] = _log(len(draft.emoji))
    features["exclamations"] = _log(draft.exclamations)
    features["capitals"] = draft.capitals_share
    asked = signals.questions(draft)
    features["questions"] = _log(len(asked))
    features["question_mark"] = float("?" in draft.text)
    features["open_questions"] = _log(sum(question.open for question in asked))
    features["imperative"] = float(signals.asks_for_action(draft))
    features["question_opener"] = float(signals.opens_a_question(draft))
    features["list"] = float(signals.offers_value(draft))
    return features
