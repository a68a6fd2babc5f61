"""The pairing token: the secret the extension shows on every call to prove it is ours.

It is made once, on first use, and kept in the data directory readable by the user alone.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from pathlib import Path

from postcoach.paths import data_dir

TOKEN_FILE_NAME = "token"
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
    # mkstemp creates the file with mode 0600; the rename publishes it whole or not at all.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "w", encoding="ascii") as file:
            file.write(token + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return token
