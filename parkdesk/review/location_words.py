"""A location as people write it — "重点企业、配套企业名录表 › 济南某某科技有限公司 › 统一社会信用代码", the way
`validate` and `review show` print one — or as its key ("enterprises/enterprise/12/uscc"), turned into the
Location of a report's section, record and field.

Words are matched, in either language, against: the sections; the fields of the one-record sections (basic
information, positioning); the rows of the tables named by their title (an enterprise's, a chain link's, a
milestone's, a platform's, an attachment's name); and every place a finding of the report points at (which
covers the indicators, the stages and the self-assessment rows by the names validation gives them).
"""

from __future__ import annotations

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from parkdesk.errors import InputProblem
from parkdesk.forms.sections import SECTIONS
from parkdesk.validation.findings import Location
from parkdesk.validation.location_text import as_written as words, describe

SEPARATOR = "›"
# how a report's rows of each table are found, with the names that name them (any of the columns after the id)
NAMED_ROWS = {
    "chain_segment": "SELECT id, name FROM chain_segments WHERE report_id = :report",
    "chain_link": "SELECT l.id, l.name FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id "
                  "WHERE s.report_id = :report",
    "milestone": "SELECT id, title FROM milestones WHERE report_id = :report",
    "enterprise": "SELECT id, name FROM enterprises WHERE report_id = :report AND name = :name",
    "platform": "SELECT id, name FROM platforms WHERE report_id = :report",
    "attachment": "SELECT id, filename FROM attachments WHERE report_id = :report",
    "indicator_value": "SELECT v.id, d.name_zh, d.name_en FROM indicator_values v JOIN indicator_definitions d "
                       "ON d.id = v.indicator_id WHERE v.report_id = :report",
}


def parse_words(session: Session, report_id: int, value: str, findings=()) -> Location:
    """The Location `value` names in the report; refused in words when it names none."""
    parts = [part.strip() for part in value.replace(">", SEPARATOR).split(SEPARATOR)]
    section = _section(parts[0])
    if section is None:
        raise InputProblem("review.bad_location", location=value)
    wanted = words(value)
    for finding in findings:  # the places validation names (indicators, stages, self-assessment rows …)
        location = finding.location
        if any(words(describe(location, lang)) == wanted for lang in ("zh", "en")):
            return location
    if len(parts) == 1:
        return Location(section.key)
    if not any(record.many for record in section.records):  # a form: section › field
        record = section.records[0]
        field = _field(record, parts[1])
        if field is not None and len(parts) == 2:
            record_id = _single_record_id(session, record.table, report_id)
            return Location(section.key, record.key, record_id, field.key)
        raise InputProblem("review.bad_location", location=value)
    for record in section.records:
        if record.key not in NAMED_ROWS:
            continue
        query = NAMED_ROWS[record.key]
        rows = session.execute(sql(query), {"report": report_id, "name": parts[1]}).all()
        matches = [(row_id, titles[0]) for row_id, *titles in rows  # the first name (Chinese) labels the row
                   if any(t is not None and words(t) == words(parts[1]) for t in titles)]
        if not matches:
            continue
        if len(matches) > 1:
            raise InputProblem("review.ambiguous_location", location=value, count=len(matches))
        field = _field(record, parts[2]) if len(parts) > 2 else None
        if len(parts) > 3 or (len(parts) == 3 and field is None):
            raise InputProblem("review.bad_location", location=value)
        row_id, label = matches[0]
        return Location(section.key, record.key, row_id, field.key if field else None, label)
    raise InputProblem("review.bad_location", location=value)


def _section(value: str):
    wanted = words(value)
    return next((s for s in SECTIONS if wanted in {s.key, str(s.number), words(s.label.zh), words(s.label.en)}),
                None)


def _field(record, value: str):
    wanted = words(value)
    return next((f for f in record.fields if wanted in {f.key, words(f.label.zh), words(f.label.en),
                                                         words(f.header("zh")), words(f.header("en"))}), None)


def _single_record_id(session: Session, table: str, report_id: int) -> int | None:
    if table in ("reports", "park_details"):  # a report's basic information is park_details row N of report N
        return report_id
    return session.execute(sql(f"SELECT id FROM {table} WHERE report_id = :report"), {"report": report_id}).scalar()
