from postcoach.rules.base import Rule, bad, good
from postcoach.rules.conflict import complaint_reply_lacking
from postcoach.rules.matching import has_lexicon_match


def check(draft, context):
    # A link in the reply (a contact form, a help page) is also a way out of the public thread.
    return complaint_reply_lacking(
        draft, context, bool(draft.urls) or has_lexicon_match(draft, context, "private_channel"))


RULE = Rule(
    id="conflict.private_channel",
    family="conflict",
    # Advice, not an alarm: many good replies gather details in public before moving on.
    level="suggestion",
    message={
        "fr": "Cette réponse traite un problème client en public sans proposer de canal privé.",
        "en": "This reply handles a customer's problem in public without offering a private "
        "channel.",
    },
    suggestion={
        "fr": "Proposez de poursuivre en message privé, par e-mail ou par téléphone "
        "(« Envoyez-nous votre numéro de commande en message privé, on s'en occupe »).",
        "en": "Offer to continue by direct message, e-mail or phone (“Send us your order number "
        "by DM and we'll sort it out”).",
    },
    source="001 — « les conversations autour de votre service client ou SAV doivent être "
    "accompagnées vers d'autres canaux plus privés (par e-mails ou téléphone) »",
    check=check,
    patterns=("defensive",),
    reply_only=True,
    bad=(
        bad("Nous sommes désolés pour ce retard de livraison, cela arrive rarement.", "fr",
            reply=True),
        bad("We're sorry about the delay with your delivery, it rarely happens.", "en",
            reply=True),
    ),
    good=(
        good("Désolés pour ce retard ! Envoyez-nous votre numéro de commande en message privé, "
             "on s'en occupe.", "fr", reply=True),
        good("Merci beaucoup pour ce joli message !", "fr", reply=True),
        good("Sorry about the delay! Send us your order number by DM and we'll sort it out.",
             "en", reply=True),
        good("Thank you so much for the lovely message!", "en", reply=True),
    ),
)
