"""Runs every rule over one report and says which warnings still need a justification."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Justification
from parkdesk.validation.cross_checks import check_cross_sections
from parkdesk.validation.enterprise_scan import EXPLAIN_LIMIT, scan_enterprises
from parkdesk.validation.findings import ERROR, INFO, RULESET_VERSION, WARNING, WHOLE_RULE, Finding
from parkdesk.validation.plan_checks import check_plan
from parkdesk.validation.report_data import load_report_data
from parkdesk.validation.section_checks import check_sections
from parkdesk.validation.yoy_checks import check_year_over_year


@dataclass
class ValidationResult:
    report_id: int
    park_code: str
    park_name: str
    year: int
    findings: list[Finding]
    justified: dict[tuple[str, str], str] = field(default_factory=dict)  # (rule, location key) → text
    ruleset_version: str = RULESET_VERSION

    def of(self, severity: str) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    @property
    def errors(self) -> list[Finding]:
        return self.of(ERROR)

    @property
    def warnings(self) -> list[Finding]:
        return self.of(WARNING)

    @property
    def infos(self) -> list[Finding]:
        return self.of(INFO)

    def justification(self, finding: Finding) -> str | None:
        rule = finding.params.get("rule") if finding.rule_id == "LIST-TRUNCATED" else finding.rule_id
        return (self.justified.get((rule, finding.location.key()))
                or self.justified.get((rule, WHOLE_RULE)))

    @property
    def unjustified_warnings(self) -> list[Finding]:
        return [f for f in self.warnings if not self.justification(f)]

    @property
    def can_finalize(self) -> bool:
        return not self.errors and not self.unjustified_warnings


def validate_report(session: Session, report_id: int, *, explain_limit: int = EXPLAIN_LIMIT) -> ValidationResult:
    data = load_report_data(session, report_id)
    link_ids = {link.id for link in data.links}
    findings = check_sections(session, data)
    findings += scan_enterprises(session, report_id, data.report.year, link_ids, explain_limit)
    findings += check_cross_sections(data)
    findings += check_plan(data)
    findings += check_year_over_year(data)
    justified = {
        (j.rule_id, j.location_key): j.text
        for j in session.scalars(select(Justification).where(Justification.report_id == report_id))
    }
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    findings.sort(key=lambda f: (order[f.severity], f.location.section, f.rule_id))
    return ValidationResult(report_id, data.park.code, data.park.name, data.report.year, findings, justified)
