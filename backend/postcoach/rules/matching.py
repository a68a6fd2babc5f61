"""Helpers shared by lexicon-based rules."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicons import load
from ..text import Draft
from .base import Context, Finding


def languages_of(context: Context) -> tuple[str, ...]:
    """The lexicon languages to read: the draft's, or both when it is too short to tell."""
    return (context.language,) if context.language in ("fr", "en") else ("fr", "en")


def lexicon_spans(draft: Draft, context: Context, name: str) -> Iterator[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    for language in languages_of(context):
        for match in load(language, name).finditer(draft.folded):
            span = match.span()
            if span not in seen:
                seen.add(span)
                yield span


def lexicon_findings(
    draft: Draft, context: Context, name: str, strength: float = 1.0
) -> list[Finding]:
    """One finding per match, quoting the matched words as the message's {word}."""
    return [
        Finding(start, end, strength, {"word": draft.text[start:end]})
        for start, end in lexicon_spans(draft, context, name)
    ]


def has_lexicon_match(draft: Draft, context: Context, name: str) -> bool:
    return next(lexicon_spans(draft, context, name), None) is not None


def regex_findings(draft: Draft, pattern: re.Pattern[str], strength: float = 1.0) -> list[Finding]:
    """One finding per match of `pattern` in the folded text, quoting it as {word}."""
    return [
        Finding(m.start(), m.end(), strength, {"word": draft.text[m.start():m.end()]})
        for m in pattern.finditer(draft.folded)
    ]
