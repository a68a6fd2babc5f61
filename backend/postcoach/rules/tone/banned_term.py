import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.text.draft import fold, match_case


def check(draft, context):
    findings = []
    for term, replacement in context.profile.banned_terms.items():
        pattern = re.compile(r"(?<!\w)" + re.escape(fold(term)) + r"(?!\w)")
        findings += [
            Finding(m.start(), m.end(), 1.0, {"word": draft.text[m.start():m.end()],
                                              "replacement": replacement},
                    (match_case(draft.text[m.start():m.end()], replacement),))
            for m in pattern.finditer(draft.folded)
        ]
    return findings


RULE = Rule(
    id="tone.banned_term",
    family="tone",
    level="warning",
    message={
        "fr": "« {word} » : ce mot ne fait pas partie du vocabulaire de la marque.",
        "en": "“{word}”: this word is not part of the brand's vocabulary.",
    },
    suggestion={
        "fr": "Écrivez plutôt « {replacement} ».",
        "en": "Write “{replacement}” instead.",
    },
    source="001 — « Manque de cohérence … cela peut potentiellement endommager l'image de votre "
    "marque »",
    check=check,
    weights={"tone_consistency": -0.15},
    bad=(
        bad("Nos [[clients]] adorent la nouvelle veste.", "fr",
            profile={"banned_terms": {"clients": "membres"}},
            fixed="Nos membres adorent la nouvelle veste."),
        bad("Our [[customers]] love the new jacket.", "en",
            profile={"banned_terms": {"customers": "members"}},
            fixed="Our members love the new jacket."),
    ),
    good=(
        good("Nos membres adorent la nouvelle veste.", "fr",
             profile={"banned_terms": {"clients": "membres"}}),
        good("Our members love the new jacket.", "en",
             profile={"banned_terms": {"customers": "members"}}),
    ),
)
