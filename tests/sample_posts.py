"""Two brands' posts for the tests that learn a voice: far enough apart to tell them apart."""

# A bank that says vous, never an emoji nor an exclamation mark.
BANK_POSTS = [
    "Nous vous accompagnons dans chaque étape de votre projet immobilier.",
    "Votre conseiller reste joignable du lundi au vendredi, de 9 h à 18 h.",
    "Découvrez comment préparer votre dossier de prêt en cinq étapes.",
    "Nous avons le plaisir de vous présenter notre nouvelle agence de Nantes.",
    "Quelles questions vous posez-vous avant d'acheter un premier logement ?",
    "Vous trouverez ci-dessous les horaires de nos agences pendant les fêtes.",
    "Notre équipe répond à vos questions sur l'épargne lors d'un webinaire jeudi.",
    "Nous vous remercions pour votre confiance tout au long de cette année.",
    "Votre avis nous aide à améliorer nos services : merci de votre retour.",
    "Préparez votre retraite sereinement grâce aux conseils de nos experts.",
]
# A surf shop that says tu, with emoji.
SURF_POSTS = [
    "Yo la team 🤙 session de ouf ce matin, les vagues étaient parfaites !!",
    "Qui vient rider avec nous samedi ? 🌊🌊 On t'attend au spot !",
    "Trop hâte de te montrer la nouvelle planche 😍 dispo dès demain !",
    "Grosse ambiance au shop hier soir, merci à tous 🙌🙌",
    "T'as déjà testé le longboard au coucher du soleil ? 🌅 C'est magique !",
    "Les combis d'hiver sont arrivées, viens les essayer ! 🥶",
]
