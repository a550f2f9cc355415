"""Parks and districts from the command line (issue 20 item 6): `park add`, `districts`, `init --district`,
`init --park` on an existing workspace — and a whole report for a park outside the plan, from the CLI and a
filled workbook alone."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.identity.passphrase import ENV_VAR
from tests.test_excel_round_trip import fill_template, run


def parkdesk(*args, lang: str = "zh") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parkdesk", "--lang", lang, *map(str, args)], capture_output=True,
                          text=True, timeout=300)


def test_districts_lists_codes_and_names_under_a_header():
    result = parkdesk("districts")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines[0].split("\t") == ["代码", "名称", "类型"]
    assert "370102\t历下区\t市辖区" in lines and "Z01\t高新区\t功能区" in lines
    listed = json.loads(parkdesk("districts", "--format", "json").stdout)
    assert len(listed) == 16 and {"code": "370126", "name": "商河县", "kind": "county"} in listed


def test_init_honours_the_district_by_code_or_name_and_adds_to_an_existing_workspace(tmp_path):
    workspace = tmp_path / "园区.sqlite"
    made = parkdesk("init", "--out", workspace, "--park", "QLRJY", "--year", 2023, "--district", "历下区")
    assert made.returncode == 0 and "历下区" in made.stdout, made.stderr
    again = parkdesk("init", "--out", workspace, "--park", "QLRJY", "--year", 2024)  # next year's draft
    assert again.returncode == 0 and "已在工作区" in again.stdout, again.stderr
    other = parkdesk("init", "--out", workspace, "--park", "BKKG", "--year", 2024, "--district", "370112")
    assert other.returncode == 0, other.stderr
    twice = parkdesk("init", "--out", workspace, "--park", "QLRJY", "--year", 2024)
    assert twice.returncode != 0 and "已有 2024 年的年报" in twice.stderr and "Traceback" not in twice.stderr
    with open_workspace(workspace) as opened, opened.session() as session:
        parks = {p.code: p.division_code for p in session.scalars(select(Park))}
        years = sorted(session.scalars(select(Report.year).join(Park).where(Park.code == "QLRJY")))
    assert parks == {"QLRJY": "370102", "BKKG": "370112"} and years == [2023, 2024]
    alone = parkdesk("init", "--out", tmp_path / "x.sqlite", "--district", "370102")
    assert alone.returncode == 2 and "--park" in alone.stderr and not (tmp_path / "x.sqlite").exists()


def test_park_add_takes_keys_or_labels_and_refuses_in_words(tmp_path):
    workspace = tmp_path / "园区.sqlite"
    assert parkdesk("init", "--out", workspace).returncode == 0
    added = parkdesk("park", "add", workspace, "--code", "XQY", "--name", "济南新区数字服务园", "--category", "初创",
                     "--domain", "digital_trade", "--district", "Z01", "--level", "市级", "--year", 2024)
    assert added.returncode == 0 and "济南新区数字服务园" in added.stdout and "高新区" in added.stdout, added.stderr
    listed = parkdesk("parks", workspace).stdout.splitlines()
    assert listed[0].startswith("代码\t名称") and listed[1].split("\t")[:6] == [
        "XQY", "济南新区数字服务园", "初创新建类", "数字贸易", "高新区", "市级"]
    for wrong, said in ((("--district", "火星区"), "没有区县“火星区”"), (("--category", "大型"), "类别“大型”不是可选项"),
                        (("--code", "QLRJY"), "属于方案中已有的园区")):
        options = {"--code": "ABC", "--name": "另一园区", "--category": "startup", "--domain": "culture",
                   "--district": "370102"}
        options[wrong[0]] = wrong[1]
        refused = parkdesk("park", "add", workspace, *[x for pair in options.items() for x in pair])
        assert refused.returncode != 0 and said in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
    with open_workspace(workspace) as opened, opened.session() as session:
        assert session.scalars(select(Park.code)).all() == ["XQY"]


def test_a_park_outside_the_plan_completes_its_report_from_the_command_line_and_a_workbook(tmp_path, capsys,
                                                                                          monkeypatch):
    workspace, template = tmp_path / "园区.sqlite", tmp_path / "年报.xlsx"
    report = ["--park", "XQY", "--year", 2024]
    assert run(capsys, "init", "--out", workspace)[0] == 0
    assert run(capsys, "park", "add", workspace, "--code", "XQY", "--name", "济南新区语言服务园", "--category",
               "startup", "--domain", "language_services", "--district", "历下区", "--year", 2024)[0] == 0
    assert run(capsys, "excel", "template", "--out", template)[0] == 0
    fill_template(template)
    code, out = run(capsys, "excel", "import", workspace, template, *report)
    assert code == 0 and "已导入" in out, out
    code, out = run(capsys, "validate", workspace, *report)
    assert code == 0 and "0 个错误" in out, out
    assert run(capsys, "finalize", workspace, *report)[0] == 0
    monkeypatch.setenv(ENV_VAR, "operator passphrase")
    assert run(capsys, "keys", "create", workspace, "--name", "xqy", "--park", "XQY")[0] == 0
    package = tmp_path / "XQY-2024.parkpkg"
    code, out = run(capsys, "package", "build", workspace, *report, "--out", package)
    assert code == 0 and package.stat().st_size > 0, out
