"""Locked means locked (issue 17, B.8): a report shows its own park details, so editing next year's draft
leaves every earlier report's export, workbook and validation exactly as they were."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import openpyxl
from sqlalchemy import select

from parkdesk.db.models import Park, ParkDetails, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.editing.changes import SetValues
from parkdesk.editing.editor import ReportEditor
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.packages.report_export import export_report
from parkdesk.validation.engine import validate_report

CHANGED = {"name": "齐鲁软件园(更名)", "division_code": "370102", "category": "comprehensive", "level": "municipal",
           "operator_org": "新的运营机构", "contact_name": "新联系人", "contact_phone": "0531-88886666",
           "contact_email": "new@example.cn", "address": "新地址"}


def snapshot(workspace, report_id: int, folder) -> tuple:
    with workspace.session() as session:
        document = export_report(session, report_id, package_id="-", supersedes=None,
                                 created_at=datetime(2025, 1, 1), documents=[],
                                 attachment_paths=defaultdict(lambda: "data/attachments/x"))
        findings = [(f.rule_id, f.location.key()) for f in validate_report(session, report_id).findings]
        out = folder / f"r{report_id}.xlsx"
        out.unlink(missing_ok=True)
        write_report_workbook(session, report_id, out, "zh")
    book = openpyxl.load_workbook(out, read_only=True)
    cells = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
    book.close()
    return document, findings, cells


def test_editing_a_draft_leaves_the_locked_reports_of_the_same_park_unchanged(demo_path, tmp_path):
    with open_workspace(demo_path, backups=None) as workspace:
        with workspace.session() as session:
            reports = session.execute(select(Report.id, Report.year, Report.status).join(Park)
                                      .where(Park.code == "QLRJY").order_by(Report.year)).all()
        locked = [rid for rid, _year, status in reports if status != "draft"]
        draft = next(rid for rid, _year, status in reports if status == "draft")
        assert len(locked) == 2
        before = {rid: snapshot(workspace, rid, tmp_path) for rid in locked}
        editor = ReportEditor(workspace, draft)
        with workspace.session() as session:
            old = session.get(ParkDetails, draft).as_dict()
        editor.apply(SetValues("park_details", draft, CHANGED, {key: old[key] for key in CHANGED}))
        after = {rid: snapshot(workspace, rid, tmp_path) for rid in locked}
        for rid in locked:
            assert after[rid] == before[rid], f"report {rid} changed"
        with workspace.session() as session:
            park = session.scalars(select(Park).where(Park.code == "QLRJY")).one()
            # the park's current name and district follow its newest report
            assert (park.name, park.division_code) == (CHANGED["name"], CHANGED["division_code"])
            assert session.get(Report, locked[0]).details.name == "齐鲁软件园"
