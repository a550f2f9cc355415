"""The city's side of a roll-up: verified against the district certificates it trusts, its packages received.

The roll-up's signature must lead to a district certificate in the city's
trust store and name the district it comes from. Each package it carries then
goes through the inbox like any package (parkdesk.review.inbox), verified
against the same trust store (an operator's certificate is issued by its
district), and is imported as approved by that district, so the city's
dashboard and evaluation count it. Importing the same roll-up again receives
only what is missing.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import InboxEntry, ReceivedRollup
from parkdesk.input_files import files_in
from parkdesk.identity.trust_store import workspace_anchors
from parkdesk.packages.opening import open_package
from parkdesk.packages.verify import FAILED, verify_signed_bag
from parkdesk.review.decisions import withdraw
from parkdesk.review.district_report import DistrictReport
from parkdesk.review.inbox import ACCEPTED, DUPLICATE, REJECTED, Origin, Received, import_packages
from parkdesk.review.layout import ROLLUP_JSON, ROLLUP_SUFFIX
from parkdesk.review.signed_documents import RollupVerifier
from parkdesk.review.stored_files import store_file
from parkdesk.review.times import naive_utc
from parkdesk.texts import text

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportedRollup:
    path: Path
    outcome: str  # ACCEPTED | DUPLICATE (received before; missing packages received now) | REJECTED
    rollup_id: str | None = None
    district_code: str | None = None
    district_name: str | None = None
    year: int | None = None
    packages: tuple[Received, ...] = ()
    reason_key: str | None = None
    reason_params: dict = field(default_factory=dict)

    def reason(self, lang: str = "zh") -> str:
        return text(self.reason_key, lang, **self.reason_params) if self.reason_key else ""


def rollup_result_text(result: ImportedRollup, lang: str) -> str:
    """One line on what importing a roll-up did (the command line and the window say the same)."""
    if result.outcome == REJECTED:
        return text("rollup.rejected", lang, file=result.path.name, reason=result.reason(lang))
    return text("rollup.imported", lang, outcome=text(f"review.outcome_{result.outcome}", lang),
                   file=result.path.name, district=result.district_name, year=result.year,
                   packages=len(result.packages), accepted=sum(p.outcome == ACCEPTED for p in result.packages),
                   rejected=sum(p.outcome == REJECTED for p in result.packages))


def import_rollups(session: Session, paths: Iterable[Path], *, actor: str,
                   anchors: list[x509.Certificate] | None = None, progress: Progress | None = None
                   ) -> list[ImportedRollup]:
    """Receive each roll-up in `paths` (folders searched for .parkrollup files); committed file by file (call
    outside a transaction)."""
    paths = files_in(paths, (ROLLUP_SUFFIX,))
    anchors = workspace_anchors(session) if anchors is None else anchors
    results = []
    for number, path in enumerate(paths, start=1):
        results.append(_import_one(session, path, actor, anchors))
        if progress:
            progress(number, len(paths))
    return results


def _import_one(session: Session, path: Path, actor: str, anchors: list[x509.Certificate]) -> ImportedRollup:
    verification = verify_signed_bag(path, RollupVerifier, anchors=anchors)
    if verification.failure is not None:
        check = next(c for c in verification.checks.values()
                     if c.status == FAILED and c.failure_class == verification.failure)
        meta = verification.metadata
        return ImportedRollup(path, REJECTED, meta.get("rollup_id"), meta.get("district_code"),
                              meta.get("district_name"), None, (), check.key, check.params)
    with open_package(path) as opened, tempfile.TemporaryDirectory(prefix="parkdesk-rollup-") as folder:
        document = json.loads(opened.zip.read(ROLLUP_JSON))
        district = document["district"]
        row = session.scalars(select(ReceivedRollup).where(
            ReceivedRollup.rollup_id == document["rollup"]["id"])).first()
        outcome = DUPLICATE if row is not None else ACCEPTED
        sequence = document["rollup"].get("sequence")
        replaced = session.get(ReceivedRollup, row.replaced_by_id) if row is not None and row.replaced_by_id else None
        if row is None or replaced is not None:
            newer = replaced or _newer_than(session, district["code"], document["year"], sequence,
                                            naive_utc(document["rollup"]["created_at"]))
            if newer is not None:
                return ImportedRollup(path, REJECTED, document["rollup"]["id"], district["code"], district["name"],
                                      document["year"], (), "rollup.older",
                                      {"district": district["name"], "year": document["year"],
                                       "sequence": sequence or "—", "newer": newer.sequence or "—",
                                       "newer_file": newer.file_name})
            try:
                row = ReceivedRollup(sequence=sequence,
                    rollup_id=document["rollup"]["id"], district_code=district["code"],
                    district_name=district["name"], year=document["year"],
                    signer=verification.metadata.get("signer") or "",
                    signer_fingerprint=verification.metadata.get("signer_fingerprint") or "", file_name=path.name,
                    file_id=store_file(session, path.read_bytes()).id, package_count=len(document["packages"]),
                    created_at=naive_utc(document["rollup"]["created_at"]), received_by=actor,
                    district_report=_district_report(document))
                session.add(row)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        inner = []
        for package in document["packages"]:
            target = Path(folder) / Path(package["path"]).name
            target.write_bytes(opened.zip.read(package["path"]))
            inner.append(target)
        received = import_packages(session, inner, actor=actor, anchors=anchors,
                                   origin=Origin(row.id, f"{district['name']}商务局", district["code"]))
        if outcome == ACCEPTED:
            _replace_earlier(session, row, {r.entry_id for r in received}, actor)
    return ImportedRollup(path, outcome, row.rollup_id, district["code"], district["name"], document["year"],
                          tuple(received))


def _district_report(document: dict) -> str | None:
    """The year-end district section the roll-up carries, as stored (canonical JSON), if any."""
    section = document.get("district_report")
    return None if section is None else DistrictReport.from_json(section).dumps()


def _newer_than(session: Session, district: str, year: int, sequence: int | None,
                created_at) -> ReceivedRollup | None:
    """The roll-up of this district and year already here that is as new as or newer than this one, if any.

    Roll-ups are numbered per district and year; those built before numbering are ordered by their time."""
    latest = session.scalars(select(ReceivedRollup).where(
        ReceivedRollup.district_code == district, ReceivedRollup.year == year,
        ReceivedRollup.replaced_by_id.is_(None))).all()
    for other in latest:
        if sequence is not None and other.sequence is not None:
            if other.sequence >= sequence:
                return other
        elif (other.created_at or datetime.min) >= (created_at or datetime.min):
            return other
    return None


def _replace_earlier(session: Session, row: ReceivedRollup, carried: set[int], actor: str) -> None:
    """The newest roll-up of a district and year is its whole set: what earlier ones carried and this one does
    not is withdrawn (its report no longer counts; the package stays kept)."""
    try:
        earlier = session.scalars(select(ReceivedRollup).where(
            ReceivedRollup.district_code == row.district_code, ReceivedRollup.year == row.year,
            ReceivedRollup.id != row.id, ReceivedRollup.replaced_by_id.is_(None))).all()
        for old in earlier:
            old.replaced_by_id = row.id
            for entry in session.scalars(select(InboxEntry).where(
                    InboxEntry.rollup_id == old.id, InboxEntry.superseded_by_id.is_(None),
                    InboxEntry.report_id.is_not(None))):
                if entry.id not in carried:
                    withdraw(session, entry, actor, f"not in roll-up {row.rollup_id}")
        session.commit()
    except BaseException:
        session.rollback()
        raise


def rollup_problems(result: ImportedRollup) -> list[Received]:
    """The packages of a roll-up that were rejected."""
    return [r for r in result.packages if r.outcome == REJECTED]
