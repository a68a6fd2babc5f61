from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.text import signals

# Below this, the post is a caption or a quick note; asking for a question would be pedantic.
MIN_WORDS = 15


def check(draft, context):
    if draft.word_count < MIN_WORDS:
        return []
    if signals.questions(draft) or signals.invites_sharing(draft):
        return []
    if signals.asks_or_suggests(draft):
        return []
    return [Finding()]


RULE = Rule(
    id="interaction.no_invitation",
    family="interaction",
    level="suggestion",
    message={
        "fr": "Le post parle au lecteur mais ne l'invite pas à répondre.",
        "en": "The post talks to readers but does not invite them to answer.",
    },
    suggestion={
        "fr": "Terminez par une question ouverte (« Et vous, comment faites-vous ? ») ou invitez "
        "à partager une expérience, une astuce, une photo.",
        "en": "End with an open question (“How do you handle it?”) or invite people to share an "
        "experience, a tip, a photo.",
    },
    source="000 — « engager la conversation … et surtout, les inviter à proposer leurs propres "
    "contenus » ; 002 — « parlez et répondez aux gens »",
    check=check,
    posts_only=True,
    bad=(
        bad("Nous avons rénové l'atelier cet hiver avec des artisans de la région et des "
            "matériaux de récupération, et le résultat nous rend très fiers.", "fr"),
        bad("We renovated the workshop this winter with local craftspeople and reclaimed "
            "materials, and the result makes the whole team very proud.", "en"),
    ),
    good=(
        good("Nous avons rénové l'atelier cet hiver avec des artisans de la région et des "
             "matériaux de récupération. Quel détail vous plaît le plus ?", "fr"),
        good("Atelier rénové !", "fr"),
        good("We renovated the workshop this winter with local craftspeople and reclaimed "
             "materials. Tell us which detail you like best.", "en"),
    ),
)
