import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.engagement_bait import PATTERNS, forbidden, unnamed_bait
from postcoach.rules.matching import pattern_findings, removable
from postcoach.text.draft import WORD_RE
from postcoach.text.patterns import pattern_matches
from postcoach.text.tokens import in_class

# "❤️ pour les crêpes, 😮 pour les gaufres": a poll counted in reactions needs two options.
MIN_OPTIONS = 2
OPTION_TAIL = re.compile(r"[^,;.!?\n/]*?(?=\s*(?:[,;.!?\n/]|$))")
# What ends the sentence of a forced choice: it is one only if that is a question mark.
SENTENCE_END_RE = re.compile(r"[?.!\n]")
# The words that may lead a sentence to its first option: "Vote with a like for blue…",
# « Réagissez avec ❤️ pour… ».
LEAD_CLASSES = ("react_verb", "vote_verb", "comment_verb", "determiner")
LEAD_WORDS = frozenset({"with", "using", "by", "avec", "par", "en"})
LEAD_REACH = 60
LEAD_STARTS = ".!?…\n"
# Numbers to call are no options: « en cas de détresse, appelez d'abord le 17 ou le 112 ».
CALLING_RE = re.compile(r"\b(?:appele[zr]|appelle|compose[zr]?|call|dial|ring|phone|text)"
                        r"(?:\s+[\w'’]+){0,2}\s*$")
CALLING_REACH = 30
# « comment » asks how in French; in English it asks for a comment ("🟥 or 🟦? Comment one.").
REASON_ASKED = {"fr": re.compile(r"\b(?:pourquoi|comment|expliqu\w*|raisons?)\b"),
                "en": re.compile(r"\b(?:why|how|explain\w*|reasons?)\b"),
                "und": re.compile(r"\b(?:pourquoi|expliqu\w*|raisons?|why|how|explain\w*|"
                                  r"reasons?)\b")}


# How far after a choice its why may be asked.
REASON_REACH = 80
# What the answers will be used for: a choice whose use is stated is a real question ("Your
# answers will shape which venues we book", « vos réponses nous aideront à choisir »).
ANSWERS_USED_RE = re.compile(
    r"\b(?:(?:your|vos|tes)\s+(?:answers?|votes?|replies|feedback|choices?|picks?|"
    r"suggestions?|réponses?|avis|choix|retours?)\s+(?:will|would|help|helps|decide|decides|"
    r"shape|shapes|guide|guides|(?:nous\s+)?(?:aideront|aident|guideront|décideront|"
    r"permettront))|help\s+us\s+(?:decide|choose|pick|plan)|aidez[- ]nous\s+à\s+"
    r"(?:choisir|décider|trancher)|(?:selon|d['’]après|en\s+fonction\s+de)\s+vos\s+"
    r"(?:réponses|votes|avis|choix)|(?:based\s+on|according\s+to)\s+your\s+"
    r"(?:answers|votes|replies|feedback))\b")


def check(draft, context):
    findings = [finding for finding in pattern_findings(draft, "vote_request")
                if not forbidden(draft, finding.start) and not _called(draft, finding.start)
                and not _reason_follows(draft, finding.end)]
    options = pattern_matches(draft, "vote_option")
    if "?" in draft.text:
        options = sorted({*options, *pattern_matches(draft, "vote_loose_option")})
    # Options carry different labels; the same emoji again and again is a list's bullet.
    if len({draft.text[start:end].split(maxsplit=1)[0] for start, end in options}) >= MIN_OPTIONS \
            and not _called(draft, options[0][0]):
        # From the first option (or the request that leads its sentence to it) to the end of
        # the last one's clause.
        start = _lead(draft, options[0][0])
        end = options[-1][1] + len(OPTION_TAIL.match(draft.text, options[-1][1]).group())
        findings.append(Finding(start, end, 1.0, {"word": draft.text[start:end]}))
    folded = draft.folded
    used = ANSWERS_USED_RE.search(folded) is not None
    if "?" in folded and not used:
        findings += _forced_choices(draft)
    if findings:
        return removable(draft, findings)
    # A choice whose reason is asked for, or whose use is stated, is a real question, whoever
    # reads it as a poll.
    return [finding for finding in unnamed_bait(draft, context, "vote")
            if not used and not REASON_ASKED[draft.language].search(folded, finding.start,
                                                                     finding.end)]


def _called(draft, offset: int) -> bool:
    """Whether what starts at the offset is a number to call (« appelez le 17 ou le 112 »)."""
    return CALLING_RE.search(draft.folded, max(0, offset - CALLING_REACH), offset) is not None


def _reason_follows(draft, end: int) -> bool:
    """Whether the why or the how is asked within the question that follows the options
    (« le 14 ou le 21 septembre. Laquelle vous arrange le mieux, et pourquoi ? »)."""
    folded = draft.folded
    limit = end + REASON_REACH
    while limit < len(folded) and folded[limit].isalnum():
        limit += 1  # the window ends between words: "commen|té" is no "comment"
    return REASON_ASKED[draft.language].search(folded, end, limit) is not None


def _forced_choices(draft) -> list[Finding]:
    """"Tu préfères les crêpes pliées ou roulées ?": the choice, to its question mark, unless the
    why or the how is asked after it."""
    found = []
    for start, end in pattern_matches(draft, "forced_choice"):
        closing = SENTENCE_END_RE.search(draft.text, end)
        if closing is None or closing.group() != "?":
            continue
        end = closing.end()
        if not _reason_follows(draft, end):
            found.append(Finding(start, end, 1.0, {"word": draft.text[start:end]}))
    return found


def _lead(draft, start: int) -> int:
    """Where the sentence or line of the first option starts, when only a request leads to it
    ("React 👍 for…", « Votez avec un ❤️ pour… »): the whole request is then the hint's, and
    removable. Looked for in the few characters before the option: splitting a long draft
    into sentences costs more than the rest of the rule."""
    reach = max(0, start - LEAD_REACH)
    before = draft.text[reach:start]
    cut = max(before.rfind(mark) for mark in LEAD_STARTS)
    if cut < 0 and reach > 0:
        return start
    lead = reach + cut + 1
    lead += len(draft.text[lead:start]) - len(draft.text[lead:start].lstrip())
    words = WORD_RE.findall(draft.folded, lead, start)
    if words and all(word in LEAD_WORDS or any(in_class(word, name, draft.language)
                                                for name in LEAD_CLASSES) for word in words):
        return lead
    return start


RULE = Rule(
    id="engagement_bait.vote",
    family="engagement_bait",
    level="warning",
    message={
        "fr": "« {word} » : un vote par réactions ou un choix forcé sans enjeu est une fausse "
        "interaction.",
        "en": "“{word}”: a poll by reactions or a pointless either-or is a fake interaction.",
    },
    suggestion={
        "fr": "Demandez le pourquoi : « Pliées ou roulées ? Racontez-nous votre rituel » ouvre une "
        "vraie conversation.",
        "en": "Ask for the why: “Folded or rolled? Tell us your ritual” opens a real "
        "conversation.",
    },
    source="002 — « “Tu préfères les crêpes pliées ou roulées ?” … de fausses interactions "
    "complètement “tarte” » ; Meta, vote baiting",
    check=check,
    patterns=(*PATTERNS, "forced_choice"),
    outranks=("engagement_bait.comment", "engagement_bait.react", "engagement_bait.share",
              "engagement_bait.tag"),
    bad=(
        bad("Agree or disagree: trade fairs are a waste of money.[[ React 👍 or 👎.]]", "en",
            fixed="Agree or disagree: trade fairs are a waste of money."),
        # « comment » is French for how, but in English it asks for a comment.
        bad("🟥 or 🟦? [[Comment one.]]", "en"),
        bad("Alors, [[tu préfères les crêpes pliées ou roulées ?]]", "fr"),
        bad("[[Votez avec vos réactions]] : [[❤️ pour les crêpes, 😮 pour les gaufres]]", "fr"),
        bad("[[Vote with your reactions]]: [[❤️ for pancakes, 😮 for waffles]]", "en"),
        # Reaction names as people type them, without their apostrophe.
        bad("Quelle scène ?[[ jaime = les Pins, jadore = le Chapiteau]]", "fr",
            fixed="Quelle scène ?"),
        # Each option followed by its reaction.
        bad("Team early bird = [[Like, team night owl = Love]]. Go!", "en"),
        # A poll held in the comments, with what to vote with between the verb and the place.
        bad("[[Poll in the replies]]: 👍 office Fridays, 👎 remote Fridays.", "en"),
        bad("Votre pire réunion : 1, le point hebdo / 2, la visio.[[ Votez avec le chiffre dans "
            "les commentaires !]]", "fr",
            fixed="Votre pire réunion : 1, le point hebdo / 2, la visio."),
        bad("[[Would you rather have pancakes or waffles?]]", "en"),
        # The preference in any person and tense.
        bad("Et vous, [[vous préféreriez un week-end à la mer ou à la montagne ?]]", "fr"),
        bad("[[Which one do you prefer: the tote or the backpack?]]", "en"),
        # Phone spelling; votes counted in reactions.
        bad("[[❤️ pr la crêpe nutella, 👍 pr la caramel beurre salé]], la moins votée dégage", "fr"),
        bad("sweet or savory crepes??[[ react and we'll count em 🥞]]", "en",
            fixed="sweet or savory crepes??"),
        # The request that leads to the options is part of the hint, and goes with them.
        bad("Nouveau menu ![[ Votez avec ❤️ pour la tarte, 😮 pour le crumble.]]", "fr",
            fixed="Nouveau menu !"),
        bad("Which mug?[[ React 👍 for the blue one, ❤️ for the green one.]]", "en",
            fixed="Which mug?"),
    ),
    good=(
        # The answers' use stated: a real decision.
        good("Sucré ou salé ? Vos réponses nous aideront à choisir la carte d'hiver.", "fr"),
        good("Weeknight or weekend shows? Your answers will shape which venues we book.", "en"),
        good("Pliées ou roulées, vous préférez comment vos crêpes, et pourquoi ?", "fr"),
        good("Quel critère compte le plus pour vous : le prix ou la durabilité ?", "fr"),
        good("Road or trail for a first marathon: which would you pick, and why?", "en"),
        good("Plutôt Lausanne ou Fribourg pour notre deuxième agence ? Expliquez-nous ce qui "
             "vous ferait venir.", "fr"),
        good("Deux dates pour la braderie : le 14 ou le 21 septembre. Laquelle vous arrange, et "
             "pourquoi ?", "fr"),
        # A how-to's steps toward a reaction, which the reading would take for a poll.
        good("To react to a comment with something other than a like, hover over the Like "
             "button and pick from the menu.", "en"),
        good("What matters most to you when you choose a bike?", "en"),
        # A vote forbidden where it cannot be counted.
        good("Le vote du joueur du mois se fait sur notre site : ne votez pas en commentaire, on "
             "ne peut pas les compter.", "fr"),
        good("Ballots are on the club website. Please don't vote in the replies!", "en"),
        # The same emoji again and again is a list's bullet, not a poll's options.
        # Numbers to call are no options.
        good("Chien en détresse dans une voiture ? Appelez d'abord le 17 ou le 112.", "fr"),
        good("Ready for winter? Our new coats are in store: ✅ Free delivery ✅ Free returns "
             "✅ Two-year warranty", "en"),
    ),
)
