"""Rules for engagement bait: asking for reactions, comments, shares, tags or votes to game reach.

Each rule finds its kind of bait with its patterns. A post that no bait pattern matches may
still read as bait to the fitted reading (text/readings.py), which also says which kind: the
rule of that kind then reports the post's most bait-like sentence.
"""

import re

from postcoach.rules.base import Finding
from postcoach.rules.matching import judged_finding, pattern_findings
from postcoach.text import readings
from postcoach.text.patterns import pattern_matches

# The pattern files of requests (not of options or prizes, which ordinary posts have too): a
# post one of them matches is the patterns' to judge.
REQUESTS = ("bait_comment", "bait_react", "bait_share", "bait_tag", "contest_entry",
            "vote_request")
# Every bait pattern file: each rule of the family asks for them.
PATTERNS = (*REQUESTS, "contest_mark", "vote_loose_option", "vote_option")
# A request is an imperative or an infinitive; a match that opens on a verb in the past
# narrates ("So many of you tagged friends", « vous avez identifié vos amis », « le four a
# lâché 😓 »).
NARRATED_RE = re.compile(r"[^\W\d_]+(?:ed|é|ée|és|ées)(?![^\W_])", re.IGNORECASE)


def _requested(draft, span: tuple[int, int]) -> bool:
    return not NARRATED_RE.match(draft.text, span[0])


def requests(draft, name: str) -> list[Finding]:
    """The matches of a request pattern file, but those that narrate."""
    return [finding for finding in pattern_findings(draft, name)
            if _requested(draft, (finding.start, finding.end))]


def unnamed_bait(draft, context, kind: str) -> list[Finding]:
    """A finding on the post's most bait-like sentence, when no bait pattern matched it and the
    fitted reading says it is bait of this kind. Not for replies: the reading learned from
    posts, and a support answer asks to share details or thanks for a tag."""
    if context.reply or any(_requested(draft, span) for name in REQUESTS
                            for span in pattern_matches(draft, name)):
        return []
    judgement = readings.reader("bait").judge(draft)
    if judgement is None or judgement.kind != kind:
        return []
    return [judged_finding(draft, judgement)]
