"""Where a passphrase comes from: --passphrase-file, then PARKDESK_PASSPHRASE, then a prompt.

Passphrases are returned as bytes and never printed, logged or stored.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.input_files import check_regular_file
from parkdesk.texts import text

ENV_VAR = "PARKDESK_PASSPHRASE"
MIN_LENGTH = 8


def read_passphrase(name: str, *, passphrase_file: Path | None = None, new: bool = False,
                    lang: str = "zh") -> bytes:
    """The passphrase of identity `name`; `new` asks twice and enforces the minimum length."""
    if passphrase_file is not None:
        value = _from_file(passphrase_file)
    elif os.environ.get(ENV_VAR):
        value = os.environ[ENV_VAR]
    else:
        value = _prompt(name, new, lang)
    if new and len(value) < MIN_LENGTH:
        raise InputProblem("identity.passphrase_short", minimum=MIN_LENGTH)
    return value.encode("utf-8")


def _from_file(path: Path) -> str:
    """The file's first line, without its line ending (a passphrase may contain spaces); a UTF-8 byte order
    mark (Notepad writes one) is not part of it."""
    check_regular_file(path)
    try:
        words = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParkdeskError("identity.passphrase_file", path=path,
                            reason=getattr(exc, "strerror", None) or exc) from exc
    first = words.splitlines()[0] if words else ""
    if not first:
        raise ParkdeskError("identity.passphrase_file_empty", path=path)
    return first


def _prompt(name: str, new: bool, lang: str) -> str:
    if not sys.stdin.isatty():
        raise ParkdeskError("identity.no_passphrase")
    if not new:
        return getpass.getpass(text("identity.prompt", lang, name=name))
    first = getpass.getpass(text("identity.prompt_new", lang, name=name, minimum=MIN_LENGTH))
    if len(first) >= MIN_LENGTH and getpass.getpass(text("identity.prompt_again", lang)) != first:
        raise InputProblem("identity.passphrase_mismatch")
    return first
