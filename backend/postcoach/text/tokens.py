"""The draft as a sequence of tokens, each word with its lemmas and word classes.

Patterns (text/patterns) and features (scoring) read tokens rather than characters: a word
carries the forms a lexicon may list it under — its lemma from simplemma's dictionary, its
surface form, and a guess for the regular inflections simplemma does not know ("taguez" →
"taguer", "likez" → "liker") — so one lexicon entry covers every inflection. A word's classes
are the class lexicons (`lexicons/<lang>/classes/*.tsv`) that list one of those forms.

Besides words, a token is a number, an emoji, a quoted or shouted keyword ("YES", « OUI »), a
hashtag (followed by the words glued in it, "#LikeIfUseful" by like, if, useful, and
"#shareifyouagree" by share, if, you, agree), a mention, a link, a comma-like mark or a sentence
end.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from postcoach.contract import LANGUAGES
from postcoach.text.draft import (
    EMOJI_RE,
    HASHTAG_RE,
    HASHTAG_WORD_RE,
    MENTION_RE,
    WORD_RE,
    Draft,
    fold,
)
from postcoach.text.lexicons import read_entries

WORD, NUMBER, EMOJI, KEYWORD, HASHTAG, MENTION, URL, PUNCT, END, CLITIC, HASHWORD = (
    "word", "number", "emoji", "keyword", "hashtag", "mention", "url", "punct", "end", "clitic",
    "hashword",
)
# Object pronouns glued after a French imperative name the object: "tague-la", "partage-le".
OBJECT_CLITICS = frozenset({"le", "la", "les", "lui", "leur"})
# A capital letter standing alone before one of these is an option: "Tape A pour chat".
OPTION_FOLLOWERS = frozenset({"for", "pour", "or", "ou", "=", ",", "/", "and", "et"})

# A short quoted phrase is a keyword ("Commente « JE VEUX »", 'Say "I'm in"'); a longer one is a
# quotation. An English contraction's apostrophe is part of it; any other closes a single quote
# or makes the words a label (« J'aime la page », read word by word as a reaction).
QUOTED_RE = re.compile(
    r"(?:«\s?|“|\"|(?<![\w'’])['‘])"
    r"([^\s\"“”«»‘’'](?:[^\"“”«»‘’'\n]|(?<=\w)['’](?=(?i:m|s|re|ll|d|ve|t)\b)){0,28}?)"
    r"(?:\s?»|”|\"|['’](?![\w]))"
)
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
PUNCT_RE = re.compile(r"[.!?…;]+|\n|[,:()\[\]—–=+/&%]|(?<![\w@])@(?![\w.])|[👇👉👆⬇➡⤵↓→]\ufe0f?")
# Where a word cannot start because the character is read as another kind: digits are numbers
# and pictographs are emoji ("❶" is also a letter-like character).
NOT_A_WORD_START = "[\\d\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]"
# The blanks before a token are part of its match, and the commonest kinds come first: a
# search that fails every alternative at each blank costs three times as much. Words come
# first but never start where a number or an emoji does; arrows are marks before they are emoji.
TOKEN_RE = re.compile(
    r"[^\S\n]*(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in (
        (WORD, f"(?!{NOT_A_WORD_START})(?:{WORD_RE.pattern})"), (NUMBER, NUMBER_RE.pattern),
        (PUNCT, PUNCT_RE.pattern), (EMOJI, EMOJI_RE.pattern), (MENTION, MENTION_RE.pattern),
        (HASHTAG, HASHTAG_RE.pattern), (KEYWORD, QUOTED_RE.pattern),
    ))
    + ")",
    re.IGNORECASE,
)
SENTENCE_ENDS = frozenset(".!?…;\n")
# French object pronouns glued to an imperative: "abonnez-vous", "tague-la", "profitez-en".
CLITIC_RE = re.compile(r"^(.+?)((?:-(?:t-)?(?:moi|toi|nous|vous|le|la|les|lui|leur|en|y|m'|t'))+)$")
# English contractions, read as the words they stand for: "you're" is "you are".
CONTRACTION_RE = re.compile(r"^(.+?)(n['’]t|['’](?:re|ve|ll|d|m|s))$", re.IGNORECASE)
CONTRACTED = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would",
              "'m": "am", "'s": "is"}
NEGATED_HEADS = {"ca": "can", "wo": "will", "sha": "shall"}
MAX_KEYWORD_WORDS = 4
# Marks that join two words in capitals into one shout: "TALK & TEXT".
JOINERS = frozenset("&+-/")


class Token(NamedTuple):
    start: int
    end: int
    kind: str
    text: str
    # Case-folded text; for a keyword, the text inside its quotes.
    lower: str


def _split_clitics(start: int, text: str) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, text, folded text, glued pronoun?) of the word's parts: "abonnez-vous" is
    two words, "you're" is "you" and "are"."""
    match = CLITIC_RE.match(text)
    if match and len(match.group(1)) >= 2:
        head = match.group(1)
        pieces = [(start, start + len(head), head, fold(head), False)]
        offset = start + len(head)
        for clitic in match.group(2).split("-")[1:]:
            offset += 1  # the hyphen
            pieces.append((offset, offset + len(clitic), clitic, fold(clitic), True))
            offset += len(clitic)
        return pieces
    match = CONTRACTION_RE.match(text)
    if match:
        head, tail = match.groups()
        folded_head = fold(head)
        if tail[0] in "nN":
            folded_head = NEGATED_HEADS.get(folded_head, folded_head)
        middle = start + len(head)
        return [(start, middle, head, folded_head, False),
                (middle, start + len(text), tail, CONTRACTED[fold(tail).replace("’", "'")],
                 False)]
    return [(start, start + len(text), text, fold(text), False)]


def _is_shouted(text: str) -> bool:
    """A word in capitals longer than most acronyms: "GUIDE", "YES", not "AI" or "EU"."""
    return len(text) >= 3 and text.isupper()


def tokens_of(draft: Draft) -> list[Token]:
    """The draft's tokens, made once per draft."""
    found = draft.memo.get("tokens")
    if found is None:
        found = draft.memo["tokens"] = tokenize(draft)
    return found


def tokenize(draft: Draft) -> list[Token]:
    text = draft.text
    # Folding keeps offsets (see draft.fold), so each token's folded text is a slice of it.
    folded = draft.folded
    tokens: list[Token] = []
    letters: list[int] = []  # where a capital letter stands alone: maybe an option
    shouted: list[int] = []  # where a word in capitals stands: maybe a keyword
    urls = draft.urls
    url_index = 0
    position = 0
    new = tuple.__new__
    append = tokens.append
    while True:
        limit = urls[url_index][0] if url_index < len(urls) else len(text)
        for match in TOKEN_RE.finditer(text, position, limit):
            kind = match.lastgroup
            raw = match[kind]
            # The token ends the match; the blanks before it are the rest.
            end = match.end()
            start = end - len(raw)
            if kind == WORD:
                if "-" in raw or "'" in raw or "’" in raw:
                    for piece_start, piece_end, piece, lower, glued in _split_clitics(start, raw):
                        kind_of_piece = (CLITIC if glued and lower in OBJECT_CLITICS
                                         else KEYWORD if _is_shouted(piece) else WORD)
                        append(new(Token, (piece_start, piece_end, kind_of_piece, piece, lower)))
                    continue
                if raw.isupper():
                    if len(raw) == 1:
                        letters.append(len(tokens))
                    elif _is_shouted(raw):
                        kind = KEYWORD
                        shouted.append(len(tokens))
                append(new(Token, (start, end, kind, raw, folded[start:end])))
            elif kind == PUNCT:
                # A lone "@" stands for a name to tag ("@ a friend who…").
                kind = WORD if raw == "@" else END if raw[0] in SENTENCE_ENDS else PUNCT
                append(new(Token, (start, end, kind, raw, raw)))
            elif kind == KEYWORD:
                inner = match.group(match.re.groupindex[KEYWORD] + 1)
                if len(inner.split()) > MAX_KEYWORD_WORDS:
                    # A quotation, not a keyword: read its words one by one.
                    for word in WORD_RE.finditer(text, start, end):
                        append(new(Token, (word.start(), word.end(), WORD, word.group(),
                                           folded[word.start():word.end()])))
                    continue
                append(new(Token, (start, end, KEYWORD, raw, fold(inner.strip()))))
            else:
                append(new(Token, (start, end, kind, raw, folded[start:end])))
                if kind == HASHTAG:
                    # "#ShareWithYourNetwork" says "share with your network": its words follow
                    # it, in its place, for the patterns to read.
                    glued = HASHTAG_WORD_RE.findall(raw[1:])
                    if len(glued) == 1 and raw[1:].islower():
                        glued = glued_words(raw[1:], draft.language)
                    if len(glued) > 1:
                        tokens += [new(Token, (start, end, HASHWORD, word, fold(word)))
                                   for word in glued]
        if url_index >= len(urls):
            tokens = _unmark_shouting(_mark_options(tokens, letters), shouted)
            return _typed_phrases(tokens, text, draft.language) if shouted else tokens
        start, end = urls[url_index]
        append(new(Token, (start, end, URL, text[start:end], folded[start:end])))
        position = end
        url_index += 1


def _capitalised(token: Token) -> bool:
    return token.kind in (WORD, KEYWORD) and len(token.text) > 1 and token.text.isupper()


def _unmark_shouting(tokens: list[Token], shouted: list[int]) -> list[Token]:
    """A word in capitals beside another ("FREE BOX", "CLICK PLAY GAME") is shouting or a name,
    not a keyword to type: a keyword stands out from the words around it."""
    last = len(tokens) - 1
    for index in shouted:
        before = index - 2 if index > 1 and tokens[index - 1].text in JOINERS else index - 1
        after = index + 2 if index < last - 1 and tokens[index + 1].text in JOINERS else index + 1
        if (before >= 0 and _capitalised(tokens[before])) or (
                after <= last and _capitalised(tokens[after])):
            tokens[index] = tokens[index]._replace(kind=WORD)
    return tokens


def _typed_phrases(tokens: list[Token], text: str, language: str) -> list[Token]:
    """Words in capitals just after a verb of writing are the phrase to type, one keyword:
    « Écrivez JOYEUX ANNIVERSAIRE en commentaire », "Type HAPPY BIRTHDAY below"."""
    joined, index = [], 0
    while index < len(tokens):
        end = index
        while end < len(tokens) and _capitalised(tokens[end]):
            end += 1
        if 2 <= end - index <= MAX_KEYWORD_WORDS and index and tokens[index - 1].kind == WORD \
                and in_class(tokens[index - 1].lower, "comment_verb", language):
            start, stop = tokens[index].start, tokens[end - 1].end
            joined.append(Token(start, stop, KEYWORD, text[start:stop], fold(text[start:stop])))
            index = end
            continue
        joined.extend(tokens[index:end + 1])
        index = end + 1
    return joined


def _mark_options(tokens: list[Token], letters: list[int]) -> list[Token]:
    """A lone capital letter followed by "for", "or", "=", … is a keyword ("B for Rome")."""
    for index in letters:
        token = tokens[index]
        if (token.text != "I" and index + 1 < len(tokens)
                and tokens[index + 1].lower in OPTION_FOLLOWERS):
            tokens[index] = token._replace(kind=KEYWORD)
    return tokens


# Regular inflections simplemma may not know, as (ending, replacement) per language. They are
# guesses: a guess that is no word never matches a lexicon, so guessing widely costs nothing.
# Each ending comes before the shorter ones it ends with: "posée" ends in "e" too, but its verb
# is found by its "ée".
FRENCH_VERB_ENDINGS = ("issez", "issons", "issant", "eant", "ées", "ant", "ons", "ent", "ait",
                       "ais", "ez", "es", "er", "ée", "és", "e", "é")
# An ending tells the person, not the group: "répondez" is répondre, "choisissez" choisir.
INFINITIVES = {"issez": ("ir",), "issons": ("ir",), "issant": ("ir",), "eant": ("er",)}
PLURAL_ENDINGS = {"fr": (("s", ""), ("x", "")), "en": (("ies", "y"), ("es", ""), ("s", ""))}
# A French participle or adjective agrees with its noun: "perdue", "égarées" are listed as
# "perdu", "égaré" (the lemmatizer gives the verb).
FEMININE_ENDINGS = (("ée", "é"), ("ées", "é"), ("ue", "u"), ("ues", "u"), ("ie", "i"), ("ies", "i"))
# British English doubles a final l: "labelled", "cancelling" are "label", "cancel".
ENGLISH_VERB_ENDINGS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("lled", "l"),
                        ("lling", "l"), ("'em", ""))


def _guesses(word: str, language: str) -> list[str]:
    found = [word[: -len(ending)] + repl for ending, repl in PLURAL_ENDINGS[language]
             if word.endswith(ending) and len(word) > len(ending) + 2]
    if language == "fr":
        found += [word[: -len(ending)] + repl for ending, repl in FEMININE_ENDINGS
                  if word.endswith(ending) and len(word) > len(ending) + 2]
        for ending in FRENCH_VERB_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                found += [stem + infinitive for infinitive in INFINITIVES.get(ending, ("er", "re",
                                                                                        "ir"))]
                break
    else:
        found += [word[: -len(ending)] + repl for ending, repl in ENGLISH_VERB_ENDINGS
                  if word.endswith(ending) and len(word) > len(ending) + 2]
    return found


LEMMAS_DIR = "lemmas"
INFLECTIONS = "inflections.tsv"
NAMED = "named.tsv"
MISSPELLINGS = "misspellings.tsv"
# A lower-case hashtag is split only into words this long or longer ("a" and "i" aside): short
# pieces would split most names into something.
MIN_GLUED_WORD = 2
# Longer hashtags are sentences, not the requests a few glued words make.
MAX_GLUED_HASHTAG = 40


def lemma_file(language: str, name: str):
    return resources.files("postcoach.text.lexicons").joinpath(language, LEMMAS_DIR, name)


@cache
def inflections(language: str) -> dict[str, str]:
    """Form → lemma, for the lemmas the lexicons use (see backend/tools/build_inflections.py)."""
    source = lemma_file(language, INFLECTIONS)
    table = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("# "):
            form, lemma = line.split("\t")
            table[form] = lemma
    return table


@cache
def misspellings(language: str) -> dict[str, str]:
    """A request verb's form typed one letter off → its lemma ("comentez" → commenter; see
    backend/tools/build_inflections.py)."""
    source = lemma_file(language, MISSPELLINGS)
    return dict(line.split("\t") for line in source.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("# "))


@cache
def vocabulary(language: str) -> frozenset[str]:
    """Every word a lexicon or a pattern can match, in any of its forms."""
    named = lemma_file(language, NAMED).read_text(encoding="utf-8").splitlines()
    return frozenset(word for word in named if word and not word.startswith("# ")) | frozenset(
        inflections(language))


@lru_cache(maxsize=4096)
def glued_words(tag: str, draft_language: str) -> tuple[str, ...]:
    """The words a hashtag typed in lower case glues together ("shareifyouagree": share, if,
    you, agree), when every piece is a word the lexicons or patterns know and the tag itself is
    none: the fewest pieces win. (tag,) when it cannot be split so."""
    for language in languages_for(draft_language):
        known = vocabulary(language)
        if tag in known or len(tag) > MAX_GLUED_HASHTAG:
            return (tag,)
        # fewest[i]: the fewest known pieces that make tag[:i], and where the last one starts.
        fewest: list[tuple[int, int] | None] = [(0, 0)] + [None] * len(tag)
        for end in range(1, len(tag) + 1):
            for start in range(end):
                piece, before = tag[start:end], fewest[start]
                if before is None or (len(piece) < MIN_GLUED_WORD and piece not in ("a", "i")):
                    continue
                if piece in known and (fewest[end] is None or before[0] + 1 < fewest[end][0]):
                    fewest[end] = (before[0] + 1, start)
        if fewest[-1] is not None:
            words, end = [], len(tag)
            while end:
                start = fewest[end][1]
                words.append(tag[start:end])
                end = start
            return tuple(reversed(words))
    return (tag,)


@cache
def unaccented_inflections(language: str) -> dict[str, str]:
    """The same table keyed by forms written without their accents ("ecris" → écrire), where
    that leaves no doubt about the lemma."""
    table: dict[str, str] = {}
    ambiguous = set()
    for form, lemma in inflections(language).items():
        bare = strip_accents(form)
        if bare != form and table.setdefault(bare, lemma) != lemma:
            ambiguous.add(bare)
    return {bare: lemma for bare, lemma in table.items() if bare not in ambiguous}


def languages_for(language: str) -> tuple[str, ...]:
    """The lexicon languages to read a draft with: its own, or both when it is "und"."""
    return (language,) if language in LANGUAGES else LANGUAGES


def in_class(word: str, name: str, draft_language: str) -> bool:
    """Whether the (case-folded) word is of the class in the draft's language, or in either
    when it is "und"."""
    return any(name in word_classes(word, language) for language in languages_for(draft_language))


@cache
def homographs(language: str) -> dict[str, tuple[str, ...]]:
    """Form → the lemmas of its readings that the lemmatizer drops ("sommes" is also être)."""
    return _word_table(language, "homographs.tsv")


@cache
def abbreviations(language: str) -> dict[str, tuple[str, ...]]:
    """Abbreviation → the word it stands for, as people type on a phone ("pr" is « pour »,
    "ur" is "your")."""
    return _word_table(language, "abbreviations.tsv")


def _word_table(language: str, name: str) -> dict[str, tuple[str, ...]]:
    """A lemmas/ table of form<TAB>word (a note in brackets after the word is dropped)."""
    source = lemma_file(language, name)
    table: dict[str, tuple[str, ...]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("# "):
            form, word = line.split("\t")[:2]
            table[fold(form)] = (*table.get(fold(form), ()), fold(word.split(" (")[0]))
    return table


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=131_072)
def forms(word: str, language: str) -> frozenset[str]:
    """Every form a lexicon may list `word` (case-folded) under, in one language: the word, its
    lemma (simplemma's, from the inflection table), its homographs' lemmas and guesses for
    regular inflections. Posts often drop accents ("moitie", "repondez"), so each form also
    stands without them."""
    found = {word, word.replace("’", "'")}
    if any(char.isalpha() for char in word):
        lemma = (inflections(language).get(word) or unaccented_inflections(language).get(word)
                 or misspellings(language).get(word))
        if lemma:
            found.add(lemma)
        found.update(homographs(language).get(word, ()))
        found.update(abbreviations(language).get(word, ()))
        found.update(_guesses(word, language))
        found.update([strip_accents(form) for form in found])
    return frozenset(found)


CLASSES_DIR = "classes"


@cache
def class_lexicons(language: str) -> dict[str, frozenset[str]]:
    folder = resources.files("postcoach.text.lexicons").joinpath(language, CLASSES_DIR)
    classes = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".tsv"):
            name = item.name.removesuffix(".tsv")
            entries = read_entries(name, f"{language}/{CLASSES_DIR}",
                                   item.read_text(encoding="utf-8"))
            classes[name] = frozenset(fold(entry.term) for entry in entries)
    return classes


@cache
def class_index(language: str) -> dict[str, frozenset[str]]:
    """Form → the names of the classes that list it."""
    index: dict[str, set[str]] = {}
    for name, members in class_lexicons(language).items():
        for member in members:
            index.setdefault(member, set()).add(name)
            index.setdefault(strip_accents(member), set()).add(name)
    return {form: frozenset(names) for form, names in index.items()}


@cache
def class_names(language: str) -> frozenset[str]:
    return frozenset(class_lexicons(language))


EMPTY: frozenset[str] = frozenset()


@lru_cache(maxsize=131_072)
def word_classes(word: str, language: str) -> frozenset[str]:
    """The classes of a case-folded word in one language."""
    index = class_index(language)
    found: set[str] = set()
    for form in forms(word, language):
        names = index.get(form)
        if names:
            found |= names
    return frozenset(found) if found else EMPTY
