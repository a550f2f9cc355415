"""Locked means locked for decisions too (issue 17, B.9-11): a receipt decides on the content of the package it
names and in the order the district decided; a replayed roll-up cannot revive what a newer one withdrew; a newer
package does not push an approved one out of the roll-up before it is itself approved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from parkdesk.city.dashboard import goals_dashboard
from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.editing.changes import SetValues
from parkdesk.editing.editor import ReportEditor
from parkdesk.identity.trust_store import trust_certificate
from parkdesk.reports.lifecycle import finalize, reopen
from parkdesk.review.decisions import set_state
from parkdesk.review.inbox import ACCEPTED, REJECTED
from parkdesk.review.inbox_rows import list_inbox
from parkdesk.review.receipt_build import make_receipt
from parkdesk.review.receipt_import import ReceiptRefused, import_receipt
from parkdesk.review.rollup_build import build_rollup
from parkdesk.review.rollup_import import import_rollups
from parkdesk.review.rollup_table import district_rollup
from parkdesk.review.setup import create_city_workspace
from review_kit import PARK, YEAR, make_world, receive, send, set_status


def decide(world, entry_id: int, state: str, name: str):
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        set_state(session, entry_id, state, actor="审核员", note="区县复核后改变决定")  # a reason, as any change
        session.commit()                                                                # after an approval needs
        built = make_receipt(session, entry_id, world.folder / name, world.district_signer(), actor="审核员")
        session.commit()
    return built.path


def take(world, receipt):
    with open_workspace(world.operator) as ws, ws.session() as session, session.begin():
        return import_receipt(session, receipt, actor="op")


def status(world) -> str:
    with open_workspace(world.operator) as ws, ws.session() as session:
        return session.scalar(select(Report.status).join(Park).where(Park.code == PARK, Report.year == YEAR))


def change_and_refinalize(world, text: str) -> None:
    """The operator reopens the report, changes it and finalizes it again, without building a new package."""
    with open_workspace(world.operator) as ws:
        with ws.writing() as session:
            report = session.scalars(select(Report).join(Park).where(Park.code == PARK, Report.year == YEAR)).one()
            reopen(session, report, "op", "改一处")
            rid = report.id
        ReportEditor(ws, rid).apply(SetValues("reports", rid, {"positioning": text}, {"positioning": None}))
        with ws.writing() as session:
            finalize(session, session.get(Report, rid), "op")


@pytest.fixture
def sent(tmp_path, demo_path):
    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _ = send(world, "p1.parkpkg")
    [result] = receive(world, package)
    world.entry = result.entry_id
    return world


def test_an_approval_of_content_the_report_no_longer_has_is_refused(sent):
    receipt = decide(sent, sent.entry, "approved", "approved.parkreview")
    change_and_refinalize(sent, "打包之后改过的定位")
    with pytest.raises(ReceiptRefused) as refused:
        take(sent, receipt)
    assert refused.value.message_key == "receipt.content_changed"
    assert "已被修改" in refused.value.message("zh") and "was changed after package" in refused.value.message("en")
    assert status(sent) == "finalized"  # not accepted: the district never saw this content


def test_a_later_decision_supersedes_an_earlier_one_and_an_older_one_is_refused(sent):
    approved = decide(sent, sent.entry, "approved", "approved.parkreview")
    returned = decide(sent, sent.entry, "returned", "returned.parkreview")  # the district changed its mind
    assert take(sent, approved).status_after == "accepted"
    assert take(sent, returned).status_after == "returned"  # the later decision applies, even over accepted
    again = take(sent, approved)  # the approval once more: known, nothing changes
    assert again.already and status(sent) == "returned"


def test_receipts_taken_in_reverse_order_keep_the_later_decision(sent):
    approved = decide(sent, sent.entry, "approved", "approved.parkreview")
    returned = decide(sent, sent.entry, "returned", "returned.parkreview")
    assert take(sent, returned).status_after == "returned"
    with pytest.raises(ReceiptRefused) as refused:
        take(sent, approved)
    assert refused.value.message_key == "receipt.older" and status(sent) == "returned"


def test_a_newer_package_leaves_the_approved_one_in_the_roll_up_until_it_is_approved(sent):
    with open_workspace(sent.reviewer) as ws, ws.session() as session:
        set_state(session, sent.entry, "approved", actor="审核员")
        session.commit()
    first_package = [r for r in list_inbox_of(sent)][0].package_id
    change_and_refinalize(sent, "第二版")
    package, _ = send(sent, "p2.parkpkg")
    [second] = receive(sent, package)
    rows = {row.entry_id: row for row in list_inbox_of(sent)}
    assert rows[second.entry_id].replaces_approved and "替代已通过的年报" in rows[second.entry_id].state_text("zh")
    assert rows[sent.entry].stands_approved
    with open_workspace(sent.reviewer) as ws, ws.session() as session:
        table = district_rollup(session, YEAR, approved_only=True)
        assert [row.park.code for row in table.rows] == [PARK]  # still in the roll-up
        built = build_rollup(session, YEAR, sent.folder / "r1.parkrollup", sent.district_signer())
        assert built.parks == (PARK,) and built.sequence == 1
        set_state(session, second.entry_id, "approved", actor="审核员")
        session.commit()
    rows = {row.entry_id: row for row in list_inbox_of(sent)}
    assert rows[second.entry_id].stands_approved and not rows[second.entry_id].replaces_approved
    assert first_package != rows[second.entry_id].package_id


def list_inbox_of(world):
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        return list_inbox(session)


def test_a_replayed_roll_up_cannot_revive_a_withdrawn_approval(tmp_path, demo_path):
    parks = ("QLRJY", "GJWHCK")
    world = make_world(tmp_path / "world", demo_path, parks=parks)
    files = [send(world, f"{park}.parkpkg", park=park)[0] for park in parks]
    results = receive(world, *files)
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        for result in results:
            set_state(session, result.entry_id, "approved", actor="审核员")
        session.commit()
        first = build_rollup(session, YEAR, world.folder / "r1.parkrollup", world.district_signer())
        qlrjy = next(r.entry_id for r in results if r.path.name.startswith("QLRJY"))
        set_state(session, qlrjy, "returned", actor="审核员")  # the approval is withdrawn
        session.commit()
        second = build_rollup(session, YEAR, world.folder / "r2.parkrollup", world.district_signer())
    assert (first.sequence, second.sequence) == (1, 2) and second.parks == ("GJWHCK",)
    city = create_city_workspace(tmp_path / "city.sqlite")
    with open_workspace(city) as ws, ws.session() as session:
        with session.begin():
            trust_certificate(session, ws.actor, world.district_certificate())
        assert [r.outcome for r in import_rollups(session, [first.path], actor="市局")] == [ACCEPTED]
        assert sorted(p.code for p in goals_dashboard(session, YEAR).parks) == sorted(parks)
        assert [r.outcome for r in import_rollups(session, [second.path], actor="市局")] == [ACCEPTED]
        assert [p.code for p in goals_dashboard(session, YEAR).parks] == ["GJWHCK"]  # QLRJY withdrawn
        [replayed] = import_rollups(session, [first.path], actor="市局")
        assert replayed.outcome == REJECTED and replayed.reason_key == "rollup.older"
        assert "不能撤销较新的汇总" in replayed.reason("zh")
        assert [p.code for p in goals_dashboard(session, YEAR).parks] == ["GJWHCK"]
        assert {row.state for row in list_inbox(session) if row.park_code == "QLRJY"} == {"withdrawn"}
