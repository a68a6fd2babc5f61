"""Token patterns kept as data, in the manner of LanguageTool's pattern rules.

A pattern file is `patterns/<lang>/<name>.tsv`, one `pattern<TAB>note` a line ("# " starts a
comment). A pattern is a sequence of token conditions separated by spaces:

    word      the word in any of its forms: `taguer` matches tague, taguez, taguer
    =word     exactly this word (case-folded): `=like` matches like, not likes
    @class    a word of a class lexicon (lexicons/<lang>/classes/<class>.tsv), in any form
    NUM       a number, in digits or in words (the class `number`)
    KEYWORD   a quoted word or short phrase, a word in capitals, or an emoji
    EMOJI HASHTAG MENTION URL WORD END CLITIC   a token of that kind (WORD: any word; END: the
              end of a sentence, . ! ? … ; or a line break; CLITIC: le, la, les, lui, leur
              glued after a French imperative, "tague-la")
    , : ( ) = + /   that punctuation mark
    a|b|@c    any of these
    X?        X or nothing
    !X        one token that is not X
    *N        up to N tokens, never across the end of a sentence
    ^         (first) the match starts a sentence (emoji, hashtags and mentions may precede)
    [ ]       the part of the match that is the finding's span (LanguageTool's <marker>)

Without [ ], the whole match is the finding's span. Patterns are compiled once and indexed by
what their first condition accepts, so a draft's tokens are walked once for all patterns of a
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from postcoach.text.draft import Draft, fold
from postcoach.text.lexicons import data_files
from postcoach.text.tokens import (
    CLITIC,
    EMOJI,
    END,
    HASHTAG,
    KEYWORD,
    MENTION,
    NUMBER,
    PUNCT,
    URL,
    WORD,
    Token,
    class_names,
    forms,
    languages_for,
    tokens_of,
    word_classes,
)

Span = tuple[int, int]


class PatternError(ValueError):
    pass


KIND_NAMES = {
    "EMOJI": frozenset({EMOJI}),
    "HASHTAG": frozenset({HASHTAG}),
    "MENTION": frozenset({MENTION}),
    "URL": frozenset({URL}),
    "WORD": frozenset({WORD, KEYWORD}),
    "KEYWORD": frozenset({KEYWORD, EMOJI}),
    "NUM": frozenset({NUMBER}),
    "END": frozenset({END}),
    "CLITIC": frozenset({CLITIC}),
}
WORDLIKE = frozenset({WORD, KEYWORD, CLITIC})
# Words that carry no class: numbers written out are the class "number".
NUMBER_CLASS = "number"
PUNCTUATION = frozenset(",:()=+/")
# Distinct (kind, word) pairs whose candidate patterns are remembered.
CANDIDATE_CACHE_SIZE = 100_000
# Tokens that may stand before a sentence's first word without ending its start.
LEAD_KINDS = frozenset({EMOJI, HASHTAG, MENTION, PUNCT})


@dataclass(frozen=True, eq=False)
class Condition:
    words: frozenset[str] = frozenset()
    exact: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    marks: frozenset[str] = frozenset()
    negated: bool = False

    @cached_property
    def possible_kinds(self) -> frozenset[str]:
        """The token kinds this condition can accept at all: a cheap first test."""
        kinds = set(self.kinds)
        if self.words or self.exact or self.classes:
            kinds |= WORDLIKE
        if self.marks:
            kinds |= {PUNCT, END}
        return frozenset(kinds)

    def accepts(self, token: Token, language: str) -> bool:
        if token.kind not in self.possible_kinds:
            return self.negated
        return self._holds(token, language) != self.negated

    def _holds(self, token: Token, language: str) -> bool:
        kind = token.kind
        if kind in self.kinds:
            return True
        if kind in (PUNCT, END):
            return token.text in self.marks
        if kind not in WORDLIKE:
            return False
        lower = token.lower
        if lower in self.exact:
            return True
        if self.words and not self.words.isdisjoint(forms(lower, language)):
            return True
        return bool(self.classes) and not self.classes.isdisjoint(word_classes(lower, language))


@dataclass(frozen=True)
class Step:
    condition: Condition | None = None
    optional: bool = False
    # Up to this many tokens of anything (but a sentence end); the step has no condition.
    skip: int = 0
    # "[" or "]": no token, only where the reported span starts or ends.
    marker: str = ""


@dataclass(frozen=True)
class Pattern:
    name: str
    language: str
    text: str
    note: str
    steps: tuple[Step, ...]
    anchored: bool

    @cached_property
    def second(self) -> Condition | None:
        """The condition the token after the first must meet, when the second step is a plain
        one: most candidates fail there, and testing it first spares the full match."""
        plain = [step for step in self.steps if not step.marker]
        if len(plain) > 1 and plain[1].condition is not None and not plain[1].optional:
            return plain[1].condition
        return None


def _condition(item: str, language: str, where: str) -> Condition:
    negated = item.startswith("!")
    words, exact, classes, kinds, marks = set(), set(), set(), set(), set()
    for alternative in item.removeprefix("!").split("|"):
        if not alternative:
            raise PatternError(f"{where}: empty alternative in '{item}'")
        if alternative in KIND_NAMES:
            kinds |= KIND_NAMES[alternative]
            if alternative == "NUM":
                classes.add(NUMBER_CLASS)
        elif alternative.startswith("@"):
            name = alternative[1:]
            if name not in class_names(language):
                raise PatternError(f"{where}: no class lexicon {language}/classes/{name}.tsv")
            classes.add(name)
        elif alternative in PUNCTUATION:
            marks.add(alternative)
        elif alternative.startswith("="):
            exact.add(fold(alternative[1:]))
        elif alternative.isupper() and len(alternative) > 1:
            raise PatternError(f"{where}: unknown token kind '{alternative}'")
        else:
            words.add(fold(alternative).replace("’", "'"))
    return Condition(frozenset(words), frozenset(exact), frozenset(classes), frozenset(kinds),
                     frozenset(marks), negated)


def compile_pattern(text: str, name: str, language: str, note: str = "",
                    where: str = "") -> Pattern:
    items = text.split()
    anchored = bool(items) and items[0] == "^"
    if anchored:
        items = items[1:]
    steps = []
    for item in items:
        if item in ("[", "]"):
            steps.append(Step(marker=item))
            continue
        if item.startswith("*") and item[1:].isdigit():
            steps.append(Step(skip=int(item[1:])))
            continue
        optional = item.endswith("?") and len(item) > 1
        steps.append(Step(_condition(item.removesuffix("?") if optional else item, language,
                                     where), optional))
    if [step.marker for step in steps if step.marker] not in ([], ["[", "]"]):
        raise PatternError(f"{where}: a pattern marks its span with one '[' then one ']'")
    if not steps:
        raise PatternError(f"{where}: empty pattern")
    first = next(step for step in steps if not step.marker)
    if first.condition is None or first.optional or first.condition.negated:
        raise PatternError(f"{where}: a pattern starts with a plain condition, not '{items[0]}'")
    if steps[-1].skip:
        raise PatternError(f"{where}: a pattern cannot end with a skip")
    return Pattern(name, language, text, note, tuple(steps), anchored)


def parse(name: str, language: str, source: str) -> tuple[Pattern, ...]:
    patterns, seen = [], {}
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if not line or line == "#" or line.startswith("# "):
            continue
        text, _, note = line.partition("\t")
        text, note = " ".join(text.split()), note.strip()
        where = f"patterns/{language}/{name}.tsv line {number}"
        if not note:
            raise PatternError(f"{where}: '{text}' has no note")
        if text in seen:
            raise PatternError(f"{where}: '{text}' already on line {seen[text]}")
        seen[text] = number
        patterns.append(compile_pattern(text, name, language, note, where))
    if not patterns:
        raise PatternError(f"patterns/{language}/{name}.tsv is empty")
    return tuple(patterns)


def available() -> list[tuple[str, str]]:
    """Every (language, name) pattern file shipped with the package."""
    return data_files(__package__)


@cache
def load(language: str, name: str) -> tuple[Pattern, ...]:
    path = resources.files(__package__).joinpath(language, f"{name}.tsv")
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PatternError(f"no pattern file {language}/{name}.tsv") from None
    return parse(name, language, source)


class PatternIndex:
    """The patterns of one file, indexed by what their first condition accepts. One index per
    file: a rule asks only for its own, so a post never walks the reply rules' patterns."""

    def __init__(self, language: str, name: str) -> None:
        self.language = language
        self.by_form: dict[str, list[Pattern]] = {}
        self.by_exact: dict[str, list[Pattern]] = {}
        self.by_class: dict[str, list[Pattern]] = {}
        self.by_kind: dict[str, list[Pattern]] = {}
        self.by_mark: dict[str, list[Pattern]] = {}
        self._cache: dict[tuple[str, str], tuple[Pattern, ...]] = {}
        for pattern in load(language, name):
            self._add(pattern)

    def _add(self, pattern: Pattern) -> None:
        first = next(step for step in pattern.steps if not step.marker).condition
        for keys, table in ((first.words, self.by_form), (first.exact, self.by_exact),
                            (first.classes, self.by_class), (first.kinds, self.by_kind),
                            (first.marks, self.by_mark)):
            for key in keys:
                table.setdefault(key, []).append(pattern)

    def _candidates(self, token: Token) -> tuple[Pattern, ...]:
        """The patterns whose first condition may accept the token, found once per kind and
        word: a draft's words repeat, and so do drafts'."""
        key = (token.kind, token.lower)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > CANDIDATE_CACHE_SIZE:
                self._cache.clear()
            found = self._cache[key] = tuple(dict.fromkeys(self._lookup(token)))
        return found

    def _lookup(self, token: Token) -> list[Pattern]:
        found: list[Pattern] = []
        kind = token.kind
        found += self.by_kind.get(kind, ())
        if kind in (PUNCT, END):
            found += self.by_mark.get(token.text, ())
        elif kind in WORDLIKE:
            lower = token.lower
            found += self.by_exact.get(lower, ())
            for form in forms(lower, self.language):
                found += self.by_form.get(form, ())
            for name in word_classes(lower, self.language):
                found += self.by_class.get(name, ())
        return found

    def matches(self, tokens: list[Token], starts: list[bool] | None = None
                ) -> dict[str, list[Span]]:
        """Spans per pattern file; within a file the longest match wins and none overlap."""
        found: dict[str, list[Span]] = {}
        reach: dict[str, int] = {}
        if starts is None:
            starts = sentence_starts(tokens)
        language = self.language
        for position, token in enumerate(tokens):
            candidates = self._candidates(token)
            if not candidates:
                continue
            longest: dict[str, int] = {}
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            for pattern in candidates:
                if pattern.anchored and not starts[position]:
                    continue
                if reach.get(pattern.name, -1) > token.start:
                    continue
                second = pattern.second
                if second is not None and (
                        following is None
                        or (following.kind not in second.possible_kinds and not second.negated)
                        or not second.accepts(following, language)):
                    continue
                marks: dict[str, int] = {}
                end = _match(pattern.steps, 0, tokens, position, language, marks)
                if end is not None and end > position:
                    first, last = marks.get("[", position), marks.get("]", end)
                    if last > first:
                        span = (tokens[first].start, tokens[last - 1].end)
                        if span[1] > longest.get(pattern.name, (0, -1))[1]:
                            longest[pattern.name] = span
            for name, span in longest.items():
                found.setdefault(name, []).append(span)
                reach[name] = span[1]
        return found


def sentence_starts(tokens: list[Token]) -> list[bool]:
    starts, at_start = [], True
    for token in tokens:
        starts.append(at_start)
        # A colon opens a new request: "To enter: follow us".
        if token.kind == END or token.text == ":":
            at_start = True
        elif token.kind not in LEAD_KINDS:
            at_start = False
    return starts


def _match(steps: tuple[Step, ...], index: int, tokens: list[Token], position: int,
           language: str, marks: dict[str, int]) -> int | None:
    """The token index just past a match of steps[index:] at `position`, or None; `marks`
    receives the token index of each span marker passed."""
    if index == len(steps):
        return position
    step = steps[index]
    if step.marker:
        marks[step.marker] = position
        return _match(steps, index + 1, tokens, position, language, marks)
    if step.condition is None:
        for skipped in range(step.skip + 1):
            if skipped and (position + skipped > len(tokens)
                            or tokens[position + skipped - 1].kind == END):
                return None
            end = _match(steps, index + 1, tokens, position + skipped, language, marks)
            if end is not None:
                return end
        return None
    if position < len(tokens) and step.condition.accepts(tokens[position], language):
        end = _match(steps, index + 1, tokens, position + 1, language, marks)
        if end is not None:
            return end
    if step.optional:
        return _match(steps, index + 1, tokens, position, language, marks)
    return None


@cache
def index(language: str, name: str) -> PatternIndex:
    return PatternIndex(language, name)


def pattern_matches(draft: Draft, name: str) -> list[Span]:
    """Spans of the pattern file `name` in the draft's language (both when it is "und")."""
    if not draft.word_count:
        # Every pattern asks for a word somewhere; emoji and links alone match none.
        return []
    memo = draft.memo.setdefault("patterns", {})
    spans: list[Span] = []
    languages = languages_for(draft.language)
    for language in languages:
        if (language, name) not in memo:
            tokens = tokens_of(draft)
            if "starts" not in memo:
                memo["starts"] = sentence_starts(tokens)
            memo[language, name] = index(language, name).matches(tokens, memo["starts"])
        spans += memo[language, name].get(name, ())
    return sorted(set(spans)) if len(languages) > 1 else spans
