import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.matching import lexicon_findings

# "❤️ pour les crêpes, 😮 pour les gaufres": a poll counted in reactions.
REACTION_POLL = re.compile(
    r"(?:[\u2600-\u27BF\U0001F300-\U0001FAFF]\ufe0f?\s*(?:=|pour|for)\s+[^,;\n.!?]+[,;\n]?\s*"
    r"(?:et|ou|and|or)?\s*){2,}"
)
# "Tu préfères les crêpes pliées ou roulées ?": a forced choice with nothing to say about it.
FORCED_CHOICE = re.compile(
    r"(?:tu préfères|vous préférez|plutôt|team \S+ ou team|which do you prefer|would you rather"
    r"|team \S+ or team)[^?.!\n]*\b(?:ou|or)\b[^?.!\n]*\?"
)
REASON_ASKED = re.compile(r"\b(?:pourquoi|comment|why|how)\b")


def check(draft, context):
    findings = lexicon_findings(draft, context, "bait_vote")
    folded = draft.folded
    # A poll needs emoji, a forced choice a question mark: skip the patterns otherwise.
    patterns = [p for p, needed in ((REACTION_POLL, draft.emoji), (FORCED_CHOICE, "?" in folded))
                if needed]
    for pattern in patterns:
        for match in pattern.finditer(folded):
            after = folded[match.end():match.end() + 80]
            if pattern is FORCED_CHOICE and REASON_ASKED.search(after):
                continue
            start, end = match.start(), match.start() + len(match.group().rstrip(" ,;\n"))
            findings.append(Finding(start, end, 1.0, {"word": draft.text[start:end]}))
    return findings


RULE = Rule(
    id="engagement_bait.vote",
    family="engagement_bait",
    level="warning",
    message={
        "fr": "« {word} » : un vote par réactions ou un choix forcé sans enjeu est une fausse "
        "interaction.",
        "en": "“{word}”: a poll by reactions or a pointless either-or is a fake interaction.",
    },
    suggestion={
        "fr": "Demandez le pourquoi : « Pliées ou roulées ? Racontez-nous votre rituel » ouvre une "
        "vraie conversation.",
        "en": "Ask for the why: “Folded or rolled? Tell us your ritual” opens a real "
        "conversation.",
    },
    source="002 — « “Tu préfères les crêpes pliées ou roulées ?” … de fausses interactions "
    "complètement “tarte” » ; Meta, vote baiting",
    check=check,
    weights={"interaction_value": -0.25, "salesiness": 0.1},
    bad=(
        bad("Alors, [[tu préfères les crêpes pliées ou roulées ?]]", "fr"),
        bad("[[Votez avec]] vos réactions : [[❤️ pour les crêpes, 😮 pour les gaufres]]", "fr"),
        bad("[[Vote with]] your reactions: [[❤️ for pancakes, 😮 for waffles]]", "en"),
        bad("[[Would you rather have pancakes or waffles?]]", "en"),
    ),
    good=(
        good("Pliées ou roulées, vous préférez comment vos crêpes, et pourquoi ?", "fr"),
        good("Quel critère compte le plus pour vous : le prix ou la durabilité ?", "fr"),
        good("Road or trail for a first marathon: which would you pick, and why?", "en"),
        good("What matters most to you when you choose a bike?", "en"),
    ),
)
