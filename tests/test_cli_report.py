"""The operator's report on the command line (issue 20 items 7, 9, 10): `report show`, `justify` (checked,
--list, --remove), `validate` of a report that does not exist, and what finalize and reopen say."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from parkdesk.cli.report_text import cell_text
from parkdesk.forms.sections import RECORD_BY_KEY


def parkdesk(*args, lang: str = "zh") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parkdesk", "--lang", lang, *map(str, args)], capture_output=True,
                          text=True, timeout=300)


SDYYFW_2024 = ("--park", "SDYYFW", "--year", 2024)  # the demo draft with a PLAN-DOUBLING warning and errors
WARNING_WHERE = "指标 › 产业规模 › 2024年目标"


def test_report_show_prints_every_section_in_the_forms_order_with_headers(demo_path):
    shown = parkdesk("report", "show", demo_path, "--park", "QLRJY", "--year", 2023)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings == ["== 1 基本信息 ==", "== 2 发展定位 ==", "== 3 目标产业链全景图 ==", "== 4 产业发展路径图 ==",
                        "== 5 重点企业、配套企业名录表 ==", "== 6 指标 ==", "== 7 建设要求自评 ==", "== 8 公共服务平台 ==",
                        "== 9 附件 =="]
    assert "  园区(基地)名称: 齐鲁软件园" in out and "  年报状态: 已通过" in out and "  年度: 2023" in out
    assert "  企业名称\t统一社会信用代码\t企业类型\t产业链环节" in out  # a table's header names its columns
    assert "accepted" not in out and "None" not in out and "first_class" not in out


def test_report_show_one_section_as_json_and_refuses_an_unknown_one(demo_path):
    shown = parkdesk("report", "show", demo_path, "--park", "QLRJY", "--year", 2024, "--section", "5",
                     "--format", "json")
    document = json.loads(shown.stdout)
    assert document["code"] == "QLRJY" and [s["key"] for s in document["sections"]] == ["enterprises"]
    table = document["sections"][0]["records"][0]
    assert table["columns"][0] == {"field": "name", "header": "企业名称"} and len(table["rows"]) > 10
    limited = parkdesk("report", "show", demo_path, "--park", "QLRJY", "--year", 2024, "--section", "enterprises",
                       "--rows", 2).stdout
    assert "只显示前 2 行" in limited and len([x for x in limited.splitlines() if x.startswith("  ")]) == 4
    refused = parkdesk("report", "show", demo_path, "--park", "QLRJY", "--year", 2024, "--section", "99")
    assert refused.returncode != 0 and "没有“99”这一部分" in refused.stderr and "5 enterprises" in refused.stderr


ENTERPRISE = RECORD_BY_KEY["enterprise"]
REVENUE, EMPLOYEES, ESTABLISHED = (ENTERPRISE.field(k) for k in ("revenue_wan_yuan", "employees", "established"))


@pytest.mark.parametrize("value, field, shown", [
    (2000.0, REVENUE, "2,000"), (2351.80, REVENUE, "2,351.8"), (12345, EMPLOYEES, "12,345"), (None, REVENUE, "—"),
    ("", None, "—"), (date(2024, 6, 30), ESTABLISHED, "2024-06-30"), (2024, None, "2024"),  # the year: no field
    ("两行\n文字", RECORD_BY_KEY["report"].field("positioning"), "两行 文字"), ("软件和信息技术服务", None, "软件和信息技术服务"),
])
def test_values_read_as_the_form_displays_them(value, field, shown):
    assert cell_text(value, field) == shown


def test_report_show_writes_numbers_with_thousands_separators(demo_path):
    out = parkdesk("report", "show", demo_path, "--park", "QLRJY", "--year", 2024, "--section", "indicators").stdout
    row = next(line for line in out.splitlines() if line.startswith("  enterprise_count\t"))
    numbers = row.split("\t")[4:7]  # after the key, the name and the unit: baseline, target, actual
    assert any("," in n for n in numbers) and all(n == "—" or n.replace(",", "").replace(".", "").isdigit()
                                                   for n in numbers), row


def test_justify_checks_the_rule_and_the_location_and_lists_and_removes(demo_path):
    stored = parkdesk("justify", demo_path, *SDYYFW_2024, "--rule", "plan-doubling", "--location", WARNING_WHERE,
                      "--text", "园区调整了统计口径")
    assert stored.returncode == 0 and f"已记录规则 PLAN-DOUBLING({WARNING_WHERE})" in stored.stdout, stored.stderr
    listed = parkdesk("justify", demo_path, *SDYYFW_2024, "--list").stdout.splitlines()
    assert listed[0] == "规则\t位置\t说明理由\t填写人\t时间"
    assert listed[1].startswith(f"PLAN-DOUBLING\t{WARNING_WHERE}\t园区调整了统计口径\t")
    for args, said in ((("--rule", "NO-SUCH", "--text", "x"), "没有规则“NO-SUCH”"),
                       (("--rule", "FIELD-REQUIRED", "--text", "x"), "报告的是错误"),
                       (("--rule", "PLAN-DOUBLING", "--location", "指标 › 别处", "--text", "x"), WARNING_WHERE),
                       (("--rule", "PLAN-DOUBLING"), "请给出 --rule 和 --text")):
        refused = parkdesk("justify", demo_path, *SDYYFW_2024, *args)
        assert refused.returncode != 0 and said in refused.stderr and "Traceback" not in refused.stderr, args
    removed = parkdesk("justify", demo_path, *SDYYFW_2024, "--rule", "PLAN-DOUBLING", "--location", WARNING_WHERE,
                       "--remove")
    assert removed.returncode == 0 and "已删除" in removed.stdout
    assert "还没有说明理由" in parkdesk("justify", demo_path, *SDYYFW_2024, "--list").stdout
    again = parkdesk("justify", demo_path, *SDYYFW_2024, "--rule", "PLAN-DOUBLING", "--remove")
    assert again.returncode != 0 and "没有说明理由可删除" in again.stderr


def test_validate_of_a_missing_report_exits_2_and_locked_reports_are_refused_in_words(demo_path):
    missing = parkdesk("validate", demo_path, "--park", "QLRJY", "--year", 2021)
    assert missing.returncode == 2 and "齐鲁软件园 没有 2021 年的年报" in missing.stderr
    accepted = parkdesk("justify", demo_path, "--park", "QLRJY", "--year", 2023, "--rule", "PLAN-DOUBLING",
                        "--text", "x")
    assert accepted.returncode != 0 and "“已通过”,已报送区县,不能修改;只有区县退回后才能修改" in accepted.stderr
    draft = parkdesk("reopen", demo_path, "--park", "QLRJY", "--year", 2024, "--reason", "x")
    assert "“草稿”" in draft.stderr and "draft" not in draft.stderr


def test_finalize_and_reopen_say_what_they_did(demo_path):
    done = parkdesk("finalize", demo_path, "--park", "QLRJY", "--year", 2024)
    assert done.returncode == 0 and "齐鲁软件园 2024 年报已定稿并锁定" in done.stdout, done.stderr
    locked = parkdesk("justify", demo_path, "--park", "QLRJY", "--year", 2024, "--rule", "PLAN-DOUBLING",
                      "--text", "x")
    assert "“已定稿”,已锁定,不能修改;如需修改请先重新打开" in locked.stderr
    reopened = parkdesk("reopen", demo_path, "--park", "QLRJY", "--year", 2024, "--reason", "补充企业名录")
    assert reopened.returncode == 0 and "已重新打开" in reopened.stdout


def test_out_must_carry_the_extension_of_what_is_written(demo_path, tmp_path):
    wrong = parkdesk("excel", "template", "--out", tmp_path / "模板.pdf")
    assert wrong.returncode == 2 and "应为 .xlsx" in wrong.stderr and not (tmp_path / "模板.pdf").exists()
    bare = parkdesk("excel", "template", "--out", tmp_path / "模板")
    assert bare.returncode == 0 and "已写为" in bare.stderr and (tmp_path / "模板.xlsx").exists()
    pdf = parkdesk("report", "pdf", demo_path, "--park", "QLRJY", "--year", 2023, "--out", tmp_path / "r.xlsx")
    assert pdf.returncode == 2 and ".pdf" in pdf.stderr and not (tmp_path / "r.xlsx").exists()
    upper = parkdesk("report", "pdf", demo_path, "--park", "QLRJY", "--year", 2023, "--out", tmp_path / "R.PDF")
    assert upper.returncode == 0 and (tmp_path / "R.PDF").read_bytes().startswith(b"%PDF")


def test_every_text_table_names_its_columns(demo_path, tmp_path):
    assert parkdesk("parks", demo_path).stdout.splitlines()[0].startswith("代码\t名称\t类别")
    assert parkdesk("backup", demo_path).returncode == 0
    assert parkdesk("backup", "--list", demo_path).stdout.splitlines()[0] == "时间\t类型\t大小\t文件"
    scheme = parkdesk("city", "scheme", "--out", tmp_path / "方案")
    assert scheme.returncode == 0 and "已写出评价方案" in scheme.stdout and (tmp_path / "方案.json").exists()
