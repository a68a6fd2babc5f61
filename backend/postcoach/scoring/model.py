"""Calibrated models of the scores, fitted by `make train` (backend/tools/train.py).

Each model is a logistic regression over the features of `scoring.features`, stored in
`weights.json` as an intercept and one weight per feature (already divided by the feature's
spread in the training data), so the run time needs no scikit-learn: a score is
100 · sigmoid(intercept + Σ weight · feature).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

WEIGHTS_FILE = "weights.json"
# A model that also weighs a fitted vocabulary keeps, under this key, its fit without it.
WITHOUT_VOCABULARY = "without_vocabulary"


@dataclass(frozen=True)
class Model:
    name: str
    intercept: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        weights = self.weights
        z = self.intercept + sum(value * weights[name] for name, value in features.items()
                                 if name in weights)
        # math.exp overflows past ±709; the probability is 0 or 1 long before.
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def contributions(self, features: dict[str, float]) -> dict[str, float]:
        """How much each feature moved the score's log-odds (for reports and debugging)."""
        return {name: value * self.weights[name] for name, value in features.items()
                if self.weights.get(name) and value}


@cache
def document() -> dict:
    source = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return json.loads(source)


@cache
def fitted(name: str, vocabulary: bool = True) -> Model:
    """The score's model; with `vocabulary` false, its fit without the vocabulary feature
    (the same model where it has none)."""
    stored = document()["models"][name]
    if not vocabulary:
        stored = stored.get(WITHOUT_VOCABULARY, stored)
    return Model(name, float(stored["intercept"]),
                 {feature: float(weight) for feature, weight in stored["weights"].items()})
