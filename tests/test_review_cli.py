"""The review commands end to end: init a district, import, list, comment, decide, receipt; the operator imports
the receipt; roll-up build and show; the city imports it; the demos."""

from __future__ import annotations

import json
import shutil

from parkdesk.cli.main import main
from parkdesk.db.workspace import open_workspace
from parkdesk.review.inbox_rows import list_inbox
from review_kit import PARK, PASSPHRASE, YEAR, World, certify, send, set_status


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_district_officers_commands(tmp_path, demo_master, capsys):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE.decode() + "\n", encoding="utf-8")
    district = tmp_path / "district.sqlite"
    code, out, _ = run(capsys, "init", "--role", "reviewer", "--district", "Z01", "--out", district,
                       "--passphrase-file", secret)
    assert code == 0 and "高新区" in out
    operator = tmp_path / "operator.sqlite"
    shutil.copy2(demo_master, operator)
    world = World(district, operator, tmp_path)
    certify(world, PARK)
    set_status(operator, PARK, YEAR, "finalized")
    package, built = send(world, "qlrjy.parkpkg")
    junk = tmp_path / "junk.parkpkg"
    junk.write_bytes(b"PK\x03\x04 not really")

    code, out, _ = run(capsys, "review", "import", district, package, junk, "--format", "json")
    results = json.loads(out)
    assert code == 1 and [r["outcome"] for r in results] == ["accepted", "rejected"]
    assert results[0]["package_id"] == built.package_id and results[1]["reason"]
    code, out, _ = run(capsys, "review", "list", district, "--lang", "en")
    assert code == 0 and "REJECTED" in out and "Received" in out

    entry = f"{PARK}:{YEAR}"
    code, out, _ = run(capsys, "review", "comment", district, entry, "--location", "positioning", "--text", "请具体化")
    assert code == 0
    code, _, err = run(capsys, "review", "comment", district, entry, "--location", "nowhere/x", "--text", "?")
    assert code == 1 and "nowhere/x" in err
    # a location as review show prints it, in words: the comment lands on that field, and says where in words
    code, out, _ = run(capsys, "review", "comment", district, entry, "--location", "基本信息 › 联系电话",
                       "--text", "请补充座机")
    assert code == 0 and "基本信息 › 联系电话" in out
    code, out, _ = run(capsys, "review", "comment", district, entry, "--location",
                       "Indicators › Enterprises in the park › This year's actual", "--text", "请说明增幅", "--lang", "en")
    assert code == 0 and "园区企业数量" in out
    code, _, err = run(capsys, "review", "comment", district, entry, "--location", "指标 › 不存在的指标", "--text", "?")
    assert code == 1 and "找不到这个位置" in err
    code, out, _ = run(capsys, "review", "show", district, entry, "--rows", "1")
    assert code == 0 and "校验结果(" in out and "年报内容:" in out and "== 5 重点企业、配套企业名录表 ==" in out
    assert "  联系人: " in out and "只显示前 1 行" in out
    code, out, _ = run(capsys, "review", "export", district, entry, "--out", tmp_path / "导出")
    assert code == 0 and {p.name for p in (tmp_path / "导出").iterdir()} >= {"summary.pdf", "report.xlsx"}
    assert (tmp_path / "导出" / "summary.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "review", "receipt", district, entry, "--out", tmp_path / "early.parkreview",
                       "--passphrase-file", secret)
    assert code == 1 and not (tmp_path / "early.parkreview").exists()
    assert run(capsys, "review", "decide", district, entry, "--state", "returned", "--note", "请修改")[0] == 0
    code, out, _ = run(capsys, "review", "receipt", district, entry, "--out", tmp_path / "d.parkreview",
                       "--passphrase-file", secret)
    assert code == 0 and (tmp_path / "d.parkreview").exists()
    code, out, _ = run(capsys, "review", "show", district, entry, "--format", "json")
    shown = json.loads(out)
    assert [c["text"] for c in shown["comments"]] == ["请具体化", "请补充座机", "请说明增幅"]
    assert shown["comments"][1]["location"]["field"] == "contact_phone"
    assert isinstance(shown["findings"], list)
    assert [e["action"] for e in shown["history"]] == ["received", "comment", "comment", "comment", "state", "receipt"]

    code, out, _ = run(capsys, "receipt", "import", operator, tmp_path / "d.parkreview", "--lang", "en")
    assert code == 0 and "Returned" in out
    code, out, _ = run(capsys, "comments", operator, "--park", PARK, "--year", YEAR)  # the operator reads them
    lines = out.splitlines()
    assert code == 0 and lines[0] == "位置\t意见\t审核人\t时间\t审核决定"
    assert any(line.startswith("基本信息 › 联系电话\t请补充座机\t") and line.endswith("已退回") for line in lines)
    assert any(line.startswith("指标 › 园区企业数量 › 本年度实际\t请说明增幅") for line in lines)
    code, _, err = run(capsys, "receipt", "import", operator, tmp_path / "nothing.parkreview")
    assert code == 2 and "nothing.parkreview" in err

    assert run(capsys, "review", "decide", district, entry, "--state", "approved")[0] == 0
    code, out, _ = run(capsys, "rollup", "show", district, "--year", YEAR, "--format", "json")
    assert code == 0 and [p["code"] for p in json.loads(out)["parks"]] == [PARK]
    code, out, _ = run(capsys, "rollup", "show", district, "--year", YEAR)
    lines = out.splitlines()
    assert lines[0].startswith("代码\t园区\t园区企业数量") and lines[-1].startswith("合计\t")
    progress = tmp_path / "progress.txt"
    progress.write_text("齐鲁软件园按计划推进,核心企业稳步增长。\n", encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "rollup", "build", district, "--year", YEAR, "--out",
                       tmp_path / "bad.parkrollup", "--passphrase-file", secret,
                       "--planned-park", "高新区地理信息园", "地理信息", "最好的类", YEAR + 1)
    assert code == 1 and "category" in err and not (tmp_path / "bad.parkrollup").exists()
    code, out, _ = run(capsys, "rollup", "build", district, "--year", YEAR, "--out", tmp_path / "z01.parkrollup",
                       "--passphrase-file", secret, "--progress-file", progress,
                       "--planned-park", "高新区地理信息园", "地理信息", "初创新建类", YEAR + 1)
    assert code == 0

    city = tmp_path / "city.sqlite"
    assert run(capsys, "init", "--role", "city", "--out", city)[0] == 0
    code, out, err = run(capsys, "city", "import", city, tmp_path / "z01.parkrollup")
    assert code == 2 and "parkdesk keys trust" in out + err  # the city trusts no one yet: refused, with the fix
    assert run(capsys, "keys", "export-cert", district, "高新区商务局", "--out", tmp_path / "z01.pem")[0] == 0
    assert run(capsys, "keys", "trust", city, tmp_path / "z01.pem")[0] == 0
    code, out, _ = run(capsys, "city", "import", city, tmp_path / "z01.parkrollup", "--format", "json")
    assert code == 0 and json.loads(out)[0]["packages"][0]["outcome"] == "accepted"
    code, out, _ = run(capsys, "city", "dashboard", city, "--year", YEAR, "--format", "json")
    assert code == 0 and [p["code"] for p in json.loads(out)["parks"]] == [PARK]
    [section] = json.loads(out)["district_reports"]  # plan 六(一): the district's year-end report
    assert section["district_code"] == "Z01" and "核心企业稳步增长" in section["progress"]
    assert section["planned_parks"] == [{"name": "高新区地理信息园", "domain": "geographic_information",
                                         "category": "startup", "expected_year": YEAR + 1}]
    code, out, _ = run(capsys, "city", "dashboard", city, "--year", YEAR)
    assert code == 0 and "高新区地理信息园" in out and "核心企业稳步增长" in out


def test_the_reviewer_demo(tmp_path, capsys):
    path = tmp_path / "reviewer.sqlite"
    code, out, _ = run(capsys, "demo", "--role", "reviewer", "--out", path, "--no-gui")
    assert code == 0 and "parkdesk-demo" in out
    with open_workspace(path) as ws, ws.session() as session:
        rows = list_inbox(session)
    states = {(r.park_code, r.year, r.state, r.current) for r in rows if r.verified}
    assert ("HJT", 2023, "returned", False) in states and ("HJT", 2023, "received", True) in states
    assert ("SDYYFW", 2023, "has_problems", True) in states
    assert sum(not r.verified for r in rows) == 2 and any(r.encrypted and r.verified for r in rows)
