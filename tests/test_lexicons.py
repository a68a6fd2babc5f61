import pytest

from postcoach.text.draft import Draft, fold
from postcoach.text.lexicons import LexiconError, available, load, parse


def test_every_shipped_lexicon_loads_with_notes():
    shipped = available()
    assert ("fr", "hard_sell") in shipped and ("en", "hard_sell") in shipped
    for language, name in shipped:
        lexicon = load(language, name)
        assert all(entry.note for entry in lexicon.entries), (language, name)


def test_duplicates_are_refused_with_their_lines():
    with pytest.raises(LexiconError, match=r"line 3.*line 2"):
        parse("demo", "fr", "# comment\nachetez\tordre\nAchetez\tencore\n")


def test_entries_need_a_note():
    with pytest.raises(LexiconError, match="no note"):
        parse("demo", "en", "buy now\n")


@pytest.mark.parametrize(
    ("term", "text", "matched"),
    [
        ("like* si", "Likez si vous aimez", "Likez si"),
        ("profite*", "profitez-en vite", "profitez-en"),
        ("jeu-concours", "notre jeu concours", "jeu concours"),
        ("t'", "je t’offre", "t’"),
        ("#1", "the #1 shop", "#1"),
        ("vous", "vousvous", None),
    ],
)
def test_term_matching(term, text, matched):
    lexicon = parse("demo", "fr", f"{term}\tnote\n")
    found = [text[m.start():m.end()] for m in lexicon.finditer(Draft(text))]
    assert found == ([matched] if matched else [])


def test_a_draft_without_the_words_terms_start_with_is_not_scanned():
    lexicon = parse("demo", "fr", "tague* ton\tnote\npartage ce post\tnote\n")
    assert lexicon.first_words is None  # a wildcard first word: always scanned
    plain = parse("demo", "fr", "partage ce post\tnote\nidentifie un ami\tnote\n")
    assert plain.first_words == {"partage", "identifie"}
    assert list(plain.finditer(Draft("Un post sans consigne"))) == []
    assert [m.group() for m in plain.finditer(Draft("PARTAGE ce post"))] == ["partage ce post"]


def test_fold_keeps_offsets_and_accents():
    for text in ("İstanbul ÉTÉ", "ß e\u0301", "😀 Achète"):
        assert len(fold(text)) == len(text)
    assert fold("ACHÈTE") == "achète"


def test_a_lexicon_scanned_in_drafts_must_be_declared():
    from postcoach.text import signals
    from postcoach.text.draft import Draft

    assert signals.lexicon_hits(Draft("Achetez maintenant", "fr"), "hard_sell")
    with pytest.raises(LexiconError, match="SCANNED_LEXICONS"):
        signals.lexicon_hits(Draft("le chat", "fr"), "function_words")
