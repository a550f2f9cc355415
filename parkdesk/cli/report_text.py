"""The report's content as text and JSON for `parkdesk report show` and `parkdesk review show`: every section in
the form's order, each record as the workbook lays it out (parkdesk.excel.report_tables)."""

from __future__ import annotations

from datetime import date, datetime

from parkdesk.forms.field_values import display_value
from parkdesk.forms.model import CHOICE, MULTI_CHOICE, REFERENCE, Field
from parkdesk.texts import text

EMPTY = "—"
LABELLED = (CHOICE, MULTI_CHOICE, REFERENCE)  # the workbook layout's cells already hold their labels


def cell_text(value, field: Field | None = None, lang: str = "zh") -> str:
    """A workbook cell's value as the form displays its field (parkdesk.forms.field_values.display_value:
    2351.8 → 2,351.8, a date → 2024-06-30), on one line; a cell of no field as it is; nothing → —."""
    if value is None or value == "":
        return EMPTY
    shown = display_value(field, value, lang) if field is not None and field.type not in LABELLED else str(value)
    return " ".join(shown.split()) or EMPTY  # one line: long texts keep their words, not their line breaks


def print_content(content, lang: str, *, limit: int | None = None) -> None:
    """Each section's heading, then its forms (项目: 内容) and tables (a header line naming the columns)."""
    from parkdesk.excel.report_tables import Form

    section = None
    for part in content:
        if part.sheet.section is not section:
            section = part.sheet.section
            print(f"\n== {section.number} {section.text(lang)} ==")
        if len(section.records) > 1:
            print(f"-- {part.sheet.record.label.text(lang)} --")
        if isinstance(part, Form):
            for label, value, field in part.rows:
                print(f"  {label}: {cell_text(value, field, lang)}")
            continue
        print("  " + "\t".join(column.header for column in part.columns))
        shown = 0
        for row in part.rows:
            if limit is not None and shown == limit:
                print("  " + text("report_show.more_rows", lang, shown=limit))
                break
            print("  " + "\t".join(cell_text(value, column.field, lang) for value, column in zip(row, part.columns)))
            shown += 1
        if shown == 0:
            print("  " + text("report_show.no_rows", lang))


def content_json(content) -> list[dict]:
    from parkdesk.excel.report_tables import Form

    sections: list[dict] = []
    for part in content:
        section = part.sheet.section
        if not sections or sections[-1]["key"] != section.key:
            sections.append({"key": section.key, "number": section.number, "title": section.label.zh,
                             "title_en": section.label.en, "records": []})
        record = {"key": part.sheet.record.key, "title": part.sheet.record.label.zh}
        if isinstance(part, Form):
            record["form"] = [{"field": field.key if field else None, "label": label, "value": _json_value(value)}
                              for label, value, field in part.rows]
        else:
            record["columns"] = [{"field": c.field.key if c.field else None, "header": c.header}
                                 for c in part.columns]
            record["rows"] = [[_json_value(v) for v in row] for row in part.rows]
        sections[-1]["records"].append(record)
    return sections


def _json_value(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def print_findings(result, lang: str) -> None:
    """Each finding of a ValidationResult: severity, rule, where; its message; its justification, if any."""
    from parkdesk.validation.findings import SEVERITY_LABELS

    for finding in result.findings:
        print(f"  [{SEVERITY_LABELS[finding.severity].text(lang)}] {finding.rule_id}  {finding.location_text(lang)}")
        print(f"      {finding.message(lang)}")
        reason = result.justification(finding)
        if reason:
            print(f"      {text('report_show.justification', lang)}: {reason}")


def findings_json(result, lang: str) -> list[dict]:
    """The findings of a ValidationResult for JSON output, each with its justification (None when it has none)."""
    return [{**finding.to_json(lang), "justification": result.justification(finding)} for finding in result.findings]
