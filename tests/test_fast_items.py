"""The fast check of report.json's enterprise list (parkdesk.packages.fast_items) is never laxer than the schema.

check_document(…, parsed_json=True) takes the fast path; without it, fastjsonschema checks every item. On
enterprises changed field by field with awkward values, both must give the same answer — and wherever the
fast check passes an item, fastjsonschema must pass it too.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import fastjsonschema
import orjson
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from fuzz_kit import Shown, fuzz_settings, json_values
from package_kit import PARK, YEAR, report_id_of
from parkdesk.db.workspace import open_workspace
from parkdesk.packages.layout import attachment_path
from parkdesk.packages.report_export import attachment_rows, export_report
from parkdesk.packages.fast_items import Untranslatable, item_type, items_pass
from parkdesk.packages.schema import SchemaProblem, _fast_list, check_document, schema_text

ITEM_SCHEMA = json.loads(schema_text(1))["properties"]["enterprises"]
ITEM = {"id": 7, "name": "济南某科技有限公司", "uscc": "91370100MA3C5XXX1X", "role": "key", "chain_link_id": 3,
        "status": "operating", "established": "2019-05-03", "employees": 120, "revenue_wan_yuan": 3500.5,
        "service_exports_wan_usd": 12, "distinctions": ["listed", "leading"], "contact_name": "王敏",
        "contact_phone": "0531-88886666"}
AWKWARD = st.sampled_from([
    None, True, False, 0, 1, -1, 1.0, 2.5, 2 ** 63, 2 ** 70, float("1e300"), "", " ", "2019-05-03", "2019-05-03\n",
    "x2019-05-03", "２０１９-05-03", "2019-5-3", "listed", "bogus", [], ["listed"], ["listed", "bogus"], [None],
    ["listed", 1], {}, {"id": 1},
]) | json_values


def schema_says(item) -> bool:
    validator = fastjsonschema.compile(ITEM_SCHEMA)
    try:
        validator([item])
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


@pytest.fixture(scope="module")
def exported(demo_master) -> Shown:
    """QLRJY 2023 as report.json bytes, exported from the demo workspace."""
    report_id = report_id_of(demo_master, PARK, YEAR)
    with open_workspace(demo_master) as workspace, workspace.session() as session:
        taken: set[str] = set()
        paths = {row.id: attachment_path(row.filename, taken) for row in attachment_rows(session, report_id)}
        document = export_report(session, report_id, package_id="0f0e0d0c-0b0a-4908-8706-050403020100",
                                 supersedes=None, created_at=datetime(2024, 1, 15, tzinfo=timezone.utc),
                                 documents=["data/report.xlsx"], attachment_paths=paths)
    return Shown(document=document)


def as_parsed(value):
    """`value` written as JSON text and read back as verification reads report.json (orjson: 2**70 → float);
    values strict JSON cannot carry (NaN, infinities, lone surrogates) are no example."""
    try:
        return orjson.loads(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except ValueError:  # orjson.JSONDecodeError is one
        assume(False)


def document_with(exported: Shown, items) -> dict:
    """The exported report.json with `items` as its enterprise list, parsed from JSON as verification does."""
    return as_parsed({**exported["document"], "enterprises": items})


def outcome(document, parsed_json: bool) -> str:
    try:
        check_document(document, parsed_json=parsed_json)
    except SchemaProblem as problem:
        return f"refused: {problem.params['reason']}"
    return "accepted"


def test_the_shipped_schema_translates(exported):
    assert _fast_list(1) is not None
    assert items_pass([ITEM], _fast_list(1)[1]) and schema_says(ITEM)
    assert outcome(document_with(exported, [ITEM]), parsed_json=True) == "accepted"
    refused = outcome(document_with(exported, [ITEM, {**ITEM, "employees": "many"}]), parsed_json=True)
    assert refused.startswith("refused") and "employees" in refused  # fastjsonschema's own message


@pytest.mark.parametrize("schema", [
    {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}, "required": [],
                                "additionalProperties": False}},  # an optional property
    {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}},
    {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string", "format": "email"}},
                                "required": ["a"], "additionalProperties": False}},
    {"type": "array", "minItems": 1, "items": {"type": "string"}},
    {"type": "array", "items": {"type": ["string", "integer"]}},
    {"type": "array", "items": {"oneOf": [{"type": "string"}]}},
])
def test_what_it_cannot_say_exactly_is_not_translated(schema):
    with pytest.raises(Untranslatable):
        item_type(schema)


@fuzz_settings(300)
@given(changes=st.dictionaries(st.sampled_from(sorted(ITEM) + ["extra"]), AWKWARD, max_size=4),
       dropped=st.sets(st.sampled_from(sorted(ITEM)), max_size=2))
@example(changes={"established": "2019-05-03\n"}, dropped=set())
@example(changes={"employees": 1.0}, dropped=set())
@example(changes={"chain_link_id": 0}, dropped=set())
@example(changes={"distinctions": ["listed", "bogus"]}, dropped=set())
@example(changes={"extra": 1}, dropped=set())
@example(changes={}, dropped={"contact_phone"})
def test_the_fast_check_is_never_laxer_than_the_schema(changes, dropped):
    item = {key: value for key, value in {**ITEM, **changes}.items() if key not in dropped}
    item = as_parsed(item)
    if items_pass([item], _fast_list(1)[1]):
        assert schema_says(item), item


@fuzz_settings(100)
@given(changes=st.dictionaries(st.sampled_from(sorted(ITEM)), AWKWARD, max_size=3))
@example(changes={"established": "2019-05-03\n"})
@example(changes={"employees": 1.0})
def test_check_document_says_the_same_either_way(exported, changes):
    document = document_with(exported, [ITEM, {**ITEM, "id": 8, **changes}])
    assert outcome(document, parsed_json=True) == outcome(document, parsed_json=False)
