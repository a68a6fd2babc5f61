"""A brand's own posts, shared by the brand-profile tests and the settings screenshot."""

from __future__ import annotations

from urllib.parse import quote

from extension_harness import Backend

BRAND = "Maison Lumière"
# Twenty posts of a lighting workshop that always says "vous".
VOUS_POSTS = [
    "Bonjour à tous, nous vous présentons aujourd'hui notre nouvelle lampe de chevet en laiton, "
    "fabriquée dans notre atelier de Lyon.",
    "Vous nous demandez souvent comment entretenir un abat-jour en lin : un chiffon sec et doux "
    "suffit, une fois par mois.",
    "Cette semaine, notre équipe vous ouvre les portes de l'atelier. Vous découvrirez chaque "
    "étape de fabrication de nos luminaires.",
    "Quelle lumière préférez-vous pour lire le soir : chaude ou plus neutre ? Partagez votre "
    "expérience en commentaire.",
    "Nous avons le plaisir de vous annoncer l'ouverture de notre boutique à Bordeaux, au 12 rue "
    "Sainte-Catherine.",
    "Un conseil pour votre salon : multipliez les sources de lumière à différentes hauteurs "
    "plutôt qu'un seul plafonnier.",
    "Merci pour vos nombreux messages après notre dernière collection. Vos retours nous aident "
    "à progresser.",
    "Saviez-vous que nos ampoules à filament consomment huit fois moins qu'une ampoule "
    "classique ? Votre facture vous remerciera.",
    "Nous vous souhaitons une excellente fin de semaine, à la lumière douce d'une bougie ou "
    "d'une de nos lampes.",
    "Vous cherchez une idée de cadeau ? Nos suspensions en verre soufflé sont désormais "
    "disponibles en trois coloris.",
    "Notre artisan Paul vous explique en vidéo comment il façonne le pied de la lampe Sérénité, "
    "pièce par pièce.",
    "Comment éclairez-vous votre bureau à la maison ? Nous serions ravis de découvrir vos "
    "installations.",
    "Pour les fêtes, nos ateliers restent ouverts le samedi. Vous y serez accueillis avec un café.",
    "Nous vous remercions d'avoir été si nombreux à notre atelier portes ouvertes. Rendez-vous "
    "au printemps.",
    "Une lampe bien placée change une pièce. Voici trois erreurs fréquentes que nous vous "
    "aidons à éviter.",
    "Vos photos nous font toujours plaisir : montrez-nous où vous avez installé votre lampe "
    "Horizon.",
    "Nos abat-jour sont cousus à la main par Claire, dans notre atelier. Découvrez son "
    "savoir-faire en images.",
    "Nous vous proposons désormais la réparation de vos anciens luminaires, quelle que soit "
    "leur marque.",
    "Quel est le luminaire de votre enfance dont vous vous souvenez le mieux ? Racontez-nous "
    "son histoire.",
    "Bonne rentrée à vous tous. Nous vous partageons nos conseils pour un coin lecture "
    "confortable cet automne.",
]
TU_DRAFT = (
    "Salut ! Tu cherches une lampe sympa pour ton salon ? Viens voir notre nouvelle collection, "
    "tu vas adorer."
)


def delete_all_profiles(backend: Backend) -> None:
    status, listing = backend.api("GET", "/v1/profiles")
    assert status == 200, listing
    for profile in listing["profiles"]:
        backend.api("DELETE", f"/v1/profiles/{quote(profile['name'], safe='')}")
