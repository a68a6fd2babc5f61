"""Tone rules compare the draft with the active brand profile (context.profile)."""

from ..base import Finding


def spread(spans: list[tuple[int, int]], text: str, total: float = 1.0, **params
           ) -> list[Finding]:
    """One finding per span, sharing `total` strength: the deviation counts once, not per word."""
    return [
        Finding(start, end, total / len(spans), {"word": text[start:end], **params})
        for start, end in spans
    ]
