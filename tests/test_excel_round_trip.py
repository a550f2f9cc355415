"""The workbook carries a whole report: every demo report exported, imported into an empty draft of the same park
and year in another workspace and exported again gives the same values on every sheet and validates alike; and a
report is completed from an empty workspace with the command line and a filled template alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from parkdesk.cli.main import main
from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.apply import apply_import
from parkdesk.excel.importing import preview_import
from parkdesk.excel.layout import SHEETS, STATUS_LABEL
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.identity.passphrase import ENV_VAR
from parkdesk.reports.park_setup import add_plan_park
from parkdesk.reports.start import start_operator_workspace, start_report
from parkdesk.uscc import make_uscc
from parkdesk.validation.engine import validate_report

ATTACHMENTS = SHEETS[-1].name("zh")  # files: added in the program, never carried by a workbook


def sheet_values(path: Path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path)
    return {name: [row for row in book[name].iter_rows(values_only=True)
                   if row[0] != STATUS_LABEL.zh]  # the copy is a draft, whatever the original's status
            for name in book.sheetnames if name != ATTACHMENTS}


def findings(session, report_id: int) -> list[tuple]:
    """What validation says, without the workspace's own record ids."""
    return sorted((f.rule_id, f.severity, f.location.section, f.location.record, f.location.field,
                   f.location.row_label, f.message("zh")) for f in validate_report(session, report_id).findings)


def test_every_demo_report_round_trips_through_its_workbook(demo_master, tmp_path):
    with open_workspace(demo_master) as workspace, workspace.session() as session:
        reports = session.execute(select(Report.id, Park.code, Park.division_code, Report.year).join(Park)
                                  .order_by(Report.year.desc(), Park.code)).all()
        assert len(reports) == 36
        original = {}
        for report_id, code, _, year in reports:
            write_report_workbook(session, report_id, tmp_path / f"{code}-{year}.xlsx")
            original[code, year] = findings(session, report_id)
    assert any(f[0] == "ENT-USCC-CHECK" for f in original["SDYYFW", 2024])  # the planted mistakes travel too
    other = tmp_path / "other.sqlite"
    first = reports[0]
    start_operator_workspace(other, park_code=first.code, division_code=first.division_code, year=first.year)
    with open_workspace(other) as workspace:
        with workspace.session() as session, session.begin():  # newest first: each draft starts empty
            for _, code, division, year in reports[1:]:
                park = session.scalar(select(Park).where(Park.code == code)) or add_plan_park(
                    session, code, division_code=division)
                start_report(session, park.id, year)
        with workspace.session() as session:
            drafts = {(code, year): report_id for report_id, code, year in session.execute(
                select(Report.id, Park.code, Report.year).join(Park))}
        for _, code, _, year in sorted(reports, key=lambda r: r.year):
            with workspace.session() as session:
                preview = preview_import(session, drafts[code, year], tmp_path / f"{code}-{year}.xlsx")
            assert not preview.has_errors, (code, year)
            assert {plan.target.record_key for plan in preview.plans} == {sheet.key for sheet in SHEETS}
            apply_import(workspace, preview.plans)
        with workspace.session() as session:
            for _, code, _, year in reports:
                again = tmp_path / f"{code}-{year}-again.xlsx"
                write_report_workbook(session, drafts[code, year], again)
                assert sheet_values(again) == sheet_values(tmp_path / f"{code}-{year}.xlsx"), (code, year)
                assert findings(session, drafts[code, year]) == original[code, year], (code, year)


def fill_template(path: Path) -> None:
    """What an operator types into the blank workbook, in Excel, with the labels the drop-downs offer."""
    book = openpyxl.load_workbook(path)

    def form(sheet: str, values: dict) -> None:
        rows = {row[0].value: row[1] for row in book[sheet].iter_rows(min_row=2)}
        for label, value in values.items():
            rows[label].value = value

    form("1 基本信息", {"所在区县(功能区)": "历下区", "运营机构": "山东语言服务出口基地运营中心", "联系人": "王芳",
                      "联系电话": "0531-88886666", "电子邮箱": "sdyyfw@example.cn", "地址": "济南市历下区经十路1号"})
    form("2 发展定位", {"园区定位": "立足济南语言服务资源,建设国家级特色服务出口基地", "发展重点": "翻译、本地化、语言技术"})
    for position, name in (("上游", "语言资源"), ("中游", "语言服务"), ("下游", "出海支撑")):
        book["3 产业链环节分组"].append([None, position, name])
    for segment, name, action, state in (("语言资源", "语料资源", "强链", "已有"), ("语言服务", "笔译", "强链", "已有"),
                                         ("语言服务", "本地化", "补链", "薄弱"), ("出海支撑", "国际营销", "延链", "缺失")):
        book["3 产业链环节"].append([None, segment, name, action, state])
    for row in book["4 阶段"].iter_rows(min_row=2):
        row[2].value, row[3].value = f"{row[0].value}:阶段目标", f"{row[0].value}:主要举措"
    for stage, title, due, status in (("2022 夯实基础", "完成现状调研", date(2022, 6, 30), "已完成"),
                                      ("2023 特色发展", "发布两图一表", date(2023, 6, 30), "已完成"),
                                      ("2024 突破提升", "建成语言服务公共平台", date(2024, 11, 30), "进行中")):
        book["4 阶段里程碑"].append([None, stage, title, due, status])
    for n, (link, role) in enumerate((("笔译", "重点企业"), ("本地化", "配套企业"), ("国际营销", "配套企业"))):
        book["5 重点企业、配套企业名录表"].append([
            f"济南语言示例{n}有限公司", make_uscc("91", "370102", f"MA00000{n}"), role, link, "已入驻",
            date(2015, 3, 1), 50, 2000, 100, None, "李雷", "13800000000"])
    values = {"enterprise_count": (30, 60, 45), "industry_scale": (10, 20, 15), "service_trade_value": (100, 200, 150),
              "service_exports": (80, 160, 120), "foreign_trade_exports": (400, 800, 600),
              "employees": (1000, 2000, 1500), "core_enterprise_count": (5, 10, 8), "platform_count": (1, 2, 1)}
    for row in book["6 指标"].iter_rows(min_row=2):
        if row[0].value in values:
            row[3].value, row[4].value, row[5].value = values[row[0].value]
    for row in book["7 建设要求自评"].iter_rows(min_row=2):
        row[1].value, row[2].value = "已达到", f"{row[0].value}:已完成年度工作"
    book["8 公共服务平台"].append([None, "语言服务公共平台", "山东语言服务出口基地运营中心", "专业翻译、人才培训", "省级",
                                date(2023, 6, 1)])
    book.save(path)


def run(capsys, *args) -> tuple[int, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def test_a_filled_template_alone_completes_a_report_from_the_command_line(tmp_path, capsys, monkeypatch):
    workspace, template = tmp_path / "园区.sqlite", tmp_path / "年报.xlsx"
    report = ["--park", "SDYYFW", "--year", 2024]
    assert run(capsys, "init", "--out", workspace, *report)[0] == 0
    code, out = run(capsys, "validate", workspace, *report)
    assert code == 1 and "FIELD-REQUIRED" in out  # the new draft asks for what the workbook will bring
    assert run(capsys, "excel", "template", "--out", template)[0] == 0
    fill_template(template)
    code, out = run(capsys, "excel", "import", workspace, template, *report, "--dry-run")
    assert code == 0 and "以上为预览" in out and "合并规则" in out
    code, out = run(capsys, "validate", workspace, *report)
    assert code == 1  # the dry run wrote nothing
    code, out = run(capsys, "excel", "import", workspace, template, *report)
    assert code == 0 and "已导入" in out, out
    code, out = run(capsys, "validate", workspace, *report)
    assert code == 0 and "0 个错误" in out and "FIELD-REQUIRED" not in out, out
    assert run(capsys, "finalize", workspace, *report)[0] == 0
    monkeypatch.setenv(ENV_VAR, "operator passphrase")
    assert run(capsys, "keys", "create", workspace, "--name", "sdyyfw", "--park", "SDYYFW")[0] == 0
    package = tmp_path / "SDYYFW-2024.parkpkg"
    code, out = run(capsys, "package", "build", workspace, *report, "--out", package)
    assert code == 0 and package.stat().st_size > 0, out
    with open_workspace(workspace) as opened, opened.session() as session:
        draft = session.scalar(select(Report).join(Park).where(Park.code == "SDYYFW", Report.year == 2024))
        assert draft.status == "finalized" and draft.details.operator_org == "山东语言服务出口基地运营中心"
        assert {link.name for segment in draft.chain_segments for link in segment.links} == {
            "语料资源", "笔译", "本地化", "国际营销"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_in_either_language_is_read_back(demo_path, tmp_path, lang):
    """An English template's headers, sheet names and item names are read as well as Chinese ones."""
    from parkdesk.excel.template import write_template

    path = write_template(tmp_path / f"t-{lang}.xlsx", lang)
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
        preview = preview_import(session, rid, path)
    assert {plan.target.record_key for plan in preview.plans} == {sheet.key for sheet in SHEETS}
    assert not preview.has_errors and not any(plan.of("changed") for plan in preview.plans)
