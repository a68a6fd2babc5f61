"""analyze(): one draft in, the result JSON of ARCHITECTURE.md out."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping

from postcoach import scoring
from postcoach.brand.profile import Profile, resolve
from postcoach.contract import LANGUAGES, LEVELS, PLATFORMS
from postcoach.errors import InputError
from postcoach.rules import all_rules
from postcoach.rules.base import Context, Finding, Rule
from postcoach.text import language, patterns
from postcoach.text.draft import Draft
from postcoach.text.readability import warm_up as warm_readability
from postcoach.text.tone import ToneReading

MAX_CHARS = 100_000
# Net allocations of containers between two collections of the youngest generation, once warm.
YOUNG_COLLECTION_THRESHOLD = 10_000
# Enough highlights to fix a draft; a 100 000-character paste does not need 2 000 of them.
MAX_HINTS_PER_RULE = 20
LEVEL_ORDER = {level: rank for rank, level in enumerate(reversed(LEVELS))}
_WARM_UP_DRAFTS = (
    "Bonjour à tous ! Quelle est votre astuce préférée pour l'hiver ? Dites-le-nous 😊",
    "Hello everyone! What is your favourite winter tip? Tell us in the comments 😊",
)


def _validate(text: object, platform: object, reply: object, ui_lang: object) -> None:
    if not isinstance(text, str):
        raise InputError("text", f"text must be a string, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError("text", f"text is {len(text)} characters long; the limit is {MAX_CHARS}")
    if platform not in PLATFORMS:
        raise InputError("platform", f"platform must be one of {', '.join(PLATFORMS)}")
    if not isinstance(reply, bool):
        raise InputError("reply", "reply must be true or false")
    if ui_lang is not None and ui_lang not in LANGUAGES:
        raise InputError("ui_lang", f"ui_lang must be one of {', '.join(LANGUAGES)}")


def _recent(posts: Iterable[Mapping[str, str]]) -> tuple[Mapping[str, str], ...]:
    recent = tuple(posts)
    for post in recent:
        if not (isinstance(post, Mapping)
                and all(isinstance(post.get(k), str) for k in ("network", "published_at", "text"))):
            raise InputError("recent_posts", "each recent post needs network, published_at and "
                             "text, as strings")
    return recent


def _hint(rule: Rule, finding: Finding, draft: Draft, ui_lang: str) -> dict:
    span = None
    if finding.start is not None and finding.end is not None:
        span = draft.utf16_span(finding.start, finding.end)
    params = dict(finding.params)
    hint = {
        "rule": rule.id,
        "family": rule.family,
        "level": rule.level,
        "message": rule.message[ui_lang].format(**params),
        "suggestion": rule.suggestion[ui_lang].format(**params),
        "span": span,
        "source": rule.source,
    }
    # A replacement needs a place to go: whole-post hints never carry one.
    if finding.replacements and span is not None:
        hint["replacements"] = list(finding.replacements)
    return hint


def _outermost(findings) -> list[Finding]:
    """Drop a finding nested in another of the same rule ("call now" inside "call now 0800…")."""
    whole_post = [f for f in findings if f.start is None]
    spans = sorted((f for f in findings if f.start is not None), key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for finding in spans:
        if kept and finding.end <= kept[-1].end:
            continue
        kept.append(finding)
    return whole_post + kept


def _unrivalled(findings: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """The findings but those that a finding of a rule outranking theirs overlaps."""
    rivals = [(rule, finding) for rule, finding in findings
              if rule.outranks and finding.start is not None]
    if not rivals:
        return findings
    return [(rule, finding) for rule, finding in findings
            if finding.start is None or not any(
                rule.id in rival.outranks and found.start < finding.end
                and finding.start < found.end for rival, found in rivals)]


def _sort_key(hint: dict) -> tuple[int, int, int]:
    span = hint["span"] or [-1, -1]
    return (LEVEL_ORDER[hint["level"]], span[0], span[1])


def read(text: str) -> Draft:
    """The draft with its language detected, as the rules see it."""
    draft = Draft(text)
    draft.language = language.detect(draft.language_text) if text.strip() else "und"
    return draft


def _check(text: str, platform: str, reply: bool, brand: Profile,
           recent: tuple[Mapping[str, str], ...] = ()
           ) -> tuple[Draft, list[tuple[Rule, Finding]], Context]:
    draft = read(text)
    context = Context(platform, reply, brand, draft.language, ToneReading(draft), recent)
    findings: list[tuple[Rule, Finding]] = []
    if draft.word_count or draft.emoji or draft.urls:
        applying = [rule for rule in all_rules() if rule.applies(context)]
        patterns.expect(draft, frozenset().union(*(rule.patterns for rule in applying)))
        for rule in applying:
            found = rule.check(draft, context)
            if found:
                findings.extend((rule, f) for f in _outermost(found))
    return draft, findings, context


def findings_of(text: str, platform: str = "generic", reply: bool = False
                ) -> tuple[Draft, list[tuple[Rule, Finding]]]:
    """The draft and what the rules found in it, without a brand profile: what the score
    models are fitted on (backend/tools/train.py)."""
    draft, findings, _ = _check(text, platform, reply, resolve(None, platform))
    return draft, findings


def analyze(
    text: str,
    platform: str = "generic",
    reply: bool = False,
    profile: Profile | Mapping | None = None,
    ui_lang: str | None = None,
    *,
    recent_posts: Iterable[Mapping[str, str]] = (),
    reading_ease: bool = True,
) -> dict:
    """Score a draft and explain what to change. See ARCHITECTURE.md for the result's shape.

    `recent_posts`: the brand's posts of the last weeks ({"network", "published_at" (ISO
    8601), "text"}), if the caller keeps a history; a draft that nearly repeats one published
    on another network gets a platform.cross_post hint naming its date.
    `reading_ease`: False leaves tone.reading_ease null, for callers that do not keep it (the
    history, which analyses tens of thousands of posts at an import)."""
    _validate(text, platform, reply, ui_lang)
    draft, findings, context = _check(text, platform, reply, resolve(profile, platform),
                                      _recent(recent_posts))
    hint_language = ui_lang or (draft.language if draft.language in LANGUAGES else "fr")

    hints, per_rule = [], {}
    for rule, finding in _unrivalled(findings):
        per_rule[rule.id] = per_rule.get(rule.id, 0) + 1
        if per_rule[rule.id] <= MAX_HINTS_PER_RULE:
            hints.append(_hint(rule, finding, draft, hint_language))
    hints.sort(key=_sort_key)

    return {
        "language": draft.language,
        "scores": scoring.compute(draft, context, findings),
        "tone": context.tone.as_json(reading_ease),
        "hints": hints,
    }


def warm_up() -> None:
    """Load rules, lexicons, patterns, weights and dictionaries now, so that the first draft is
    answered fast; for a process that analyses many drafts (the server, `postcoach batch`).

    What is loaded lives as long as the process, so it is then frozen out of the garbage
    collector's sight (gc.freeze): walking it at every full collection is a pause of 10 to 30 ms
    in the middle of some draft, most of a 3 000-character draft's budget. And the youngest
    generation is collected after YOUNG_COLLECTION_THRESHOLD net allocations instead of 700: a
    3 000-character draft holds more than 700 containers (its tokens) that it frees itself when
    it is done, so at 700 a collection ran inside nearly every long draft for nothing, and one
    in a hundred of them ran a full collection (2 to 3 ms)."""
    all_rules()
    warm_readability()
    for text in _WARM_UP_DRAFTS:
        analyze(text)
        analyze(text, reply=True)
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
