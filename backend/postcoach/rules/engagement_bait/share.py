import re

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.engagement_bait import PATTERNS, passed_on, requests, unnamed_bait
from postcoach.rules.matching import removable

# Shares counted or priced: "every share = $1 donated", "1 share = 1 meal", « chaque partage »,
# "500 shares", unless what they count is the one looked for being found (« chaque partage peut
# aider à la retrouver », "every share helps bring him home").
COUNTED_SHARES_RE = re.compile(r"\b(?:every|each|per|one|chaque|par|\d+\s*k?)\s+"
                               r"(?:share|repost|partage)s?\b(?![^.!?\n]{0,30}?\b(?:aider?\s+à\s+"
                               r"(?:le|la|les|l['’])\s*retrouver|helps?\s+(?:to\s+)?(?:find|bring)"
                               r"\s+(?:him|her|them)\b))")
# An audience told by its circumstance: "anyone who may be travelling", « ceux qui habitent ».
CONCERNED_RE = re.compile(
    r"\b(?:anyone|everyone|friends|neighbou?rs|people|those|quiconque|ceux|celles|proches"
    r"|voisins|personnes)\s+(?:(?:who|that|qui)\s+(?:(?:are|were|is)\s+\w+ing\b|may|might|"
    r"will|live|lives|rent|rents|travel|travels|own|owns|have|has|use|uses|habitent|vivent|"
    r"louent|voyagent|ont(?!\s+besoin)|utilisent|pourraient|seront|prennent|possèdent)|\w+ing\b)")


def check(draft, context) -> list[Finding]:
    # Paying for the shares is bait whatever the cause ("Every share = $1 donated").
    if passed_on(draft) and not COUNTED_SHARES_RE.search(draft.folded):
        return []
    # A notice shared to the people it concerns ("share with anyone who may be travelling
    # tonight", « partagez à ceux qui habitent le quartier ») informs; "share with a friend who
    # needs this" (« à vos proches qui ont besoin de se détendre ») or "who is always late"
    # courts reach.
    concerned = [finding for finding in requests(draft, "bait_share")
                 if not CONCERNED_RE.search(draft.folded, finding.start, finding.end + 60)]
    return removable(draft, concerned) or unnamed_bait(draft, context, "share")


RULE = Rule(
    id="engagement_bait.share",
    family="engagement_bait",
    level="warning",
    message={
        "fr": "« {word} » : demander le partage, c'est de l'appât à partages.",
        "en": "“{word}”: asking for shares is share baiting.",
    },
    suggestion={
        "fr": "Publiez quelque chose qu'on a envie de transmettre (utile, drôle, surprenant) : "
        "le partage viendra sans consigne.",
        "en": "Post something worth passing on (useful, funny, surprising): people share it "
        "without being told.",
    },
    source="002 — « un “super film tv” … que vous allez “partager” » ; Meta, engagement bait",
    check=check,
    patterns=PATTERNS,
    outranks=("engagement_bait.react", "engagement_bait.tag"),
    bad=(
        # Shares counted, however many.
        bad("Pour la banque alimentaire : [[1 partage =]] 1 repas offert cet hiver.", "fr"),
        bad("[[Partagez si]] vous êtes d'accord !", "fr"),
        bad("Our summer menu is live.[[ #shareifyouagree]]", "en",
            fixed="Our summer menu is live."),
        bad("[[Envoie ce message à 5 amies]] avant minuit 💌", "fr"),
        bad("Notre nouvelle vidéo est en ligne, [[faites tourner]] !", "fr"),
        bad("[[Share if]] you agree!", "en"),
        bad("Nouvelle recette en ligne.[[ Partagez si vous êtes d'accord 👇]]", "fr",
            fixed="Nouvelle recette en ligne."),
        bad("Our new video is out, [[spread the word]]!", "en"),
        # Paid for, a share is bait even for a good cause.
        bad("[[Every share = $1 donated to the shelter. ]]Keep it going!", "en",
            fixed="Keep it going!"),
        # For the feed's sake, a request however it is put; a question about the feed is none.
        bad("Notre café est torréfié sur place. Un petit [[partage pour qu'on gagne en "
            "visibilité]] ?", "fr"),
        # A count of shares the brand needs is asked of the reader.
        bad("We [[need 1,000 shares]] to win the best village award!", "en"),
        bad("Il nous [[faut 1 000 partages]] pour remporter le prix du village !", "fr"),
        bad("Our new SUV is here. Excited? [[Hit repost]] and let your network know 🚀", "en"),
        bad("Trois chambres libres pour le pont ! [[Partagez un max]], merci !", "fr"),
        # Asked for impersonally, as a wish, or for the reach it brings.
        bad("[[Shares cost nothing]] and mean everything to a small shop 💛", "en"),
        # A share to one's own timeline.
        bad("[[Share it to your story]] and let's get our bakery trending 🥐", "en"),
        bad("La santé n'a pas de prix : [[repartagez sur votre mur]].", "fr"),
        bad("[[Would love to see this shared]] in every parents' group 🙏", "en"),
        bad("Un petit [[partage est toujours apprécié]] 🙏 Nouvelle adresse : 14 rue Haute.", "fr"),
        bad("Our year-end checklist is below. P.S. If this helped, a quick [[repost helps it "
            "reach]] other founders.", "en"),
        # The request said again and again.
        bad("So close to 5k! Please [[share our page with everyone]] you know.", "en"),
        bad("[[Share share share!!! ]]Our open day is this Saturday 🎉", "en",
            fixed="Our open day is this Saturday 🎉"),
        # Loved ones told by a need court reach (not by a circumstance the post concerns).
        bad("Horaires d'été : 9 h-20 h. PS : [[partagez ce post à vos proches]] qui ont besoin de "
            "se détendre 😉", "fr"),
    ),
    good=(
        good("Merci à Léa d'avoir partagé son expérience avec nous.", "fr"),
        good("Partagez-vous vos trajets à vélo en hiver ? Comment faites-vous ?", "fr"),
        good("Thanks to Lea for sharing her experience with us.", "en"),
        # The reader's answer shared; the brand's own repost, titled.
        good("Got a favourite walk around the lake? Share it below, with a few words about why.",
             "en"),
        good("Reposting from our friends at the Tidy Towns group: clean-up on Saturday at 10.",
             "en"),
        good("Do you share your bike commute in winter? How do you manage?", "en"),
        good("Notre chat Pixel a disparu hier près de la gare : partagez si vous êtes du coin.",
             "fr"),
        good("Our fundraiser for the food bank ends Friday. Please share with your friends.",
             "en"),
        good("Risque d'inondation ce soir : évacuation des quais à 18 h. Partagez à vos voisins.",
             "fr"),
        good("Scam alert: fake texts in our name ask for card details. Please share with your "
             "parents.", "en"),
        good("We are excited to share with you all our new autumn menu.", "en"),
        good("Likes, partages : comment l'algorithme les compte-t-il ? Réponse jeudi.", "fr"),
        good("Choose your card and we will send it to your family with a message.", "en"),
        # A button's label in a how-to; a request quoted to be criticised.
        good("To send the report to your manager, tap Share and pick their name.", "en"),
        good("Pour envoyer le lien à un proche, appuyez sur « Partager » si vous le souhaitez.",
             "fr"),
        good("Fixed in 4.1.2: the app no longer crashes when tapping the Share button.", "en"),
        # A campaign's hashtag that asks for a contribution, not a share.
        good("Tell us how you met: the best stories go in our anniversary book. #ShareYourStory",
             "en"),
        # A call for help, whatever the agreement of its words (« chienne perdue »).
        good("Chienne perdue près de l'étang hier soir. Si vous l'apercevez, appelez le refuge. "
             "Vous pouvez partager largement, merci 🙏", "fr"),
        # A job offered, passed on to whoever could apply.
        good("We're hiring 60 colleagues for our new store. Know someone looking for work "
             "nearby? Pass it on!", "en"),
        good("On recrute deux serveurs pour l'été ! Faites passer le mot 🙏", "fr"),
        # What a feature lets one do is no request.
        good("In the app, the link icon lets you send it to your family.", "en"),
        # A pet missing, volunteers or donors sought, a product recalled: the call is passed on.
        good("Our cat Miso hasn't come home since Sunday night. If you see her, call us. Please "
             "share with your neighbours 🙏", "en"),
        good("Disparition inquiétante : Marc, 15 ans, n'est pas rentré depuis lundi. Merci de "
             "partager, chaque partage peut aider à le retrouver.", "fr"),
        good("The animal shelter is looking for weekend volunteers to walk the dogs. Please "
             "share with anyone nearby who loves dogs.", "en"),
        good("Lot 3 de nos yaourts à la vanille non conforme : ne les consommez pas et "
             "rapportez-les en magasin. Merci de partager l'information.", "fr"),
        # A notice passed to the people it concerns.
        good("Road closure: the bridge is shut on Saturday night. Please pass this on to anyone "
             "travelling into the island.", "en"),
        good("The 17:05 to Lancaster is cancelled. Please share with anyone who may be "
             "travelling tonight.", "en"),
        good('I stopped ending my posts with "share if you agree": the comments got better.',
             "en"),
    ),
)
