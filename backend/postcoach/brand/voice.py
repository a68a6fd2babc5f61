"""A brand's voice learned from its own posts, and how typical a draft is of it.

The fingerprint has two parts: the average character-trigram profile of the brand's posts (the
words, names and signatures it uses) and the spread of a few stylometric measures (length, "we"
and "you" talk, questions, capitals, formality…). Both are calibrated on the samples themselves,
leave-one-out, so that a typical post of the brand scores about 80 whatever the brand.
"""

from __future__ import annotations

import math
import operator
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

from postcoach.text import language, signals
from postcoach.text.draft import Draft, fold
from postcoach.text.tone import ToneReading

MIN_SAMPLES = 5
# A mean and a spread are well estimated from this many posts; a long history adds only time.
CALIBRATION_SAMPLES = 300
# Trigrams kept in a stored profile: enough to recognise a voice, small enough to store as JSON.
MAX_NGRAMS = 3000
# How the trigram similarity and the style distance weigh in the typicality.
NGRAM_WEIGHT = 0.75
STYLE_WEIGHT = 0.25
SPACES = re.compile(r"\s+")
DIGITS = re.compile(r"\d")


class NotEnoughSamples(ValueError):
    def __init__(self, count: int) -> None:
        super().__init__(
            f"learning a voice needs at least {MIN_SAMPLES} sample posts, got {count}: "
            f"add {MIN_SAMPLES - count} more"
        )
        self.count = count


@dataclass(frozen=True)
class Style:
    """The stylometric measures of one post."""

    words: float
    sentence_words: float
    questions: float
    exclamations: float
    emoji: float
    hashtags: float
    mentions: float
    links: float
    capitals: float
    we_talk: float
    you_talk: float
    formality: float

    @classmethod
    def of(cls, draft: Draft, tone: ToneReading) -> Style:
        word_count = max(1, draft.word_count)
        return cls(
            words=math.log1p(draft.word_count),
            sentence_words=draft.word_count / max(1, len(draft.sentences)),
            questions=len(signals.questions(draft)),
            exclamations=min(draft.exclamations, 5),
            emoji=min(len(draft.emoji), 5),
            hashtags=min(len(draft.hashtags), 8),
            mentions=min(len(draft.mentions), 3),
            links=min(len(draft.urls), 2),
            capitals=draft.capitals_share,
            we_talk=len(signals.lexicon_hits(draft, "self")) / word_count,
            you_talk=len(signals.lexicon_hits(draft, "reader")) / word_count,
            formality=tone.formality / 100,
        )

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _trigram_counts(text: str) -> tuple[Counter[str], float]:
    """Character trigrams of the folded text (digits merged), and the counts' Euclidean norm."""
    normalised = " " + DIGITS.sub("0", SPACES.sub(" ", fold(text)).strip()) + " "
    counts = Counter([normalised[i:i + 3] for i in range(len(normalised) - 2)])
    values = list(counts.values())
    return counts, math.sqrt(sum(map(operator.mul, values, values))) or 1.0


def ngram_vector(text: str) -> dict[str, float]:
    """The trigram counts, L2-normalised."""
    counts, norm = _trigram_counts(text)
    return {gram: c / norm for gram, c in counts.items()}


def _dot(small: Mapping[str, float], large: Mapping[str, float]) -> float:
    if len(small) > len(large):
        small, large = large, small
    return sum(value * large.get(gram, 0.0) for gram, value in small.items())


@dataclass(frozen=True)
class Fingerprint:
    ngrams: Mapping[str, float]
    ngram_norm: float
    style: Mapping[str, tuple[float, float]]
    calibration: Mapping[str, tuple[float, float]]

    def to_dict(self) -> dict:
        return {
            "ngrams": dict(self.ngrams),
            "ngram_norm": self.ngram_norm,
            "style": {k: list(v) for k, v in self.style.items()},
            "calibration": {k: list(v) for k, v in self.calibration.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Fingerprint:
        """Raises ValueError unless every number is finite and every spread positive, so an
        imported fingerprint cannot break scoring later."""
        style = {k: _mean_spread(v) for k, v in data["style"].items()}
        calibration = {k: _mean_spread(v) for k, v in data["calibration"].items()}
        # A measure this version does not know is an error; a missing one is simply not compared.
        if set(style) - set(_STYLE_FLOORS) or set(calibration) != {"similarity", "distance"}:
            raise ValueError("fingerprint measures do not match this version")
        ngrams = {str(gram): _finite(value) for gram, value in data["ngrams"].items()}
        norm = _finite(data["ngram_norm"])
        if norm <= 0:
            raise ValueError("fingerprint norm must be positive")
        return cls(ngrams, norm, style, calibration)

    def similarity(self, text: str) -> float:
        """Cosine of the draft's trigrams with the brand's (map keeps the loop in C)."""
        counts, norm = _trigram_counts(text)
        weights = map(self.ngrams.get, counts, repeat(0.0))
        return sum(map(operator.mul, counts.values(), weights)) / (norm * self.ngram_norm)

    def style_gaps(self, style: Style) -> dict[str, float]:
        """How many spreads each measure lies from the brand's usual value (signed)."""
        return {
            name: (value - self.style[name][0]) / self.style[name][1]
            for name, value in style.as_dict().items()
            if name in self.style
        }

    def typicality(self, text: str, style: Style) -> int:
        """0–100: about 80 for a typical post of the brand, low for someone else's voice."""
        similarity_z = _z(self.similarity(text), self.calibration["similarity"])
        distance = _style_distance(self.style_gaps(style))
        distance_z = _z(distance, self.calibration["distance"])
        z = NGRAM_WEIGHT * similarity_z - STYLE_WEIGHT * distance_z
        return round(100 / (1 + math.exp(-(1.5 + 1.5 * z))))


def evenly_spread(items: Sequence, most: int) -> Sequence:
    """At most `most` items, taken at even intervals so a long history is sampled throughout."""
    if len(items) <= most:
        return items
    step = len(items) / most
    return [items[int(i * step)] for i in range(most)]


def _finite(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    return float(value)


def _mean_spread(pair: object) -> tuple[float, float]:
    mean, spread = (_finite(v) for v in pair)
    if spread <= 0:
        raise ValueError("a spread must be positive")
    return mean, spread


def _z(value: float, mean_spread: tuple[float, float]) -> float:
    mean, spread = mean_spread
    return (value - mean) / spread


def _style_distance(gaps: Mapping[str, float]) -> float:
    return sum(min(abs(g), 4.0) for g in gaps.values()) / max(1, len(gaps))


def _spread(values: Sequence[float], floor: float) -> tuple[float, float]:
    mean = statistics.fmean(values)
    spread = statistics.pstdev(values) if len(values) > 1 else 0.0
    return mean, max(spread, floor)


def learn_fingerprint(texts: Sequence[str], styles: Sequence[Style]) -> Fingerprint:
    vectors = [ngram_vector(text) for text in texts]
    count = len(vectors)
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    centroid = {gram: value / count for gram, value in total.items()}
    centroid_norm_sq = sum(v * v for v in centroid.values())

    # Each sample against the centroid of the others: the similarity a new post can expect.
    # Vectors are unit-length, so a sample's dot product with itself is 1.
    similarities = []
    for vector in evenly_spread(vectors, CALIBRATION_SAMPLES):
        self_dot = _dot(vector, centroid)
        own_norm_sq = 1.0
        others_dot = (count * self_dot - own_norm_sq) / (count - 1)
        others_norm_sq = (
            count * count * centroid_norm_sq - 2 * count * self_dot + own_norm_sq
        ) / (count - 1) ** 2
        similarities.append(others_dot / math.sqrt(max(others_norm_sq, 1e-12)))

    style_stats = {
        name: _spread([getattr(s, name) for s in styles], floor=_STYLE_FLOORS[name])
        for name in _STYLE_FLOORS
    }
    fingerprint = Fingerprint({}, 1.0, style_stats, {})
    distances = [_style_distance(fingerprint.style_gaps(s)) for s in styles]

    kept = dict(sorted(centroid.items(), key=lambda item: -item[1])[:MAX_NGRAMS])
    kept_norm = math.sqrt(sum(v * v for v in kept.values())) or 1.0
    # The stored centroid is truncated; rescale so similarities stay comparable with the
    # calibration measured on the full one.
    scale = math.sqrt(centroid_norm_sq) / kept_norm if kept else 1.0
    return Fingerprint(
        ngrams=kept,
        ngram_norm=kept_norm * scale,
        style=style_stats,
        calibration={
            "similarity": _spread(similarities, floor=0.02),
            "distance": _spread(distances, floor=0.05),
        },
    )


# Smallest spread each measure is given, so a brand that never uses emoji is not shocked by one.
_STYLE_FLOORS = {
    "words": 0.35,
    "sentence_words": 4.0,
    "questions": 0.4,
    "exclamations": 0.4,
    "emoji": 0.4,
    "hashtags": 0.5,
    "mentions": 0.3,
    "links": 0.3,
    "capitals": 0.03,
    "we_talk": 0.02,
    "you_talk": 0.02,
    "formality": 0.08,
}


def typicality(draft: Draft, context) -> int | None:
    """The draft's typicality for the context's profile, once per draft; None if not learned."""
    fingerprint = context.profile.fingerprint
    if fingerprint is None:
        return None
    key = ("typicality", id(fingerprint))
    if key not in draft.memo:
        draft.memo[key] = fingerprint.typicality(draft.text, Style.of(draft, context.tone))
    return draft.memo[key]


@dataclass(frozen=True)
class Sample:
    text: str
    platform: str | None = None


def read_drafts(samples: Iterable[Sample]) -> list[tuple[Sample, Draft, ToneReading]]:
    readings = []
    for sample in samples:
        if not sample.text.strip():
            continue
        draft = Draft(sample.text)
        draft.language = language.detect(draft.language_text)
        readings.append((sample, draft, ToneReading(draft)))
    return readings
