"""The plan's own demands of one of its 12 parks (matched by code): its doubling goals and stated targets.

三个倍增 are city totals: a park the plan does not name is not held to doubling,
and a plan park only to the indicators the plan names for it.
"""

from __future__ import annotations

from parkdesk.figures.progress import doubled
from parkdesk.forms.field_values import display_value
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.labels import Label
from parkdesk.reference.parks import plan_park_of
from parkdesk.figures.plan_doubling import plan_doubling_keys, target_doubles
from parkdesk.validation.findings import Finding, Location
from parkdesk.validation.report_data import ReportData
from parkdesk.validation.section_checks import finding


def check_plan(data: ReportData) -> list[Finding]:
    findings = []
    plan_park = plan_park_of(data.park.code)
    if plan_park is not None and plan_park.name != data.park.name:
        findings.append(finding("PLAN-NAME", Location("basic", "park", data.park.id, "name", data.park.name),
                                value=data.park.name, expected=plan_park.name, code=plan_park.code))
    for key in sorted(plan_doubling_keys(data.park.code)):
        row = data.indicator(key)
        if row is None or target_doubles(row.value.baseline_2021, row.value.target_2024) is not False:
            continue
        expected = doubled(row.value.baseline_2021)
        findings.append(finding(
            "PLAN-DOUBLING", Location("indicators", "indicator_value", row.value.id, "target_2024", row.name_zh),
            indicator=INDICATOR_BY_KEY[key].label, target=float(row.value.target_2024),
            baseline=float(row.value.baseline_2021), expected=float(expected)))
    for stated in plan_park.targets if plan_park else ():
        row = data.indicator(stated.indicator)
        if row is None or row.value.target_2024 is None:
            continue
        if row.value.target_2024 < stated.value - 1e-9:
            findings.append(finding(
                "PLAN-STATED-TARGET",
                Location("indicators", "indicator_value", row.value.id, "target_2024", row.name_zh),
                indicator=INDICATOR_BY_KEY[stated.indicator].label, target=float(row.value.target_2024),
                expected=float(stated.value), text=stated.text))
    if data.park.category == "first_class" and data.park.level not in (None, "national", "provincial"):
        findings.append(finding("PLAN-LEVEL", Location("basic", "park", data.park.id, "level", data.park.name),
                                value=Label(*(display_value(RECORD_BY_KEY["park"].field("level"), data.park.level,
                                                            lang) for lang in ("zh", "en")))))
    return findings
