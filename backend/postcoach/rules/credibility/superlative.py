from postcoach.rules.base import Rule, bad, good
from postcoach.rules.matching import lexicon_findings
from postcoach.text import signals
from postcoach.text.patterns import pattern_matches


def check(draft, context):
    """Superlatives in a question ("What is the best advice you got?") or choosing among the
    readers' contributions ("the best ones will be featured") claim nothing."""
    asked = signals.questions(draft)
    choosing = pattern_matches(draft, "superlative_selection")
    return [
        finding
        for finding in lexicon_findings(draft, context, "superlatives")
        if not any(q.start <= finding.start < q.end for q in asked)
        and not any(start < finding.end and finding.start < end for start, end in choosing)
    ]


RULE = Rule(
    id="credibility.superlative",
    family="credibility",
    level="suggestion",
    message={
        "fr": "« {word} » : un superlatif invérifiable sonne comme de la publicité.",
        "en": "“{word}”: an unverifiable superlative sounds like advertising.",
    },
    suggestion={
        "fr": "Remplacez-le par un fait vérifiable (« 1 200 avis à 4,8/5 », « fabriqué à Lyon "
        "depuis 1987 ») ou laissez vos clients le dire.",
        "en": "Replace it with a checkable fact (“1,200 reviews at 4.8/5”, “made in Leeds since "
        "1987”) or let your customers say it.",
    },
    source="004 — « “Je suis expert en réseaux sociaux” … affirmations douteuses » ; 001 — "
    "« Fournir des informations fausses »",
    check=check,
    patterns=("superlative_selection",),
    bad=(
        bad("Nos crêpes sont [[les meilleures]] de Bretagne.", "fr"),
        bad("Le [[n°1]] du vélo électrique.", "fr"),
        bad("The [[world's best]] running shoe.", "en"),
        bad("We are the [[#1]] bike shop in town.", "en"),
    ),
    good=(
        good("Nos crêpes ont reçu 1 200 avis, notés 4,8 sur 5.", "fr"),
        good("Quelle est la meilleure crêpe que vous ayez mangée ?", "fr"),
        good("Envoyez vos recettes : on compilera les meilleures dans un guide.", "fr"),
        good("Our crêpes have 1,200 reviews rated 4.8 out of 5.", "en"),
        good("Send us your recipes: the best ones will be in our guide.", "en"),
        good("What is the best advice you ever got?", "en"),
    ),
)
