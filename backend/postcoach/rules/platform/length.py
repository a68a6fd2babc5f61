from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.platform import COMFORTABLE_LENGTH, MAX_LENGTH

NETWORK_NAMES = {"linkedin": "LinkedIn", "facebook": "Facebook"}


def check(draft, context):
    if context.platform not in NETWORK_NAMES:
        return []
    length = len(draft.text.strip())
    limit = MAX_LENGTH[(context.platform, context.reply)]
    comfortable = COMFORTABLE_LENGTH[context.platform]
    network = NETWORK_NAMES[context.platform]
    if length > limit:
        # Highlight what the network would refuse: everything past the limit.
        start = len(draft.text) - len(draft.text.lstrip()) + limit
        params = {"length": length, "limit": limit, "network": network}
        return [Finding(start, len(draft.text.rstrip()), 3.0, params)]
    if not context.reply and length > comfortable:
        return [Finding(None, None, 1.0, {"length": length, "limit": comfortable,
                                          "network": network})]
    return []


def _overflowing(text: str, limit: int) -> str:
    """The example text with the part past `limit` marked, as the rule should flag it."""
    return f"{text[:limit]}[[{text[limit:].rstrip()}]]"


RULE = Rule(
    id="platform.length",
    family="platform",
    level="warning",
    message={
        "fr": "{length} caractères : au-delà de {limit}, {network} coupe ou fait survoler le "
        "texte.",
        "en": "{length} characters: past {limit}, {network} cuts the text or readers skim it.",
    },
    suggestion={
        "fr": "Gardez une idée par post : coupez ce qui n'est pas essentiel ou faites-en une "
        "série de publications.",
        "en": "Keep one idea per post: cut what is not essential or turn it into a series of "
        "posts.",
    },
    source="000 — « publier la même chose sur tous les médias sociaux sans tenir compte des "
    "spécificités de chaque média »",
    check=check,
    bad=(
        bad(_overflowing("Voici notre histoire. " + "Nous avons commencé dans un garage. " * 90,
                         3000), "fr", platform="linkedin"),
        bad("Voici notre histoire. " + "Nous avons commencé dans un garage. " * 15, "fr",
            platform="facebook"),
        bad(_overflowing("Here is our story. " + "We started in a garage with two friends. " * 80,
                         3000), "en", platform="linkedin"),
    ),
    good=(
        good("Nous avons commencé dans un garage. Et vous, où avez-vous commencé ?", "fr",
             platform="linkedin"),
        good("We started in a garage. Where did you start?", "en", platform="facebook"),
    ),
)
