"""Field and record checks of every section except the enterprise list (which is scanned in bulk)."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from parkdesk.db.models import Attachment
from parkdesk.forms.field_values import display_value
from parkdesk.forms.indicators import COUNT, INDICATOR_BY_KEY
from parkdesk.forms.sections import RECORD_BY_KEY, SECTION_OF_RECORD
from parkdesk.reference.labels import Label
from parkdesk.validation.findings import Finding, Location
from parkdesk.validation.report_data import ReportData
from parkdesk.validation.rules import RULES
from parkdesk.validation.value_checks import check_value

CORE_INDICATORS = ("enterprise_count", "industry_scale")
# an indicator's value columns, named in messages by their form labels
COLUMN_LABELS = {key: RECORD_BY_KEY["indicator_value"].field(key).label
                 for key in ("baseline_2021", "target_2024", "actual")}


def finding(rule_id: str, location: Location, **params) -> Finding:
    return Finding(rule_id, RULES[rule_id].severity, location, params)


def check_records(record_key: str, rows, category: str | None, title=None) -> list[Finding]:
    """Every field of every row of one record kind against its definition."""
    record = RECORD_BY_KEY[record_key]
    section = SECTION_OF_RECORD[record_key]
    findings = []
    for row in rows:
        label = title(row) if title else (str(getattr(row, record.title_field)) if record.title_field else None)
        for field in record.fields:
            if field.read_only:
                continue
            for rule_id, params in check_value(field, getattr(row, field.key), category):
                location = Location(section, record_key, getattr(row, "id", None), field.key, label)
                findings.append(Finding(rule_id, RULES[rule_id].severity, location, params))
    return findings


def check_sections(session: Session, data: ReportData) -> list[Finding]:
    category = data.park.category
    indicator_names = {row.value.id: row.name_zh for row in data.indicators}
    findings = check_records("park", [data.park], category)
    findings += check_records("report", [data.report], category)
    findings += check_records("chain_segment", data.segments, category)
    findings += check_records("chain_link", data.links, category)
    findings += check_records("path_stage", data.stages, category)
    findings += check_records("milestone", data.milestones, category)
    findings += check_records("indicator_value", [row.value for row in data.indicators], category,
                              title=lambda value: indicator_names[value.id])
    findings += check_records("assessment", data.assessments, category)
    findings += check_records("platform", data.platforms, category)
    findings += _indicator_records(data)
    findings += _milestone_records(data)
    findings += _attachment_hashes(session, data)
    return findings


def _indicator_records(data: ReportData) -> list[Finding]:
    findings = []
    for key in CORE_INDICATORS:
        row = data.indicator(key)
        if row is None:
            continue
        for column, label in COLUMN_LABELS.items():
            if getattr(row.value, column) is None:
                location = Location("indicators", "indicator_value", row.value.id, column, row.name_zh)
                findings.append(finding("IND-MISSING", location, indicator=Label(row.name_zh, row.name_en or ""),
                                        column=label))
    for row in data.indicators:
        definition = INDICATOR_BY_KEY.get(row.key)
        if definition is None or definition.kind != COUNT:
            continue
        for column, label in COLUMN_LABELS.items():
            value = getattr(row.value, column)
            if value is not None and value != int(value):
                location = Location("indicators", "indicator_value", row.value.id, column, row.name_zh)
                findings.append(finding("IND-WHOLE", location, indicator=definition.label, column=label,
                                        value=float(value), unit=definition.unit))
    service, total = data.indicator("service_exports"), data.indicator("foreign_trade_exports")
    if service and total:
        for column, label in COLUMN_LABELS.items():
            s, t = getattr(service.value, column), getattr(total.value, column)
            if s is not None and t is not None and s > t:
                location = Location("indicators", "indicator_value", service.value.id, column, service.name_zh)
                findings.append(finding("IND-EXPORTS-EXCEED", location, column=label, service=s, total=t))
    return findings


def _milestone_records(data: ReportData) -> list[Finding]:
    findings = []
    year = data.report.year
    status = RECORD_BY_KEY["milestone"].field("status")
    for milestone in data.milestones:
        location = Location("path", "milestone", milestone.id, "due_date", milestone.title)
        due = milestone.due_date
        if due is None or not hasattr(due, "year"):
            continue
        if due.year != milestone.stage_year:
            findings.append(finding("MS-IN-STAGE", location, value=due.isoformat(), stage=str(milestone.stage_year)))
        elif due.year < year and milestone.status != "done":
            findings.append(finding("MS-OVERDUE", Location("path", "milestone", milestone.id, "status", milestone.title),
                                    value=due.isoformat(), year=str(year),
                                    status=Label(display_value(status, milestone.status, "zh"),
                                                 display_value(status, milestone.status, "en"))))
    return findings


def _attachment_hashes(session: Session, data: ReportData) -> list[Finding]:
    findings = []
    for attachment in data.attachments:
        content = session.get(Attachment, attachment.id).content or b""
        if hashlib.sha256(content).hexdigest() != attachment.sha256 or len(content) != attachment.size:
            findings.append(finding("ATT-HASH", Location("attachments", "attachment", attachment.id, "sha256",
                                                         attachment.filename), value=attachment.filename))
    return findings
