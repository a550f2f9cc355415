"""Files kept whole inside the workspace (packages, receipts, roll-ups), once per content."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import StoredFile


def store_file(session: Session, data: bytes) -> StoredFile:
    """The stored file with these bytes, added when the workspace has none yet."""
    digest = hashlib.sha256(data).hexdigest()
    existing = session.scalars(select(StoredFile).where(StoredFile.sha256 == digest)).first()
    if existing is not None:
        return existing
    stored = StoredFile(sha256=digest, size=len(data), content=data)
    session.add(stored)
    session.flush()
    return stored


def file_bytes(session: Session, file_id: int) -> bytes:
    return session.scalar(select(StoredFile.content).where(StoredFile.id == file_id)) or b""
