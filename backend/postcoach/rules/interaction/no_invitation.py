from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.text import signals

# Below this, the post is a caption or a quick note; asking for a question would be pedantic.
MIN_WORDS = 15


# The brand speaks of itself this many times, more than of the reader: a self-centred post.
MIN_SELF_MENTIONS = 2
PROMOTION_LEXICONS = ("hard_sell", "promo", "urgency")


def _one_way(draft) -> bool:
    """A missing invitation matters in a promotional or self-centred post, not in news, an
    announcement or an incident notice."""
    if any(signals.lexicon_hits(draft, name) for name in PROMOTION_LEXICONS):
        return True
    own = len(signals.lexicon_hits(draft, "self"))
    return own >= MIN_SELF_MENTIONS and own > len(signals.lexicon_hits(draft, "reader"))


def check(draft, context):
    if draft.word_count < MIN_WORDS or not _one_way(draft):
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
        "fr": "Le post parle de la marque ou de son offre sans inviter le lecteur à répondre.",
        "en": "The post talks about the brand or its offer without inviting readers to answer.",
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
        bad("We renovated our workshop this winter with local craftspeople and reclaimed "
            "materials, and the result makes our whole team very proud.", "en"),
    ),
    good=(
        good("Nous avons rénové l'atelier cet hiver avec des artisans de la région et des "
             "matériaux de récupération. Quel détail vous plaît le plus ?", "fr"),
        good("Atelier rénové !", "fr"),
        good("Le paiement par carte sera indisponible ce matin de 9 h à 11 h pour une "
             "maintenance programmée ; les espèces et les virements restent acceptés.", "fr"),
        good("Card payments will be unavailable this morning from 9 to 11 for scheduled "
             "maintenance; cash and bank transfers are still accepted as usual.", "en"),
        good("We renovated the workshop this winter with local craftspeople and reclaimed "
             "materials. Tell us which detail you like best.", "en"),
    ),
)
