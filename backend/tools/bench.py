"""How fast the engine answers (`make bench`): a benchmark that prints a table, not a timed test.

Measures in-process `analyze` latency on French and English brand posts of about 280, 1 300 and
3 000 characters (LinkedIn's maximum), learning a brand profile from 1 000 posts and what checking
against it costs, throughput of the real `postcoach batch` command on one core, and the time from
`import postcoach` to the first result in a fresh interpreter.
`--profile` prints where the time goes on the longest posts.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from postcoach import analyze
from postcoach.brand.profile import Profile, learn
from postcoach.brand.voice import Sample
from postcoach.engine import warm_up

# Sentences of the kind community managers write, good and bad habits mixed, as in the seeds:
# hard sell, prices and urgency, the brand talking about itself, questions, tips and stories.
SENTENCES = {
    "fr": [
        "Notre nouvelle collection d'automne arrive en boutique ce samedi !",
        "Chaque pièce est fabriquée dans notre atelier de Lyon, avec du lin lavé et des "
        "teintures végétales.",
        "Quelle est la tenue que vous portez le plus quand les jours raccourcissent ?",
        "Racontez-nous en commentaire comment vous l'avez adoptée.",
        "Profitez de -20 % sur toute la gamme avec le code AUTOMNE20, jusqu'à dimanche minuit.",
        "Dernière chance : les stocks sont limités !",
        "Nous sommes fiers d'avoir été élus meilleure marque de l'année par nos clients.",
        "Notre équipe a passé six mois à tester ce tissu sur le terrain.",
        "Astuce : lavez vos pièces en lin à 30 °C et séchez-les à plat, elles dureront deux "
        "fois plus longtemps.",
        "Voici comment nous choisissons nos fournisseurs, étape par étape.",
        "Marie, notre couturière, travaille avec nous depuis douze ans ; elle nous raconte ses "
        "débuts dans l'atelier.",
        "Vous avez une question sur les tailles ? Écrivez-nous en message privé, nous répondons "
        "en moins d'une heure.",
        "Commandez dès maintenant sur notre site et recevez votre colis en 48 heures.",
        "Partagez vos photos avec le hashtag de la marque, nous republions nos préférées chaque "
        "vendredi.",
        "Selon une étude récente, 87 % des consommateurs préfèrent les marques engagées.",
        "Merci à toutes celles et ceux qui sont passés nous voir au salon de Nantes.",
        "Nous ouvrons une deuxième boutique à Bordeaux au printemps prochain.",
        "Qu'est-ce qui compte le plus pour vous : le prix, la matière ou l'origine ?",
        "Livraison gratuite dès 50 € d'achat, retours offerts pendant trente jours.",
        "Découvrez les coulisses de notre atelier dans la vidéo ci-dessous.",
        "Le lin demande quatre fois moins d'eau que le coton, et il se cultive en Normandie.",
        "Nos clients nous disent souvent que nos chemises sont les plus confortables du marché.",
        "Inscrivez-vous à notre newsletter pour ne rien manquer de nos nouveautés.",
        "Avez-vous déjà essayé de raccommoder un vêtement vous-même ?",
        "Nous organisons un atelier de réparation gratuit le premier samedi du mois.",
    ],
    "en": [
        "Our new autumn collection lands in store this Saturday!",
        "Every piece is made in our Leeds workshop with washed linen and plant-based dyes.",
        "Which outfit do you reach for most when the days get shorter?",
        "Tell us in the comments how you made it your own.",
        "Get 20% off the whole range with code AUTUMN20, until Sunday midnight.",
        "Last chance: stock is limited!",
        "We are proud to have been voted brand of the year by our customers.",
        "Our team spent six months testing this fabric in the field.",
        "Tip: wash your linen at 30 °C and dry it flat, and it will last twice as long.",
        "Here's how we choose our suppliers, step by step.",
        "Mary, our seamstress, has been with us for twelve years; she tells us about her first "
        "days in the workshop.",
        "Got a question about sizing? Send us a direct message and we reply within the hour.",
        "Shop now on our website and get your parcel within 48 hours.",
        "Share your photos with our hashtag, we repost our favourites every Friday.",
        "According to a recent survey, 87% of shoppers prefer brands that take a stand.",
        "Thank you to everyone who came to see us at the Manchester fair.",
        "We are opening a second shop in Bristol next spring.",
        "What matters most to you: the price, the fabric or where it comes from?",
        "Free shipping on orders over £50, free returns for thirty days.",
        "Take a look behind the scenes of our workshop in the video below.",
        "Linen needs four times less water than cotton, and it grows in Northern France.",
        "Customers often tell us our shirts are the most comfortable on the market.",
        "Sign up to our newsletter so you never miss a new arrival.",
        "Have you ever tried mending a piece of clothing yourself?",
        "We run a free repair workshop on the first Saturday of every month.",
    ],
}
EXTRAS = {
    "fr": ["🍂", "👉 www.atelier-lin.fr/automne", "#mode #lin #fabriquéenfrance", "✨", "🧵"],
    "en": ["🍂", "👉 www.linen-works.co.uk/autumn", "#fashion #linen #madeinbritain", "✨", "🧵"],
}
SIZES = (280, 1300, 3000)
PLATFORMS = ("facebook", "linkedin", "generic")
POSTS_PER_SIZE = 60
REPEATS = 5
BATCH_LINES = 3000
# Targets from the coaching-engine issue.
P99_TARGET_MS = 5.0
THROUGHPUT_TARGET = 1000.0
FIRST_RESULT_TARGET_S = 1.0
# Targets from the brand-profiles issue.
LEARN_POSTS = 1000
LEARN_TARGET_S = 2.0
PROFILE_COST_TARGET = 1.5
PROFILE_SIZES = (280, 1300)
FIRST_RESULT_SCRIPT = """
import sys, time
started = time.perf_counter()
from postcoach import analyze
from postcoach.engine import warm_up
analyze(sys.argv[1])
print(time.perf_counter() - started)
"""


@dataclass
class Row:
    measure: str
    value: str
    target: str
    passed: bool | None


def make_post(language: str, size: int, rng: random.Random) -> str:
    """A post of about `size` characters: paragraphs of shuffled sentences, emoji, link, tags."""
    pool: list[str] = []
    paragraphs, paragraph, length = [], [], 0
    while length < size:
        if not pool:
            pool = SENTENCES[language][:]
            rng.shuffle(pool)
        sentence = pool.pop()
        if rng.random() < 0.25:
            sentence += " " + rng.choice(EXTRAS[language])
        paragraph.append(sentence)
        length += len(sentence) + 1
        if len(paragraph) >= rng.randint(2, 4):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    post = "\n\n".join(paragraphs)
    # Past the size, cut after the last full sentence, or at a word when that is all there is.
    limit = int(size * 1.1)
    if len(post) > limit:
        cut = max(post.rfind(end, 0, limit) for end in (". ", "! ", "? "))
        post = post[: cut + 1] if cut > size * 0.8 else post[: post.rfind(" ", 0, limit)]
    return post


def corpus(size: int, count: int, seed: int) -> list[tuple[str, str]]:
    """(platform, text) pairs, half French and half English."""
    rng = random.Random(seed)
    return [
        (PLATFORMS[index % len(PLATFORMS)], make_post(("fr", "en")[index % 2], size, rng))
        for index in range(count)
    ]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def latency_rows() -> list[Row]:
    """Wall-clock p50/p99 per size, and p99 of CPU time (the target), which waits cannot inflate.
    The engine is warmed up as the server warms it (loaded data frozen out of the garbage
    collector's sight)."""
    warm_up()
    rows = []
    for size in SIZES:
        posts = corpus(size, POSTS_PER_SIZE, seed=size)
        for platform, text in posts:  # the first call of each post pays for lazy loading
            analyze(text, platform=platform)
        wall, cpu = [], []
        for _ in range(REPEATS):
            for platform, text in posts:
                started, started_cpu = time.perf_counter(), time.thread_time()
                analyze(text, platform=platform)
                cpu.append(1000 * (time.thread_time() - started_cpu))
                wall.append(1000 * (time.perf_counter() - started))
        chars = f"~{statistics.mean(len(text) for _, text in posts):.0f} chars"
        # The target is on CPU time, as the issue states it: what the engine costs, which a
        # busy neighbour's waits do not stretch the way they stretch wall time.
        cpu_p99 = percentile(cpu, 0.99)
        is_longest = size == SIZES[-1]
        rows += [
            Row(f"analyze p50, {chars}", f"{percentile(wall, 0.50):.2f} ms", "—", None),
            Row(f"analyze p99, {chars}", f"{percentile(wall, 0.99):.2f} ms", "—", None),
            Row("  p99 of CPU time", f"{cpu_p99:.2f} ms",
                f"≤ {P99_TARGET_MS:g} ms" if is_longest else "—",
                cpu_p99 <= P99_TARGET_MS if is_longest else None),
        ]
    return rows


def _learning_samples(count: int, seed: int) -> list[Sample]:
    """A brand's history: French and English posts of every size, on every platform."""
    rng = random.Random(seed)
    return [
        Sample(make_post(("fr", "en")[index % 2], SIZES[index % len(SIZES)], rng),
               PLATFORMS[index % len(PLATFORMS)])
        for index in range(count)
    ]


def profile_rows() -> list[Row]:
    """Learning a profile from a brand's posts, and checking drafts with it against without.

    The comparison times the same drafts both ways, alternating which goes first, in CPU time
    so that busy neighbours weigh on neither side.
    """
    samples = _learning_samples(LEARN_POSTS, seed=LEARN_POSTS)
    learn("warm-up", samples[:10])  # lazy loading is paid by the first result, measured below
    walls, cpus = [], []
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.thread_time()
        profile = learn("bench", samples)
        cpus.append(time.thread_time() - started_cpu)
        walls.append(time.perf_counter() - started)
    wall = statistics.median(walls)
    rows = [
        Row(f"learn a profile from {len(samples)} posts, mixed sizes", f"{wall:.2f} s",
            f"< {LEARN_TARGET_S:g} s", wall < LEARN_TARGET_S),
        Row("  CPU time", f"{statistics.median(cpus):.2f} s", "—", None),
    ]
    for size in PROFILE_SIZES:
        posts = corpus(size, POSTS_PER_SIZE, seed=size)
        for platform, text in posts:
            analyze(text, platform=platform, profile=profile)
        without: list[float] = []
        with_profile: list[float] = []
        sides: list[tuple[Profile | None, list[float]]] = [(None, without), (profile, with_profile)]
        for repeat in range(REPEATS):
            for platform, text in posts:
                for chosen, timings in sides if repeat % 2 == 0 else sides[::-1]:
                    started_cpu = time.thread_time()
                    analyze(text, platform=platform, profile=chosen)
                    timings.append(1000 * (time.thread_time() - started_cpu))
        ratio = statistics.mean(with_profile) / statistics.mean(without)
        chars = f"~{statistics.mean(len(text) for _, text in posts):.0f} chars"
        rows += [
            Row(f"analyze CPU p50, {chars}, no profile", f"{percentile(without, 0.50):.2f} ms",
                "—", None),
            Row("  with the learned profile", f"{percentile(with_profile, 0.50):.2f} ms",
                "—", None),
            Row(f"analyze CPU p99, {chars}, no profile", f"{percentile(without, 0.99):.2f} ms",
                "—", None),
            Row("  with the learned profile", f"{percentile(with_profile, 0.99):.2f} ms",
                "—", None),
            Row("  with / without, ratio of means", f"{ratio:.2f}×",
                f"≤ {PROFILE_COST_TARGET:g}×", ratio <= PROFILE_COST_TARGET),
        ]
    return rows


def _postcoach_command() -> list[str]:
    script = Path(sys.executable).with_name("postcoach")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "postcoach"]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    return command


def _batch_lines(sizes: tuple[int, ...], count: int) -> list[str]:
    per_size = count // len(sizes)
    lines = [
        json.dumps({"id": f"{size}-{index}", "text": text, "platform": platform},
                   ensure_ascii=False)
        for size in sizes
        for index, (platform, text) in enumerate(corpus(size, per_size, seed=size + 1))
    ]
    random.Random(0).shuffle(lines)
    return lines


def _run_batch(lines: list[str]) -> float:
    """Seconds for `postcoach batch` to answer every line, pinned to one core."""
    with tempfile.TemporaryDirectory() as home:
        environment = {**os.environ, "POSTCOACH_HOME": home}
        started = time.perf_counter()
        done = subprocess.run(
            [*_postcoach_command(), "batch"], input="\n".join(lines) + "\n",
            capture_output=True, text=True, env=environment, check=True,
        )
        elapsed = time.perf_counter() - started
    results = [json.loads(line) for line in done.stdout.splitlines()]
    failed = [r for r in results if "error" in r]
    if len(results) != len(lines) or failed:
        raise SystemExit(f"bench: batch returned {len(results)} results, {len(failed)} errors")
    return elapsed


def batch_rows() -> list[Row]:
    """Posts per second through `postcoach batch`: steady rate, and with start-up included.

    The steady rate leaves out what one line costs on its own (interpreter, imports,
    dictionaries), which the import-to-first-result rows measure.
    """
    core = ", core 0" if shutil.which("taskset") else ""
    start_up = _run_batch(_batch_lines(SIZES[:1], len(SIZES))[:1])
    rows = []
    for sizes, label in ((SIZES[:1], f"~{SIZES[0]} chars"), (SIZES, "mixed sizes")):
        lines = _batch_lines(sizes, BATCH_LINES)
        elapsed = _run_batch(lines)
        steady = (len(lines) - 1) / max(elapsed - start_up, 1e-9)
        typical = len(sizes) == 1  # a typical post is short; the target is set for those
        rows.append(Row(
            f"batch, {len(lines)} posts of {label}{core}", f"{steady:.0f} posts/s",
            f"≥ {THROUGHPUT_TARGET:g}/s" if typical else "—",
            steady >= THROUGHPUT_TARGET if typical else None,
        ))
        rows.append(Row("  start-up included", f"{len(lines) / elapsed:.0f} posts/s", "—", None))
    return rows


def first_result_rows() -> list[Row]:
    """A fresh interpreter each time, so nothing is cached: import, load, analyze one post."""
    rows = []
    for language in ("fr", "en"):
        text = make_post(language, 280, random.Random(7))
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", FIRST_RESULT_SCRIPT, text],
                              capture_output=True, text=True, check=True)
        wall = time.perf_counter() - started
        seconds = float(done.stdout.strip())
        rows.append(Row(f"import → first result ({language})", f"{seconds:.2f} s",
                        f"≤ {FIRST_RESULT_TARGET_S:g} s", seconds <= FIRST_RESULT_TARGET_S))
        rows.append(Row("  whole process, interpreter start-up included", f"{wall:.2f} s",
                        "—", None))
    return rows


def render(rows: list[Row]) -> str:
    width = max(len(row.measure) for row in rows)
    header = f"{'measure':<{width}}  {'value':>13}  {'target':>9}  result"
    lines = [header, "-" * len(header)]
    for row in rows:
        verdict = "info" if row.passed is None else "PASS" if row.passed else "FAIL"
        lines.append(f"{row.measure:<{width}}  {row.value:>13}  {row.target:>9}  {verdict}")
    return "\n".join(lines)


def profile() -> None:
    posts = corpus(SIZES[-1], POSTS_PER_SIZE, seed=SIZES[-1])
    for platform, text in posts:
        analyze(text, platform=platform)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(REPEATS):
        for platform, text in posts:
            analyze(text, platform=platform)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true",
                        help="profile analyze on the longest posts instead of benchmarking")
    args = parser.parse_args(argv)
    if args.profile:
        profile()
        return 0
    rows = [*latency_rows(), *profile_rows(), *batch_rows(), *first_result_rows()]
    print(render(rows))
    # Timings on a shared machine are only as good as the idle cores behind them.
    load = os.getloadavg()[0]
    print(f"(load average {load:.1f} on {os.cpu_count()} cores at the end of the run)")
    return 0 if all(row.passed is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
