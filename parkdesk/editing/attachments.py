"""Files attached to a report: stored in the workspace with their SHA-256, read back out to open."""

from __future__ import annotations

import hashlib
import mimetypes
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.atomic_files import write_atomically
from parkdesk.db.models import Attachment
from parkdesk.editing.changes import InsertRows
from parkdesk.errors import InputProblem


MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024


def attach_file(report_id: int, path: Path, description: str | None = None) -> InsertRows:
    """The change that adds `path` to the report (one step of undo)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise InputProblem("attach.too_big", path=path, size=size // 2**20, limit=MAX_ATTACHMENT_BYTES // 2**20)
        content = path.read_bytes()
    except OSError as error:
        raise InputProblem("attach.unreadable", path=path, reason=error.strerror or error) from None
    return InsertRows("attachments", ({
        "report_id": report_id, "filename": path.name, "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(), "content": content, "description": description,
        "media_type": mimetypes.guess_type(path.name)[0] or "application/octet-stream",
    },))


def extract_attachment(session: Session, attachment_id: int, folder: Path | None = None) -> Path:
    """Write the attachment to a file (in a fresh temporary folder unless given) and return its path."""
    filename, content = session.execute(
        select(Attachment.filename, Attachment.content).where(Attachment.id == attachment_id)).one()
    folder = Path(folder or tempfile.mkdtemp(prefix="parkdesk-attachment-"))
    target = folder / Path(filename).name  # never a path from the database
    return write_atomically(target, content)
