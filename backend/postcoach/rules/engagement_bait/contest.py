import re

from postcoach.rules.base import Rule, bad, good
from postcoach.rules.engagement_bait import PATTERNS, requests, unnamed_bait
from postcoach.text.patterns import pattern_matches
from postcoach.text.tokens import in_class

# One action named beside a prize in another sentence may be news ("Thanks for your shares!
# Léa won the contest"); a list of them, one in the prize's own sentence, or one under the
# title of the entry conditions (« Pour jouer : partage en public »), is the condition.
MIN_ACTIONS = 2
# The title of the entry conditions: "To enter:", « Pour jouer : », "How to play:". Playing is
# entering only in a title: elsewhere it is a sport or a game.
ENTRY_TITLE_RE = re.compile(r"\W*(?:(?:pour|to|how\s+to|comment)\s+)?([^\W\d_]+)\s*:")
PLAYING = frozenset({"jouer", "play"})


def check(draft, context):
    marks = pattern_matches(draft, "contest_mark")
    if not marks:
        return unnamed_bait(draft, context, "contest")
    actions = requests(draft, "contest_entry")
    if len(actions) >= MIN_ACTIONS:
        return actions
    found = [action for action in actions
             if any(draft.same_sentence(action.start, start) for start, _ in marks)
             or _entered(draft, action.start)]
    # A prize whose conditions no pattern names ("All you need to do is share this post") is
    # the reading's to judge.
    return found or unnamed_bait(draft, context, "contest")


def _entered(draft, offset: int) -> bool:
    """Whether the sentence at the offset opens with the title of the entry conditions."""
    sentence = draft.sentence_at(offset)
    title = sentence and ENTRY_TITLE_RE.match(draft.folded, sentence.start)
    return bool(title) and title.end() <= offset and (
        title.group(1) in PLAYING or in_class(title.group(1), "entry", draft.language))


RULE = Rule(
    id="engagement_bait.contest",
    family="engagement_bait",
    level="warning",
    message={
        "fr": "« {word} » : un jeu-concours qui se gagne en likes, partages ou identifications "
        "attire les concouristes, pas une communauté.",
        "en": "“{word}”: a giveaway entered by liking, sharing or tagging attracts prize hunters, "
        "not a community.",
    },
    suggestion={
        "fr": "Faites participer avec une vraie contribution (une photo, une astuce, un souvenir) "
        "et rappelez le règlement ; Facebook interdit d'exiger un partage sur le journal.",
        "en": "Ask for a real contribution to enter (a photo, a tip, a memory) and link the "
        "rules; Facebook forbids requiring shares on personal timelines.",
    },
    source="003 — « beaucoup de jeux-concours … Ces sollicitations nourrissent les concouristes "
    "et les opportunistes de tous poils »",
    check=check,
    patterns=PATTERNS,
    outranks=("engagement_bait.comment", "engagement_bait.react", "engagement_bait.share",
              "engagement_bait.tag", "engagement_bait.vote"),
    bad=(
        bad("🎁 Jeu-concours ! Pour participer : [[likez]] la page, [[partagez]] ce post et "
            "[[identifiez]] deux amis.", "fr"),
        bad("Giveaway time! To enter, [[like]] this post and [[tag]] two friends.", "en"),
        # Tags counted as entries.
        bad("Don't forget, [[every friend you tag counts as an extra entry]] 😉", "en"),
        # "How to enter:" titles the conditions, not a how-to.
        bad("Giveaway time! How to enter: [[tag]] a friend and [[share]] this post.", "en"),
        # An arrow before each condition opens it as a colon does.
        bad("2 pass à gagner ! ➡️ [[Aime]] la page ➡️ [[Partage]] en public ➡️ [[Tag]] deux "
            "potes.", "fr"),
        # A discount as the prize.
        bad("[[repost]] to ur story and show it at the counter for 10% off ur order 📲", "en"),
        # Franglais conditions.
        bad("🎮 5 clés à remporter ! [[Follow]] la page, [[repost]] et [[commente]] ton perso "
            "préféré.", "fr"),
        # Conditions no pattern names: the fitted reading judges them beside the prize.
        bad("Want to win a signed shirt? [[All you need to do is share this post.]]", "en"),
        bad("Envie de gagner un panier garni ? [[Il suffit de partager cette publication en "
            "mode public.]]", "fr"),
        bad("[[Every share enters]] you into the draw for a free month of membership.", "en"),
        # An aim of thanking is no how-to's aim: the reading judges the actions after it.
        bad("[[Pour dire merci, on offre un tote bag à tous ceux qui likent, commentent et "
            "partagent avant dimanche !]]", "fr"),
    ),
    good=(
        # A wish in the conditional is no entry action: « aimeraient » is not « aimer ».
        good("Le festival cherche des bénévoles : parlez-en à vos proches qui aimeraient le "
             "vivre de l'intérieur !", "fr"),
        # The reader glued to a tag verb logs in: no friend is named.
        good("Pour participer au tirage, identifiez-vous sur votre espace client.", "fr"),
        good("Reminder: no need to like, share or tag anyone to enter the raffle. Just leave your "
             "name at the counter.", "en"),
        good("Jeu-concours : pour participer, racontez-nous en commentaire votre plus beau "
             "souvenir de vacances. Règlement en lien.", "fr"),
        good("J'aime ce post de Léa sur le partage des tâches.", "fr"),
        good("Giveaway: to enter, tell us your best holiday memory in the comments. Rules in "
             "the link.", "en"),
        good("I like this post about sharing chores.", "en"),
        # A contribution to enter (a story, a tip) is what the rule asks for, not bait.
        good("Share your best baking tip for a chance to win our cookbook!", "en"),
    ),
)
