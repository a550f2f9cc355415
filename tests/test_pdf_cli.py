"""`parkdesk report pdf`: exit codes, --no-appendix, messages, and the commands that stay top-level."""

from __future__ import annotations

import subprocess

import pytest

from parkdesk.cli.main import main
from parkdesk.pdf import fonts

pytestmark = pytest.mark.needs_tool("pdfinfo", "poppler-utils")


def pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


def test_report_pdf_writes_the_summary_and_no_appendix_is_shorter(demo_path, tmp_path, capsys):
    full, short = tmp_path / "full.pdf", tmp_path / "short.pdf"
    assert main(["report", "pdf", str(demo_path), "--park", "SDSZDS", "--year", "2024", "--out", str(full)]) == 0
    assert str(full) in capsys.readouterr().out
    assert main(["--lang", "en", "report", "pdf", str(demo_path), "--park", "山东数字产业大厦", "--year", "2024",
                 "--out", str(short), "--no-appendix"]) == 0
    assert "PDF written" in capsys.readouterr().out
    assert pages(short) < pages(full)


@pytest.mark.parametrize("args,expected", [
    (["--park", "NOPE", "--year", "2024"], "找不到园区"),
    (["--park", "QLRJY", "--year", "2019"], "没有 2019 年的年报"),
])
def test_unusable_input_exits_2(demo_path, tmp_path, capsys, args, expected):
    out = tmp_path / "x.pdf"
    assert main(["report", "pdf", str(demo_path), *args, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and not out.exists()


def test_missing_workspace_and_unwritable_output_exit_2(demo_path, tmp_path, capsys):
    assert main(["report", "pdf", str(tmp_path / "none.sqlite"), "--park", "QLRJY", "--year", "2024",
                 "--out", str(tmp_path / "x.pdf")]) == 2
    assert main(["--lang", "en", "report", "pdf", str(demo_path), "--park", "QLRJY", "--year", "2024",
                 "--out", str(tmp_path / "no-such-folder" / "x.pdf")]) == 2
    assert "Cannot write the file" in capsys.readouterr().err


def test_no_font_exits_2_with_the_advice_and_no_file(demo_path, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    for finder in ("bundled_fonts", "system_candidates", "fontconfig_candidates"):
        monkeypatch.setattr(fonts, finder, lambda: [])
    out = tmp_path / "x.pdf"
    assert main(["report", "pdf", str(demo_path), "--park", "QLRJY", "--year", "2024", "--out", str(out)]) == 2
    assert "fonts-wqy-microhei" in capsys.readouterr().err and not out.exists()


def test_report_is_a_group_and_the_lifecycle_commands_stay_top_level(capsys):
    with pytest.raises(SystemExit) as info:
        main(["report", "pdf", "--help"])
    assert info.value.code == 0 and "--no-appendix" in capsys.readouterr().out
    for command in ("justify", "finalize", "reopen"):
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
    with pytest.raises(SystemExit) as info:
        main(["report"])
    assert info.value.code == 2
