"""Helpers shared by lexicon-based rules."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from postcoach.rules.base import Context, Finding
from postcoach.text import signals
from postcoach.text.draft import Draft
from postcoach.text.patterns import pattern_matches
from postcoach.text.readings import Judgement


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


# Characters of a sentence a message quotes.
MAX_QUOTE = 60


def judged_finding(draft: Draft, judgement: Judgement) -> Finding:
    """A finding on the sentence a fitted reading judged, quoting its first words as {word}."""
    sentence = draft.text[judgement.start:judgement.end]
    if len(sentence) > MAX_QUOTE:
        sentence = sentence[:MAX_QUOTE].rsplit(" ", 1)[0] + "…"
    return Finding(judgement.start, judgement.end, judgement.chance, {"word": sentence})


def has_lexicon_match(draft: Draft, context: Context, name: str) -> bool:
    return bool(lexicon_spans(draft, context, name))


def regex_findings(draft: Draft, pattern: re.Pattern[str], strength: float = 1.0) -> list[Finding]:
    """One finding per match of `pattern` in the folded text, quoting it as {word}."""
    return [
        Finding(m.start(), m.end(), strength, {"word": draft.text[m.start():m.end()]})
        for m in pattern.finditer(draft.folded)
    ]


# A sentence ends at a run of end marks followed by a blank, or at its line's end.
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”»)]*(?=\s|$)")
# Another clause after the request: removing the sentence would remove it too.
CLAUSE_JOIN_RE = re.compile(r"[,;:]|(?<!\w)(?:et|and|mais|but|puis|then|ou|or)(?!\w)",
                            re.IGNORECASE)
# What a reader would miss: anything but blanks, emoji, bullets and arrows.
CONTENT_RE = re.compile(r"[^\W_]|[#@]")
# A word of prose: a letter that starts a word, not a hashtag or a mention.
PROSE_WORD_RE = re.compile(r"(?<![#@\w])[^\W\d_]")
BLANKS_RE = re.compile(r"\s*")
VISIBLE_RE = re.compile(r"\S")


def _geometry(draft: Draft) -> tuple[list[int], list[tuple[int, int]]]:
    """Where the line breaks and the sentence ends are, found once per draft."""
    found = draft.memo.get("sentence_geometry")
    if found is None:
        text = draft.text
        found = draft.memo["sentence_geometry"] = (
            [m.start() for m in re.finditer("\n", text)],
            [m.span() for m in SENTENCE_END_RE.finditer(text)],
        )
    return found


def _decoration(text: str, start: int, end: int) -> bool:
    return CONTENT_RE.search(text, start, end) is None


def removal_span(draft: Draft, start: int, end: int) -> tuple[int, int] | None:
    """The span to delete so that the request at [start, end) goes with its whole sentence and
    leaves no double blank or empty line; None unless the request is a sentence of its own
    ("Like si tu aimes ❤️" on its line, "Tag 3 friends who need this!" between two others) and
    something remains once it is gone."""
    text = draft.text
    breaks, ends = _geometry(draft)
    line = bisect_left(breaks, start)
    line_start = breaks[line - 1] + 1 if line else 0
    line_end = breaks[line] if line < len(breaks) else len(text)
    if end > line_end:
        return None  # a request over several lines ("👍 tarte\n❤️ fondant"): a list
    # The sentence opens the line or follows another's end; only decoration may precede it.
    index = bisect_left(ends, (start, start)) - 1
    opening = max(line_start, ends[index][1] if index >= 0 else 0)
    if not _decoration(text, opening, start):
        return None
    index = bisect_left(ends, (end, end))
    last = ends[index][1] if index < len(ends) and ends[index][1] <= line_end else line_end
    if CLAUSE_JOIN_RE.search(text, end, last):
        return None
    if _decoration(text, last, line_end):
        # The emoji that close the line go with it, unless the sentence goes on below:
        # "Like si tu aimes\nles crêpes".
        below = VISIBLE_RE.search(text, line_end)
        if not SENTENCE_END_RE.search(text, end, last) and below and below.group().islower():
            return None
        last = line_end
    first = BLANKS_RE.match(text, opening).end()
    while text[last - 1].isspace():
        last -= 1
    before = first  # just after what precedes, blanks excluded
    while before and text[before - 1].isspace():
        before -= 1
    after = BLANKS_RE.match(text, last).end()  # where what follows starts
    starts_line = VISIBLE_RE.search(text, line_start, first) is None
    ends_line = VISIBLE_RE.search(text, last, line_end) is None
    if starts_line and ends_line and before > 0 and after < len(text):
        # A line of its own between two others: its break and the blanks on one side go,
        # the longer break stays ("A\n\nBait\nB" → "A\n\nB").
        keep_before = text.count("\n", before, first) > text.count("\n", last, after)
        span = (first, after) if keep_before else (before, last)
    elif ends_line and before > 0:
        span = (before, last)  # the blanks before it go: "A. Bait!" → "A."
    else:
        span = (first, after)  # the blanks after it go: "Bait! B." → "B."
    if text[span[1]:span[1] + 1].islower():
        return None  # "Fais tourner !! plus ça tourne…": what follows leans on it
    remains = PROSE_WORD_RE.search(text, 0, span[0]) or PROSE_WORD_RE.search(text, span[1])
    return span if remains else None


def removable(draft: Draft, findings: list[Finding]) -> list[Finding]:
    """The findings whose request is a sentence of its own, widened to that sentence (see
    removal_span) with "" as their replacement; the others as they are."""
    widened = []
    for finding in findings:
        span = removal_span(draft, finding.start, finding.end)
        widened.append(finding if span is None else replace(
            finding, start=span[0], end=span[1], replacements=("",)))
    return widened
