"""Edits as values: apply, inverse, cascades restored, audit, locked reports, paste from spreadsheets."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from parkdesk.db.models import AuditEntry, ChainLink, ChainSegment, Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.db.enterprise_table import chain_link_names
from parkdesk.editing.changes import DeleteRows, InsertRows, SetValues
from parkdesk.editing.editor import ReportEditor
from parkdesk.editing.paste import parse_tsv, plan_paste, to_tsv
from parkdesk.editing.records import new_row, rows_of
from parkdesk.errors import ParkdeskError
from parkdesk.forms.sections import RECORD_BY_KEY


@pytest.fixture
def ws(demo_path):
    with open_workspace(demo_path) as workspace:
        yield workspace


def report_id(ws, code="QLRJY", year=2024) -> int:
    with ws.session() as session:
        return session.scalar(select(Report.id).join(Park).where(Park.code == code, Report.year == year))


def snapshot(ws, rid) -> dict:
    """Everything of a report's chain and enterprises, to compare before and after."""
    with ws.session() as session:
        return {
            "segments": rows_of(session, "chain_segment", rid),
            "links": rows_of(session, "chain_link", rid),
            "enterprises": [tuple(r) for r in session.execute(
                select(Enterprise.__table__).where(Enterprise.report_id == rid).order_by(Enterprise.id))],
        }


def test_set_values_commits_at_once_and_is_audited(ws):
    rid = report_id(ws)
    editor = ReportEditor(ws, rid)
    with ws.session() as session:
        enterprise = session.scalars(select(Enterprise).where(Enterprise.report_id == rid)).first()
        old_name, eid = enterprise.name, enterprise.id
    applied = editor.apply(SetValues("enterprises", eid, {"name": "新名字有限公司"}, {"name": old_name}))
    with open_workspace(ws.path) as other, other.session() as session:  # a second connection sees it: committed
        assert session.get(Enterprise, eid).name == "新名字有限公司"
        entry = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "enterprises",
                                                         AuditEntry.row_id == eid)).all()[-1]
    assert (entry.action, entry.field, entry.old_value, entry.new_value) == ("update", "name", old_name, "新名字有限公司")
    editor.apply(applied.inverse())
    with ws.session() as session:
        assert session.get(Enterprise, eid).name == old_name


def test_deleting_a_segment_and_undoing_restores_links_and_enterprise_references(ws):
    rid = report_id(ws)
    before = snapshot(ws, rid)
    editor = ReportEditor(ws, rid)
    segment_id = before["segments"][0]["id"]
    with ws.session() as session:
        placed = session.scalar(select(func.count()).select_from(Enterprise).join(ChainLink)
                                .where(ChainLink.segment_id == segment_id))
    assert placed > 0
    applied = editor.apply(DeleteRows("chain_segments", (segment_id,)))
    with ws.session() as session:
        assert session.get(ChainSegment, segment_id) is None
        assert not session.scalars(select(ChainLink).where(ChainLink.segment_id == segment_id)).all()
    assert snapshot(ws, rid) != before
    undone = editor.apply(applied.inverse())
    assert snapshot(ws, rid) == before
    editor.apply(undone.inverse())  # redo deletes again; undo of that restores again
    assert snapshot(ws, rid) != before


def test_inserted_rows_keep_their_ids_through_undo_and_redo(ws):
    rid = report_id(ws)
    editor = ReportEditor(ws, rid)
    with ws.session() as session:
        row = new_row(session, "enterprise", rid, name="新增企业有限公司")
    applied = editor.apply(InsertRows("enterprises", (row,)))
    new_id = applied.rows[0]["id"]
    undone = editor.apply(applied.inverse())
    with ws.session() as session:
        assert session.get(Enterprise, new_id) is None
    editor.apply(undone.inverse())
    with ws.session() as session:
        assert session.get(Enterprise, new_id).name == "新增企业有限公司"


def test_a_finalized_report_refuses_edits(ws):
    rid = report_id(ws, "QLRJY", 2022)  # accepted in the demo
    editor = ReportEditor(ws, rid)
    with ws.session() as session:
        eid = session.scalar(select(Enterprise.id).where(Enterprise.report_id == rid))
    with pytest.raises(ParkdeskError) as refused:
        editor.apply(SetValues("enterprises", eid, {"name": "x"}, {"name": "y"}))
    assert "2022" in refused.value.message("zh")


def test_a_duplicate_park_name_is_refused_in_words_and_changes_nothing(ws):
    rid = report_id(ws)
    editor = ReportEditor(ws, rid)
    with ws.session() as session:
        park = session.get(Report, rid).park
        other = session.scalar(select(Park.name).where(Park.id != park.id))
        park_id, name = park.id, park.name
    with pytest.raises(ParkdeskError) as refused:
        editor.apply(SetValues("parks", park_id, {"name": other}, {"name": name}))
    assert "Traceback" not in refused.value.message("en")
    with ws.session() as session:
        assert session.get(Park, park_id).name == name


def test_paste_block_from_a_spreadsheet_updates_adds_and_reports_bad_cells(ws):
    rid = report_id(ws)
    fields = list(RECORD_BY_KEY["enterprise"].fields)
    with ws.session() as session:
        targets = [dict(r) for r in session.execute(
            select(Enterprise.__table__).where(Enterprise.report_id == rid).order_by(Enterprise.id).limit(1)).mappings()]
        fresh = new_row(session, "enterprise", rid)
    text = ("济南甲公司\t９１３７０１００ＭＡ３Ｃ０００００Ｘ\t重点企业\t\t已入驻\t2019年5月3日\t1,200\t3亿元\n"
            "济南乙公司\t\t配套企业\t\t已入驻\t2020/1/2\tmany\t5\n")
    block = parse_tsv(text)
    change, problems = plan_paste("enterprises", fields, block, targets, lambda: dict(fresh))
    assert [(p.row, p.field.key) for p in problems] == [(1, "employees")]
    update, insert = change.changes
    assert update.new["name"] == "济南甲公司" and update.new["established"] == date(2019, 5, 3)
    assert update.new["employees"] == 1200 and update.new["revenue_wan_yuan"] == 30000.0  # 3 亿元 = 30000 万元
    assert update.new["role"] == "key"
    assert insert.rows[0]["name"] == "济南乙公司" and "employees" not in insert.rows[0] or \
        insert.rows[0]["employees"] is None


def test_copied_rows_paste_back_to_the_same_values(ws):
    rid = report_id(ws)
    fields = list(RECORD_BY_KEY["enterprise"].fields)
    with ws.session() as session:
        rows = [dict(r) for r in session.execute(
            select(Enterprise.__table__).where(Enterprise.report_id == rid).order_by(Enterprise.id).limit(20)).mappings()]
        links = chain_link_names(session, rid)  # this report's links, as the page offers them
    text = to_tsv(fields, rows, "zh", links)
    change, problems = plan_paste("enterprises", fields, parse_tsv(text), rows, dict, links)
    assert problems == [] and change.changes == ()  # nothing to change: the round trip is exact
