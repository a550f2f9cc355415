"""The forms (parkdesk/forms) are the one source of the enterprise list's columns: the workspace table, report.json's
schema and the year-over-year comparison cannot drift from the enterprise form's fields."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Date, Float, Integer, String

from parkdesk import packages
from parkdesk.db.models import Enterprise
from parkdesk.forms.model import CHOICE, DATE, DECIMAL, INTEGER, MULTI_CHOICE, PHONE, REFERENCE, TEXT, USCC
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.history.yoy_enterprises import COMPARED, NOT_COMPARED

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
