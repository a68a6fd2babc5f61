"""French or English? langdetect restricted to those two profiles, checked by function words.

langdetect with all 55 profiles calls "Like si tu aimes" Estonian and takes milliseconds to load
and run; restricted to fr/en it is fast but still guesses on two-word drafts. Function words
("le", "vous", "the", "you") are decisive on short, noisy posts, so both votes are combined, and
a draft with too little text to tell is "und".
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from .lexicons import load
from .text import WORD_RE, fold

MIN_LETTERS = 4
FRENCH_LETTERS = frozenset("éèêàâçùûîïôœë")


@cache
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    profiles = resources.files("langdetect").joinpath("profiles")
    factory.load_json_profile([profiles.joinpath(lang).read_text("utf-8") for lang in ("en", "fr")])
    factory.seed = 0
    return factory


@cache
def _function_words(language: str) -> frozenset[str]:
    return frozenset(fold(entry.term) for entry in load(language, "function_words").entries)


def _langdetect_log_odds(text: str) -> float:
    """log P(fr)/P(en) according to langdetect; 0 when it cannot tell."""
    detector = _factory().create()
    detector.append(text)
    try:
        probabilities = {p.lang: p.prob for p in detector.get_probabilities()}
    except LangDetectException:
        return 0.0
    fr = min(max(probabilities.get("fr", 0.0), 1e-4), 1 - 1e-4)
    return math.log(fr / (1 - fr))


def detect(prose: str) -> str:
    """'fr', 'en' or 'und' for text already stripped of links, mentions, hashtags and emoji."""
    words = [fold(m.group()) for m in WORD_RE.finditer(prose) if not m.group().isdigit()]
    letters = sum(len(w) for w in words)
    if letters < MIN_LETTERS:
        return "und"
    french = sum(1 for w in words if w in _function_words("fr"))
    english = sum(1 for w in words if w in _function_words("en"))
    accents = sum(1 for ch in prose.lower() if ch in FRENCH_LETTERS)
    # Each function word is worth about as much as a strong langdetect verdict on a short text.
    vote = 1.6 * (french - english) + 0.8 * min(accents, 3)
    if letters >= 12:
        vote += 0.5 * _langdetect_log_odds(prose[:2000])
    if abs(vote) < 0.5:
        return "und"
    return "fr" if vote > 0 else "en"
