"""Rules for engagement bait: asking for reactions, comments, shares, tags or votes to game reach.

Each rule finds its kind of bait with its patterns. A post that no bait pattern matches may
still read as bait to the fitted reading (text/readings.py), which also says which kind: the
rule of that kind then reports the post's most bait-like sentence.
"""

from postcoach.rules.base import Finding
from postcoach.rules.matching import judged_finding
from postcoach.text import readings
from postcoach.text.patterns import pattern_matches

# The pattern files of requests (not of options or prizes, which ordinary posts have too): a
# post one of them matches is the patterns' to judge.
REQUESTS = ("bait_comment", "bait_react", "bait_share", "bait_tag", "contest_entry",
            "vote_request")
# Every bait pattern file: each rule of the family asks for them.
PATTERNS = (*REQUESTS, "contest_mark", "vote_loose_option", "vote_option")


def unnamed_bait(draft, context, kind: str) -> list[Finding]:
    """A finding on the post's most bait-like sentence, when no bait pattern matched it and the
    fitted reading says it is bait of this kind. Not for replies: the reading learned from
    posts, and a support answer asks to share details or thanks for a tag."""
    if context.reply or any(pattern_matches(draft, name) for name in REQUESTS):
        return []
    judgement = readings.reader("bait").judge(draft)
    if judgement is None or judgement.kind != kind:
        return []
    return [judged_finding(draft, judgement)]
