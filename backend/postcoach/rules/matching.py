"""Helpers shared by lexicon-based rules."""

from __future__ import annotations

import re

from postcoach.rules.base import Context, Finding
from postcoach.text import signals
from postcoach.text.draft import Draft
from postcoach.text.patterns import pattern_matches


def lexicon_spans(draft: Draft, context: Context, name: str) -> list[tuple[int, int]]:
    """Matches of the lexicon in the draft's language (both when it is "und"), scanned once
    per draft however many rules and scores ask."""
    return signals.lexicon_hits(draft, name)


def lexicon_findings(
    draft: Draft, context: Context, name: str, strength: float = 1.0
) -> list[Finding]:
    """One finding per match, quoting the matched words as the message's {word}."""
    return [
        Finding(start, end, strength, {"word": draft.text[start:end]})
        for start, end in lexicon_spans(draft, context, name)
    ]


def pattern_findings(draft: Draft, name: str, strength: float = 1.0) -> list[Finding]:
    """One finding per match of the pattern file `name`, quoting it as {word}."""
    return [
        Finding(start, end, strength, {"word": draft.text[start:end]})
        for start, end in pattern_matches(draft, name)
    ]


def has_lexicon_match(draft: Draft, context: Context, name: str) -> bool:
    return bool(lexicon_spans(draft, context, name))


def regex_findings(draft: Draft, pattern: re.Pattern[str], strength: float = 1.0) -> list[Finding]:
    """One finding per match of `pattern` in the folded text, quoting it as {word}."""
    return [
        Finding(m.start(), m.end(), strength, {"word": draft.text[m.start():m.end()]})
        for m in pattern.finditer(draft.folded)
    ]
