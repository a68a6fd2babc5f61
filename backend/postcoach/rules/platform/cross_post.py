"""The same text on every network (« publier la même chose sur tous les médias sociaux »):
words that belong to another network ("link in bio"), and — when the caller passes the brand's
recent posts (analyze(..., recent_posts=...)) — a draft that nearly repeats a post published
on another network in the last 30 days.

Near-duplicates are measured as the Jaccard resemblance of the texts' word 3-shingles (Broder's
measure; the history report finds candidate pairs with MinHash LSH over the same shingles).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from functools import lru_cache

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.matching import lexicon_findings

NETWORKS = {"facebook": "Facebook", "linkedin": "LinkedIn"}
SHINGLE_WORDS = 3
# Two posts are the same post at this resemblance or more: a reworded sentence or two, a
# hashtag line added, a link changed.
NEAR_DUPLICATE = 0.5
# Shorter texts ("Merci à tous !") are alike by nature, not copies.
MIN_WORDS = 8
_WORD = re.compile(r"\w+")
_MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_LINK_ADVICE = {
    "fr": "mettez le lien dans le post et parlez comme on parle ici (plus posé sur LinkedIn, "
    "plus proche sur Facebook).",
    "en": "put the link in the post and talk the way people talk here (more measured on "
    "LinkedIn, closer on Facebook).",
}
_REPEAT_ADVICE = {
    "fr": "changez l'accroche, la longueur et le ton (plus posé sur LinkedIn, plus proche sur "
    "Facebook), ou dites autre chose ici.",
    "en": "change the hook, the length and the tone (more measured on LinkedIn, closer on "
    "Facebook), or say something else here.",
}


@lru_cache(maxsize=8192)
def shingles(text: str) -> frozenset[str]:
    """The text's word 3-shingles, case, accents and punctuation aside; empty for short texts."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    words = _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))
    if len(words) < MIN_WORDS:
        return frozenset()
    return frozenset(" ".join(words[i:i + SHINGLE_WORDS])
                     for i in range(len(words) - SHINGLE_WORDS + 1))


def resemblance(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _date(published_at: str) -> dict[str, str]:
    try:
        moment = datetime.fromisoformat(published_at.replace("Z", "+00:00"))
    except ValueError:
        return dict.fromkeys(_MONTHS, published_at)
    return {lang: f"{moment.day} {months[moment.month - 1]} {moment.year}"
            for lang, months in _MONTHS.items()}


def _repeats(draft, context) -> list[Finding]:
    if not context.recent_posts or context.reply:
        return []
    mine = shingles(draft.text)
    if not mine:
        return []
    best = None
    for post in context.recent_posts:
        if post["network"] == context.platform or post["network"] not in NETWORKS:
            continue
        theirs = shingles(post["text"])
        # Jaccard is at most the ratio of the sizes: most posts are ruled out without a set op.
        if not theirs or min(len(mine), len(theirs)) < NEAR_DUPLICATE * max(len(mine),
                                                                            len(theirs)):
            continue
        score = resemblance(mine, theirs)
        if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
            best = (score, post)
    if best is None:
        return []
    other, when = NETWORKS[best[1]["network"]], _date(best[1]["published_at"])
    evidence = {
        "fr": f"Presque le même texte que votre post {other} du {when['fr']}",
        "en": f"Nearly the same text as your {other} post of {when['en']}",
    }
    return [Finding(params={"evidence": evidence, "advice": _REPEAT_ADVICE,
                            "date": best[1]["published_at"][:10], "other": other},
                    strength=best[0])]


def check(draft, context):
    if context.platform not in NETWORKS:
        return []
    network = NETWORKS[context.platform]
    found = [
        replace(finding, params={
            "network": network, "advice": _LINK_ADVICE,
            "evidence": {"fr": f"« {finding.params['word']} »",
                         "en": f"“{finding.params['word']}”"},
        })
        for finding in lexicon_findings(draft, context, "other_networks")
    ]
    return found + [replace(f, params={**f.params, "network": network})
                    for f in _repeats(draft, context)]


RULE = Rule(
    id="platform.cross_post",
    family="platform",
    level="warning",
    message={
        "fr": "{evidence[fr]} : ce texte a été écrit pour un autre réseau, pas pour {network}.",
        "en": "{evidence[en]}: this text was written for another network, not for {network}.",
    },
    suggestion={
        "fr": "Adaptez-le à {network} : {advice[fr]}",
        "en": "Adapt it to {network}: {advice[en]}",
    },
    source="000 — « publier la même chose sur tous les médias sociaux sans tenir compte des "
    "spécificités de chaque média »",
    check=check,
    weights={"tone_consistency": -0.1},
    bad=(
        bad("Nouvelle collection, [[lien en bio]] !", "fr", platform="facebook"),
        bad("Our new guide is out, [[link in bio]].", "en", platform="linkedin"),
    ),
    good=(
        good("Notre nouveau guide est en ligne : https://acme.fr/guide", "fr",
             platform="linkedin"),
        good("Our new guide is out: https://acme.com/guide", "en", platform="facebook"),
    ),
)
