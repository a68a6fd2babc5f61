import math

from postcoach.brand import voice
from postcoach.rules.base import Finding, Rule, bad, good

# Below this typicality the draft does not sound like the brand.
UNTYPICAL = 50
# How each stylometric measure reads in a sentence: (French, English) for "more" and "fewer".
MEASURES = {
    "words": ("des posts bien plus longs", "much longer posts", "des posts bien plus courts",
              "much shorter posts"),
    "sentence_words": ("des phrases plus longues", "longer sentences", "des phrases plus courtes",
                       "shorter sentences"),
    "questions": ("plus de questions", "more questions", "moins de questions", "fewer questions"),
    "exclamations": ("plus de « ! »", "more “!”", "moins de « ! »", "fewer “!”"),
    "emoji": ("plus d'emojis", "more emoji", "moins d'emojis", "fewer emoji"),
    "hashtags": ("plus de hashtags", "more hashtags", "moins de hashtags", "fewer hashtags"),
    "mentions": ("plus de mentions", "more @mentions", "moins de mentions", "fewer @mentions"),
    "links": ("plus de liens", "more links", "moins de liens", "fewer links"),
    "capitals": ("plus de majuscules", "more capitals", "moins de majuscules", "fewer capitals"),
    "we_talk": ("plus de « nous »", "more “we”", "moins de « nous »", "less “we”"),
    "you_talk": ("plus de « vous/tu »", "more “you”", "moins de « vous/tu »", "less “you”"),
    "formality": ("un ton plus soutenu", "a more formal tone", "un ton plus familier",
                  "a more casual tone"),
}


def check(draft, context):
    fingerprint = context.profile.fingerprint
    typical = voice.typicality(draft, context)
    if typical is None or typical >= UNTYPICAL or draft.word_count < 5:
        return []
    gaps = fingerprint.style_gaps(voice.Style.of(draft, context.tone))
    name, gap = max(gaps.items(), key=lambda item: abs(item[1]))
    more_fr, more_en, less_fr, less_en = MEASURES[name]
    words_fr, words_en = (more_fr, more_en) if gap > 0 else (less_fr, less_en)
    strength = min(1.0, (UNTYPICAL - typical) / UNTYPICAL + 0.2)
    return [Finding(None, None, strength, {
        "typicality": typical, "difference_fr": words_fr, "difference_en": words_en,
        "spread": round(math.copysign(min(abs(gap), 9), gap), 1)})]


RULE = Rule(
    id="tone.voice",
    family="tone",
    level="suggestion",
    message={
        "fr": "Ce brouillon ne ressemble pas aux posts de la marque (typicité {typicality}/100) : "
        "surtout {difference_fr} que d'habitude.",
        "en": "This draft does not sound like the brand's posts (typicality {typicality}/100): "
        "mostly {difference_en} than usual.",
    },
    suggestion={
        "fr": "Relisez deux ou trois posts récents de la marque et reprenez leur façon de dire : "
        "longueur, adresse au lecteur, ponctuation.",
        "en": "Reread two or three recent posts of the brand and borrow their way of saying "
        "things: length, how they address readers, punctuation.",
    },
    source="001 — « Manque de cohérence … Votre public sera perdu et cela peut potentiellement "
    "endommager l'image de votre marque »",
    check=check,
    weights={"tone_consistency": -0.1},
    bad=(
        bad("OMG les amis 😍😍😍 TROP BIEN cette journée !!! #fun #team #love #friday #yeah", "fr",
            profile="formal_fr"),
        bad("OMG guys 😍😍😍 SO AWESOME today!!! #fun #team #love #friday #yeah", "en",
            profile="formal_en"),
    ),
    good=(
        good("Nous vous remercions pour votre confiance. Notre équipe reste à votre écoute "
             "pour toute question sur votre contrat.", "fr", profile="formal_fr"),
        good("Thank you for your trust. Our team remains available for any question about your "
             "contract.", "en", profile="formal_en"),
    ),
)
