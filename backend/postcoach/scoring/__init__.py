"""From findings and signals to the three scores (integers 0–100).

Salesiness and interaction value are fitted models over the draft's features (see
`scoring.model`); tone consistency is the brand voice's typicality less each tone deviation.
"""

from __future__ import annotations

from collections.abc import Iterable

from postcoach.brand import voice
from postcoach.rules.base import Context, Finding, Rule
from postcoach.scoring import features, vocabulary
from postcoach.scoring.model import fitted
from postcoach.text.draft import Draft

Scored = Iterable[tuple[Rule, Finding]]


def _clamp(value: float) -> int:
    return round(max(0.0, min(100.0, value)))


def tone_consistency(draft: Draft, context: Context, findings: Scored) -> int:
    """How typical of the brand's learned voice (100 without one), less each tone deviation."""
    typical = voice.typicality(draft, context)
    deviation = sum(rule.weights.get("tone_consistency", 0.0) * finding.strength
                    for rule, finding in findings)
    return _clamp((100 if typical is None else typical) + 100 * deviation)


def compute(draft: Draft, context: Context, findings: Scored) -> dict[str, int]:
    findings = list(findings)
    if not draft.word_count and not draft.emoji:
        # Nothing written: nothing sold, nothing asked.
        return {"salesiness": 0, "interaction_value": 0,
                "tone_consistency": tone_consistency(draft, context, findings)}
    found = features.extract(draft, findings)

    def probability(score: str) -> float:
        learned = vocabulary.features(draft, score)
        return fitted(score, vocabulary=bool(learned)).probability({**found, **learned})

    return {
        "salesiness": _clamp(100 * probability("salesiness")),
        "interaction_value": _clamp(100 * probability("interaction_value")),
        "tone_consistency": tone_consistency(draft, context, findings),
    }
