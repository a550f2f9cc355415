"""Enterprises added, removed and changed between two reports, matched by credit code, else by name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from parkdesk.forms.sections import RECORD_BY_KEY

ENTERPRISE = RECORD_BY_KEY["enterprise"]
# the enterprise form's fields a change is not told for: the credit code matches the rows, a chain link's id
# is each report's own, and the founding date and contacts are not what a year's comparison reads
NOT_COMPARED = ("uscc", "chain_link_id", "established", "contact_name", "contact_phone")
COMPARED = tuple(field.key for field in ENTERPRISE.fields if field.key not in NOT_COMPARED)
COLUMNS = ("uscc",) + COMPARED


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: object
    after: object


@dataclass(frozen=True)
class ListedEnterprise:
    name: str
    uscc: str | None


@dataclass(frozen=True)
class EnterpriseChange:
    name: str
    uscc: str | None
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class EnterpriseDiff:
    added: tuple[ListedEnterprise, ...]
    removed: tuple[ListedEnterprise, ...]
    changed: tuple[EnterpriseChange, ...]
    unchanged: int


def match_key(name: str | None, uscc: str | None) -> str:
    """The credit code when there is one (upper case, no spaces), else the name."""
    code = "".join((uscc or "").split()).upper()
    return f"uscc:{code}" if code else f"name:{' '.join((name or '').split())}"


def _rows(session: Session, report_id: int) -> dict[str, dict]:
    """Thousands of rows: read through the DB-API cursor; the first of two rows with one key wins."""
    cursor = session.connection().connection.dbapi_connection.cursor()
    try:
        cursor.execute(f"SELECT {', '.join(COLUMNS)} FROM enterprises WHERE report_id = ? ORDER BY id", (report_id,))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    result: dict[str, dict] = {}
    for row in rows:
        item = dict(zip(COLUMNS, row))
        result.setdefault(match_key(item["name"], item["uscc"]), item)
    return result


def compare_enterprises(session: Session, previous_id: int, current_id: int) -> EnterpriseDiff:
    before, after = _rows(session, previous_id), _rows(session, current_id)
    added = tuple(ListedEnterprise(row["name"], row["uscc"]) for key, row in after.items() if key not in before)
    removed = tuple(ListedEnterprise(row["name"], row["uscc"]) for key, row in before.items() if key not in after)
    changed = []
    unchanged = 0
    for key, row in after.items():
        old = before.get(key)
        if old is None:
            continue
        changes = tuple(FieldChange(name, old[name], row[name]) for name in COMPARED if old[name] != row[name])
        if changes:
            changed.append(EnterpriseChange(row["name"], row["uscc"], changes))
        else:
            unchanged += 1
    return EnterpriseDiff(added, removed, tuple(changed), unchanged)
