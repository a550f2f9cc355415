"""How a workbook merges into a report: rows with ids keep them (a renamed milestone or link is an edit), sheets
refer to records the same workbook adds, --mirror deletes what the sheets leave out (counted first), --dry-run writes
nothing, the single records (basic information, positioning) read as forms."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from parkdesk.cli.main import main
from parkdesk.db.models import ChainLink, ChainSegment, Enterprise, Milestone, Park, ParkDetails, Platform, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.apply import apply_import
from parkdesk.excel.importing import preview_import
from parkdesk.excel.plan_model import CHANGED, NEW, REJECTED, UNCHANGED
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.uscc import make_uscc

PARK = "QLRJY"


def report_id(session, year: int = 2024, park: str = PARK) -> int:
    return session.scalar(select(Report.id).join(Park).where(Park.code == park, Report.year == year))


@pytest.fixture
def exported(demo_path, tmp_path):
    """The QLRJY 2024 draft's own workbook, opened for editing (as a person would in Excel)."""
    path = tmp_path / "年报.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = report_id(session)
        write_report_workbook(session, rid, path)
    return path, rid, openpyxl.load_workbook(path)


def plans_of(workspace_path, rid, path, **options):
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        preview = preview_import(session, rid, path, **options)
    return preview, {plan.target.record_key: plan for plan in preview.plans}


def apply(workspace_path, preview, **options):
    with open_workspace(workspace_path) as workspace:
        return apply_import(workspace, preview.plans, **options)


def test_a_milestone_renamed_with_its_id_is_an_edit_and_one_without_an_id_is_new(exported, demo_path):
    path, rid, book = exported
    sheet = book["4 阶段里程碑"]
    first = sheet[2]
    ref, old_title = first[0].value, first[2].value
    first[2].value = "完成园区现状调研报告(修订版)"  # renamed, same 编号(ID)
    sheet.append([None, "2024 突破提升", "新增的里程碑", date(2024, 9, 30), "计划中"])
    book.save(path)
    preview, plans = plans_of(demo_path, rid, path)
    plan = plans["milestone"]
    renamed = next(row for row in plan.rows if row.row == 1)
    assert renamed.status == CHANGED and renamed.changes(plan.fields) == {
        "title": (old_title, "完成园区现状调研报告(修订版)")}
    assert plan.counts()["new"] == 1 and plan.counts()["changed"] == 1
    apply(demo_path, preview)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        milestones = session.scalars(select(Milestone).where(Milestone.report_id == rid)
                                     .order_by(Milestone.sort_order)).all()
    assert [m.title for m in milestones if m.ref == ref] == ["完成园区现状调研报告(修订版)"]
    added = milestones[-1]  # a new row goes last, with the next number
    assert added.title == "新增的里程碑" and added.ref == max(m.ref for m in milestones)
    assert added.sort_order > milestones[-2].sort_order


def test_a_row_with_an_id_the_report_lacks_is_new_whatever_its_name(exported, demo_path):
    path, rid, book = exported
    sheet = book["4 阶段里程碑"]
    title = sheet["C2"].value
    sheet.append([999, "2024 突破提升", title, date(2024, 9, 30), "计划中"])  # a copy under a new id
    book.save(path)
    _, plans = plans_of(demo_path, rid, path)
    assert plans["milestone"].counts()["new"] == 1 and plans["milestone"].counts()["unchanged"] == 6


def test_the_chain_map_renamed_moved_and_extended_in_the_workbook(exported, demo_path):
    """A link renamed with its id is an edit; a new segment and a new link, named by an enterprise in the same
    workbook, are added; a link may name its segment by the segment's id."""
    path, rid, book = exported
    segments, links = book["3 产业链环节分组"], book["3 产业链环节"]
    link_row = links[2]
    link_ref, old_name = link_row[0].value, link_row[2].value
    link_row[2].value = old_name + "(升级)"
    segments.append([None, "下游", "新兴服务"])
    new_segment_ref = max(row[0].value for row in segments.iter_rows(min_row=2, max_row=segments.max_row - 1)) + 10
    segments.cell(segments.max_row, 1).value = new_segment_ref
    links.append([None, "新兴服务", "数字孪生", "延链", "缺失"])
    links.append([None, new_segment_ref, "元宇宙", "延链", "缺失"])  # the segment by its 编号(ID)
    enterprises = book["5 重点企业、配套企业名录表"]
    enterprises.append(["孪生科技有限公司", make_uscc("91", "370100", "MA0000T1"), "重点企业", "数字孪生", "已入驻"])
    on_link = next(row for row in enterprises.iter_rows(min_row=2) if row[3].value == old_name)
    on_link[3].value = old_name + "(升级)"  # an enterprise of the renamed link names it by its new name
    book.save(path)
    preview, plans = plans_of(demo_path, rid, path)
    assert not preview.has_errors, [p.message("zh") for plan in preview.plans for p in plan.problems()]
    assert plans["chain_segment"].counts()["new"] == 1
    assert plans["chain_link"].counts()["new"] == 2 and plans["chain_link"].counts()["changed"] == 1
    assert plans["enterprise"].counts()["new"] == 1 and plans["enterprise"].counts()["changed"] == 0  # same link
    apply(demo_path, preview)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        renamed = session.scalar(select(ChainLink).join(ChainSegment).where(ChainSegment.report_id == rid,
                                                                            ChainLink.ref == link_ref))
        segment = session.scalar(select(ChainSegment).where(ChainSegment.report_id == rid,
                                                            ChainSegment.name == "新兴服务"))
        added = {link.name: link for link in segment.links}
        company = session.scalar(select(Enterprise).where(Enterprise.name == "孪生科技有限公司"))
    assert renamed.name == old_name + "(升级)"
    assert segment.ref == new_segment_ref and segment.position == "downstream"
    assert set(added) == {"数字孪生", "元宇宙"} and company.chain_link_id == added["数字孪生"].id


def test_a_reference_to_a_record_the_workbook_does_not_have_is_an_error(exported, demo_path):
    path, rid, book = exported
    book["3 产业链环节"].append([None, "没有的分组", "孤立环节", "延链", "缺失"])
    book["5 重点企业、配套企业名录表"].append(["某科技有限公司", make_uscc("91", "370100", "MA0000T2"), "重点企业",
                                          "孤立环节", "已入驻"])
    book.save(path)
    preview, plans = plans_of(demo_path, rid, path)
    [link_problem] = plans["chain_link"].problems()
    assert "没有的分组" in link_problem.message("zh") and link_problem.blocking
    company = next(row for row in plans["enterprise"].rows if row.status == REJECTED)  # its link was rejected
    assert "孤立环节" in company.problems[0].message("zh")


def test_rows_left_out_are_kept_unless_mirror_which_counts_them_first(exported, demo_path, capsys):
    path, rid, book = exported
    enterprises = book["5 重点企业、配套企业名录表"]
    gone = [enterprises.cell(row, 1).value for row in (2, 3, 4)]
    enterprises.delete_rows(2, 3)
    platforms = book["8 公共服务平台"]
    platforms.delete_rows(platforms.max_row, 1)
    del book["4 阶段里程碑"]  # a sheet the workbook lacks leaves its part alone
    book.save(path)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        before = session.scalar(select(func.count()).where(Enterprise.report_id == rid))
        milestones = session.scalar(select(func.count()).where(Milestone.report_id == rid))
    args = ["excel", "import", str(demo_path), str(path), "--park", PARK, "--year", "2024"]
    assert main([*args, "--mirror", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "将删除 3 家企业" in out and all(name in out for name in gone) and "将删除 1 个公共服务平台" in out
    assert "以上为预览" in out
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        assert session.scalar(select(func.count()).where(Enterprise.report_id == rid)) == before  # nothing written
    assert main(args) == 0  # without --mirror nothing is deleted
    assert "加 --mirror 则删除" in capsys.readouterr().out
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        assert session.scalar(select(func.count()).where(Enterprise.report_id == rid)) == before
    assert main([*args, "--mirror"]) == 0
    assert "删除 4 行" in capsys.readouterr().out
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        assert session.scalar(select(func.count()).where(Enterprise.report_id == rid)) == before - 3
        assert not session.scalars(select(Enterprise).where(Enterprise.report_id == rid,
                                                            Enterprise.name.in_(gone))).all()
        assert session.scalar(select(func.count()).where(Milestone.report_id == rid)) == milestones
        assert session.scalar(select(func.count()).where(Platform.report_id == rid)) == 3


def test_mirror_of_the_chain_map_deletes_a_segment_with_its_links_and_keeps_a_link_moved_out(exported, demo_path):
    path, rid, book = exported
    segments, links, enterprises = book["3 产业链环节分组"], book["3 产业链环节"], book["5 重点企业、配套企业名录表"]
    doomed, other = segments["C2"].value, segments["C3"].value
    segments.delete_rows(2, 1)
    doomed_links = [row[2].value for row in links.iter_rows(min_row=2) if row[1].value == doomed]
    kept = doomed_links[0]
    for row in links.iter_rows(min_row=2):
        if row[2].value == kept:
            row[1].value = other  # moved to another segment: kept
    for number in range(links.max_row, 1, -1):  # the segment's other links go with it
        if links.cell(number, 3).value in doomed_links[1:]:
            links.delete_rows(number, 1)
    for row in enterprises.iter_rows(min_row=2):
        if row[3].value in doomed_links:
            row[3].value = kept  # an enterprise may not name a link that goes
    book.save(path)
    preview, plans = plans_of(demo_path, rid, path, mirror=True)
    assert not preview.has_errors
    assert plans["chain_segment"].deleted_titles == (doomed,)
    assert set(plans["chain_link"].deleted_titles) == set(doomed_links) - {kept}
    apply(demo_path, preview)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        names = set(session.scalars(select(ChainSegment.name).where(ChainSegment.report_id == rid)))
        left = {link.name: link.segment.name for link in session.scalars(
            select(ChainLink).join(ChainSegment).where(ChainSegment.report_id == rid))}
    assert doomed not in names and left[kept] == other and not set(doomed_links) - {kept} & set(left)


def test_an_enterprise_may_not_name_a_link_the_mirror_deletes(exported, demo_path):
    path, rid, book = exported
    links = book["3 产业链环节"]
    named = {row[3].value for row in book["5 重点企业、配套企业名录表"].iter_rows(min_row=2)}
    row = next(r for r in range(2, links.max_row + 1) if links.cell(r, 3).value in named)
    name = links.cell(row, 3).value
    links.delete_rows(row, 1)
    book.save(path)
    _, plans = plans_of(demo_path, rid, path, mirror=True)
    assert plans["chain_link"].deleted_titles == (name,)
    rejected = plans["enterprise"].of(REJECTED)
    assert rejected and all(name in row.problems[0].message("zh") for row in rejected)
    _, plans = plans_of(demo_path, rid, path)  # without --mirror the link stays, and so may be named
    assert not plans["enterprise"].has_errors


def test_basic_information_and_positioning_are_read_as_forms(exported, demo_path):
    path, rid, book = exported
    basic = {row[0].value: row[1] for row in book["1 基本信息"].iter_rows(min_row=2)}
    basic["联系人"].value = "赵敏"
    basic["地址"].value = None  # blank: no change (below: the stored address is kept)
    basic["电子邮箱"].value = "#清空"  # cleared
    basic["园区代码"].value = "OTHER"  # shown only: never imported
    basic["类别"].value = "综合提升"  # a prefix of 综合提升类
    book["2 发展定位"]["B3"].value = "新的发展重点"
    book.save(path)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        session.get(ParkDetails, rid).address = "济南市高新区舜华路1号"
        session.commit()
    preview, plans = plans_of(demo_path, rid, path)
    park = plans["park"]
    assert park.rows[0].status == CHANGED and plans["report"].rows[0].status == CHANGED
    assert park.rows[0].changes(park.fields).keys() == {"contact_name", "contact_email", "category"}
    assert any("综合提升类" in notice.message("zh") for notice in park.notices)
    apply(demo_path, preview)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        details = session.get(ParkDetails, rid)
        report = session.get(Report, rid)
    assert (details.contact_name, details.contact_email, details.code, details.category, details.address) == (
        "赵敏", None, PARK, "comprehensive", "济南市高新区舜华路1号")
    assert report.development_focus == "新的发展重点"


def test_a_park_name_another_park_has_is_refused(exported, demo_path):
    path, rid, book = exported
    basic = {row[0].value: row[1] for row in book["1 基本信息"].iter_rows(min_row=2)}
    basic["园区(基地)名称"].value = "山东数字产业大厦"  # another plan park's name
    book.save(path)
    _, plans = plans_of(demo_path, rid, path)
    [problem] = plans["park"].problems()
    assert plans["park"].rows[0].status == REJECTED and "山东数字产业大厦" in problem.message("zh")
    assert problem.cell() == "B4"  # beside 园区(基地)名称, under the year and the status


def test_choices_units_and_yes_no_are_read_forgivingly_with_one_notice_per_column(demo_path, tmp_path):
    path = tmp_path / "名录.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["企业名称", "统一社会信用代码", "企业类型", "是否入驻", "营业收入(亿)", "服务出口额(亿美元)", "企业称号"])
    sheet.append(["甲科技有限公司", make_uscc("91", "370100", "MA0000Y1"), "重点", "是", 1.5, 0.2, "上市、专精特新"])
    sheet.append(["乙科技有限公司", make_uscc("91", "370100", "MA0000Y2"), "配套", "否", 0.3, 0, "龙头"])
    sheet.append(["丙科技有限公司", make_uscc("91", "370100", "MA0000Y3"), "重点", "√", 2, 0.01, None])
    sheet.append(["丁科技有限公司", make_uscc("91", "370100", "MA0000Y4"), "Key", "无", 1, 0, None])
    sheet.append(["戊科技有限公司", make_uscc("91", "370100", "MA0000Y5"), "企业", "Y", 1, 0, None])  # no such role
    milestones = book.create_sheet("里程碑")
    milestones.append(["阶段", "里程碑", "计划完成日期", "状态"])
    milestones.append(["2024", "含糊的状态", "2024-09-30", "已"])  # 已完成 or 已延期?
    book.save(path)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        preview = preview_import(session, report_id(session), path)
    plan, milestones = (next(p for p in preview.plans if p.target.record_key == key) for key in ("enterprise",
                                                                                                  "milestone"))
    rows = [dict(zip(plan.fields, row.values)) for row in plan.rows]
    assert [(r["role"], r["status"]) for r in rows[:4]] == [("key", "settled"), ("supporting", "planned"),
                                                            ("key", "settled"), ("key", "planned")]
    assert [r["revenue_wan_yuan"] for r in rows[:3]] == [15000.0, 3000.0, 20000.0]  # 亿 in a column of 万元: 亿元
    assert rows[0]["service_exports_wan_usd"] == 2000.0  # 亿美元 → 万美元
    assert rows[0]["distinctions"] == (1 << 1) | (1 << 4) and rows[1]["distinctions"] == 1 << 3
    notices = [notice.message("zh") for notice in plan.notices]
    role_notices = [n for n in notices if "“企业类型”列" in n]
    assert len(role_notices) == 1 and "“重点”→“重点企业”" in role_notices[0] and "“配套”→“配套企业”" in role_notices[0]
    assert any("“是否入驻”列" in n and "“是”→“已入驻”" in n and "“无”→“拟引进”" in n for n in notices)
    assert any("“亿”按“亿元”读取" in n for n in notices)
    assert plan.rows[4].status == REJECTED and "不是可选项" in plan.rows[4].problems[0].message("zh")
    [ambiguous] = milestones.rows
    assert ambiguous.status == REJECTED
    assert "“已”可能是：已完成、已延期" in ambiguous.problems[0].message("zh")
    assert "Done, Delayed" in ambiguous.problems[0].message("en")


@pytest.mark.parametrize("header, cell, expected", [
    ("营业收入(元)", 1_500_000, 150.0),
    ("营业收入(万元)", 150, 150.0),
    ("营业收入(亿元)", 0.015, 150.0),
    ("营业收入(人民币万元)", 150, 150.0),
    ("营业收入(千元)", 1500, 150.0),
    ("服务出口额(万美元)", 150, 150.0),
    ("服务出口额(美金)", 1_500_000, 150.0),
    ("服务出口额(万)", 150, 150.0),  # a bare multiplier takes the column's currency
])
def test_units_in_headers(demo_path, tmp_path, header, cell, expected):
    path = tmp_path / "units.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "企业类型", "入驻状态", header])
    book.active.append(["单位换算有限公司", make_uscc("91", "370100", "MA0000U1"), "重点企业", "已入驻", cell])
    book.save(path)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        [plan] = preview_import(session, report_id(session), path).plans
    field = "revenue_wan_yuan" if header.startswith("营业收入") else "service_exports_wan_usd"
    assert dict(zip(plan.fields, plan.rows[0].values))[field] == pytest.approx(expected)
    assert plan.rows[0].status == NEW


def test_a_unit_that_cannot_be_read_is_an_error_on_each_cell(demo_path, tmp_path):
    path = tmp_path / "units.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "企业类型", "入驻状态", "营业收入(港元)"])
    book.active.append(["港元有限公司", make_uscc("91", "370100", "MA0000U2"), "重点企业", "已入驻", 100])
    book.save(path)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        [plan] = preview_import(session, report_id(session), path).plans
    assert plan.rows[0].status == REJECTED and "港元" in plan.rows[0].problems[0].message("zh")


def test_the_same_workbook_imported_twice_changes_nothing_the_second_time(exported, demo_path):
    path, rid, book = exported
    book["3 产业链环节"].append([None, book["3 产业链环节分组"]["C2"].value, "第二次不重复", "补链", "薄弱"])
    book["4 阶段里程碑"].append([None, "2024 突破提升", "第二次也不重复", date(2024, 9, 30), "计划中"])
    book.save(path)
    preview, _ = plans_of(demo_path, rid, path)
    apply(demo_path, preview)
    # the workbook's new rows carry no id: the second time they are found by name
    preview, plans = plans_of(demo_path, rid, path)
    assert all(row.status == UNCHANGED for plan in preview.plans for row in plan.rows), [
        (plan.target.record_key, plan.counts()) for plan in preview.plans]


def test_an_id_or_a_place_that_means_nothing_rejects_its_row(exported, demo_path):
    path, rid, book = exported
    sheet = book["4 阶段里程碑"]
    sheet.append([0, "2024 突破提升", "编号为零", date(2024, 9, 30), "计划中"])
    sheet.append([None, "2024 突破提升", "顺序为负", date(2024, 9, 30), "计划中", None, -1])
    book.save(path)
    _, plans = plans_of(demo_path, rid, path)
    rejected = {dict(zip(plans["milestone"].fields, row.values))["title"]: row for row in plans["milestone"].rows
                if row.status == REJECTED}
    assert set(rejected) == {"编号为零", "顺序为负"}
    assert rejected["编号为零"].problems[0].cell().startswith("A") and rejected["顺序为负"].problems[0].cell()[0] == "G"


def test_valid_rows_only_keeps_the_references_to_records_the_workbook_adds(exported, demo_path):
    """A link that is rejected takes the enterprises naming it along; one that is added is named by its new id."""
    path, rid, book = exported
    segment = book["3 产业链环节分组"]["C2"].value
    book["3 产业链环节"].append([None, segment, "好环节", "补链", "薄弱"])
    book["3 产业链环节"].append([None, segment, "坏环节", "不知道", "薄弱"])  # an action that is no choice
    enterprises = book["5 重点企业、配套企业名录表"]
    enterprises.append(["好企业有限公司", make_uscc("91", "370100", "MA0000W1"), "重点企业", "好环节", "已入驻"])
    enterprises.append(["坏企业有限公司", make_uscc("91", "370100", "MA0000W2"), "重点企业", "坏环节", "已入驻"])
    book.save(path)
    preview, plans = plans_of(demo_path, rid, path)
    assert plans["chain_link"].counts()["rejected"] == 1 and plans["enterprise"].counts()["rejected"] == 1
    outcome = apply(demo_path, preview, valid_only=True)
    assert outcome.skipped == 2
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        good = session.scalar(select(Enterprise).where(Enterprise.name == "好企业有限公司"))
        link = session.scalar(select(ChainLink).join(ChainSegment).where(ChainSegment.report_id == rid,
                                                                         ChainLink.name == "好环节"))
        assert good.chain_link_id == link.id
        assert session.scalar(select(func.count()).where(Enterprise.name == "坏企业有限公司")) == 0
