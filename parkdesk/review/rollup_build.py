"""The district's roll-up for the city (.parkrollup): its approved packages of a year, signed by the district.

Built like a package (parkdesk.packages.signed_bag): data/rollup.json
(schema: rollup-v1.schema.json) lists each approved package, carried whole
under data/packages/ exactly as the park signed it, so the city checks both
signatures: the district's over the roll-up, the park's over its report.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk import __version__
from parkdesk.db.engine import WRITE
from parkdesk.db.models import BuiltRollup as BuiltRecord
from parkdesk.db.models import InboxEntry, ReviewEvent
from parkdesk.errors import InputProblem
from parkdesk.identity.certificates import fingerprint, utc_now
from parkdesk.packages.build import Signer
from parkdesk.packages.signed_bag import bytes_item, write_signed_bag
from parkdesk.review.district_report import DistrictReport
from parkdesk.review.district_signer import signing_district
from parkdesk.review.layout import ROLLUP_JSON, ROLLUP_PACKAGES_DIR, ROLLUP_SCHEMA
from parkdesk.review.standing import standing_approved
from parkdesk.review.states import ACTION_STATE, APPROVED
from parkdesk.review.stored_files import file_bytes


@dataclass(frozen=True)
class BuiltRollup:
    path: Path
    rollup_id: str
    district_code: str
    year: int
    parks: tuple[str, ...]  # the park codes carried
    sha256: str
    size: int
    sequence: int = 0  # its number among the district's roll-ups of the year
    signer_fingerprint: str = ""


def approved_entries(session: Session, year: int) -> list[InboxEntry]:
    """The approved packages of `year` that stand for their parks (parkdesk.review.standing), by park code."""
    return standing_approved(session, year)


def build_rollup(session: Session, year: int, out: Path, signer: Signer, *, now: datetime | None = None,
                 actor: str = "", district_report: DistrictReport | None = None) -> BuiltRollup:
    """Write the signed roll-up of the district's approved reports of `year` to `out`.

    `district_report`, when given, travels with it: the district's year-end
    progress and next year's planned new parks (parkdesk.review.district_report).

    Each roll-up is numbered (1, 2, ... per year) and its record committed before
    the file is written, so no two roll-ups of a year share a number: the city
    keeps the newest of each district and year and refuses an older one. The
    session's earlier transaction is committed first.
    """
    now = now or utc_now()
    division = signing_district(session, signer, now)
    entries = approved_entries(session, year)
    if not entries:
        raise InputProblem("review.nothing_approved", year=year)
    rollup_id = str(uuid.uuid4())
    record = _reserve(session, rollup_id, year, Path(out).name, [e.park_code for e in entries], actor)
    try:
        built = _write(session, record, entries, out, signer, division, now, district_report)
    except BaseException:
        session.rollback()
        with session.begin():  # no file was written: the number is free again
            session.delete(record)
        raise
    session.commit()
    with session.begin():
        session.merge(record).sha256 = built.sha256
    return built


def _reserve(session: Session, rollup_id: str, year: int, file_name: str, parks: list[str], actor: str) -> BuiltRecord:
    """The roll-up's record with the next number of its year, committed under the write lock."""
    if session.in_transaction():
        session.commit()
    with session.begin():
        session.connection(execution_options={WRITE: True})
        last = session.scalar(select(func.max(BuiltRecord.sequence)).where(BuiltRecord.year == year)) or 0
        record = BuiltRecord(rollup_id=rollup_id, year=year, sequence=last + 1, file_name=file_name, sha256="",
                             parks=",".join(parks), built_by=actor or "-")
        session.add(record)
    return record


def _write(session: Session, record: BuiltRecord, entries: list[InboxEntry], out: Path, signer: Signer, division,
           now: datetime, district_report: DistrictReport | None = None) -> BuiltRollup:
    year, rollup_id = record.year, record.rollup_id
    listed, payload = [], []
    for entry in entries:
        data = file_bytes(session, entry.file_id)
        path = f"{ROLLUP_PACKAGES_DIR}{entry.park_code}-{entry.year}-{entry.package_id[:8]}.parkpkg"
        approval = session.scalars(select(ReviewEvent).where(
            ReviewEvent.entry_id == entry.id, ReviewEvent.state == APPROVED, ReviewEvent.action == ACTION_STATE)
            .order_by(ReviewEvent.at.desc(), ReviewEvent.id.desc())).first()
        listed.append({"path": path, "package_id": entry.package_id,
                       "sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "park_code": entry.park_code,
                       "park_name": entry.park_name, "year": entry.year,
                       "approved_at": (approval.at if approval else entry.received_at).isoformat(),
                       "approved_by": approval.actor if approval else entry.received_by})
        payload.append(bytes_item(path, data))
    document = {
        "schema": ROLLUP_SCHEMA, "schema_version": 1,
        "rollup": {"id": rollup_id, "created_at": now.isoformat(), "created_by": f"parkdesk {__version__}",
                   "sequence": record.sequence},
        "district": {"code": division.code, "name": division.name}, "year": year, "packages": listed,
    }
    if district_report is not None:
        document["district_report"] = district_report.to_json()
    payload.insert(0, bytes_item(ROLLUP_JSON, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")))
    bag_info = [
        ("Source-Organization", f"济南市{division.name}商务局"), ("External-Identifier", rollup_id),
        ("External-Description", f"{division.name} {year} 年度园区年报汇总"), ("Bagging-Date", now.date().isoformat()),
        ("District-Code", division.code), ("District-Name", division.name), ("Report-Year", str(year)),
        ("Bag-Software-Agent", f"parkdesk {__version__}"),
    ]
    digest, size = write_signed_bag(Path(out), f"{division.code}-{year}-rollup-{rollup_id[:8]}", payload, bag_info,
                                    signer, now)
    return BuiltRollup(Path(out), rollup_id, division.code, year, tuple(e.park_code for e in entries), digest, size,
                       record.sequence, fingerprint(signer.certificate))
