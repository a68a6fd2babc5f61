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
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasets import REGISTERS, TEST_DATA, TRAINING, Sample, brand_turns, labelled_tsv, tweets
from scipy.optimize import minimize
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from postcoach.engine import findings_of, read
from postcoach.fitted import Model
from postcoach.scoring import model as model_module
from postcoach.scoring import vocabulary
from postcoach.scoring.features import extract
from postcoach.text import readings
from postcoach.text.draft import Draft

WEIGHTS = Path(model_module.__file__).with_name(model_module.WEIGHTS_FILE)
FOLDS = 5
# Inverse regularisation strength: weak enough to keep rare but telling rules.
C = 1.0
# A hint explains the score it moves, so a rule may only move a score its way: a sales hint
# never lowers salesiness, a bait hint never raises interaction value. And a bait hint never
# raises salesiness: fitted freely, the vote hint (rare in ads) took a weight of 10 and put "Tu
# préfères les crêpes pliées ou roulées ?" at salesiness 100, explained by a poll.
SIGNS = {
    "salesiness": {"rule.salesiness.": 1, "rule.engagement_bait.": -1},
    "interaction_value": {"rule.salesiness.": -1, "rule.engagement_bait.": -1,
                          "rule.interaction.": -1},
}


# The scores whose training texts also teach them a vocabulary, and the language of those
# texts. Interaction value learns none: its data (tweets, bait) is about acts, not topics.
# Salesiness learns from the SMS spam too: without it, SMS spam falls below its target.
VOCABULARY_LANGUAGE = {"salesiness": "en"}
# A word must be in this many training posts to carry evidence: a rarer one names a post.
MIN_POSTS = 5
SMOOTHING = 1.0


def score_words(score: str, samples: list[Sample]) -> list[frozenset[str]] | None:
    """Each sample's words, when the score learns a vocabulary."""
    if score not in VOCABULARY_LANGUAGE:
        return None
    return [vocabulary.words_of(Draft(sample.text)) for sample in samples]


def learn_vocabulary(words: list[frozenset[str]], labels: list[int],
                     weights: list[float]) -> dict[str, float]:
    """Each word's smoothed log-odds of the positive label, weighing samples as the fit does."""
    posts: Counter[str] = Counter()
    mass = {0: Counter(), 1: Counter()}
    totals = {0: 0.0, 1: 0.0}
    for found, label, weight in zip(words, labels, weights, strict=True):
        posts.update(found)
        mass[label].update(dict.fromkeys(found, weight))
        totals[label] += weight
    odds = {}
    for word, count in posts.items():
        if count >= MIN_POSTS:
            positive = (mass[1][word] + SMOOTHING) / (totals[1] + 2 * SMOOTHING)
            negative = (mass[0][word] + SMOOTHING) / (totals[0] + 2 * SMOOTHING)
            odds[word] = round(math.log(positive / negative), 4)
    return dict(sorted(odds.items()))


def _out_of_fold_evidence(words: list[frozenset[str]], labels: list[int],
                          weights: list[float], strata: list[str],
                          indices: list[int]) -> dict[int, float]:
    """Each sample's vocabulary evidence from a vocabulary learned without it, so the model
    weighs the feature as it will behave on unseen posts."""
    values = {}
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=1)
    for learn, apply in folds.split(indices, [strata[i] for i in indices]):
        chosen = [indices[j] for j in learn]
        table = learn_vocabulary([words[i] for i in chosen], [labels[i] for i in chosen],
                                 [weights[i] for i in chosen])
        for j in apply:
            values[indices[j]] = vocabulary.evidence(words[indices[j]], table)
    return values


def with_evidence(rows: list[dict[str, float]], values: dict[int, float]
                  ) -> list[dict[str, float]]:
    return [{**rows[i], vocabulary.FEATURE: values[i]} for i in sorted(values)]


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
    model = Model.stored("cv", fitted)
    return [model.probability(row) for row in rows]


def cross_validated(samples: list[Sample], rows: list[dict[str, float]],
                    source_weights: dict[str, float],
                    signs: dict[str, int] | None = None,
                    words: list[frozenset[str]] | None = None) -> dict[str, float]:
    """AUC per source of out-of-fold predictions (stratified by source and label). With
    `words`, each fold learns its vocabulary from its own training part only."""
    strata = [f"{s.source}:{s.label}" for s in samples]
    weights = sample_weights(samples, source_weights)
    labels = [s.label for s in samples]
    predictions = [0.0] * len(samples)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(rows, strata):
        train_rows, test_rows = [rows[i] for i in train], [rows[i] for i in test]
        if words is not None:
            train_rows = with_evidence(rows, _out_of_fold_evidence(words, labels, weights,
                                                                   strata, list(train)))
            table = learn_vocabulary([words[i] for i in train], [labels[i] for i in train],
                                     [weights[i] for i in train])
            test_rows = with_evidence(rows, {i: vocabulary.evidence(words[i], table)
                                             for i in test})
        fitted = fit(train_rows, [labels[i] for i in sorted(train)],
                     [weights[i] for i in sorted(train)], signs)
        for i, p in zip(sorted(test), predict(fitted, test_rows), strict=True):
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


# The readings (text/readings.py): their regularisation, the texts a feature must be in to be
# kept, and the false alarms a threshold may cost on what the fit did not see — negatives of a
# written set left out of it, and real text (customer-care answers, tweets) that is nearly all
# neither defensive nor bait.
READING_C = 0.5
READING_MIN_TEXTS = 3
READING_ALARMS = {"defensive": {"written": 0.03, "real": 0.01},
                  "bait": {"written": 0.01, "real": 0.005}}
REAL_FOLDS = 5
# Thresholds are tried in steps of 1/1000: near 1, a step of 0.01 moves a reading's recall by
# several points.
THRESHOLD_STEPS = 1000
BAIT_KINDS = ("comment", "contest", "react", "share", "tag", "vote")
WRITTEN, REAL = "written", "real"


@dataclass(frozen=True)
class Labelled:
    text: str
    label: int
    group: str  # a written set's name, or "<real source> <fold>"
    source: str  # WRITTEN or REAL
    kind: str = ""


def reading_samples(name: str) -> list[Labelled]:
    """The labelled texts of a reading: every written set but the held-out ones, and real text
    as negatives in a few groups; a group is left out of the fit at once."""
    folder, positive, real_name, real = {
        "defensive": ("conflict", "defensive", "agent turns",
                      lambda: [text for texts in brand_turns().values() for text in texts]),
        "bait": ("bait", "bait", "tweets", lambda: [text for text, _ in tweets()]),
    }[name]
    samples = [Labelled(row["text"], int(row["label"] == positive), path.stem, WRITTEN,
                        row.get("kind", ""))
               for path in sorted((TEST_DATA / folder).glob("dev*.tsv"))
               for row in labelled_tsv(path)]
    # A set written to cover a register rather than to stand for a new writer is left out a
    # fold at a time, like real text: left out whole, replies that say little ("Thanks!") are
    # unlike anything else in the fit, and the threshold would be set for that alone.
    for register in REGISTERS:
        path = TEST_DATA / folder / f"{register}.tsv"
        if path.exists():
            samples += [Labelled(row["text"], int(row["label"] == positive),
                                 f"{register} {number % REAL_FOLDS}", WRITTEN)
                        for number, row in enumerate(labelled_tsv(path))]
    samples += [Labelled(text, 0, f"{real_name} {number % REAL_FOLDS}", REAL)
                for number, text in enumerate(real())]
    return samples


def _reading_fit(rows: list[dict[str, float]], labels: list[int] | list[str]
                 ) -> tuple[DictVectorizer, LogisticRegression]:
    texts_with: Counter[str] = Counter(name for row in rows for name in row)
    kept = [{name: value for name, value in row.items()
             if texts_with[name] >= READING_MIN_TEXTS} for row in rows]
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=READING_C, class_weight="balanced", max_iter=5000)
    model.fit(vectorizer.fit_transform(kept), labels)
    return vectorizer, model


def _stored(vectorizer: DictVectorizer, intercept: float, coefficients) -> dict:
    return {"intercept": round(float(intercept), 4), "weights": dict(sorted(
        (name, round(float(weight), 4)) for name, weight
        in zip(vectorizer.get_feature_names_out(), coefficients, strict=True)
        if abs(weight) >= 1e-4))}


def fit_reading(name: str) -> dict:
    """A reading's model, its threshold, what each left-out group says of it, and (bait) one
    model per kind."""
    samples = reading_samples(name)
    rows = [readings.features(read(sample.text)) for sample in samples]
    labels = [sample.label for sample in samples]
    groups = [sample.group for sample in samples]
    sources = [sample.source for sample in samples]
    left_out = [0.0] * len(samples)
    for group in sorted(set(groups)):
        inside = [i for i, g in enumerate(groups) if g != group]
        vectorizer, model = _reading_fit([rows[i] for i in inside], [labels[i] for i in inside])
        outside = [i for i, g in enumerate(groups) if g == group]
        chances = model.predict_proba(vectorizer.transform([rows[i] for i in outside]))[:, 1]
        for i, chance in zip(outside, chances, strict=True):
            left_out[i] = float(chance)

    def alarms(threshold: float, source: str) -> float:
        negatives = [chance for chance, label, where in zip(left_out, labels, sources, strict=True)
                     if not label and where == source]
        return sum(chance >= threshold for chance in negatives) / len(negatives)

    threshold = next(step / THRESHOLD_STEPS for step in range(THRESHOLD_STEPS // 2,
                                                               THRESHOLD_STEPS)
                     if all(alarms(step / THRESHOLD_STEPS, source) <= limit
                            for source, limit in READING_ALARMS[name].items()))
    figures = {}
    # A register's folds are reported together, under the set's name.
    written = sorted({sample.group.split()[0] for sample in samples if sample.source == WRITTEN})
    for group in [*written, WRITTEN, REAL]:
        chosen = [(chance >= threshold, label) for chance, label, sample
                  in zip(left_out, labels, samples, strict=True)
                  if group in (sample.group.split()[0], sample.source)]
        positives = [hit for hit, label in chosen if label]
        negatives = [hit for hit, label in chosen if not label]
        figures[group] = {
            "recall": round(sum(positives) / len(positives), 4) if positives else None,
            "false_alarms": round(sum(negatives) / len(negatives), 4)}
    vectorizer, model = _reading_fit(rows, labels)
    fitted = {**_stored(vectorizer, model.intercept_[0], model.coef_[0]),
              "threshold": threshold, "left_out": figures,
              "trained_on": {source: sources.count(source) for source in (WRITTEN, REAL)}}
    if name == "bait":
        kinded = [i for i, sample in enumerate(samples)
                  if sample.label and sample.kind in BAIT_KINDS]
        # Which kind of bait: one weight vector per kind of a multinomial fit; the kind read is
        # the one whose model is surest.
        vectorizer, model = _reading_fit([rows[i] for i in kinded],
                                         [samples[i].kind for i in kinded])
        fitted["kinds"] = {kind: _stored(vectorizer, intercept, coefficients)
                           for kind, intercept, coefficients
                           in zip(model.classes_, model.intercept_, model.coef_, strict=True)}
    return fitted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    document = {"about": __doc__.split("\n\n")[1].replace("\n", " "), "models": {}}
    # The readings first: the rules that the scores weigh use them.
    for name in READING_ALARMS:
        fitted = fit_reading(name)
        path = Path(readings.__file__).with_name(f"{name}.json")
        path.write_text(json.dumps(fitted, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                        encoding="utf-8")
        readings.reader.cache_clear()
        print(f"{name} reading: {len(fitted['weights'])} weights, threshold "
              f"{fitted['threshold']}, each group left out of the fit: {fitted['left_out']}; "
              f"written {path}")
    for score in TRAINING:
        samples, source_weights = training_set(score)
        rows = feature_rows(samples)
        labels = [sample.label for sample in samples]
        weights = sample_weights(samples, source_weights)
        words = score_words(score, samples)
        fitted_rows = rows
        if words is not None:
            strata = [f"{s.source}:{s.label}" for s in samples]
            fitted_rows = with_evidence(rows, _out_of_fold_evidence(
                words, labels, weights, strata, list(range(len(samples)))))
            document.setdefault("vocabularies", {})[score] = {
                VOCABULARY_LANGUAGE[score]: learn_vocabulary(words, labels, weights)}
        fitted = fit(fitted_rows, labels, weights, SIGNS[score])
        if words is not None:
            # Drafts in a language the vocabulary does not cover (French) are scored by the
            # same model fitted without it, on the classes and rules alone.
            fitted[model_module.WITHOUT_VOCABULARY] = fit(rows, labels, weights, SIGNS[score])
        fitted["trained_on"] = {source: {"samples": sum(s.source == source for s in samples),
                                         "weight": source_weights[source]}
                                for source in sorted(source_weights)}
        fitted["cross_validated_auc"] = cross_validated(samples, rows, source_weights,
                                                        SIGNS[score], words)
        document["models"][score] = fitted
        print(f"{score}: {len(fitted['weights'])} weights, {len(samples)} samples, "
              f"{FOLDS}-fold AUC {fitted['cross_validated_auc']}")
    WEIGHTS.write_text(json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                       encoding="utf-8")
    print(f"written {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
