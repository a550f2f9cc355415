"""CLI conventions: help, --lang anywhere, --format json, --park by code or name, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from parkdesk.cli.main import main
from parkdesk.db.queries import find_park
from parkdesk.db.workspace import open_workspace


def test_help_lists_the_subcommands(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "init", "parks"):
        assert command in out
    assert "WORKSPACE" in out


@pytest.mark.parametrize("command", ["demo", "init", "parks"])
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert f"parkdesk {command}" in capsys.readouterr().out


def test_parks_json(demo_path, capsys):
    assert main(["parks", str(demo_path), "--format", "json"]) == 0
    parks = json.loads(capsys.readouterr().out)
    assert len(parks) == 12
    assert parks[0]["name"] == "齐鲁软件园" and parks[0]["category"] == "first_class"
    assert [r["year"] for r in parks[0]["reports"]] == [2022, 2023, 2024]


def test_parks_text_in_both_languages(demo_path, capsys):
    assert main(["parks", str(demo_path)]) == 0
    assert "争创一流类" in capsys.readouterr().out
    assert main(["--lang", "en", "parks", str(demo_path)]) == 0
    assert "Striving for first-class" in capsys.readouterr().out
    assert main(["parks", str(demo_path), "--lang", "en"]) == 0
    assert "Striving for first-class" in capsys.readouterr().out


@pytest.mark.parametrize("lang,expected", [("zh", "工作区文件不存在"), ("en", "does not exist")])
def test_unusable_input_exits_2_with_a_message_in_the_users_language(tmp_path, capsys, lang, expected):
    assert main(["--lang", lang, "parks", str(tmp_path / "missing.sqlite")]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_init_creates_an_empty_workspace(tmp_path, capsys):
    path = tmp_path / "new.sqlite"
    assert main(["init", "--out", str(path), "--name", "我的园区"]) == 0
    with open_workspace(path) as workspace:
        assert workspace.name == "我的园区"
    assert main(["init", "--out", str(path)]) == 2


def test_park_by_code_any_case_or_exact_name(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        assert find_park(session, "QLRJY").name == "齐鲁软件园"
        assert find_park(session, "qlrjy").name == "齐鲁软件园"
        assert find_park(session, "临空经济区发展中心").code == "LKJJQ"
        assert find_park(session, "临空") is None


def test_console_script_runs_without_a_display(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PARKDESK_CONFIG_DIR": str(tmp_path), "PARKDESK_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "parkdesk.cli.main", str(tmp_path / "x.sqlite")],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert "没有可用的图形显示" in result.stderr
