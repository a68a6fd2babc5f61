from postcoach.rules.base import Rule, bad, good
from postcoach.rules.tone import switched

OPPOSITE = {"tu": "vous", "vous": "tu"}


def check(draft, context):
    expected = context.profile.address_form.get("fr")
    marks = context.tone.address
    if draft.language != "fr" or expected not in OPPOSITE or marks.form != OPPOSITE[expected]:
        return []
    found = marks.tu if expected == "vous" else marks.vous
    return switched(draft, found, expected, found=marks.form, expected=expected)


RULE = Rule(
    id="tone.address_mismatch",
    family="tone",
    level="warning",
    message={
        "fr": "« {word} » : ce brouillon dit {found}, votre marque écrit {expected}.",
        "en": "“{word}”: this draft says “{found}”, your brand writes “{expected}”.",
    },
    suggestion={
        "fr": "Passez au {expected} sur tout le post : la même voix sur Facebook et LinkedIn "
        "rend la marque reconnaissable.",
        "en": "Switch to “{expected}” throughout: the same voice on Facebook and LinkedIn makes "
        "the brand recognisable.",
    },
    source="001 — « Manque de cohérence … Être trop étouffant sur LinkedIn et plutôt décontracté "
    "sur Facebook »",
    check=check,
    weights={"tone_consistency": -0.35},
    languages=("fr",),
    # The fixes switch each mark where the other form is certain: a subject with its verb,
    # an imperative, a pronoun or possessive; never "votre" (ton or ta?).
    bad=(
        bad("[[Découvre]] la nouvelle gamme et [[dis-nous]] ce que [[tu en penses]].", "fr",
            fixed="Découvrez la nouvelle gamme et dites-nous ce que vous en pensez."),
        bad("[[Tu peux]] réserver [[ta]] place : [[inscris-toi]] en ligne, on [[te]] rappelle.",
            "fr", fixed="Vous pouvez réserver votre place : inscrivez-vous en ligne, on vous "
            "rappelle."),
        bad("[[Découvrez]] la nouvelle gamme : [[votre]] avis compte.", "fr",
            profile={"address_form": {"fr": "tu"}},
            fixed="Découvre la nouvelle gamme : votre avis compte."),
        bad("[[Partagez]] [[vos]] photos et [[racontez-nous]] ce que [[vous aimez]].", "fr",
            profile={"address_form": {"fr": "tu"}},
            fixed="Partage tes photos et raconte-nous ce que tu aimes."),
    ),
    good=(
        good("Découvrez la nouvelle gamme et dites-nous ce que vous en pensez.", "fr"),
        good("Découvre la nouvelle gamme et dis-nous ce que tu en penses.", "fr",
             profile={"address_form": {"fr": "tu"}}),
    ),
)
