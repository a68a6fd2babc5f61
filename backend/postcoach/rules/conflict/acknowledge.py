from postcoach.rules.base import Rule, bad, good
from postcoach.rules.conflict import complaint_reply_lacking
from postcoach.text.patterns import pattern_matches


def check(draft, context):
    return complaint_reply_lacking(draft, context,
                                   bool(pattern_matches(draft, "acknowledgement")))


RULE = Rule(
    id="conflict.acknowledge",
    family="conflict",
    # Advice: a reply deep in a thread was often acknowledged earlier in it.
    level="suggestion",
    message={
        "fr": "Cette réponse à un problème ne reconnaît pas le désagrément et ne s'excuse pas.",
        "en": "This reply to a problem neither acknowledges the trouble nor apologises.",
    },
    suggestion={
        "fr": "Commencez par reconnaître ce que vit le client (« Nous comprenons, c'est "
        "frustrant ; désolés pour ce retard ») avant d'expliquer quoi que ce soit.",
        "en": "Start by acknowledging what the customer went through (“We understand, that's "
        "frustrating; sorry about the delay”) before explaining anything.",
    },
    source="001 — « Gérer les conflits … très mal perçu si vous adoptez une posture défensive »",
    check=check,
    patterns=("acknowledgement", "defensive"),
    reply_only=True,
    bad=(
        bad("Votre commande est partie lundi, elle arrivera bientôt.", "fr", reply=True),
        bad("Your order left on Monday, it will arrive soon.", "en", reply=True),
    ),
    good=(
        good("Désolés pour ce retard ! Votre commande est partie lundi.", "fr", reply=True),
        good("Sorry about the delay! Your order left on Monday.", "en", reply=True),
    ),
)
