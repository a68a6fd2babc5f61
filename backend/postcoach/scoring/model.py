"""Calibrated models of the scores, fitted by `make train` (backend/tools/train.py).

Each model is a logistic regression over the features of `scoring.features`, stored in
`weights.json` as an intercept and one weight per feature (already divided by the feature's
spread in the training data), so the run time needs no scikit-learn: a score is
100 · sigmoid(intercept + Σ weight · feature).
"""

from __future__ import annotations

from functools import cache

from postcoach.fitted import Model, read

WEIGHTS_FILE = "weights.json"
# A model that also weighs a fitted vocabulary keeps, under this key, its fit without it.
WITHOUT_VOCABULARY = "without_vocabulary"


@cache
def document() -> dict:
    return read(__package__, WEIGHTS_FILE)


@cache
def fitted(name: str, vocabulary: bool = True) -> Model:
    """The score's model; with `vocabulary` false, its fit without the vocabulary feature
    (the same model where it has none)."""
    stored = document()["models"][name]
    if not vocabulary:
        stored = stored.get(WITHOUT_VOCABULARY, stored)
    return Model.stored(name, stored)
