from postcoach.rules.base import Finding, Rule, bad, good

# Formality points of slack before a draft sounds unlike the brand.
TOLERANCE = 25


def check(draft, context):
    if draft.word_count < 4:
        return []
    formality = context.tone.formality
    target = context.profile.formality
    gap = formality - target
    if abs(gap) <= TOLERANCE:
        return []
    direction = {"fr": "trop familier", "en": "too casual"} if gap < 0 else {
        "fr": "trop guindé", "en": "too stiff"}
    return [Finding(None, None, min(1.0, (abs(gap) - TOLERANCE / 2) / 50), {
        "formality": formality, "target": target,
        "direction_fr": direction["fr"], "direction_en": direction["en"]})]


RULE = Rule(
    id="tone.register",
    family="tone",
    level="suggestion",
    message={
        "fr": "Registre {direction_fr} pour la marque : formalité {formality}/100, la marque "
        "écrit vers {target}.",
        "en": "Register {direction_en} for the brand: formality {formality}/100, the brand "
        "writes around {target}.",
    },
    suggestion={
        "fr": "Rapprochez-vous de la voix habituelle : moins d'argot et d'emojis si c'est trop "
        "familier, des phrases plus courtes et directes si c'est trop guindé.",
        "en": "Move back to the usual voice: less slang and emoji if too casual, shorter and "
        "more direct sentences if too stiff.",
    },
    source="001 — « Être trop étouffant sur LinkedIn et plutôt décontracté sur Facebook. Votre "
    "public sera perdu »",
    check=check,
    weights={"tone_consistency": -0.3},
    bad=(
        bad("Salut les gens, trop cool ce truc, on kiffe grave 😍😍 mdr !!", "fr"),
        bad("hey guys lol this stuff is super cool, gonna be awesome 😍😍!!", "en"),
        bad("Nous vous prions de bien vouloir trouver ci-joint notre rapport annuel ; "
            "conformément à nos engagements, veuillez agréer nos sincères salutations.", "fr",
            profile={"formality": 30}),
    ),
    good=(
        good("Nous avons testé trois façons de ranger les vestes. Laquelle préférez-vous ?",
             "fr"),
        good("We tested three ways to store jackets. Which one do you prefer?", "en"),
    ),
)
