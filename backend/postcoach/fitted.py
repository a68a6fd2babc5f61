"""Logistic models fitted by `make train` (backend/tools/train.py), read from data files.

A model is an intercept and one weight per feature, so the run time needs no scikit-learn: its
probability is sigmoid(intercept + Σ weight · feature). The scores (scoring/) and the readings of
bait and defensive replies (text/readings.py) are such models.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import repeat


def read(package: str, name: str) -> dict:
    """A data file of fitted weights shipped in `package`."""
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def _sigmoid(z: float) -> float:
    # math.exp overflows past ±709; the probability is 0 or 1 long before.
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class Model:
    name: str
    intercept: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        weights = self.weights
        return _sigmoid(self.intercept + sum(value * weights[name]
                                             for name, value in features.items()
                                             if name in weights))

    def probability_of(self, present: Iterable[str]) -> float:
        """The probability for binary features: those named are 1, the others 0."""
        return _sigmoid(self.intercept + sum(map(self.weights.get, present, repeat(0.0))))

    def contributions(self, features: dict[str, float]) -> dict[str, float]:
        """How much each feature moved the score's log-odds (for reports and debugging)."""
        return {name: value * self.weights[name] for name, value in features.items()
                if self.weights.get(name) and value}

    @classmethod
    def stored(cls, name: str, stored: dict) -> Model:
        """The model as a weights file keeps it: {"intercept", "weights"}."""
        return cls(name, float(stored["intercept"]),
                   {feature: float(weight) for feature, weight in stored["weights"].items()})
