import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.text.draft import MENTION_RE
from postcoach.text.lexicons import load
from postcoach.text.signals import lexicon_languages

QUOTE = re.compile(r"«\s*([^»]+?)\s*»|“([^”]+)”|\"([^\"\n]+)\"")
MIN_QUOTED_WORDS = 6
# "— Victor Hugo", "- Maya Angelou", "(Simone Veil)": a name right after the quote.
NAMED_AFTER = re.compile(r"^\s*(?:[—–-]\s*|\(\s*|,\s*)?[A-ZÀ-Ö][\w'’.-]+")
ATTRIBUTION_WINDOW = 60


def _attributed(draft, context, start: int, end: int) -> bool:
    after = draft.text[end:end + ATTRIBUTION_WINDOW]
    before_and_after = draft.folded[max(0, start - ATTRIBUTION_WINDOW):end + ATTRIBUTION_WINDOW]
    if NAMED_AFTER.match(after) or MENTION_RE.search(before_and_after):
        return True
    return any(
        load(language, "attribution").pattern.search(before_and_after)
        for language in lexicon_languages(draft)
    )


def check(draft, context):
    findings = []
    for match in QUOTE.finditer(draft.text):
        quoted = next(group for group in match.groups() if group is not None)
        if len(quoted.split()) < MIN_QUOTED_WORDS:
            continue
        if not _attributed(draft, context, match.start(), match.end()):
            findings.append(Finding(match.start(), match.end(), 1.0))
    return findings


RULE = Rule(
    id="credibility.unattributed_quote",
    family="credibility",
    level="suggestion",
    message={
        "fr": "Citation sans auteur : reprendre les mots des autres sans les nommer, c'est du "
        "plagiat.",
        "en": "Quote without an author: using other people's words without naming them is "
        "plagiarism.",
    },
    suggestion={
        "fr": "Nommez l'auteur (« — Maya Angelou ») ou identifiez son compte ; c'est aussi une "
        "occasion d'engager la conversation avec lui.",
        "en": "Name the author (“— Maya Angelou”) or tag their account; it is also a chance to "
        "start a conversation with them.",
    },
    source="004 — « en retweetant des sources de qualité sans les nommer. Le plagiat est une "
    "pratique en plein essor »",
    check=check,
    bad=(
        bad("Notre pensée du jour : [[« La seule chose que je sais, c'est que je ne sais "
            "rien »]]", "fr"),
        bad("Our thought for today: [[“The only thing I know is that I know nothing”]]", "en"),
    ),
    good=(
        good("« La seule chose que je sais, c'est que je ne sais rien » — Socrate", "fr"),
        good("Comme le disait Marie : « on apprend en faisant, pas en regardant »", "fr"),
        good("“The only thing I know is that I know nothing” — Socrates", "en"),
        good("As @maya put it, “you learn by doing and not by watching”", "en"),
    ),
)
