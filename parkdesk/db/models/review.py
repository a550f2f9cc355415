"""The review side: received files, the district's inbox and review, receipts and roll-ups received.

A reviewer's workspace keeps every package it accepted as the bytes it
received (`StoredFile`), so what a park submitted stays readable after a newer
package replaced its data. An operator's workspace keeps the receipts that
answered its packages and their comments; a city workspace the roll-ups.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from parkdesk.db.models.base import Base, utcnow


class StoredFile(Base):
    """A file kept whole inside the workspace (a package, a receipt, a roll-up), by its SHA-256."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class ReceivedRollup(Base):
    """A district's signed roll-up the city imported."""

    __tablename__ = "received_rollups"

    id: Mapped[int] = mapped_column(primary_key=True)
    rollup_id: Mapped[str] = mapped_column(String(36), unique=True)
    district_code: Mapped[str] = mapped_column(String(16), index=True)
    district_name: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(Text)
    signer_fingerprint: Mapped[str] = mapped_column(String(95))
    file_name: Mapped[str] = mapped_column(String(260))
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"))
    package_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime | None] = mapped_column(DateTime)  # when the district built it
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    received_by: Mapped[str] = mapped_column(String(128))
    sequence: Mapped[int | None] = mapped_column(Integer)  # its number among the district's roll-ups of the year
    replaced_by_id: Mapped[int | None] = mapped_column(Integer)  # the newer roll-up that replaced its set
    district_report: Mapped[str | None] = mapped_column(Text)  # its year-end district section (JSON), if any


class BuiltRollup(Base):
    """A roll-up this district built; numbered per year, so the city can tell the newest from a replay."""

    __tablename__ = "built_rollups"
    __table_args__ = (UniqueConstraint("year", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rollup_id: Mapped[str] = mapped_column(String(36), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64))
    parks: Mapped[str] = mapped_column(Text)  # the park codes carried, comma-separated
    built_by: Mapped[str] = mapped_column(String(128))
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class InboxEntry(Base):
    """One file received: verified and kept, or rejected with the reason (and never imported as data)."""

    __tablename__ = "inbox_entries"
    __table_args__ = (Index("ix_inbox_entries_park_year", "park_code", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(260))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)  # the file as received (maybe encrypted)
    file_size: Mapped[int] = mapped_column(Integer)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    verified: Mapped[bool] = mapped_column(Boolean)
    failure_class: Mapped[str | None] = mapped_column(String(16))  # parkdesk.packages.verify failure classes
    failure_key: Mapped[str | None] = mapped_column(String(64))  # message key of the reason
    failure_params: Mapped[str | None] = mapped_column(Text)  # its parameters, JSON
    package_id: Mapped[str | None] = mapped_column(String(64), index=True)
    supersedes_package_id: Mapped[str | None] = mapped_column(String(64))  # as the package says
    park_code: Mapped[str | None] = mapped_column(String(32))
    park_name: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    signer: Mapped[str | None] = mapped_column(Text)
    signer_fingerprint: Mapped[str | None] = mapped_column(String(95))
    package_created_at: Mapped[datetime | None] = mapped_column(DateTime)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id"))  # the signed ZIP (decrypted)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"), index=True)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("inbox_entries.id"))
    rollup_id: Mapped[int | None] = mapped_column(ForeignKey("received_rollups.id"))  # came inside a roll-up
    state: Mapped[str] = mapped_column(String(16), default="received")  # the latest review state
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    received_by: Mapped[str] = mapped_column(String(128))


class InboxRecordId(Base):
    """The record ids of a package's report.json (the operator's own) and of its imported copy here."""

    __tablename__ = "inbox_record_ids"
    __table_args__ = (Index("ix_inbox_record_ids_local", "entry_id", "kind", "local_id"),)

    entry_id: Mapped[int] = mapped_column(ForeignKey("inbox_entries.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)  # a record key: enterprise, milestone ...
    document_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    local_id: Mapped[int] = mapped_column(Integer)


class ReviewEvent(Base):
    """The review's history: who did what, when (received, a state set, a comment, a receipt, superseded)."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("inbox_entries.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))  # the state after the event
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReviewComment(Base):
    """A reviewer's comment on a section, a record or a field; the location uses the package's record ids."""

    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("inbox_entries.id", ondelete="CASCADE"), index=True)
    location_key: Mapped[str] = mapped_column(String(300))  # Location.key() with the operator's record ids
    section: Mapped[str] = mapped_column(String(32))
    record: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(64))
    row_label: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReceivedReceipt(Base):
    """A district's signed decision on one of this workspace's packages (operator side)."""

    __tablename__ = "received_receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[str] = mapped_column(String(36), unique=True)
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    district_code: Mapped[str] = mapped_column(String(16))
    district_name: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(Text)
    signer_fingerprint: Mapped[str] = mapped_column(String(95))
    decided_by: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(260))
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    received_by: Mapped[str] = mapped_column(String(128))


class ReceiptComment(Base):
    """A comment of a received receipt, located with this workspace's own record ids."""

    __tablename__ = "receipt_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("received_receipts.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    location_key: Mapped[str] = mapped_column(String(300))
    section: Mapped[str] = mapped_column(String(32))
    record: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(64))
    row_label: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime)
