"""Reading the inbox: one row per file received, an entry's details, and a package kept but superseded."""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import InboxEntry
from parkdesk.errors import WorkspaceError
from parkdesk.packages.layout import REPORT_JSON
from parkdesk.packages.report_import import import_report, scratch_session
from parkdesk.packages.safe_zip import PackageZip
from parkdesk.reference.choices import label_of
from parkdesk.review.standing import standing_approved
from parkdesk.review.states import APPROVED, REVIEW_STATES
from parkdesk.review.stored_files import file_bytes
from parkdesk.texts import text


@dataclass(frozen=True)
class InboxRow:
    """One file received, as the inbox lists it."""

    entry_id: int
    file_name: str
    park_code: str | None
    park_name: str | None
    year: int | None
    signer: str | None
    signer_fingerprint: str | None
    verified: bool
    failure_class: str | None
    failure_key: str | None
    failure_params: dict
    state: str
    errors: int
    warnings: int
    infos: int
    encrypted: bool
    package_id: str | None
    supersedes_package_id: str | None
    report_id: int | None  # the imported report (None: rejected, or superseded by a newer package)
    superseded_by_id: int | None
    received_at: datetime
    received_by: str
    stands_approved: bool = False  # the approved package the roll-up carries for its park and year
    replaces_approved: bool = False  # a newer package, not yet approved, over an approved one that still stands

    @property
    def current(self) -> bool:
        """Verified, and the package whose report stands for its park and year."""
        return self.verified and self.superseded_by_id is None

    def reason(self, lang: str = "zh") -> str:
        """Why the file was rejected ('' when it was not)."""
        if not self.failure_key:
            return ""
        params = self.failure_params
        if self.failure_key == "package.entry_damaged":  # the zip reader's words, told as what happened
            from parkdesk.packages.damage_words import damage_words

            params = {**params, "reason": damage_words(params.get("reason", ""), lang)}
        return text(self.failure_key, lang, **params)

    def state_text(self, lang: str = "zh") -> str:
        if not self.verified:  # a refused file was received, not accepted: it is never reviewed
            return text("review.refused", lang)
        words = label_of(REVIEW_STATES, self.state, lang)
        if self.replaces_approved:
            return words + text("review.replaces_approved", lang)
        if self.stands_approved and not self.current:
            return words + text("review.approved_stands", lang)
        return words

    def to_json(self, lang: str = "zh") -> dict:
        return {"entry": self.entry_id, "file": self.file_name, "park_code": self.park_code,
                "park_name": self.park_name, "year": self.year, "signer": self.signer,
                "fingerprint": self.signer_fingerprint, "verified": self.verified,
                "failure_class": self.failure_class, "reason": self.reason(lang), "state": self.state,
                "state_text": self.state_text(lang),
                "findings": {"errors": self.errors, "warnings": self.warnings, "infos": self.infos},
                "encrypted": self.encrypted, "package_id": self.package_id,
                "supersedes": self.supersedes_package_id, "report_id": self.report_id,
                "superseded_by": self.superseded_by_id, "current": self.current,
                "stands_approved": self.stands_approved, "replaces_approved": self.replaces_approved,
                "received_at": self.received_at.isoformat(timespec="seconds"), "received_by": self.received_by}


def _row(entry: InboxEntry, standing: dict[tuple[str, int], int]) -> InboxRow:
    stands = standing.get((entry.park_code, entry.year))
    current = bool(entry.verified) and entry.superseded_by_id is None
    return InboxRow(
        entry.id, entry.file_name, entry.park_code, entry.park_name, entry.year, entry.signer,
        entry.signer_fingerprint, bool(entry.verified), entry.failure_class, entry.failure_key,
        json.loads(entry.failure_params) if entry.failure_params else {}, entry.state, entry.errors,
        entry.warnings, entry.infos, bool(entry.encrypted), entry.package_id, entry.supersedes_package_id,
        entry.report_id, entry.superseded_by_id, entry.received_at, entry.received_by,
        stands_approved=stands == entry.id,
        replaces_approved=current and stands is not None and stands != entry.id and entry.state != APPROVED)


def list_inbox(session: Session, *, year: int | None = None) -> list[InboxRow]:
    """Every file received (of `year`, when given), in the order received."""
    query = select(InboxEntry).order_by(InboxEntry.id)
    if year is not None:
        query = query.where(InboxEntry.year == year)
    standing = _standing(session, year)
    return [_row(entry, standing) for entry in session.scalars(query)]


def inbox_row(session: Session, entry_id: int) -> InboxRow:
    entry = get_entry(session, entry_id)
    return _row(entry, _standing(session, entry.year))


def _standing(session: Session, year: int | None) -> dict[tuple[str, int], int]:
    return {(e.park_code, e.year): e.id for e in standing_approved(session, year)}


def get_entry(session: Session, entry_id: int) -> InboxEntry:
    entry = session.get(InboxEntry, entry_id)
    if entry is None:
        raise WorkspaceError("review.no_entry", entry=entry_id)
    return entry


def current_entry_for(session: Session, park_code: str, year: int) -> InboxEntry:
    """The verified, not superseded entry of a park and year."""
    entry = session.scalars(select(InboxEntry).where(
        InboxEntry.park_code == park_code, InboxEntry.year == year, InboxEntry.verified.is_(True),
        InboxEntry.superseded_by_id.is_(None))).first()
    if entry is None:
        raise WorkspaceError("review.no_entry_for", park=park_code, year=year)
    return entry


def entry_of_report(session: Session, report_id: int) -> InboxEntry | None:
    """The inbox entry whose package the report was imported from."""
    return session.scalars(select(InboxEntry).where(InboxEntry.report_id == report_id)).first()


def report_id_of_entry(session: Session, entry_id: int) -> int | None:
    """The report imported from the entry's package (None: rejected, or superseded)."""
    return get_entry(session, entry_id).report_id


def package_bytes(session: Session, entry_id: int) -> bytes:
    """The signed package ZIP as kept (decrypted when it came encrypted)."""
    entry = get_entry(session, entry_id)
    if entry.file_id is None:
        raise WorkspaceError("review.not_kept", entry=entry_id)
    return file_bytes(session, entry.file_id)


def package_document(session: Session, entry_id: int) -> dict:
    """The entry's report.json."""
    with PackageZip(package_bytes(session, entry_id)) as package:
        return json.loads(package.read(REPORT_JSON))


def _import_kept(session: Session, entry_id: int, target: Session) -> int:
    """Load the kept package of `entry_id` (its report and attachments) into `target`; the report's id there."""
    with PackageZip(package_bytes(session, entry_id)) as package:
        document = json.loads(package.read(REPORT_JSON))
        return import_report(target, document,
                             attachment_content=lambda attachment: package.read(attachment["path"])).report_id


@contextmanager
def kept_report(session: Session, entry_id: int) -> Iterator[tuple[Session, int]]:
    """(a throwaway session, the report id in it) for reading any kept package, superseded ones included."""
    with scratch_session() as scratch:
        yield scratch, _import_kept(session, entry_id, scratch)


def readable_copy(session: Session, entry_id: int, path) -> int:
    """Write the kept package of `entry_id` (superseded ones included) as a workspace of its own at `path`, its
    report locked (submitted): for reading it as it was received. Returns the report's id there."""
    from parkdesk.db.models import Report
    from parkdesk.db.workspace import ROLE_REVIEWER, create_workspace
    from parkdesk.reports import status

    entry = get_entry(session, entry_id)
    with create_workspace(path, role=ROLE_REVIEWER, name=entry.file_name, overwrite=True) as copy, \
            copy.writing() as target:
        report_id = _import_kept(session, entry.id, target)
        target.get(Report, report_id).status = status.SUBMITTED
        return report_id
