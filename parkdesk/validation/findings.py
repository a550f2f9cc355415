"""Findings: what a rule found, where, and how to say it in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from parkdesk.reference.labels import Label

ERROR = "error"  # blocks finalizing
WARNING = "warning"  # needs a written justification that travels with the report
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_LABELS = {ERROR: Label("错误", "Error"), WARNING: Label("警告", "Warning"), INFO: Label("提示", "Info")}

# The version of the rule set; every validation result records it. Bump it when
# a rule is added, removed, or changes what it accepts.
RULESET_VERSION = "2026.12.1"

WHOLE_RULE = "*"  # a justification location that covers every finding of its rule


@dataclass(frozen=True)
class Location:
    """Where a finding is: section, record (kind and id), field; the row's name for people."""

    section: str
    record: str | None = None
    record_id: int | None = None
    field: str | None = None
    row_label: str | None = None

    def key(self) -> str:
        """A stable text key, used to tie a justification to the finding it answers."""
        return "/".join(str(part) if part is not None else "-"
                        for part in (self.section, self.record, self.record_id, self.field))

    def to_json(self) -> dict:
        return {"section": self.section, "record": self.record, "record_id": self.record_id,
                "field": self.field, "row": self.row_label, "key": self.key()}


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str
    location: Location
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "zh") -> str:
        from parkdesk.validation.rules import RULES

        return RULES[self.rule_id].render(lang, self.params)

    def location_text(self, lang: str = "zh") -> str:
        from parkdesk.validation.location_text import describe

        return describe(self.location, lang)

    def to_json(self, lang: str = "zh") -> dict:
        return {"rule": self.rule_id, "severity": self.severity, "location": self.location.to_json(),
                "where": self.location_text(lang), "message": self.message(lang)}
