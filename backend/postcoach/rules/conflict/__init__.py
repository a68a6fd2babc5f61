"""Rules for replies: how a brand answers a customer in public."""

from ..matching import has_lexicon_match


def handles_a_complaint(draft, context) -> bool:
    """The reply deals with a problem: it names one, or it is already defending itself."""
    return has_lexicon_match(draft, context, "complaint_topic") or has_lexicon_match(
        draft, context, "defensive"
    )
