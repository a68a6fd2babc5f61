"""Learned brand profiles that rule examples can name (`profile="formal_fr"`)."""

from __future__ import annotations

from functools import cache

from postcoach.brand.profile import Profile, learn

POSTS = {
    "formal_fr": [
        "Nous vous remercions pour votre confiance et restons à votre disposition.",
        "Notre équipe vous accompagne dans chaque étape de votre projet de rénovation.",
        "Vous trouverez ci-dessous les horaires d'ouverture de nos agences pour les fêtes.",
        "Nous avons le plaisir de vous présenter notre rapport annuel sur l'emploi local.",
        "Votre conseiller reste joignable par téléphone du lundi au vendredi.",
        "Découvrez comment nos clients professionnels ont réduit leur consommation d'énergie.",
        "Nous serons présents au salon de Lyon ; n'hésitez pas à venir nous rencontrer.",
        "Quelles sont vos priorités pour l'année à venir ? Nous serions ravis de les connaître.",
    ],
    "formal_en": [
        "Thank you for your trust; our team remains available for any question.",
        "Our advisers support you at every stage of your renovation project.",
        "Please find below the opening hours of our branches over the holidays.",
        "We are pleased to share our annual report on local employment.",
        "Your adviser can be reached by phone from Monday to Friday.",
        "Learn how our business customers reduced their energy consumption.",
        "We will attend the Leeds trade fair; we would be glad to meet you there.",
        "What are your priorities for the coming year? We would be glad to hear them.",
    ],
}


@cache
def example_profile(name: str) -> Profile:
    return learn(name, POSTS[name])
