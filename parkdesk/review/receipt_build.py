"""The decision receipt (.parkreview): the decision and every comment on one package, signed by the district.

It is built like a package (parkdesk.packages.signed_bag): a BagIt bag in a
ZIP holding data/receipt.json (schema: receipt-v1.schema.json), its tag
manifest signed with the district's certificate. It names the package it
answers by id and by the SHA-256 of the file as received.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk import __version__
from parkdesk.db.models import ReviewComment, ReviewEvent
from parkdesk.errors import InputProblem
from parkdesk.identity.certificates import fingerprint, utc_now
from parkdesk.packages.build import Signer
from parkdesk.packages.signed_bag import bytes_item, write_signed_bag
from parkdesk.review.district_signer import signing_district
from parkdesk.review.inbox_rows import get_entry
from parkdesk.review.layout import RECEIPT_JSON, RECEIPT_SCHEMA
from parkdesk.review.states import ACTION_RECEIPT, ACTION_STATE, DECISIONS


@dataclass(frozen=True)
class BuiltReceipt:
    path: Path
    receipt_id: str
    decision: str
    comments: int
    sha256: str
    size: int
    signer_fingerprint: str = ""


def make_receipt(session: Session, entry_id: int, out: Path, signer: Signer, *, actor: str,
                 now: datetime | None = None) -> BuiltReceipt:
    """Write the signed receipt of the entry's decision (its state must be 已退回 or 已通过) to `out`."""
    entry = get_entry(session, entry_id)
    if not entry.verified or entry.superseded_by_id is not None:
        raise InputProblem("review.not_current", entry=entry.id)
    if entry.state not in DECISIONS:
        raise InputProblem("review.no_decision", entry=entry.id, state=entry.state)
    now = now or utc_now()
    division = signing_district(session, signer, now)
    events = list(session.scalars(select(ReviewEvent).where(ReviewEvent.entry_id == entry.id)
                                  .order_by(ReviewEvent.at, ReviewEvent.id)))
    decided = [e for e in events if e.action == ACTION_STATE and e.state == entry.state][-1]
    comments = list(session.scalars(select(ReviewComment).where(ReviewComment.entry_id == entry.id)
                                    .order_by(ReviewComment.id)))
    receipt_id = str(uuid.uuid4())
    document = {
        "schema": RECEIPT_SCHEMA, "schema_version": 1,
        "receipt": {"id": receipt_id, "created_at": now.isoformat(), "created_by": f"parkdesk {__version__}"},
        "district": {"code": division.code, "name": division.name},
        "package": {"id": entry.package_id, "sha256": entry.file_sha256, "park_code": entry.park_code,
                    "park_name": entry.park_name, "year": entry.year},
        "decision": {"state": entry.state, "decided_at": decided.at.isoformat(), "decided_by": decided.actor,
                     "note": decided.note},
        "comments": [{"location_key": c.location_key, "section": c.section, "record": c.record,
                      "record_id": c.record_id, "field": c.field, "row": c.row_label, "text": c.text,
                      "author": c.author, "created_at": c.created_at.isoformat()} for c in comments],
        "history": [{"action": e.action, "state": e.state, "actor": e.actor, "at": e.at.isoformat(),
                     "note": e.note} for e in events],
    }
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    office = f"{division.name}商务局"
    bag_info = [
        ("Source-Organization", f"济南市{office}"), ("External-Identifier", receipt_id),
        ("External-Description", f"{entry.park_name} {entry.year} 年度报告审核回执"),
        ("Bagging-Date", now.date().isoformat()), ("District-Code", division.code), ("District-Name", division.name),
        ("Park-Code", entry.park_code), ("Park-Name", entry.park_name), ("Report-Year", str(entry.year)),
        ("Answers-Package", entry.package_id), ("Decision", entry.state),
        ("Bag-Software-Agent", f"parkdesk {__version__}"),
    ]
    top = f"{entry.park_code}-{entry.year}-review-{receipt_id[:8]}"
    digest, size = write_signed_bag(Path(out), top, [bytes_item(RECEIPT_JSON, data)], bag_info, signer, now)
    session.add(ReviewEvent(entry_id=entry.id, action=ACTION_RECEIPT, state=entry.state, actor=actor,
                            note=f"receipt {receipt_id} sha256 {digest}"))
    session.flush()
    return BuiltReceipt(Path(out), receipt_id, entry.state, len(comments), digest, size,
                        fingerprint(signer.certificate))
