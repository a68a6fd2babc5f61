"""One-click fixes: a hint's replacements are certain. Applied to the draft, each gives the other
form (tu ↔ vous), removes the bait sentence without leaving a double blank or an empty line, and
the draft checked again with the same profile is no longer flagged at that place."""

from __future__ import annotations

import pytest

from postcoach import analyze
from postcoach.rules import all_rules
from postcoach.rules.example_profiles import example_profile

ADDRESS_RULES = {"tone.address_mismatch", "tone.address_mixed"}


def code_points(text: str, utf16: int) -> int:
    """The code-point offset of a UTF-16 offset (what the hints' spans count)."""
    return len(text.encode("utf-16-le")[:2 * utf16].decode("utf-16-le"))


def applied(text: str, hint: dict, replacement: str) -> tuple[str, int]:
    start, end = (code_points(text, offset) for offset in hint["span"])
    return text[:start] + replacement + text[end:], start


def fix_all(text: str, hints: list[dict]) -> str:
    """Every hint's first replacement, from the last span to the first."""
    for hint in sorted((h for h in hints if h.get("replacements")), key=lambda h: -h["span"][0]):
        text, _ = applied(text, hint, hint["replacements"][0])
    return text


def profile_of(form: str | None) -> dict | None:
    return {"address_form": {"fr": form}} if form else None


def hints(text: str, profile=None, rules=None) -> list[dict]:
    found = analyze(text, profile=profile)["hints"]
    return [h for h in found if rules is None or h["rule"] in rules]


def related(rule: str) -> set[str]:
    """The rules that may flag a place once another's fix was applied there."""
    return ADDRESS_RULES if rule in ADDRESS_RULES else {rule}


def assert_fixed_in_place(text: str, profile, hint: dict, replacement: str) -> None:
    fixed, start = applied(text, hint, replacement)
    end = start + len(replacement)
    again = [h for h in hints(fixed, profile, related(hint["rule"])) if h["span"]]
    at_place = [h for h in again
                if code_points(fixed, h["span"][0]) < max(end, start + 1)
                and code_points(fixed, h["span"][1]) > start]
    assert at_place == [], (text, fixed, at_place)
    if replacement == "":
        before = len(hints(text, profile, {hint["rule"]}))
        assert len(again) < before, (text, fixed)
        for blank in ("  ", "\n\n\n", " \n", "\n "):
            assert fixed.count(blank) <= text.count(blank), (text, fixed, blank)
        assert fixed == fixed.strip() or text != text.strip(), (text, fixed)


# --- Every rule's bad examples: where they offer fixes, they say what the text becomes ------

def _examples_with_fixes():
    for rule in all_rules():
        for index, example in enumerate(rule.bad):
            yield pytest.param(rule, example, id=f"{rule.id}-bad{index}-{example.language}")


def _profile(example):
    return example_profile(example.profile) if isinstance(example.profile, str) \
        else example.profile


@pytest.mark.parametrize(("rule", "example"), list(_examples_with_fixes()))
def test_bad_examples_fix_to_their_fixed_text(rule, example):
    profile = _profile(example)
    found = analyze(example.plain, platform=example.platform, reply=example.reply,
                    profile=profile)["hints"]
    own = [h for h in found if h["rule"] == rule.id]
    if not any(h.get("replacements") for h in own):
        assert example.fixed is None, f"{rule.id} offers no fix on: {example.plain}"
        return
    assert example.fixed is not None, f"say what {example.plain!r} becomes once fixed"
    assert fix_all(example.plain, own) == example.fixed
    for hint in own:
        for replacement in hint.get("replacements", ()):
            assert_fixed_in_place(example.plain, profile, hint, replacement)


# --- tu ↔ vous ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "form", "fixed"),
    [
        # To vous: imperatives, regular and not, alone or with their pronouns.
        ("Partage ta recette et tague-nous !", "vous", "Partagez votre recette et taguez-nous !"),
        ("Dis-nous tout, fais-le vite.", "vous", "Dites-nous tout, faites-le vite."),
        ("Choisis ta couleur. Réponds-nous. Viens nous voir.", "vous",
         "Choisissez votre couleur. Répondez-nous. Venez nous voir."),
        ("Achète-le, essaie-le et appelle-nous.", "vous",
         "Achetez-le, essayez-le et appelez-nous."),
        ("Inscris-toi vite, vas-y et profites-en bien !", "vous",
         "Inscrivez-vous vite, allez-y et profitez-en bien !"),
        ("N'hésite pas : ne t'inquiète pas.", "vous",
         "N'hésitez pas : ne vous inquiétez pas."),
        ("Tague un ami.", "vous", "Taguez un ami."),
        ("PARTAGE TON AVIS.", "vous", "PARTAGEZ VOTRE AVIS."),
        # To vous: the subject with its verb, questions, objects, possessives.
        ("Tu peux venir. Tu aimes les crêpes ?", "vous",
         "Vous pouvez venir. Vous aimez les crêpes ?"),
        ("Si tu veux, tu n'as rien à payer. Tu l'as vu ?", "vous",
         "Si vous voulez, vous n'avez rien à payer. Vous l'avez vu ?"),
        ("Tu te souviens ? Tu t'es inscrit ?", "vous",
         "Vous vous souvenez ? Vous vous êtes inscrit ?"),
        ("Veux-tu participer ? Es-tu prêt ?", "vous", "Voulez-vous participer ? Êtes-vous prêt ?"),
        ("Je t'offre un café pour te remercier.", "vous",
         "Je vous offre un café pour vous remercier."),
        ("Merci à toi pour tes photos, stp garde la tienne.", "vous",
         "Merci à vous pour vos photos, svp garde la vôtre."),
        # To tu.
        ("Partagez vos photos et racontez-nous votre week-end.", "tu",
         "Partage tes photos et raconte-nous votre week-end."),
        ("Vous pouvez réserver. Vous aimez les crêpes ?", "tu",
         "Tu peux réserver. Tu aimes les crêpes ?"),
        ("Nous vous invitons à venir, on vous attend.", "tu",
         "Nous t'invitons à venir, on t'attend."),
        ("Abonnez-vous ! Allez-y, profitez-en. Dites-nous tout.", "tu",
         "Abonne-toi ! Vas-y, profites-en. Dis-nous tout."),
        ("N'hésitez pas. Ne vous inquiétez pas.", "tu", "N'hésite pas. Ne t'inquiète pas."),
        ("Que pensez-vous de la vôtre ? Avez-vous vu ?", "tu",
         "Que penses-tu de la tienne ? As-tu vu ?"),
        ("C'est pour vous, chez vous. Et vous ? Faites-le vous-même.", "tu",
         "C'est pour toi, chez toi. Et toi ? Fais-le toi-même."),
        ("Si vous le souhaitez, vous vous inscrivez en ligne.", "tu",
         "Si tu le souhaites, tu t'inscris en ligne."),
        ("Choisissez, répondez, venez.", "tu", "Choisis, réponds, viens."),
    ],
)
def test_address_fixes_give_the_other_form(text, form, fixed):
    profile = profile_of(form)
    found = hints(text, profile, ADDRESS_RULES)
    assert fix_all(text, found) == fixed
    for hint in found:
        for replacement in hint.get("replacements", ()):
            assert_fixed_in_place(text, profile, hint, replacement)


@pytest.mark.parametrize(
    ("text", "form", "unfixed"),
    [
        # The noun's gender decides between "ton" and "ta".
        ("Découvrez votre cadeau.", "tu", "votre"),
        # A subjunctive's plural differs ("que vous aimiez").
        ("Il faut que tu aimes ce produit.", "vous", "tu"),
        # The verb after "qui" agrees with "toi".
        ("Toi qui aimes les crêpes, c'est pour toi.", "vous", "Toi"),
        # Speaking to several people.
        ("Venez nombreux !", "tu", "Venez"),
        ("Vous êtes prêts ?", "tu", "Vous"),
        ("Merci à vous tous.", "tu", "vous"),
        # "t'as" is "tu as", said fast: no certain vous.
        ("T'as vu la vidéo ?", "vous", "T'"),
        # Tenses and verbs the tables do not give.
        ("Vous aimerez ce produit.", "tu", "Vous"),
        ("Nous vous habillons.", "tu", "vous"),
        ("Tag un ami.", "vous", "Tag"),
    ],
)
def test_no_replacement_where_the_other_form_is_uncertain(text, form, unfixed):
    found = hints(text, profile_of(form), ADDRESS_RULES)
    start = text.index(unfixed)
    at = [h for h in found if h["span"][0] == start]
    assert at, found
    assert all("replacements" not in h for h in at)


# --- Removing a bait sentence ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Nos crêpes sont de retour.\nLike si tu aimes ❤️", "Nos crêpes sont de retour."),
        ("Like si tu aimes ❤️\nNos crêpes sont de retour.", "Nos crêpes sont de retour."),
        ("Intro.\n\nLike si tu aimes ❤️\n\n#crepes", "Intro.\n\n#crepes"),
        ("Intro.\n\nLike si tu aimes ❤️\nLa recette est en ligne.",
         "Intro.\n\nLa recette est en ligne."),
        ("Intro.\nLike si tu aimes !\n\nLa recette est en ligne.",
         "Intro.\n\nLa recette est en ligne."),
        ("Our pancakes are back. Tag 3 friends who need this! See you Sunday.",
         "Our pancakes are back. See you Sunday."),
        ("Nouvelle recette en ligne. Partage si tu es d'accord 👇",
         "Nouvelle recette en ligne."),
        ("👉 Partagez si vous êtes d'accord !\nNotre guide est en ligne.",
         "Notre guide est en ligne."),
        ("Vous aussi vous aimez l'été ? Tapez OUI !", "Vous aussi vous aimez l'été ?"),
    ],
)
def test_a_bait_sentence_of_its_own_is_removed(text, fixed):
    bait = [h for h in hints(text) if h["family"] == "engagement_bait"]
    assert [h.get("replacements") for h in bait] == [[""]]
    assert applied(text, bait[0], "")[0] == fixed
    assert_fixed_in_place(text, None, bait[0], "")
    assert [h for h in hints(fixed) if h["family"] == "engagement_bait"] == []


@pytest.mark.parametrize(
    "text",
    [
        # Part of a sentence: removing the request would leave a broken one.
        "Dites-nous en commentaire et taguez un ami qui adore les crêpes.",
        "Notre nouvelle vidéo est en ligne, faites tourner !",
        "Nouvelle couleur : mettez un j'aime pour nous soutenir.",
        # Another clause shares the sentence.
        "Nos crêpes sont là. Like si tu aimes et dis-nous ta garniture préférée !",
        # The sentence goes on below.
        "Nos crêpes sont là.\nLike si tu aimes\nles crêpes au sucre",
        # What follows leans on it.
        "Fais tourner !! plus ça tourne, plus on est heureux.",
        # Options over several lines are a list.
        "Ton dessert préféré ? 👍 tarte tatin\n❤️ fondant\n😂 tiramisu",
        # Nothing would remain, or only emoji and hashtags.
        "Like si tu aimes les crêpes !",
        "Écrivez OUI si vous avez hâte de nous revoir ! ☀️ #BrasserieDuPont",
    ],
)
def test_no_removal_unless_the_request_is_a_sentence_of_its_own(text):
    bait = [h for h in hints(text) if h["family"] == "engagement_bait"]
    assert bait
    assert all("replacements" not in h for h in bait), bait
