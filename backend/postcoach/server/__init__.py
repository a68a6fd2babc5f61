"""The local HTTP API the browser extension talks to (ARCHITECTURE.md, "HTTP" and "Security model").

`create_app` is imported on first use: the CLI imports `.commands` for every command, and
`postcoach check` should not pay for importing Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

DEFAULT_PORT = 8731

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["DEFAULT_PORT", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
