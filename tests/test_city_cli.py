"""`parkdesk city dashboard|evaluate|scheme`: output, stored evaluations, exit codes."""

from __future__ import annotations

import json

import openpyxl
import pytest

from parkdesk.city.evaluation import stored_evaluations
from parkdesk.city.scoring import default_scheme
from parkdesk.cli.main import main
from parkdesk.db.workspace import open_workspace


def test_city_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["city", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "dashboard" in out and "evaluate" in out


def test_dashboard_text_and_json(demo_path, capsys):
    assert main(["city", "dashboard", str(demo_path), "--year", "2023"]) == 0
    out = capsys.readouterr().out
    assert "园区(基地)数量倍增,达到25个以上\t12 / 25 个园区\t未达成" in out and "尚无园区的区县" in out
    assert main(["--lang", "en", "city", "dashboard", str(demo_path), "--year", "2023", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2023 and len(data["parks"]) == 12
    assert data["domain_coverage"]["filled"] == 10


def test_dashboard_pdf_option(demo_path, tmp_path, capsys):
    pdf = tmp_path / "d.pdf"
    assert main(["city", "dashboard", str(demo_path), "--year", "2023", "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_evaluate_writes_the_workbook_and_stores_the_evaluation(demo_path, tmp_path, capsys):
    out = tmp_path / "result.xlsx"
    assert main(["city", "evaluate", str(demo_path), "--year", "2023", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "已完成 2023 年度考核评价" in printed and default_scheme().fingerprint[:16] in printed
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert workbook["排名"].max_row == 13
    workbook.close()
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        records = stored_evaluations(session, 2023)
        assert [r.scheme_fingerprint for r in records] == [default_scheme().fingerprint]


def test_evaluate_with_a_scheme_file_and_json_output(demo_path, tmp_path, capsys):
    scheme = tmp_path / "scheme.json"
    assert main(["city", "scheme", "--out", str(scheme)]) == 0
    assert f"已写出评价方案(可修改后用 --scheme 使用):{scheme}" in capsys.readouterr().out  # says what it did
    document = json.loads(scheme.read_text(encoding="utf-8"))
    document["pass_threshold"] = 106  # about half the demo parks fall below
    scheme.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["city", "evaluate", str(demo_path), "--year", "2023", "--scheme", str(scheme),
                 "--out", str(tmp_path / "r.xlsx"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["evaluation_id"] == 1 and data["pass_threshold"] == 106
    assert data["scheme"]["fingerprint"] != default_scheme().fingerprint
    assert all((p["grade"] == "fail") == (p["score"] < 106) for p in data["parks"])
    assert data["grade_counts"]["fail"] > 0


def test_scheme_prints_the_default(capsys):
    assert main(["city", "scheme"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(default_scheme().to_json()))


@pytest.mark.parametrize("argv,code,expected", [
    (["city", "dashboard", "{ws}", "--year", "2030"], 1, "2022–2024"),
    (["city", "dashboard", "{tmp}/missing.sqlite", "--year", "2023"], 2, "does not exist"),
    (["city", "evaluate", "{ws}", "--year", "2024", "--out", "{tmp}/x.xlsx"], 1, "No report of 2024 counts"),
    (["city", "evaluate", "{ws}", "--year", "2023", "--scheme", "{tmp}/none.json", "--out", "{tmp}/x.xlsx"], 2,
     "Cannot read the scoring scheme"),
    (["city", "evaluate", "{ws}", "--year", "2023", "--scheme", "{tmp}/bad.json", "--out", "{tmp}/x.xlsx"], 1,
     "items[0] has unknown fields: weight"),
    (["city", "evaluate", "{ws}", "--year", "2023", "--out", "{tmp}/no/such/dir/x.xlsx"], 2, "Cannot write"),
])
def test_exit_codes(demo_path, tmp_path, capsys, argv, code, expected):
    document = default_scheme().to_json()
    document["items"][0]["weight"] = 3
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    argv = [a.format(ws=demo_path, tmp=tmp_path) for a in argv]
    assert main(["--lang", "en", *argv]) == code
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        assert stored_evaluations(session) == []  # nothing stored when the run failed


def test_a_goal_with_nothing_to_measure_says_no_data_not_zero_of_zero(demo_path, capsys):
    """2024 has only drafts: the doublings have no 2021 baseline counted and the leap no eligible park."""
    assert main(["city", "dashboard", str(demo_path), "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "园区(基地)内企业数量增长一倍以上\t—\t暂无数据" in out and "0 / 0" not in out
    assert main(["--lang", "en", "city", "dashboard", str(demo_path), "--year", "2024", "--format", "json"]) == 0
    goals = {goal["key"]: goal for goal in json.loads(capsys.readouterr().out)["goals"]}
    assert goals["enterprise_count_doubling"]["state"] == "no_data"
    assert goals["industry_scale_doubling"]["unit"] == {"zh": "亿元", "en": "100M CNY"}


def test_city_rollups_lists_what_was_received_by_district_and_year(tmp_path, capsys):
    import subprocess
    import sys

    from parkdesk.demo.review_demo import build_city_demo

    city = tmp_path / "city.sqlite"
    build_city_demo(city, enterprises=3)
    run = subprocess.run([sys.executable, "-m", "parkdesk", "city", "rollups", str(city), "--year", "2023"],
                         capture_output=True, text=True, check=True)
    lines = run.stdout.splitlines()
    assert len(lines) == 7 and "历下区(370102)\t2023 年第 1 份" in run.stdout and "有效" in lines[0]
    assert main(["city", "rollups", str(city), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["district_code"] for row in rows} >= {"370102", "370112"} and not any(r["replaced"] for r in rows)
    assert main(["city", "rollups", str(city), "--year", "2022"]) == 0
    assert "尚未收到区县汇总包" in capsys.readouterr().out
