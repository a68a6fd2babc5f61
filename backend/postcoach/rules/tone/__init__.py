"""Tone rules compare the draft with the active brand profile (context.profile)."""

from postcoach.rules.base import Finding

# Extra occurrences past the habit at which the deviation counts in full.
FULL_DEVIATION = 4


def beyond_habit(spans: list[tuple[int, int]], allowed: int, text: str) -> list[Finding]:
    """Flag the occurrences past the brand's habit (the 4th emoji of a brand that uses 3)."""
    if len(spans) <= allowed:
        return []
    severity = min(1.0, (len(spans) - allowed) / FULL_DEVIATION)
    return spread(spans[allowed:], text, severity, count=len(spans), max=allowed)


def spread(spans: list[tuple[int, int]], text: str, total: float = 1.0, **params
           ) -> list[Finding]:
    """One finding per span, sharing `total` strength: the deviation counts once, not per word."""
    return [
        Finding(start, end, total / len(spans), {"word": text[start:end], **params})
        for start, end in spans
    ]
