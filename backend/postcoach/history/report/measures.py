"""What the history says, as numbers: cadence, the mix of posts over time, the same post on
several networks, the voice per network, replies in conflict, and what the brand's own figures
say — with the counts behind every share, and no claim where the data is too thin."""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise

from postcoach import __version__
from postcoach.history.model import NETWORKS
from postcoach.history.report.duplicates import near_duplicates

REPORT_VERSION = 1
# A band's average is shown with its interval from this many posts with figures on; a
# comparison between bands is made only when both have that many.
MIN_PER_BAND = 10
# The best and worst posts are named only when this many posts have figures.
MIN_FOR_RANKING = 10
RANKED = 5
BANDS = (("low", 0, 33), ("middle", 34, 66), ("high", 67, 100))
SALESY, INVITING = 67, 60


def _week(published_at: str) -> date:
    day = date.fromisoformat(published_at[:10])
    return day - timedelta(days=day.weekday())


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _rules(post: dict) -> set[str]:
    return {hint["rule"] for hint in post["analysis"]["hints"]}


def _families(post: dict) -> set[str]:
    return {hint["family"] for hint in post["analysis"]["hints"]}


def cadence(posts: list[dict]) -> dict:
    if not posts:
        return {"weeks": [], "per_network": {}, "networks": {}}
    first, last = _week(posts[0]["published_at"]), _week(posts[-1]["published_at"])
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    index = {week: i for i, week in enumerate(weeks)}
    per_network = {network: [0] * len(weeks) for network in NETWORKS}
    days = defaultdict(list)
    for post in posts:
        per_network[post["network"]][index[_week(post["published_at"])]] += 1
        days[post["network"]].append(date.fromisoformat(post["published_at"][:10]))
    summary = {}
    for network in NETWORKS:
        dates = days[network]
        if not dates:
            continue
        counts = per_network[network][index[_week(dates[0].isoformat())]:
                                      index[_week(dates[-1].isoformat())] + 1]
        mean = statistics.fmean(counts)
        spread = statistics.pstdev(counts) / mean if len(counts) > 1 and mean else 0.0
        gap, gap_from = max((((b - a).days, a) for a, b in pairwise(dates)),
                            default=(0, dates[0]))
        summary[network] = {
            "posts": len(dates),
            "weeks": len(counts),
            "per_week": round(mean, 2),
            "empty_weeks": sum(1 for c in counts if c == 0),
            "variation": round(spread, 2),
            "regularity": "regular" if spread < 0.5 else "uneven" if spread < 1 else "irregular",
            "longest_gap_days": gap,
            "longest_gap_from": gap_from.isoformat(),
        }
    return {"weeks": [w.isoformat() for w in weeks],
            "per_network": {n: c for n, c in per_network.items() if n in summary},
            "networks": summary}


def mix(posts: list[dict]) -> dict:
    months: dict[str, Counter] = defaultdict(Counter)
    for post in posts:
        month, rules = post["published_at"][:7], _rules(post)
        counts = months[month]
        counts["posts"] += 1
        counts["salesy"] += post["analysis"]["salesiness"] >= SALESY
        counts["bait"] += "engagement_bait" in _families(post)
        counts["invitation"] += post["analysis"]["interaction"] >= INVITING
        counts["diva"] += "salesiness.diva" in rules
    ordered = sorted(months)
    kinds = ("salesy", "bait", "invitation", "diva")
    total = Counter()
    for counts in months.values():
        total.update(counts)
    return {
        "months": ordered,
        "posts": [months[m]["posts"] for m in ordered],
        **{kind: [_share(months[m][kind], months[m]["posts"]) for m in ordered]
           for kind in kinds},
        "overall": {kind: {"count": total[kind], "share": _share(total[kind], total["posts"])}
                    for kind in kinds},
    }


def voice(posts: list[dict]) -> dict:
    found = {}
    for network in NETWORKS:
        mine = [p["analysis"] for p in posts if p["network"] == network]
        if not mine:
            continue
        french = [a for a in mine if a["language"] == "fr"]
        forms = Counter(a["address_form"] for a in french)
        addressed = forms["tu"] + forms["vous"] + forms["mixed"]
        found[network] = {
            "posts": len(mine),
            "french_posts": len(french),
            "addressed_posts": addressed,
            "tu": _share(forms["tu"], addressed),
            "vous": _share(forms["vous"], addressed),
            "mixed": _share(forms["mixed"], addressed),
            "formality": round(statistics.fmean(a["formality"] for a in mine), 1),
            "emoji": round(statistics.fmean(a["emoji"] for a in mine), 2),
            "exclamations": round(statistics.fmean(a["exclamations"] for a in mine), 2),
            "with_emoji": _share(sum(1 for a in mine if a["emoji"]), len(mine)),
            "with_exclamation": _share(sum(1 for a in mine if a["exclamations"]), len(mine)),
        }
    return found


def replies(answers: list[dict]) -> dict:
    months: dict[str, Counter] = defaultdict(Counter)
    for reply in answers:
        counts = months[reply["published_at"][:7]]
        counts["replies"] += 1
        counts["conflict"] += "conflict" in _families(reply)
    ordered = sorted(months)
    conflict = sum(c["conflict"] for c in months.values())
    return {"months": ordered, "replies": [months[m]["replies"] for m in ordered],
            "conflict": [_share(months[m]["conflict"], months[m]["replies"]) for m in ordered],
            "total": len(answers), "with_conflict": conflict,
            "share": _share(conflict, len(answers))}


def _mean_interval(values: list[int]) -> dict:
    """The mean and an approximate 95 % interval (normal approximation), when there are
    enough values to say anything; counts are skewed, so the interval is a guide."""
    n = len(values)
    if n == 0:
        return {"mean": None, "low": None, "high": None}
    mean = statistics.fmean(values)
    if n < MIN_PER_BAND:
        return {"mean": round(mean, 1), "low": None, "high": None}
    margin = 1.96 * statistics.stdev(values) / math.sqrt(n)
    return {"mean": round(mean, 1), "low": round(max(0.0, mean - margin), 1),
            "high": round(mean + margin, 1)}


def _bands(posts: list[dict], score: str) -> list[dict]:
    found = []
    for band, low, high in BANDS:
        mine = [p for p in posts if low <= p["analysis"][score] <= high]
        found.append({
            "band": band, "from": low, "to": high, "posts": len(mine),
            "enough": len(mine) >= MIN_PER_BAND,
            **{figure: _mean_interval([p["figures"][figure] for p in mine
                                       if p["figures"][figure] is not None])
               for figure in ("comments", "reactions")},
        })
    return found


def _verdict(bands: list[dict], figure: str) -> str:
    """Whether the low and high bands differ beyond their intervals: "low_more", "high_more",
    "no_clear_difference", or "too_thin" when either band has too few posts."""
    low, high = bands[0], bands[-1]
    if not (low["enough"] and high["enough"]) or low[figure]["low"] is None \
            or high[figure]["low"] is None:
        return "too_thin"
    if low[figure]["low"] > high[figure]["high"]:
        return "low_more"
    if high[figure]["low"] > low[figure]["high"]:
        return "high_more"
    return "no_clear_difference"


def _ranked(post: dict) -> dict:
    return {"network": post["network"], "published_at": post["published_at"],
            "text": post["text"][:400], "url": post["url"], "figures": post["figures"],
            "scores": {k: post["analysis"][k] for k in ("salesiness", "interaction", "tone")},
            "hints": post["analysis"]["hints"][:6]}


def figures(posts: list[dict]) -> dict:
    known = [p for p in posts if p["figures"]["comments"] is not None
             or p["figures"]["reactions"] is not None]
    by_salesiness, by_interaction = _bands(known, "salesiness"), _bands(known, "interaction")
    ranked = sorted(known, key=lambda p: (p["figures"]["comments"] or 0,
                                          p["figures"]["reactions"] or 0))
    enough = len(known) >= MIN_FOR_RANKING
    return {
        "posts_with_figures": len(known),
        "min_per_band": MIN_PER_BAND,
        "min_for_ranking": MIN_FOR_RANKING,
        "by_salesiness": by_salesiness,
        "by_interaction": by_interaction,
        "verdicts": {
            "salesiness_comments": _verdict(by_salesiness, "comments"),
            "salesiness_reactions": _verdict(by_salesiness, "reactions"),
            "interaction_comments": _verdict(by_interaction, "comments"),
            "interaction_reactions": _verdict(by_interaction, "reactions"),
        },
        "best": [_ranked(p) for p in reversed(ranked[-RANKED:])] if enough else [],
        "worst": [_ranked(p) for p in ranked[:RANKED]] if enough else [],
    }


def build(rows: Iterable[dict], *, since: datetime | None = None,
          until: datetime | None = None, brand: str | None = None,
          now: datetime | None = None) -> dict:
    """The whole report's numbers from the history's rows (oldest first)."""
    everything = list(rows)
    posts = [r for r in everything if not r["reply"]]
    answers = [r for r in everything if r["reply"]]
    count, pairs = near_duplicates(posts)
    dates = [r["published_at"] for r in everything]
    return {
        "report": REPORT_VERSION,
        "postcoach": __version__,
        "generated_at": (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "filters": {"since": since.date().isoformat() if since else None,
                    "until": until.date().isoformat() if until else None, "brand": brand},
        "totals": {
            "posts": len(posts), "replies": len(answers),
            "networks": {n: sum(1 for r in everything if r["network"] == n) for n in NETWORKS},
            "first": min(dates) if dates else None, "last": max(dates) if dates else None,
        },
        "cadence": cadence(posts),
        "mix": mix(posts),
        "duplicates": {"count": count, "pairs": pairs},
        "voice": voice(posts),
        "replies": replies(answers),
        "figures": figures(posts),
    }
