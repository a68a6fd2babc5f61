"""The same post on several networks: MinHash LSH (datasketch) over the word 3-shingles of
platform.cross_post finds the candidate pairs among tens of thousands of posts; the exact
resemblance of the shingles confirms them, so the report and the composer's hint agree."""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from postcoach.history.model import parse_iso
from postcoach.rules.platform.cross_post import NEAR_DUPLICATE, resemblance, shingles

PERMUTATIONS = 64
MAX_PAIRS = 200


def near_duplicates(posts: list[dict]) -> tuple[int, list[dict]]:
    """Pairs of posts (not replies) on different networks that are near-duplicates, the most
    alike first: the number found, and up to MAX_PAIRS of them."""
    sets = [(post, shingles(post["text"])) for post in posts]
    sets = [(post, shape) for post, shape in sets if shape]
    if len({post["network"] for post, _ in sets}) < 2:
        return 0, []
    hashes = MinHash.bulk([[s.encode("utf-8") for s in shape] for _, shape in sets],
                          num_perm=PERMUTATIONS)
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=PERMUTATIONS)
    with lsh.insertion_session() as session:
        for index, minhash in enumerate(hashes):
            session.insert(index, minhash, check_duplication=False)
    pairs = []
    for index, minhash in enumerate(hashes):
        post, shape = sets[index]
        for other in lsh.query(minhash):
            if other <= index:
                continue
            twin, twin_shape = sets[other]
            if twin["network"] == post["network"]:
                continue
            score = resemblance(shape, twin_shape)
            if score >= NEAR_DUPLICATE:
                first, second = sorted((post, twin), key=lambda p: p["published_at"])
                pairs.append({"similarity": round(score, 2), "first": _brief(first),
                              "second": _brief(second), "days_apart": _days(first, second)})
    pairs.sort(key=lambda p: (-p["similarity"], p["first"]["published_at"]))
    return len(pairs), pairs[:MAX_PAIRS]


def _brief(post: dict) -> dict:
    return {"network": post["network"], "published_at": post["published_at"],
            "text": post["text"][:280], "url": post.get("url")}


def _days(first: dict, second: dict) -> int:
    return (parse_iso(second["published_at"]) - parse_iso(first["published_at"])).days
