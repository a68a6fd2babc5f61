"""The brand profile a draft's tone is checked against."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields

from .errors import InputError

ADDRESS_FORMS = ("tu", "vous")


@dataclass(frozen=True)
class Profile:
    name: str = "default"
    languages: tuple[str, ...] = ("fr", "en")
    # Address form per language; only French distinguishes tu from vous.
    address_form: Mapping[str, str] = field(default_factory=lambda: {"fr": "vous"})
    formality: int = 60
    emoji_max: int = 1
    exclamation_max: int = 1
    reading_ease: tuple[float, float] = (40.0, 90.0)
    hashtags_max: Mapping[str, int] = field(
        default_factory=lambda: {"facebook": 2, "linkedin": 5, "generic": 3}
    )
    preferred_terms: Mapping[str, str] = field(default_factory=dict)
    banned_terms: Mapping[str, str] = field(default_factory=dict)
    brand_names: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("languages", "reading_ease", "brand_names", "domains"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Profile:
        if not isinstance(data, Mapping):
            raise InputError("profile", "profile must be an object")
        known = {f.name for f in fields(cls)}
        if unknown := sorted(set(data) - known):
            raise InputError("profile", f"unknown profile field(s): {', '.join(unknown)}")
        values = dict(data)
        for key in ("languages", "reading_ease", "brand_names", "domains"):
            if key in values:
                values[key] = tuple(values[key])
        address = values.get("address_form", {})
        if not isinstance(address, Mapping) or any(
            v not in ADDRESS_FORMS for v in address.values()
        ):
            raise InputError("profile.address_form", "address_form maps a language to tu or vous")
        return cls(**values)


DEFAULT_PROFILE = Profile()


def resolve(profile: Profile | Mapping | None) -> Profile:
    if profile is None:
        return DEFAULT_PROFILE
    if isinstance(profile, Profile):
        return profile
    return Profile.from_dict(profile)
