"""Word lists as data: one `.tsv` file per lexicon and language, `term<TAB>note` per line.

A term is matched as whole words, case-insensitively (accents count); a space matches any run of
white space, `'` matches both apostrophes, a hyphen is optional, and a `*` after a word matches
any ending (`profite*` covers profitez, profitez-en, profiter; `like* si` covers "likez si").
Comments start with "# " (a hash and a space), so "#1" can be a term.
A lexicon that lists a term twice is a mistake and refuses to load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from postcoach.text.draft import WORD_RUN_RE, Draft, fold


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
    # The words the terms start with; None when a term starts with a wildcard or a sign.
    first_words: frozenset[str] | None = None

    def finditer(self, draft: Draft) -> Iterator[re.Match[str]]:
        """Matches in the draft's folded text, whose offsets are those of its text (see `fold`).
        A draft without any of the words the terms start with is not scanned at all."""
        if self.first_words is not None and self.first_words.isdisjoint(draft.word_run_set):
            return iter(())
        return self.pattern.finditer(draft.folded)


# A term is compiled to a sequence of units; units share a prefix tree across the lexicon, so
# the regex tries "achetez" and "achète" as "ach(?:etez|ète)" instead of term after term.
SPACE, APOSTROPHE, HYPHEN, ANY_ENDING, WORD_END = (r"\s+", "['’]", r"[-\s]?", r"[\w'’-]*",
                                                  r"(?!\w)")


SPECIAL_CHARACTERS = {"'": APOSTROPHE, "’": APOSTROPHE, "-": HYPHEN}


def _units(term: str) -> tuple[str, ...]:
    units: list[str] = []
    for index, word in enumerate(fold(term).split()):
        if index:
            units.append(SPACE)
        wildcard = word.endswith("*")
        for char in word.rstrip("*"):
            units.append(SPECIAL_CHARACTERS.get(char) or re.escape(char))
        if wildcard:
            units.append(ANY_ENDING)
    # An elided term ("t'", "qu'") is glued to the next word; any other ends at a word boundary.
    if units[-1] not in (APOSTROPHE, ANY_ENDING):
        units.append(WORD_END)
    return tuple(units)


def _trie_regex(node: dict, top: bool = False) -> str:
    # Longer continuations first: regex alternation takes the first branch that matches.
    branches = []
    for unit in sorted(node, key=lambda u: (u is None, u == WORD_END, u == ANY_ENDING, u or "")):
        if unit is None:
            continue
        # A term starts where no word character precedes its first character. The look-behind
        # sits after that character so the whole pattern starts with a literal, which lets the
        # regex engine skip ahead to candidate characters.
        head = unit + r"(?<!\w.)" if top else unit
        branches.append(head + _trie_regex(node[unit]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if None in node else body


def _compile(terms: list[str]) -> re.Pattern[str]:
    root: dict = {}
    for term in terms:
        node = root
        for unit in _units(term):
            node = node.setdefault(unit, {})
        node[None] = {}
    return re.compile(_trie_regex(root, top=True))


def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile("".join(_units(term)))


WORD_RUN = WORD_RUN_RE
# Wildcard terms ("profite*") are indexed by this many first letters.
PREFIX_KEY = 3
# Distinct words whose candidate terms are remembered.
CANDIDATE_CACHE_SIZE = 100_000


@dataclass(frozen=True)
class _Term:
    lexicon: str
    # None for a plain single word: a word run equal to it is the whole match, no regex needed.
    pattern: re.Pattern[str] | None
    # The first letters of the term's second word: "vous auriez dû" is only tried where the
    # next word starts "aur". Empty for a one-word term.
    second: str = ""


class _Candidates(NamedTuple):
    """The terms that start with one word: the lexicons where the word alone is a term, the
    other terms that may follow any word, and those whose second word must start with given
    letters, by those letters."""

    plain: tuple[str, ...]
    patterned: list[_Term]
    by_second: dict[str, list[_Term]]


# A word that starts no term.
_NO_TERMS = _Candidates((), [], {})


class LanguageIndex:
    """Every lexicon of one language, indexed by the first word of each term.

    Scanning a 3 000-character draft once per lexicon costs about 0.1 ms each whatever the
    lexicon's size; walking the draft's words once and trying only the terms whose first word
    is there costs about as much as one such scan for all lexicons together.
    """

    def __init__(self, language: str, names: frozenset[str]) -> None:
        self.exact: dict[str, list[_Term]] = {}
        self.prefixed: dict[str, list[_Term]] = {}
        # Terms that start with no letter or digit ("#1") are found by a regex scan instead.
        self.scanned: dict[str, re.Pattern[str]] = {}
        self._candidates_of: dict[str, list[_Term]] = {}
        for lexicon_language, name in available():
            if lexicon_language == language and name in names:
                self._add(load(language, name))

    def _add(self, lexicon: Lexicon) -> None:
        unindexed = []
        for entry in lexicon.entries:
            folded = fold(entry.term)
            words = folded.split()
            first_word = words[0]
            run = WORD_RUN.match(first_word)
            plain_word = len(words) == 1 and run is not None and run.group() == first_word
            runs = WORD_RUN.findall(folded)
            term = _Term(lexicon.name, None if plain_word else _term_pattern(entry.term),
                         runs[1][:PREFIX_KEY] if len(runs) > 1 else "")
            if run is None:
                unindexed.append(entry.term)
            elif first_word == run.group() + "*" and len(run.group()) >= PREFIX_KEY:
                self.prefixed.setdefault(run.group()[:PREFIX_KEY], []).append(term)
            elif first_word.startswith(run.group() + "*"):
                unindexed.append(entry.term)
            else:
                self.exact.setdefault(run.group(), []).append(term)
        if unindexed:
            self.scanned[lexicon.name] = _compile(unindexed)

    def _candidates(self, word: str) -> _Candidates:
        """The terms that may start at the word, remembered: a draft's words repeat, and so do
        drafts'."""
        terms = self.prefixed.get(word[:PREFIX_KEY], []) + self.exact.get(word, [])
        candidates = _NO_TERMS
        if terms:
            candidates = _Candidates(
                tuple(dict.fromkeys(term.lexicon for term in terms if term.pattern is None)),
                [term for term in terms if term.pattern is not None and not term.second], {})
            for term in terms:
                if term.second:
                    candidates.by_second.setdefault(term.second, []).append(term)
        if len(self._candidates_of) > CANDIDATE_CACHE_SIZE:
            self._candidates_of.clear()
        self._candidates_of[word] = candidates
        return candidates

    def matches(self, folded: str, words: list[str] | None = None
                ) -> dict[str, list[tuple[int, int]]]:
        """Spans per lexicon name; within a lexicon the longest term wins and none overlap.
        `words`: WORD_RUN.findall(folded), when the caller has it already."""
        found: dict[str, list[tuple[int, int]]] = {}
        reach: dict[str, int] = {}
        candidates_of = self._candidates_of
        # The words in one C-level pass; their places are looked up only for the few words
        # that start a term.
        if words is None:
            words = WORD_RUN.findall(folded)
        last = len(words) - 1
        runs: list[re.Match[str]] | None = None
        for position, word in enumerate(words):
            candidates = candidates_of.get(word) or self._candidates(word)
            if candidates is _NO_TERMS:
                continue
            plain, patterned, by_second = candidates
            if by_second and position < last:
                following = words[position + 1]
                for length in range(1, min(PREFIX_KEY, len(following)) + 1):
                    more = by_second.get(following[:length])
                    if more:
                        patterned = patterned + more
            if not plain and not patterned:
                continue
            if runs is None:
                runs = list(WORD_RUN.finditer(folded))
            start, word_end = runs[position].span()
            longest: dict[str, int] = {}
            for name in plain:
                if reach.get(name, -1) <= start:
                    longest[name] = word_end
            for term in patterned:
                if reach.get(term.lexicon, -1) > start:
                    continue
                match = term.pattern.match(folded, start)
                if match is not None and match.end() > longest.get(term.lexicon, start):
                    longest[term.lexicon] = match.end()
            for name, end in longest.items():
                spans = found.get(name)
                if spans is None:
                    found[name] = [(start, end)]
                else:
                    spans.append((start, end))
                reach[name] = end
        for name, pattern in self.scanned.items():
            extra = [m.span() for m in pattern.finditer(folded)]
            if extra:
                found[name] = sorted(found.get(name, []) + extra)
        return found


@cache
def index(language: str, names: frozenset[str]) -> LanguageIndex:
    """The index of the named lexicons of one language (those a language lacks are skipped)."""
    return LanguageIndex(language, names)


def parse(name: str, language: str, source: str) -> Lexicon:
    entries = read_entries(name, language, source)
    return Lexicon(name, language, entries, _compile([e.term for e in entries]),
                   _first_words(entry.term for entry in entries))


def _first_words(terms: Iterable[str]) -> frozenset[str] | None:
    """The word run each term starts with, when every term starts with a whole one."""
    found = set()
    for term in terms:
        folded = fold(term)
        run = WORD_RUN.match(folded)
        if run is None or folded[run.end():run.end() + 1] == "*":
            return None
        found.add(run.group())
    return frozenset(found)


def read_entries(name: str, language: str, source: str) -> tuple[Entry, ...]:
    """The entries of a `term<TAB>note` file, refusing duplicates and entries without a note."""
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
    return tuple(entries)


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
    return data_files(__package__)


def data_files(package: str) -> list[tuple[str, str]]:
    """The (language, name) of each `<language>/<name>.tsv` of a data package."""
    root = resources.files(package)
    return sorted(
        (lang.name, item.name.removesuffix(".tsv"))
        for lang in root.iterdir()
        if lang.is_dir() and not lang.name.startswith("_")
        for item in lang.iterdir()
        if item.name.endswith(".tsv")
    )
