import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.text.tokens import KEYWORD, tokens_of

# A run of capitals ("PROMO EXCEPTIONNELLE") or a long shouted word; short acronyms (PME, RGPD,
# B2B) and single capitals are not shouting. Both patterns start with a character, not an
# assertion, so the regex engine skips ahead to candidates.
CAPS_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?<!\w.)(?:[A-ZÀ-ÖØ-Þ]+(?:[\s'’-]+[A-ZÀ-ÖØ-Þ]{2,})+|[A-ZÀ-ÖØ-Þ]{5,})\b"
)
EXCLAMATION_RUN = re.compile(r"!(?:!+|(?: ?!){2,})")


def calm(shouted: str) -> str:
    """The same words in normal case, or one "!" for a burst of them."""
    if "!" in shouted:
        return "!"
    # Sentence case: a shouted run that opens a sentence keeps its first capital.
    return shouted[0] + shouted[1:].lower()


def check(draft, context):
    text = draft.text
    findings = []
    typed = None
    for pattern in (CAPS_RUN, EXCLAMATION_RUN):
        for match in pattern.finditer(text):
            if pattern is CAPS_RUN and sum(ch.isalpha() for ch in match.group()) < 6:
                continue
            if pattern is CAPS_RUN and " " in match.group():
                # A phrase in capitals to type is quoted, not shouted (« Écrivez JOYEUX
                # ANNIVERSAIRE en commentaire »: the bait hint names it); one word in capitals
                # still shouts, keyword or not ("PROFITEZ-EN").
                if typed is None:
                    typed = {token[:2] for token in tokens_of(draft) if token.kind == KEYWORD}
                if match.span() in typed:
                    continue
            findings.append(Finding(match.start(), match.end(), 1.0, {"word": match.group()},
                                    (calm(match.group()),)))
    return findings


RULE = Rule(
    id="salesiness.shouting",
    family="salesiness",
    level="suggestion",
    message={
        "fr": "« {word} » : majuscules et points d'exclamation en rafale, c'est crier.",
        "en": "“{word}”: capitals and bursts of exclamation marks read as shouting.",
    },
    suggestion={
        "fr": "Écrivez en casse normale avec un seul « ! » au plus : l'enthousiasme passe par "
        "le contenu, pas par le volume.",
        "en": "Use normal case and one “!” at most: enthusiasm comes from the content, not the "
        "volume.",
    },
    source="001 — « Ne criez pas votre offre »",
    check=check,
    bad=(
        bad("[[PROMO EXCEPTIONNELLE]] sur la gamme été", "fr",
            fixed="Promo exceptionnelle sur la gamme été"),
        bad("On a hâte de vous voir[[!!!]]", "fr", fixed="On a hâte de vous voir!"),
        bad("[[HUGE SALE]] this weekend", "en", fixed="Huge sale this weekend"),
        # One word in capitals shouts, even where a keyword could stand.
        bad("Notre atelier rouvre samedi, [[PROFITEZ-EN]]", "fr",
            fixed="Notre atelier rouvre samedi, Profitez-en"),
        bad("We can't wait to see you[[!!]]", "en", fixed="We can't wait to see you!"),
    ),
    good=(
        good("La PME lyonnaise a adopté le RGPD en 2018.", "fr"),
        good("Écrivez JOYEUX ANNIVERSAIRE en commentaire pour Mamie Rose !", "fr"),
        good("On a hâte de vous voir !", "fr"),
        good("Our B2B team met the CEO of a NGO in the USA.", "en"),
        good("We can't wait to see you!", "en"),
    ),
)
