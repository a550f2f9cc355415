"""Writing certificates, requests and exported keys: temp file, then rename; keys readable by the owner only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from parkdesk.errors import ParkdeskError

PRIVATE_MODE = 0o600
PUBLIC_MODE = 0o644


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> Path:
    """Write `data` to `path` whole or not at all; a private file is created 0600 from the start."""
    path = Path(path)
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            if not private:
                os.chmod(temp, PUBLIC_MODE)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ParkdeskError("cli.write_failed", path=path, reason=exc.strerror or exc) from exc
    return path
