"""A brand's history as the networks would export it, made up but shaped like the real thing:
Facebook JSON (with its mojibake), the Meta Business Suite CSV with figures, LinkedIn's
Shares.csv, and Facebook comments (replies). Used by the report's browser test, its screenshot
and `make bench` (50 000 posts)."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import datetime, timedelta, timezone

SALESY = ["Profitez-en vite : -30 % sur toute la collection, commandez maintenant !",
          "Dernière chance ! Livraison offerte jusqu'à dimanche, achetez sur notre site."]
BAIT = ["Like si tu aimes, partage à tes amis !", "Tague un ami qui en a besoin 👇"]
INVITING = ["Et vous, comment faites-vous ? Racontez-nous en commentaire.",
            "Quelle est votre astuce préférée ? Partagez-la, nous en ferons un guide."]
DIVA = ["Nous sommes fiers de notre équipe, de nos valeurs et de notre savoir-faire.",
        "Notre entreprise a encore remporté un prix : bravo à nous !"]
USEFUL = ["Astuce du jour : huilez le bois une fois par an, il durera deux fois plus longtemps.",
          "Comment choisir une lampe : regardez la température de couleur avant la puissance."]
CASUAL = ["😍", "!", " 🔥", " 😊"]
# Words a craft brand writes with, so that the texts differ as real posts do.
VOCABULARY = """
atelier lampe bois chêne noyer lin coton laine verre laiton cuivre abat-jour pied ampoule lumière
salon cuisine chambre bureau entrée terrasse jardin fenêtre table chaise étagère miroir tapis
artisan apprenti couturière menuisier tourneur vernisseur équipe client cliente voisin famille
printemps été automne hiver matin soir week-end semaine saison fête marché salon foire boutique
Lyon Nantes Bordeaux Lille Rennes Annecy Normandie Bretagne Provence Alsace Jura Vosges Savoie
fabriquer poncer tourner vernir coudre assembler réparer restaurer choisir tester livrer montrer
raconter expliquer apprendre partager découvrir visiter essayer comparer entretenir protéger
doux chaud clair sombre naturel brut patiné ciré huilé recyclé local durable solide léger ancien
histoire secret geste outil méthode étape conseil question réponse idée souvenir projet atelier
couleur forme taille poids finition texture motif nuance reflet ombre grain fil nœud trame
""".split()  # noqa: SIM905 (a paragraph reads better than a list)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(VOCABULARY, k=count))


def _text(rng: random.Random, network: str) -> tuple[str, str]:
    kind = rng.choices(["salesy", "bait", "inviting", "diva", "useful"],
                       weights=[3, 1, 3, 2, 3] if network == "facebook" else [2, 0, 3, 3, 4])[0]
    pool = {"salesy": SALESY, "bait": BAIT, "inviting": INVITING, "diva": DIVA,
            "useful": USEFUL}[kind]
    # A brand repeats its formulas, but most of each post is its own.
    opening = rng.choice(pool) if rng.random() < 0.4 else _words(rng, 6).capitalize() + \
        {"salesy": " : -20 % ce week-end, commandez vite !", "bait": ", like si tu aimes !",
         "inviting": " : et vous, qu'en pensez-vous ?", "diva": " : nous sommes fiers de notre "
         "équipe.", "useful": " : voici notre astuce."}[kind]
    text = f"{opening} {_words(rng, rng.randint(10, 22)).capitalize()}."
    if network == "facebook" and rng.random() < 0.6:
        text += rng.choice(CASUAL)
    return kind, text


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def demo_exports(posts: int, *, seed: int = 7, end: datetime | None = None,
                 days: int = 365) -> dict[str, bytes]:
    """About `posts` posts and replies over `days` days ending at `end`, as export files."""
    rng = random.Random(seed)
    end = end or datetime.now(timezone.utc).replace(microsecond=0)
    start = end - timedelta(days=days)
    facebook, comments, shares, figures = [], [], [], []
    for _ in range(posts):
        network = rng.choices(["facebook", "linkedin", "reply"], weights=[50, 40, 10])[0]
        # LinkedIn goes quiet for weeks at a time: « pas de constance ».
        offset = rng.random() * days
        if network == "linkedin" and int(offset / 30) % 3 == 2:
            offset = max(0.0, offset - 30)
        moment = start + timedelta(days=offset)
        if network == "reply":
            text = rng.choice([
                "Vous auriez dû lire la notice avant de vous plaindre.",
                "Désolés pour ce retard ! Écrivez-nous en message privé avec votre numéro de "
                "commande, nous réglons cela aujourd'hui.",
                "Merci pour votre retour, nous transmettons à l'atelier.",
            ]) + " " + _words(rng, 3)
            comments.append({"timestamp": int(moment.timestamp()), "data": [{"comment": {
                "timestamp": int(moment.timestamp()), "comment": _mojibake(text),
                "author": "Atelier Lumen"}}], "title": "Atelier Lumen a répondu."})
            continue
        kind, text = _text(rng, network)
        if network == "facebook":
            facebook.append({"timestamp": int(moment.timestamp()),
                             "data": [{"post": _mojibake(text)}]})
            # The page's own figures: conversation follows the invitation, not the sale.
            base = {"inviting": 9, "useful": 5, "diva": 2, "salesy": 1, "bait": 3}[kind]
            figures.append((text, moment, rng.randint(0, base * 2), rng.randint(5, 80),
                            rng.randint(0, 6), rng.randint(300, 5000)))
            if rng.random() < 0.04:  # the same text on LinkedIn a few days later
                later = moment + timedelta(days=rng.randint(0, 4), hours=rng.randint(0, 20))
                shares.append((later, text))
        else:
            shares.append((moment, text))
    return {
        "your_posts_1.json": json.dumps(facebook, ensure_ascii=True).encode(),
        "comments.json": json.dumps({"comments_v2": comments}, ensure_ascii=True).encode(),
        "Shares.csv": _shares_csv(shares),
        "meta_business_suite_posts.csv": _meta_csv(figures),
    }


def _shares_csv(shares: list[tuple[datetime, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl",
                     "Visibility"])
    for number, (moment, text) in enumerate(shares):
        writer.writerow([moment.strftime("%Y-%m-%d %H:%M:%S"),
                         f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{number}",
                         text, "", "", "MEMBER_NETWORK"])
    return out.getvalue().encode("utf-8")


def _meta_csv(rows: list[tuple]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Post ID", "Page name", "Description", "Publish time", "Permalink",
                     "Impressions", "Reactions", "Comments", "Shares"])
    for number, (text, moment, comments, reactions, shares, impressions) in enumerate(rows):
        writer.writerow([f"1122_{number}", "Atelier Lumen", text,
                         moment.strftime("%m/%d/%Y %H:%M"),
                         f"https://www.facebook.com/1122/posts/{number}", impressions,
                         reactions, comments, shares])
    return out.getvalue().encode("utf-8-sig")
