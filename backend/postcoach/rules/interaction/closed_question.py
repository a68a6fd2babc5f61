from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.text import signals


def check(draft, context):
    asked = signals.questions(draft)
    if not asked or any(question.open for question in asked):
        return []
    return [
        Finding(q.start, q.end, 1.0, {"word": draft.text[q.start:q.end]}) for q in asked
    ]


RULE = Rule(
    id="interaction.closed_question",
    family="interaction",
    level="suggestion",
    message={
        "fr": "« {word} » : on répond à cette question par oui ou non, la conversation s'arrête "
        "là.",
        "en": "“{word}”: this question is answered with yes or no, and the conversation ends "
        "there.",
    },
    suggestion={
        "fr": "Ouvrez-la avec « comment », « pourquoi » ou « quel » : « Quel est votre rituel du "
        "dimanche ? » plutôt que « Vous aimez le dimanche ? ».",
        "en": "Open it with “how”, “why” or “which”: “What is your Sunday ritual?” rather than "
        "“Do you like Sundays?”.",
    },
    source="002 — « Vous avez le droit de poser des questions » ; 000 — « engager la "
    "conversation »",
    check=check,
    posts_only=True,
    bad=(
        bad("Notre nouvelle recette est en ligne. [[Vous aimez le chocolat ?]]", "fr"),
        bad("Our new recipe is online. [[Do you like chocolate?]]", "en"),
    ),
    good=(
        good("Notre nouvelle recette est en ligne. Quel dessert faites-vous le dimanche ?", "fr"),
        good("Our new recipe is online. What is your go-to Sunday dessert?", "en"),
    ),
)
