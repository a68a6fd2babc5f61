"""Tone rules compare the draft with the active brand profile (context.profile)."""

from collections.abc import Sequence

from postcoach.rules.base import Finding
from postcoach.text.address import switch
from postcoach.text.draft import Draft

# Extra occurrences past the habit at which the deviation counts in full.
FULL_DEVIATION = 4


def beyond_habit(spans: list[tuple[int, int]], allowed: int, text: str) -> list[Finding]:
    """Flag the occurrences past the brand's habit (the 4th emoji of a brand that uses 3)."""
    if len(spans) <= allowed:
        return []
    severity = min(1.0, (len(spans) - allowed) / FULL_DEVIATION)
    return spread(spans[allowed:], text, severity, count=len(spans), max=allowed)


def spread(spans: list[tuple[int, int]], text: str, total: float = 1.0,
           replacements: Sequence[str | None] = (), **params) -> list[Finding]:
    """One finding per span, sharing `total` strength: the deviation counts once, not per word.
    `replacements`, one per span where given, is the certain fix of each (None: none)."""
    fixes = list(replacements) or [None] * len(spans)
    return [
        Finding(start, end, total / len(spans), {"word": text[start:end], **params},
                () if fix is None else (fix,))
        for (start, end), fix in zip(spans, fixes, strict=True)
    ]


def switched(draft: Draft, marks: list[tuple[int, int]], to: str, **params) -> list[Finding]:
    """The tu or vous marks, each with what it becomes in the form `to` where that is certain
    (text.address): a subject and its verb make one finding ("tu peux" → "vous pouvez")."""
    swaps = switch(draft, marks, to)
    return spread([(swap.start, swap.end) for swap in swaps], draft.text,
                  replacements=[swap.text for swap in swaps], **params)
