"""The plan's own demands: 三个倍增 and the 12 existing parks' stated targets."""

from __future__ import annotations

from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.reference.choices import RECOGNITION_LEVELS, label_of
from parkdesk.reference.goals import DOUBLING_FACTOR
from parkdesk.reference.labels import Label
from parkdesk.reference.parks import PLAN_PARK_BY_CODE
from parkdesk.reports.progress import doubling_indicator_keys, target_doubles
from parkdesk.validation.findings import Finding, Location
from parkdesk.validation.report_data import ReportData
from parkdesk.validation.section_checks import finding


def check_plan(data: ReportData) -> list[Finding]:
    findings = []
    plan_park = PLAN_PARK_BY_CODE.get(data.park.code)
    if plan_park is not None and plan_park.name != data.park.name:
        plan_park = None
    for key in sorted(doubling_indicator_keys(data.park.code, data.park.name)):
        row = data.indicator(key)
        if row is None or target_doubles(row.value.baseline_2021, row.value.target_2024) is not False:
            continue
        expected = row.value.baseline_2021 * DOUBLING_FACTOR
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
                                value=Label(label_of(RECOGNITION_LEVELS, data.park.level, "zh"),
                                            label_of(RECOGNITION_LEVELS, data.park.level, "en"))))
    return findings
