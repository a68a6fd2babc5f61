"""Every rule's examples are its tests: bad ones fire on the marked span, good ones stay silent."""

import pytest

from postcoach import analyze
from postcoach.contract import FAMILIES
from postcoach.rules import all_rules
from postcoach.rules.base import Example, Rule
from postcoach.rules.example_profiles import example_profile
from postcoach.text.draft import Draft


def _cases(kind: str):
    for rule in all_rules():
        for index, example in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}{index}-{example.language}")


def _hints_of(rule: Rule, example: Example) -> list[dict]:
    profile = example.profile
    if isinstance(profile, str):
        profile = example_profile(profile)
    result = analyze(example.plain, platform=example.platform, reply=example.reply, profile=profile)
    assert result["language"] in (example.language, "und"), result["language"]
    return [h for h in result["hints"] if h["rule"] == rule.id]


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_bad_example_fires_on_marked_span(rule, example):
    hints = _hints_of(rule, example)
    assert hints, f"{rule.id} stayed silent on: {example.plain}"
    draft = Draft(example.plain)
    expected = [tuple(draft.utf16_span(start, end)) for start, end in example.marked_spans]
    if expected:
        assert sorted(tuple(h["span"]) for h in hints if h["span"]) == sorted(expected)
    else:
        assert all(h["span"] is None for h in hints)


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_good_example_stays_silent(rule, example):
    assert _hints_of(rule, example) == [], example.plain


def test_rule_ids_are_unique_and_every_family_has_rules():
    ids = [rule.id for rule in all_rules()]
    assert len(ids) == len(set(ids))
    assert {rule.family for rule in all_rules()} == set(FAMILIES)


def test_every_rule_cites_a_seed():
    for rule in all_rules():
        assert rule.source[:3].isdigit(), rule.id


def test_outranked_rules_exist_and_no_two_rules_outrank_each_other():
    rules = {rule.id: rule for rule in all_rules()}
    for rule in rules.values():
        for other in rule.outranks:
            assert other in rules and rules[other].family == rule.family, (rule.id, other)
            assert rule.id not in rules[other].outranks, (rule.id, other)


@pytest.mark.parametrize(("text", "kept"), [
    ("🎁 Jeu-concours ! Pour participer : likez la page, partagez ce post et identifiez deux "
     "amis.", {"engagement_bait.contest"}),
    ("Drop a 🔥 in the comments if you're ready for the summer drop!",
     {"engagement_bait.comment"}),
    ("Like for the blue mug, love for the green one!", {"engagement_bait.vote"}),
])
def test_one_place_gets_one_bait_hint(text, kept):
    hints = [h for h in analyze(text)["hints"] if h["family"] == "engagement_bait"]
    assert {h["rule"] for h in hints} == kept
