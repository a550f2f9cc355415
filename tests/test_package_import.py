"""report.json round trip: exported from a workspace, loaded into a scratch one, the rules find the same."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from parkdesk.db.models import Attachment, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.packages.report_export import attachment_rows, export_report
from parkdesk.packages.report_import import import_report, map_location_key, scratch_session
from parkdesk.packages.schema import check_document
from parkdesk.reports.lifecycle import justify
from parkdesk.validation.engine import validate_report
from parkdesk.validation.findings import RULESET_VERSION

PACKAGE_ID = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"


def exported(session, park: str, year: int) -> tuple[int, dict]:
    report_id = session.scalar(select(Report.id).join(Park).where(Park.code == park, Report.year == year))
    paths = {a.id: f"data/attachments/{a.id}.txt" for a in attachment_rows(session, report_id)}
    document = export_report(session, report_id, package_id=PACKAGE_ID, supersedes=None, created_at=datetime.now(),
                             documents=[], attachment_paths=paths)
    return report_id, json.loads(json.dumps(document, ensure_ascii=False))


def findings_of(result) -> list[tuple[str, str, str]]:
    return sorted((f.rule_id, f.severity, f.location.section) for f in result.findings)


def test_the_flawed_draft_keeps_its_findings_and_its_justification(demo_path):
    with open_workspace(demo_path) as ws, ws.session() as session, session.begin():
        report_id, _ = exported(session, "SDYYFW", 2024)
        report = session.get(Report, report_id)
        original = validate_report(session, report_id)
        warning = next(f for f in original.findings if f.severity == "warning")
        justify(session, report, warning.rule_id, warning.location.key(), "规划调整,已与区县沟通", ws.actor)
        session.flush()
        original = validate_report(session, report_id)
        _, document = exported(session, "SDYYFW", 2024)
    document["report"]["status"] = "finalized"  # as if it were: the schema admits finalized reports only
    document["ruleset_version"] = document["report"]["ruleset_version"] = RULESET_VERSION
    check_document(document)
    with scratch_session() as scratch:
        imported = import_report(scratch, document, with_previous_indicators=True)
        again = validate_report(scratch, imported.report_id)
    assert findings_of(again) == findings_of(original)
    assert len(again.unjustified_warnings) == len(original.unjustified_warnings) < len(original.warnings)
    assert {f.rule_id for f in again.errors} >= {"ENT-USCC-CHECK", "ENT-DUP-USCC"}


def test_a_clean_report_stays_clean_and_year_over_year_rules_see_last_year(demo_path):
    with open_workspace(demo_path) as ws, ws.session() as session:
        report_id, document = exported(session, "QLRJY", 2023)
        original = validate_report(session, report_id)
        contents = {a.id: session.get(Attachment, a.id).content for a in attachment_rows(session, report_id)}
    assert document["previous_year"]["year"] == 2022 and document["previous_year"]["indicators"]
    with scratch_session() as scratch:
        imported = import_report(scratch, document, with_previous_indicators=True,
                                 attachment_content=lambda attachment: contents[attachment["id"]])
        again = validate_report(scratch, imported.report_id)
        report = scratch.get(Report, imported.report_id)
        assert (report.year, report.park.code, report.status) == (2023, "QLRJY", "accepted")
        earlier = scratch.scalars(select(Report).where(Report.year == 2022)).one()
        assert earlier.park_id == report.park_id
    assert findings_of(again) == findings_of(original)
    assert again.can_finalize


def test_location_keys_follow_the_new_ids():
    ids = {"enterprise": {3099: 3}, "indicator_value": {667: 21}}
    assert map_location_key("enterprises/enterprise/3099/uscc", ids) == "enterprises/enterprise/3/uscc"
    assert map_location_key("indicators/indicator_value/667/target_2024", ids) == \
        "indicators/indicator_value/21/target_2024"
    assert map_location_key("*", ids) == "*"
    assert map_location_key("chain/chain_segment/-/position", ids) == "chain/chain_segment/-/position"
    assert map_location_key("enterprises/enterprise/5/uscc", ids) == "enterprises/enterprise/5/uscc"


def test_importing_twice_into_one_workspace_needs_replace(demo_path):
    with open_workspace(demo_path) as ws, ws.session() as session:
        _, document = exported(session, "QLRJY", 2023)
    with scratch_session() as scratch:
        first = import_report(scratch, document)
        try:
            import_report(scratch, document)
        except Exception as problem:  # ReportExists
            assert getattr(problem, "message_key", "") == "report.exists"
        else:
            raise AssertionError("a second import must not silently duplicate the report")
        second = import_report(scratch, document, replace=True)
        assert scratch.scalars(select(Report.id).where(Report.year == 2023)).all() == [second.report_id]
        assert first.park_id == second.park_id
