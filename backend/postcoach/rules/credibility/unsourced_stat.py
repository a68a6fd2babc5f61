import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.matching import has_lexicon_match

# "73 % des", "9 clients sur 10", "3x more", "2 fois plus": a claim that needs a source.
STATISTIC = re.compile(
    r"\d(?<!\w\d)(?:"
    r"\d*(?:[.,]\d+)?\s?%(?!\s?(?:off\b|de réduction|de remise))"
    r"|\d*\s(?:\w+\s)?(?:sur|out of|in)\s\d+\b"
    r"|\d*(?:[.,]\d+)?\s?(?:x|fois)\s(?:plus|moins|more|less|faster|better|mieux)\b)"
)
DISCOUNT_BEFORE = re.compile(r"-\s?$")
LINK_OR_SOURCE_TAIL = re.compile(r"https?://|www\.|\(\s*\w[^)]*\d{4}\s*\)")


def check(draft, context):
    sourced = has_lexicon_match(draft, context, "source_markers")
    if sourced or LINK_OR_SOURCE_TAIL.search(draft.text):
        return []
    findings = []
    for match in STATISTIC.finditer(draft.folded):
        if DISCOUNT_BEFORE.search(draft.folded[max(0, match.start() - 2):match.start()]):
            continue
        findings.append(Finding(match.start(), match.end(), 1.0, {"word": match.group()}))
    return findings


RULE = Rule(
    id="credibility.unsourced_stat",
    family="credibility",
    level="warning",
    message={
        "fr": "« {word} » : un chiffre sans source ne convainc pas, et un chiffre faux se paie "
        "cher.",
        "en": "“{word}”: a figure without a source convinces nobody, and a wrong one costs "
        "dearly.",
    },
    suggestion={
        "fr": "Citez la source et l'année (« selon l'Insee, 2023 ») ou mettez le lien de "
        "l'étude ; sinon, retirez le chiffre.",
        "en": "Name the source and year (“according to Pew, 2023”) or link the study; otherwise "
        "drop the figure.",
    },
    source="001 — « Fournir des informations fausses … en créant de fausses statistiques »",
    check=check,
    bad=(
        bad("[[87 %]] des Français préfèrent nos crêpes.", "fr"),
        bad("[[9 clients sur 10]] recommandent notre service.", "fr"),
        bad("Our app makes you [[3x more]] productive.", "en"),
        bad("[[4 out of 5]] dentists agree.", "en"),
    ),
    good=(
        good("Selon l'Insee (2023), 87 % des ménages ont un accès à internet.", "fr"),
        good("Nous avons ouvert notre troisième atelier.", "fr"),
        good("According to Pew Research (2023), 85% of adults own a smartphone.", "en"),
        good("We opened our third workshop.", "en"),
    ),
)
