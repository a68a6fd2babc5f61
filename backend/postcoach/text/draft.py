"""The draft as the rules see it: words, sentences, emoji and UTF-16 offsets.

Python indexes strings by code point, JavaScript by UTF-16 code unit. Rules work in code points;
every span leaving the engine goes through `Draft.utf16_span` so the extension can highlight the
exact characters even after emoji or other astral characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any, NamedTuple

# French elisions (l', qu', s'…) are split off so "l'offre" yields the word "offre".
WORD_RE = re.compile(
    r"(?<![^\W_])(?:qu|[cdjlmnst])['’](?=[^\W\d_])"
    r"|[^\W_]+(?:['’\-][^\W_]+)*",
    re.IGNORECASE,
)
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”»)]*(?=\s|$)|\n\s*\n|\n(?=\s*[-–•*\d])")
# Links: with a scheme or "www.", or a bare domain ("acme.fr/blog"). Bare domains are found by
# their top-level domain, then read backwards: trying a domain at every word would cost more.
SCHEME_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]»”'\""
TOP_LEVEL_DOMAIN_RE = re.compile(
    r"\.(?:com|fr|net|org|io|co|eu|be|ch|ca|ly|gl|me|app|shop|store)(?![\w-])(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
# Each pattern starts with its literal character and looks behind only after it: a pattern that
# opens with a look-behind is tried at every character, one that opens with a literal lets the
# regex engine skip to the candidates (ten times faster on a long draft).
HASHTAG_RE = re.compile(r"#(?<![\w#]#)[^\W_][\w]*")
MENTION_RE = re.compile(r"@(?<![\w@]@)[\w.]+")
DIGIT_RE = re.compile(r"\d")
# The last word before a place, and how far back it is looked for.
PREVIOUS_WORD_RE = re.compile(r"(?<![^\W_])([^\W_]+)[^\w]*$")
PREVIOUS_WORD_REACH = 40
# Capitals of the Latin alphabets French and English write in.
CAPITALS_RE = re.compile("[A-ZÀ-ÖØ-ÞŒŸ]+")
# Runs of letters and digits: the pieces lexicon terms are matched on ("dis-moi" is "dis", "moi").
WORD_RUN_RE = re.compile(r"[^\W_]+")
ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")
# Emoji: a flag (two regional indicators, which sit inside the pictograph range), or a
# pictograph with its modifiers and joined pictographs folded into one glyph. One character
# class opens the pattern, so the regex engine skips from candidate to candidate.
EMOJI_RE = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u3030\u303D\u3297\u3299]"
    "(?:(?<=[\U0001F1E6-\U0001F1FF])[\U0001F1E6-\U0001F1FF]"
    "|[\uFE0F\U0001F3FB-\U0001F3FF]*(?:\u200D[\U0001F000-\U0001FAFF\u2600-\u27BF][\uFE0F]*)*)"
)
# The words glued in a hashtag: "#ThankYouObama" is "Thank You Obama", "#RGPD2024" "RGPD 2024".
HASHTAG_WORD_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+|[A-ZÀ-ÖØ-Þ]+(?![a-zß-öø-ÿ])|\d+")
# Quoted speech: someone else's words.
QUOTATION_RE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")
TEXT_EMOTICON_RE = re.compile(
    r"[:;=<^x](?<!\S.)(?:(?<=[:;=])-?[()DPp]|(?<=<)3|(?<=\^)\^|(?<=x)D)(?!\S)")


class once:
    """A property computed on first use and stored in the instance, like
    functools.cached_property, but without the lock Python 3.11's takes on every first access:
    a draft is only ever read by one thread, and the lock costs more than most properties."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Word(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


class _FoldTable(dict):
    """str.translate table filled on demand: one character in, one character out."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        lowered = char.lower()
        folded = lowered if len(lowered) == 1 else char
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case without moving any offset: len(fold(t)) == len(t).

    Accents are kept: in French they carry meaning ("achète" orders, "acheté" narrates).
    """
    lowered = text.lower()
    # A few characters grow when lowered ("İ" gives two code points); only then go one by one.
    return lowered if len(lowered) == len(text) else text.translate(_FOLD_TABLE)


def match_case(original: str, replacement: str) -> str:
    """`replacement` with the capital of `original`'s first letter: "Clients" → "Membres"."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Draft:
    """One draft, analysed lazily: each property is computed once and only if a rule needs it."""

    def __init__(self, text: str, language: str = "und") -> None:
        self.text = text
        self.language = language
        # Results of analyses that live outside this class (signals), computed once per draft.
        self.memo: dict[object, object] = {}

    @once
    def words(self) -> list[Word]:
        # tuple.__new__ skips NamedTuple's Python-level constructor: a third of the cost.
        new = tuple.__new__
        return [new(Word, (m.start(), m.end(), m.group())) for m in self._word_matches]

    @once
    def _word_matches(self) -> list[re.Match[str]]:
        return list(WORD_RE.finditer(self.text))

    def word_at(self, index: int) -> Word:
        """words[index], without making the whole list: most rules look at a few words."""
        match = self._word_matches[index]
        return Word(match.start(), match.end(), match.group())

    @once
    def folded(self) -> str:
        return fold(self.text)

    @once
    def word_starts(self) -> list[int]:
        return list(map(re.Match.start, self._word_matches))

    @once
    def lower_words(self) -> list[str]:
        # One C-level scan of the folded text: most rules only need the words, not their places.
        return WORD_RE.findall(self.folded)

    @once
    def word_runs(self) -> list[str]:
        """The folded text's runs of letters and digits, in order."""
        return WORD_RUN_RE.findall(self.folded)

    @once
    def word_run_set(self) -> frozenset[str]:
        return frozenset(self.word_runs)

    @once
    def word_count(self) -> int:
        return len(self.lower_words)

    @once
    def word_set(self) -> frozenset[str]:
        return frozenset(self.lower_words)

    @once
    def sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        start = 0
        for match in SENTENCE_END_RE.finditer(self.text):
            self._add_sentence(sentences, start, match.end())
            start = match.end()
        self._add_sentence(sentences, start, len(self.text))
        return sentences

    def _add_sentence(self, sentences: list[Sentence], start: int, end: int) -> None:
        chunk = self.text[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(offset, offset + len(stripped), stripped))

    def word_before(self, offset: int) -> re.Match[str] | None:
        """The last word before `offset` (group 1, case-folded), read in the few characters
        before it: most callers look at one word, and finding every word's place costs more."""
        return PREVIOUS_WORD_RE.search(self.folded, max(0, offset - PREVIOUS_WORD_REACH), offset)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence the offset falls in, if any (not in the blanks between two)."""
        return next((s for s in self.sentences if s.start <= offset < s.end), None)

    def sentence_before(self, offset: int) -> Sentence | None:
        """The last sentence that ends before the offset, if any."""
        return next((s for s in reversed(self.sentences) if s.end <= offset), None)

    def same_sentence(self, first: int, second: int) -> bool:
        """Whether two offsets fall in the same sentence."""
        return any(s.start <= min(first, second) and max(first, second) < s.end
                   for s in self.sentences)

    @once
    def urls(self) -> list[tuple[int, int]]:
        """Spans of the links, in order."""
        text = self.text
        spans = [m.span() for m in SCHEME_URL_RE.finditer(text)]
        # Scheme links come in order and never overlap: a bisection finds the one a domain
        # may sit in (a scan of them all made 5 000 links cost 10 million steps).
        ends = [end for _, end in spans]
        scheme_spans = list(spans)
        for tld in TOP_LEVEL_DOMAIN_RE.finditer(text):
            start = tld.start()
            inside = bisect_right(ends, start)
            if inside < len(scheme_spans) and scheme_spans[inside][0] <= start:
                continue
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_."):
                start -= 1
            while start < tld.start() and text[start] in "-_.":
                start += 1
            if start < tld.start():
                spans.append((start, tld.end()))
        # "see acme.fr/guide." ends the sentence, not the link.
        return sorted((start, len(text[start:end].rstrip(TRAILING_PUNCTUATION)) + start)
                      for start, end in spans)

    @once
    def hashtags(self) -> list[re.Match[str]]:
        return list(HASHTAG_RE.finditer(self.text))

    @once
    def mentions(self) -> list[re.Match[str]]:
        return list(MENTION_RE.finditer(self.text))

    @once
    def emoji(self) -> list[re.Match[str]]:
        return list(EMOJI_RE.finditer(self.text)) + list(TEXT_EMOTICON_RE.finditer(self.text))

    @once
    def quotations(self) -> list[tuple[int, int]]:
        """Spans of quoted speech, quotation marks included."""
        return [m.span() for m in QUOTATION_RE.finditer(self.text)]

    def quoted(self, start: int, end: int) -> bool:
        """Whether the span lies inside quoted speech."""
        return any(first <= start and end <= last for first, last in self.quotations)

    @once
    def capitals_share(self) -> float:
        """Share of the letters that are capitals."""
        # The runs of letters and digits are read already; digits are few.
        letters = sum(map(len, self.word_runs)) - len(DIGIT_RE.findall(self.folded))
        return sum(map(len, CAPITALS_RE.findall(self.text))) / letters if letters else 0.0

    @once
    def exclamations(self) -> int:
        return self.text.count("!")

    @once
    def prose(self) -> str:
        """The text without links, mentions, hashtags and emoji, for language and readability."""
        spans = sorted([*self.urls, *(m.span() for found in (self.mentions, self.hashtags,
                                                                 self.emoji) for m in found)])
        pieces, cursor = [], 0
        for start, end in spans:
            if start >= cursor:
                pieces.append(self.text[cursor:start])
            cursor = max(cursor, end)
        pieces.append(self.text[cursor:])
        return " ".join(" ".join(pieces).split())

    @once
    def language_text(self) -> str:
        """The prose and the words of its hashtags, which are words too ("#ThankYouObama")."""
        tags = [" ".join(HASHTAG_WORD_RE.findall(match.group()[1:])) for match in self.hashtags]
        return " ".join([self.prose, *tags]).strip()

    @once
    def _astral_offsets(self) -> list[int]:
        """Where the characters beyond the BMP are: each takes two UTF-16 code units."""
        return [m.start() for m in ASTRAL_RE.finditer(self.text)]

    def utf16_span(self, start: int, end: int) -> list[int]:
        astral = self._astral_offsets
        if not astral:
            return [start, end]
        return [start + bisect_left(astral, start), end + bisect_left(astral, end)]
