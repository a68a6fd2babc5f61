"""Tone: tu or vous, formality, and the emoji, exclamation and hashtag counts."""

import pytest

from postcoach import analyze
from postcoach.text.draft import Draft
from postcoach.text.tone import address_marks


def form(text: str) -> str:
    return address_marks(Draft(text, "fr")).form


def marked(text: str) -> tuple[list[str], list[str]]:
    marks = address_marks(Draft(text, "fr"))
    return [text[s:e] for s, e in marks.tu], [text[s:e] for s, e in marks.vous]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Imperatives: -ez is vous, the bare form is tu but only where a clause starts.
        ("Achetez maintenant !", "vous"),
        ("Achète maintenant !", "tu"),
        ("Partage ton avis en commentaire.", "tu"),
        ("Marie partage son avis.", "none"),
        ("Alors partage ta recette !", "tu"),
        ("👉 Découvre la collection", "tu"),
        ("- Partage ta photo", "tu"),
        ("Un atelier de co-partage", "none"),
        ("Passe une bonne journée !", "tu"),
        ("Et profite bien du week-end !", "tu"),
        ("Le Québec lance un comité, mais continue ses projets.", "none"),
        ("Montre connectée à -20 % ce week-end.", "none"),
        ("Montre-nous ta recette.", "tu"),
        ("PATRIMOINE-Le fromage au lait cru", "none"),
        # Imperatives joined to a pronoun tell their person by their ending.
        ("Parle-moi de ton projet.", "tu"),
        ("Vas-y, fonce.", "tu"),
        ("Profites-en bien.", "tu"),
        ("Dites-nous tout.", "vous"),
        ("Faites-nous confiance.", "vous"),
        ("Parlons-en demain.", "none"),
        ("Sommes-nous prêts ?", "none"),
        ("Va-t-il pleuvoir ?", "none"),
        # "faites" and "dites" are also participles.
        ("Faites attention aux contrefaçons.", "vous"),
        ("Les choses dites en réunion restent en réunion.", "none"),
        # Elisions.
        ("Je t'offre un café.", "tu"),
        ("T'as vu la nouvelle vidéo ?", "tu"),
        ("Il nous l'a dit.", "none"),
        # "ton" the noun, "tien" the verb, "vous" in a noun, names in -ez.
        ("Le ton de la marque doit rester sobre.", "none"),
        ("Nous avons changé de ton.", "none"),
        ("Parlons de ton restaurant préféré.", "tu"),
        ("Il tient ses promesses, ils tiennent bon.", "none"),
        ("Le mien est plat, le tien est fort.", "tu"),
        ("Prendre rendez-vous en ligne.", "none"),
        ("Prenez rendez-vous en ligne.", "vous"),
        ("Le chef Martinez cuisine ce soir.", "none"),
        ("Nos clients restent chez eux.", "none"),
        # "Allez," cheers anybody on; "Allez voir" addresses vous.
        ("Allez, on y va !", "none"),
        ("Allez voir notre site.", "vous"),
        # Pronouns and possessives.
        ("Merci pour votre fidélité.", "vous"),
        ("Vous êtes formidables.", "vous"),
        ("Tu préfères les crêpes pliées ou roulées ?", "tu"),
        ("Découvre notre collection et profitez de -20 %.", "mixed"),
        ("Notre boutique ouvre samedi.", "none"),
        # Quoted speech is someone else's voice unless the author says nothing themselves.
        ("« Vous êtes géniaux » nous écrit Marie. Merci à toi !", "tu"),
        ("Marie nous a écrit : « Vous êtes géniaux ».", "vous"),
    ],
)
def test_address_form(text, expected):
    assert form(text) == expected


def test_spans_cover_the_marking_words_once():
    text = "Parle-moi de ton projet, tu veux ?"
    tu, vous = marked(text)
    assert tu == ["Parle-moi", "ton", "tu"]
    assert vous == []
    marks = address_marks(Draft("Achetez vite", "fr"))
    assert marks.vous == [(0, 7)]


def test_address_form_reaches_the_result():
    def address_form(text):
        return analyze(text)["tone"]["address_form"]

    assert address_form("Achetez nos chaussures, vous allez les adorer.") == "vous"
    assert address_form("Achète nos chaussures, tu vas les adorer.") == "tu"


def test_english_has_no_address_form():
    assert analyze("Buy now, you will love it.")["tone"]["address_form"] == "none"


def test_counts_emoji_exclamations_and_hashtags():
    text = "Super soirée !!! 🎉🎉 👍🏽 👨‍👩‍👧 Merci à tous ! #lyon #atelier C# n'est pas un tag"
    tone = analyze(text)["tone"]
    assert tone["exclamations"] == 4
    assert tone["emoji"] == 4  # a skin tone or a family joined by ZWJ is one glyph
    assert tone["hashtags"] == 2


def test_a_flag_is_one_emoji():
    assert analyze("Bravo aux Bleus 🇫🇷")["tone"]["emoji"] == 1


def test_no_emoji_exclamation_or_hashtag():
    tone = analyze("Notre boutique ouvre samedi à dix heures.")["tone"]
    assert (tone["emoji"], tone["exclamations"], tone["hashtags"]) == (0, 0, 0)


@pytest.mark.parametrize(
    ("formal", "neutral", "casual"),
    [
        (
            "Veuillez trouver ci-joint notre rapport annuel. Nous vous prions d'agréer nos "
            "salutations distinguées.",
            "Notre boutique ouvre samedi à dix heures.",
            "Salut ! Trop cool ce truc 😂😂 !!! Tu kiffes ?",
        ),
        (
            "Please find attached our annual report. Kind regards.",
            "Our shop opens on Saturday at ten.",
            "OMG this is sooo cool 😂😂!!! gonna love it lol",
        ),
    ],
)
def test_formality_orders_registers(formal, neutral, casual):
    def formality(text):
        return analyze(text)["tone"]["formality"]

    assert formality(formal) > formality(neutral) > formality(casual)
