"""Year over year: a value that jumps or falls too far against the previous report asks for a reason."""

from __future__ import annotations

from parkdesk.figures.progress import change_share
from parkdesk.forms.indicators import COUNT, ENTERED, INDICATOR_BY_KEY
from parkdesk.reference.labels import Label
from parkdesk.validation.findings import Finding, Location
from parkdesk.validation.report_data import ReportData
from parkdesk.validation.section_checks import finding

CHANGE_THRESHOLD_PERCENT = 50.0
SMALL_COUNT = 10  # counts below this move by large percentages without meaning much


def check_year_over_year(data: ReportData, threshold: float = CHANGE_THRESHOLD_PERCENT) -> list[Finding]:
    if data.previous_year is None:
        return []
    findings = []
    for row in data.indicators:
        previous = data.previous_indicators.get(row.key)
        if previous is None:
            continue
        name = Label(row.name_zh, row.name_en or row.name_zh)
        now, before = row.value.actual, previous.actual
        definition = INDICATOR_BY_KEY.get(row.key)
        entered = definition is None or definition.source == ENTERED
        small = definition is not None and definition.kind == COUNT and max(now or 0, before or 0) < SMALL_COUNT
        share = change_share(before, now)
        if entered and not small and share is not None:
            change = share * 100
            if abs(change) > threshold:
                findings.append(finding(
                    "YOY-CHANGE", Location("indicators", "indicator_value", row.value.id, "actual", row.name_zh),
                    indicator=name, value=float(now), previous=float(before), previous_year=str(data.previous_year),
                    change=f"{change:+.1f}", threshold=f"{threshold:g}"))
        base_now, base_before = row.value.baseline_2021, previous.baseline_2021
        if base_now is not None and base_before is not None and abs(base_now - base_before) > 1e-9:
            findings.append(finding(
                "YOY-BASELINE", Location("indicators", "indicator_value", row.value.id, "baseline_2021", row.name_zh),
                indicator=name, value=float(base_now), previous=float(base_before),
                previous_year=str(data.previous_year)))
    return findings
