"""How a draft sounds: tu or vous, how formal, how much emoji and exclamation."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from postcoach.text import signals
from postcoach.text.draft import WORD_RE, Draft, Word, once
from postcoach.text.lexicons import load
from postcoach.text.readability import reading_ease

# Words ending in -ez that are not second-person plural verb forms.
NOT_VOUS_EZ = frozenset({"chez", "assez", "nez", "rez", "lez", "ez"})
# A "vous" inside a compound noun addresses nobody: "prendre rendez-vous".
NOUNS_WITH_VOUS = frozenset({"rendez-vous"})
# "le ton de la marque", "un ton décalé": after a determiner, "ton" is a tone, not a possessive.
DETERMINERS_BEFORE_TON = frozenset({
    "le", "un", "ce", "du", "au", "mon", "son", "leur", "notre", "votre", "même", "quel", "bon",
})
# The only vous imperatives that do not end in -ez; elsewhere they are participles ("les
# choses dites"), so they count at the start of a clause only.
VOUS_IMPERATIVES = frozenset({"faites", "dites"})
# "Allez, …" and "Allez !" cheer on whoever reads, tutoyé or not; "Allez voir" is vous.
CHEER = "allez"
# A connective may open the clause before an imperative: "Alors partage ta recette".
CONNECTIVES = frozenset({
    "alors", "et", "mais", "donc", "puis", "ensuite", "maintenant", "enfin", "bref", "allez",
    "oui", "non", "bon", "surtout", "vite", "ok",
})
CLAUSE_OPENERS = frozenset(".!?…:;,\n•–—(\"«»“”*")
# A connective before an imperative must open a sentence: after a comma, "mais continue ses
# projets" is a verb whose subject came before.
SENTENCE_OPENERS = frozenset(".!?…\n•–—(\"«»“”*")
CLAUSE_END = frozenset(".!?…:;,)\"»”")
NEXT_CHAR_RE = re.compile(r"\s*(\S?)")
VOUS_VERB_RE = re.compile(r"^[^\W\d_]{2,}ez(?:-(?:vous|en|nous|le|la|les|moi|y|lui|leur))*$")
TU_HYPHEN_RE = re.compile(r"-(?:toi|tu|t['’]\w*)$")
# A verb joined to object pronouns is an imperative ("parle-moi", "fais-le", "vas-y"); which
# person it addresses is told by its ending.
IMPERATIVE_RE = re.compile(r"^([^\W\d_]+)(?:-(?:moi|nous|le|la|les|lui|leur|en|y))+$")
NOT_TU_STEM_RE = re.compile(r"(?:ez|ons)$")
# Only a hyphenated word or one with these endings can be a mark by its shape alone.
SHAPE_ENDINGS = ("ez", *VOUS_IMPERATIVES)
# Where a word may have such a shape: a hyphen, or a shape ending where a word ends.
SHAPE_HINT_RE = re.compile("-|(?:" + "|".join(SHAPE_ENDINGS) + r")(?![^\W_])")
# A character a word (WORD_RE) may hold: a letter or digit, or a joiner.
WORD_PIECE_RE = re.compile(r"[^\W_]|['’\-]")
NOT_IMPERATIVE_STEMS = frozenset(
    {"chez", "entre", "sommes", "êtes", "ce", "celui", "celle", "ceux"}
)
# "Va-t-il ?", "Fais-je ?": a question's inverted subject, not an imperative.
INVERTED_SUBJECT_RE = re.compile(r"-(?:t-)?(?:je|il|elle|on|ils|elles|ce)(?!\w)")

Span = tuple[int, int]


@dataclass(frozen=True)
class AddressMarks:
    tu: list[Span]
    vous: list[Span]

    @property
    def form(self) -> str:
        if self.tu and self.vous:
            return "mixed"
        if self.tu:
            return "tu"
        if self.vous:
            return "vous"
        return "none"


def _previous_word_index(draft: Draft, offset: int) -> int:
    """Index in draft.words of the last word starting before offset, -1 when there is none."""
    return bisect_left(draft.word_starts, offset) - 1


def _follows_break(text: str, offset: int, breaks: frozenset[str] = CLAUSE_OPENERS) -> bool:
    """Only white space, emoji or symbols between a break (or the start) and offset."""
    index = offset - 1
    while index >= 0:
        char = text[index]
        if char.isalnum():
            return False
        if char in breaks:
            return True
        # A dash opens a clause ("- Partage"), a hyphen inside a word does not ("co-partage").
        if char == "-" and (index == 0 or not text[index - 1].isalnum()):
            return True
        index -= 1
    return True


def starts_clause(draft: Draft, offset: int) -> bool:
    if _follows_break(draft.text, offset):
        return True
    # Most words that look like an imperative stand mid-sentence: the word before tells.
    previous = draft.word_before(offset)
    return (
        previous is not None
        and previous.group(1) in CONNECTIVES
        and _follows_break(draft.text, previous.start(1), SENTENCE_OPENERS)
    )


def _is_proper_noun(draft: Draft, start: int, word: str) -> bool:
    """Capitalised inside a sentence ("Martinez", "Rodez"): a name rather than a verb."""
    return word[:1].isupper() and not word.isupper() and not starts_clause(draft, start)


def _ton_is_noun(draft: Draft, start: int, end: int) -> bool:
    previous = _previous_word_index(draft, start)
    before = draft.lower_words[previous] if previous >= 0 else ""
    if before in DETERMINERS_BEFORE_TON:
        return True
    # "changer de ton." — a possessive would be followed by its noun.
    following = _next_char(draft.text, end)
    return before == "de" and (not following or following in CLAUSE_END)


def _next_char(text: str, offset: int) -> str:
    """The first character after offset that is not white space, "" at the end."""
    return NEXT_CHAR_RE.match(text, offset).group(1)


def _cheers(draft: Draft, word_end: int) -> bool:
    return _next_char(draft.text, word_end) in ("", ",", "!", "…")


def _shaped_words(draft: Draft) -> Iterator[Word]:
    """The words (as WORD_RE reads them) with a hyphen or a shape ending, in order: found from
    the few places such a shape stands, not by finding every word's place."""
    folded, reach = draft.folded, 0
    for hint in SHAPE_HINT_RE.finditer(folded):
        if hint.start() < reach:
            continue
        # Back to where the run of word characters and joiners starts: no word crosses there,
        # so reading words from there reads them as a reading from the start would.
        start = hint.start()
        while start and WORD_PIECE_RE.match(folded, start - 1):
            start -= 1
        for match in WORD_RE.finditer(folded, start):
            if match.start() > hint.start():
                break
            if match.end() > hint.start():
                reach = match.end()
                if "-" in match.group() or match.group().endswith(SHAPE_ENDINGS):
                    yield Word(match.start(), match.end(), draft.text[match.start():match.end()])
                break


def _word_marks(draft: Draft, tu: list[Span], vous: list[Span]) -> list[Span]:
    """Marks told by a word's shape (-ez, imperative + pronoun); returns compound nouns to skip."""
    nouns = []
    for word in _shaped_words(draft):
        lower = draft.folded[word.start:word.end]
        span = (word.start, word.end)
        if lower in NOUNS_WITH_VOUS:
            nouns.append(span)
        elif TU_HYPHEN_RE.search(lower):
            tu.append(span)
        elif lower in VOUS_IMPERATIVES:
            if starts_clause(draft, word.start):
                vous.append(span)
        elif _is_proper_noun(draft, word.start, word.text):
            continue
        elif VOUS_VERB_RE.match(lower) and lower.partition("-")[0] not in NOT_VOUS_EZ:
            if lower != CHEER or not _cheers(draft, word.end):
                vous.append(span)
        elif imperative := IMPERATIVE_RE.match(lower):
            stem = imperative.group(1)
            pronouns = word.text[len(stem):]
            if pronouns != pronouns.lower() and not word.text.isupper():
                continue  # "PATRIMOINE-Le fromage": a heading glued to its title
            if stem in VOUS_IMPERATIVES:
                vous.append(span)
            elif stem not in NOT_IMPERATIVE_STEMS and not NOT_TU_STEM_RE.search(stem):
                tu.append(span)
    return nouns


def _outermost(marks: list[Span]) -> list[Span]:
    """Sorted marks without those lying inside another ("Parle" within "Parle-moi")."""
    kept: list[Span] = []
    for start, end in sorted(set(marks), key=lambda span: (span[0], -span[1])):
        if not kept or end > kept[-1][1]:
            kept.append((start, end))
    return kept


def _outside(marks: list[Span], ranges: list[Span]) -> list[Span]:
    """Marks not inside any of `ranges`, which are sorted and do not overlap."""
    starts = [start for start, _ in ranges]
    kept = []
    for mark in marks:
        index = bisect_right(starts, mark[0]) - 1
        if index < 0 or ranges[index][1] < mark[1]:
            kept.append(mark)
    return kept


def address_marks(draft: Draft) -> AddressMarks:
    """Where a French draft says tu and where it says vous (code-point spans)."""
    folded = draft.folded
    tu = [
        m.span() for m in load("fr", "address_tu").finditer(draft)
        if m.group() != "ton" or not _ton_is_noun(draft, m.start(), m.end())
    ]
    tu += [
        m.span() for m in load("fr", "imperatives_tu").finditer(draft)
        if starts_clause(draft, m.start()) and not INVERTED_SUBJECT_RE.match(folded, m.end())
    ]
    vous = [m.span() for m in load("fr", "address_vous").finditer(draft)]
    nouns = _word_marks(draft, tu, vous)
    tu, vous = _outside(tu, nouns), _outside(vous, nouns)
    # Quoted speech is someone else talking: the author's own words decide when they say anything.
    quoted = draft.quotations
    if quoted:
        own_tu, own_vous = _outside(tu, quoted), _outside(vous, quoted)
        if own_tu or own_vous:
            tu, vous = own_tu, own_vous
    return AddressMarks(_outermost(tu), _outermost(vous))


class ToneReading:
    """The tone measures of one draft, each computed once."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    @once
    def address(self) -> AddressMarks:
        if self.draft.language != "fr":
            return AddressMarks([], [])
        return address_marks(self.draft)

    @once
    def emoji(self) -> int:
        return len(self.draft.emoji)

    @once
    def exclamations(self) -> int:
        return self.draft.exclamations

    @once
    def hashtags(self) -> int:
        return len(self.draft.hashtags)

    @once
    def reading_ease(self) -> float | None:
        return reading_ease(self.draft.prose, self.draft.language)

    @once
    def formality(self) -> int:
        """0 (chatty) to 100 (institutional), from register words, address and punctuation."""
        draft = self.draft
        if not draft.word_count:
            return 50
        score = 55.0
        score += 9 * len(signals.lexicon_hits(draft, "formal"))
        score -= 9 * len(signals.lexicon_hits(draft, "informal"))
        form = self.address.form
        score += {"vous": 12, "tu": -15, "mixed": -8}.get(form, 0)
        score -= min(4 * self.emoji, 20)
        score -= min(3 * self.exclamations, 15)
        if draft.language == "en":
            contractions = draft.folded.count("'") + draft.folded.count("’")
            score -= min(3 * contractions, 12)
        mean_length = sum(map(len, draft.lower_words)) / draft.word_count
        score += max(-8.0, min(8.0, (mean_length - 4.6) * 6))
        if draft.text.strip()[:1].islower():
            score -= 5
        return round(max(0.0, min(100.0, score)))

    def as_json(self, with_reading_ease: bool = True) -> dict:
        return {
            "address_form": self.address.form,
            "formality": self.formality,
            "reading_ease": self.reading_ease if with_reading_ease else None,
            "emoji": self.emoji,
            "exclamations": self.exclamations,
            "hashtags": self.hashtags,
        }
