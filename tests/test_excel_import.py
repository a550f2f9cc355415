"""Importing messy real .xlsx files (made with openpyxl): preview, all-or-nothing and valid-only, audit, cancel."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from parkdesk.db.models import (
    AuditEntry,
    ChainLink,
    ChainSegment,
    Enterprise,
    IndicatorDefinition,
    IndicatorValue,
    Milestone,
    Park,
    Report,
)
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.apply import apply_import
from parkdesk.excel.error_workbook import write_error_workbook
from parkdesk.excel.errors import ExcelError, ImportCancelled, ImportRejected
from parkdesk.excel.header import propose_mapping
from parkdesk.excel.importing import preview_import
from parkdesk.excel.plan import plan_import
from parkdesk.excel.plan_model import CHANGED, NEW, REJECTED, UNCHANGED
from parkdesk.excel.source import open_workbook
from parkdesk.reports.lifecycle import ReportLocked
from parkdesk.uscc import make_uscc

PARK = "QLRJY"
NEW_CODES = [make_uscc("91", "370100", f"MA{n:06d}") for n in range(1, 6)]


def report_id(session, year: int = 2024, park: str = PARK) -> int:
    return session.scalar(select(Report.id).join(Park).where(Park.code == park, Report.year == year))


def existing(session, rid: int, count: int = 3) -> list[Enterprise]:
    return session.scalars(select(Enterprise).where(Enterprise.report_id == rid).order_by(Enterprise.id)
                           .limit(count)).all()


def link_name(session, link_id: int) -> str:
    return session.get(ChainLink, link_id).name


def snapshot(path) -> tuple:
    with open_workspace(path) as workspace, workspace.session() as session:
        rows = session.execute(select(Enterprise.id, Enterprise.name, Enterprise.uscc, Enterprise.employees,
                                      Enterprise.revenue_wan_yuan).order_by(Enterprise.id)).all()
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
    return tuple(rows), audit


HEADERS = ["序号", "单位名称", "信用代码", "类别", "入驻状态", "成立时间", "员工人数", "营业收入(亿元)",
           "服务出口(万美元)", "产业链环节", "电话"]


def messy_enterprise_file(path, session, rid):
    """A list as people keep them: title rows (merged), synonyms, 亿元, full-width digits, text dates,
    a date serial, a blank line, a total line, a hidden row, and some mistakes."""
    first, second, third = existing(session, rid)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名录"
    ws["A1"] = "齐鲁软件园重点企业、配套企业名录(2024年)"
    ws.merge_cells("A1:K1")
    ws["A2"] = "填报单位:齐鲁软件园运营中心        填报日期:2024年12月"
    ws.merge_cells("A2:K2")
    ws.append(HEADERS)

    def row(name, code, role, status, established, employees, revenue_yi, exports, link, phone):
        ws.append([ws.max_row - 2, name, code, role, status, established, employees, revenue_yi, exports, link, phone])
        return ws.max_row  # the sheet row just written (1-based)

    def same(e: Enterprise, **changes):
        values = dict(name=e.name, code=e.uscc, role="重点企业" if e.role == "key" else "配套企业",
                      status="已入驻" if e.status == "settled" else "拟引进", established=e.established,
                      employees=e.employees, revenue_yi=e.revenue_wan_yuan / 10_000, exports=e.service_exports_wan_usd,
                      link=link_name(session, e.chain_link_id), phone=e.contact_phone)
        values.update(changes)
        return row(**values)

    rows = {
        "changed_by_code": same(first, employees=first.employees + 7),
        "unchanged": same(second),
        "changed_by_name": same(third, code=NEW_CODES[0]),
        "new_fullwidth": row("泉城新创科技有限公司", "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c
                                                          for c in NEW_CODES[1]),
                             "重点企业", "已入驻", "2019年5月3日", "１２０", "1,234.5", "３５.５", "工业互联网",
                             13812345678),
        "new_serial": row("历下数智服务有限公司", NEW_CODES[2], "配套企业", "拟引进", 43588, 35, 0.5, 0, "",
                          "0531-88886666"),
    }
    ws.append([])  # a blank line
    rows["bad_check"] = row("校验位错误有限公司", NEW_CODES[3][:17] + ("0" if NEW_CODES[3][17] != "0" else "1"),
                            "重点企业", "已入驻", "2019/5/3", 10, 1, 1, "", "")
    rows["bad_role"] = row("类型错误有限公司", make_uscc("91", "370100", "MB000001"), "老板企业", "已入驻",
                           date(2020, 1, 1), 10, 1, 1, "", "")
    rows["bad_date"] = row("日期错误有限公司", make_uscc("91", "370100", "MB000002"), "重点企业", "已入驻",
                           "2019-02-30", 10, 1, 1, "", "")
    rows["repeat"] = row("重复代码有限公司", NEW_CODES[1], "重点企业", "已入驻", "2019-05-03", 10, 1, 1, "", "")
    rows["unknown_link"] = row("环节错误有限公司", make_uscc("91", "370100", "MB000003"), "重点企业", "已入驻",
                               "2019-05-03", 10, 1, 1, "不存在的环节", "")
    rows["hidden"] = row("隐藏行科技有限公司", NEW_CODES[4], "重点企业", "已入驻", datetime(2018, 3, 1), 12, 0.1,
                         1, "", "")
    ws.row_dimensions[rows["hidden"]].hidden = True
    ws.append(["", "合计", "", "", "", "", 999, 999, 999, "", ""])
    wb.save(path)
    return rows


@pytest.fixture
def messy(demo_path, tmp_path):
    path = tmp_path / "名录.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = report_id(session)
        rows = messy_enterprise_file(path, session, rid)
        before = {e.uscc: e for e in existing(session, rid)}
    return path, rows, rid, before


def preview(workspace_path, rid, path, **options):
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        return preview_import(session, rid, path, **options)


def by_row(plan):
    return {row.row + 1: row for row in plan.rows}


def test_the_header_is_found_below_merged_title_rows_and_synonyms_map_the_columns(messy):
    path, _, _, _ = messy
    with open_workbook(path) as book:
        grid = book.read_sheet("名录")
    mapping = propose_mapping(grid)
    assert mapping.record == "enterprise" and mapping.header_row == 2
    columns = {field: column.index for field, column in mapping.field_columns().items()}
    assert columns == {"name": 1, "uscc": 2, "role": 3, "status": 4, "established": 5, "employees": 6,
                       "revenue_wan_yuan": 7, "service_exports_wan_usd": 8, "chain_link_id": 9, "contact_phone": 10}
    assert mapping.field_columns()["revenue_wan_yuan"].unit == "亿元"
    assert 10 in grid.hidden_rows or any(r >= 10 for r in grid.hidden_rows)


def test_preview_classifies_every_row_and_says_why_each_bad_one_is_rejected(messy, demo_path):
    """A row is rejected when it cannot be stored as it stands (a cell not understood); a row that breaks a
    validation rule is imported as the editor would keep it, its finding shown (validation says it again)."""
    path, rows, rid, before = messy
    [plan] = preview(demo_path, rid, path).plans
    status = {name: by_row(plan)[number].status for name, number in rows.items()}
    assert status == {"changed_by_code": CHANGED, "unchanged": UNCHANGED, "changed_by_name": CHANGED,
                      "new_fullwidth": NEW, "new_serial": NEW, "bad_check": NEW, "bad_role": REJECTED,
                      "bad_date": REJECTED, "repeat": NEW, "unknown_link": REJECTED, "hidden": NEW}
    assert plan.counts() == {"new": 5, "changed": 2, "unchanged": 1, "rejected": 3, "deleted": 0}
    problems = {(p.row + 1, p.cell()[0]): p for p in plan.problems()}
    assert problems[(rows["bad_check"], "C")].rule_id == "ENT-USCC-CHECK"
    assert "校验位" in problems[(rows["bad_check"], "C")].message("zh")
    assert not problems[(rows["bad_check"], "C")].blocking
    assert "老板企业" in problems[(rows["bad_role"], "D")].message("zh")
    assert problems[(rows["bad_role"], "D")].blocking
    assert "not a real date" in problems[(rows["bad_date"], "F")].message("en")
    assert problems[(rows["repeat"], "C")].rule_id == "ENT-DUP-USCC"  # another company with the same code
    assert "泉城新创科技有限公司" in problems[(rows["repeat"], "C")].message("zh")
    assert "不存在的环节" in problems[(rows["unknown_link"], "J")].message("zh")
    changed = by_row(plan)[rows["changed_by_code"]]
    first = next(e for e in before.values() if e.id == changed.target_id)
    assert changed.changes(plan.fields) == {"employees": (first.employees, first.employees + 7)}
    assert by_row(plan)[rows["changed_by_name"]].changes(plan.fields)["uscc"][1] == NEW_CODES[0]
    notices = " ".join(n.message("zh") for n in plan.notices)
    assert "第 3 行为表头" in notices and "隐藏行" in notices and "合计行" in notices and "亿元" in notices
    assert "序号" in notices  # the column not imported


def test_values_are_normalized_full_width_units_dates_serials_and_phone_numbers(messy, demo_path):
    path, rows, rid, _ = messy
    [plan] = preview(demo_path, rid, path).plans
    fields = plan.fields

    def values(name):
        return dict(zip(fields, by_row(plan)[rows[name]].values))

    fullwidth = values("new_fullwidth")
    assert fullwidth["uscc"] == NEW_CODES[1] and fullwidth["employees"] == 120
    assert fullwidth["established"] == date(2019, 5, 3)
    assert fullwidth["revenue_wan_yuan"] == 12_345_000.0  # 1,234.5 亿元 in 万元
    assert fullwidth["service_exports_wan_usd"] == 35.5
    assert fullwidth["contact_phone"] == "13812345678"  # a number cell, not "13812345678.0"
    assert fullwidth["role"] == "key" and fullwidth["status"] == "settled"
    serial = values("new_serial")
    assert serial["established"] == date(2019, 5, 3) and serial["revenue_wan_yuan"] == 5000.0
    assert serial["role"] == "supporting" and serial["status"] == "planned" and serial["chain_link_id"] is None
    assert values("hidden")["established"] == date(2018, 3, 1)


def test_all_or_nothing_leaves_the_workspace_unchanged_when_a_row_is_rejected(messy, demo_path):
    path, _, rid, _ = messy
    before = snapshot(demo_path)
    plans = preview(demo_path, rid, path).plans
    with open_workspace(demo_path) as workspace, pytest.raises(ImportRejected) as info:
        apply_import(workspace, plans)
    assert info.value.exit_code == 1 and "3 rows" in info.value.message("en")
    assert snapshot(demo_path) == before


def test_valid_only_imports_the_valid_rows_in_one_transaction_with_one_audit_entry(messy, demo_path):
    path, rows, rid, before_rows = messy
    plans = preview(demo_path, rid, path).plans
    _, audit_before = snapshot(demo_path)
    with open_workspace(demo_path) as workspace:
        outcome = apply_import(workspace, plans, valid_only=True)
        with workspace.session() as session:
            added = session.scalars(select(Enterprise).where(Enterprise.report_id == rid,
                                                             Enterprise.uscc.in_(NEW_CODES[1:]))).all()
            renamed = session.scalars(select(Enterprise).where(Enterprise.uscc == NEW_CODES[0])).one()
            entries = session.scalars(select(AuditEntry).where(AuditEntry.id > audit_before)).all()
    assert (outcome.inserted, outcome.updated, outcome.unchanged, outcome.skipped) == (5, 2, 1, 3)
    assert sorted(e.name for e in added) == ["历下数智服务有限公司", "泉城新创科技有限公司", "重复代码有限公司",
                                             "隐藏行科技有限公司"]
    fullwidth = next(e for e in added if e.name == "泉城新创科技有限公司")
    assert (fullwidth.employees, fullwidth.established, fullwidth.distinctions) == (120, date(2019, 5, 3), 0)
    assert renamed.id in {e.id for e in before_rows.values()}
    assert [(e.action, e.table_name) for e in entries] == [("bulk", "enterprises")]
    assert "5 new, 2 changed" in entries[0].detail and "名录.xlsx" in entries[0].detail


def test_the_error_workbook_marks_each_bad_cell_and_keeps_the_rest(messy, demo_path, tmp_path):
    path, rows, rid, _ = messy
    result = preview(demo_path, rid, path)
    out = write_error_workbook(path, result.plans, tmp_path / "errors.xlsx", lang="zh")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "导入问题" and book.active.title == "导入问题"
    sheet, original = book["名录"], openpyxl.load_workbook(path)["名录"]
    bad = sheet.cell(rows["bad_check"], 3)
    assert "校验位" in bad.comment.text and bad.fill.fgColor.rgb.endswith("FFC7CE")
    assert "老板企业" in sheet.cell(rows["bad_role"], 4).comment.text
    assert sheet.cell(rows["unchanged"], 3).comment is None
    assert [[c.value for c in r] for r in sheet.iter_rows()] == [[c.value for c in r] for r in original.iter_rows()]
    assert "A1:K1" in {str(r) for r in sheet.merged_cells.ranges}
    listing = book["导入问题"]
    assert listing.max_row == 1 + len(result.plans[0].problems())
    assert listing.cell(2, 2).hyperlink.location is None or "名录" in str(listing.cell(2, 2).hyperlink.target or
                                                                          listing.cell(2, 2).hyperlink.location)
    english = openpyxl.load_workbook(write_error_workbook(path, result.plans, tmp_path / "en.xlsx", lang="en"))
    assert "check" in english["名录"].cell(rows["bad_check"], 3).comment.text


def test_a_two_level_header_with_vertically_merged_cells(demo_path, tmp_path):
    path = tmp_path / "two-level.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["企业名录"])
    ws.merge_cells("A1:F1")
    ws.append(["企业名称", "基本信息", None, None, "经营情况", None])
    ws.append([None, "统一社会信用代码", "企业类型", "入驻状态", "营业收入(万元)", "从业人员"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:D2")
    ws.merge_cells("E2:F2")
    ws.append(["济南示例科技有限公司", NEW_CODES[0], "重点企业", "已入驻", 100, 5])
    wb.save(path)
    with open_workbook(path) as book:
        mapping = propose_mapping(book.read_sheet(book.sheet_names()[0]))
    assert mapping.header_row == 2 and mapping.field_columns()["name"].index == 0
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        [plan] = preview_import(session, report_id(session), path).plans
    assert plan.counts()["new"] == 1
    assert dict(zip(plan.fields, plan.rows[0].values))["name"] == "济南示例科技有限公司"


def test_a_mapping_changed_by_hand_is_what_the_plan_uses(demo_path, tmp_path):
    path = tmp_path / "odd.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["企业名称", "统一社会信用代码", "企业类型", "入驻状态", "其他信息"])
    ws.append(["济南示例科技有限公司", NEW_CODES[0], "重点企业", "已入驻", "0531-88886666"])
    wb.save(path)
    with open_workbook(path) as book:
        grid = book.read_sheet(book.sheet_names()[0])
    mapping = propose_mapping(grid)
    assert mapping.columns[4].field is None
    changed = mapping.with_field(4, "contact_phone")
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        plan = plan_import(session, report_id(session), grid, changed, source=path)
    assert dict(zip(plan.fields, plan.rows[0].values))["contact_phone"] == "0531-88886666"
    with pytest.raises(KeyError):
        mapping.with_field(4, "no_such_field")


def test_progress_is_reported_and_a_cancel_writes_nothing(messy, demo_path):
    path, _, rid, _ = messy
    seen = []
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        with pytest.raises(ImportCancelled):
            preview_import(session, rid, path, progress=lambda done, total: False)
        result = preview_import(session, rid, path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    before = snapshot(demo_path)
    with open_workspace(demo_path) as workspace, pytest.raises(ImportCancelled):
        apply_import(workspace, result.plans, valid_only=True, progress=lambda done, total: False)
    assert snapshot(demo_path) == before


def test_a_workspace_changed_after_the_preview_is_not_written(messy, demo_path):
    path, _, rid, _ = messy
    plans = preview(demo_path, rid, path).plans
    with open_workspace(demo_path) as workspace:
        with workspace.session() as session, session.begin():
            session.add(Enterprise(report_id=rid, name="另一个窗口添加的企业", uscc=NEW_CODES[3], role="key",
                                   status="settled", distinctions=0))
        before = snapshot(demo_path)
        with pytest.raises(ExcelError) as info:
            apply_import(workspace, plans, valid_only=True)
    assert info.value.message_key == "excel.stale_plan"
    assert snapshot(demo_path) == before


def test_a_finalized_or_accepted_report_is_not_imported_into(messy, demo_path):
    path, _, _, _ = messy
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        with pytest.raises(ReportLocked):
            preview_import(session, report_id(session, 2023), path)


def test_indicators_and_milestones_import_from_their_own_sheets(demo_path, tmp_path):
    path = tmp_path / "指标与里程碑.xlsx"
    wb = openpyxl.Workbook()
    indicators = wb.active
    indicators.title = "指标"
    indicators.append(["指标名称", "单位", "2021年基数", "2024年目标", "本年度实际", "备注"])
    indicators.append(["产业规模", "亿元", 2400, "６,０００", "4,900.5", "按统计局口径"])
    indicators.append(["Employees", "人", 1000, 2000, 1500, None])  # the English name works too
    indicators.append(["不存在的指标", "个", 1, 2, 3, None])
    milestones = wb.create_sheet("里程碑")
    milestones.append(["所属阶段", "里程碑", "完成时限", "进展情况", "佐证材料"])
    milestones.append(["2024", "建成国际化人才服务中心", "2024/10/1", "进行中", None])
    milestones.append(["2024 突破提升", "举办服务贸易洽谈会", 45566, "已完成", "见新闻报道"])
    wb.save(path)
    with open_workspace(demo_path) as workspace:
        with workspace.session() as session:
            rid = report_id(session)
            result = preview_import(session, rid, path)
        plans = {plan.mapping.record: plan for plan in result.plans}
        assert plans["indicator_value"].counts() == {"new": 0, "changed": 2, "unchanged": 0, "rejected": 1, "deleted": 0}
        assert "不存在的指标" in plans["indicator_value"].problems()[0].message("zh")
        assert plans["milestone"].counts()["new"] == 2
        apply_import(workspace, result.plans, valid_only=True)
        with workspace.session() as session:
            scale = session.execute(select(IndicatorValue).join(IndicatorDefinition).where(
                IndicatorValue.report_id == rid, IndicatorDefinition.key == "industry_scale")).scalar_one()
            added = session.scalars(select(Milestone).where(Milestone.report_id == rid)
                                    .order_by(Milestone.sort_order.desc()).limit(2)).all()
    assert (scale.target_2024, scale.actual, scale.note) == (6000.0, 4900.5, "按统计局口径")
    assert [(m.title, m.stage_year, m.due_date, m.status) for m in reversed(added)] == [
        ("建成国际化人才服务中心", 2024, date(2024, 10, 1), "in_progress"),
        ("举办服务贸易洽谈会", 2024, date(2024, 10, 1), "done")]
    assert added[0].sort_order > added[1].sort_order


def test_chain_links_are_matched_by_name_within_the_report(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = report_id(session)
        name, link_id = session.execute(select(ChainLink.name, ChainLink.id).join(ChainSegment)
                                        .where(ChainSegment.report_id == rid)).first()
    path = tmp_path / "links.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["企业名称", "统一社会信用代码", "企业类型", "入驻状态", "产业链环节"])
    wb.active.append(["济南示例科技有限公司", NEW_CODES[0], "重点企业", "已入驻", f" {name} "])
    wb.save(path)
    [plan] = preview(demo_path, rid, path).plans
    assert dict(zip(plan.fields, plan.rows[0].values))["chain_link_id"] == link_id
