"""Exports read back with openpyxl: the report workbook (typed cells, Chinese headers, a sheet per record of
every section), its round trip through the import, the template (the same layout, blank), and the task table."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import delete, select

from parkdesk.db.models import Enterprise, IndicatorValue, Milestone, Park, Platform, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.apply import apply_import
from parkdesk.excel.importing import preview_import
from parkdesk.excel.plan_model import UNCHANGED
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.excel.task_table import stage_status, write_task_table
from parkdesk.excel.template import write_template
from parkdesk.excel.layout import SHEETS
from parkdesk.forms.indicators import INDICATORS
from parkdesk.uscc import make_uscc

PARK = "QLRJY"


def report_id(session, park: str = PARK, year: int = 2024) -> int:
    return session.scalar(select(Report.id).join(Park).where(Park.code == park, Report.year == year))


@pytest.fixture
def exported(demo_path, tmp_path):
    path = tmp_path / "report.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = report_id(session)
        assert write_report_workbook(session, rid, path) == path
    return path, rid


def rows_of(sheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(values_only=True)]


LAYOUT = ["说明", "1 基本信息", "2 发展定位", "3 产业链环节分组", "3 产业链环节", "4 阶段", "4 阶段里程碑",
          "5 重点企业、配套企业名录表", "6 指标", "7 建设要求自评", "8 公共服务平台", "9 附件", "lists"]


def test_a_sheet_per_record_of_every_section_with_chinese_headers_and_typed_cells(exported, demo_path):
    path, rid = exported
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == LAYOUT and [s.name("zh") for s in SHEETS] == LAYOUT[1:-1]
    basic = dict(rows_of(book["1 基本信息"])[1:])
    assert basic["年度"] == 2024 and basic["园区(基地)名称"] == "齐鲁软件园" and basic["类别"] == "争创一流类"
    enterprises = rows_of(book["5 重点企业、配套企业名录表"])
    assert enterprises[0][:3] == ("企业名称", "统一社会信用代码", "企业类型")
    assert "营业收入(万元)" in enterprises[0]
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        first = session.scalars(select(Enterprise).where(Enterprise.report_id == rid).order_by(Enterprise.id)).first()
        count = len(session.scalars(select(Enterprise.id).where(Enterprise.report_id == rid)).all())
    row = dict(zip(enterprises[0], enterprises[1]))
    assert len(enterprises) == count + 1
    assert row["企业名称"] == first.name and row["统一社会信用代码"] == first.uscc
    assert row["企业类型"] in ("重点企业", "配套企业") and row["入驻状态"] in ("已入驻", "拟引进")
    assert row["成立日期"] == datetime.combine(first.established, datetime.min.time())
    assert isinstance(row["从业人员(人)"], int) and row["营业收入(万元)"] == pytest.approx(first.revenue_wan_yuan)
    sheet = book["5 重点企业、配套企业名录表"]
    assert sheet.freeze_panes == "A2" and sheet["B2"].number_format == "@"
    indicators = rows_of(book["6 指标"])
    assert indicators[0] == ("指标代码", "指标", "单位", "2021年基数", "2024年目标", "本年度实际", "说明")
    assert [r[1] for r in indicators[1:]] == [i.label.zh for i in INDICATORS]
    assert [r[0] for r in indicators[1:]] == [i.key for i in INDICATORS]
    assert dict((r[1], r[2]) for r in indicators[1:])["产业规模"] == "亿元"
    assert rows_of(book["4 阶段"])[0] == ("阶段", "核心主题", "阶段目标", "主要举措")
    assert rows_of(book["4 阶段里程碑"])[0] == ("编号(ID)", "阶段", "里程碑", "计划完成日期", "状态", "佐证材料", "顺序")
    segments, links = rows_of(book["3 产业链环节分组"]), rows_of(book["3 产业链环节"])
    assert segments[0] == ("编号(ID)", "位置", "名称", "顺序") and segments[1][:2] == (1, "上游")
    assert links[0] == ("编号(ID)", "所属分组", "环节名称", "强链/补链/延链", "现状", "说明", "顺序")
    assert {link[1] for link in links[1:]} <= {segment[2] for segment in segments[1:]}
    # an enterprise's chain link is offered from the workbook's own link sheet
    validations = {str(v.sqref).split(":")[0]: v for v in book["5 重点企业、配套企业名录表"].data_validations.dataValidation}
    assert validations["D2"].formula1 == "'3 产业链环节'!$C$2:$C$2001"
    basic = book["1 基本信息"]
    assert basic["A2"].value == "年度" and basic["A1"].value == "项目" and basic["B1"].value == "内容"


def test_an_unchanged_report_exports_to_the_same_bytes(exported, demo_path, tmp_path):
    path, rid = exported
    again = tmp_path / "again.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        write_report_workbook(session, rid, again)
    assert again.read_bytes() == path.read_bytes()


def test_english_headers(demo_path, tmp_path):
    path = tmp_path / "en.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        write_report_workbook(session, report_id(session), path, lang="en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["Instructions", "1 Basic information", "2 Positioning"]
    assert rows_of(book["6 Indicators"])[1][:3] == ("enterprise_count", "Enterprises in the park", "enterprises")
    assert "3 Chain link" in book.sheetnames and "4 Milestone" in book.sheetnames


def test_an_exported_workbook_imports_back_unchanged(exported, demo_path):
    path, rid = exported
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        result = preview_import(session, rid, path)
    plans = {plan.mapping.record: plan for plan in result.plans}
    assert set(plans) == {sheet.key for sheet in SHEETS}  # every sheet is read back
    for key, plan in plans.items():
        assert plan.rows or key == "attachment", key  # the 2024 draft has no attachments
        assert all(row.status == UNCHANGED for row in plan.rows), plan.mapping.record
        assert not plan.problems()
    assert result.notices == []  # the instructions and the hidden lists are the layout's own: no notice


def test_an_exported_workbook_restores_what_was_deleted(exported, demo_path):
    path, rid = exported
    models = (Enterprise, Milestone, Platform, IndicatorValue)
    columns = {model: [c for c in model.__table__.c if c.name != "id"] for model in models}
    with open_workspace(demo_path) as workspace:
        with workspace.session() as session:
            before = {model: sorted(map(tuple, session.execute(select(*columns[model]).where(
                model.report_id == rid)).all()), key=repr) for model in models}
        with workspace.session() as session, session.begin():
            for model in models:
                session.execute(delete(model).where(model.report_id == rid))
        with workspace.session() as session:
            result = preview_import(session, rid, path)
        assert all(plan.counts()["new"] == len(plan.rows) for plan in result.plans if plan.target.record_key in (
            "enterprise", "milestone", "platform"))
        apply_import(workspace, result.plans)
        with workspace.session() as session:
            after = {model: sorted(map(tuple, session.execute(select(*columns[model]).where(
                model.report_id == rid)).all()), key=repr) for model in models}
    for model in models:
        if model is Platform:  # service types come back in the catalogue's order
            normalize = lambda rows: [(*r[:3], ",".join(sorted(r[3].split(","))), *r[4:]) for r in rows]  # noqa: E731
            assert normalize(after[model]) == normalize(before[model])
        else:  # ids and places in the order too (编号(ID), 顺序)
            assert after[model] == before[model], model.__name__


def test_the_template_is_the_same_layout_blank_with_lists_hints_and_imports_once_filled(demo_path, tmp_path):
    path = write_template(tmp_path / "template.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == LAYOUT
    assert book["lists"].sheet_state == "hidden" and book.active.title == "说明"
    sheet = book["5 重点企业、配套企业名录表"]
    assert sheet.freeze_panes == "A2" and sheet.max_row == 1
    assert [c.value for c in sheet[1]][:4] == ["企业名称", "统一社会信用代码", "企业类型", "产业链环节"]
    assert sheet["A1"].font.color.rgb.endswith("C00000")  # required: red
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    lists = book["lists"]
    role = validations["C2"]
    column = role.formula1.split("!")[1].split(":")[0].replace("$", "")[:-1]
    assert role.type == "list" and [lists[f"{column}2"].value, lists[f"{column}3"].value] == ["重点企业", "配套企业"]
    assert "18 位" in validations["B2"].prompt and validations["F2"].prompt.startswith("日期")
    assert "全球百强企业" in validations["J2"].prompt and "是/否" in validations["E2"].prompt
    assert sheet.column_dimensions["A"].width >= 10
    assert [sheet.cell(1, c).value for c in range(7, 10)] == ["从业人员(人)", "营业收入(万元)", "服务出口额(万美元)"]
    assert [r[1].value for r in book["6 指标"].iter_rows(min_row=2)] == [i.label.zh for i in INDICATORS]
    assert [r[0].value for r in book["7 建设要求自评"].iter_rows(min_row=2)][0] == "1. 特色鲜明"
    basic = {row[0].value: row[1].value for row in book["1 基本信息"].iter_rows(min_row=2)}
    assert "园区(基地)名称" in basic and set(basic.values()) == {None}
    intro = " ".join(str(c.value) for row in book["说明"].iter_rows() for c in row if c.value)
    assert "#清空" in intro and "--mirror" in intro and "编号(ID)" in intro
    sheet.append(["济南示例科技有限公司", make_uscc("91", "370100", "MA000001"), "重点企业", None, "已入驻",
                  date(2020, 1, 2), 12, 300.5, 10, "上市公司、龙头企业", "王芳", "0531-88886666"])
    book.save(path)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        result = preview_import(session, report_id(session), path)
    plans = {plan.mapping.record: plan for plan in result.plans}
    assert plans["enterprise"].counts()["new"] == 1
    values = dict(zip(plans["enterprise"].fields, plans["enterprise"].rows[0].values))
    assert values["distinctions"] == (1 << 1) | (1 << 3) and values["established"] == date(2020, 1, 2)
    for key in ("indicator_value", "assessment", "path_stage", "park", "report"):  # blank means no change
        counts = plans[key].counts()
        assert counts["changed"] == 0 and counts["rejected"] == 0 and counts["unchanged"] >= 1, key


def test_the_task_table_lists_park_stage_task_and_status(demo_path, tmp_path):
    path = tmp_path / "tasks.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        stats = write_task_table(session, 2024, path)
        milestones = session.scalar(select(Milestone.id).join(Report).where(Report.year == 2024).order_by(
            Milestone.id.desc()).limit(1))
    assert stats.parks == 12 and milestones
    sheet = openpyxl.load_workbook(path)["2024"]
    rows = rows_of(sheet)
    assert "2024年度" in rows[0][0] and rows[1] == ("区县(功能区)", "园区(基地)", "类别", "阶段", "类型", "核心任务",
                                                  "任务或里程碑", "计划完成日期", "状态", "佐证材料")
    data = rows[2:]
    assert len(data) == stats.rows
    qlrjy = [r for r in data if r[1] == "齐鲁软件园"]
    core = [r for r in qlrjy if r[4] == "核心任务"]
    assert [r[5] for r in core] == ["国际水准", "创新示范", "品牌突破"]
    assert core[0][8] == "已完成" and core[2][8] in ("进行中", "计划中")
    first_milestone = next(r for r in qlrjy if r[4] == "里程碑")
    assert isinstance(first_milestone[7], datetime) and first_milestone[8] in ("已完成", "进行中", "计划中", "已延期")
    assert sheet.auto_filter.ref.startswith("A2") and sheet.freeze_panes == "C3"


def test_stage_status_from_its_milestones():
    assert stage_status([]) is None
    assert stage_status(["done", "done"]) == "done"
    assert stage_status(["done", "delayed"]) == "delayed"
    assert stage_status(["done", "planned"]) == "in_progress"
    assert stage_status(["planned", "planned"]) == "planned"


def test_an_export_that_cannot_be_written_leaves_nothing_behind(demo_path, tmp_path):
    from parkdesk.errors import ParkdeskError

    target = tmp_path / "missing-folder" / "report.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        with pytest.raises(ParkdeskError) as info:
            write_report_workbook(session, report_id(session), target)
    assert info.value.exit_code == 2 and not target.parent.exists()
