"""The district's inbox: every package received is verified, kept, and its report imported read-only.

A file that fails verification is listed as rejected with the reason and is
never imported as data. The same file or package twice is recognised (by the
file's SHA-256, then by package id). A newer package of the same park and
year supersedes the older one, whose bytes stay in the workspace, readable.
An encrypted package is decrypted on import; the decrypted signed ZIP is what
is kept, so the record stays readable without the district's key and its
signature can still be checked.

Each file is committed in its own transaction: a batch that stops half-way
keeps the files already received. While one file is filed, the next plain
(unencrypted) one is already read and verified on a worker thread: verifying
needs no workspace, and hashing and SQLite release the interpreter's lock, so
the two overlap on a second core. An encrypted file is verified in turn, since
decrypting it may unlock a key of the workspace.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import Division, InboxEntry, Park, Report, ReviewEvent, StoredFile
from parkdesk.errors import ParkdeskError
from parkdesk.gc_pause import gc_paused
from parkdesk.input_files import files_in
from parkdesk.identity.trust_store import workspace_anchors
from parkdesk.packages.encryption import Recipient
from parkdesk.packages.layout import REPORT_JSON
from parkdesk.packages.opening import Decrypt
from parkdesk.packages.report_import import import_report
from parkdesk.packages.safe_zip import PackageZip, looks_like_zip
from parkdesk.packages.schema import load_document
from parkdesk.packages.verify import FAILED, UNTRUSTED, Verification, verify_package
from parkdesk.review.layout import PACKAGE_SUFFIXES
from parkdesk.review.record_ids import store_record_ids
from parkdesk.review.setup import workspace_district
from parkdesk.review.states import ACTION_RECEIVED, ACTION_SUPERSEDED, APPROVED, RECEIVED, REPORT_STATUS_OF_STATE
from parkdesk.review.stored_files import store_file
from parkdesk.review.times import naive_utc, shown_time
from parkdesk.texts import text

Progress = Callable[[int, int], None]

ACCEPTED = "accepted"  # verified, kept, its report imported
SUPERSEDED = "superseded"  # verified and kept, but a newer package of the same park and year is already here
DUPLICATE = "duplicate"  # this file or package was received before: nothing changed
REJECTED = "rejected"  # failed verification (or is not for this district): listed, never imported as data
NOT_FOR_US = "encrypted"  # a rejection's class: encrypted to someone else, or undecryptable
DECRYPT_REFUSALS = ("package.encrypted_no_key", "package.decrypt_failed", "package.envelope_unsupported")


@dataclass(frozen=True)
class Received:
    """What became of one file given to the inbox."""

    path: Path
    outcome: str  # ACCEPTED | SUPERSEDED | DUPLICATE | REJECTED
    entry_id: int
    report_id: int | None = None
    reason_key: str | None = None
    reason_params: dict = field(default_factory=dict)

    def reason(self, lang: str = "zh") -> str:
        return text(self.reason_key, lang, **self.reason_params) if self.reason_key else ""


@dataclass(frozen=True)
class Origin:
    """Where packages came from when not sent by the park itself: a district's roll-up (city side)."""

    rollup_id: int
    approved_by: str  # the district office that approved them
    district_code: str | None = None  # the division that signed the roll-up: its parks only


def package_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched (recursively) for .parkpkg and .parkpkg.p7m files, in name order."""
    return files_in(paths, PACKAGE_SUFFIXES)


def import_packages(session: Session, paths: Iterable[Path], *, actor: str, decrypt: Decrypt | None = None,
                    anchors: list[x509.Certificate] | None = None, progress: Progress | None = None,
                    origin: Origin | None = None) -> list[Received]:
    """Receive every package in `paths` (files or folders); each file is committed on its own.

    `anchors` defaults to the workspace's trust store; `decrypt` (see
    parkdesk.packages.keyring.workspace_decryptor) opens encrypted packages.
    A wrong passphrase or a missing one stops the batch (ParkdeskError); a
    package encrypted to someone else is rejected.
    """
    files = package_files(paths)
    anchors = workspace_anchors(session) if anchors is None else anchors
    results = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="parkdesk-inbox") as ahead:
        upcoming = _look_ahead(ahead, files, 0, anchors)
        for number, path in enumerate(files, start=1):
            examined, upcoming = upcoming, _look_ahead(ahead, files, number, anchors)
            try:
                results.append(_receive(session, path, actor, decrypt, anchors, origin,
                                        examined.result() if examined is not None else None))
                session.commit()
            except BaseException:
                session.rollback()
                if upcoming is not None:
                    upcoming.cancel()
                raise
            if progress:
                progress(number, len(files))
    return results


@dataclass(frozen=True)
class Examined:
    """A plain package read and verified ahead of its turn (nothing of the workspace is touched)."""

    file_sha256: str
    size: int
    verification: Verification


def _look_ahead(pool: ThreadPoolExecutor, files: list[Path], index: int, anchors: list[x509.Certificate]
                ) -> "Future[Examined | None] | None":
    return pool.submit(_examine, files[index], anchors) if index < len(files) else None


def _examine(path: Path, anchors: list[x509.Certificate]) -> Examined | None:
    """The file's digest, size and verification, or None (encrypted, unreadable: left to `_receive` in turn)."""
    try:
        with open(path, "rb") as handle:
            if not looks_like_zip(handle.read(4)):
                return None
            handle.seek(0)
            file_sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
        return Examined(file_sha256, path.stat().st_size, verify_package(path, anchors=anchors))
    except Exception:  # the file changed or went away: `_receive` reads it again and says so
        return None


def _receive(session: Session, path: Path, actor: str, decrypt: Decrypt | None, anchors: list[x509.Certificate],
             origin: Origin | None, examined: Examined | None = None) -> Received:
    if examined is not None:
        file_sha256, size = examined.file_sha256, examined.size
    else:
        try:
            with open(path, "rb") as handle:
                file_sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
            size = path.stat().st_size
        except OSError as exc:
            raise ParkdeskError("package.unreadable", path=path, reason=exc.strerror or exc) from None
    seen = session.scalars(select(InboxEntry).where(InboxEntry.file_sha256 == file_sha256)
                           .order_by(InboxEntry.id)).first()
    if seen is not None:
        return Received(path, DUPLICATE, seen.id, seen.report_id, "inbox.duplicate",
                        {"entry": seen.id, "received_at": shown_time(seen.received_at)})
    entry = InboxEntry(file_name=path.name, file_sha256=file_sha256, file_size=size, received_by=actor,
                       rollup_id=origin.rollup_id if origin else None)
    plain: list[bytes] = []

    def capturing(data: bytes, recipients: list[Recipient]) -> bytes:
        if decrypt is None:
            raise ParkdeskError("package.encrypted_no_key", recipients="; ".join(r.issuer_text for r in recipients))
        plain.append(decrypt(data, recipients))
        return plain[-1]

    try:
        verification = examined.verification if examined is not None else \
            verify_package(path, anchors=anchors, decrypt=capturing)
    except ParkdeskError as problem:
        if problem.message_key not in DECRYPT_REFUSALS:
            raise  # a wrong or missing passphrase is the user's to fix, not the package's fault
        entry.encrypted = True
        return _reject(session, path, entry, NOT_FOR_US, problem.message_key, problem.params)
    _describe(entry, verification)
    if verification.failure is not None:
        check = next(c for c in verification.checks.values()
                     if c.status == FAILED and c.failure_class == verification.failure)
        return _reject(session, path, entry, verification.failure, check.key, check.params)
    data = plain[0] if plain else path.read_bytes()
    if not plain and hashlib.sha256(data).hexdigest() != file_sha256:  # changed since it was read and verified
        raise ParkdeskError("inbox.changed_while_reading", path=path)
    twin = session.scalars(select(InboxEntry).where(InboxEntry.package_id == entry.package_id,
                                                    InboxEntry.verified.is_(True))).first()
    if twin is not None:
        if twin.file_id is not None and _stored_sha(session, twin) == hashlib.sha256(data).hexdigest():
            return Received(path, DUPLICATE, twin.id, twin.report_id, "inbox.duplicate",
                            {"entry": twin.id, "received_at": shown_time(twin.received_at)})
        return _reject(session, path, entry, "damaged", "inbox.same_id_other_content",
                       {"package_id": entry.package_id, "entry": twin.id})
    return _accept(session, path, entry, data, actor, origin)


def _describe(entry: InboxEntry, verification: Verification) -> None:
    meta = verification.metadata
    entry.encrypted = bool(meta.get("encrypted"))
    entry.package_id = meta.get("package_id")
    entry.supersedes_package_id = meta.get("supersedes") or None
    entry.park_code, entry.park_name = meta.get("park_code"), meta.get("park_name")
    year = meta.get("year")
    entry.year = int(year) if year and str(year).isdigit() else None
    entry.signer, entry.signer_fingerprint = meta.get("signer"), meta.get("signer_fingerprint")
    findings = meta.get("findings") or {}
    entry.errors, entry.warnings, entry.infos = (findings.get(k, 0) for k in ("errors", "warnings", "infos"))


def _reject(session: Session, path: Path, entry: InboxEntry, failure: str, key: str, params: dict) -> Received:
    entry.verified, entry.state = False, RECEIVED
    entry.failure_class, entry.failure_key = failure, key
    entry.failure_params = json.dumps(params, ensure_ascii=False, default=str)
    session.add(entry)
    session.flush()
    return Received(path, REJECTED, entry.id, None, key, json.loads(entry.failure_params))


def _outside_district(session: Session, park: dict, origin: Origin | None) -> tuple[str, dict] | None:
    """Why this park's report may not come in here (its park is another division's), or None.

    A roll-up carries its own district's parks only; a district's inbox takes
    its own parks only. The park's division is the one this workspace records
    for its code; a park it does not know yet (or knows without a division) is
    placed where its report says.
    """
    if origin is not None:
        expected, key, office = origin.district_code, "inbox.park_other_district", origin.approved_by
    else:
        own = workspace_district(session)
        if own is None:
            return None
        expected, key, office = own.code, "inbox.park_not_ours", own.name
    known = session.scalars(select(Park).where(Park.code == park["code"])).first()
    code = (known.division_code if known is not None else None) or (park.get("division") or {}).get("code")
    if expected is None or code == expected:
        return None
    division = session.get(Division, code) if code else None
    return key, {"park": f"{park['name']}({park['code']})",
                 "park_district": division.name if division else (code or "—"), "district": office}


def _stored_sha(session: Session, entry: InboxEntry) -> str | None:
    return session.scalar(select(StoredFile.sha256).where(StoredFile.id == entry.file_id))


def _accept(session: Session, path: Path, entry: InboxEntry, data: bytes, actor: str,
            origin: Origin | None) -> Received:
    with PackageZip(data) as package, gc_paused():  # report.json's many objects: see parkdesk.gc_pause
        document = load_document(package.read(REPORT_JSON))
        refusal = _outside_district(session, document["park"], origin)
        if refusal is not None:
            return _reject(session, path, entry, UNTRUSTED, *refusal)
        entry.verified = True
        entry.state = APPROVED if origin else RECEIVED
        entry.package_created_at = naive_utc(document["package"]["created_at"])
        entry.file_id = store_file(session, data).id
        session.add(entry)
        session.flush()
        current = _current_entry(session, entry)
        outcome = ACCEPTED
        if current is not None and not _newer(entry, current):
            entry.superseded_by_id = current.id
            outcome = SUPERSEDED
        else:
            if current is not None:
                current.superseded_by_id, current.report_id = entry.id, None
                session.add(ReviewEvent(entry_id=current.id, action=ACTION_SUPERSEDED, state=current.state,
                                        actor=actor, note=entry.package_id))
                session.flush()
            imported = import_report(session, document, replace=True,
                                     attachment_content=lambda attachment: package.read(attachment["path"]))
            entry.report_id = imported.report_id
            store_record_ids(session, entry.id, imported.ids)
            session.get(Report, imported.report_id).status = REPORT_STATUS_OF_STATE[entry.state]
    session.add(ReviewEvent(entry_id=entry.id, action=ACTION_RECEIVED, state=entry.state,
                            actor=origin.approved_by if origin else actor,
                            note=None if outcome == ACCEPTED else f"superseded by entry {entry.superseded_by_id}"))
    record_event(session, actor, "inbox_entries", entry.id, entry.report_id,
                 f"package {entry.package_id} of {entry.park_code} {entry.year} received ({outcome}) from "
                 f"{entry.signer} {entry.signer_fingerprint}")
    session.flush()
    return Received(path, outcome, entry.id, entry.report_id)


def _current_entry(session: Session, entry: InboxEntry) -> InboxEntry | None:
    """The entry whose report stands for the park and year now."""
    return session.scalars(select(InboxEntry).where(
        InboxEntry.park_code == entry.park_code, InboxEntry.year == entry.year, InboxEntry.verified.is_(True),
        InboxEntry.superseded_by_id.is_(None), InboxEntry.id != entry.id)).first()


def _newer(entry: InboxEntry, current: InboxEntry) -> bool:
    """Does `entry` supersede `current`? The package's own word first, else the time it was built."""
    if entry.supersedes_package_id == current.package_id:
        return True
    if current.supersedes_package_id == entry.package_id:
        return False
    return (entry.package_created_at or datetime.min) > (current.package_created_at or datetime.min)

