from postcoach.rules.base import Rule, bad, good
from postcoach.rules.engagement_bait import PATTERNS, requests, unnamed_bait
from postcoach.rules.matching import removable

RULE = Rule(
    id="engagement_bait.comment",
    family="engagement_bait",
    level="warning",
    message={
        "fr": "« {word} » : imposer un commentaire (« tape OUI ») est de l'appât à commentaires.",
        "en": "“{word}”: dictating a comment (“type YES”) is comment baiting.",
    },
    suggestion={
        "fr": "Posez une question à laquelle on a envie de répondre avec ses propres mots, et "
        "répondez ensuite aux commentaires.",
        "en": "Ask something people want to answer in their own words, then reply to the "
        "comments.",
    },
    source="002 — « vous proposer de fausses interactions complètement “tarte” » ; Meta, "
    "engagement bait",
    check=lambda draft, context: (removable(draft, requests(draft, "bait_comment"))
                                  or unnamed_bait(draft, context, "comment")),
    patterns=PATTERNS,
    outranks=("engagement_bait.react",),
    bad=(
        # "pick" presses no button from the sentence before.
        bad("Which lamp would you pick?[[ Comment A or B below 👇]]", "en",
            fixed="Which lamp would you pick?"),
        bad("Vous aussi vous aimez l'été ?[[ Tapez OUI !]]", "fr",
            fixed="Vous aussi vous aimez l'été ?"),
        bad("[[Commente si tu es d'accord]].", "fr"),
        # The verb typed one letter off, as on a phone.
        bad("[[Comentez OUI si]] vous voulez la recette 👇", "fr"),
        bad("[[Fill in the blank]]: a Sunday is not complete without ____ ☕", "en"),
        bad("[[Comment with the third photo]] in your gallery 📸", "en"),
        bad("[[Reply with your birth month]] to find your winter cocktail 🍹", "en"),
        bad('[[Say "I\'m in"]] below and you are on the list!', "en"),
        bad("Who's ready for Friday?[[ Type YES!]]", "en", fixed="Who's ready for Friday?"),
        bad("[[Comment below if you agree]].", "en"),
        # A rating or a puzzle's answer is a set thing to type in the comments.
        bad("[[Rate our new shop from 1 to 10 below]]!", "en"),
        bad("What's 7 + 3 × 2?[[ Only 1 in 10 people get it right.]]", "en",
            fixed="What's 7 + 3 × 2?"),
        bad("Vous êtes à combien de fatigue, de 1 à 10 ?[[ Répondez juste avec un chiffre 😅]]",
            "fr", fixed="Vous êtes à combien de fatigue, de 1 à 10 ?"),
        # A counted few words or emoji is a set thing to type too.
        bad("Dégât des eaux, vélo volé…[[ Racontez-nous votre pire sinistre en un seul "
            "emoji 👇]]", "fr", fixed="Dégât des eaux, vélo volé…"),
        bad("Mondays, right?[[ Sum up yours in one word 👇]]", "en", fixed="Mondays, right?"),
        # Franglais and phone spelling.
        bad('Ton meilleur asset en 2025 ?[[ Drop un "BRANDING" en comment et je t\'envoie ma '
            'checklist 🔥]]', "fr", fixed="Ton meilleur asset en 2025 ?"),
        # A reward for the first comments; a sentence to complete (« complète » is also an
        # adjective).
        bad("New playlist is up 🎧 [[First 20 comments get]] a sticker pack!", "en"),
        bad("[[Complète la phrase en commentaire]] : « Mon dimanche idéal, c'est… »", "fr"),
        # A rating, or an answer restricted to one kind of token or size.
        bad("Cats or dogs?[[ One word. Go!]]", "en", fixed="Cats or dogs?"),
        bad("[[Une note de 1 à 10 pour notre nouveau brunch ? ]]On vous lit !", "fr",
            fixed="On vous lit !"),
        bad("How long have you been a member?[[ Numbers only 👇]]", "en",
            fixed="How long have you been a member?"),
        bad("[[Rate this balayage out of ten 👇]]", "en"),
        bad("[[Notez ce balayage sur 10 👇]]", "fr"),
        bad("On publie la vidéo des loutres [[dès 500 commentaires]] 😉", "fr"),
        bad("[[Commentez le mot magique “PANIER”]] et recevez 10 % de réduction en privé ✨", "fr"),
    ),
    good=(
        good("Racontez-nous en commentaire votre pire souvenir de déménagement.", "fr"),
        # What many asked for; a name in capitals after « en », not a keyword to type.
        good("Vous avez été nombreux à demander l'export en PDF dans les commentaires : c'est "
             "fait !", "fr"),
        # Asking people to stop, or naming the way not to take.
        good('Please stop writing "comment YES below" posts: your audience is no slot machine.',
             "en"),
        good("Long-press a message to send a 👍 instead of typing 'ok'.", "en"),
        # What the brand is doing: a progressive states, it asks nothing.
        good("We're putting together an FAQ for first-time buyers.", "en"),
        # How people say it, asked: no word to type.
        good("Chez vous, on dit « chocolatine » ou « pain au chocolat » ?", "fr"),
        good("Oui, nous rouvrons lundi : quelles questions avez-vous ?", "fr"),
        good("Tell us in the comments about your worst moving day.", "en"),
        good("Yes, we reopen on Monday: what questions do you have?", "en"),
        # A verb in the past narrates: « lâcher » asks for a comment only as a request.
        good("Désolés pour samedi, le four a lâché 😓 il est réparé, on rouvre demain.", "fr"),
        # A quoted button label is clicked, not typed; capitals beside capitals shout.
        good('Book a free consultation: click "Learn More" below.', "en"),
        good("Unlimited TALK & TEXT for £10 a month, no contract.", "en"),
        good("Only a couple left in YELLOW, ORANGE and RED.", "en"),
        # After "the" or "every", a request's verb is a noun; a quoted label follows "choose".
        good("Quick how-to: to repost on LinkedIn with your own commentary, click Repost under "
             "the post and choose 'Repost with your thoughts'. A plain repost shares it without "
             "any text.", "en"),
        good('I stopped ending every post with "Agree? 👇": the comments got better.', "en"),
        # Before a noun, a quoted phrase names it: no word to type.
        good('Thanks to Jamie for tagging us in his "passed first time!" post.', "en"),
        # A word sent by text message or typed in an app goes elsewhere than the comments.
        good("Coupure de courant ? Envoyez COUPURE par SMS au 61 420 pour connaître l'heure de "
             "rétablissement.", "fr"),
        good('Tip: in the app, type "roaming" in the search bar to see the daily rate.', "en"),
        good("Type SPRING15 at checkout for 15% off all plants until Sunday.", "en"),
        good("Mention the code WINTER10 at checkout and get 10% off scarves.", "en"),
        # The steps that answer a how-to's question.
        good("Comment commenter un document ? Ouvrez-le, puis appuyez sur l'icône 💬 en bas à "
             "droite.", "fr"),
        # The brand says what it does: its pronouns come before the verb.
        good("Posez vos questions en commentaire, on vous répond ici 😊", "fr"),
        good("If we had to sum up their recipes in an emoji: 🤤", "en"),
    ),
)
