"""What a rule is: metadata, a check, and examples that double as its tests.

A bad example marks the span the rule must flag with [[double brackets]]; a bad example of a
whole-post rule has no marks. A bad example whose hints carry replacements says what the text
becomes once each has taken its first one (`fixed`). A good example must leave the rule silent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from postcoach.contract import FAMILIES, LANGUAGES, LEVELS

if TYPE_CHECKING:
    from postcoach.brand.profile import Profile
    from postcoach.text.draft import Draft
    from postcoach.text.tone import ToneReading


_MARK_RE = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Context:
    """Everything about a check that is not the text itself."""

    platform: str
    reply: bool
    profile: Profile
    language: str
    tone: ToneReading
    # The brand's recent published posts, given by the caller (the engine stores nothing):
    # {"network", "published_at", "text"} each; platform.cross_post looks for a repeat.
    recent_posts: tuple[Mapping[str, str], ...] = ()


@dataclass(frozen=True)
class Finding:
    """One place where a rule fires. Offsets are code points; None means the whole post.

    `strength` scales the rule's weight in the scores (a post with five prices is more of a
    billboard than a post with one); `params` fill the placeholders of the rule's messages.
    `replacements` are texts that can replace the span with certainty (the one-click fixes);
    empty where the fix needs a person's judgement.
    """

    start: int | None = None
    end: int | None = None
    strength: float = 1.0
    params: Mapping[str, object] = field(default_factory=dict)
    replacements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    text: str
    language: str
    platform: str = "generic"
    reply: bool = False
    # A profile as a mapping, or the name of one in rules/example_profiles.py.
    profile: Mapping[str, object] | str | None = None
    # A bad example's text once every hint of the rule took its first replacement.
    fixed: str | None = None

    @property
    def plain(self) -> str:
        return _MARK_RE.sub(r"\1", self.text)

    @property
    def marked_spans(self) -> list[tuple[int, int]]:
        """Code-point spans of the [[marks]] in the plain text."""
        spans, removed = [], 0
        for match in _MARK_RE.finditer(self.text):
            start = match.start() - removed
            spans.append((start, start + len(match.group(1))))
            removed += 4
        return spans


def bad(text: str, language: str, **context) -> Example:
    return Example(text, language, **context)


def good(text: str, language: str, **context) -> Example:
    return Example(text, language, **context)


Check = Callable[["Draft", Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    level: str
    message: Mapping[str, str]
    suggestion: Mapping[str, str]
    source: str
    check: Check
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    languages: tuple[str, ...] = LANGUAGES
    # Hand-set deductions from tone consistency (the brand's own voice has no labelled data to
    # fit them on); salesiness and interaction value are fitted models (scoring.model).
    weights: Mapping[str, float] = field(default_factory=dict)
    reply_only: bool = False
    posts_only: bool = False
    # The pattern files (text/patterns/<lang>/<name>.tsv) the check asks for: a draft is walked
    # once for all the files of the rules that apply.
    patterns: tuple[str, ...] = ()
    # Rules whose hints this one's replace where they overlap: one place in the draft gets one
    # hint, the one that says most ("tague 2 amis" in a giveaway is the giveaway's condition).
    outranks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problems = []
        if self.family not in FAMILIES:
            problems.append(f"family {self.family!r} not in {FAMILIES}")
        if not self.id.startswith(self.family + "."):
            problems.append(f"id must start with its family '{self.family}.'")
        if self.level not in LEVELS:
            problems.append(f"level {self.level!r} not in {LEVELS}")
        for text in (self.message, self.suggestion):
            if set(text) != set(LANGUAGES):
                problems.append(f"messages and suggestions need exactly {LANGUAGES}")
        if unknown := set(self.weights) - {"tone_consistency"}:
            problems.append(f"weights for fitted scores {sorted(unknown)}: `make train` fits them")
        for language in self.languages:
            if not any(e.language == language for e in self.bad):
                problems.append(f"no bad example in {language}")
            if not any(e.language == language for e in self.good):
                problems.append(f"no good example in {language}")
        if problems:
            raise ValueError(f"rule {self.id}: " + "; ".join(problems))

    def as_json(self, lang: str | None = None) -> dict:
        """What `GET /v1/rules` and `postcoach rules --json` say of the rule."""
        languages = (lang,) if lang else LANGUAGES
        return {
            "id": self.id,
            "family": self.family,
            "level": self.level,
            "languages": list(self.languages),
            "reply_only": self.reply_only,
            "message": {code: self.message[code] for code in languages},
            "suggestion": {code: self.suggestion[code] for code in languages},
            "source": self.source,
        }

    def applies(self, context: Context) -> bool:
        if self.reply_only and not context.reply:
            return False
        if self.posts_only and context.reply:
            return False
        return context.language in self.languages or context.language == "und"
