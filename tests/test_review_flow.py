"""End to end through real files: the operator sends, the district returns it with comments, the operator fixes
and resends, the district sees the new package supersede the old one and approves it."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.identity.certificates import to_pem
from parkdesk.reports.lifecycle import EDITABLE_STATUSES
from parkdesk.review.comments import add_comment, comments_by_location, comments_for_report, parse_location
from parkdesk.review.decisions import review_history, set_state
from parkdesk.review.inbox import ACCEPTED
from parkdesk.review.inbox_rows import inbox_row, kept_report, list_inbox
from parkdesk.review.receipt_build import make_receipt
from parkdesk.review.receipt_import import import_receipt
from parkdesk.validation.findings import Location
from review_kit import PARK, YEAR, make_world, receive, send, set_status


@pytest.mark.needs_tool("unzip", "unzip")
@pytest.mark.needs_tool("openssl", "openssl")
def test_return_with_comments_fix_resend_approve(tmp_path, demo_master):
    world = make_world(tmp_path, demo_master)
    operator_report = set_status(world.operator, PARK, YEAR, "finalized")
    first, built = send(world, "first.parkpkg")

    # the district receives it: verified, kept, its report imported read-only
    [received] = receive(world, first)
    assert received.outcome == ACCEPTED
    signer = world.district_signer()
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        row = inbox_row(session, received.entry_id)
        assert (row.park_code, row.year, row.verified, row.state) == (PARK, YEAR, True, "received")
        assert row.package_id == built.package_id and row.signer_fingerprint == built.signer_fingerprint
        assert session.get(Report, row.report_id).status == "submitted"
        enterprise = session.scalars(select(Enterprise).where(Enterprise.report_id == row.report_id)
                                     .order_by(Enterprise.id).offset(4)).first()
        local_enterprise_id, enterprise_name = enterprise.id, enterprise.name
        add_comment(session, row.entry_id, Location("enterprises", "enterprise", enterprise.id, "employees",
                                                    enterprise.name), "从业人员数请核实", author="李审核")
        add_comment(session, row.entry_id, parse_location("positioning"), "定位请具体化", author="李审核")
        set_state(session, row.entry_id, "returned", actor="李审核", note="请修改后重新报送")
        receipt = make_receipt(session, row.entry_id, tmp_path / "decision.parkreview", signer,
                               actor="李审核")
        session.commit()
        # the reviewer sees the comment beside the row it concerns, with this workspace's record ids
        beside = comments_by_location(session, row.report_id)
        assert [c.text for c in beside[f"enterprises/enterprise/{local_enterprise_id}/employees"]] == ["从业人员数请核实"]
        assert [e.state for e in review_history(session, row.entry_id)][-1] == "returned"
    assert (receipt.decision, receipt.comments) == ("returned", 2)

    # anyone can check the receipt's signature with openssl against the district's certificate
    (tmp_path / "district.pem").write_bytes(to_pem([world.district_certificate()]))
    out = tmp_path / "receipt"
    subprocess.run(["unzip", "-q", str(receipt.path), "-d", str(out)], check=True)
    bag = next(out.iterdir())
    check = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                            str(bag / "tagmanifest-sha256.txt.p7s"), "-content", str(bag / "tagmanifest-sha256.txt"),
                            "-CAfile", str(tmp_path / "district.pem"), "-out", "/dev/null"], capture_output=True)
    assert check.returncode == 0, check.stderr

    # the operator imports it: the comment lands beside its own row, the report opens for editing
    with open_workspace(world.operator) as ws, ws.session() as session, session.begin():
        result = import_receipt(session, receipt.path, actor="园区填报员")
        assert (result.report_id, result.decision, result.applied) == (operator_report, "returned", True)
        report = session.get(Report, operator_report)
        assert report.status == "returned" and report.status in EDITABLE_STATUSES
        own = session.scalars(select(Enterprise).where(Enterprise.report_id == operator_report,
                                                       Enterprise.name == enterprise_name)).one()
        beside = comments_by_location(session, operator_report)
        assert [c.text for c in beside[f"enterprises/enterprise/{own.id}/employees"]] == ["从业人员数请核实"]
        assert [c.text for c in beside["positioning/-/-/-"]] == ["定位请具体化"]
        own.employees = 42  # the fix
        report.status = "finalized"
    second, rebuilt = send(world, "second.parkpkg")
    assert rebuilt.supersedes == built.package_id

    # the district sees the new package supersede the old one, which stays readable; it approves
    [again] = receive(world, second)
    assert again.outcome == ACCEPTED
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        old, new = inbox_row(session, received.entry_id), inbox_row(session, again.entry_id)
        assert old.superseded_by_id == new.entry_id and old.report_id is None and not old.current
        assert new.current and new.supersedes_package_id == built.package_id
        with kept_report(session, old.entry_id) as (scratch, report_id):
            kept = scratch.scalar(select(Enterprise.employees).where(Enterprise.report_id == report_id,
                                                                     Enterprise.name == enterprise_name))
        assert kept != 42
        assert session.scalar(select(Enterprise.employees).where(Enterprise.report_id == new.report_id,
                                                                 Enterprise.name == enterprise_name)) == 42
        earlier = [c for c in comments_for_report(session, new.report_id) if not c.current]
        assert {c.text for c in earlier} == {"从业人员数请核实", "定位请具体化"}  # shown on the new copy too
        set_state(session, new.entry_id, "approved", actor="李审核")
        approval = make_receipt(session, new.entry_id, tmp_path / "approved.parkreview", signer,
                                actor="李审核")
        session.commit()
        assert [r.state for r in list_inbox(session)] == ["returned", "approved"]
    with open_workspace(world.operator) as ws, ws.session() as session, session.begin():
        result = import_receipt(session, approval.path, actor="园区填报员")
        assert result.applied and session.get(Report, operator_report).status == "accepted"
        assert session.scalar(select(Park.code).join(Report).where(Report.id == operator_report)) == PARK
