import re

from postcoach.rules.base import Rule, bad, good
from postcoach.rules.tone import beyond_habit

EXCLAMATION = re.compile(r"!")


def check(draft, context):
    found = [m.span() for m in EXCLAMATION.finditer(draft.text)]
    return beyond_habit(found, context.profile.exclamation_max, draft.text)


RULE = Rule(
    id="tone.exclamations",
    family="tone",
    level="suggestion",
    message={
        "fr": "Points d'exclamation : {count} dans ce brouillon, {max} au plus dans vos posts.",
        "en": "Exclamation marks: {count} in this draft where your posts have {max} at most.",
    },
    suggestion={
        "fr": "Un seul « ! » suffit ; laissez le contenu porter l'enthousiasme.",
        "en": "One “!” is enough; let the content carry the enthusiasm.",
    },
    source="001 — « Ne criez pas votre offre » ; « Manque de cohérence »",
    check=check,
    weights={"tone_consistency": -0.2},
    bad=(
        bad("Bienvenue à Léa ! Elle rejoint l'équipe[[!]] Bravo[[!]]", "fr"),
        bad("Welcome, Lea! She joins the team[[!]] Congrats[[!]]", "en"),
    ),
    good=(
        good("Bienvenue à Léa, qui rejoint l'équipe !", "fr"),
        good("Welcome, Lea! She joins the team! Congrats!", "en", profile={"exclamation_max": 3}),
    ),
)
