"""JSON Schemas of brand profiles as the API reads and writes them (part of the OpenAPI document).

They say no more than `Profile.from_dict` accepts, so a request the document calls valid is one
the store can keep: where the model's check cannot be written as a schema (a name's Unicode
letters), the schema takes the narrower, common part (Latin letters), and bounds numbers so that
no accepted value can break the arithmetic of the tone score later.
"""

from __future__ import annotations

from dataclasses import fields

from postcoach.brand.profile import ADDRESS_FORMS, ADJUSTABLE, PLATFORMS, Profile
from postcoach.brand.voice import MIN_SAMPLES, Style
from postcoach.contract import LANGUAGES

COUNT_MAX = 1_000_000  # Profile's bound on emoji_max, exclamation_max and samples

# Profile names: 1 to 64 characters, a letter, digit or "_" first and last (no stray spaces).
# Profile.NAME_RE allows any Unicode letter; the document names the Latin ones, the scripts of
# the brands this tool is for, because JSON Schema's \w stops at ASCII.
_WORD = "0-9A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
NAME_PATTERN = f"^[{_WORD}](?:[{_WORD} .'\u2019-]{{0,62}}[{_WORD}.'\u2019-])?$"
# /v1/profiles/active and /v1/profiles/import are routes of their own, so no new profile may
# take those names (one already made by the CLI is reached with another case: /v1/profiles/Active).
RESERVED_NAMES = ("active", "import")
# A character neither JSON Schema nor Python reads as white space: a term that is not blank.
_NOT_BLANK = "[^\\s\\u001c-\\u001f\\u0085]"
# Floors the learner gives the spreads of a fingerprint (voice.learn_fingerprint); a spread
# sent lower is raised to them (profiles.normalised). With them and the bounds below, a draft's
# typicality is a finite number whatever fingerprint was imported.
SPREAD_FLOORS = {"style": 1e-9, "similarity": 0.02, "distance": 0.05}


def _object(properties: dict, required: tuple[str, ...] = (), **extra: object) -> dict:
    """A closed object: a key the document does not name is an error, in and out."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
        **extra,
    }


def _int(low: int, high: int, description: str | None = None) -> dict:
    schema: dict = {"type": "integer", "minimum": low, "maximum": high}
    if description:
        schema["description"] = description
    return schema


def _number(low: float, high: float) -> dict:
    return {"type": "number", "minimum": low, "maximum": high}


def _pair(item: dict, description: str) -> dict:
    # Not prefixItems: schemathesis cannot validate answers that use it (its issue #3842), so
    # both members share one schema and what only the second needs is done by `normalised`.
    return {"type": "array", "items": item, "minItems": 2, "maxItems": 2,
            "description": description}


def _strings(description: str) -> dict:
    return {"type": "array", "items": {"type": "string"}, "description": description}


_MEAN_SPREAD = "[mean, spread] over the brand's posts; a spread under the learner's floor is " \
    "raised to it"

NAME = {
    "type": "string",
    "pattern": NAME_PATTERN,
    "description": "1 to 64 letters, digits, spaces, '.', '’', \"'\", '-' or '_'; unique "
    "whatever the case of A-Z.",
}

# What a person edits: every field of the model but what learning fills (samples, fingerprint).
EDITABLE = {
    "name": NAME,
    "languages": {
        "type": "array",
        "items": {"enum": list(LANGUAGES)},
        "minItems": 1,
        "description": "The languages the brand writes in.",
    },
    "address_form": _object(
        {code: {"enum": list(ADDRESS_FORMS)} for code in LANGUAGES},
        description="tu or vous per language (French only makes the difference).",
    ),
    "formality": _int(0, 100, "Target register, 0 casual to 100 institutional."),
    "emoji_max": _int(0, COUNT_MAX, "Most emoji in one post."),
    "exclamation_max": _int(0, COUNT_MAX, "Most exclamation marks in one post."),
    "reading_ease": _pair(
        _number(-1e9, 1e9),
        "[low, high] reading ease of the brand's posts; a pair given high first is read "
        "low first.",
    ),
    "hashtags_max": _object(
        {platform: _int(0, 30) for platform in PLATFORMS},
        description="Most hashtags in one post, per network.",
    ),
    "preferred_terms": _strings("The brand's own words."),
    "banned_terms": {
        "type": "object",
        "propertyNames": {"pattern": _NOT_BLANK},
        "additionalProperties": {"type": "string"},
        "description": "Terms the brand avoids, each with the word it writes instead.",
    },
    "brand_names": _strings("The brand's names (a post about them is a post about itself)."),
    "domains": _strings("The brand's own web domains."),
    "platforms": _object(
        {
            platform: _object(
                {key: _int(0, 100 if key == "formality" else COUNT_MAX) for key in ADJUSTABLE}
            )
            for platform in PLATFORMS
        },
        description="Per-network adjustments of the same voice.",
    ),
}
SAMPLES = _int(0, COUNT_MAX, "How many posts the voice was learned from (0: not learned).")
VERSION = {
    "type": "integer",
    "minimum": 1,
    "description": "Grows by one at every save. Send back the one you read (or If-Match) and "
    "a save made in between is refused with 409 stale_version instead of being overwritten.",
}
ACTIVE_ON = {
    "type": "array",
    "items": {"enum": list(PLATFORMS)},
    "description": "The networks whose drafts are checked against this profile.",
}
DESCRIPTION = {
    "type": "array",
    "items": {"type": "string"},
    "description": "The voice in plain words, one sentence per habit (?lang=en|fr).",
}
LEARNED = {"type": "boolean", "description": "Has a voice been learned from posts?"}

# What a reading gives, accepted back (and ignored) so a client may send a profile it read.
_READ_ONLY = {
    key: {**schema, "readOnly": True}
    for key, schema in (("learned", LEARNED), ("samples", SAMPLES), ("active_on", ACTIVE_ON),
                        ("description", DESCRIPTION))
}

FINGERPRINT = _object(
    {
        "ngrams": {
            "type": "object",
            "additionalProperties": _number(0, 1),
            "description": "Character trigram weights of the brand's posts.",
        },
        "ngram_norm": {"type": "number", "exclusiveMinimum": 0, "maximum": 1e6},
        "style": _object(
            {name: _pair(_number(-1e6, 1e6), _MEAN_SPREAD) for name in Style.__dataclass_fields__}
        ),
        "calibration": _object(
            {
                # A similarity is a cosine, a style distance lies in [0, 4]: so do their means
                # and spreads.
                "similarity": _pair(_number(-2, 2), _MEAN_SPREAD),
                "distance": _pair(_number(0, 4), _MEAN_SPREAD),
            },
            ("similarity", "distance"),
        ),
    },
    ("ngrams", "ngram_norm", "style", "calibration"),
    description="The learned voice, as `postcoach profile export` writes it.",
)
NULLABLE_FINGERPRINT = {**FINGERPRINT, "type": ["object", "null"]}

# Every field of the model is in the document, or a test says which one is missing.
assert set(EDITABLE) | {"samples", "fingerprint"} == {f.name for f in fields(Profile)}

_PROFILE_FIELDS = (*EDITABLE, "samples")
_SUMMARY_FIELDS = ("name", "version", "learned", "samples", "languages", "address_form",
                   "active_on")
_ACTIVE = _object(
    {platform: {"type": "string"} for platform in PLATFORMS},
    description="The profile each network's drafts are checked against; a network not "
    "listed uses generic's, else the built-in default.",
)
_SAMPLE = {
    "type": ["string", "object"],
    "properties": {"text": {"type": "string"}, "platform": {"enum": list(PLATFORMS)}},
    "required": ["text"],
    "additionalProperties": False,
    "description": "A post: its text, or {text, platform}.",
}
_NEW_NAME = {**NAME, "not": {"enum": list(RESERVED_NAMES)}}

SCHEMAS: dict[str, dict] = {
    "ProfileCreate": _object(
        {**EDITABLE, "name": _NEW_NAME, "version": {**VERSION, "readOnly": True}, **_READ_ONLY},
        ("name",),
        description="A new profile's fields; absent ones take the defaults. Learn its voice "
        "next (POST /v1/profiles/{name}/learn).",
    ),
    "ProfileUpdate": _object(
        {**EDITABLE, "version": VERSION, **_READ_ONLY},
        description="PATCH: the fields to change (each replaces that field whole). PUT: "
        "every field (absent ones go back to their defaults). Either way the learned voice is "
        "kept, and name, if given, is the profile's own (a profile cannot be renamed; export "
        "and import it).",
    ),
    "Profile": _object(
        {**EDITABLE, "samples": SAMPLES, "learned": LEARNED, "version": VERSION,
         "active_on": ACTIVE_ON, "description": DESCRIPTION},
        (*_PROFILE_FIELDS, "learned", "version", "active_on", "description"),
        description="A profile without its learned fingerprint (see /export for that).",
    ),
    "ProfileSummary": _object(
        {key: {"name": NAME, "version": VERSION, "learned": LEARNED, "samples": SAMPLES,
               "languages": EDITABLE["languages"], "address_form": EDITABLE["address_form"],
               "active_on": ACTIVE_ON}[key] for key in _SUMMARY_FIELDS},
        _SUMMARY_FIELDS,
    ),
    "ProfileList": _object(
        {"profiles": {"type": "array", "items": {"$ref": "#/components/schemas/ProfileSummary"}},
         "active": _ACTIVE},
        ("profiles", "active"),
    ),
    "ProfileExport": _object(
        {**EDITABLE, "name": _NEW_NAME, "samples": SAMPLES, "fingerprint": NULLABLE_FINGERPRINT},
        ("name",),
        description="A whole profile, learned voice included: what /export gives and /import "
        "takes.",
    ),
    "ActiveProfiles": _object({"active": _ACTIVE}, ("active",)),
    "ActiveChoice": _object(
        {
            "platform": {"enum": list(PLATFORMS),
                         "description": "The network; absent: every network."},
            "name": {"type": ["string", "null"],
                     "description": "A stored profile, or null for the built-in default."},
        },
        ("name",),
    ),
    "LearnRequest": _object(
        {
            "samples": {"type": "array", "items": _SAMPLE,
                        "description": f"The brand's posts, at least {MIN_SAMPLES}."},
            "content": {"type": "string",
                        "description": "Pasted posts: one per line, or a CSV or JSON export."},
            "filename": {"type": "string",
                         "description": "The export's file name (.csv or .json says its kind)."},
            "column": {"type": "string",
                       "description": "The CSV/JSON column holding the text (found if absent)."},
            "platform": {"enum": list(PLATFORMS),
                         "description": "Where posts that do not say were published."},
        },
        oneOf=[{"required": ["samples"]}, {"required": ["content"]}],
        description="The brand's own posts, as a list (samples) or as pasted text (content). "
        "Person-entered fields (brand names, domains, preferred and banned terms) are kept.",
    ),
}

# A profile given in full in an analyze request (a stored profile is given by its name).
ANALYZE_PROFILE = {
    **_object({**EDITABLE, "samples": SAMPLES, "fingerprint": NULLABLE_FINGERPRINT}),
    "type": ["string", "object"],
    "description": "The brand profile to check the tone against: a stored profile's name, or "
    "its fields (as /export gives them). Absent: the profile active for the platform, else the "
    "built-in default. An unknown name: 422 unknown_profile.",
}
