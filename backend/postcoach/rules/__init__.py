"""The rule catalogue: every module under a family package that defines `RULE`."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from postcoach.contract import FAMILIES
from postcoach.rules.base import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for family in FAMILIES:
        package = importlib.import_module(f"{__name__}.{family}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            rule = getattr(module, "RULE", None)
            if not isinstance(rule, Rule):
                raise TypeError(f"{module.__name__} defines no RULE")
            rules.append(rule)
    ids = [r.id for r in rules]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise ValueError(f"duplicate rule ids: {duplicates}")
    return tuple(rules)

