"""Building a package: the report's payload written as a signed bag (parkdesk.packages.signed_bag).

The ZIP is written to a temporary file beside the target and renamed into
place only when complete and recorded. Only a finalized (or later) report is packaged.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk import __version__
from parkdesk.atomic_files import private_folder, writing_atomically
from parkdesk.db.engine import WRITE
from parkdesk.db.models import Attachment, Report, SignedPackage
from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.identity.certificates import fingerprint, subject_text, unit_of, utc_now, valid_from, valid_until
from parkdesk.packages.documents import write_documents
from parkdesk.packages.encryption import encrypt_to as encrypt_for
from parkdesk.packages.layout import REPORT_JSON, attachment_path
from parkdesk.packages.report_export import attachment_rows, content_digest, export_report
from parkdesk.packages.signed_bag import file_digest, write_signed_zip
from parkdesk.reports import status
from parkdesk.texts import Text

PACKAGEABLE = status.PACKAGEABLE
CHUNK = 8 << 20
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Signer:
    key: object  # an EC or RSA private key
    certificate: x509.Certificate
    chain: list[x509.Certificate]


@dataclass(frozen=True)
class BuiltPackage:
    path: Path
    package_id: str
    supersedes: str | None
    size: int
    sha256: str
    signer_fingerprint: str
    documents: list[str]
    encrypted_to: str | None


def build_package(session: Session, report_id: int, out: Path, signer: Signer, *, actor: str,
                  encrypt_to: x509.Certificate | None = None, lang: str = "zh",
                  progress: Progress | None = None, now: datetime | None = None,
                  with_documents: bool = True) -> BuiltPackage:
    """Write the signed package of a finalized report to `out` and commit its record.

    The record is committed before the file is renamed into place (a package
    never exists without its record); the session's earlier transaction is
    committed first. An encrypted package is assembled in a private temporary
    folder, so its plaintext never sits beside the target.

    `with_documents=False` leaves out the rendered workbook and summary (report.json says which documents a
    package carries): the demo builds many packages and needs them fast.
    """
    out = Path(out)
    report = session.get(Report, report_id)
    park = report.details  # what the report states about the park
    if report.status not in PACKAGEABLE:
        raise InputProblem("package.not_finalized", park=park.name, year=report.year,
                           status=Text(f"status.{report.status}"))
    now = now or utc_now()
    _check_signer(signer, park.code, now)
    package_id = str(uuid.uuid4())
    supersedes = session.scalars(select(SignedPackage.package_id).where(SignedPackage.report_id == report_id)
                                 .order_by(SignedPackage.built_at.desc(), SignedPackage.id.desc())).first()
    taken: set[str] = set()
    attachments = [(row, attachment_path(row.filename, taken)) for row in attachment_rows(session, report_id)]
    # report.xlsx and summary.pdf, and an encrypted package's plaintext, stay in this private folder
    with private_folder("parkdesk-package-") as folder:
        documents = write_documents(session, report_id, folder, lang=lang,
                                    fingerprint=fingerprint(signer.certificate)) if with_documents else {}
        document = export_report(session, report_id, package_id=package_id, supersedes=supersedes, created_at=now,
                                 documents=sorted(documents),
                                 attachment_paths={row.id: path for row, path in attachments})
        content = content_digest(session, report_id)
        report_json = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        payload: list[tuple[str, int, Callable[[], Iterable[bytes]], str | None]] = [
            (REPORT_JSON, len(report_json), lambda: [report_json], None)]
        payload += [(path, file.stat().st_size, _file_chunks(file), None) for path, file in sorted(documents.items())]
        payload += [(path, row.size, _attachment_chunks(session, row.id), row.sha256) for row, path in attachments]
        bag_info = [
            ("Source-Organization", park.operator_org or park.name), ("Organization-Address", park.address or ""),
            ("Contact-Name", park.contact_name or ""), ("Contact-Email", park.contact_email or ""),
            ("External-Identifier", package_id), ("External-Description", f"{park.name} {report.year} 年度报告"),
            ("Bagging-Date", now.date().isoformat()), ("Park-Code", park.code), ("Park-Name", park.name),
            ("Report-Year", str(report.year)), ("Ruleset-Version", report.ruleset_version or ""),
            ("Supersedes", supersedes or ""), ("Bag-Software-Agent", f"parkdesk {__version__}"),
        ]
        top = f"{park.code}-{report.year}-{package_id[:8]}"
        bag_info = [(k, v) for k, v in bag_info if v]
        row = None
        try:
            with writing_atomically(out) as temp:  # renamed into place once the record is committed
                if encrypt_to is None:
                    write_signed_zip(temp, top, payload, bag_info, signer, now, progress)
                else:
                    plain = folder / "plain.zip"
                    write_signed_zip(plain, top, payload, bag_info, signer, now, progress)
                    temp.write_bytes(encrypt_for(plain.read_bytes(), encrypt_to))
                digest, size = file_digest(temp)
                row = _record(session, SignedPackage(package_id=package_id, report_id=report_id,
                                                     identity_fingerprint=fingerprint(signer.certificate),
                                                     supersedes=supersedes, file_name=out.name, file_sha256=digest,
                                                     content_sha256=content, built_by=actor))
        except BaseException:
            if row is not None:  # recorded, but the file could not be put in place
                _forget(session, row)
            raise
    return BuiltPackage(out, package_id, supersedes, size, digest, fingerprint(signer.certificate), sorted(documents),
                        subject_text(encrypt_to) if encrypt_to is not None else None)


def _record(session: Session, row: SignedPackage) -> SignedPackage:
    """Commit the package's record, after checking (under the write lock) the report is still packageable.

    The caller's transaction ends here: what it read (or changed) before is committed.
    """
    if session.in_transaction():
        session.commit()
    with session.begin():
        session.connection(execution_options={WRITE: True})  # BEGIN IMMEDIATE: no reopen slips in between
        report = session.get(Report, row.report_id, populate_existing=True)
        if report.status not in PACKAGEABLE:
            raise InputProblem("package.not_finalized", park=report.park.name, year=report.year,
                               status=Text(f"status.{report.status}"))
        session.add(row)
    return row


def _forget(session: Session, row: SignedPackage) -> None:
    """Remove the record of a package whose file could not be put in place."""
    if session.in_transaction():
        session.rollback()
    with session.begin():
        session.delete(session.merge(row))


def _check_signer(signer: Signer, park_code: str, now: datetime) -> None:
    cert = signer.certificate
    if not valid_from(cert) <= now <= valid_until(cert):
        raise ParkdeskError("package.signer_expired", name=subject_text(cert), start=valid_from(cert).date(),
                            end=valid_until(cert).date())
    if unit_of(cert) != park_code:
        raise ParkdeskError("package.signer_other_park", name=subject_text(cert), signer_park=unit_of(cert),
                            park=park_code)


def _file_chunks(path: Path) -> Callable[[], Iterable[bytes]]:
    def chunks():
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk
    return chunks


def _attachment_chunks(session: Session, attachment_id: int) -> Callable[[], Iterable[bytes]]:
    def chunks():
        content = session.scalar(select(Attachment.content).where(Attachment.id == attachment_id)) or b""
        view = memoryview(content)
        for start in range(0, len(view), CHUNK):
            yield view[start:start + CHUNK]
    return chunks
