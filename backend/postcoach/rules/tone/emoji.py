from postcoach.rules.base import Rule, bad, good
from postcoach.rules.tone import beyond_habit


def check(draft, context):
    found = sorted(m.span() for m in draft.emoji)
    return beyond_habit(found, context.profile.emoji_max, draft.text)


RULE = Rule(
    id="tone.emoji",
    family="tone",
    level="suggestion",
    message={
        "fr": "Emojis : {count} dans ce brouillon, {max} au plus dans vos posts.",
        "en": "Emoji: {count} in this draft where your posts have {max} at most.",
    },
    suggestion={
        "fr": "Gardez l'emoji qui porte le sens et retirez les autres.",
        "en": "Keep the emoji that carries meaning and drop the rest.",
    },
    source="001 — « Manque de cohérence … plutôt décontracté sur Facebook »",
    check=check,
    weights={"tone_consistency": -0.25},
    bad=(
        bad("Bonne nouvelle pour vous ☀️ [[🎉]] [[🥳]]", "fr"),
        bad("Good news for you ☀️ [[🎉]] [[🥳]]", "en"),
    ),
    good=(
        good("Bonne nouvelle pour vous ☀️", "fr"),
        good("Good news for you 🎉🥳🎈", "en", profile={"emoji_max": 3}),
    ),
)
