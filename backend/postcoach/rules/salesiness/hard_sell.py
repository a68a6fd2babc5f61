import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.matching import lexicon_findings, regex_findings

# "Call 0800 123 456", "Text WIN to 80086", "Appelez le 01 23 45 67 89": a sale by phone
# (four digits at least: premium short codes have four or five).
PHONE_CALL_TO_ACTION = re.compile(
    r"\b(?:call|ring|text|txt|send|sms|reply|appelez|appelle|envoyez|envoie)\b"
    r"(?:\s+\S+){0,6}?\s+\+?\d[\d .-]{2,}\d"
)
# "Reply YES", "Text JOIN", "Envoyez STOP": a keyword in capitals to send back.
KEYWORD_CALL_TO_ACTION = re.compile(
    r"\b(?:[Rr]eply|REPLY|[Tt]ext|TEXT|[Tt]xt|TXT|[Ss]end|SEND|[Ee]nvoyez|ENVOYEZ)\s+"
    r"[\"'“«]?[A-Z0-9]{2,}\b"
)


# The words that can open a call to action by phone or keyword: without one, skip the patterns.
CALL_WORDS = frozenset(
    {"call", "ring", "text", "txt", "send", "sms", "reply", "appelez", "appelle", "envoyez",
     "envoie"}
)


def check(draft, context):
    # In a reply, a phone number to call is the private channel a complaint needs, not a sale.
    if context.reply or CALL_WORDS.isdisjoint(draft.word_set):
        return lexicon_findings(draft, context, "hard_sell")
    keywords = [
        Finding(m.start(), m.end(), 1.0, {"word": m.group()})
        for m in KEYWORD_CALL_TO_ACTION.finditer(draft.text)
    ]
    # In a text typed all in capitals, "TEXT BACK" is shouting, not a keyword to send.
    if keywords and draft.capitals_share > 0.6:
        keywords = []
    return (
        lexicon_findings(draft, context, "hard_sell")
        + regex_findings(draft, PHONE_CALL_TO_ACTION)
        + keywords
    )


RULE = Rule(
    id="salesiness.hard_sell",
    family="salesiness",
    level="warning",
    message={
        "fr": "« {word} » : un ordre d'achat transforme le post en placard publicitaire.",
        "en": "“{word}”: an order to buy turns the post into a billboard.",
    },
    suggestion={
        "fr": "Montrez plutôt ce que le produit change pour le lecteur (une histoire, un usage, "
        "un conseil) et laissez le lien faire le reste.",
        "en": "Show what the product changes for the reader instead (a story, a use, a tip) and "
        "let the link do the selling.",
    },
    source="001 — « Écoutez moi : je veux vendre ! » ; 000 — « confondre sa page Facebook avec "
    "un placard publicitaire »",
    check=check,
    bad=(
        bad("Nouvelle collection : [[achetez]] vite la vôtre.", "fr"),
        bad("[[Commandez dès maintenant]] sur notre site.", "fr"),
        bad("Les beaux jours arrivent, [[profitez-en]] !", "fr"),
        bad("Our new range is here. [[Shop now]].", "en"),
        bad("[[Buy now]] and thank us later.", "en"),
        bad("Your bonus is waiting: [[call 0800 123 456]] today.", "en"),
        bad("Want the catalogue? [[Reply CAT]] now.", "en"),
    ),
    good=(
        good("Nos clientes nous ont raconté comment elles portent la veste en hiver.", "fr"),
        good("Qu'avez-vous acheté de plus utile cette année ?", "fr"),
        good("Here is how three customers wear the jacket in winter.", "en"),
        good("What was the most useful thing you bought this year?", "en"),
    ),
)
