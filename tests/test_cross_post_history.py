"""platform.cross_post with the brand's history: a draft that nearly repeats a post published on
another network names that post's date. The engine stores nothing: the caller passes the posts."""

import pytest

from postcoach import analyze
from postcoach.errors import InputError
from postcoach.rules.platform.cross_post import resemblance, shingles

LINKEDIN_POST = {
    "network": "linkedin",
    "published_at": "2024-05-06T09:15:00Z",
    "text": "Trois leçons de dix ans d'artisanat : écouter avant de vendre, répondre à chaque "
    "commentaire, partager ce que l'on sait. Et vous, quelle leçon ajouteriez-vous ?",
}
REPEAT = ("Trois leçons de dix ans d'artisanat : écouter avant de vendre, répondre à chaque "
          "commentaire, partager ce que l'on sait ! Et vous, quelle leçon ajouteriez-vous ? 😊")


def cross_posts(text, platform="facebook", **options):
    result = analyze(text, platform=platform, **options)
    return [h for h in result["hints"] if h["rule"] == "platform.cross_post"]


def test_a_near_repeat_of_a_post_on_another_network_names_its_date():
    hints = cross_posts(REPEAT, recent_posts=[LINKEDIN_POST])
    assert len(hints) == 1 and hints[0]["span"] is None
    assert hints[0]["message"].startswith("Presque le même texte que votre post LinkedIn du "
                                          "6 mai 2024")
    assert "Facebook" in hints[0]["suggestion"]
    english = cross_posts(REPEAT, recent_posts=[LINKEDIN_POST], ui_lang="en")
    assert english[0]["message"].startswith("Nearly the same text as your LinkedIn post of "
                                            "6 May 2024")


@pytest.mark.parametrize(("text", "options"), [
    (REPEAT, {}),  # no history given: the contract of before
    (REPEAT, {"platform": "linkedin"}),  # the same network: not a cross-post
    (REPEAT, {"reply": True}),
    ("Merci à tous !", {}),  # too short to be a copy
    ("Notre atelier ouvre ses portes samedi pour une journée de démonstrations et d'ateliers "
     "gratuits avec les apprentis.", {}),
])
def test_no_hint_without_a_repeat(text, options):
    options.setdefault("recent_posts", [LINKEDIN_POST] if options != {} else ())
    assert cross_posts(text, **options) == []


def test_the_link_in_bio_hint_keeps_its_words():
    hints = cross_posts("Nouvelle collection, lien en bio !")
    assert hints[0]["message"].startswith("« lien en bio » : ce texte a été écrit pour un autre")
    assert "mettez le lien dans le post" in hints[0]["suggestion"]


def test_bad_recent_posts_are_refused():
    with pytest.raises(InputError) as error:
        analyze("Bonjour", platform="facebook", recent_posts=[{"network": "linkedin"}])
    assert error.value.field == "recent_posts"


def test_resemblance_ignores_case_accents_and_punctuation():
    first = shingles(LINKEDIN_POST["text"])
    assert resemblance(first, shingles(LINKEDIN_POST["text"].upper().replace("É", "E"))) == 1.0
    assert resemblance(first, shingles(REPEAT)) == 1.0  # only "!" and an emoji differ
    reworded = REPEAT.replace("dix ans", "douze ans").replace("Et vous,", "Dites-nous")
    assert 0.5 <= resemblance(first, shingles(reworded)) < 1.0
    assert cross_posts(reworded, recent_posts=[LINKEDIN_POST])
