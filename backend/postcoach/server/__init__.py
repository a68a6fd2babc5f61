"""The local HTTP API the browser extension talks to (ARCHITECTURE.md, "HTTP" and "Security model").

`create_app` is imported on first use: the CLI registers its server commands for every command, and
`postcoach check` should not pay for importing Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postcoach.server.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from postcoach.server.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
