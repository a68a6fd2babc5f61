"""Rules for engagement bait: asking for reactions, comments, shares, tags or votes to game reach.

Each rule finds its kind of bait with its patterns. A post that no bait pattern matches may
still read as bait to the fitted reading (text/readings.py), which also says which kind: the
rule of that kind then reports the post's most bait-like sentence.
"""

import re

from postcoach.rules.base import Finding
from postcoach.rules.matching import judged_finding, pattern_findings
from postcoach.text import readings
from postcoach.text.draft import WORD_RE
from postcoach.text.patterns import class_spans, pattern_matches
from postcoach.text.signals import per_draft
from postcoach.text.tokens import (
    SENTENCE_ENDS,
    class_index,
    in_class,
    languages_for,
    misspellings,
    word_classes,
)

# The pattern files of requests (not of options or prizes, which ordinary posts have too): a
# post one of them matches is the patterns' to judge.
REQUESTS = ("bait_comment", "bait_react", "bait_share", "bait_tag", "contest_entry",
            "vote_request")
STANDALONE_REQUESTS = tuple(name for name in REQUESTS if name != "contest_entry")
# Every bait pattern file: each rule of the family asks for them.
PATTERNS = (*REQUESTS, "contest_mark", "vote_loose_option", "vote_option", "appeal", "liking")
# A request is an imperative or an infinitive; a match that opens on a verb in the past
# narrates ("So many of you tagged friends", « vous avez identifié vos amis », « le four a
# lâché 😓 »), and one in the French conditional wishes (« vos proches qui aimeraient vivre le
# festival »). Words in "-eed" are mostly no past ("we need 1,000 shares", "feed", "speed").
NARRATED_RE = re.compile(r"[^\W\d_]+(?:(?<!e)ed|é|ée|és|ées|(?<=[ei])r(?:ais|ait|ions|iez|aient))"
                         r"(?![^\W_])", re.IGNORECASE)
# « Vous avez été nombreux à identifier vos amis »: what many did, however the verb is put.
MANY_OF_YOU_RE = re.compile(r"\bnombreu(?:x|ses)\s+à\s+(?:(?:nous|vous|le|la|les|lui|leur)\s+|"
                            r"[lmt]['’])*$")
# The words that, just before a match, make it a statement, not a request: a subject, a modal
# or the auxiliary of a progressive ("we'll send it to your family", « nous partageons »,
# "we're putting together an FAQ").
STATEMENT_OPENERS = frozenset({
    "i", "we", "they", "he", "she", "will", "would", "ll", "d", "can", "could", "should",
    "may", "might", "must", "shall", "re", "are", "am", "m", "was", "were", "je", "j", "nous",
    "il", "elle", "ils", "elles"})
# A French subject, then an object pronoun, before the verb: the brand says what it does (« on
# vous répond ici », « je t'envoie le guide »); a request puts its pronouns after the verb.
FRENCH_SUBJECTS = frozenset({"on", "je", "nous", "il", "elle", "ils", "elles"})
FRENCH_OBJECTS = frozenset({"vous", "te", "lui", "leur", "me", "nous", "le", "la", "les"})
# "If we had to sum it up", "I want to share": the subject does what follows "to".
ENGLISH_SUBJECTS = frozenset({"i", "we", "they", "he", "she"})
# French words elided before a vowel ("d'identifier", "j'ai"), read whole: "d" then stands for
# "de", not for English "'d" (would), which follows its apostrophe ("we'd share").
ELIDED = {"d": "de", "j": "je", "l": "le", "qu": "que", "n": "ne", "s": "se", "m": "me",
          "t": "te", "c": "ce"}
# Who is tagged when a tag asks for no friends: the brand alone ("tag us", « identifiez-nous »),
# or one account where the photos go ("tag @MarstonCouncil in your photo"); "Tagging @sam @jess"
# calls people in.
TAGGED_BRAND_RE = re.compile(r"[-\s]+(?:(?:us|nous)\b(?!\s*(?:and|et|&|\+|,))"
                             r"|@[\w.]+\s+(?:in|on|dans|sur|en)\b)")
# A tag verb with the reader glued to it names no friend: « identifiez-vous sur le site » logs
# in, « taguez-vous sur la photo » names oneself.
TAGGED_SELF_RE = re.compile(r"(.+)-(?:vous|toi)")
# A French question that opens on its verb, the subject glued after it: « Partagez-vous… ? ».
# With « pouvoir » or « vouloir » it asks politely for something (« Pourriez-vous nous laisser
# un pouce ? »).
INVERTED_QUESTION_RE = re.compile(r"\W*(?!(?:pourr|pouv|peu|voul|voud|veu)[^\W\d_]*-)"
                                  r"[^\W\d_]+-(?:t-)?(?:vous|tu|on|il|elle|ils|elles)\b")
# The words that give a request its purpose.
PURPOSES = frozenset({"so", "to", "for", "pour", "afin", "qu", "que"})
# Before a word in capitals, these make it a name ("available in PDF", « compatible sur iOS »);
# a keyword to type follows a verb, a determiner, "with" or « par ».
NAME_PREPOSITIONS = frozenset({"en", "in", "of", "de", "du", "des", "au", "aux", "sur", "on",
                               "pour", "for", "via", "from", "depuis"})
# A request verb that "how" governs, or the purpose that opens a sentence, is taught, not asked:
# "How to tag a teammate in the app: open…", "here's how you share a file", « Comment identifier
# un camarade : touchez… », "Quick tip: to tag a colleague, type @ and their name".
HOW_TO_RE = {
    "en": re.compile(r"(?:\bhow\s+(?:to|you|do\s+(?:i|you|we)|can\s+(?:i|you|we))"
                     r"|[:.!?…\n]\s*to)\s+$"),
    "fr": re.compile(r"(?:\bcomment|[:.!?…\n]\s*pour)\s+$"),
}
# A purpose that opens a sentence or follows a colon, and the comma that closes it before the
# main clause: what it holds is the aim a how-to serves ("Tip: to react with more than a like,
# hold the button"), not a request ("To celebrate 1M subscribers we're giving away… Like + share").
PURPOSE_CLAUSE_RE = re.compile(r"(?:^|[:.!?…\n])\s*(?:to|pour)\s[^,;:.!?…\n]*$")
PURPOSE_CLOSED_RE = re.compile(r"[^,;:.!?…\n]*,")
# A sentence that opens on the aim of a request's action, its steps after the comma: « Pour
# réagir à un message sans répondre, appuyez longuement dessus et choisissez un emoji ».
PURPOSE_OPENING_RE = re.compile(r"\W*(?:to|pour)\s+([^\W\d_][\w-]*)\s*([^\W\d_]*)[^,;:.!?…\n]*,")
# What a feature lets one do, just before the verb: "the link icon lets you send it to family",
# « l'icône vous permet de la partager ».
CAPABILITY_RE = re.compile(r"\b(?:(?:lets|let|allows?|enables?|helps?)\s+(?:you|u)\s+(?:to\s+)?"
                           r"|(?:permet|permettent|permettra)\s+(?:(?:de|d['’])\s*)?"
                           r"(?:(?:vous|te)\s+)?(?:de\s+|d['’])?)$")
CAPABILITY_REACH = 30
# A sentence that announces what one can now do: a feature, not a request ("You can now react
# to the canteen menus in the app: a thumb to say…", « Vous pouvez désormais commenter… »).
FEATURE_NEWS_RE = re.compile(r"\b(?:you\s+can\s+now|(?:vous\s+pouvez|tu\s+peux)\s+"
                             r"(?:désormais|maintenant|dorénavant))\b")
# A sentence that opens as a how-to's title, its steps after a colon.
HOW_TO_TITLE_RE = re.compile(r"\W*(?:\w+\s+){0,2}?(?:how[\s-]+to|comment)\b")
# The steps of a how-to after a title's colon: "Republier une offre : cliquez sur « … »".
STEPS_RE = re.compile(r"[^.!?…:\n]*:\s*(\w+)")
# What one does to a button, whose label is quoted like a keyword to type.
BUTTON_VERBS = frozenset({"click", "tap", "press", "select", "choose", "pick", "clicking",
                          "tapping", "pressing", "selecting", "choosing", "picking", "cliquez",
                          "clique", "cliquer", "cliquant", "appuyez", "appuie", "appuyer",
                          "appuyant", "choisissez", "choisis", "choisir", "sélectionnez",
                          "sélectionne", "sélectionner"})
# Between a button's verb and its label: "tap the Share button", « appuyez sur Partager ».
BUTTON_LEADS = frozenset({"on", "the", "sur", "le", "la", "l"})
BUTTON_LEAD_RE = re.compile(rf"\s*(?:(?:{'|'.join(sorted(BUTTON_LEADS))})\b['’]?\s*)*",
                            re.IGNORECASE)
REACTION_CLASSES = frozenset({"react_noun"})
# Where a request sends its word, just after it: "by SMS", "in the search bar", « au 61 420 ».
DESTINATION_RE = re.compile(r"[^\w\n]{0,3}(?:by|via|in|into|to|on|at|par|en|dans|au|à|sur)\s+"
                            r"(?:(?:the|your|our|a|le|la|votre|ton|ta|notre)\s+|l['’])?"
                            r"(\d[\d ]{3,}|[^\W\d_][\w-]*)")
# The code a request names before saying where it goes: "mention code STUDENT25 at checkout",
# « indiquez le code ÉTÉ24 au paiement ». Read in the text as written, for its capitals.
NAMED_CODE_RE = re.compile(r"\s+(?:(?:the|your|our|le|votre|notre)\s+)?(?:(?:promo\s+)?code\s+)?"
                           r"[\"'“«]?\s?[A-ZÀ-Þ0-9][A-ZÀ-Þ0-9_-]+(?![\w-])\s?[\"'”»]?")
# A message sent to the one posting, just after the verb: "send me a DM", « envoyez-nous un MP ».
PRIVATE_MESSAGE_RE = re.compile(r"-?\s*(?:me|us|moi|nous)\s+(?:(?:a|an|un|une)\s+)?(\w+)")
# What a request is said not to need, just before it: « pas besoin de liker », "no need to
# share", "you don't have to like anything", "our giveaways never ask you to tag".
NO_NEED_RE = re.compile(r"\b(?:(?:(?:pas|plus|aucun|jamais)\s+besoin|no\s+need|(?:don'?t|do\s+not)"
                        r"\s+(?:need|have))\s+(?:de|d['’]|to)|never\s+asks?\s+(?:you\s+)?to"
                        r"|(?:vous|te)\s+demand\w*\s+jamais\s+(?:de|d['’]))\b[^.!?:;\n]*$")
NO_NEED_REACH = 60
# A share of the reader's own: a contribution, not the post passed on ("share yours", « partagez
# les vôtres »).
OWN_SHARE_RE = re.compile(r"\b(?:shar\w*|partag\w*)\s+(?:(?:yours|your\s+own|theirs)\b"
                          r"|(?:les|la|le)\s+(?:vôtres?|tiens|tiennes?|nôtres?)\b)")
OWN_SHARE_REACH = 20
# A share of "it" or "them", whose antecedent a question to the reader names (see _answer_shared).
ANSWER_SHARE_RE = re.compile(r"shar\w*\s+(?:it|them)\b|partag\w*-l[ae]s?\b")
# A question to the reader: their words, or "Got…?", "Any…?" with the "you" left out.
READER_RE = re.compile(r"\b(?:you|your|yours|vous|votre|vos|tu|ton|ta|tes)\b|^\W*(?:got|any)\b")
# A gerund that titles the brand's own repost: "Reposting from our friends at…".
OWN_REPOST_RE = re.compile(r"\s+(?:from|via|on\s+behalf)\b")
# A French request's verb in the infinitive, opening its sentence as the subject of what
# follows: an act defined, not asked for (« Mentionner les artistes qui travaillent avec nous,
# c'est la moindre des choses »).
DEFINED_ACT_RE = re.compile(r"[^,;:.!?…\n]*,\s*(?:c['’]est|c['’]était|ce\s+n['’]est|ce\s+serait)\b")
# The verbs a request put impersonally gives its noun ("Likes are appreciated").
SUBJECT_VERBS = frozenset({"are", "is", "cost", "help", "mean", "get", "bring", "make"})
# "Like" opens a request at a clause's start or after these; after another word it compares.
LIKE_LEADS = frozenset({"and", "or", "then", "just", "so", "also", "now", "go", "to"})
# Who stops asking does not ask: "Please stop writing 'comment YES below' posts", « arrêtez de
# réclamer des partages ».
CEASING = frozenset({"stop", "quit", "avoid", "arrêtez", "arrête", "arrêter", "cessez", "cesse",
                     "cesser", "évitez", "évite", "éviter"})
# Just before a request, the way it names not to take: "long-press to send a 👍 instead of typing
# 'ok'", « plutôt que d'écrire « merci » ».
ALTERNATIVE_RE = re.compile(r"\b(?:instead\s+of\s+|rather\s+than\s+|au\s+lieu\s+(?:de\s+|d['’]\s*)"
                            r"|plutôt\s+que\s+(?:de\s+|d['’]\s*)?)$")
ALTERNATIVE_REACH = 24
# The word just before a verb that forbids it: "Please don't vote in the comments", « Ne
# partagez pas », "never tag". Only just before: "Don't forget to tag a friend" still asks.
FORBIDDING = frozenset({"not", "never", "ne", "jamais"})
# …unless what is forbidden is leaving without doing it: "Don't scroll past without saying hi".
UNLESS_RE = re.compile(r"(?:\W+\w+){0,3}?\W+(?:without|sans)\b")
QUOTES = "\"'“”«‘’"
OPENING_QUOTE_RE = re.compile(rf"(?<=\s)[{QUOTES}]")
APOSTROPHES = "'’"
# A relative clause keeps its verb's person: "everyone who shares this gets an entry".
RELATIVES = frozenset({"who", "whoever", "that", "which", "qui", "quiconque"})
# What makes a post a call for help or a job offered (see passed_on).
APPEAL_CLASSES = frozenset({"help_appeal", "hiring"})
# A relative clause after a request, up to the end of its clause.
RELATIVE_CLAUSE_RE = re.compile(r"\s*(?:who|that|qui)\b[^,;.!?\n]*")
# The verbs of requests: another form than the base one describes ("the text that says",
# "only a couple left in YELLOW").
REQUEST_VERB_CLASSES = frozenset({"comment_verb", "react_verb", "share_verb", "tag_verb",
                                  "contest_action"})


def _labelled(draft, start: int) -> bool:
    """Whether the label of a button that is no reaction starts here: quoted, or capitalised
    as the screen shows it ("tap Share", but « cliquez sur J'adore » asks for a reaction)."""
    text = draft.text
    if not (text[start:start + 1] in QUOTES or text[start:start + 2].istitle()):
        return False
    # The label's first word, alone and with its elided pronoun (« J'aime », « J'adore »).
    words = [word.group().replace("’", "'")
             for word in WORD_RE.finditer(draft.folded, start, start + 40)][:2]
    labels = {words[-1], "".join(words)} if words and words[0].endswith("'") else set(words[:1])
    return all(REACTION_CLASSES.isdisjoint(word_classes(label, language))
               for label in labels for language in languages_for(draft.language))


def _own_act(draft, start: int) -> bool:
    """Whether the match is what its speaker does after "to": "If we had to sum it up in an
    emoji", "I want to share" (not "If you had to…"), or the title of the brand's own repost
    ("Reposting from our friends at…")."""
    before, _, third = _words_before(draft, start, 3)
    if before == "to" and third in ENGLISH_SUBJECTS:
        return True
    word = WORD_RE.match(draft.folded, start)
    return word is not None and word.group().endswith("ing") and not before and \
        OWN_REPOST_RE.match(draft.folded, word.end()) is not None


def _answer_shared(draft, start: int) -> bool:
    """Whether the match asks to share "it" just after a question about the reader's own
    thing: their answer, a contribution ("Got a favourite walk? Share it below")."""
    if not ANSWER_SHARE_RE.match(draft.folded, start):
        return False
    previous = draft.sentence_before(start)
    return previous is not None and previous.text.endswith("?") and \
        READER_RE.search(previous.text.lower()) is not None


def _opens_sentence(draft, start: int) -> bool:
    """Whether no word of its sentence stands before `start`."""
    sentence = draft.sentence_at(start)
    return sentence is not None and not WORD_RE.search(draft.text, sentence.start, start)


def _words_before(draft, start: int, count: int) -> list[str]:
    """The `count` words before `start`, nearest first, a French elided one read whole ("" past
    the draft's start)."""
    words = []
    for _ in range(count):
        previous = draft.word_before(start)
        if previous is None:
            return words + [""] * (count - len(words))
        word = previous.group(1)
        if draft.text[previous.end(1):previous.end(1) + 1] in APOSTROPHES:
            word = ELIDED.get(word, word)
        words.append(word)
        start = previous.start(1)
    return words


def _dispensed(draft, start: int) -> bool:
    """Whether the post says, just before `start`, that what follows need not be done, or is
    the way not to take ("instead of typing 'ok'")."""
    return (NO_NEED_RE.search(draft.folded, max(0, start - NO_NEED_REACH), start) is not None
            or ALTERNATIVE_RE.search(draft.folded, max(0, start - ALTERNATIVE_REACH), start)
            is not None)


def _subject_noun(draft, end: int) -> bool:
    """Whether the word that ends at `end` is the subject of the verb that follows it ("likes
    are appreciated"), not a verb of its own ("she shares her tips")."""
    following = WORD_RE.match(draft.folded, end + 1) if draft.text[end:end + 1] == " " else None
    return following is not None and following.group() in SUBJECT_VERBS


def _next_to(draft, start: int) -> bool:
    """Whether the word before `start` stands right next to it, with no mark between."""
    previous = draft.word_before(start)
    return previous is not None and not draft.text[previous.end(1):start].strip(" '’")


def _pressed(draft, start: int) -> bool:
    """Whether a verb of pressing a button stands just before `start`, past "on", "the" or
    « sur » (« appuyez sur « Partager » »)."""
    for _ in range(3):
        previous = draft.word_before(start)
        # A button is pressed in the sentence that names it: "Which would you pick? Comment A"
        # asks for a comment.
        if previous is None or not SENTENCE_ENDS.isdisjoint(draft.text[previous.end(1):start]):
            return False
        if previous.group(1) in BUTTON_VERBS:
            return True
        if previous.group(1) not in BUTTON_LEADS:
            return False
        start = previous.start(1)
    return False


def _known_use(draft, start: int, end: int) -> bool:
    """Whether the match at `start` is a use of the words that is no bait: it names a button
    ('Click "Learn More"', "tap Share, then pick a name", "click Repost under the post and
    choose 'Repost with your thoughts'": a how-to), a how-to teaches it ("how to tag a teammate
    in the app"), it sends its word elsewhere than the post ("text STOP to 61420"), a feature
    lets one do it ("the link icon lets you send it to family") or is announced as new ("you
    can now react to the menus in the app"), it tags the brand itself ("tag us in your
    photos", « identifiez-nous », "tag @Bakery so we find your pictures") or the reader
    (« identifiez-vous sur la plateforme »: log in) or it shares the reader's answer ("Got a
    favourite walk? Share it below")."""
    if (_pressed(draft, start) and _labelled(draft, start)) or _taught(draft, start, end) or \
            _quotes_a_button(draft, start, end) or _sent_elsewhere(draft, end) or \
            CAPABILITY_RE.search(draft.folded, max(0, start - CAPABILITY_REACH), start) or \
            _announced(draft, start):
        return True
    if _answer_shared(draft, start):
        return True
    word = WORD_RE.match(draft.folded, start)
    if word is None:
        return False
    opening = word.group()
    if opening in BUTTON_VERBS and _labelled(
            draft, BUTTON_LEAD_RE.match(draft.text, word.end()).end()):
        return True
    own = TAGGED_SELF_RE.fullmatch(opening)
    if own and in_class(own.group(1), "tag_verb", draft.language):
        return True
    return bool(TAGGED_BRAND_RE.match(draft.folded, word.end())) and in_class(
        opening, "tag_verb", draft.language)


def _announced(draft, start: int) -> bool:
    """Whether the match is in a sentence that announces what one can now do."""
    sentence = draft.sentence_at(start)
    return sentence is not None and FEATURE_NEWS_RE.search(draft.folded, sentence.start,
                                                           start) is not None


def _reach(draft, start: int, end: int) -> bool | None:
    """None when the span does not name the reach a post gets; else whether it names it as a
    purpose ("so the algorithm shows it", « pour qu'on gagne en visibilité ») — a request
    however it is put, even as a question."""
    words = WORD_RE.findall(draft.folded, start, end)
    if not any(in_class(word, "reach_word", draft.language) for word in words):
        return None
    return not PURPOSES.isdisjoint(words)


def _sent_elsewhere(draft, end: int) -> bool:
    """Whether what the request asks for goes somewhere else than the post: a text message, a
    mail, an app's search bar ("type 'roaming' in the search bar", « envoyez COUPURE par SMS au
    61 420 », "mention code STUDENT25 at checkout"), a private message ("If that's you, send me
    a DM")."""
    private = PRIVATE_MESSAGE_RE.match(draft.folded, end)
    if private is not None and in_class(private.group(1), "private_exchange", draft.language):
        return True
    code = NAMED_CODE_RE.match(draft.text, end)
    destination = DESTINATION_RE.match(draft.folded, end) or (
        code and DESTINATION_RE.match(draft.folded, code.end()))
    if not destination:
        return False
    where = destination.group(1)
    return where[0].isdigit() or in_class(where, "elsewhere", draft.language)


def _quotes_a_button(draft, start: int, end: int) -> bool:
    """Whether a quoted keyword in the match is the label of a button a verb names (one that
    is no reaction: « cliquez sur « J'adore » » asks for one)."""
    return any(_pressed(draft, quote.start()) and _labelled(draft, quote.start())
               for quote in OPENING_QUOTE_RE.finditer(draft.text, start + 1, end))


def _taught(draft, start: int, end: int) -> bool:
    """Whether the match is what a how-to teaches ("how to tag", « comment identifier »), the
    aim it serves (« pour réagir autrement qu'avec un « J'aime », restez appuyé… »), the steps
    after an aim that names such an action (« Pour réagir à un message, appuyez… »), its title
    when its steps press buttons (« Republier une offre : cliquez sur… »), or a step of one
    ("How to save a class: open the timetable, tap the heart…")."""
    sentence = draft.sentence_at(start)
    title = sentence and HOW_TO_TITLE_RE.match(draft.folded, sentence.start)
    if title and ":" in draft.text[title.end():start] and not _enters(draft, title.end()):
        return True
    if sentence and PURPOSE_CLAUSE_RE.search(draft.folded, sentence.start, start) and \
            PURPOSE_CLOSED_RE.match(draft.folded, end):
        return True
    # A title whose steps, after its colon, press a button ("Republier une offre : cliquez…").
    steps = sentence and sentence.start == start and STEPS_RE.match(draft.folded, end)
    if steps and steps.group(1) in BUTTON_VERBS:
        return True
    if sentence and _asked_how(draft, sentence):
        return True
    aim = sentence and _request_aim(draft, sentence)
    if aim and aim.end() <= start:
        return True
    # A line break stands for the start of the draft.
    before = ("\n" if start <= 16 else "") + draft.folded[max(0, start - 16):start]
    return any(HOW_TO_RE[language].search(before) for language in languages_for(draft.language)
               if language in HOW_TO_RE)


def _request_aim(draft, sentence):
    """The aim that opens the sentence when it names a request's action, whose steps follow
    (« Pour réagir à un message, appuyez… », "To react with something other than a like,
    hover…"); "To say thanks, we're sending…" aims at thanking, not at a button."""
    aim = PURPOSE_OPENING_RE.match(draft.folded, sentence.start)
    if aim and _request_verb(draft, aim.group(1)) and \
            not in_class(aim.group(2), "gratitude", draft.language):
        return aim
    return None


def _asked_how(draft, sentence) -> bool:
    """Whether the sentence before this one asks how to do a request's action, so that this one
    answers it with steps (« Comment commenter un document ? Ouvrez le fichier, appuyez sur
    l'icône 💬 en bas… »); "Comment ça va ? Likez si…" asks no such thing."""
    before = [s for s in draft.sentences if s.end <= sentence.start]
    if not before or not before[-1].text.endswith("?"):
        return False
    title = HOW_TO_TITLE_RE.match(draft.folded, before[-1].start)
    verb = title and WORD_RE.search(draft.folded, title.end(), before[-1].end)
    return bool(verb) and _request_verb(draft, verb.group())


def _request_verb(draft, word: str) -> bool:
    """Whether the (case-folded) word is a request's verb: comment, react, share, tag…"""
    return any(not REQUEST_VERB_CLASSES.isdisjoint(word_classes(word, language))
               for language in languages_for(draft.language))


def _enters(draft, offset: int) -> bool:
    """Whether the word at `offset` is how a contest is entered: "How to enter:", « Comment
    participer : » title the conditions, not a how-to."""
    word = WORD_RE.search(draft.folded, offset, offset + 40)
    return word is not None and in_class(word.group(), "entry", draft.language)


def forbidden(draft, start: int) -> bool:
    """Whether the verb at `start` is forbidden, not asked: "please don't vote in the comments",
    « ne partagez pas » (but "Don't scroll past without saying hi" asks)."""
    word = WORD_RE.match(draft.folded, start)
    if word is None:
        return False
    before, second, _ = _words_before(draft, start, 3)
    return (before in FORBIDDING or (before == "t" and second == "don")) and not UNLESS_RE.match(
        draft.folded, word.end())


def _requested(draft, span: tuple[int, int]) -> bool:
    text, (start, end) = draft.text, span
    if NARRATED_RE.match(text, start) or MANY_OF_YOU_RE.search(draft.folded, max(0, start - 40),
                                                                start):
        return False  # narrated
    reach = _reach(draft, start, end)
    if reach is None:
        if text[start:end].rstrip().endswith("?") or text[end:end + 2].lstrip().startswith("?"):
            return False  # asked as a question ("Love it? Order here")
    elif not reach and (sentence := draft.sentence_at(start)) and sentence.text.endswith("?"):
        return False  # a question about the feed ("how does the algorithm count shares?")
    if draft.quoted(start, end):
        return False  # mentioned, not made: 'stop ending posts with "comment YES below"'
    if _known_use(draft, start, end):
        return False
    word = WORD_RE.match(draft.folded, start)
    if word is None:
        return True
    opening = word.group()
    before, second = _words_before(draft, start, 2)
    if forbidden(draft, start):
        return False
    if OWN_SHARE_RE.search(draft.folded, start, end + OWN_SHARE_REACH):
        return False  # a contribution: « Si vous recrutez ailleurs, partagez les vôtres »
    if before in NAME_PREPOSITIONS and text[start:word.end()].isupper():
        return False  # a name in capitals, not a keyword to type: « l'export en PDF »
    if _own_act(draft, start):
        return False  # what the one speaking does: "If we had to sum it up in an emoji"
    if opening in FRENCH_OBJECTS and (verb := WORD_RE.search(draft.text, word.end())) and \
            NARRATED_RE.match(draft.text, verb.start()):
        return False  # a participle after its object: « la Cité Internationale », « les a tagués »
    if before == "pour" and _request_verb(draft, opening):
        return False  # a purpose: « Pratique pour dire « bien reçu » dans les groupes »
    if draft.language == "fr" and opening.endswith(("er", "ir", "re")) and \
            _opens_sentence(draft, start) and DEFINED_ACT_RE.match(draft.folded, word.end()):
        return False  # an act defined: « Mentionner les artistes, c'est la moindre des choses »
    if not _request_verb(draft, opening):
        return True  # the request is not in a verb of its own: "reach 500 hearts"
    if _subject_noun(draft, word.end()):
        return True  # a request put impersonally: "Just a reminder that shares cost nothing"
    if before in STATEMENT_OPENERS or (before in FRENCH_OBJECTS and second in FRENCH_SUBJECTS):
        return False
    if before == "on" and (sentence := draft.sentence_at(start)) and \
            sentence.text.rstrip().endswith("?"):
        return False  # how people say it: « chez vous, on dit « chocolatine » ou… ? »
    if reach is None and in_class(before, "definite", draft.language) and _next_to(draft, start):
        return False  # a noun: "ending every post with 'Agree?'" (but "every share makes us
        # more visible" asks for shares, and « D'ici là, commentez » is no "là" before a noun)
    if before in CEASING or (before == "de" and second in CEASING):
        return False  # asking people to stop: "stop tagging", « arrêtez d'identifier »
    if _dispensed(draft, start):
        return False  # « pas besoin de liker… », "instead of typing 'ok'"
    if (opening == "like" and draft.language == "en" and _next_to(draft, start)
            and before not in LIKE_LEADS and not in_class(before, "polite", "en")):
        return False  # a preposition after a word: "posts like this", "people like you"
    # English requests open on the verb's base form, as its class lists it ("Comment",
    # "Share", or one typo off: "Commnet"), or a gerund ("by tagging"); another form describes.
    base = misspellings("en").get(opening, opening)
    return (draft.language != "en" or before in RELATIVES or opening.endswith("ing")
            or not REQUEST_VERB_CLASSES.isdisjoint(class_index("en").get(base, ())))


def requests(draft, name: str) -> list[Finding]:
    """The matches of a request pattern file, but those that narrate, state, describe or ask
    (see _requested)."""
    return [finding for finding in pattern_findings(draft, name)
            if _requested(draft, (finding.start, finding.end))]


@per_draft
def _patterns_decide(draft) -> bool:
    """Whether the patterns judge the draft themselves (asked by every bait rule): one matches
    it as a request, as a use that is no bait (a button in a how-to, the brand tagged, what the
    one speaking does: "If we had to sum it up in an emoji") or as a request quoted to be
    criticised or said to be needless ("no need to like or share to enter"), which the
    reading, fitted on requests, would misread."""
    # A contest's entry actions are a request only beside a prize ("Tagging @sam @jess —
    # comment so it reaches more people" is no giveaway, and the reading judges it).
    files = REQUESTS if pattern_matches(draft, "contest_mark") else STANDALONE_REQUESTS
    return any(_known_use(draft, *span) or draft.quoted(*span) or _dispensed(draft, span[0])
               or _own_act(draft, span[0]) or (name in files and _requested(draft, span))
               for name in REQUESTS for span in pattern_matches(draft, name))


def passed_on(draft) -> bool:
    """Whether the post is a call for help (a missing person or pet, a fundraiser, a safety
    warning) or a job offered: asking to share it or to tag someone passes it to whoever it
    can serve, which Meta does not count as bait. The words of a call that describe the one to
    tag are no call ("tag your bestie who would get lost in our maze")."""
    if pattern_matches(draft, "appeal"):
        return True
    described = _described(draft)
    return any(not any(first <= start < last for first, last in described)
               for start, _ in class_spans(draft, APPEAL_CLASSES))


def _described(draft) -> list[tuple[int, int]]:
    """The relative clauses that follow a tag or share request and describe its audience:
    "who would 100% get lost in our hedge maze", « qui se perd toujours »."""
    clauses = []
    for name in ("bait_tag", "bait_share"):
        for _, end in pattern_matches(draft, name):
            relative = RELATIVE_CLAUSE_RE.match(draft.folded, end)
            if relative is not None:
                clauses.append(relative.span())
    return clauses


def unnamed_bait(draft, context, kind: str) -> list[Finding]:
    """A finding on the post's most bait-like sentence, when no bait pattern matched it and the
    fitted reading says it is bait of this kind. Not for replies: the reading learned from
    posts, and a support answer asks to share details or thanks for a tag."""
    if context.reply or _patterns_decide(draft):
        return []
    judgement = readings.reader("bait").judge(draft)
    if judgement is None or judgement.kind != kind or (
            kind == "react" and _liking(draft, judgement)):
        return []
    sentence = draft.sentence_at(judgement.start)
    if sentence is not None and (_asked_inverted(draft, sentence)
                                 or _request_aim(draft, sentence)):
        return []  # a question whether people do it; a how-to's steps toward a request's action
    return [judged_finding(draft, judgement)]


def _asked_inverted(draft, sentence) -> bool:
    """Whether the sentence is a question that opens on its verb and subject (« Partagez-vous
    vos trajets à vélo en hiver ? », « Aimez-vous les crêpes ? »): it asks whether people do
    it, not to do it."""
    return sentence.text.endswith("?") and \
        INVERTED_QUESTION_RE.match(draft.folded, sentence.start) is not None


def _liking(draft, judgement) -> bool:
    """Whether the sentence the reading weighs most says what the brand likes (« J'aime beaucoup
    cette photo », « J'adore notre vitrine »): the word of the Like button, said of a thing,
    which the reading, fitted on « J'aime si tu es d'accord », takes for the button asked for."""
    return any(draft.same_sentence(start, judgement.start)
               for start, _ in pattern_matches(draft, "liking"))
