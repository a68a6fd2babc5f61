"""The `postcoach` command."""

from postcoach.cli.main import main

__all__ = ["main"]
