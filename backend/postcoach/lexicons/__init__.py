"""Word lists as data: one `.tsv` file per lexicon and language, `term<TAB>note` per line.

A term is matched as whole words, case-insensitively (accents count); a space matches any run of
white space, `'` matches both apostrophes, a hyphen is optional, and a `*` after a word matches
any ending (`profite*` covers profitez, profitez-en, profiter; `like* si` covers "likez si").
Comments start with "# " (a hash and a space), so "#1" can be a term.
A lexicon that lists a term twice is a mistake and refuses to load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..text import fold


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    term: str
    note: str


@dataclass(frozen=True)
class Lexicon:
    name: str
    language: str
    entries: tuple[Entry, ...]
    pattern: re.Pattern[str]

    def finditer(self, folded_text: str):
        """Matches in `fold(text)`, whose offsets are those of the original text (see `fold`)."""
        return self.pattern.finditer(folded_text)


def _word_regex(word: str) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]).replace("'", "['’]") + r"[\w'’-]*"
    return re.escape(word).replace("'", "['’]").replace(r"\-", r"[-\s]?")


def _term_regex(term: str) -> str:
    body = r"\s+".join(_word_regex(word) for word in fold(term).split())
    # An elided term ("t'", "qu'") is glued to the next word; any other ends at a word boundary.
    return body if body.endswith(("['’]", "[\\w'’-]*")) else body + r"(?!\w)"


def parse(name: str, language: str, source: str) -> Lexicon:
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if not line or line == "#" or line.startswith("# "):
            continue
        term, _, note = line.partition("\t")
        term, note = term.strip(), note.strip()
        key = fold(term)
        if key in seen:
            raise LexiconError(
                f"{language}/{name}.tsv line {number}: '{term}' already listed on line {seen[key]}"
            )
        if not note:
            raise LexiconError(f"{language}/{name}.tsv line {number}: '{term}' has no note")
        seen[key] = number
        entries.append(Entry(term, note))
    if not entries:
        raise LexiconError(f"{language}/{name}.tsv is empty")
    alternatives = sorted((_term_regex(e.term) for e in entries), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")")
    return Lexicon(name, language, tuple(entries), pattern)


@cache
def load(language: str, name: str) -> Lexicon:
    path = resources.files(__package__).joinpath(language, f"{name}.tsv")
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no lexicon {language}/{name}.tsv") from None
    return parse(name, language, source)


def available() -> list[tuple[str, str]]:
    """Every (language, name) pair shipped with the package."""
    root = resources.files(__package__)
    return sorted(
        (lang.name, item.name.removesuffix(".tsv"))
        for lang in root.iterdir()
        if lang.is_dir() and not lang.name.startswith("_")
        for item in lang.iterdir()
        if item.name.endswith(".tsv")
    )
