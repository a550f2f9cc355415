"""Sections of the park summary that are tables of the report's own records.

Labels come from the form definitions (parkdesk.forms.sections), so the PDF
says what the editors and spreadsheets say.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from parkdesk.forms.field_values import display_value, prose_separator
from parkdesk.forms.model import REFERENCE
from parkdesk.forms.sections import BASIC, PLATFORMS, POSITIONING, REQUIREMENTS_SECTION
from parkdesk.pdf.blocks import Heading, data_table, esc, key_value_table
from parkdesk.pdf.styles import ERROR_INK, Styles, WARNING_INK
from parkdesk.reference.requirements import REQUIREMENT_BY_KEY, REQUIREMENTS
from parkdesk.texts import text
from parkdesk.validation.engine import ValidationResult
from parkdesk.validation.findings import SEVERITY_LABELS
from parkdesk.validation.report_data import ReportData

FINDINGS_SHOWN = 150  # per severity; the rest are counted


def field_text(field, value, lang: str, division_name: str | None = None) -> str:
    """A stored value as the form displays it (parkdesk.forms.field_values.display_value), a list as prose;
    a district with its code."""
    if field.type == REFERENCE and field.key == "division_code" and value not in (None, ""):
        return f"{division_name}({value})" if division_name else str(value)
    return display_value(field, value, lang, separator=prose_separator(lang))


def basic_information(data: ReportData, styles: Styles, width: float, lang: str) -> list[Flowable]:
    park = data.park
    division = park.division.name if park.division else None
    record = BASIC.records[0]
    pairs = [(f.text(lang), field_text(f, getattr(park, f.key), lang, division)) for f in record.fields]
    story: list[Flowable] = [Heading(BASIC.text(lang), styles.h1), key_value_table(pairs, styles, width)]
    story.append(Heading(POSITIONING.text(lang), styles.h1))
    for field in POSITIONING.records[0].fields:
        story.append(Paragraph(esc(field.text(lang)), styles.h2))
        story.append(Paragraph(esc(getattr(data.report, field.key)) or "—", styles.body))
    return story


def requirements_assessment(data: ReportData, styles: Styles, width: float, lang: str) -> list[Flowable]:
    record = REQUIREMENTS_SECTION.records[0]
    by_key = {a.requirement_key: a for a in data.assessments}
    rows = []
    for requirement in REQUIREMENTS:
        assessment = by_key.get(requirement.key)
        rows.append([
            f"{requirement.number}. {requirement.label.text(lang)}",
            field_text(record.field("rating"), assessment.rating, lang) if assessment else "—",
            (assessment.description or "") if assessment else "",
            (assessment.evidence or "") if assessment else "",
        ])
    rows += [[key, a.rating or "", a.description or "", a.evidence or ""]
             for key, a in by_key.items() if key not in REQUIREMENT_BY_KEY]
    header = [record.field(k).text(lang) for k in ("requirement_key", "rating", "description", "evidence")]
    widths = [width * 0.23, width * 0.12, width * 0.45, width * 0.2]
    return [Heading(REQUIREMENTS_SECTION.text(lang), styles.h1), data_table(header, rows, styles, widths)]


def platforms(data: ReportData, styles: Styles, width: float, lang: str) -> list[Flowable]:
    record = PLATFORMS.records[0]
    keys = ("name", "operator", "service_types", "level", "established")
    story: list[Flowable] = [Heading(PLATFORMS.text(lang), styles.h1)]
    if not data.platforms:
        return story + [Paragraph(esc(text("pdf.none", lang)), styles.body)]
    rows = [[field_text(record.field(k), getattr(p, k), lang) for k in keys] for p in data.platforms]
    widths = [width * 0.28, width * 0.2, width * 0.28, width * 0.11, width * 0.13]
    return story + [data_table([record.field(k).text(lang) for k in keys], rows, styles, widths)]


def validation_status(result: ValidationResult, styles: Styles, width: float, lang: str) -> list[Flowable]:
    warnings = result.warnings
    justified = [w for w in warnings if result.justification(w)]
    story: list[Flowable] = [
        Heading(text("pdf.validation", lang), styles.h1),
        Paragraph(esc(text("pdf.validation_summary", lang, version=result.ruleset_version, errors=len(result.errors),
                        warnings=len(warnings), justified=len(justified), infos=len(result.infos))), styles.body),
    ]
    if not result.errors and not warnings:
        return story + [Paragraph(esc(text("pdf.validation_clean", lang)), styles.body)]
    rows, left_out = [], 0
    for severity_findings in (result.errors, warnings):
        left_out += max(0, len(severity_findings) - FINDINGS_SHOWN)
        for finding in severity_findings[:FINDINGS_SHOWN]:
            severity = SEVERITY_LABELS[finding.severity].text(lang)
            colour = ERROR_INK if finding.severity == "error" else WARNING_INK
            justification = result.justification(finding) if finding.severity == "warning" else None
            rows.append([
                Paragraph(f'<font color="#{colour.hexval()[2:]}">{esc(severity)}</font>', styles.cell),
                finding.rule_id, finding.location_text(lang), finding.message(lang),
                justification or (text("pdf.unjustified", lang) if finding.severity == "warning" else ""),
            ])
    header = [text(k, lang) for k in ("pdf.severity", "pdf.rule", "pdf.where", "pdf.finding", "pdf.justification")]
    widths = [width * 0.08, width * 0.16, width * 0.22, width * 0.32, width * 0.22]
    story.append(data_table(header, rows, styles, widths))
    if left_out:
        story.append(Paragraph(esc(text("pdf.more_findings", lang, count=left_out)), styles.note))
    return story
