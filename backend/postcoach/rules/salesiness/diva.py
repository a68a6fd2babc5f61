import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.matching import lexicon_spans
from postcoach.text.draft import fold

MIN_SELF_MENTIONS = 3


def _brand_mentions(draft, context) -> int:
    names = [fold(name) for name in context.profile.brand_names if name.strip()]
    if not names:
        return 0
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return len(pattern.findall(draft.folded))


def check(draft, context):
    about_self = len(lexicon_spans(draft, context, "self"))
    about_self += _brand_mentions(draft, context)
    about_reader = len(lexicon_spans(draft, context, "reader"))
    if about_self < MIN_SELF_MENTIONS or about_self < 2 * (about_reader + 1):
        return []
    strength = min(1.0, (about_self - about_reader) / 6)
    return [Finding(None, None, strength, {"self": about_self, "reader": about_reader})]


RULE = Rule(
    id="salesiness.diva",
    family="salesiness",
    level="warning",
    message={
        "fr": "Le post parle de la marque {self} fois et du lecteur {reader} fois : il joue les "
        "divas.",
        "en": "The post mentions the brand {self} times and the reader {reader} times: it is all "
        "about you.",
    },
    suggestion={
        "fr": "Réécrivez du point de vue du lecteur : ce qu'il y gagne, ce qu'il en pense "
        "(« vous », une question), et gardez un seul « nous ».",
        "en": "Rewrite from the reader's side: what they get, what they think (“you”, a "
        "question), and keep a single “we”.",
    },
    source="000 — « jouer les “divas” et ne parler que de soi … Etre intéressé au lieu d'être "
    "intéressant »",
    check=check,
    posts_only=True,
    bad=(
        bad("Nous sommes fiers de notre nouvelle gamme. Notre équipe a travaillé dur et nos "
            "produits sont prêts.", "fr"),
        bad("We are proud of our new range. Our team worked hard and our products are ready.",
            "en"),
        bad("Acme célèbre ses 20 ans : Acme remercie l'équipe Acme.", "fr",
            profile={"brand_names": ["Acme"]}),
    ),
    good=(
        good("Nous avons testé trois façons de ranger vos vestes. Laquelle vous ressemble ?",
             "fr"),
        good("We tested three ways to store your jackets. Which one looks like you?", "en"),
    ),
)
