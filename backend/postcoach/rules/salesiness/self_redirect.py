import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.matching import lexicon_findings
from postcoach.text import signals
from postcoach.text.draft import fold


def _own_links(draft, context) -> list[Finding]:
    own = [fold(d) for d in context.profile.domains] + [
        fold(re.sub(r"\W", "", n)) for n in context.profile.brand_names
    ]
    own = [name for name in own if name]
    if not own:
        return []
    return [
        Finding(start, end, 1.0, {"word": draft.text[start:end]})
        for start, end in draft.urls
        if any(name in draft.folded[start:end] for name in own)
    ]


def check(draft, context):
    redirects = lexicon_findings(draft, context, "own_spaces") + _own_links(draft, context)
    if not redirects:
        return []
    gives_something = (
        signals.questions(draft) or signals.offers_value(draft) or signals.invites_sharing(draft)
    )
    return [] if gives_something else redirects


RULE = Rule(
    id="salesiness.self_redirect",
    family="salesiness",
    level="suggestion",
    message={
        "fr": "« {word} » : le post ne sert qu'à renvoyer vers vos propres espaces.",
        "en": "“{word}”: the post only exists to send people to your own spaces.",
    },
    suggestion={
        "fr": "Donnez l'essentiel dans le post lui-même (l'astuce, l'info, l'histoire) ; le lien "
        "devient un bonus, pas la raison d'être du message.",
        "en": "Give the substance in the post itself (the tip, the news, the story); the link "
        "becomes a bonus, not the point.",
    },
    source="004 — « Une tendance à retweeter et à diriger sur ses propres espaces »",
    check=check,
    posts_only=True,
    bad=(
        bad("Tout est [[sur notre site]].", "fr"),
        bad("Nouvel article : [[acme.fr/blog/rentree]]", "fr", profile={"domains": ["acme.fr"]}),
        bad("Everything you need is [[on our website]].", "en"),
        bad("New post: [[https://acme.com/blog/fall]]", "en", profile={"brand_names": ["Acme"]}),
    ),
    good=(
        good("Astuce : lavez la veste à 30 °C. Le guide complet est sur notre site.", "fr"),
        good("Une belle analyse du Monde sur le vrac : https://lemonde.fr/vrac", "fr",
             profile={"domains": ["acme.fr"]}),
        good("Tip: wash the jacket at 30 °C. The full guide is on our website.", "en"),
    ),
)
