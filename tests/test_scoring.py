"""The fitted scores: weights loaded from data, features the same in French and English."""

from __future__ import annotations

from postcoach import analyze
from postcoach.engine import findings_of
from postcoach.scoring import vocabulary
from postcoach.scoring.features import extract
from postcoach.scoring.model import document, fitted
from postcoach.text.draft import Draft


def test_weights_come_from_make_train_with_their_cross_validated_figures():
    models = document()["models"]
    assert set(models) == {"salesiness", "interaction_value"}
    for stored in models.values():
        assert stored["weights"] and stored["cross_validated_auc"] and stored["trained_on"]
    assert models["salesiness"]["cross_validated_auc"]["sms_spam"] >= 0.95
    assert models["salesiness"]["cross_validated_auc"]["fb_ads"] >= 0.88
    assert models["interaction_value"]["cross_validated_auc"]["tweet_acts"] >= 0.85


def test_features_are_language_neutral():
    french = extract(*findings_of("Commandez vite : -30 % sur toute la boutique, livraison "
                                  "offerte !"))
    english = extract(*findings_of("Order now: 30% off the whole shop, free delivery!"))
    for name in ("class.commerce", "rule.salesiness.hard_sell", "percent", "exclamations"):
        assert french[name] > 0 and english[name] > 0, name
    # A question is one by its opening, with or without its mark, in both languages.
    asked = [extract(*findings_of(text))["question_opener"] for text in (
        "Avez-vous déjà testé la cire d'abeille", "Are there any tips for leather care",
        "Pourquoi le cuir craque-t-il ?")]
    stated = extract(*findings_of("We love leather. Nous aimons le cuir."))["question_opener"]
    assert asked == [1.0, 1.0, 1.0] and stated == 0.0
    assert set(french) - {n for n in french if n.startswith("rule.")} == \
        set(english) - {n for n in english if n.startswith("rule.")}


def test_scores_order_drafts_as_a_community_manager_would():
    def scores(text: str) -> dict:
        return analyze(text)["scores"]

    sale = scores("SOLDES : -50 % sur toute la collection, commandez vite !")
    news = scores("Nos bureaux seront fermés lundi, jour férié. Bon week-end à tous.")
    question = scores("Quel est votre meilleur souvenir de vacances ? Racontez-nous.")
    bait = scores("Tague 3 amis qui adorent le chocolat !")
    assert sale["salesiness"] > 70 > news["salesiness"]
    assert question["interaction_value"] > 70 > bait["interaction_value"]
    assert question["interaction_value"] > news["interaction_value"]


def test_a_score_is_a_probability_of_the_fitted_model():
    model = fitted("salesiness")
    assert 0.0 < model.probability({}) < 1.0
    assert model.probability({"class.commerce": 3.0}) > model.probability({"class.cause": 3.0})
    # Extreme inputs never overflow.
    for extreme in (1e9, -1e9):
        assert 0.0 <= model.probability({name: extreme for name in model.weights}) <= 1.0


def test_the_fitted_vocabulary_is_words_with_evidence_and_silent_where_it_has_none():
    table = vocabulary.table("salesiness", "en")
    assert len(table) > 1000
    assert all(word.isalpha() and len(word) > 1 for word in table)
    assert table["shipping"] > 0 > table["donation"]

    def evidence(text: str, language: str) -> float:
        draft = Draft(text, language)
        return vocabulary.features(draft, "salesiness")[vocabulary.FEATURE]

    assert evidence("Free shipping on every order this week", "en") > 0
    assert evidence("Donate to our cancer research study", "en") < 0
    assert evidence("", "en") == 0
    # No French vocabulary was fitted: a French draft has no such feature and is scored by the
    # model fitted without it.
    assert vocabulary.features(Draft("Livraison offerte", "fr"), "salesiness") == {}
    assert "vocabulary" not in fitted("salesiness", vocabulary=False).weights
