"""The operator's side of a decision: take in the district's signed receipt."""

from __future__ import annotations

from pathlib import Path

from parkdesk.db.workspace import Workspace
from parkdesk.identity.certificates import read_certificate_file
from parkdesk.review.receipt_import import ImportedReceipt, import_receipt as take, receipt_anchors


def import_receipt(workspace: Workspace, path: Path, *, trust_files: list[Path] = ()) -> ImportedReceipt:
    """Verify the receipt (its district trusted, or the one that issued this workspace's certificates; the first
    certificate of each of `trust_files` too) and apply its decision to the report it answers."""
    extra = [read_certificate_file(file)[0] for file in trust_files]
    with workspace.writing() as session:
        return take(session, path, receipt_anchors(session) + extra, actor=workspace.actor)
