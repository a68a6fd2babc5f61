"""Rules for replies: how a brand answers a customer in public."""

from postcoach.rules.base import Finding
from postcoach.rules.matching import has_lexicon_match
from postcoach.text.patterns import pattern_matches


def handles_a_complaint(draft, context) -> bool:
    """The reply deals with a problem: it names one, or it is already defending itself."""
    return has_lexicon_match(draft, context, "complaint_topic") or bool(
        pattern_matches(draft, "defensive"))


def complaint_reply_lacking(draft, context, present: bool) -> list[Finding]:
    """A whole-reply finding when the reply handles a complaint without what `present` says
    it has (an acknowledgement, a private channel)."""
    if not handles_a_complaint(draft, context) or present:
        return []
    return [Finding()]
