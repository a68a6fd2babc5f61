"""Token patterns kept as data, in the manner of LanguageTool's pattern rules.

A pattern file is `patterns/<lang>/<name>.tsv`, one `pattern<TAB>note` a line ("# " starts a
comment). A pattern is a sequence of token conditions separated by spaces:

    word      the word in any of its forms: `taguer` matches tague, taguez, taguer
    =word     exactly this word (case-folded): `=like` matches like, not likes; `=🙄` this emoji
    @class    a word of a class lexicon (lexicons/<lang>/classes/<class>.tsv), in any form
    NUM       a number, in digits or in words (the class `number`)
    KEYWORD   a quoted word or short phrase, a word in capitals, or an emoji
    EMOJI HASHTAG MENTION URL WORD END CLITIC   a token of that kind (WORD: any word; END: the
              end of a sentence, . ! ? … ; or a line break; CLITIC: le, la, les, lui, leur
              glued after a French imperative, "tague-la")
    , : ( ) = + / & 👇 👉 ➡ …   that punctuation mark, or that arrow (PUNCT_RE's arrows)
    a|b|@c    any of these, each one token: `a|out of date` is "a" or "out", then "of", then
              "date"; a phrase among alternatives is written as patterns of its own
    X?        X or nothing
    !X        one token that is not X
    *N        up to N tokens, never across the end of a sentence
    ^         (first) the match starts a sentence (emoji, hashtags, mentions, a "please"
              of the class `polite` and an "and" of lexicons/<lang>/sentence_links.tsv may
              precede)
    [ ]       the part of the match that is the finding's span (LanguageTool's <marker>)

A word of the class `filler` ("therefore", "simply", « donc », « malheureusement ») may stand
between two tokens of any pattern: "we are not liable" also finds "we are therefore not liable".
Without [ ], the whole match is the finding's span. Patterns are compiled once and indexed by
what their first condition accepts, so a draft's tokens are walked once for all patterns of a
language.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import NamedTuple

from postcoach.text.draft import Draft, fold
from postcoach.text.lexicons import data_files
from postcoach.text.lexicons import load as load_lexicon
from postcoach.text.tokens import (
    CLITIC,
    EMOJI,
    END,
    HASHTAG,
    HASHWORD,
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
WORDLIKE = frozenset({WORD, KEYWORD, CLITIC, HASHWORD})
# Words that carry no class: numbers written out are the class "number".
NUMBER_CLASS = "number"
# Marks a pattern may name; the arrows point at the comments ("Rate it out of ten 👇").
PUNCTUATION = frozenset(",:()=+/&%👇👉👆⬇➡⤵↓→")
# Distinct (kind, word) pairs whose keys are remembered.
KEY_CACHE_SIZE = 100_000
# Distinct pairs of neighbouring words whose candidate patterns are remembered.
PAIR_CACHE_SIZE = 50_000
# Tokens that may stand before a sentence's first word without ending its start.
LEAD_KINDS = frozenset({EMOJI, HASHTAG, HASHWORD, MENTION, PUNCT})
# Marks that point at what follows, as list items do.
ITEM_ARROWS = frozenset("👉➡→")


# A token and a condition meet through keys: a condition holds for a token when they share
# one. Keys are strings with a one-letter prefix, so a set intersection in C does the test.
def _kind_key(kind: str) -> str:
    return "k:" + kind


def _mark_key(mark: str) -> str:
    return "m:" + mark


def _exact_key(word: str) -> str:
    return "x:" + word


def _form_key(form: str) -> str:
    return "f:" + form


def _class_key(name: str) -> str:
    return "c:" + name


END_KEY = _kind_key(END)
# Discourse adverbs ("therefore", « donc ») that may stand between two words of any pattern.
FILLER_KEY = _class_key("filler")
# "Please", « stp »: before a request they leave it where it was, at its sentence's start.
POLITE_KEY = _class_key("polite")
# Words, shouted or quoted ones included, but not pronouns glued to a verb.
WORD_KEYS = frozenset({_kind_key(WORD), _kind_key(KEYWORD)})
# Per language, (kind, case-folded text) → the token's keys.
_token_keys: dict[str, dict[tuple[str, str], frozenset[str]]] = {}


def token_keys(token: Token, language: str) -> frozenset[str]:
    """Everything a condition may ask of the token: its kind, its mark, its exact word, its
    forms and its classes. Found once per kind and word: a draft's words repeat, and so do
    drafts'."""
    known = _token_keys.setdefault(language, {})
    keys = known.get((token.kind, token.lower))
    if keys is None:
        if len(known) > KEY_CACHE_SIZE:
            known.clear()
        kind, lower = token.kind, token.lower
        found = {_kind_key(kind)}
        if kind in (PUNCT, END):
            found.add(_mark_key(token.text.rstrip("\ufe0f")))
        elif kind == EMOJI:
            found.add(_exact_key(lower))  # "=🙄"
        elif kind in WORDLIKE:
            found.add(_exact_key(lower))
            found.update(map(_form_key, forms(lower, language)))
            found.update(map(_class_key, word_classes(lower, language)))
        keys = known[kind, lower] = frozenset(found)
    return keys


@dataclass(frozen=True, eq=False)
class Condition:
    keys: frozenset[str]
    negated: bool = False

    def accepts(self, keys: frozenset[str]) -> bool:
        return self.keys.isdisjoint(keys) == self.negated

    @property
    def words(self) -> frozenset[str]:
        """The words the condition names, to be matched in any of their forms."""
        prefix = _form_key("")
        return frozenset(key.removeprefix(prefix) for key in self.keys if key.startswith(prefix))


@dataclass(frozen=True)
class Step:
    condition: Condition | None = None
    optional: bool = False
    # Up to this many tokens of anything (but a sentence end); the step has no condition.
    skip: int = 0
    # "[" or "]": no token, only where the reported span starts or ends.
    marker: str = ""


@dataclass(frozen=True, eq=False)
class Pattern:
    name: str
    language: str
    text: str
    note: str
    steps: tuple[Step, ...]
    anchored: bool

    @cached_property
    def first(self) -> Condition:
        return next(step for step in self.steps if not step.marker).condition

    @cached_property
    def second(self) -> Condition | None:
        """The condition the token after the first must meet, when the second step is a plain
        one: most candidates fail there, and testing it first spares the full match."""
        plain = [step for step in self.steps if not step.marker]
        if len(plain) > 1 and plain[1].condition is not None and not plain[1].optional:
            return plain[1].condition
        return None

    @cached_property
    def opens_broadly(self) -> bool:
        """Whether the first condition accepts any word ("WORD EMOJI …"): true of most tokens,
        so the pattern is better looked for where its second token is."""
        return self.second is not None and _kind_key(WORD) in self.first.keys

    @cached_property
    def required(self) -> tuple[frozenset[str], ...]:
        """The keys of each condition every match passes through, narrowest first: a draft
        without one of each cannot match, wherever one looks."""
        return tuple(sorted({step.condition.keys for step in self.steps
                             if step.condition is not None and not step.optional
                             and not step.condition.negated}, key=len))

    def possible(self, present: frozenset[str]) -> bool:
        """Whether a draft with these keys has what each required condition asks for."""
        return all(not keys.isdisjoint(present) for keys in self.required)


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
    keys = {*map(_form_key, words), *map(_exact_key, exact), *map(_class_key, classes),
            *map(_kind_key, kinds), *map(_mark_key, marks)}
    return Condition(frozenset(keys), negated)


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


class TokenView(NamedTuple):
    """A draft's tokens as one language's patterns see them, made once per draft."""

    tokens: list[Token]
    keys: list[frozenset[str]]
    starts: list[bool]
    # Every key of every token: a pattern needing one the draft lacks is never tried.
    present: frozenset[str]


def token_view(tokens: list[Token], language: str) -> TokenView:
    known = _token_keys.setdefault(language, {})
    # (kind, case-folded text) straight from the token: most are known already.
    keys = [known.get(token[2:5:2]) or token_keys(token, language) for token in tokens]
    return TokenView(tokens, keys, sentence_starts(tokens, keys, _link_keys(language)),
                     frozenset().union(*set(keys)))


class _Openings(NamedTuple):
    """What may happen at a token, by its keys: the patterns whose first condition it meets,
    those among them that must start a sentence ("^ WORD …" would otherwise be tried at every
    word), and those opening with any word whose second condition it meets (tried one token
    earlier: "WORD EMOJI …" would otherwise be tried at every word)."""

    first: tuple[Pattern, ...]
    at_start: tuple[Pattern, ...]
    second: tuple[Pattern, ...]


_NO_OPENINGS = _Openings((), (), ())


class PatternIndex:
    """The patterns of one language's files, walked together: a draft's tokens are visited
    once for all of them. Within a file the longest match wins and none overlap; files are
    independent."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = tuple(patterns)
        self.names = tuple(dict.fromkeys(pattern.name for pattern in self.patterns))
        file_of = {name: number for number, name in enumerate(self.names)}
        # Per pattern, in file order: its rank (ties go to the earlier line) and its file.
        self.rank = {pattern: number for number, pattern in enumerate(self.patterns)}
        self.file = {pattern: file_of[pattern.name] for pattern in self.patterns}
        self.by_first: dict[str, list[Pattern]] = {}
        self.by_second: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            if pattern.opens_broadly and not pattern.anchored:
                for key in pattern.second.keys:
                    self.by_second.setdefault(key, []).append(pattern)
            else:
                for key in pattern.first.keys:
                    self.by_first.setdefault(key, []).append(pattern)
        # Tokens with the same keys (the same word) open the same patterns, in every draft;
        # and a word followed by the same word lets through the same ones.
        self._openings: dict[frozenset[str], _Openings] = {}
        self._tried: dict[tuple[frozenset[str], frozenset[str] | None, bool],
                          tuple[Pattern, ...]] = {}

    def _opened(self, keys: frozenset[str]) -> _Openings:
        if len(self._openings) > KEY_CACHE_SIZE:
            self._openings.clear()
        first = {p for key in keys.intersection(self.by_first) for p in self.by_first[key]}
        second = {p for key in keys.intersection(self.by_second) for p in self.by_second[key]}
        if not first and not second:
            found = _NO_OPENINGS
        else:
            ranked = sorted(first, key=self.rank.__getitem__)
            found = _Openings(tuple(p for p in ranked if not p.anchored), tuple(ranked),
                              tuple(sorted(second, key=self.rank.__getitem__)))
        self._openings[keys] = found
        return found

    def _candidates(self, openings: list[_Openings], keys: list[frozenset[str]],
                    position: int, at_start: bool) -> tuple[Pattern, ...]:
        """The patterns worth a full match at `position`, in rank order: those the token opens
        (those that must start a sentence only at one), those opening with any word whose
        second condition the next token meets, less those whose second condition it fails.
        Remembered by the two tokens' keys (matches_by_file looks them up)."""
        here = keys[position]
        following = keys[position + 1] if position + 1 < len(keys) else None
        opened = openings[position]
        # A pattern is indexed by its first condition or by its second, never both.
        candidates = list(opened.at_start if at_start else opened.first)
        if following is not None:
            candidates += [pattern for pattern in openings[position + 1].second
                           if pattern.first.accepts(here)]
        found = tuple(sorted(
            (pattern for pattern in candidates
             if pattern.second is None or (following is not None and (
                 pattern.second.accepts(following) or FILLER_KEY in following))),
            key=self.rank.__getitem__))
        if len(self._tried) > PAIR_CACHE_SIZE:
            self._tried.clear()
        self._tried[here, following, at_start] = found
        return found

    def matches(self, view: TokenView) -> list[Span]:
        """The spans of the patterns, which all come from one file."""
        return self.matches_by_file(view).get(self.names[0], []) if self.names else []

    def matches_by_file(self, view: TokenView) -> dict[str, list[Span]]:
        """The spans of each file's patterns, by file name."""
        tokens, keys, starts, present = view.tokens, view.keys, view.starts, view.present
        openings_of = self._openings
        openings = [openings_of.get(token_keys_here) or self._opened(token_keys_here)
                    for token_keys_here in keys]
        file, tried = self.file, self._tried
        found: list[list[Span]] = [[] for _ in self.names]
        reach = [-1] * len(self.names)
        # Whether the draft has what each required condition of a pattern asks for.
        possible: dict[Pattern, bool] = {}
        last = len(keys) - 1
        # Where a pattern may open: at a token that opens one, or just before one that a
        # pattern opening with any word may follow.
        where = [position for position, opened in enumerate(openings)
                 if opened is not _NO_OPENINGS or (position < last
                                                    and openings[position + 1].second)]
        for position in where:
            candidates = tried.get((keys[position], keys[position + 1] if position < last
                                    else None, starts[position]))
            if candidates is None:
                candidates = self._candidates(openings, keys, position, starts[position])
            if not candidates:
                continue
            at = tokens[position].start
            longest: dict[int, Span] = {}
            for pattern in candidates:
                number = file[pattern]
                if reach[number] > at:
                    continue
                viable = possible.get(pattern)
                if viable is None:
                    viable = possible[pattern] = pattern.possible(present)
                if not viable:
                    continue
                marks: dict[str, int] = {}
                end = _match(pattern.steps, 0, view, position, marks)
                if end is not None and end > position:
                    first, last_token = marks.get("[", position), marks.get("]", end)
                    if last_token > first:
                        span = (tokens[first].start, tokens[last_token - 1].end)
                        best = longest.get(number)
                        if best is None or span[1] > best[1]:
                            longest[number] = span
            for number, span in longest.items():
                found[number].append(span)
                reach[number] = span[1]
        return dict(zip(self.names, found, strict=True))


@cache
def _link_keys(language: str) -> frozenset[str]:
    """The words that open a sentence and leave what follows at its start, as "please" does
    ("And tag a friend", « Et partagez-le ») — a lexicon, not a class: as a class they would be
    a feature of every "and" the fitted readings weigh."""
    return frozenset(_exact_key(fold(entry.term))
                     for entry in load_lexicon(language, "sentence_links").entries)


def sentence_starts(tokens: list[Token], keys: list[frozenset[str]],
                    links: frozenset[str]) -> list[bool]:
    starts, at_start, after_emoji, after_hashtag = [], True, False, False
    for token, token_keys_here in zip(tokens, keys, strict=True):
        kind = token.kind
        # Posts end sentences with an emoji as often as with a full stop: "… this view 🌊
        # Double-tap if…". A capital after an emoji starts a sentence.
        if after_emoji and kind == WORD and token.text[:1].isupper():
            at_start = True
        # A hashtag's words are a phrase of their own: "… en boutique 🎄 #LikeEtPartage".
        starts.append(at_start or (after_hashtag and kind == HASHWORD))
        after_emoji = kind == EMOJI
        after_hashtag = kind == HASHTAG
        # A colon opens a new request: "To enter: follow us"; so does an arrow before each
        # item of a list: "➡️ Like the page ➡️ Share ➡️ Tag two friends".
        if kind == END or (kind == PUNCT and (token.text == ":" or token.text[0] in ITEM_ARROWS)):
            at_start = True
        elif kind not in LEAD_KINDS and POLITE_KEY not in token_keys_here \
                and links.isdisjoint(token_keys_here):
            at_start = False
    return starts


def _match(steps: tuple[Step, ...], index: int, view: TokenView, position: int,
           marks: dict[str, int]) -> int | None:
    """The token index just past a match of steps[index:] at `position`, or None; `marks`
    receives the token index of each span marker passed."""
    if index == len(steps):
        return position
    step = steps[index]
    if step.marker:
        marks[step.marker] = position
        return _match(steps, index + 1, view, position, marks)
    keys = view.keys
    if step.condition is None:
        for skipped in range(step.skip + 1):
            if skipped and (position + skipped > len(keys)
                            or END_KEY in keys[position + skipped - 1]):
                return None
            end = _match(steps, index + 1, view, position + skipped, marks)
            if end is not None:
                return end
        return None
    if position < len(keys):
        here = keys[position]
        if step.condition.accepts(here):
            end = _match(steps, index + 1, view, position + 1, marks)
            if end is not None:
                return end
        elif FILLER_KEY in here:
            # "we are therefore not liable", "nothing further we can do": a discourse adverb
            # between two words of a pattern is passed over.
            end = _match(steps, index, view, position + 1, marks)
            if end is not None:
                return end
    if step.optional:
        return _match(steps, index + 1, view, position, marks)
    return None


@cache
def index(language: str, names: frozenset[str]) -> PatternIndex:
    """The language's pattern files of `names`, walked together."""
    return PatternIndex([pattern for name in sorted(names) for pattern in load(language, name)])


def expect(draft: Draft, names: frozenset[str]) -> None:
    """Say which pattern files the rules will ask of the draft: the first ask walks the draft
    once for all of them, and an ask for any other file is an error (a rule that does not
    declare its files)."""
    draft.memo.setdefault("patterns", {})["expected"] = names


def class_counts(draft: Draft, names: Sequence[str]) -> dict[str, int]:
    """How many words (not glued pronouns) of the draft belong to each of the classes, in its
    language or in either when it is "und"."""
    totals = _class_totals(draft)
    return {name: totals.get(name, 0) for name in names}


def _class_totals(draft: Draft) -> Counter[str]:
    """How many words of the draft belong to each class, counted once per draft."""
    memo = draft.memo.setdefault("patterns", {})
    totals = memo.get("class totals")
    if totals is not None:
        return totals
    totals = memo["class totals"] = Counter()
    if not draft.word_count:
        return totals
    views = [draft_view(draft, language) for language in languages_for(draft.language)]
    # Tokens with the same keys (the same word) are in the same classes: count each distinct
    # reading once, weighted by how often it occurs.
    if len(views) == 1:
        for keys, occurrences in Counter(views[0].keys).items():
            for name in _word_classes_in(keys):
                totals[name] += occurrences
        return totals
    for readings, occurrences in Counter(zip(*(view.keys for view in views), strict=True)).items():
        for name in _word_classes_in(frozenset().union(*readings)):
            totals[name] += occurrences
    return totals


def _classes_in(keys: frozenset[str]) -> list[str]:
    return [key[2:] for key in keys if key.startswith("c:")]


_word_classes: dict[frozenset[str], tuple[str, ...]] = {}


def _word_classes_in(keys: frozenset[str]) -> tuple[str, ...]:
    """The classes of a word token with these keys (none for other tokens), remembered: a
    draft's words repeat, and so do drafts'."""
    found = _word_classes.get(keys)
    if found is None:
        if len(_word_classes) > KEY_CACHE_SIZE:
            _word_classes.clear()
        found = _word_classes[keys] = (
            () if WORD_KEYS.isdisjoint(keys) else tuple(_classes_in(keys)))
    return found


def class_spans(draft: Draft, names: frozenset[str]) -> list[Span]:
    """Where the words of the classes stand in the draft, in its language (either when it is
    "und"), in order."""
    keys = frozenset(map(_class_key, names))
    if not any(class_counts(draft, tuple(names)).values()):
        return []
    spans = {token[:2] for language in languages_for(draft.language)
             for token, token_keys_here in zip(*draft_view(draft, language)[:2], strict=True)
             if not keys.isdisjoint(token_keys_here)}
    return sorted(spans)


def classes_before(draft: Draft, offset: int, count: int) -> frozenset[str]:
    """The classes of the (up to) `count` words just before `offset` in its clause, in the
    draft's language (either when it is "und"): what a finding's left context says, such as a
    negation. A comma, a sentence end or an emoji closes the clause."""
    found: set[str] = set()
    for language in languages_for(draft.language):
        view = draft_view(draft, language)
        position = bisect_left([token.start for token in view.tokens], offset)
        for keys in reversed(view.keys[max(0, position - count):position]):
            if WORD_KEYS.isdisjoint(keys):
                break
            found.update(_classes_in(keys))
    return frozenset(found)


def draft_view(draft: Draft, language: str) -> TokenView:
    """The draft's tokens as the language's patterns see them, made once per draft."""
    memo = draft.memo.setdefault("patterns", {})
    view = memo.get(language)
    if view is None:
        view = memo[language] = token_view(tokens_of(draft), language)
    return view


def pattern_matches(draft: Draft, name: str) -> list[Span]:
    """Spans of the pattern file `name` in the draft's language (both when it is "und")."""
    if not draft.word_count:
        # Every pattern asks for a word somewhere; emoji and links alone match none.
        return []
    memo = draft.memo.setdefault("patterns", {})
    expected = memo.get("expected")
    if expected is not None and name not in expected:
        raise PatternError(f"pattern file '{name}' was not expected: the rule that asks for it "
                           "lists it in its `patterns`")
    group = expected or frozenset({name})
    spans: list[Span] = []
    languages = languages_for(draft.language)
    for language in languages:
        by_file = memo.get((language, group))
        if by_file is None:
            by_file = memo[language, group] = index(language, group).matches_by_file(
                draft_view(draft, language))
        spans += by_file.get(name, ())
    return sorted(set(spans)) if len(languages) > 1 else spans
