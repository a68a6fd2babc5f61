from postcoach.rules.base import Rule, bad, good
from postcoach.rules.matching import pattern_findings

RULE = Rule(
    id="conflict.defensive",
    family="conflict",
    level="error",
    message={
        "fr": "« {word} » : en public, une réponse défensive donne tort à la marque, même quand "
        "elle a raison.",
        "en": "“{word}”: in public, a defensive answer makes the brand look wrong, even when it "
        "is right.",
    },
    suggestion={
        "fr": "Remerciez, reconnaissez le désagrément, puis proposez une solution concrète : "
        "« Merci de nous l'avoir signalé, nous sommes désolés… ».",
        "en": "Thank them, acknowledge the trouble, then offer a concrete fix: “Thanks for "
        "telling us, we're sorry about this…”.",
    },
    source="001 — « cela peut être très mal perçu si vous adoptez une posture défensive quant à "
    "la résolution d'un problème »",
    check=lambda draft, context: pattern_findings(draft, "defensive"),
    reply_only=True,
    bad=(
        bad("[[Contrairement à ce que vous dites]], le colis est bien parti.", "fr", reply=True),
        bad("[[Vous auriez dû lire]] la notice avant.", "fr", reply=True),
        bad("It's [[not our fault]] the parcel is late.", "en", reply=True),
        bad("[[You should have read]] the instructions.", "en", reply=True),
    ),
    good=(
        good("Merci de nous l'avoir signalé, nous sommes désolés pour ce retard.", "fr",
             reply=True),
        good("Vous auriez dû recevoir un e-mail : pouvez-vous vérifier vos spams ?", "fr"),
        good("Thanks for letting us know, we're sorry about the delay.", "en", reply=True),
    ),
)
