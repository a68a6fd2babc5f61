import re
from bisect import bisect_right

from postcoach.rules.base import Finding, Rule, bad, good
from postcoach.rules.matching import judged_finding, pattern_findings
from postcoach.text import readings
from postcoach.text.draft import MENTION_RE, WORD_RE
from postcoach.text.patterns import classes_before, pattern_matches
from postcoach.text.tokens import in_class

# How far back a negation turns a move around: "not your fault", « pas de votre faute ».
NEGATION_REACH = 2
# The faces of irony: beside them, "it's all our fault" owns nothing.
IRONY_RE = re.compile("[\U0001F644\U0001F612\U0001F643]")
# A question that asks the customer, politely, to do something: a support step ("could you
# check on your side?", « pourriez-vous vérifier de votre côté ? »), not a reproach.
POLITE_ASK_RE = re.compile(r"\b(?:could|can|would|will|pourriez|pouvez|pourrais|peux|voudriez)"
                           r"[-\s](?:you|vous|tu)\b", re.IGNORECASE)
# An offer told in the past is the customer's refusal recalled, not an offer: « la planche de
# remplacement qu'on vous proposait ».
PAST_OFFER_RE = re.compile(r"\b(?:propos|offr)(?:ait|aient)\b")
# A sentence opened by the customer's own aim teaches the way to it: « Pour déplacer votre
# rendez-vous, il suffit de cliquer sur le lien » is a how-to, « Il suffit de lire » a reproach.
# Asides such as "To be clear," or « Pour rappel, » name no aim of theirs.
OWN_AIM_RE = re.compile(r"\W*(?:to|pour)\s[^,;:.!?…\n]*\b(?:your|votre|vos|ton|ta|tes)\b"
                        r"[^,;:.!?…\n]*,\s*")


def check(draft, context) -> list[Finding]:
    """The defensive moves, except those the reply quotes (« "We can't be held responsible"
    is not an answer »), denies ("Not your fault"), makes after granting the customer's
    point ("You're right, that's not true of our usual service"; or in the sentence before
    granting it: "We stand by the decision. But you're right that people heard too late"), in
    a sentence that makes it right ("As stated, the offer had ended, but we've refunded the
    difference"), just before an offer, in a polite request ("could you check on your
    side?") or as the way to the customer's own aim (« Pour déplacer votre rendez-vous, il
    suffit de cliquer sur le lien »), which the reading is not asked about either. A reply
    with no move a pattern names, or only excused ones, may still read as defensive to the
    fitted model ("This simply isn't true… we'd ask you not to spread
    misinformation"): the hint then stands on its most defensive sentence, unless the reply
    grants the customer's point ("Good catch, the grade was wrong. Updated!"), denies the
    blame a move would lay on them ("…so it wasn't your fault"), owns the mistake ("It's our
    mistake, not yours"), which also excuses a move in its sentence, or answers its own move
    (quotes it to reject it, makes it right in its sentence, or offers something else in the
    next: "As we mentioned, the policy applies to all tickets. What we can do is transfer
    yours")."""
    named = pattern_findings(draft, "defensive")
    # "Not our fault", "and now it's our fault?": owned only when neither denied nor asked, nor
    # part of a move ("we don't accept that the delay is our fault").
    admitted = [span for span in pattern_matches(draft, "admission")
                if "negation" not in classes_before(draft, span[0], NEGATION_REACH)
                and _question_at(draft, span[0]) is None and not _ironic(draft, span[0])
                and not any(_within(span, finding) for finding in named)]
    granted = pattern_matches(draft, "granted")
    conceded = granted + pattern_matches(draft, "concession") + admitted
    offered = [span for span in pattern_matches(draft, "offer")
               if not PAST_OFFER_RE.search(draft.folded, *span)]
    negated = [finding for finding in named
               if "negation" in classes_before(draft, finding.start, NEGATION_REACH)]
    # Moves the reply itself answers: quoted to be rejected, made right in their sentence, or
    # followed by an offer, the point granted or the fault owned ("Our records show you were
    # charged twice. Sorry about that!").
    answered = [
        finding for finding in named
        if draft.quoted(finding.start, finding.end)
        or any(draft.same_sentence(start, finding.start) for start, end in conceded
               if not _within((start, end), finding))
        or any(_answered_next(draft, finding.start, start) for start, end in
               granted + offered + admitted
               if not _within((start, end), finding))
    ]
    taught = [finding for finding in named if _toward_own_aim(draft, finding.start)]
    kept = [finding for finding in named if finding not in negated and finding not in answered
            and finding not in taught and not _asked_politely(draft, finding.start)]
    if kept:
        return kept
    # The patterns then judge the reply themselves: the reading, which weighs words, would take
    # an answered move for one. A move in a polite question is left to it ("Perhaps you could
    # do as much before criticising?").
    if admitted or answered or taught or granted or any(
            _faults(draft, finding) for finding in negated) or any(
            _opens(draft, start) for start, _ in conceded):
        return []
    judgement = readings.reader("defensive").judge(draft)
    # The sentence it weighs most is answered like a move: made right in itself ("isn't
    # covered, but we can offer you…") or followed by an offer.
    if judgement is None or any(draft.same_sentence(start, judgement.start)
                                for start, _ in conceded) or any(
            _answered_next(draft, judgement.start, start) for start, _ in offered):
        return []
    return [judged_finding(draft, judgement)]


def _faults(draft, finding: Finding) -> bool:
    """Whether the move names a fault ("your fault"): denied, it clears the customer."""
    return any(in_class(word, "fault", draft.language)
               for word in WORD_RE.findall(draft.folded, finding.start, finding.end))


def _within(span: tuple[int, int], finding: Finding) -> bool:
    """Whether an answer lies inside the move: "we don't see what more we could do" holds the
    words of an offer ("what we could do"), "we don't accept it is our fault" an admission."""
    return finding.start <= span[0] < span[1] <= finding.end


def _ironic(draft, offset: int) -> bool:
    """Whether the sentence at the offset rolls its eyes ("we're sure it's all our fault 🙄")."""
    sentence = draft.sentence_at(offset)
    return sentence is not None and IRONY_RE.search(sentence.text) is not None


def _question_at(draft, offset: int):
    """The sentence the offset falls in, when it is a question."""
    sentence = draft.sentence_at(offset)
    return sentence if sentence is not None and sentence.text.endswith("?") else None


def _answered_next(draft, move: int, answer: int) -> bool:
    """Whether the move stands in the sentence of its answer (an offer, the point granted) or
    in the one just before it: the rule explained, then something else offered ("As we
    mentioned, the policy applies to all tickets. What we can do is transfer yours")."""
    starts = [sentence.start for sentence in draft.sentences]
    return 0 <= bisect_right(starts, answer) - bisect_right(starts, move) <= 1


def _asked_politely(draft, offset: int) -> bool:
    """Whether the move is part of a polite question that asks the customer to do something."""
    question = _question_at(draft, offset)
    return question is not None and POLITE_ASK_RE.search(draft.text, question.start,
                                                         offset) is not None


def _toward_own_aim(draft, offset: int) -> bool:
    """Whether the move comes right after a purpose that opens its sentence and names the
    customer's own aim: the way to it, not a lecture."""
    sentence = draft.sentence_at(offset)
    return sentence is not None and OWN_AIM_RE.fullmatch(draft.folded, sentence.start,
                                                         offset) is not None


def _opens(draft, start: int) -> bool:
    """Whether the reply starts at `start`, but for the names it is addressed to."""
    return not WORD_RE.search(MENTION_RE.sub("", draft.text[:start]))


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
    check=check,
    patterns=("defensive", "granted", "concession", "admission", "offer"),
    reply_only=True,
    bad=(
        bad("[[Contrairement à ce que vous dites]], le colis est bien parti.", "fr", reply=True),
        bad("[[Vous auriez dû lire]] la notice avant.", "fr", reply=True),
        bad("It's [[not our fault]] the parcel is late.", "en", reply=True),
        bad("[[You should have read]] the instructions.", "en", reply=True),
        bad("Nous avons fait [[tout ce que la loi exige]].", "fr", reply=True),
        bad("La facture estimée vient de l'absence de relevés, [[malgré nos relances]].", "fr",
            reply=True),
        bad("So sorry! Out of interest, [[did you actually read]] the care label?", "en",
            reply=True),
        # An admission beside an eye roll owns nothing.
        bad("Sure, it's all our fault [[🙄]]", "en", reply=True),
        bad("A few corrections [[for anyone reading along]]: the price was on the menu.", "en",
            reply=True),
        # The cause laid on the customer's side.
        bad("Le souci [[vient sans doute de votre installation]] électrique.", "fr", reply=True),
        bad("The noise [[comes from your neighbour]]'s flat, not from our work.", "en",
            reply=True),
        bad("Nous n'avons [[rien à ajouter]].", "fr", reply=True),
        bad("La [[politique, c'est la politique]] : aucun avoir.", "fr", reply=True),
        bad("Your [[comments will be removed]] if this goes on.", "en", reply=True),
        bad("Door times were on the ticket, so missing the first act [[is kinda on you]].",
            "en", reply=True),
        bad("[[Ce n'est pas nous qui]] décidons de la météo.", "fr", reply=True),
        bad("Refs make calls. [[Get over it]].", "en", reply=True),
        # Owning a fault is no admission when it is denied or asked in scorn.
        bad("Delivered at 10:04. If nobody answered the door that's [[hardly our fault]] 🤷", "en",
            reply=True),
        bad("The game was [[clearly labelled]] Early Access.", "en", reply=True),
        bad("Most workflows were unaffected, and we [[consider the matter resolved]].", "en",
            reply=True),
        bad("Cela [[en dit plus long sur vous]] que sur notre entreprise.", "fr", reply=True),
        bad("On [[ne va certainement pas s'excuser]] d'avoir donné votre table.", "fr",
            reply=True),
        bad("We'll [[let our 400 five-star reviews speak for themselves]].", "en", reply=True),
        bad("Unfortunately, [[had the assembly instructions been followed]], the drawer would "
            "have stayed on its runners.", "en", reply=True),
        bad("Votre demande étant hors délai, nous ne [[pouvons pas y donner suite]].", "fr",
            reply=True),
        bad("Loads of customers love the new menu, so it's staying. [[Sorry it's not for "
            "you]]!", "en", reply=True),
        # The polite opening turned against the customer; their choice blamed.
        bad("Thank you for your review. [[However, our]] cleaning log shows the room was done "
            "that morning.", "en", reply=True),
        bad("[[Shame you've chosen to]] leave one star over a ten-minute wait.", "en",
            reply=True),
        bad("[[Dommage que vous ayez choisi de]] mettre une étoile pour dix minutes d'attente.",
            "fr", reply=True),
        # What the customer knew or could have found, and what they dare the brand to do.
        bad("Cracks reported after the handover aren't covered, [[as you're well aware]].", "en",
            reply=True),
        bad("Notre pâte est fine. [[Si vous préférez une pâte épaisse, il y a des chaînes pour "
            "ça]].", "fr", reply=True),
        bad("[[For future reference]], medium-rare means pink in the middle.", "en", reply=True),
        # An offer told in the past recalls a refusal: it answers nothing.
        bad("[[Il serait honnête de préciser]] [[que vous avez refusé]] la planche qu'on vous "
            "proposait.", "fr", reply=True),
        bad("Le prix était trop haut, et [[nous vous l'avions dit]] dès le premier rendez-vous.",
            "fr", reply=True),
        bad("Le dépôt de garantie est prévu par la loi. Deux minutes de [[recherche vous "
            "l'auraient appris]].", "fr", reply=True),
        # Condescension, dares, and curt dismissals as people type them on a phone.
        bad("Merci pour votre retour, mais je me [[permets de rappeler que]] vous avez été reçu "
            "en entretien.", "fr", reply=True),
        bad("[[If you think you could run it without cuts, I'd love to see]] your plan.", "en",
            reply=True),
        bad("[[ok and?]] 🤷", "en", reply=True),
        bad("tkt on [[survivra sans toi]]", "fr", reply=True),
        bad("honestly [[every other table loved]] the new menu so [[idk what to tell u]] 🙂", "en",
            reply=True),
        # Condescension, normalising, insinuation, warnings, the customer's handling blamed.
        bad("Hi Mark, [[just to help you understand]]: a subscription renews until cancelled.",
            "en", reply=True),
        bad("Refunds take 10 business days, [[like everywhere else]].", "en", reply=True),
        bad("Nous comprenons, mais écrire en [[majuscules n'accélérera]] pas votre remboursement.",
            "fr", reply=True),
        bad("No order number, no date, no details. [[Almost as if]] there was never an order.",
            "en", reply=True),
        bad("Une chaîne qui casse au bout de 200 km, c'est qu'elle a été [[mal posée]].", "fr",
            reply=True),
        # The other choice the customer should have made; the rule held up to them; the
        # complaint waved away; a lecture on how things work; the audience left to judge.
        bad("[[Vous auriez pu nous écrire en privé au lieu d']]afficher votre colère.", "fr",
            reply=True),
        bad("[[You could have emailed us instead of]] posting this.", "en", reply=True),
        bad("La règle vaut pour [[tout le monde, vous y compris]].", "fr", reply=True),
        bad("On ne [[voit pas bien ce que vous nous reprochez]].", "fr", reply=True),
        bad("A refund for a book read cover to cover? [[That's not how bookshops work]].", "en",
            reply=True),
        bad("Merci de [[rester factuel]].", "fr", reply=True),
        bad("Policing resale prices is [[not our job]].", "en", reply=True),
        bad("We'll [[let readers draw their own conclusions]].", "en", reply=True),
        # The cause sent back; the trouble played down.
        bad("That reflects your usage [[rather than any error on our side]].", "en", reply=True),
        bad("A ten-minute delay? [[There are bigger problems]] in the world.", "en", reply=True),
        bad("Dix minutes de retard ? Il [[y a pire]].", "fr", reply=True),
        # Informal French drops its « ne »; the customer talked down to, made ungrateful, or
        # told there is nothing to complain about.
        bad("Désolé, mais c'est [[pas de notre faute]] si le réveil n'a pas sonné.", "fr",
            reply=True),
        bad("Alors les [[leçons de professionnalisme, on repassera]].", "fr", reply=True),
        bad("You paid half and want full service? [[Let's be serious]].", "en", reply=True),
        bad("I gave you a free session and [[this is the thanks I get]].", "en", reply=True),
        bad("You got the 60 minutes you paid for. I'm [[struggling to see the issue]].", "en",
            reply=True),
        # Blamed for speaking in public; sent to do as the others; sarcasm; a lecture.
        bad("[[Since you've chosen to make this public]]: you returned 9 of 12 orders.", "en",
            reply=True),
        bad("Use the support form [[like every other customer]] does.", "en", reply=True),
        bad("Refunded. Again. The fifth time this year, but [[who's counting]].", "en",
            reply=True),
        bad("Ce sont des graines de quinoa noir, [[c'est écrit sur le paquet]].", "fr",
            reply=True),
        bad("You got five hints. [[At some point the players do have to]] solve it 😂", "en",
            reply=True),
        bad("A £9 ticket does [[not entitle anyone to]] save a whole row.", "en", reply=True),
        bad("Le salaire figurait dans l'offre, acceptée [[en connaissance de cause]].", "fr",
            reply=True),
        bad("Posting private emails breaches confidentiality, and we are [[reviewing our "
            "options]].", "en", reply=True),
        bad("Sorry about that. [[We would point out]], though, that you arrived late.", "en",
            reply=True),
        bad("[[Hate to break it to you]], but fresh doesn't mean baked five minutes ago.", "en",
            reply=True),
        bad("Sorry about the steak. Then again, [[you did ask]] for it well done.", "en",
            reply=True),
        bad("But [[no one else at the meeting had a problem]] with the prices.", "en",
            reply=True),
        bad("[[Pour rappel,]] le chantier a pris du retard à cause de la pluie.", "fr",
            reply=True),
    ),
    good=(
        good("Merci de nous l'avoir signalé, nous sommes désolés pour ce retard.", "fr",
             reply=True),
        # Replies that say little are what a community manager types most.
        good("Merci beaucoup !", "fr", reply=True),
        good("Thank you so much, Emma! 💛", "en", reply=True),
        good("You're welcome!", "en", reply=True),
        good("Vous auriez dû recevoir un e-mail : pouvez-vous vérifier vos spams ?", "fr"),
        good("Thanks for letting us know, we're sorry about the delay.", "en", reply=True),
        # The way to the customer's own aim; a move answered by someone calling them back.
        good("Pour déplacer votre rendez-vous, il suffit de cliquer sur le lien reçu par SMS.",
             "fr", reply=True),
        good("We can't discuss details here, but an adviser will call you today.", "en",
             reply=True),
        # What the record shows, owned in its own sentence.
        good("Our records show you were charged twice — sorry about that! The duplicate is "
             "refunded.", "en", reply=True),
        good("Nous ne remboursons pas un trajet effectué, c'est la règle. Mais nous vous "
             "créditons 20 € sur votre prochaine réservation.", "fr", reply=True),
        good("The duplicate charge will be removed from your statement, sorry!", "en",
             reply=True),
        good("As stated on the product page, the offer had ended, but we've refunded the "
             "difference.", "en", reply=True),
        good("Pas de chance, et pas de votre faute : on vous l'échange.", "fr", reply=True),
        # A reply that opens by granting the point; a refusal with an alternative; the brand's
        # own clarity.
        good("Good catch, the route grade was wrong. Updated!", "en", reply=True),
        good("We can't refund a course half taught (that's the rule for everyone), but we can "
             "move your lessons to the autumn group.", "en", reply=True),
        good("Nous ne remboursons pas une session commencée, c'est la règle, mais nous vous "
             "proposons de reporter vos cours à la rentrée, sans frais. Ça vous irait ?", "fr",
             reply=True),
        good("Small clarification: the closure starts on 14 March. We've put the date in bold.",
             "en", reply=True),
        # "Yours" is the customer's dish here, not the customer's kind.
        good("Sorry your roast was dry, that's not like us: the next one's on us.", "en",
             reply=True),
        # Granting the customer's point first.
        good("Your point about the returns clause is fair: it reads badly, and we're rewriting "
             "it.", "en", reply=True),
        # The rule explained, then something else offered; sympathy for what they had to bear.
        good("As we said by e-mail, the no-refund policy applies to every ticket. What we can do "
             "is move yours to a friend's name, free of charge.", "en", reply=True),
        good("We can't make exceptions to the under-8s rule, but we do run a supervised club on "
             "Tuesdays.", "en", reply=True),
        # What the customer can do instead; the most defensive-sounding sentence made right in
        # itself; the point granted after an apology and a name.
        good("Les arrhes ne sont pas remboursables, comme indiqué à la réservation. Vous pouvez "
             "en revanche reporter votre séjour sur une autre date.", "fr", reply=True),
        good("Wear and tear isn't covered by the warranty, but we can offer you a new strap at "
             "half price.", "en", reply=True),
        good("Désolés Karim, vous avez raison, l'attente était trop longue. Il manquait deux "
             "serveurs ce soir-là, mais ce n'est pas votre problème : le café est pour nous.",
             "fr", reply=True),
        good("Sorry you've had to deal with it: we'll put up more signs this week.", "en",
             reply=True),
        # The customer's point granted after the move; an apology typed fast; help offered.
        good("I'd really like to help you understand what happened: please send us a DM.", "en",
             reply=True),
        good("Colours can look different on screen, and we're sorry the shade wasn't what you "
             "expected. Would you like an exchange or a full refund?", "en", reply=True),
        good("We stand by the decision to close the office. But you're right that people heard "
             "about it far too late.", "en", reply=True),
        good("t as raison c etait pas top, on a merdé sur la cuisson. reviens on t invite", "fr",
             reply=True),
        # A polite question asks the customer to check something: a support step.
        good("Le virement est parti le 3 mars : pourriez-vous vérifier de votre côté ? Sinon, "
             "écrivez-nous en MP.", "fr", reply=True),
        # The brand owns the mistake.
        good("It's actually our mistake, not yours: checkout showed the wrong date. Your fee "
             "has been refunded.", "en", reply=True),
        good("Pour être juste, c'est notre guide des tailles qui était faux. Il a été corrigé.",
             "fr", reply=True),
        good("We don't usually swap uniforms once the name tags are sewn on, but since it was our "
             "sizing chart that was wrong, bring them in and we'll replace them.", "en",
             reply=True),
        # The brand's own check was wrong; the blame of a move denied.
        good("Looking at it again, it was a false positive. It's back live, and I'm sorry for "
             "the lost days.", "en", reply=True),
        good("House rules do say rooms are released after 10 minutes. That said, our tablet was "
             "broken that morning, so it wasn't your fault. Your credit has been restored.", "en",
             reply=True),
        # The brand takes the blame in the sentence of the move.
        good("Nos registres indiquent que la révision a été faite, mais si le voyant s'est "
             "rallumé, c'est à nous de regarder ça : écrivez-nous en privé.", "fr", reply=True),
        good("Nous ne pouvons pas annuler ce billet, mais vous pouvez le céder gratuitement "
             "depuis votre espace client.", "fr", reply=True),
        good("You're right, that's not true of our usual service, and we're sorry.", "en",
             reply=True),
        good("“We can't be held responsible” is not an answer we want to give you.", "en",
             reply=True),
        # The brand's own fault, in the passive: "you should have been told".
        good("Sorry for the wait: you should have been kept informed. We'll call you today.",
             "en", reply=True),
        # The brand's own miss owned; the point granted mid-sentence; an offer made gladly.
        good("As our terms say, pre-orders ship in waves, but we should have told you which wave "
             "you were in: yours ships on the 12th.", "en", reply=True),
        good("The photo was taken before the renovation, and you're right that it's misleading. "
             "We're replacing it.", "en", reply=True),
        good("We can't allow dogs in the rooms, but we'd be happy to switch your booking to our "
             "dog-friendly cottage.", "en", reply=True),
        good("Nous ne remboursons pas une coupe réalisée, mais nous serions heureux de vous "
             "proposer une retouche gratuite.", "fr", reply=True),
        good("We got this wrong: your booking was changed without asking you. That's not how we "
             "work, and it has been put back.", "en", reply=True),
        # "Il y a pire comme…" pays a compliment.
        good("Merci ! Il y a pire comme lundi 😄", "fr", reply=True),
        # The record confirms the customer, and the apology names the brand's own bug.
        good("Nos registres indiquent que le paiement a bien été prélevé deux fois, désolés pour "
             "ce bug ! Le remboursement est lancé.", "fr", reply=True),
        good("Votre contrat prévoit une période d'essai, mais la façon dont sa fin vous a été "
             "annoncée n'était pas correcte, nous le reconnaissons.", "fr", reply=True),
        # The point granted with an intensifier, then the brand's own failing named.
        good("You're absolutely right to call this out. A flash sale that crashes in five "
             "minutes isn't much of a sale: every price is extended to Sunday.", "en",
             reply=True),
        # A support check that finds nothing wrong yet, then asks for more.
        good("We don't see any issue with your account yet: could you DM us a screenshot?", "en",
             reply=True),
    ),
)
