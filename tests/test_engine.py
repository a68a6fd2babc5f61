"""The result contract of ARCHITECTURE.md, properties on arbitrary Unicode, and bad input."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postcoach import InputError, analyze
from postcoach.contract import FAMILIES, LEVELS
from postcoach.rules import all_rules

SALESY_FR = "PROMO EXCEPTIONNELLE !!! Achetez maintenant, -50 % sur tout, dernière chance 👉 " \
    "https://acme.fr"
OPEN_QUESTION_EN = "What is the one habit that changed how you run your small business? " \
    "Tell us in the comments, we read every answer."
RULE_IDS = {rule.id for rule in all_rules()}


def assert_contract(result: dict, text: str) -> None:
    assert set(result) == {"language", "scores", "tone", "hints"}
    assert result["language"] in ("fr", "en", "und")
    assert set(result["scores"]) == {"salesiness", "interaction_value", "tone_consistency"}
    for value in result["scores"].values():
        assert isinstance(value, int) and 0 <= value <= 100
    tone = result["tone"]
    assert set(tone) == {"address_form", "formality", "reading_ease", "emoji", "exclamations",
                         "hashtags"}
    assert tone["address_form"] in ("tu", "vous", "mixed", "none")
    if result["language"] != "fr":
        assert tone["address_form"] == "none"
    assert isinstance(tone["formality"], int) and 0 <= tone["formality"] <= 100
    assert tone["reading_ease"] is None or isinstance(tone["reading_ease"], float)
    units = text.encode("utf-16-le")
    for hint in result["hints"]:
        assert set(hint) - {"replacements"} == {"rule", "family", "level", "message",
                                                "suggestion", "span", "source"}
        if "replacements" in hint:
            assert hint["span"] is not None and hint["replacements"]
            assert all(isinstance(r, str) for r in hint["replacements"])
        assert hint["rule"] in RULE_IDS
        assert hint["family"] in FAMILIES and hint["rule"].startswith(hint["family"] + ".")
        assert hint["level"] in LEVELS
        assert hint["message"] and hint["suggestion"] and hint["source"]
        if hint["span"] is not None:
            start, end = hint["span"]
            assert 0 <= start < end <= len(units) // 2
            # Never inside a surrogate pair: the unit at each edge is not a low surrogate.
            for edge in (start, end):
                if edge < len(units) // 2:
                    unit = int.from_bytes(units[2 * edge:2 * edge + 2], "little")
                    assert not 0xDC00 <= unit <= 0xDFFF
    order = [(LEVELS[::-1].index(h["level"]), (h["span"] or [-1])[0]) for h in result["hints"]]
    assert order == sorted(order)
    json.dumps(result)


def test_salesy_french_post():
    result = analyze(SALESY_FR, platform="facebook")
    assert_contract(result, SALESY_FR)
    assert result["language"] == "fr"
    assert result["scores"]["salesiness"] >= 80
    rules = {h["rule"] for h in result["hints"]}
    assert {"salesiness.hard_sell", "salesiness.promo", "salesiness.urgency",
            "salesiness.shouting"} <= rules


def test_open_question_scores_high_on_interaction():
    result = analyze(OPEN_QUESTION_EN, platform="linkedin")
    assert_contract(result, OPEN_QUESTION_EN)
    assert result["language"] == "en"
    assert result["scores"]["interaction_value"] >= 70
    assert result["scores"]["salesiness"] < 20


def test_defensive_reply_is_flagged_only_in_reply_mode():
    text = "Contrairement à ce que vous dites, vous auriez dû lire la notice avant de commander."
    as_reply = {h["rule"] for h in analyze(text, reply=True)["hints"]}
    as_post = {h["rule"] for h in analyze(text)["hints"]}
    assert {"conflict.defensive", "conflict.private_channel", "conflict.acknowledge"} <= as_reply
    assert not any(rule.startswith("conflict.") for rule in as_post)


def test_spans_are_utf16_after_emoji():
    text = "🎉🎉 Achetez maintenant"
    hint = next(h for h in analyze(text)["hints"] if h["rule"] == "salesiness.hard_sell")
    start, end = hint["span"]
    assert text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le") == "Achetez"


def test_hint_language_follows_the_draft_or_ui_lang():
    text = "Achetez maintenant notre nouvelle crème."
    french = analyze(text)["hints"][0]["message"]
    english = analyze(text, ui_lang="en")["hints"][0]["message"]
    assert french != english and "buy" in english


def test_address_form_and_tone_counts():
    result = analyze("Découvre notre atelier ! Tu vas adorer 😍 #artisanat #bois")
    assert result["tone"]["address_form"] == "tu"
    assert result["tone"]["emoji"] == 1
    assert result["tone"]["exclamations"] == 1
    assert result["tone"]["hashtags"] == 2
    assert any(h["rule"] == "tone.address_mismatch" for h in result["hints"])


def test_profile_changes_tone_consistency():
    text = "Découvre notre atelier et dis-nous ce que tu en penses."
    against_default = analyze(text)["scores"]["tone_consistency"]
    against_tu_brand = analyze(text, profile={"address_form": {"fr": "tu"}})
    assert against_tu_brand["scores"]["tone_consistency"] > against_default


@pytest.mark.parametrize("text", ["", "   ", "\n\t  \n"])
def test_empty_draft_is_a_valid_result_without_hints(text):
    result = analyze(text)
    assert_contract(result, text)
    assert result["language"] == "und"
    assert result["hints"] == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": None}, "text"),
        ({"text": 42}, "text"),
        ({"text": b"bytes"}, "text"),
        ({"text": "x" * 100_001}, "text"),
        ({"text": "ok", "platform": "twitter"}, "platform"),
        ({"text": "ok", "reply": "yes"}, "reply"),
        ({"text": "ok", "ui_lang": "de"}, "ui_lang"),
        ({"text": "ok", "profile": "not a mapping"}, "profile"),
        ({"text": "ok", "profile": {"address_form": {"fr": "thou"}}}, "profile.address_form"),
        ({"text": "ok", "profile": {"colour": "red"}}, "profile"),
    ],
)
def test_bad_input_is_a_clear_error(kwargs, field):
    with pytest.raises(InputError) as error:
        analyze(**kwargs)
    assert error.value.field == field
    assert error.value.message


def test_same_input_same_output():
    assert analyze(SALESY_FR) == analyze(SALESY_FR)


def test_mixed_languages_and_100k_characters():
    text = ("Nous lançons the new collection today, venez la découvrir! " * 2000)[:100_000]
    result = analyze(text, platform="linkedin")
    assert_contract(result, text)
    assert any(h["rule"] == "platform.length" and h["level"] == "warning" for h in result["hints"])


unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400
) | st.lists(
    st.sampled_from(["Achetez", " ", "👍🏽", "e\u0301", "\u200b", "\u200f", "مرحبا", "!", "?",
                     "#promo", "@léa", "https://acme.fr", "\n", "« citation »", "50 %", "€",
                     "🇫🇷", "👨‍👩‍👧", "TU", "vous", "Like si"]),
    max_size=120,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=unicode_text, platform=st.sampled_from(["generic", "facebook", "linkedin"]),
       reply=st.booleans())
def test_arbitrary_unicode_never_breaks_the_contract(text, platform, reply):
    result = analyze(text, platform=platform, reply=reply)
    assert_contract(result, text)
    assert analyze(text, platform=platform, reply=reply) == result


@pytest.mark.parametrize(
    "unit", ["😀", "a", "e\u0301", "\u200b", "مرحبا ", "! ", "Ok? ", "Découvre. "]
)
def test_100k_characters_of_one_pattern(unit):
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    assert_contract(analyze(text), text)


def test_certain_fixes_carry_replacements_for_their_span():
    result = analyze("Nos clients adorent la PROMO EXCEPTIONNELLE !!!",
                     profile={"banned_terms": {"clients": "membres"}})
    banned = [(hint["span"], hint["replacements"])
              for hint in result["hints"] if hint["rule"] == "tone.banned_term"]
    assert banned == [([4, 11], ["membres"])]
    shouting = [hint["replacements"] for hint in result["hints"]
                if hint["rule"] == "salesiness.shouting"]
    assert shouting == [["Promo exceptionnelle"], ["!"]]
    assert all(hint.get("replacements") != [] for hint in result["hints"])


def test_reading_ease_can_be_left_out_and_nothing_else_changes():
    text = "Our new collection lands on Saturday. Which piece will you try first?"
    full, lean = analyze(text, platform="facebook"), analyze(text, platform="facebook",
                                                             reading_ease=False)
    assert isinstance(full["tone"]["reading_ease"], float)
    assert lean["tone"]["reading_ease"] is None
    lean["tone"]["reading_ease"] = full["tone"]["reading_ease"]
    assert lean == full


def test_warm_up_freezes_what_it_loaded_out_of_the_collectors_sight():
    import gc

    from postcoach.engine import YOUNG_COLLECTION_THRESHOLD, warm_up

    thresholds = gc.get_threshold()
    try:
        warm_up()
        assert gc.get_freeze_count() > 0
        # A long draft's own tokens no longer set off a collection in its middle.
        assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD
        assert analyze("Bonjour à tous !")["language"] == "fr"
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
