"""French second persons: one verb form to its other person, where that is certain.

The tu ↔ vous fixes need "tu peux" → "vous pouvez", "Partage" → "Partagez", "racontez" →
"raconte". A form is read back to its verb, then conjugated again in the other person:
- the verbs of lexicons/fr/address/conjugations.tsv (irregular, or a stem change their spelling
  does not tell) give their forms as written there;
- the verbs of lexicons/fr/lemmas/verbs.tsv (made from a dictionary by `make lemmas`) follow
  their group's rules: -er (partager: partages, partagez, partage), -ir with -issez (choisir:
  choisis, choisissez) and -dre (répondre: réponds, répondez).
A form that reads back to no verb, or to verbs that disagree, has no other person: the caller
offers no fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from postcoach.text.lexicons import LexiconError, read_entries

PRESENT_SINGULAR, PRESENT_PLURAL, IMPERATIVE_SINGULAR, IMPERATIVE_PLURAL = range(4)
PACKAGE = "postcoach.text.lexicons"
CONJUGATIONS = "fr/address/conjugations.tsv"
VERBS = "fr/lemmas/verbs.tsv"
MISSING = "-"
VOWELS = frozenset("aeiouyàâäéèêëîïôöùûü")
# -ayer verbs take both spellings: "tu paies" and "tu payes".
Y_TO_I = ("oy", "uy", "ay")


@dataclass(frozen=True)
class Verb:
    lemma: str
    # Per person (the constants above): the accepted spellings, the first preferred; empty
    # where the form does not exist or no rule gives it with certainty.
    forms: tuple[tuple[str, ...], ...]

    def spells(self, person: int, form: str) -> bool:
        return form in self.forms[person]

    def form(self, person: int) -> str | None:
        spellings = self.forms[person]
        return spellings[0] if spellings else None


def verbs_file():
    return resources.files(PACKAGE).joinpath(*VERBS.split("/"))


def parse(source: str) -> dict[str, Verb]:
    """The verbs of a conjugation table; a verb listed twice, or without its four forms and a
    note, refuses to load."""
    verbs = {}
    for entry in read_entries("conjugations", "fr/address", source):
        *forms, note = entry.note.split("\t")
        if len(forms) != 4 or not note.strip():
            raise LexiconError(f"{CONJUGATIONS}: '{entry.term}' needs four forms and a note")
        verbs[entry.term] = Verb(entry.term, tuple(() if form.strip() == MISSING
                                                   else (form.strip(),) for form in forms))
    return verbs


@cache
def irregular() -> dict[str, Verb]:
    source = resources.files(PACKAGE).joinpath(*CONJUGATIONS.split("/"))
    return parse(source.read_text(encoding="utf-8"))


@cache
def _irregular_index() -> dict[tuple[int, str], frozenset[str]]:
    """(person, form) → the listed verbs that spell it so."""
    index: dict[tuple[int, str], set[str]] = {}
    for verb in irregular().values():
        for person, spellings in enumerate(verb.forms):
            for spelling in spellings:
                index.setdefault((person, spelling), set()).add(verb.lemma)
    return {key: frozenset(lemmas) for key, lemmas in index.items()}


@cache
def regular() -> frozenset[str]:
    source = verbs_file().read_text(encoding="utf-8")
    return frozenset(line for line in source.splitlines() if line and not line.startswith("# "))


def _vowel_at(stem: str) -> int:
    """Where the stem's last vowel is, a "u" after g or q being part of the consonant."""
    index = len(stem) - 1
    if index > 0 and stem[index] == "u" and stem[index - 1] in "gq":
        index -= 2
    while index >= 0 and stem[index] not in VOWELS:
        index -= 1
    return index


def _singular_stems(stem: str) -> tuple[str, ...]:
    """The stem(s) of a first-group verb before a silent ending (tu partages, tu lèves, tu
    envoies), empty where its spelling does not tell (appelle or gèle?)."""
    if stem.endswith(Y_TO_I):
        changed = stem[:-1] + "i"
        return (changed, stem) if stem.endswith("ay") else (changed,)
    vowel = _vowel_at(stem)
    if vowel < 0:
        return (stem,)
    tail = stem[vowel + 1:].removesuffix("u") if stem[-1:] == "u" else stem[vowel + 1:]
    letter = stem[vowel]
    if not tail or letter not in "eé":
        return (stem,)
    if letter == "e" and vowel and stem[vowel - 1] in VOWELS:
        return ()  # "ue", "oe": no rule worth trusting
    grave = stem[:vowel] + "è" + stem[vowel + 1:]
    if letter == "é":
        return (grave,)  # préférer → préfères, protéger → protèges, célébrer → célèbres
    if len(tail) == 1:
        # lever → lèves, mener → mènes; -eler and -eter go either way (appelle, gèle).
        if tail == "x":
            return (stem,)  # vexer → vexes: x sounds as two consonants
        return () if tail in "lt" else (grave,)
    if tail[0] != tail[1] and tail[1] in "rl":
        return ()  # sevrer → sèvres, but who knows the next one
    return (stem,)  # presser, fermer, tester: no change


def _by_rule(lemma: str) -> Verb | None:
    if lemma not in regular():
        return None
    if lemma.endswith("er"):
        stem = lemma[:-2]
        singular = _singular_stems(stem)
        plural = (stem + "ez",)
        return Verb(lemma, (tuple(s + "es" for s in singular), plural,
                            tuple(s + "e" for s in singular), plural))
    if lemma.endswith("dre"):
        stem = lemma[:-2]
        return Verb(lemma, ((stem + "s",), (stem + "ez",)) * 2)
    stem = lemma[:-2]
    return Verb(lemma, ((stem + "is",), (stem + "issez",)) * 2)


@cache
def verb(lemma: str) -> Verb | None:
    """The verb's second persons: as listed, or by its group's rules."""
    return irregular().get(lemma) or _by_rule(lemma)


def _rule_candidates(form: str, person: int) -> set[str]:
    """Infinitives the form may come from by the rules; verb() confirms them."""
    candidates = set()
    if person in (PRESENT_PLURAL, IMPERATIVE_PLURAL):
        if form.endswith("issez"):
            candidates.add(form[:-5] + "ir")
        if form.endswith("ez"):
            candidates.update((form[:-2] + "er", form[:-2] + "re"))
        return candidates
    if form.endswith("is"):
        candidates.add(form[:-2] + "ir")
    if form.endswith("ds"):
        candidates.add(form[:-1] + "re")
    ending = "es" if person == PRESENT_SINGULAR else "e"
    if form.endswith(ending):
        stem = form[: -len(ending)]
        stems = {stem}
        if stem.endswith("i"):
            stems.add(stem[:-1] + "y")
        for index, letter in enumerate(stem):
            if letter == "è":
                stems.update((stem[:index] + "e" + stem[index + 1:],
                              stem[:index] + "é" + stem[index + 1:]))
        candidates.update(s + "er" for s in stems)
    return candidates


@lru_cache(maxsize=65_536)
def other_person(form: str, person: int, to: int) -> tuple[str, str] | None:
    """(the form in person `to`, its infinitive) of a lower-case `form` in `person`, or None
    when the form is no verb we know or its verbs disagree."""
    listed = _irregular_index().get((person, form))
    # A listed verb takes precedence: "venez" is venir's, though a rare "vener" exists.
    lemmas = listed or {lemma for lemma in _rule_candidates(form, person)
                        if (found := verb(lemma)) and found.spells(person, form)}
    answers = {(verb(lemma).form(to), lemma) for lemma in lemmas}
    if len({answer for answer, _ in answers}) != 1:
        return None
    answer, lemma = min(answers)
    return (answer, lemma) if answer else None
