"""The forms (parkdesk/forms) are the one source of columns and labels: the enterprise table, report.json's schema
and the year-over-year comparison cannot drift from the enterprise form's fields, and no text of the catalogue
copies a form's label."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Date, Float, Integer, String

from parkdesk import packages
from parkdesk.db.models import Enterprise
from parkdesk.forms.model import CHOICE, DATE, DECIMAL, INTEGER, MULTI_CHOICE, PHONE, REFERENCE, TEXT, USCC
from parkdesk.excel.task_table import HEADERS as TASK_HEADERS
from parkdesk.forms.sections import RECORD_BY_KEY, SECTIONS
from parkdesk.history.yoy_enterprises import COMPARED, NOT_COMPARED
from parkdesk.texts import catalogue

ENTERPRISE = RECORD_BY_KEY["enterprise"]
FORM_KEYS = [field.key for field in ENTERPRISE.fields]
# the column type each field type is stored in
STORED_AS = {TEXT: String, PHONE: String, USCC: String, CHOICE: String, INTEGER: Integer, DECIMAL: Float,
             DATE: Date, REFERENCE: Integer}


def test_the_enterprise_table_has_exactly_the_forms_fields_in_its_order():
    columns = [column.name for column in Enterprise.__table__.columns]
    assert columns[:2] == ["id", "report_id"]
    assert columns[2:] == FORM_KEYS


def test_each_enterprise_column_holds_what_its_field_allows():
    table = Enterprise.__table__
    for field in ENTERPRISE.fields:
        column_type = table.c[field.key].type
        if field.type == MULTI_CHOICE:
            assert field.stored_as_mask and isinstance(column_type, Integer), field.key
            continue
        assert isinstance(column_type, STORED_AS[field.type]), field.key
        if isinstance(column_type, String):
            longest = {CHOICE: max(len(key) for key, _ in field.choices or (("", None),)), USCC: 18}.get(
                field.type, field.max_length)
            assert longest is not None and column_type.length >= longest, field.key
        if field.type == REFERENCE:
            assert table.c[field.key].foreign_keys, field.key


def test_report_json_schema_lists_the_forms_enterprise_fields():
    schema = json.loads((Path(packages.__file__).parent / "schema" / "report-v1.schema.json")
                        .read_text(encoding="utf-8"))
    item = schema["properties"]["enterprises"]["items"]
    assert item["required"] == ["id", *FORM_KEYS]
    assert set(item["properties"]) == {"id", *FORM_KEYS} and item["additionalProperties"] is False


def test_the_year_over_year_comparison_names_only_form_fields_and_each_once():
    assert set(NOT_COMPARED) <= set(FORM_KEYS)
    assert sorted(COMPARED + NOT_COMPARED) == sorted(FORM_KEYS)


# texts that say what a form label says but name something else
SAME_WORDS_OTHER_MEANING = {"rollup_book.status": "milestone.status"}  # a park's report and review state


def form_labels() -> dict[tuple[str, str], str]:
    """(zh, en) → where the form defines it, for every record's and field's label."""
    found = {}
    for section in SECTIONS:
        for record in section.records:
            found[(record.label.zh, record.label.en)] = record.key
            found.update({(f.label.zh, f.label.en): f"{record.key}.{f.key}" for f in record.fields})
    return found


def test_no_catalogue_text_copies_a_form_label():
    """A heading that names a form's record or field takes the form's label, so the catalogue holds no copy."""
    labels = form_labels()
    copies = {key: labels[words] for key, words in catalogue().items() if words in labels}
    assert copies == SAME_WORDS_OTHER_MEANING


def test_the_task_table_heads_its_form_columns_with_the_forms_labels():
    milestone = RECORD_BY_KEY["milestone"]
    for lang in ("zh", "en"):
        headers = [h.text(lang) for h in TASK_HEADERS]
        park = RECORD_BY_KEY["park"]
        assert headers[1:4] == [park.label.text(lang), park.field("category").text(lang),
                                milestone.field("stage_year").text(lang)]
        assert headers[7:] == [milestone.field(k).text(lang) for k in ("due_date", "status", "evidence")]
