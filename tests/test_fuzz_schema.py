"""Fuzzing report.json's loader: load_document and check_document (parkdesk.packages.schema) on arbitrary bytes
and JSON, and import_report + the rules on every mutated document the schema lets through.

The schema is the gate a sender's data passes before it is loaded into a workspace (the scratch one that
verification re-runs the rules in, and the reviewer's inbox): what it accepts must load, or be refused with
a ParkdeskError, never crash the import.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fuzz_kit import (  # noqa: F401  (sandbox and tally are fixtures)
    Shown, fuzz_settings, json_bytes, json_values, mutated_bytes, mutated_json, sandbox, tally,
)
from package_kit import PARK, YEAR, report_id_of
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError
from parkdesk.packages.layout import attachment_path
from parkdesk.packages.report_export import attachment_rows, export_report
from parkdesk.packages.report_import import ReportUnloadable, import_report, scratch_session
from parkdesk.packages.schema import SchemaProblem, check_document, load_document
from parkdesk.validation.engine import validate_report


@pytest.fixture(scope="module")
def base(demo_master):
    """QLRJY 2023 as report.json, exported from the demo workspace, and its bytes."""
    report_id = report_id_of(demo_master, PARK, YEAR)
    with open_workspace(demo_master) as workspace, workspace.session() as session:
        taken: set[str] = set()
        paths = {row.id: attachment_path(row.filename, taken) for row in attachment_rows(session, report_id)}
        document = export_report(session, report_id, package_id="0f0e0d0c-0b0a-4908-8706-050403020100",
                                 supersedes=None, created_at=datetime(2024, 1, 15, tzinfo=timezone.utc),
                                 documents=["data/report.xlsx"], attachment_paths=paths)
    check_document(document)
    return Shown(document=document, raw=json.dumps(document, ensure_ascii=False).encode())


def load_and_check(tally, data: bytes):
    """The document if it parses and matches its schema; None when refused (SchemaProblem only)."""
    document = tally.call("load_document", load_document, data, allowed=(SchemaProblem,))
    if document is None and data.strip() != b"null":
        return None
    if tally.call("check_document", check_document, document, allowed=(SchemaProblem,)) is None:
        return None
    return document


def import_and_validate(tally, document) -> None:
    """A document the schema accepts loads into a scratch workspace and the rules run, or is refused plainly."""
    with scratch_session() as session:
        imported = tally.call("import_report", import_report, session, document, with_previous_indicators=True)
        if imported is not None:
            outcome = validate_report(session, imported.report_id)
            tally.count("validate_report", "can finalize" if outcome.can_finalize else "findings")


@fuzz_settings(200)
@given(data=st.one_of(st.binary(max_size=512), mutated_bytes(b'{"schema": "parkdesk-report", "schema_version": 1}'),
                      st.sampled_from([b"\xef\xbb\xbf{}", b"\xff\xfe{\x00}\x00", b"[" * 5000, b"1" * 5000, b"NaN",
                                       b'"\\ud800"', b"{" * 100_000, b"\x00"])))
def test_arbitrary_bytes(sandbox, tally, data):
    with sandbox.example(data, "report.json") as path:
        load_and_check(tally, path.read_bytes())


@fuzz_settings(200)
@given(value=json_values)
@example(value={"schema_version": 1})
@example(value={"schema_version": True})  # True == 1 in Python: the version check must not take it for 1
@example(value={"schema_version": 1.0})
def test_arbitrary_json(tally, value):
    tally.call("check_document", check_document, value, allowed=(SchemaProblem,))


@fuzz_settings(100)
@given(data=st.data())
def test_mutated_documents_load_or_are_refused(sandbox, tally, base, data):
    text = data.draw(mutated_json(base["document"]))
    with sandbox.example(json_bytes(text), "report.json") as path:
        document = load_and_check(tally, path.read_bytes())
        if document is not None:
            import_and_validate(tally, document)


@fuzz_settings(40)
@given(data=st.data())
def test_byte_mutations_of_a_document(sandbox, tally, base, data):
    with sandbox.example(data.draw(mutated_bytes(base["raw"])), "report.json") as path:
        document = load_and_check(tally, path.read_bytes())
        if document is not None:
            import_and_validate(tally, document)


def test_the_base_document_imports_and_validates(base, tally):
    import_and_validate(tally, base["document"])
    assert tally.outcomes["import_report"]["ok"] >= 1


def test_parkdesk_error_is_the_only_refusal():
    assert issubclass(SchemaProblem, ParkdeskError)


# --- regressions: failures the fuzzing found, kept as they were found ---------------------------------------------

@pytest.mark.parametrize("version", [1.0, True])
def test_a_schema_version_equal_to_1_but_not_the_integer_1_is_refused(base, version):
    """Found by test_arbitrary_json: 1.0 == True == 1 passed the version check, then the schema file
    'report-v1.0.schema.json' was looked for and FileNotFoundError came out of check_document (and so out of
    verify_package)."""
    document = dict(base["document"], schema_version=version)
    with pytest.raises(SchemaProblem) as info:
        check_document(document)
    assert info.value.message_key == "schema.version"


def changed(document: dict, path: tuple, value) -> dict:
    document = json.loads(json.dumps(document))
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return document


@pytest.mark.parametrize("path,value,reason", [
    (("chain_segments", 0, "name"), None, "NOT NULL constraint failed: chain_segments.name"),
    (("enterprises", 0, "employees"), 2 ** 63, "OverflowError"),
    (("park", "address"), "\ud800", "surrogates not allowed"),
    (("report", "finalized_at"), "2023-02-30T25:61:61", "ValueError"),
])
def test_a_document_the_schema_accepts_but_the_workspace_cannot_hold_is_refused_plainly(base, path, value, reason):
    """Found by test_mutated_documents_load_or_are_refused: each of these matches report-v1.schema.json, and
    import_report raised IntegrityError, OverflowError, UnicodeEncodeError or ValueError from deep inside."""
    document = changed(base["document"], path, value)
    assert check_document(document) == 1
    with scratch_session() as session, pytest.raises(ReportUnloadable) as info:
        import_report(session, document, with_previous_indicators=True)
    assert info.value.message_key == "validation.import_failed" and reason in info.value.params["reason"]
    assert "无法导入" in info.value.message("zh") and "cannot be loaded" in info.value.message("en")
