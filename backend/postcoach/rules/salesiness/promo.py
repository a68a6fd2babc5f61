import re

from postcoach.rules.base import Rule, bad, good
from postcoach.rules.matching import lexicon_findings, regex_findings

# Prices and discounts: "49,90 €", "$20", "50p", "-30 %", "50% off", "20 % de réduction"; not
# a time ("8:00 p.m."). Each branch starts with a character and checks what precedes it
# afterwards, so the regex engine can skip to digits and currency signs instead of trying
# every position.
PRICE_OR_DISCOUNT = re.compile(
    r"[€$£](?<![\w.,].)\s?\d+(?:[.,]\d+)?"
    r"|\d(?<![\w.,:]\d)\d*(?:[.,]\d+)?\s?(?:€|\$|£|eur\b|euros?\b|dollars?\b|p\b(?!\.))"
    r"|-(?<!\w-)\s?\d{1,2}\s?%"
    r"|\d(?<!\w\d)\d?\s?%\s?(?:off\b|de réduction|de remise|de rabais|offerts?\b|discount)"
)


def check(draft, context):
    """Prices and promotions; words like "free" or "win" only when the post is promotional."""
    strong = lexicon_findings(draft, context, "promo") + regex_findings(draft, PRICE_OR_DISCOUNT)
    weak = lexicon_findings(draft, context, "promo_words", strength=0.6)
    return strong + weak if strong or len(weak) >= 2 else []


RULE = Rule(
    id="salesiness.promo",
    family="salesiness",
    level="suggestion",
    message={
        "fr": "« {word} » : prix et promotions font du post une annonce, pas une conversation.",
        "en": "“{word}”: prices and promotions make the post an ad, not a conversation.",
    },
    suggestion={
        "fr": "Gardez l'offre pour la fin ou pour un lien, et ouvrez sur ce qui intéresse le "
        "lecteur : un usage, une question, une coulisse.",
        "en": "Keep the offer for the end or for a link, and open with what the reader cares "
        "about: a use, a question, a behind-the-scenes moment.",
    },
    source="003 — « beaucoup de jeux-concours, de promotions, de photos cosmétiques »",
    check=check,
    bad=(
        bad("La veste passe à [[49,90 €]] jusqu'à dimanche.", "fr"),
        bad("C'est les [[soldes]] : [[-30 %]] sur tout le rayon.", "fr"),
        bad("Utilisez le [[code promo]] ETE24 à la caisse.", "fr"),
        bad("Everything is [[50% off]] this weekend.", "en"),
        bad("[[Free shipping]] on every order over [[$50]].", "en"),
        bad("You [[won]] a [[free]] trip!", "en"),
    ),
    good=(
        good("73 % de nos lecteurs lisent sur mobile : on a donc revu la mise en page.", "fr"),
        good("Comment rangez-vous vos vestes d'hiver pendant l'été ?", "fr"),
        good("We asked 200 runners how they choose their shoes. Here is what they said.", "en"),
        good("Our virtual career fair runs on November 17 from 3:00-8:00 p.m.", "en"),
        good("Which trail near you deserves more love?", "en"),
        good("Are you free on Friday for the workshop tour?", "en"),
    ),
)
