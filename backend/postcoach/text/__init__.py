"""Text analysis: the draft, its tokens and lemmas, language, readability, tone, lexicons and
patterns. Knows nothing of rules, scores or brands."""
