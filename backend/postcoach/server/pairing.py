"""Pairing: the token the extension shows on every call to prove it is ours, and the short
one-time code that lets the settings page get that token without copying it.

The token is made once, on first use, and kept in the data directory readable by the user alone.

The code (six digits) is made by `postcoach pair` or by the server as it starts, and kept in the
same directory beside the token, in a file of the same mode: whoever can read it could read the
token anyway, so it reveals nothing more. A file, rather than asking the running server, works
whichever port the server listens on, whether it runs in a terminal or as a service, and needs
no endpoint that hands out codes. The server reads the file when the settings page sends a code
(POST /v1/pair); it alone counts wrong tries, in memory, per code. A code works once, for
CODE_SECONDS, and dies at the MAX_WRONG_TRIES-th wrong try: one guess in 200 000 per code.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from postcoach.paths import data_dir

TOKEN_FILE_NAME = "token"
CODE_FILE_NAME = "pairing-code"
CODE_DIGITS = 6
CODE_SECONDS = 300
MAX_WRONG_TRIES = 5
# token_urlsafe(32) gives 43 characters; anything shorter or foreign is a damaged file.
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{43,}")


def token_path() -> Path:
    return data_dir() / TOKEN_FILE_NAME


def load_or_create_token() -> str:
    path = token_path()
    try:
        token = path.read_text(encoding="ascii").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        token = ""
    if not _TOKEN_RE.fullmatch(token):
        return _write_new_token(path)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o600)
    return token


def _write_new_token(path: Path) -> str:
    token = secrets.token_urlsafe(32)
    _write_private(path, token + "\n")
    return token


def _write_private(path: Path, text: str) -> None:
    # mkstemp creates the file with mode 0600; the rename publishes it whole or not at all.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "w", encoding="ascii") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- The one-time pairing code ---------------------------------------------------------------


@dataclass(frozen=True)
class PairingCode:
    code: str
    expires: float  # seconds since the epoch

    def minutes_left(self, now: float | None = None) -> int:
        return max(0, round((self.expires - (time.time() if now is None else now)) / 60))


def code_path() -> Path:
    return data_dir() / CODE_FILE_NAME


def issue_code(now: float | None = None) -> PairingCode:
    """A new code, replacing any earlier one."""
    code = PairingCode(f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}",
                       (time.time() if now is None else now) + CODE_SECONDS)
    _write_private(code_path(), json.dumps({"code": code.code, "expires": code.expires}) + "\n")
    return code


def _stored_code() -> PairingCode | None:
    try:
        data = json.loads(code_path().read_text(encoding="ascii"))
        code = PairingCode(str(data["code"]), float(data["expires"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return code if re.fullmatch(rf"[0-9]{{{CODE_DIGITS}}}", code.code) else None


def waiting_code(now: float | None = None) -> PairingCode:
    """The code still waiting to be used if there is one, else a new one: what the server's
    start banner shows (a code just printed by `postcoach pair` stays good)."""
    code = _stored_code()
    if code is not None and code.expires > (time.time() if now is None else now):
        return code
    return issue_code(now)


def _discard(code: PairingCode) -> None:
    """Deletes the code file if it still holds `code` (not a newer one)."""
    if _stored_code() == code:
        code_path().unlink(missing_ok=True)


class PairingRefused(Exception):
    def __init__(self, code: str, message: str, tries_left: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.tries_left = tries_left


_NEW_CODE = "run `postcoach pair` for a new code"


class CodeChecker:
    """The server's side: checks codes against the file, counts wrong tries per code."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wrong: dict[PairingCode, int] = {}

    def redeem(self, given: str, now: float | None = None) -> None:
        """Returns if `given` is the waiting code (which is then used up); raises
        PairingRefused otherwise."""
        now = time.time() if now is None else now
        with self._lock:
            code = _stored_code()
            if code is None:
                raise PairingRefused("code_expired", f"no pairing code is waiting; {_NEW_CODE}")
            wrong = self._wrong.get(code, 0)
            if code.expires <= now:
                _discard(code)
                raise PairingRefused("code_expired", f"this pairing code has expired; {_NEW_CODE}")
            if wrong >= MAX_WRONG_TRIES:
                _discard(code)
                raise PairingRefused("too_many_tries", f"{MAX_WRONG_TRIES} wrong codes were "
                                     f"tried, so the code no longer works; {_NEW_CODE}")
            if hmac.compare_digest(given.encode(), code.code.encode()):
                _discard(code)
                self._wrong.pop(code, None)
                return
            wrong += 1
            # Only the codes that were tried are kept, and only until they die.
            self._wrong = {c: n for c, n in self._wrong.items() if c.expires > now}
            self._wrong[code] = wrong
            if wrong >= MAX_WRONG_TRIES:
                _discard(code)
                raise PairingRefused("too_many_tries", f"wrong code, and the {MAX_WRONG_TRIES}th: "
                                     f"the code no longer works; {_NEW_CODE}", tries_left=0)
            raise PairingRefused("wrong_code", f"wrong pairing code; {MAX_WRONG_TRIES - wrong} "
                                 "tries left", tries_left=MAX_WRONG_TRIES - wrong)
