from postcoach.rules.base import Finding, Rule, bad, good


def check(draft, context):
    allowed = context.profile.hashtags_max.get(context.platform)
    tags = draft.hashtags
    if allowed is None or len(tags) <= allowed:
        return []
    return [
        Finding(tag.start(), tag.end(), 0.5, {"count": len(tags), "max": allowed})
        for tag in tags[allowed:]
    ]


RULE = Rule(
    id="platform.hashtags",
    family="platform",
    level="suggestion",
    message={
        "fr": "{count} hashtags : au-delà de {max} sur ce réseau, le post ressemble à du "
        "référencement.",
        "en": "{count} hashtags: past {max} on this network, the post reads like keyword "
        "stuffing.",
    },
    suggestion={
        "fr": "Gardez les {max} hashtags les plus précis ; sur Facebook un ou deux suffisent, "
        "sur LinkedIn trois à cinq.",
        "en": "Keep the {max} most specific hashtags; one or two are enough on Facebook, three "
        "to five on LinkedIn.",
    },
    source="000 — « sans tenir compte des spécificités de chaque média » ; 004 — « améliorer "
    "ses propres performances SEO »",
    check=check,
    weights={"tone_consistency": -0.03},
    bad=(
        bad("Nouvelle recette ! #crêpes #chandeleur [[#recette]] [[#dessert]]", "fr",
            platform="facebook"),
        bad("New recipe! #pancakes #breakfast [[#recipe]] [[#dessert]]", "en",
            platform="facebook"),
    ),
    good=(
        good("Nouvelle recette pour la Chandeleur #crêpes", "fr", platform="facebook"),
        good("What we learned hiring our first engineer #hiring #startups #leadership", "en",
             platform="linkedin"),
    ),
)
