from dataclasses import replace

from postcoach.rules.base import Rule, bad, good
from postcoach.rules.matching import lexicon_findings

NETWORKS = {"facebook": "Facebook", "linkedin": "LinkedIn"}


def check(draft, context):
    if context.platform not in NETWORKS:
        return []
    network = NETWORKS[context.platform]
    return [
        replace(finding, params={**finding.params, "network": network})
        for finding in lexicon_findings(draft, context, "other_networks")
    ]


RULE = Rule(
    id="platform.cross_post",
    family="platform",
    level="warning",
    message={
        "fr": "« {word} » : ce texte a été écrit pour un autre réseau, pas pour {network}.",
        "en": "“{word}”: this text was written for another network, not for {network}.",
    },
    suggestion={
        "fr": "Adaptez-le : sur {network}, mettez le lien dans le post et parlez comme on parle "
        "ici (plus posé sur LinkedIn, plus proche sur Facebook).",
        "en": "Adapt it: on {network}, put the link in the post and talk the way people talk "
        "here (more measured on LinkedIn, closer on Facebook).",
    },
    source="000 — « publier la même chose sur tous les médias sociaux sans tenir compte des "
    "spécificités de chaque média »",
    check=check,
    weights={"tone_consistency": -0.1},
    bad=(
        bad("Nouvelle collection, [[lien en bio]] !", "fr", platform="facebook"),
        bad("Our new guide is out, [[link in bio]].", "en", platform="linkedin"),
    ),
    good=(
        good("Notre nouveau guide est en ligne : https://acme.fr/guide", "fr",
             platform="linkedin"),
        good("Our new guide is out: https://acme.com/guide", "en", platform="facebook"),
    ),
)
