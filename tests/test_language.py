"""Language detection: French, English, or "und" when the draft is too short to tell."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postcoach import analyze
from postcoach.text.draft import Draft
from postcoach.text.language import _cue_words, detect
from postcoach.text.lexicons import load


@pytest.mark.parametrize(
    "text",
    [
        "Like si tu aimes",  # all 55 langdetect profiles say Estonian
        "Merci !",
        "Bonne année à tous",
        "SOLDES D'ÉTÉ : -50 % SUR TOUT LE MAGASIN",
        "Notre nouvelle collection arrive samedi en boutique.",
        "Quelle est votre recette préférée pour l'automne ?",
        "Tag un ami qui adore le chocolat",
        "Happy hour ce soir au bar, venez nombreux !",
    ],
)
def test_french(text):
    assert detect(text) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks!",
        "Merry Christmas",
        "SUMMER SALE: 50% OFF EVERYTHING IN STORE",
        "Our new collection lands in store this Saturday.",
        "What is your favourite autumn recipe?",
        "Tag a friend who loves chocolate",
        "Hold on... Sam Smith may do the theme to Spectre!? Dope!!!",
        # « comment » is French for "how", and the English imperative of posts.
        "Comment 🔥 for part 2!",
        # A contraction is English, whatever its letters look like ("ve" is a French ending).
        "RT if you've ever rage-quit a group chat",
    ],
)
def test_english(text):
    assert detect(text) == "en"


@pytest.mark.parametrize(
    "text", ["", "   ", "ok", "Top", "😀🎉", "12 345", "http", "!!!", "Super !"]
)
def test_too_short_or_even_is_und(text):
    assert detect(text) == "und"


def test_analyze_reads_the_prose_and_hashtag_words_not_links_or_mentions():
    text = "@brand https://example.com/some/english/words Merci pour votre accueil !"
    assert analyze(text)["language"] == "fr"
    assert analyze("@atelier 🎉 https://atelier.fr/english/words")["language"] == "und"
    # A hashtag is words run together: "#ThankYouObama" reads "Thank You Obama".
    assert analyze("#ThankYouObama 🎉")["language"] == "en"
    assert analyze("#MerciPourTout 🎉")["language"] == "fr"


def test_a_long_post_is_decided_and_fast_to_read():
    post = "Nous ouvrons une nouvelle boutique à Bordeaux au printemps. " * 1500
    assert detect(post) == "fr"
    assert detect(post + " And then the rest of it is in English. " * 3) == "fr"


def test_glued_letters_carry_no_language():
    assert detect("x" * 100_000) == "und"


def test_same_text_same_answer():
    text = "Découvrez notre atelier, we are open on Sunday"
    assert len({detect(text) for _ in range(20)}) == 1


def test_cue_lists_do_not_share_a_word():
    assert not _cue_words("fr") & _cue_words("en")


@pytest.mark.parametrize("name", ["function_words", "courtesy"])
def test_cue_lexicons_load_in_both_languages(name):
    for language in ("fr", "en"):
        assert load(language, name).entries


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gets_one_of_three_answers(text):
    assert detect(Draft(text).prose) in ("fr", "en", "und")
