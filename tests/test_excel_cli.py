"""`parkdesk excel …` on the command line: files written, exit codes 0/1/2, JSON, --valid-only, --errors-out."""

from __future__ import annotations

import json

import openpyxl
import pytest
from sqlalchemy import func, select

from parkdesk.cli.main import main
from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.uscc import make_uscc

GOOD = make_uscc("91", "370100", "MA000001")
BAD = GOOD[:17] + ("0" if GOOD[17] != "0" else "1")


def enterprises(path) -> int:
    with open_workspace(path) as workspace, workspace.session() as session:
        return session.scalar(select(func.count()).select_from(Enterprise).join(Report).join(Park).where(
            Park.code == "QLRJY", Report.year == 2024))


def sheet(path, rows) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["企业名称", "统一社会信用代码", "企业类型", "入驻状态"])
    for row in rows:
        wb.active.append(row)
    wb.save(path)


def excel(*args) -> int:
    return main(["excel", *map(str, args)])


@pytest.mark.parametrize("command", ["template", "import", "export", "task-table"])
def test_every_excel_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        excel(command, "--help")
    assert info.value.code == 0 and f"parkdesk excel {command}" in capsys.readouterr().out


def test_template_export_and_task_table_write_their_files(demo_path, tmp_path, capsys):
    assert excel("template", "--out", tmp_path / "t.xlsx") == 0
    assert excel("export", demo_path, "--park", "齐鲁软件园", "--year", 2024, "--out", tmp_path / "r.xlsx") == 0
    assert excel("task-table", demo_path, "--year", 2024, "--out", tmp_path / "k.xlsx", "--lang", "en") == 0
    out = capsys.readouterr().out
    assert "导入模板已生成" in out and "年报工作簿已导出" in out and "Task table written" in out and "12 parks" in out
    assert "5 重点企业、配套企业名录表" in openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames
    assert excel("export", demo_path, "--park", "NOPE", "--year", 2024, "--out", tmp_path / "x.xlsx") == 2
    assert not (tmp_path / "x.xlsx").exists()


def test_import_exit_codes_and_messages(demo_path, tmp_path, capsys):
    clean, mixed = tmp_path / "clean.xlsx", tmp_path / "mixed.xlsx"
    sheet(clean, [["济南示例科技有限公司", GOOD, "重点企业", "已入驻"]])
    sheet(mixed, [["济南另一科技有限公司", make_uscc("91", "370100", "MA000002"), "配套企业", "拟引进"],
                  ["类型错误有限公司", make_uscc("91", "370100", "MA000003"), "老板企业", "已入驻"]])
    count = enterprises(demo_path)
    args = [demo_path, "--park", "QLRJY", "--year", 2024]
    assert excel("import", *args[:1], mixed, *args[1:]) == 1
    captured = capsys.readouterr()
    assert "C3" in captured.out and "老板企业" in captured.out and "该行未导入" in captured.out
    assert "未导入任何数据" in captured.err
    assert enterprises(demo_path) == count
    assert excel("import", *args[:1], mixed, *args[1:], "--valid-only", "--errors-out", tmp_path / "e.xlsx") == 1
    captured = capsys.readouterr()
    assert "新增 1 行" in captured.out and "错误报告已写入" in captured.out
    assert enterprises(demo_path) == count + 1
    assert "老板企业" in openpyxl.load_workbook(tmp_path / "e.xlsx")["Sheet"]["C3"].comment.text
    assert excel("import", *args[:1], clean, *args[1:], "--errors-out", tmp_path / "none.xlsx") == 0
    assert enterprises(demo_path) == count + 2 and not (tmp_path / "none.xlsx").exists()
    assert excel("import", *args[:1], tmp_path / "missing.xlsx", *args[1:]) == 2


def test_a_row_that_breaks_a_rule_is_imported_and_the_finding_shown(demo_path, tmp_path, capsys):
    """Like a value typed in the editor: stored as it stands, validation (and the preview) says what is wrong."""
    found = tmp_path / "found.xlsx"
    sheet(found, [["校验位错误有限公司", BAD, "重点企业", "已入驻"]])
    count = enterprises(demo_path)
    assert excel("import", demo_path, found, "--park", "QLRJY", "--year", 2024) == 0
    out = capsys.readouterr().out
    assert "B2" in out and "校验位" in out and "该行未导入" not in out and "新增 1 行" in out
    assert enterprises(demo_path) == count + 1


def test_import_json(demo_path, tmp_path, capsys):
    mixed = tmp_path / "mixed.xlsx"
    sheet(mixed, [["济南另一科技有限公司", GOOD, "配套企业", "拟引进"],
                  ["校验位错误有限公司", BAD, "重点企业", "已入驻"],
                  ["类型错误有限公司", make_uscc("91", "370100", "MA000003"), "老板企业", "已入驻"]])
    code = excel("import", demo_path, "--park", "QLRJY", "--year", 2024, mixed, "--format", "json", "--lang", "en")
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and result["imported"] is False and result["outcome"] is None
    [plan] = result["sheets"]
    assert plan["counts"] == {"new": 2, "changed": 0, "unchanged": 0, "rejected": 1, "deleted": 0}
    assert plan["columns"]["uscc"] == "统一社会信用代码"
    finding, rejection = plan["problems"]
    assert finding == {"row": 3, "cell": "B3", "field": "uscc", "severity": "error", "rule": "ENT-USCC-CHECK",
                       "message": finding["message"], "rejects_row": False} and "check" in finding["message"]
    assert rejection["cell"] == "C4" and rejection["rejects_row"] is True and "老板企业" in rejection["message"]
    assert len(result["merge_rules"]) == 4 and "blank cell" in " ".join(result["merge_rules"])


def test_errors_out_must_not_overwrite_the_input(demo_path, tmp_path, capsys):
    mixed = tmp_path / "mixed.xlsx"
    sheet(mixed, [["类型错误有限公司", BAD, "老板企业", "已入驻"]])
    before = mixed.read_bytes()
    assert excel("import", demo_path, "--park", "QLRJY", "--year", 2024, mixed, "--errors-out", mixed) == 2
    assert "不能写到被导入的文件本身" in capsys.readouterr().err and mixed.read_bytes() == before
