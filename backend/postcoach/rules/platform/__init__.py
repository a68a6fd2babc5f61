"""Each network's published limits and display habits, in one place."""

# Characters a network accepts in a post or a comment (LinkedIn's help centre: 3 000 and 1 250).
MAX_LENGTH = {
    ("linkedin", False): 3000,
    ("linkedin", True): 1250,
    ("facebook", False): 63206,
    ("facebook", True): 8000,
}
# Characters shown before the "…see more" / "…voir plus" fold in the feed.
FOLD = {"linkedin": 210, "facebook": 480}
# Length past which a post is skimmed rather than read, in the feed of each network.
COMFORTABLE_LENGTH = {"linkedin": 1300, "facebook": 500}
