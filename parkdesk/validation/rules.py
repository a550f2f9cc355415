"""The rule catalogue: stable ids, severity and kind; each rule's message is "rule.<id>" in parkdesk/texts.

Messages name the value found and what was expected. Parameters that are
Labels render in the message's language; numbers render without noise.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.forms.field_values import grouped
from parkdesk.reference.labels import Label
from parkdesk.texts import Text, text
from parkdesk.validation.findings import ERROR, INFO, WARNING

FIELD, RECORD, LIST, CROSS, PLAN, YOY = "field", "record", "list", "cross-section", "plan", "year-over-year"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    kind: str

    def render(self, lang: str, params: dict) -> str:
        return text(f"rule.{self.id}", lang, **{k: render_value(v, lang) for k, v in params.items()})


def render_value(value, lang: str) -> str:
    if isinstance(value, (Label, Text)):
        return value.text(lang)
    if isinstance(value, float):
        return grouped(value)
    if isinstance(value, (tuple, list)):
        return ("、" if lang == "zh" else ", ").join(render_value(v, lang) for v in value)
    return "" if value is None else str(value)


_RULES = (
    # field
    Rule("FIELD-REQUIRED", ERROR, FIELD),
    Rule("FIELD-TYPE", ERROR, FIELD),
    Rule("FIELD-RANGE", ERROR, FIELD),
    Rule("FIELD-LENGTH", ERROR, FIELD),
    Rule("FIELD-CHOICE", ERROR, FIELD),
    Rule("FIELD-PHONE", WARNING, FIELD),
    Rule("FIELD-EMAIL", WARNING, FIELD),
    Rule("ENT-USCC-FORMAT", ERROR, FIELD),
    Rule("ENT-USCC-CHECK", ERROR, FIELD),
    Rule("ENT-USCC-ORGCHECK", WARNING, FIELD),
    # record
    Rule("REC-ENT-EXPORTS-REVENUE", WARNING, RECORD),
    Rule("ENT-EST-FUTURE", ERROR, RECORD),
    Rule("IND-EXPORTS-EXCEED", ERROR, RECORD),
    Rule("IND-WHOLE", ERROR, RECORD),
    Rule("IND-MISSING", ERROR, RECORD),
    Rule("MS-IN-STAGE", ERROR, RECORD),
    Rule("MS-OVERDUE", WARNING, RECORD),
    Rule("ATT-HASH", ERROR, RECORD),
    # list
    Rule("ENT-DUP-USCC", ERROR, LIST),
    Rule("ENT-DUP-NAME", WARNING, LIST),
    Rule("CHAIN-DUP-LINK", WARNING, LIST),
    Rule("LIST-TRUNCATED", INFO, LIST),
    # cross-section
    Rule("ENT-CHAIN-LINK", ERROR, CROSS),
    Rule("ENT-CHAIN-UNSET", WARNING, CROSS),
    Rule("IND-DERIVED-MISMATCH", WARNING, CROSS),
    Rule("IND-COMPUTED-MISMATCH", WARNING, CROSS),
    Rule("CHAIN-POSITION-EMPTY", ERROR, CROSS),
    Rule("PATH-STAGE-MISSING", ERROR, CROSS),
    Rule("PATH-THEME", WARNING, CROSS),
    Rule("PATH-NO-MILESTONE", WARNING, CROSS),
    Rule("REQ-MISSING", ERROR, CROSS),
    # the plan
    Rule("PLAN-DOUBLING", WARNING, PLAN),
    Rule("PLAN-NAME", WARNING, PLAN),
    Rule("PLAN-STATED-TARGET", WARNING, PLAN),
    Rule("PLAN-LEVEL", WARNING, PLAN),
    # year over year
    Rule("YOY-CHANGE", WARNING, YOY),
    Rule("YOY-BASELINE", WARNING, YOY),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
