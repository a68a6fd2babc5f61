"""French second persons: a verb form to its other person (tu ↔ vous), or nothing where that is
not certain."""

import subprocess
import sys
from pathlib import Path

import pytest

from postcoach.text import conjugation
from postcoach.text.conjugation import (
    IMPERATIVE_PLURAL,
    IMPERATIVE_SINGULAR,
    PRESENT_PLURAL,
    PRESENT_SINGULAR,
    other_person,
)
from postcoach.text.lexicons import LexiconError

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("form", "person", "to", "expected"),
    [
        ("peux", PRESENT_SINGULAR, PRESENT_PLURAL, "pouvez"),
        ("aimes", PRESENT_SINGULAR, PRESENT_PLURAL, "aimez"),
        ("lèves", PRESENT_SINGULAR, PRESENT_PLURAL, "levez"),
        ("préfères", PRESENT_SINGULAR, PRESENT_PLURAL, "préférez"),
        ("envoies", PRESENT_SINGULAR, PRESENT_PLURAL, "envoyez"),
        ("paies", PRESENT_SINGULAR, PRESENT_PLURAL, "payez"),
        ("payes", PRESENT_SINGULAR, PRESENT_PLURAL, "payez"),
        ("découvre", IMPERATIVE_SINGULAR, IMPERATIVE_PLURAL, "découvrez"),
        ("crée", IMPERATIVE_SINGULAR, IMPERATIVE_PLURAL, "créez"),
        ("inquiète", IMPERATIVE_SINGULAR, IMPERATIVE_PLURAL, "inquiétez"),
        ("racontez", IMPERATIVE_PLURAL, IMPERATIVE_SINGULAR, "raconte"),
        ("sortez", IMPERATIVE_PLURAL, IMPERATIVE_SINGULAR, "sors"),
        ("venez", IMPERATIVE_PLURAL, IMPERATIVE_SINGULAR, "viens"),
        ("choisissez", PRESENT_PLURAL, PRESENT_SINGULAR, "choisis"),
        ("répondez", PRESENT_PLURAL, PRESENT_SINGULAR, "réponds"),
        ("levez", PRESENT_PLURAL, PRESENT_SINGULAR, "lèves"),
        ("protégez", PRESENT_PLURAL, PRESENT_SINGULAR, "protèges"),
        ("essayez", IMPERATIVE_PLURAL, IMPERATIVE_SINGULAR, "essaie"),
        ("appelez", IMPERATIVE_PLURAL, IMPERATIVE_SINGULAR, "appelle"),
        # Futures, imperfects, conditionals: not a present, no answer.
        ("aimerez", PRESENT_PLURAL, PRESENT_SINGULAR, None),
        ("aimiez", PRESENT_PLURAL, PRESENT_SINGULAR, None),
        ("pourriez", PRESENT_PLURAL, PRESENT_SINGULAR, None),
        # -eler verbs double their l or take a grave accent: only a listed one is certain.
        ("ficelez", PRESENT_PLURAL, PRESENT_SINGULAR, None),
        ("pouvez", IMPERATIVE_PLURAL, IMPERATIVE_SINGULAR, None),
    ],
)
def test_conjugation_gives_the_other_person_or_nothing(form, person, to, expected):
    found = other_person(form, person, to)
    assert (found[0] if found else None) == expected


def test_conjugation_table_refuses_short_lines_and_duplicates():
    assert conjugation.parse("aller\tvas\tallez\tva\tallez\tnote\n")["aller"].form(
        IMPERATIVE_SINGULAR) == "va"
    with pytest.raises(LexiconError, match="four forms"):
        conjugation.parse("aller\tvas\tallez\tnote\n")
    with pytest.raises(LexiconError, match="already listed"):
        conjugation.parse("dire\tdis\tdites\tdis\tdites\tnote\ndire\tdis\tdites\tdis\tdites\tx\n")


def test_verb_table_is_up_to_date():
    done = subprocess.run([sys.executable, str(REPO / "backend/tools/build_verbs.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
