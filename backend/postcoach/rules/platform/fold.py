from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.platform import FOLD


def check(draft, context):
    fold = FOLD.get(context.platform)
    if fold is None or context.reply or len(draft.text) <= fold:
        return []
    first_line = draft.text.strip().split("\n", 1)[0]
    first_sentence = draft.sentences[0].text if draft.sentences else first_line
    if len(first_line) <= fold and len(first_sentence) <= fold:
        return []
    return [Finding(None, None, 1.0, {"fold": fold})]


RULE = Rule(
    id="platform.fold",
    family="platform",
    level="suggestion",
    message={
        "fr": "L'accroche est coupée par « …voir plus » : seuls les {fold} premiers caractères "
        "s'affichent dans le fil.",
        "en": "The hook is cut by “…see more”: only the first {fold} characters show in the "
        "feed.",
    },
    suggestion={
        "fr": "Ouvrez sur une première ligne courte qui donne envie de lire la suite (une "
        "question, un chiffre sourcé, un fait surprenant), puis sautez une ligne.",
        "en": "Open with a short first line that makes people want more (a question, a sourced "
        "figure, a surprising fact), then break the line.",
    },
    source="000 — « sans tenir compte des spécificités de chaque média »",
    check=check,
    bad=(
        bad("Depuis que nous avons ouvert l'atelier en 2015 avec deux amis d'enfance qui "
            "partageaient la même passion pour le bois, les outils anciens et les meubles qui "
            "traversent les générations, nous avons appris énormément de choses sur le métier "
            "et sur nous-mêmes, et nous voulions vous les raconter ici.", "fr",
            platform="linkedin"),
        bad("Ever since we opened the workshop in 2015 with two childhood friends who shared "
            "the same passion for wood, old tools and furniture that lasts for generations, we "
            "have learned an enormous amount about the craft and about ourselves, and we wanted "
            "to tell you about it here.", "en", platform="linkedin"),
    ),
    good=(
        good("Ce que dix ans d'atelier nous ont appris.\n\nDepuis que nous avons ouvert "
             "l'atelier en 2015 avec deux amis d'enfance qui partageaient la même passion pour "
             "le bois, les outils anciens et les meubles qui traversent les générations, nous "
             "avons appris énormément.", "fr", platform="linkedin"),
        good("What ten years in the workshop taught us.\n\nEver since we opened the workshop "
             "in 2015 with two childhood friends who shared the same passion for wood, old "
             "tools and furniture that lasts for generations, we have learned a lot.", "en",
             platform="linkedin"),
    ),
)
