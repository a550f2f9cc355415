"""What changed in a resubmitted package since the one it replaced: fields, and rows added, removed or changed.

Both packages come from the same report of the operator's workspace, so their rows carry the same record ids
(report.json's "id"): a row is matched by its id, compared field by field over the form's fields (labels and
values shown as the forms show them), and told added or removed when only one package has it. The comments the
district made on the replaced package are listed beside the changes (parkdesk.review.comments).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import InboxEntry
from parkdesk.forms.field_values import display_value
from parkdesk.forms.sections import RECORD_BY_KEY, SECTION_OF_RECORD
from parkdesk.reference.requirements import REQUIREMENT_BY_KEY
from parkdesk.review.comments import Comment, entry_comments
from parkdesk.review.inbox_rows import get_entry, package_document

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class FieldChange:
    field: str  # the form field's key
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class RowChange:
    section: str
    record: str
    record_id: int | None  # the package's (the operator's) id
    row: str  # the row in words ("" for a section's single record)
    kind: str  # added | removed | changed
    fields: tuple[FieldChange, ...] = ()

    def to_json(self) -> dict:
        return {"section": self.section, "record": self.record, "id": self.record_id, "row": self.row,
                "change": self.kind, "fields": [{"field": f.field, "label": f.label, "before": f.before,
                                                 "after": f.after} for f in self.fields]}


@dataclass(frozen=True)
class Resubmission:
    previous_entry_id: int
    previous_file: str
    previous_state: str
    previous_received_at: datetime
    changes: tuple[RowChange, ...]
    previous_comments: tuple[Comment, ...]  # what the district said on the replaced package

    def to_json(self) -> dict:
        return {"previous_entry": self.previous_entry_id, "previous_file": self.previous_file,
                "previous_state": self.previous_state,
                "previous_received_at": self.previous_received_at.isoformat(timespec="seconds"),
                "changes": [c.to_json() for c in self.changes],
                "previous_comments": [c.to_json() for c in self.previous_comments]}


def resubmission(session: Session, entry_id: int, lang: str = "zh") -> Resubmission | None:
    """The changes since the package this entry replaced; None when it replaced none."""
    entry = get_entry(session, entry_id)
    previous = session.scalars(select(InboxEntry).where(InboxEntry.superseded_by_id == entry.id, InboxEntry.verified)
                               .order_by(InboxEntry.id.desc()).limit(1)).first()
    if previous is None:
        return None
    changes = diff_documents(package_document(session, previous.id), package_document(session, entry.id), lang)
    return Resubmission(previous.id, previous.file_name, previous.state, previous.received_at, tuple(changes),
                        tuple(entry_comments(session, previous.id)))


def diff_documents(before: dict, after: dict, lang: str = "zh") -> list[RowChange]:
    old, new = _rows(before, lang), _rows(after, lang)
    changes = []
    for key in [*old, *(k for k in new if k not in old)]:
        record, record_id = key
        section = SECTION_OF_RECORD[record]
        if key not in new:
            changes.append(RowChange(section, record, record_id, old[key][0], REMOVED))
        elif key not in old:
            changes.append(RowChange(section, record, record_id, new[key][0], ADDED))
        else:
            fields = _field_changes(record, old[key][1], new[key][1], lang)
            if fields:
                changes.append(RowChange(section, record, record_id, new[key][0], CHANGED, fields))
    order = list(dict.fromkeys(SECTION_OF_RECORD.values()))
    return sorted(changes, key=lambda c: order.index(c.section))


def _field_changes(record: str, old: dict, new: dict, lang: str) -> tuple[FieldChange, ...]:
    changed = []
    for field in RECORD_BY_KEY[record].fields:
        if field.key not in old and field.key not in new:
            continue
        before, after = (display_value(field, row.get(field.key), lang, row.get("_references"))
                         for row in (old, new))
        if before != after:
            changed.append(FieldChange(field.key, field.text(lang), before, after))
    return tuple(changed)


def _rows(document: dict, lang: str) -> dict[tuple[str, int | None], tuple[str, dict]]:
    """(record, id) → (the row in words, its values) for every row of the document."""
    links = {link["id"]: link.get("name") or "" for segment in document.get("chain_segments", [])
             for link in segment.get("links", [])}
    references = {"chain_link_id": links}
    rows: dict[tuple[str, int | None], tuple[str, dict]] = {}

    def add(record: str, row: dict, words: str) -> None:
        values = {**row, "_references": None}
        for key, names in references.items():
            if key in row:
                values[key] = names.get(row[key], row[key]) if row[key] is not None else None
        rows[(record, row.get("id"))] = (words, values)

    for single, record in (("park", "park"), ("report", "report")):
        if isinstance(document.get(single), dict):
            rows[(record, None)] = ("", document[single])
    for segment in document.get("chain_segments", []):
        add("chain_segment", segment, segment.get("name") or "")
        for link in segment.get("links", []):
            add("chain_link", {**link, "segment_id": segment.get("name")}, link.get("name") or "")
    for stage in document.get("path_stages", []):
        add("path_stage", stage, str(stage.get("stage_year") or ""))
    for milestone in document.get("milestones", []):
        add("milestone", milestone, milestone.get("title") or "")
    for enterprise in document.get("enterprises", []):
        add("enterprise", enterprise, enterprise.get("name") or "")
    for indicator in document.get("indicators", []):
        add("indicator_value", indicator, indicator.get("name_zh" if lang == "zh" else "name_en") or "")
    for assessment in document.get("assessments", []):
        requirement = REQUIREMENT_BY_KEY.get(assessment.get("requirement_key"))
        add("assessment", assessment, requirement.label.text(lang) if requirement else "")
    for platform in document.get("platforms", []):
        add("platform", platform, platform.get("name") or "")
    for attachment in document.get("attachments", []):
        add("attachment", attachment, attachment.get("filename") or "")
    return rows

