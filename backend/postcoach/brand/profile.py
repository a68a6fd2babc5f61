"""The brand profile a draft's tone is checked against, and how it is learned from posts."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

from postcoach.brand.voice import (
    MIN_SAMPLES,
    Fingerprint,
    NotEnoughSamples,
    Sample,
    Style,
    evenly_spread,
    learn_fingerprint,
    read_drafts,
)
from postcoach.contract import LANGUAGES, PLATFORMS
from postcoach.errors import InputError

ADDRESS_FORMS = ("tu", "vous")
NAME_RE = re.compile(r"^[\w][\w .'’-]{0,63}$")
# Habits a platform may adjust while the voice stays the same.
ADJUSTABLE = ("formality", "emoji_max", "exclamation_max")
# Samples on one platform needed before its habits are learned apart from the others.
MIN_PLATFORM_SAMPLES = 3
# Posts read for the reading-ease range: syllable counting is slow and a range needs few.
READING_EASE_SAMPLES = 200


@dataclass(frozen=True)
class Profile:
    name: str = "default"
    languages: tuple[str, ...] = LANGUAGES
    # Address form per language; only French distinguishes tu from vous.
    address_form: Mapping[str, str] = field(default_factory=lambda: {"fr": "vous"})
    formality: int = 60
    emoji_max: int = 1
    exclamation_max: int = 1
    reading_ease: tuple[float, float] = (40.0, 90.0)
    hashtags_max: Mapping[str, int] = field(
        default_factory=lambda: {"facebook": 2, "linkedin": 5, "generic": 3}
    )
    preferred_terms: tuple[str, ...] = ()
    banned_terms: Mapping[str, str] = field(default_factory=dict)
    brand_names: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    platforms: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    samples: int = 0
    fingerprint: Fingerprint | None = None

    def for_platform(self, platform: str) -> Profile:
        """The same voice with the platform's adjustments applied (LinkedIn a notch more formal)."""
        adjustments = self.platforms.get(platform)
        return replace(self, **adjustments) if adjustments else self

    def to_dict(self, with_fingerprint: bool = True) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in ("languages", "reading_ease", "preferred_terms", "brand_names", "domains"):
            data[key] = list(data[key])
        for key in ("address_form", "hashtags_max", "banned_terms"):
            data[key] = dict(data[key])
        data["platforms"] = {p: dict(v) for p, v in self.platforms.items()}
        fingerprint = self.fingerprint
        if with_fingerprint:
            data["fingerprint"] = fingerprint.to_dict() if fingerprint else None
        else:
            data.pop("fingerprint")
            data["learned"] = fingerprint is not None
        return data

    @classmethod
    def from_dict(cls, data: object) -> Profile:
        if not isinstance(data, Mapping):
            raise InputError("profile", "profile must be an object")
        values = dict(data)
        values.pop("learned", None)
        known = {f.name for f in fields(cls)}
        if unknown := sorted(set(values) - known):
            raise InputError("profile", f"unknown profile field(s): {', '.join(unknown)}")
        return cls(**{key: _validated(key, value) for key, value in values.items()})


def _fail(key: str, message: str) -> InputError:
    return InputError(f"profile.{key}", message)


def _string_list(key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _fail(key, f"{key} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _bounded_int(key: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _fail(key, f"{key} must be a number from {low} to {high}")
    return int(value)


def _validated(key: str, value: object) -> object:
    if key == "name":
        if not isinstance(value, str) or not NAME_RE.match(value.strip()):
            raise _fail(key, "name: 1 to 64 letters, digits, spaces, '.', '-' or '_'")
        return value.strip()
    if key == "languages":
        languages = _string_list(key, value)
        if not languages or set(languages) - set(LANGUAGES):
            raise _fail(key, "languages must list 'fr' and/or 'en'")
        return languages
    if key == "address_form":
        if not isinstance(value, Mapping) or any(
            lang not in LANGUAGES or form not in ADDRESS_FORMS for lang, form in value.items()
        ):
            raise _fail(key, "address_form maps a language to tu or vous")
        return dict(value)
    if key == "formality":
        return _bounded_int(key, value, 0, 100)
    if key in ("emoji_max", "exclamation_max", "samples"):
        return _bounded_int(key, value, 0, 1_000_000)
    if key == "reading_ease":
        if (not isinstance(value, list | tuple) or len(value) != 2
                or not all(isinstance(v, int | float) for v in value) or value[0] > value[1]):
            raise _fail(key, "reading_ease is a [low, high] pair")
        return (float(value[0]), float(value[1]))
    if key == "hashtags_max":
        if not isinstance(value, Mapping) or set(value) - set(PLATFORMS):
            raise _fail(key, f"hashtags_max maps {', '.join(PLATFORMS)} to a number")
        return {p: _bounded_int(key, n, 0, 30) for p, n in value.items()}
    if key in ("preferred_terms", "brand_names", "domains"):
        return _string_list(key, value)
    if key == "banned_terms":
        if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) and k.strip() for k, v in value.items()
        ):
            raise _fail(key, "banned_terms maps a term to its replacement")
        return {k.strip(): v.strip() for k, v in value.items()}
    if key == "platforms":
        if not isinstance(value, Mapping) or set(value) - set(PLATFORMS):
            raise _fail(key, f"platforms maps {', '.join(PLATFORMS)} to adjustments")
        adjusted = {}
        for platform, adjustments in value.items():
            if not isinstance(adjustments, Mapping) or set(adjustments) - set(ADJUSTABLE):
                raise _fail(key, f"a platform may adjust {', '.join(ADJUSTABLE)}")
            adjusted[platform] = {
                k: _bounded_int(k, v, 0, 100 if k == "formality" else 1_000_000)
                for k, v in adjustments.items()
            }
        return adjusted
    if key == "fingerprint":
        if value is None:
            return None
        try:
            return Fingerprint.from_dict(value)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            raise _fail(key, "fingerprint is not one this version learned") from None
    raise AssertionError(key)


DEFAULT_PROFILE = Profile()


def resolve(profile: Profile | Mapping | None, platform: str = "generic") -> Profile:
    if profile is None:
        chosen = DEFAULT_PROFILE
    elif isinstance(profile, Profile):
        chosen = profile
    else:
        chosen = Profile.from_dict(profile)
    return chosen.for_platform(platform)


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _habits(readings) -> dict[str, int]:
    tones = [tone for _, _, tone in readings]
    return {
        "formality": round(statistics.median(t.formality for t in tones)),
        "emoji_max": math.ceil(_percentile([t.emoji for t in tones], 0.9)),
        "exclamation_max": math.ceil(_percentile([t.exclamations for t in tones], 0.9)),
    }


def learn(name: str, samples: Iterable[Sample | str], base: Profile | None = None) -> Profile:
    """A profile whose habits and fingerprint come from the brand's own posts.

    What a person entered (brand names, domains, preferred and banned terms) is kept from
    `base`; what the posts show (languages, tu/vous, formality, emoji…) is learned.
    """
    name = _validated("name", name)
    samples = [s if isinstance(s, Sample) else Sample(s) for s in samples]
    readings = read_drafts(samples)
    if len(readings) < MIN_SAMPLES:
        raise NotEnoughSamples(len(readings))
    base = base or Profile(name=name)

    languages = Counter(d.language for _, d, _ in readings if d.language in LANGUAGES)
    kept_languages = tuple(
        lang for lang, n in languages.most_common() if n >= 0.2 * len(readings)
    ) or base.languages
    french_forms = Counter(
        t.address.form
        for _, d, t in readings
        if d.language == "fr" and t.address.form in ADDRESS_FORMS
    )
    address_form = dict(base.address_form)
    if french_forms:
        address_form["fr"] = french_forms.most_common(1)[0][0]

    habits = _habits(readings)
    ease = [
        t.reading_ease
        for _, _, t in evenly_spread(readings, READING_EASE_SAMPLES)
        if t.reading_ease is not None
    ]
    # The brand's habit, within the network's own guidance (never fewer than one hashtag).
    network_max = DEFAULT_PROFILE.hashtags_max
    hashtags = {
        platform: max(1, min(math.ceil(_percentile(counts, 0.9)), network_max[platform]))
        for platform, counts in _by_platform(readings, lambda t: t.hashtags).items()
    }
    platforms = {}
    for platform in PLATFORMS:
        group = [r for r in readings if r[0].platform == platform]
        if len(group) >= MIN_PLATFORM_SAMPLES:
            differing = {k: v for k, v in _habits(group).items() if v != habits[k]}
            if differing:
                platforms[platform] = differing

    styles = [Style.of(d, t) for _, d, t in readings]
    return replace(
        base,
        name=name,
        languages=kept_languages,
        address_form=address_form,
        reading_ease=(
            (round(_percentile(ease, 0.1), 1), round(_percentile(ease, 0.9), 1))
            if ease else base.reading_ease
        ),
        hashtags_max={**base.hashtags_max, **hashtags},
        platforms=platforms,
        samples=len(readings),
        fingerprint=learn_fingerprint([d.text for _, d, _ in readings], styles),
        **habits,
    )


def _by_platform(readings, measure) -> dict[str, list[float]]:
    """The measure for every platform: its own samples when it has enough, else all of them."""
    everything = [measure(t) for _, _, t in readings]
    grouped = {}
    for platform in PLATFORMS:
        own = [measure(t) for s, _, t in readings if s.platform == platform]
        grouped[platform] = own if len(own) >= MIN_PLATFORM_SAMPLES else everything
    return grouped


REGISTERS = (
    (75, {"fr": "soutenu, institutionnel", "en": "formal, institutional"}),
    (55, {"fr": "posé, professionnel", "en": "measured, professional"}),
    (35, {"fr": "détendu, conversationnel", "en": "relaxed, conversational"}),
    (0, {"fr": "familier", "en": "casual"}),
)
LANGUAGE_NAMES = {
    "fr": {"fr": "français", "en": "anglais"},
    "en": {"fr": "French", "en": "English"},
}
NETWORK_NAMES = {
    "fr": {"facebook": "Facebook", "linkedin": "LinkedIn", "generic": "autres réseaux"},
    "en": {"facebook": "Facebook", "linkedin": "LinkedIn", "generic": "other networks"},
}


def describe(profile: Profile, lang: str = "en") -> list[str]:
    """The voice in plain words, one sentence per habit, for the settings page and the CLI."""
    french = lang == "fr"
    names = LANGUAGE_NAMES[lang]
    spoken = []
    for code in profile.languages:
        form = profile.address_form.get(code)
        spoken.append(f"{names[code]} ({form})" if form else names[code])
    register = next(words[lang] for floor, words in REGISTERS if profile.formality >= floor)
    lines = [
        (f"Écrit en {' et '.join(spoken)}." if french else f"Writes in {' and '.join(spoken)}."),
        (f"Registre {register} (formalité {profile.formality}/100)." if french
         else f"Register {register} (formality {profile.formality}/100)."),
        (f"Au plus {profile.emoji_max} emoji et {profile.exclamation_max} point(s) d'exclamation "
         "par post." if french else
         f"At most {profile.emoji_max} emoji and {profile.exclamation_max} exclamation mark(s) "
         "per post."),
    ]
    networks = NETWORK_NAMES[lang]
    tags = ", ".join(f"{networks[p]} {n}" for p, n in sorted(profile.hashtags_max.items()))
    lines.append(f"Hashtags au plus : {tags}." if french else f"Hashtags at most: {tags}.")
    for platform, adjustments in sorted(profile.platforms.items()):
        changes = ", ".join(f"{k} {v}" for k, v in adjustments.items())
        lines.append(f"Sur {networks[platform]} : {changes}." if french
                     else f"On {networks[platform]}: {changes}.")
    for term, replacement in profile.banned_terms.items():
        lines.append(f"Évite « {term} » (écrit « {replacement} »)." if french
                     else f"Avoids “{term}” (writes “{replacement}”).")
    if profile.preferred_terms:
        terms = ", ".join(profile.preferred_terms)
        lines.append(f"Mots de la marque : {terms}." if french else f"Brand words: {terms}.")
    if profile.fingerprint is None:
        lines.append("Voix pas encore apprise : ajoutez au moins 5 posts de la marque." if french
                     else "Voice not learned yet: add at least 5 of the brand's posts.")
    else:
        lines.append(f"Voix apprise sur {profile.samples} posts." if french
                     else f"Voice learned from {profile.samples} posts.")
    return lines
