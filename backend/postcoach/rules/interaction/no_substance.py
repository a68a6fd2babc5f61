from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.text import signals

MAX_WORDS = 3


def check(draft, context):
    # Cheap tests first: most drafts have more than a handful of words.
    if draft.word_count > 3 * MAX_WORDS + 10:
        return []
    has_filler = bool(draft.emoji or draft.urls or "gif" in draft.word_set)
    words = [w for w in draft.prose.split() if any(ch.isalpha() for ch in w)]
    if len(words) > MAX_WORDS or not has_filler:
        return []
    # "Thoughts? https://…" or "Read this https://…" says what it wants from the reader.
    if signals.questions(draft) or signals.asks_or_suggests(draft):
        return []
    if signals.asks_for_action(draft):
        return []
    return [Finding()]


RULE = Rule(
    id="interaction.no_substance",
    family="interaction",
    level="warning",
    message={
        "fr": "Un lien, des emojis ou un GIF sans rien à dire : le post n'apporte rien au lecteur.",
        "en": "A link, emoji or a GIF with nothing to say: the post gives readers nothing.",
    },
    suggestion={
        "fr": "Dites en une phrase ce que le lecteur y gagne, ou attendez d'avoir quelque chose "
        "à partager.",
        "en": "Say in one sentence what the reader gets from it, or wait until you have "
        "something to share.",
    },
    source="002 — « si vous n'avez rien de spéciale à dire, ne postez pas de Gif, (ça sert à "
    "rien) abstenez-vous »",
    check=check,
    posts_only=True,
    bad=(
        bad("Trop bien 😍😍😍", "fr"),
        bad("Lundi ☕️ https://acme.fr/blog", "fr"),
        bad("So good 😍😍😍", "en"),
        bad("Monday mood https://giphy.com/x", "en"),
    ),
    good=(
        good("Notre astuce du lundi pour un café plus doux : moudre juste avant l'infusion ☕️",
             "fr"),
        good("Our Monday tip for a smoother coffee: grind just before brewing ☕️", "en"),
        good("Read this https://acme.com/guide", "en"),
    ),
)
