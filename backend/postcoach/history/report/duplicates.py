"""The same post on several networks: MinHash LSH (datasketch) over the word 3-shingles of
platform.cross_post finds the candidate pairs among tens of thousands of posts; the exact
resemblance of the shingles confirms them, so the report and the composer's hint agree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from postcoach.history.model import parse_iso
from postcoach.rules.platform.cross_post import NEAR_DUPLICATE, resemblance, shingles

if TYPE_CHECKING:
    from datasketch import MinHash

PERMUTATIONS = 64
MAX_PAIRS = 200


def near_duplicates(posts: list[dict]) -> tuple[int, list[dict]]:
    """Pairs of posts (not replies) on different networks that are near-duplicates, the most
    alike first: the number found, and up to MAX_PAIRS of them. One network's posts go into the
    LSH index and the other's are looked up in it, so no pair within a network is examined."""
    by_network: dict[str, list[tuple[dict, frozenset[str]]]] = {}
    for post in posts:
        shape = shingles(post["text"])
        if shape:
            by_network.setdefault(post["network"], []).append((post, shape))
    if len(by_network) < 2:
        return 0, []
    # datasketch brings NumPy and SciPy (40 MB, a second of start-up): loaded for a report,
    # never for the drafts a server checks.
    from datasketch import MinHashLSH

    indexed, looked_up = sorted(by_network.values(), key=len)[:2]
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=PERMUTATIONS)
    with lsh.insertion_session() as session:
        for index, minhash in enumerate(_minhashes(indexed)):
            session.insert(index, minhash, check_duplication=False)
    pairs = []
    for (post, shape), minhash in zip(looked_up, _minhashes(looked_up), strict=True):
        for index in lsh.query(minhash):
            twin, twin_shape = indexed[index]
            score = resemblance(shape, twin_shape)
            if score >= NEAR_DUPLICATE:
                first, second = sorted((post, twin), key=lambda p: p["published_at"])
                pairs.append({"similarity": round(score, 2), "first": _brief(first),
                              "second": _brief(second), "days_apart": _days(first, second)})
    pairs.sort(key=lambda p: (-p["similarity"], p["first"]["published_at"]))
    return len(pairs), pairs[:MAX_PAIRS]


def _minhashes(items: list[tuple[dict, frozenset[str]]]) -> list[MinHash]:
    from datasketch import MinHash

    return MinHash.bulk([[s.encode("utf-8") for s in shape] for _, shape in items],
                        num_perm=PERMUTATIONS)


def _brief(post: dict) -> dict:
    return {"network": post["network"], "published_at": post["published_at"],
            "text": post["text"][:280], "url": post.get("url")}


def _days(first: dict, second: dict) -> int:
    return (parse_iso(second["published_at"]) - parse_iso(first["published_at"])).days
