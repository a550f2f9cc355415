"""Rules across sections: chain map complete, path map covering the stages with the
category's themes, requirements assessed, indicator counts agreeing with the lists, computed indicators agreeing
with their parts."""

from __future__ import annotations

from fractions import Fraction

from parkdesk.figures.formulas import FIGURE_BY_KEY
from parkdesk.figures.numbers import exact, round_half_up
from parkdesk.figures.totals import computed_value, is_computed
from parkdesk.forms.indicators import INDICATORS
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.choices import CHAIN_POSITIONS
from parkdesk.reference.labels import Label
from parkdesk.reference.requirements import REQUIREMENTS
from parkdesk.reference.stages import STAGES, stage_theme
from parkdesk.validation.findings import Finding, Location
from parkdesk.validation.report_data import ReportData
from parkdesk.validation.section_checks import COLUMN_LABELS, finding

DERIVED_SOURCES = {
    "platforms": Label("公共服务平台列表", "platform list"),
    "distinction": Label("企业名录", "enterprise list"),
}


def check_cross_sections(data: ReportData) -> list[Finding]:
    return _chain(data) + _path(data) + _requirements(data) + _derived_indicators(data) + _computed_indicators(data)


def _chain(data: ReportData) -> list[Finding]:
    findings = []
    positions_with_links = {segment.position for segment in data.segments if segment.links}
    for key, label in CHAIN_POSITIONS:
        if key not in positions_with_links:
            findings.append(finding("CHAIN-POSITION-EMPTY", Location("chain", "chain_segment", None, "position"),
                                    position=label))
    seen: set[str] = set()
    for link in data.links:
        name = (link.name or "").strip()
        if name in seen:
            findings.append(finding("CHAIN-DUP-LINK", Location("chain", "chain_link", link.id, "name", name), value=name))
        seen.add(name)
    return findings


def _path(data: ReportData) -> list[Finding]:
    findings = []
    category = CATEGORY_BY_KEY.get(data.park.category)
    stages = {stage.stage_year: stage for stage in data.stages}
    milestone_years = {m.stage_year for m in data.milestones}
    for stage in STAGES:
        name = f"{stage.year} {stage.label.zh}"
        stage_label = Label(name, f"{stage.year} {stage.label.en}")
        row = stages.get(stage.year)
        if row is None:
            findings.append(finding("PATH-STAGE-MISSING", Location("path", "path_stage", None, "stage_year", name),
                                    stage=stage_label))
            continue
        if category is not None:
            expected = stage_theme(category, stage.year)
            if (row.theme or "").strip() not in (expected.zh, expected.en):
                findings.append(finding("PATH-THEME", Location("path", "path_stage", row.id, "theme", name),
                                        stage=stage_label, expected=expected, category=category.label,
                                        value=row.theme or ""))
        if stage.year not in milestone_years:
            findings.append(finding("PATH-NO-MILESTONE", Location("path", "path_stage", row.id, None, name),
                                    stage=stage_label))
    return findings


def _requirements(data: ReportData) -> list[Finding]:
    assessed = {a.requirement_key for a in data.assessments}
    return [
        finding("REQ-MISSING", Location("requirements", "assessment", None, "requirement_key", requirement.label.zh),
                requirement=requirement.label)
        for requirement in REQUIREMENTS if requirement.key not in assessed
    ]


def _derived_indicators(data: ReportData) -> list[Finding]:
    findings = []
    for definition in INDICATORS:
        if definition.derived_from is None:
            continue
        row = data.indicator(definition.key)
        if row is None or row.value.actual is None:
            continue
        if definition.derived_from == "platforms":
            expected, source = len(data.platforms), DERIVED_SOURCES["platforms"]
        else:
            expected = data.distinction_counts.get(definition.derived_from.split(":", 1)[1], 0)
            source = DERIVED_SOURCES["distinction"]
        if abs(row.value.actual - expected) > 1e-9:
            location = Location("indicators", "indicator_value", row.value.id, "actual", row.name_zh)
            findings.append(finding("IND-DERIVED-MISMATCH", location, indicator=definition.label,
                                    value=float(row.value.actual), expected=expected, source=source))
    return findings


COMPUTED_TOLERANCE = Fraction(5, 1000)  # a share typed to two decimals


def _computed_indicators(data: ReportData) -> list[Finding]:
    """A computed indicator typed in must agree with what its parts give (parkdesk.figures.totals)."""
    findings = []
    for definition in INDICATORS:
        row = data.indicator(definition.key)
        if row is None or not is_computed(definition.key):
            continue
        for column, label in COLUMN_LABELS.items():
            typed = exact(getattr(row.value, column))
            parts = {}
            for key in definition.computed_from:
                part = data.indicator(key)
                parts[key] = exact(getattr(part.value, column)) if part is not None else None
            expected = computed_value(definition.key, parts)
            if typed is None or expected is None or abs(typed - expected) <= COMPUTED_TOLERANCE:
                continue
            location = Location("indicators", "indicator_value", row.value.id, column, row.name_zh)
            findings.append(finding("IND-COMPUTED-MISMATCH", location, indicator=definition.label, column=label,
                                    value=float(typed), expected=float(round_half_up(expected, 2)),
                                    formula=FIGURE_BY_KEY[definition.key].formula))
    return findings
