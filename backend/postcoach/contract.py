"""The vocabularies of the result JSON and the API (ARCHITECTURE.md): one list of each."""

FAMILIES = (
    "salesiness",
    "engagement_bait",
    "interaction",
    "tone",
    "credibility",
    "conflict",
    "platform",
)
LEVELS = ("suggestion", "warning", "error")
PLATFORMS = ("generic", "facebook", "linkedin")
LANGUAGES = ("fr", "en")
SCORES = ("salesiness", "interaction_value", "tone_consistency")

# The server listens on 127.0.0.1 at this port unless told otherwise.
DEFAULT_PORT = 8731
