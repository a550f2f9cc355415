"""Exports read back with openpyxl: the report workbook (typed cells, Chinese headers, a sheet per section),
its round trip through the import, the import template, and the task table."""

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
from parkdesk.forms.indicators import INDICATORS
from parkdesk.forms.sections import SECTIONS
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


def test_a_sheet_per_section_with_chinese_headers_and_typed_cells(exported, demo_path):
    path, rid = exported
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [f"{s.number} {s.text('zh')}" for s in SECTIONS]
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
    assert indicators[0] == ("指标", "单位", "2021年基数", "2024年目标", "本年度实际", "说明")
    assert [r[0] for r in indicators[1:]] == [i.label.zh for i in INDICATORS]
    assert dict((r[0], r[1]) for r in indicators[1:])["产业规模"] == "亿元"
    path_sheet = rows_of(book["4 产业发展路径图"])
    assert path_sheet[0][0] == "阶段" and ("阶段", "里程碑", "计划完成日期", "状态", "佐证材料") in [
        r[:5] for r in path_sheet]


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
    assert book.sheetnames[0] == "1 Basic information"
    assert rows_of(book["6 Indicators"])[1][:2] == ("Enterprises in the park", "enterprises")


def test_an_exported_workbook_imports_back_unchanged(exported, demo_path):
    path, rid = exported
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        result = preview_import(session, rid, path)
    plans = {plan.mapping.record: plan for plan in result.plans}
    assert set(plans) == {"enterprise", "indicator_value", "milestone", "platform"}
    for plan in plans.values():
        assert plan.rows and all(row.status == UNCHANGED for row in plan.rows), plan.mapping.record
        assert not plan.problems()


def test_an_exported_workbook_restores_what_was_deleted(exported, demo_path):
    path, rid = exported
    models = (Enterprise, Milestone, Platform, IndicatorValue)
    columns = {model: [c for c in model.__table__.c if c.name not in ("id", "sort_order")] for model in models}
    with open_workspace(demo_path) as workspace:
        with workspace.session() as session:
            before = {model: sorted(map(tuple, session.execute(select(*columns[model]).where(
                model.report_id == rid)).all()), key=repr) for model in models}
        with workspace.session() as session, session.begin():
            for model in models:
                session.execute(delete(model).where(model.report_id == rid))
        with workspace.session() as session:
            result = preview_import(session, rid, path)
        assert all(plan.counts()["new"] == len(plan.rows) for plan in result.plans)
        apply_import(workspace, result.plans)
        with workspace.session() as session:
            after = {model: sorted(map(tuple, session.execute(select(*columns[model]).where(
                model.report_id == rid)).all()), key=repr) for model in models}
    for model in models:
        if model is Platform:  # service types come back in the catalogue's order
            normalize = lambda rows: [(*r[:3], ",".join(sorted(r[3].split(","))), *r[4:]) for r in rows]  # noqa: E731
            assert normalize(after[model]) == normalize(before[model])
        else:
            assert after[model] == before[model], model.__name__


def test_the_template_has_lists_hints_frozen_headers_and_imports_once_filled(demo_path, tmp_path):
    path = write_template(tmp_path / "template.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["填写说明", "lists", "企业", "指标", "阶段里程碑", "公共服务平台"]
    assert book["lists"].sheet_state == "hidden"
    sheet = book["企业"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:4] == ["企业名称", "统一社会信用代码", "企业类型", "产业链环节"]
    assert sheet["A1"].font.color.rgb.endswith("C00000")  # required: red
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    assert validations["C2"].type == "list" and validations["C2"].formula1 == "lists!$A$2:$A$3"
    assert [book["lists"]["A2"].value, book["lists"]["A3"].value] == ["重点企业", "配套企业"]
    assert "18 位" in validations["B2"].prompt and validations["F2"].prompt.startswith("日期")
    assert "全球百强企业" in validations["J2"].prompt
    assert sheet.column_dimensions["A"].width >= 10
    assert [sheet.cell(1, c).value for c in range(7, 10)] == ["从业人员(人)", "营业收入(万元)", "服务出口额(万美元)"]
    assert [r[0].value for r in book["指标"].iter_rows(min_row=2)] == [i.label.zh for i in INDICATORS]
    sheet.append(["济南示例科技有限公司", make_uscc("91", "370100", "MA000001"), "重点企业", None, "已入驻",
                  date(2020, 1, 2), 12, 300.5, 10, "上市公司、龙头企业", "王芳", "0531-88886666"])
    book.save(path)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        result = preview_import(session, report_id(session), path)
    plans = {plan.mapping.record: plan for plan in result.plans}
    assert plans["enterprise"].counts()["new"] == 1
    values = dict(zip(plans["enterprise"].fields, plans["enterprise"].rows[0].values))
    assert values["distinctions"] == (1 << 1) | (1 << 3) and values["established"] == date(2020, 1, 2)
    indicators = plans["indicator_value"].counts()  # the sheet lists every indicator with blank values:
    assert indicators["changed"] == 0 and indicators["unchanged"] >= 19  # blank means no change


def test_the_template_of_a_report_lists_its_chain_links(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        path = write_template(tmp_path / "t.xlsx", "en", session=session, report_id=report_id(session))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Instructions"
    sheet = book["Enterprise"]
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    assert validations["D2"].type == "list"
    column = validations["D2"].formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    names = [c.value for c in book["lists"][column][1:] if c.value]
    assert "工业互联网" in names


def test_the_task_table_lists_park_stage_task_and_status(demo_path, tmp_path):
    path = tmp_path / "tasks.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        stats = write_task_table(session, 2024, path)
        milestones = session.scalar(select(Milestone.id).join(Report).where(Report.year == 2024).order_by(
            Milestone.id.desc()).limit(1))
    assert stats.parks == 12 and milestones
    sheet = openpyxl.load_workbook(path)["2024"]
    rows = rows_of(sheet)
    assert "2024年度" in rows[0][0] and rows[1][:5] == ("区县(功能区)", "园区(基地)", "类别", "阶段", "类型")
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
