from postcoach.rules.base import Rule, bad, good
from postcoach.rules.matching import lexicon_findings

RULE = Rule(
    id="salesiness.urgency",
    family="salesiness",
    level="warning",
    message={
        "fr": "« {word} » : l'urgence artificielle, c'est crier son offre.",
        "en": "“{word}”: manufactured urgency is shouting your offer.",
    },
    suggestion={
        "fr": "Si la date compte vraiment, donnez-la simplement (« jusqu'au 12 mai ») et dites "
        "pourquoi l'offre vaut le détour.",
        "en": "If the date really matters, just state it (“until May 12”) and say why the offer "
        "is worth it.",
    },
    source="001 — « Ne criez pas votre offre et autres affaires continuellement »",
    check=lambda draft, context: lexicon_findings(draft, context, "urgency"),
    bad=(
        bad("[[Dernière chance]] pour découvrir la collection.", "fr"),
        bad("[[Offre limitée]] : [[dépêchez-vous]].", "fr"),
        bad("[[Plus que 3 jours]] pour en profiter.", "fr"),
        bad("[[Last chance]] to get the early-bird rate.", "en"),
        bad("[[Hurry]], this is a [[limited time offer]].", "en"),
    ),
    good=(
        good("Les inscriptions à l'atelier ferment le 12 mai.", "fr"),
        good("Qu'est-ce qui vous a fait changer d'avis la dernière fois ?", "fr"),
        good("Registration for the workshop closes on May 12.", "en"),
        good("What made you change your mind last time?", "en"),
    ),
)
