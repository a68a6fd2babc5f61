"""Errors the engine raises for bad input; the server and the CLI turn them into messages."""


class CommandError(Exception):
    """A one-line message for a CLI user; the command exits with status 2."""


class InputError(ValueError):
    """A caller passed something the engine cannot analyse. `field` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
