"""What a workspace knows of a report's package: the newest one it built or received, by its fingerprints."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import InboxEntry, SignedPackage


@dataclass(frozen=True)
class PackageRecord:
    file_sha256: str  # the package file as sent or received (an encrypted one as encrypted)
    signer_fingerprint: str | None  # the SHA-256 fingerprint of the signer's certificate


def recorded_package(session: Session, report_id: int) -> PackageRecord | None:
    """The newest package of report `report_id` this workspace built (operator) or verified on receipt (district)."""
    built = session.execute(select(SignedPackage.file_sha256, SignedPackage.identity_fingerprint)
                            .where(SignedPackage.report_id == report_id)
                            .order_by(SignedPackage.built_at.desc(), SignedPackage.id.desc())).first()
    if built is not None:
        return PackageRecord(*built)
    received = session.execute(select(InboxEntry.file_sha256, InboxEntry.signer_fingerprint)
                               .where(InboxEntry.report_id == report_id, InboxEntry.verified.is_(True))
                               .order_by(InboxEntry.id.desc())).first()
    return PackageRecord(*received) if received is not None else None
