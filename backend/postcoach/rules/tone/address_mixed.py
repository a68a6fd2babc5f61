from postcoach.rules.base import Rule, bad, good
from postcoach.rules.tone import switched


def check(draft, context):
    marks = context.tone.address
    if marks.form != "mixed":
        return []
    expected = context.profile.address_form.get("fr")
    if expected == "tu":
        odd, odd_form = marks.vous, "vous"
    elif expected == "vous":
        odd, odd_form = marks.tu, "tu"
    else:
        odd, odd_form = min((marks.tu, "tu"), (marks.vous, "vous"), key=lambda m: len(m[0]))
    keep = "vous" if odd_form == "tu" else "tu"
    return switched(draft, odd, keep, keep=keep)


RULE = Rule(
    id="tone.address_mixed",
    family="tone",
    level="warning",
    message={
        "fr": "« {word} » : le post mélange tu et vous.",
        "en": "“{word}”: the post mixes “tu” and “vous”.",
    },
    suggestion={
        "fr": "Choisissez une forme et tenez-la : ici, le {keep}.",
        "en": "Pick one form and keep it: here, “{keep}”.",
    },
    source="001 — « Manque de cohérence … agir différemment et indépendamment sur les "
    "différents sites de médias sociaux »",
    check=check,
    weights={"tone_consistency": -0.3},
    languages=("fr",),
    bad=(
        bad("Vous cherchez une idée ? [[Découvre]] notre recette.", "fr",
            fixed="Vous cherchez une idée ? Découvrez notre recette."),
        bad("Tu cherches une idée ? [[Découvrez]] notre recette.", "fr",
            profile={"address_form": {"fr": "tu"}},
            fixed="Tu cherches une idée ? Découvre notre recette."),
    ),
    good=(
        good("Vous cherchez une idée ? Découvrez notre recette.", "fr"),
        good("Tu cherches une idée ? Découvre notre recette.", "fr",
             profile={"address_form": {"fr": "tu"}}),
    ),
)
