"""Fit the salesiness and interaction-value models on the labelled dev data (`make train`).

Each score is a logistic regression over the engine's own features (scoring/features.py),
fitted with balanced labels so that 50 is the boundary between them and with the rules' signs
fixed (a sales hint never lowers salesiness), and written to
backend/postcoach/scoring/weights.json with its cross-validated AUC per data set. The fit is
deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from datasets import TRAINING, Sample
from scipy.optimize import minimize
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from postcoach.engine import findings_of
from postcoach.scoring import model as model_module
from postcoach.scoring.features import extract

WEIGHTS = Path(model_module.__file__).with_name(model_module.WEIGHTS_FILE)
FOLDS = 5
# Inverse regularisation strength: weak enough to keep rare but telling rules.
C = 1.0
# A hint explains the score it moves, so a rule may only move a score its way: a sales hint
# never lowers salesiness, a bait hint never raises interaction value.
SIGNS = {
    "salesiness": {"rule.salesiness.": 1},
    "interaction_value": {"rule.salesiness.": -1, "rule.engagement_bait.": -1,
                          "rule.interaction.": -1},
}


def feature_rows(samples: list[Sample]) -> list[dict[str, float]]:
    rows = []
    for sample in samples:
        draft, findings = findings_of(sample.text)
        rows.append(extract(draft, findings))
    return rows


def matrix(rows: list[dict[str, float]], names: list[str]) -> list[list[float]]:
    return [[row.get(name, 0.0) for name in names] for row in rows]


def standardise(table: list[list[float]]) -> tuple[list[float], list[float]]:
    columns = list(zip(*table, strict=True))
    means = [sum(column) / len(column) for column in columns]
    spreads = [max((sum((v - m) ** 2 for v in column) / len(column)) ** 0.5, 1e-9)
               for column, m in zip(columns, means, strict=True)]
    return means, spreads


def sample_weights(samples: list[Sample], source_weights: dict[str, float]) -> list[float]:
    """Every (source, label) group weighs the same, times its source's weight."""
    groups = Counter((s.source, s.label) for s in samples)
    scale = len(samples) / len(groups)
    return [source_weights[s.source] * scale / groups[(s.source, s.label)] for s in samples]


def _bounds(names: list[str], signs: dict[str, int]) -> list[tuple[float | None, float | None]]:
    bounds = []
    for name in names:
        sign = next((s for prefix, s in signs.items() if name.startswith(prefix)), 0)
        bounds.append((0.0, None) if sign > 0 else (None, 0.0) if sign < 0 else (None, None))
    return [*bounds, (None, None)]  # the intercept is free


def _logistic_fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray,
                  bounds: list[tuple[float | None, float | None]]) -> np.ndarray:
    """L2-regularised logistic regression with sign bounds (L-BFGS-B): coefficients, then
    the intercept."""
    weights = weights / weights.sum() * len(y)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        coefficients, intercept = theta[:-1], theta[-1]
        z = x @ coefficients + intercept
        # log(1 + e^z) - y z, computed without overflow
        value = np.sum(weights * (np.logaddexp(0.0, z) - y * z))
        value += coefficients @ coefficients / (2 * C)
        residual = weights * (1.0 / (1.0 + np.exp(-z)) - y)
        gradient = np.append(x.T @ residual + coefficients / C, residual.sum())
        return value, gradient

    start = np.zeros(x.shape[1] + 1)
    return minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds,
                    options={"maxiter": 5000}).x


def fit(rows: list[dict[str, float]], labels: list[int], weights: list[float],
        signs: dict[str, int] | None = None) -> dict:
    """A model as weights.json keeps it: intercept and weights on the raw features."""
    names = sorted({name for row in rows for name in row})
    table = matrix(rows, names)
    means, spreads = standardise(table)
    scaled = np.array([[(v - m) / s for v, m, s in zip(row, means, spreads, strict=True)]
                       for row in table])
    theta = _logistic_fit(scaled, np.array(labels, dtype=float), np.array(weights),
                          _bounds(names, signs or {}))
    weights = {name: float(w / s) for name, w, s in zip(names, theta[:-1], spreads, strict=True)}
    intercept = float(theta[-1] - sum(w * m for w, m in zip(weights.values(), means,
                                                               strict=True)))
    return {"intercept": round(intercept, 6),
            "weights": {name: round(w, 6) for name, w in weights.items() if abs(w) > 1e-6}}


def predict(fitted: dict, rows: list[dict[str, float]]) -> list[float]:
    model = model_module.Model("cv", fitted["intercept"], fitted["weights"])
    return [model.probability(row) for row in rows]


def cross_validated(samples: list[Sample], rows: list[dict[str, float]],
                    source_weights: dict[str, float],
                    signs: dict[str, int] | None = None) -> dict[str, float]:
    """AUC per source of out-of-fold predictions (stratified by source and label)."""
    strata = [f"{s.source}:{s.label}" for s in samples]
    weights = sample_weights(samples, source_weights)
    predictions = [0.0] * len(samples)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(rows, strata):
        fitted = fit([rows[i] for i in train], [samples[i].label for i in train],
                     [weights[i] for i in train], signs)
        for i, p in zip(test, predict(fitted, [rows[i] for i in test]), strict=True):
            predictions[i] = p
    by_source = defaultdict(list)
    for sample, p in zip(samples, predictions, strict=True):
        by_source[sample.source].append((sample.label, p))
    return {source: round(float(roc_auc_score([y for y, _ in pairs], [p for _, p in pairs])), 4)
            for source, pairs in sorted(by_source.items())}


def training_set(score: str) -> tuple[list[Sample], dict[str, float]]:
    """The samples a score learns from, and the weight of each source."""
    samples, weights = [], {}
    for load, weight in TRAINING[score]:
        loaded = load()
        samples += loaded
        weights.update({source: weight for source in {s.source for s in loaded}})
    return samples, weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    document = {"about": __doc__.split("\n\n")[1].replace("\n", " "), "models": {}}
    for score in TRAINING:
        samples, source_weights = training_set(score)
        rows = feature_rows(samples)
        labels = [sample.label for sample in samples]
        fitted = fit(rows, labels, sample_weights(samples, source_weights), SIGNS[score])
        fitted["trained_on"] = {source: {"samples": sum(s.source == source for s in samples),
                                         "weight": source_weights[source]}
                                for source in sorted(source_weights)}
        fitted["cross_validated_auc"] = cross_validated(samples, rows, source_weights,
                                                        SIGNS[score])
        document["models"][score] = fitted
        print(f"{score}: {len(fitted['weights'])} weights, {len(samples)} samples, "
              f"{FOLDS}-fold AUC {fitted['cross_validated_auc']}")
    WEIGHTS.write_text(json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                       encoding="utf-8")
    print(f"written {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
