"""A package's record ids (the operator's own, in report.json) beside the ids its imported copy got here.

Comments are kept with the package's ids, so a decision receipt points at the
operator's own rows; the reviewer's pages show the imported copy, whose rows
have this workspace's ids. Location keys are translated both ways here.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import InboxRecordId
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.validation.findings import Location

IdMap = dict[str, dict[int, int]]  # record kind → {one id: the other}


def store_record_ids(session: Session, entry_id: int, ids: IdMap) -> None:
    """Keep import_report's {kind: {document id: local id}} for the entry (form records only)."""
    rows = [(entry_id, kind, document_id, local_id)
            for kind, pairs in ids.items() if kind in RECORD_BY_KEY for document_id, local_id in pairs.items()]
    if rows:  # one executemany of plain rows: the ORM's bulk insert spends ~10× as long on 10,000 enterprises
        session.connection().exec_driver_sql(
            f"INSERT INTO {InboxRecordId.__tablename__} (entry_id, kind, document_id, local_id) VALUES (?, ?, ?, ?)",
            rows)


def local_ids(session: Session, entry_id: int, kinds: set[str]) -> IdMap:
    """{kind: {document id: local id}} for the kinds asked."""
    result: IdMap = {kind: {} for kind in kinds}
    for kind, document_id, local_id in session.execute(
            select(InboxRecordId.kind, InboxRecordId.document_id, InboxRecordId.local_id)
            .where(InboxRecordId.entry_id == entry_id, InboxRecordId.kind.in_(kinds))):
        result[kind][document_id] = local_id
    return result


def to_document(session: Session, entry_id: int, location: Location) -> Location:
    """The location with the package's record id; a record id unknown to the package is kept as it is."""
    if location.record is None or location.record_id is None:
        return location
    document_id = session.scalar(select(InboxRecordId.document_id).where(
        InboxRecordId.entry_id == entry_id, InboxRecordId.kind == location.record,
        InboxRecordId.local_id == location.record_id))
    return location if document_id is None else replace(location, record_id=document_id)


def to_local(location: Location, ids: IdMap) -> Location:
    """The location with this workspace's record id (from `local_ids`); None as the id when it has no row here."""
    if location.record is None or location.record_id is None:
        return location
    return replace(location, record_id=ids.get(location.record, {}).get(location.record_id))
