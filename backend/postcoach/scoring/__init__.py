"""From findings and signals to the three scores (integers 0–100)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from postcoach.brand import voice
from postcoach.rules.base import Context, Finding, Rule
from postcoach.text import signals
from postcoach.text.draft import Draft

Scored = Iterable[tuple[Rule, Finding]]


def _weighted(findings: Scored) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    amplified: dict[str, float] = defaultdict(float)
    for rule, finding in findings:
        for score, weight in rule.weights.items():
            (amplified if rule.amplifier else totals)[score] += weight * finding.strength
    for score, extra in amplified.items():
        if totals[score]:
            totals[score] += extra
    return totals


def _clamp(value: float) -> int:
    return round(max(0.0, min(100.0, value)))


# Signals too ambiguous for a hint ("free", "win", a link) still tilt the score a little.
WEAK_COMMERCIAL_WEIGHT = 0.1


def salesiness(draft: Draft, totals: dict[str, float]) -> int:
    weak = len(signals.lexicon_hits(draft, "promo_words")) + min(len(draft.urls), 2)
    raw = totals["salesiness"] + WEAK_COMMERCIAL_WEIGHT * weak
    # Saturating: the first hard-sell words weigh most; a tenth price adds little.
    return _clamp(100 * (1 - math.exp(-max(0.0, raw))))


def interaction_value(draft: Draft, totals: dict[str, float]) -> int:
    if not draft.word_count:
        return 0
    value = 20.0
    asked = signals.questions(draft)
    if any(q.open for q in asked):
        value += 40
    elif asked:
        value += 25
    if signals.invites_sharing(draft):
        value += 25
    if signals.asks_or_suggests(draft):
        value += 20
    if signals.asks_for_action(draft):
        value += 15
    if signals.offers_value(draft):
        value += 10
    if signals.addresses_reader(draft):
        value += 5
    # Negative weights from bait, hard sell and empty posts.
    value += 100 * totals["interaction_value"]
    return _clamp(value)


def tone_consistency(draft: Draft, context: Context, totals: dict[str, float]) -> int:
    """How typical of the brand's learned voice (100 without one), less each tone deviation."""
    typical = voice.typicality(draft, context)
    return _clamp((100 if typical is None else typical) + 100 * totals["tone_consistency"])


def compute(draft: Draft, context: Context, findings: Scored) -> dict[str, int]:
    totals = _weighted(findings)
    return {
        "salesiness": salesiness(draft, totals),
        "interaction_value": interaction_value(draft, totals),
        "tone_consistency": tone_consistency(draft, context, totals),
    }
