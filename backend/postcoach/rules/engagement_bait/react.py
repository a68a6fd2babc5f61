from postcoach.rules.base import Rule, bad, good
from postcoach.rules.engagement_bait import PATTERNS, requests, unnamed_bait
from postcoach.rules.matching import removable

RULE = Rule(
    id="engagement_bait.react",
    family="engagement_bait",
    level="warning",
    message={
        "fr": "« {word} » : réclamer des likes, c'est de l'appât à réactions ; Facebook et "
        "LinkedIn réduisent la portée de ces posts.",
        "en": "“{word}”: asking for likes is react baiting; Facebook and LinkedIn show such "
        "posts to fewer people.",
    },
    suggestion={
        "fr": "Supprimez la consigne et donnez une vraie raison de réagir : une question ouverte, "
        "un avis demandé, une expérience à partager.",
        "en": "Drop the instruction and give a real reason to respond: an open question, an "
        "opinion to share, an experience to tell.",
    },
    source="003 — « de message du type “Like si tu aimes” » ; Meta, engagement bait",
    check=lambda draft, context: (removable(draft, requests(draft, "bait_react"))
                                  or unnamed_bait(draft, context, "react")),
    patterns=PATTERNS,
    bad=(
        # A request glued into a hashtag.
        bad("Our salary report is out, link in the first comment.[[ #LikeIfUseful]]", "en",
            fixed="Our salary report is out, link in the first comment."),
        # A reaction asked for impersonally, or as the least one can do.
        bad("[[Likes are always appreciated]] 🙏 New menu from today.", "en"),
        bad("[[Les j'aime sont les bienvenus]] 😊 Nouvelle vitrine ce matin.", "fr"),
        bad("[[Venez liker notre page]] avant dimanche 🙌", "fr"),
        bad("Nouvelle carte de saison 🍂 [[#LikeEtPartage]]", "fr"),
        bad("Pineapple on pizza: yes or no?[[ Let the reactions decide 👀]]", "en",
            fixed="Pineapple on pizza: yes or no?"),
        bad("Bananas are berries?[[ A 😮 will do 😄]]", "en", fixed="Bananas are berries?"),
        # A reaction asked on a condition, after what it is asked with.
        bad("Raise your mug [[with a ☕ if]] you made it to Friday", "en"),
        bad("Levez votre verre [[avec un 🥂 si]] vous êtes enfin en week-end", "fr"),
        bad("[[Like si]] tu aimes les crêpes !", "fr"),
        bad("Nouvelle couleur : [[mettez un j'aime pour nous soutenir]].", "fr"),
        bad("[[Like if]] you love pancakes!", "en"),
        # "Please" leaves the request at the start of its sentence.
        bad("Please [[like and share]] our new trailer!", "en"),
        # A reward set at a count of reactions.
        bad("[[If this post hits 1,000 likes]], the chef shaves his head.", "en"),
        bad("On dévoile la recette [[quand cette photo aura 300 j'aime]] !", "fr"),
        # A reaction button's label is a reaction asked for, not a how-to.
        bad("[[Cliquez sur « J'adore]] » si vous aimez les romans policiers 📖", "fr"),
        # An emoji ends a sentence as a full stop does.
        bad("Imagine waking up to this view 🌊 [[Double-tap if]] you'd rather be here.", "en"),
        bad("Our new café opens on Monday.[[ A like would mean the world to the team.]]", "en",
            fixed="Our new café opens on Monday."),
        bad("Nouvelle boutique à Lyon ![[ Un petit like nous aiderait beaucoup.]]", "fr",
            fixed="Nouvelle boutique à Lyon !"),
        # A request on a line of its own goes with its line (the one-click fix).
        bad("Nos crêpes du dimanche sont de retour.[[\nLike si tu aimes ❤️]]", "fr",
            fixed="Nos crêpes du dimanche sont de retour."),
        bad("[[Like if you love them 🥞\n\n]]Our Sunday pancakes are back.", "en",
            fixed="Our Sunday pancakes are back."),
        bad("[[Double tap if]] you agree.", "en"),
        # A sentence opened by "And" keeps its request at its start; a reaction made small.
        bad("Quick tip: turn the tap off. And [[if this helped, leave us a quick like]] 🙏", "en"),
        # "&" and the texting "n" join the two requests like "and".
        bad("pls [[like n share]] guys we r new 🙏", "en"),
        bad("Made it to the end?[[ Like & share!]]", "en", fixed="Made it to the end?"),
        # Reactions priced in a good deed.
        bad("For [[every like this post gets, we donate]] a meal to the food bank 🥫", "en"),
        bad("For [[every 100 likes, we'll release]] another clue 🗝️", "en"),
        # The button named in the first person, on a condition.
        bad("[[J'aime ce post si]] tu es d'accord", "fr"),
    ),
    good=(
        # Help offered, not a reaction asked for.
        good("To change your delivery date, tap Subscriptions. If you get stuck, leave a comment "
             "and we'll help.", "en"),
        # "Like" after a word compares; a request quoted to be criticised; a private message.
        good("I counted eleven posts like this in my feed this morning.", "en"),
        good("« Likez si vous êtes d'accord. » Je fais le pari inverse : plus aucun appel à "
             "réaction sur cette page.", "fr"),
        good("We'd like to talk to ten HR managers. If that's you, send me a DM.", "en"),
        # The steps of a how-to after its title: no reaction is asked for.
        good("How to save a class in the app: open the timetable and tap the heart next to it.",
             "en"),
        good("Quick how-to for clients: open the gallery, tap the heart on the photos you want.",
             "en"),
        good("Last year our anniversary post got 2,000 likes and we read every comment.", "en"),
        # What the brand likes, said in the first person: « J'aime » is no button here.
        good("J'aime beaucoup cette photo de l'atelier : qu'en pensez-vous ?", "fr"),
        good("J'adore cette photo de l'atelier.", "fr"),
        good("J'aime le lundi quand l'atelier sent le café.", "fr"),
        good("Quelle garniture aimez-vous sur vos crêpes ?", "fr"),
        good("We would like your advice: which feature should we build next, and why?", "en"),
        good("I like how this customer styled the jacket.", "en"),
        # A verb that only carries a reaction ("drop a ❤️") asks for none without one.
        good("Send us a message if you need help with your order.", "en"),
        good("Laissez un mot au coach si un exercice vous a posé problème.", "fr"),
        # The steps after an aim that names a reaction: a how-to.
        good("Pour réagir à un message sans répondre, appuyez longuement dessus et choisissez "
             "un emoji.", "fr"),
        # Asked as a question, a reaction verb is the brand's own enthusiasm.
        good("Love it? It is back in stock in three colours.", "en"),
        good("You are a woman with a heart of gold: this card is for you.", "en"),
    ),
)
