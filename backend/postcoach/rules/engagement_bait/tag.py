from postcoach.rules.base import Rule, bad, good
from postcoach.rules.engagement_bait import PATTERNS, passed_on, requests, unnamed_bait
from postcoach.rules.matching import removable

RULE = Rule(
    id="engagement_bait.tag",
    family="engagement_bait",
    level="warning",
    message={
        "fr": "« {word} » : demander d'identifier des amis, c'est de l'appât à identifications.",
        "en": "“{word}”: asking people to tag friends is tag baiting.",
    },
    suggestion={
        "fr": "Laissez les gens identifier qui ils veulent quand le contenu leur fait penser à "
        "quelqu'un ; demandez plutôt leur avis ou leur expérience.",
        "en": "Let people tag whoever the post reminds them of; ask for their opinion or "
        "experience instead.",
    },
    source="003 — « la course aux fans … Ces sollicitations nourrissent les concouristes » ; "
    "Meta, engagement bait",
    check=lambda draft, context: [] if passed_on(draft) else (
        removable(draft, requests(draft, "bait_tag")) or unnamed_bait(draft, context, "tag")),
    patterns=PATTERNS,
    bad=(
        bad("[[Identifiez un ami]] qui adore le chocolat !", "fr"),
        bad("[[Tague ta meilleure amie]] !", "fr"),
        bad("[[Tag a friend]] who loves chocolate!", "en"),
        # A word of a call for help that describes the one to tag is no call for help.
        bad("[[Tag ur bestie]] who would 100% get lost in our hedge maze 😂", "en"),
        bad("[[tag ta daronne]] si elle fait le couscous mieux que nous 😤", "fr"),
        bad("[[#TagAFriend]] who needs a coffee this morning ☕", "en"),
        # A request that is a sentence of its own goes with it; one inside another does not.
        bad("Nouvelle tablette au chocolat noir.[[ Identifiez un ami qui adore le chocolat !]]",
            "fr", fixed="Nouvelle tablette au chocolat noir."),
        bad("Dites-nous en commentaire et [[taguez un ami]] qui adore le chocolat.", "fr"),
        bad("Our new dark chocolate bar is here. [[Tag 3 friends who need this! ]]See you soon.",
            "en", fixed="Our new dark chocolate bar is here. See you soon."),
        bad("[[Tag your running buddy]].", "en"),
        # Someone a clause describes is a person to tag.
        bad("[[Tag the bridesmaid]] who's going to cry first 😭", "en"),
        # "d'" is French "de", not English "'d" (would) before a statement.
        bad("Pour gagner, il suffit de nous suivre et d'[[identifier deux amis]].", "fr"),
    ),
    good=(
        # A participle after its object is no request: « la Cité » is a place.
        good("Le salon change de lieu : rendez-vous à la Cité Internationale les 3 et 4 octobre.",
             "fr"),
        # A provider sought by recommendation: naming one serves the one who asks.
        good("Looking for a Pilates teacher in Belfast for a client. If you know someone great, "
             "mention them below and I'll pass the names on.", "en"),
        good("Je cherche une photographe à Genève pour une cliente : si vous en connaissez une "
             "qui travaille bien, mentionnez-la ici.", "fr"),
        # An act named as the subject of what follows is defined, not asked for.
        good("Mentionner les artistes qui travaillent avec nous, c'est la moindre des choses. "
             "Cette semaine : Maud, qui a dessiné notre pochette.", "fr"),
        good("So many of you tagged friends under our last post, thank you!", "en"),
        good("Merci à @Léa pour ces photos de l'atelier.", "fr"),
        good("Quel ami vous a fait découvrir la course à pied ?", "fr"),
        good("Thanks to @Lea for these workshop photos.", "en"),
        good("Which friend got you into running?", "en"),
        # The brand tagged, so that it finds the photos: no friends asked for.
        good("Baking our bread this weekend? Tag @MaisonGresille in your photos!", "en"),
        good("Identifiez-nous sur vos photos du marché, on les repartage le lundi.", "fr"),
        # A job passed on to whoever could apply.
        good("Vacancy: part-time barista, 20 hours a week. Know someone? Tag them below!", "en"),
        # A how-to teaches the verb: nobody is asked to tag anyone; nor is a purpose that opens
        # the sentence asked for.
        good("Quick tip: to tag a colleague on the board, type @ and pick their name.", "en"),
        good("How to tag a teammate in the club app: open the match report and tap their "
             "photo.", "en"),
        good("Comment identifier un camarade sur une photo : touchez-la, puis tapez son nom.",
             "fr"),
        # A name written on something else than the post.
        good("Pour laisser un pourboire, il suffit d'écrire le prénom de la personne sur "
             "l'enveloppe.", "fr"),
    ),
)
