"""The operator's side of a decision receipt: verified, matched to the package it answers, comments kept.

A receipt that matches no package built in this workspace, or that is not
signed by a trusted district, is refused. Each comment is kept beside the
field or row it concerns (the receipt carries this workspace's own record
ids). A returned report opens for editing again (status 已退回, editable
like a draft); an approved one becomes 已通过. A decision on a package that a
newer one has since replaced is kept with its comments, but changes no status:
the newer package awaits its own decision. A decision applies only while the
report still says what the package carried (else the receipt is refused), and
decisions apply in the order the district made them: a later one supersedes an
earlier one, an earlier one arriving after a later one is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import ReceiptComment, ReceivedReceipt, Report, SignedPackage
from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.identity.store import chain_of, list_identities
from parkdesk.identity.trust_store import trusted_certificates
from parkdesk.packages.opening import open_package
from parkdesk.packages.report_export import content_digest
from parkdesk.packages.verify import DAMAGED, FAILED, NOT_A_PACKAGE, UNTRUSTED, Verification, verify_signed_bag
from parkdesk.reference.labels import Label
from parkdesk.reports import status
from parkdesk.review.layout import RECEIPT_JSON
from parkdesk.review.signed_documents import ReceiptVerifier
from parkdesk.review.states import APPROVED, RETURNED
from parkdesk.review.stored_files import store_file
from parkdesk.review.times import naive_utc
from parkdesk.texts import Text



class ReceiptRefused(InputProblem):
    """The receipt was read but cannot be taken: untrusted, altered, or answering no package of ours."""


@dataclass(frozen=True)
class ImportedReceipt:
    receipt_id: str
    report_id: int
    park_name: str
    year: int
    decision: str
    district_name: str
    comments: int
    status_before: str
    status_after: str
    applied: bool  # False: a newer package was sent since, so no status changed
    already: bool  # this very receipt had been imported before: nothing changed


def receipt_anchors(session: Session) -> list[x509.Certificate]:
    """Who may sign receipts: the trust store, and the districts that issued this workspace's certificates."""
    return trusted_certificates(session) + [cert for identity in list_identities(session)
                                            for cert in chain_of(identity)]


def import_receipt(session: Session, path: Path, anchors: list[x509.Certificate] | None = None, *,
                   actor: str) -> ImportedReceipt:
    """Verify the receipt at `path` and apply it (in the session's transaction; the caller commits)."""
    path = Path(path)
    verification = verify_signed_bag(path, ReceiptVerifier,
                                     anchors=receipt_anchors(session) if anchors is None else anchors)
    _refuse_unless_verified(verification, path)
    with open_package(path) as opened:
        document = json.loads(opened.zip.read(RECEIPT_JSON))
    try:
        return _take(session, path, document, verification, actor)
    except (LookupError, TypeError, ValueError, OverflowError, StatementError) as exc:
        # signed by a trusted district and in its schema, yet not storable: a time like 2024-13-45T99:99,
        # an integer beyond 64 bits, text that is not Unicode (the caller rolls the transaction back)
        reason = f"{type(exc).__name__}: {exc}"[:200]
        raise ReceiptRefused("receipt.refused", path=path,
                             reason=Text("receipt.not_storable", {"reason": reason})) from None


def _take(session: Session, path: Path, document: dict, verification: Verification, actor: str) -> ImportedReceipt:
    receipt, package, district = document["receipt"], document["package"], document["district"]
    earlier = session.scalars(select(ReceivedReceipt).where(ReceivedReceipt.receipt_id == receipt["id"])).first()
    if earlier is not None:
        report = session.get(Report, earlier.report_id)
        return ImportedReceipt(earlier.receipt_id, report.id, report.park.name, report.year, earlier.decision,
                               earlier.district_name, 0, report.status, report.status, False, True)
    sent = session.scalars(select(SignedPackage).where(SignedPackage.package_id == package["id"])).first()
    if sent is None or sent.file_sha256 != package["sha256"]:
        raise ReceiptRefused("receipt.no_package", package_id=package["id"], park=package["park_name"],
                             year=package["year"])
    report = session.get(Report, sent.report_id)
    decision = document["decision"]
    _refuse_if_older(session, package["id"], naive_utc(decision["decided_at"]))
    applied = _latest_package(session, report.id) == package["id"]
    if applied and not _still_says(session, sent, report):
        raise ReceiptRefused("receipt.content_changed", park=report.park.name, year=report.year,
                             package_id=package["id"])
    row = ReceivedReceipt(
        receipt_id=receipt["id"], package_id=package["id"], report_id=report.id, decision=decision["state"],
        note=decision["note"], district_code=district["code"], district_name=district["name"],
        signer=verification.metadata.get("signer") or "",
        signer_fingerprint=verification.metadata.get("signer_fingerprint") or "", decided_by=decision["decided_by"],
        decided_at=naive_utc(decision["decided_at"]), file_name=path.name,
        file_id=store_file(session, path.read_bytes()).id, received_by=actor)
    session.add(row)
    session.flush()
    session.add_all(ReceiptComment(
        receipt_id=row.id, report_id=report.id, location_key=c["location_key"], section=c["section"],
        record=c["record"], record_id=c["record_id"], field=c["field"], row_label=c["row"], text=c["text"],
        author=c["author"], created_at=naive_utc(c["created_at"]) or datetime.now()) for c in document["comments"])
    before = report.status
    if applied:
        _apply(session, report, decision["state"], district["name"], receipt["id"], actor)
    record_event(session, actor, "received_receipts", row.id, report.id,
                 f"receipt {receipt['id']} from {district['name']}: {decision['state']} of package {package['id']}"
                 f" with {len(document['comments'])} comments" + ("" if applied else " (a newer package was sent)"))
    session.flush()
    return ImportedReceipt(receipt["id"], report.id, report.park.name, report.year, decision["state"],
                           district["name"], len(document["comments"]), before, report.status, applied, False)


def _refuse_unless_verified(verification: Verification, path: Path) -> None:
    if verification.failure is None:
        return
    check = next(c for c in verification.checks.values()
                 if c.status == FAILED and c.failure_class == verification.failure)
    reason = Label(check.text("zh"), check.text("en"))
    if verification.failure in (NOT_A_PACKAGE, DAMAGED):
        raise ParkdeskError("receipt.unreadable", path=path, reason=reason)
    if verification.failure == UNTRUSTED:
        raise ReceiptRefused("receipt.untrusted", path=path,
                             district=verification.metadata.get("district_name") or "?", reason=reason)
    raise ReceiptRefused("receipt.refused", path=path, reason=reason)


def _refuse_if_older(session: Session, package_id: str, decided_at: datetime | None) -> None:
    """Decisions apply in the order the district made them: an older one never overrides a newer one."""
    newer = session.scalars(select(ReceivedReceipt).where(ReceivedReceipt.package_id == package_id)
                            .order_by(ReceivedReceipt.decided_at.desc(), ReceivedReceipt.id.desc())).first()
    if newer is None or decided_at is None or newer.decided_at is None or decided_at > newer.decided_at:
        return
    raise ReceiptRefused("receipt.older", package_id=package_id, newer=newer.receipt_id,
                         newer_at=f"{newer.decided_at:%Y-%m-%d %H:%M:%S}", decided_at=f"{decided_at:%Y-%m-%d %H:%M:%S}")


def _still_says(session: Session, sent: SignedPackage, report: Report) -> bool:
    """Does the report still say what the package carried? (Packages from before digests were kept: has it been
    left untouched since the package was built?)"""
    if sent.content_sha256 is not None:
        return content_digest(session, report.id) == sent.content_sha256
    return report.updated_at is None or sent.built_at is None or report.updated_at <= sent.built_at


def _latest_package(session: Session, report_id: int) -> str | None:
    return session.scalars(select(SignedPackage.package_id).where(SignedPackage.report_id == report_id)
                           .order_by(SignedPackage.built_at.desc(), SignedPackage.id.desc())).first()


def _apply(session: Session, report: Report, decision: str, district: str, receipt_id: str, actor: str) -> None:
    """The district's latest decision on the content the report still has: returned opens it for editing,
    approved accepts it (whatever an earlier receipt decided)."""
    if decision == RETURNED:
        status.apply(report, status.DISTRICT_RETURNED)
        record_event(session, actor, "reports", report.id, report.id,
                     f"returned by {district} (receipt {receipt_id}): open for editing")
    elif decision == APPROVED:
        status.apply(report, status.DISTRICT_APPROVED)
        record_event(session, actor, "reports", report.id, report.id, f"approved by {district} (receipt {receipt_id})")
