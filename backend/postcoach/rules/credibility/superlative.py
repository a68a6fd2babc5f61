from postcoach.rules.base import Rule, bad, good
from postcoach.rules.matching import lexicon_findings
from postcoach.text import signals


def check(draft, context):
    """Superlatives in a question ("What is the best advice you got?") claim nothing."""
    asked = signals.questions(draft)
    return [
        finding
        for finding in lexicon_findings(draft, context, "superlatives")
        if not any(q.start <= finding.start < q.end for q in asked)
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
    weights={"salesiness": 0.3},
    bad=(
        bad("Nos crêpes sont [[les meilleures]] de Bretagne.", "fr"),
        bad("Le [[n°1]] du vélo électrique.", "fr"),
        bad("The [[world's best]] running shoe.", "en"),
        bad("We are the [[#1]] bike shop in town.", "en"),
    ),
    good=(
        good("Nos crêpes ont reçu 1 200 avis, notés 4,8 sur 5.", "fr"),
        good("Quelle est la meilleure crêpe que vous ayez mangée ?", "fr"),
        good("Our crêpes have 1,200 reviews rated 4.8 out of 5.", "en"),
        good("What is the best advice you ever got?", "en"),
    ),
)
