"""tu ↔ vous: what each mark of a French draft becomes in the other form, where that is certain.

text/tone.py says where a draft says tu and where it says vous (its marks); this module says
what to write instead. A pronoun, possessive or imperative switches on its own ("ton" → "votre",
"Partage" → "Partagez", "dis-nous" → "dites-nous"); a subject switches with its verb ("tu peux"
→ "vous pouvez"), so the swap of a subject covers the pronoun, any "ne" and object pronouns
between, and the verb. Where the sentence leaves a doubt — "votre" is "ton" or "ta" by its
noun's gender, "vous êtes prêts" speaks to several people, "te" before an imperative that is no
mark — the swap keeps the mark's span and has no text: a person decides.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from postcoach.text.conjugation import (
    IMPERATIVE_PLURAL,
    IMPERATIVE_SINGULAR,
    PACKAGE,
    PRESENT_PLURAL,
    PRESENT_SINGULAR,
    other_person,
)
from postcoach.text.draft import Draft
from postcoach.text.lexicons import LexiconError, read_entries
from postcoach.text.tone import starts_clause

WORDS = "fr/address/words.tsv"
# The way column of words.tsv: the forms a word may be switched to with certainty.
WAYS = {"↔": ("tu", "vous"), "→": ("vous",), "←": ("tu",)}
TU, VOUS = "tu", "vous"
NEGATIONS = frozenset({"ne", "n'"})
# Object pronouns that may stand between a subject (or "ne") and its verb; the reader's own
# is the one that switches.
OBJECTS = frozenset({"me", "m'", "le", "la", "l'", "les", "lui", "leur", "en", "y", "nous"})
READER_OBJECT = {TU: frozenset({"te", "t'"}), VOUS: frozenset({"vous"})}
# The subjects before a reader's object pronoun: "je te remercie", "on vous attend".
OTHER_SUBJECTS = frozenset({"je", "j'", "il", "elle", "on", "nous", "ils", "elles", "qui", "ça",
                            "cela"})
PREPOSITIONS = frozenset({"à", "de", "d'", "pour", "avec", "chez", "sans", "par", "sur", "sous",
                          "vers", "contre", "selon", "après", "avant", "envers", "près", "en"})
# "que tu aimes" may be a subjunctive, whose plural is "que vous aimiez"; after these, "que"
# opens an indicative.
INDICATIVE_BEFORE_QUE = frozenset({"ce", "est-ce", "parce", "alors", "pendant", "tandis", "dès",
                                   "depuis", "maintenant"})
SUBJUNCTIVE_OPENERS = frozenset({"que", "qu'", "quoique"})
# "vous" speaking to several people cannot become "tu": "venez nombreux", "merci à vous tous".
COLLECTIVE_RE = re.compile(
    r"(?<!\w)(?:nombreux|nombreuses|chacun|chacune|combien|tous|toutes)(?!\w)"
    r"(?!\s+(?:les|ces|nos|vos|mes|tes|ses|leurs|deux|trois|ceux|celles)(?!\w))"
)
# After these verbs the adjective agrees with the subject: "vous êtes prêts" is plural, and so
# is "vous êtes 200 à…".
COPULAS = frozenset({"être", "rester", "devenir", "sembler", "paraître", "demeurer"})
AGREEMENT_ENDINGS = ("s", "x")
NUMBERS = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                     "cent", "mille", "plusieurs", "beaucoup"})
# A participle that agrees with an object "vous" in the plural: "nous vous tiendrons informés".
PLURAL_PARTICIPLE_ENDINGS = ("és", "ées", "is", "us", "ts")
# A word that follows "vous" as its own (tonic) pronoun rather than as an object.
TONIC_FOLLOWERS = frozenset({"qui", "tous", "toutes", "deux", "trois", "autres", "seuls",
                             "seules", "mêmes"})
NOT_BEFORE_SUBJECT = PREPOSITIONS | OBJECTS | NEGATIONS | OTHER_SUBJECTS
INFINITIVE_ENDINGS = ("er", "ir", "oir", "re")
NOT_INFINITIVES = frozenset({"votre", "vôtre", "notre", "nôtre", "autre", "entre", "contre",
                             "outre"})
# "toi qui t'inscris", "vous qui vous inscrivez": the relative's verb agrees with the reader.
READER_TONICS = frozenset({"toi", "vous"})
SENTENCE_END_RE = re.compile(r"[.!?…\n]")
NEXT_CHAR_RE = re.compile(r"\s*(\S?)")
VOWELS = frozenset("aeiouyàâäéèêëîïôöùûü")


@dataclass(frozen=True)
class Swap:
    """What to write in place of [start, end) to use the other form; text None when no
    replacement is certain."""

    start: int
    end: int
    text: str | None = None


@cache
def words(to: str) -> dict[str, str]:
    """The words that switch on their own: form → its form in `to`, where that is certain."""
    source = resources.files(PACKAGE).joinpath(*WORDS.split("/")).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for entry in read_entries("words", "fr/address", source):
        parts = [part.strip() for part in entry.note.split("\t")]
        if len(parts) != 3 or parts[1] not in WAYS or not parts[2]:
            raise LexiconError(f"{WORDS}: '{entry.term}' needs a vous form, a way and a note")
        vous_form, way, _ = parts
        pair = {TU: entry.term, VOUS: vous_form}
        certain = WAYS[way]
        if to in certain:
            other = pair[VOUS if to == TU else TU]
            if table.get(other, pair[to]) != pair[to]:
                raise LexiconError(f"{WORDS}: '{other}' switches two ways towards {to}")
            table[other] = pair[to]
    return table


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def cased(original: str, replacement: str) -> str:
    """The replacement in the original's case: "PARTAGE" → "PARTAGEZ", "Tu" → "Vous"."""
    if not original[:1].isupper():
        return replacement
    if original.isupper() and sum(map(str.isalpha, original)) > 1:
        return replacement.upper()
    return replacement[:1].upper() + replacement[1:]


def _elided(pronoun: str, following: str) -> str | None:
    """"te" before `following`: "t'" before a vowel, None before an h (mute or not?)."""
    first = following[:1].lower()
    if first == "h":
        return None
    return "t'" if first in VOWELS else "te"


class _Switcher:
    def __init__(self, draft: Draft, to: str) -> None:
        self.draft = draft
        self.text = draft.text
        self.words = draft.words
        self.lower = [word.replace("’", "'") for word in draft.lower_words]
        self.to = to
        self.source = VOUS if to == TU else TU
        self._ends: list[int] | None = None
        self._collective: list[int] | None = None

    # --- where the words are -------------------------------------------------------------

    def index_at(self, offset: int) -> int:
        """The word that starts at or contains offset, -1 when none does."""
        index = bisect_right(self.draft.word_starts, offset) - 1
        return index if index >= 0 and offset < self.words[index].end else -1

    def joined(self, left: int, right: int) -> bool:
        """Whether word `left` runs into word `right` on one line with only blanks between (or
        an elision)."""
        if left < 0 or right >= len(self.words):
            return False
        gap = self.text[self.words[left].end:self.words[right].start]
        if not gap:
            return self.lower[left].endswith("'")
        return gap.isspace() and "\n" not in gap

    def plain(self, index: int) -> bool:
        """Whether a word can follow a pronoun inside a clause: a single word, not capitalised
        (a name or a new sentence) unless the whole text around shouts."""
        word = self.words[index].text
        return "-" not in word and (not word[:1].isupper() or word.isupper())

    def before(self, index: int, skip: frozenset[str] = frozenset()) -> int:
        """The word before `index` in the same run of words, past any words in `skip`; -1 if
        none."""
        index -= 1
        while index >= 0 and self.joined(index, index + 1):
            if self.lower[index] not in skip:
                return index
            index -= 1
        return -1

    def after(self, index: int, skip: frozenset[str] = frozenset()) -> int:
        index += 1
        while self.joined(index - 1, index):
            if self.lower[index] not in skip:
                return index
            index += 1
        return -1

    def sentence(self, offset: int) -> tuple[int, int]:
        if self._ends is None:
            self._ends = [m.start() for m in SENTENCE_END_RE.finditer(self.text)]
        position = bisect_left(self._ends, offset)
        start = self._ends[position - 1] + 1 if position else 0
        end = self._ends[position] if position < len(self._ends) else len(self.text)
        return start, end

    def collective(self, offset: int) -> bool:
        """Whether the sentence at offset speaks to several people ("venez nombreux")."""
        if self._collective is None:
            self._collective = [m.start() for m in COLLECTIVE_RE.finditer(self.draft.folded)]
        start, end = self.sentence(offset)
        position = bisect_left(self._collective, start)
        return position < len(self._collective) and self._collective[position] < end

    def is_question(self, offset: int) -> bool:
        _, end = self.sentence(offset)
        return self.text[end:end + 1] == "?"

    def plural_attribute(self, verb: int, lemma: str) -> bool:
        """"vous êtes prêts", "vous avez été nombreux": an attribute that agrees in the plural."""
        following = self.after(verb)
        if lemma == "avoir" and following >= 0 and self.lower[following] == "été":
            lemma, following = "être", self.after(following)
        if lemma not in COPULAS or following < 0:
            return False
        attribute = self.lower[following]
        return attribute.endswith(AGREEMENT_ENDINGS) or attribute.isdigit() or attribute in NUMBERS

    def conjugated(self, form: str, verb: int, person: int, to_person: int) -> str | None:
        """`form`, the verb at word `verb`, in `to_person`; None where that is uncertain, or
        where the verb speaks to several people and so cannot become tu."""
        switched = other_person(form, person, to_person)
        if switched is None:
            return None
        answer, lemma = switched
        if self.to == TU and (self.plural_attribute(verb, lemma)
                              or self.collective(self.words[verb].start)):
            return None
        return answer

    # --- swaps ---------------------------------------------------------------------------

    def swaps(self, marks: list[tuple[int, int]]) -> list[Swap]:
        found: list[Swap] = []
        reach = 0
        for start, end in marks:
            if start < reach:
                continue  # switched with the subject or verb before it
            swap = self.swap(start, end)
            if swap is None or swap.start < reach:
                swap = Swap(start, end)
            found.append(swap)
            reach = max(reach, swap.end)
        return found

    def swap(self, start: int, end: int) -> Swap | None:
        index = self.index_at(start)
        if index < 0:
            return None
        key = _key(self.text[start:end])
        if key in words(self.to):
            return self.word(start, end, index, key)
        if key == "vôtre":
            return self.with_article(start, end, index)
        word = self.words[index]
        if (word.start, word.end) != (start, end) and "-" in self.lower[index]:
            # Part of a hyphenated word: "Êtes-vous" and "faites-vous" are marked in two
            # pieces or one, "vous-même" by its pronoun.
            if self.lower[index] == "vous-même":
                return self.tonic(index, "")
            return self.hyphenated(index) if self.lower[index] != key else None
        if key == self.source:
            return self.subject(index) or (self.pronoun(index) if self.to == TU else None)
        if key in READER_OBJECT[self.source]:
            return self.pronoun(index)
        if "-" in key:
            return self.hyphenated(index)
        return self.imperative(start, end)

    def replace(self, first: int, last: int, pieces: list[str]) -> Swap:
        """Words first..last written as `pieces`, one per word, blanks kept between them (an
        elided piece is glued to the next, a piece that no longer elides gets a space)."""
        out = []
        for offset, piece in enumerate(pieces):
            index = first + offset
            out.append(cased(self.words[index].text, piece))
            if index < last:
                gap = self.text[self.words[index].end:self.words[index + 1].start]
                out.append("" if piece.endswith("'") else (gap or " "))
        return Swap(self.words[first].start, self.words[last].end, "".join(out))

    def word(self, start: int, end: int, index: int, key: str) -> Swap | None:
        following = self.after(self.index_at(end - 1))
        if key == "toi" and following >= 0 and self.lower[following] == "qui":
            return None  # "toi qui aimes" → "vous qui aimez": the verb would have to follow
        return Swap(start, end, cased(self.text[start:end], words(self.to)[key]))

    def with_article(self, start: int, end: int, index: int) -> Swap | None:
        """"la vôtre" → "la tienne": the article tells the gender."""
        first = index
        for _ in range(2):
            first = self.before(first)
            if first < 0:
                return None
            key = _key(self.text[self.words[first].start:end])
            if key in words(self.to):
                return Swap(self.words[first].start, end,
                            cased(self.words[first].text, words(self.to)[key]))
        return None

    def chain(self, first: int, person: int, to_person: int) -> Swap | None:
        """Words from `first` (a subject, "ne", or the verb itself) to the verb: the subject and
        the reader's object pronouns switched, the verb put in `to_person`."""
        pieces: list[str | None] = []
        index = first
        while True:
            word = self.lower[index]
            if index == first and word == self.source:
                pieces.append(self.to)
            elif word in NEGATIONS or word in OBJECTS:
                pieces.append(word)
            elif word in READER_OBJECT[self.source]:
                pieces.append(None)  # "te", "t'" or "vous": told by the next word
            else:
                break
            index = self.after(index)
            if index < 0 or not self.plain(index):
                return None
        verb = self.lower[index]
        form = None if "-" in verb else self.conjugated(verb, index, person, to_person)
        if form is None:
            return None
        pieces.append(form)
        # Right to left, the reader's pronoun elides (or not) before the word now after it;
        # "ne" stays as it is ("ne te" → "ne vous", "ne vous" → "ne t'").
        for position in range(len(pieces) - 2, -1, -1):
            if pieces[position] is None:
                pieces[position] = ("vous" if self.to == VOUS
                                    else _elided("te", pieces[position + 1]))
                if pieces[position] is None:
                    return None
        return self.replace(first, index, pieces)

    def subject(self, index: int) -> Swap | None:
        """"tu peux" → "vous pouvez", "vous vous inscrivez" → "tu t'inscris"."""
        previous = self.before(index)
        previous_word = self.lower[previous] if previous >= 0 else ""
        if previous_word in NOT_BEFORE_SUBJECT:
            return None  # "chez vous", "je vous", "qui vous", "ne vous": not a subject
        if self.to == VOUS and self.subjunctive_may_follow(previous):
            verb = self.after(index, NEGATIONS | OBJECTS | READER_OBJECT[TU])
            if verb >= 0 and self.lower[verb].endswith("es"):
                return None
        return self.chain(index, *self.persons(PRESENT_SINGULAR))

    def persons(self, singular: int) -> tuple[int, int]:
        """(the source person, the target person) for the singular one given."""
        plural = singular + 1
        return (singular, plural) if self.to == VOUS else (plural, singular)

    def subjunctive_may_follow(self, previous: int) -> bool:
        if previous < 0 or self.lower[previous] not in SUBJUNCTIVE_OPENERS:
            return False
        if self.lower[previous] == "quoique":
            return True
        opener = self.before(previous)
        if opener < 0 or self.lower[opener] not in INDICATIVE_BEFORE_QUE:
            return True
        # "jusqu'à ce que" is a subjunctive.
        return self.lower[opener] == "ce" and self.before(opener) >= 0 and \
            self.lower[self.before(opener)] == "à"

    def pronoun(self, index: int) -> Swap | None:
        """The reader as an object or after a preposition: "je te remercie" → "je vous
        remercie", "pour vous" → "pour toi", "Ne t'inquiète pas" → "Ne vous inquiétez pas"."""
        negation = self.before(index)
        if (negation >= 0 and self.lower[negation] in NEGATIONS
                and starts_clause(self.draft, self.words[negation].start)):
            return self.chain(negation, *self.persons(IMPERATIVE_SINGULAR))
        if self.to == TU and self.collective(self.words[index].start):
            return None
        previous = self.before(index, NEGATIONS)
        previous_word = self.lower[previous] if previous >= 0 else ""
        following = self.after(index, OBJECTS)
        if previous_word == "qui" and self.before(previous) >= 0 and \
                self.lower[self.before(previous)] in READER_TONICS:
            return None
        # An object pronoun before an infinitive, or a gerund, is the reader whoever the
        # subject is: "pour te remercier", "en vous inscrivant".
        following_word = self.lower[following] if following >= 0 else "-"
        verbal = "-" not in following_word and following_word not in NOT_INFINITIVES and (
            following_word.endswith(INFINITIVE_ENDINGS)
            or (previous_word == "en" and following_word.endswith("ant")))
        if previous_word in OTHER_SUBJECTS or verbal:
            return self.object_swap(index)
        return self.tonic(index, previous_word) if self.to == TU else None

    def object_swap(self, index: int) -> Swap | None:
        following = self.after(index)
        if following < 0 or not self.plain(following):
            return None
        if self.to == VOUS:
            if other_person(self.lower[following], PRESENT_SINGULAR, PRESENT_PLURAL):
                return None  # "t'es", "t'as": "tu es", "tu as" said fast
            if self.lower[index] == "t'" and self.lower[following][:1] not in VOWELS | {"h"}:
                return None
            # "t'offre" → "vous offre": the elided pronoun takes its verb along.
            if self.lower[index] == "t'":
                return self.replace(index, following, ["vous", self.words[following].text])
            return Swap(self.words[index].start, self.words[index].end,
                        cased(self.words[index].text, "vous"))
        pronoun = _elided("te", self.words[following].text)
        participle = self.after(following)
        if pronoun is None or (participle >= 0 and
                               self.lower[participle].endswith(PLURAL_PARTICIPLE_ENDINGS)):
            return None
        if pronoun == "t'":
            return self.replace(index, following, [pronoun, self.words[following].text])
        return Swap(self.words[index].start, self.words[index].end,
                    cased(self.words[index].text, pronoun))

    def tonic(self, index: int, previous_word: str) -> Swap | None:
        """"chez vous" → "chez toi", "vous-même" → "toi-même", "Et vous ?" → "Et toi ?"."""
        word = self.words[index]
        if self.lower[index] == "vous-même":
            return Swap(word.start, word.start + len("vous"), cased(word.text, "toi"))
        following = self.after(index)
        if following >= 0 and self.lower[following] in TONIC_FOLLOWERS:
            return None
        next_char = NEXT_CHAR_RE.match(self.text, word.end).group(1)
        if previous_word in PREPOSITIONS or (previous_word == "et" and next_char in "?!,.…"):
            return Swap(word.start, word.end, cased(word.text, "toi"))
        return None

    def hyphenated(self, index: int) -> Swap | None:
        """"dis-nous" → "dites-nous", "Abonnez-vous" → "Abonne-toi", "Veux-tu" → "Voulez-vous",
        "Va-t'en" → "Allez-vous-en", "Profitez-en" → "Profites-en"."""
        word = self.words[index]
        head, *pronouns = self.lower[index].split("-")
        if self.source == TU and pronouns == ["tu"]:
            return self.inverted(index, head)
        if self.source == VOUS and pronouns == ["vous"] and self.is_question(word.start):
            return self.inverted(index, head)
        if self.to == VOUS and head.endswith("s") and pronouns[0] in ("en", "y"):
            bare = other_person(head[:-1], IMPERATIVE_SINGULAR, IMPERATIVE_PLURAL)
            if bare and head[:-1].endswith(("e", "a")):
                head = head[:-1]  # "vas-y", "parles-en": the s is only for the sound
        form = self.conjugated(head, index, *self.persons(IMPERATIVE_SINGULAR))
        if form is None:
            return None
        swapped = self.object_pronouns(pronouns)
        if self.to == TU and swapped[0] in ("en", "y") and form.endswith(("e", "a")):
            form += "s"  # "parles-en", "vas-y"
        return Swap(word.start, word.end, cased(word.text, "-".join([form, *swapped])))

    def object_pronouns(self, pronouns: list[str]) -> list[str]:
        """The pronouns after an imperative, the reader's switched."""
        out: list[str] = []
        for position, pronoun in enumerate(pronouns):
            if self.to == VOUS:
                if pronoun == "toi":
                    out.append("vous")
                elif pronoun.startswith("t'"):
                    out += ["vous", pronoun[2:]]  # "va-t'en" → "allez-vous-en"
                else:
                    out.append(pronoun)
            elif pronoun == "vous":
                following = pronouns[position + 1] if position + 1 < len(pronouns) else ""
                out.append("toi" if following not in ("en", "y") else "t'")
            elif out and out[-1] == "t'":
                out[-1] += pronoun  # "allez-vous-en" → "va-t'en"
            else:
                out.append(pronoun)
        return out

    def inverted(self, index: int, head: str) -> Swap | None:
        """"Veux-tu" → "Voulez-vous", "Avez-vous" → "As-tu"."""
        form = self.conjugated(head, index, *self.persons(PRESENT_SINGULAR))
        if form is None:
            return None
        word = self.words[index]
        return Swap(word.start, word.end, cased(word.text, f"{form}-{self.to}"))

    def imperative(self, start: int, end: int) -> Swap | None:
        """"Partage" → "Partagez", "N'hésitez" → "N'hésite"; at the start of a clause only (a
        lone "-ez" elsewhere may be a present whose subject came before)."""
        first, last = self.index_at(start), self.index_at(end - 1)
        if last < 0 or self.words[last].end != end or "-" in self.lower[last]:
            return None
        lead = first
        if first == last:
            previous = self.before(first)
            if previous >= 0 and self.lower[previous] in NEGATIONS:
                lead = previous  # "N'hésitez" where the mark is the verb alone
        if not starts_clause(self.draft, self.words[lead].start):
            return None
        if any(self.lower[i] not in NEGATIONS for i in range(lead, last)):
            return None
        return self.chain(lead, *self.persons(IMPERATIVE_SINGULAR))


def switch(draft: Draft, marks: list[tuple[int, int]], to: str) -> list[Swap]:
    """One swap per mark of the form that is not `to` ("tu" or "vous"), in order; a subject
    and the marks between it and its verb make one swap."""
    return _Switcher(draft, to).swaps(marks)
