"""`parkdesk --selftest`: every step runs for real, and a failure is named and turns the exit code non-zero."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parkdesk import selftest
from parkdesk.cli.main import main
from parkdesk.pdf.fonts import bundled_fonts
from parkdesk.selftest import STEPS, SelftestProblem, run_selftest

CORE_STEPS = tuple(step for step in STEPS if step[0] != "gui")
STEP_LINE = re.compile(r"^\[(\d)/(\d)\] (\w+): ok \((\d+\.\d\d) s\) — .+$")


def run(tmp_path: Path, steps=CORE_STEPS, lang: str = "en") -> tuple[int, str]:
    out = io.StringIO()
    code = run_selftest(lang, folder=tmp_path / "selftest", steps=steps, out=out)
    return code, out.getvalue()


def test_the_command_passes_every_step_without_touching_the_users_settings(tmp_path):
    """The real thing, as a user runs it: a fresh process, no display, the GUI step included."""
    config = tmp_path / "user-config"
    env = {**os.environ, "PARKDESK_CONFIG_DIR": str(config), "PARKDESK_DATA_DIR": str(tmp_path / "user-data")}
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-m", "parkdesk.cli.main", "--selftest", "--lang", "en"],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    steps = [STEP_LINE.match(line) for line in lines[1:-1]]
    assert all(steps), lines
    assert [m.group(3) for m in steps] == [name for name, _ in STEPS]
    assert lines[-1].startswith(f"Self-test passed: all {len(STEPS)} steps worked")
    assert "translations qtbase_zh_CN.qm, parkdesk_zh_CN.qm loaded" in lines[-2]
    assert not config.exists() and not (tmp_path / "user-data").exists()
    temp_folder = re.search(r"temporary folder: (\S+)", lines[0]).group(1)
    assert not Path(temp_folder).exists()  # cleaned up


@pytest.mark.needs_tool("pdffonts", "poppler-utils")
def test_outputs_are_real_a_finalized_report_a_verified_package_a_pdf_with_its_font(tmp_path):
    code, out = run(tmp_path)
    assert code == 0, out
    folder = tmp_path / "selftest"
    with sqlite3.connect(folder / "selftest.parkdesk.sqlite") as db:
        status = db.execute("SELECT r.status FROM reports r JOIN parks p ON p.id = r.park_id "
                            "WHERE p.code = 'QLRJY' AND r.year = 2024").fetchone()
    assert status == ("finalized",)
    assert (folder / "selftest.parkpkg").read_bytes()[:2] == b"PK"
    fonts = subprocess.run(["pdffonts", str(folder / "selftest.pdf")], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts  # embedded, subset, ToUnicode
    assert os.environ.get("PARKDESK_CONFIG_DIR") != str(folder / "config")  # the environment is restored


def test_chinese_output_by_default(tmp_path):
    code, out = run(tmp_path, steps=CORE_STEPS[:1], lang="zh")
    assert code == 0
    assert "自检" in out and "[1/1] workspace:通过" in out and "自检通过" in out


def test_a_tampered_package_fails_the_verify_step_and_stops_the_run(tmp_path):
    def tamper(run_state) -> str:
        data = bytearray(run_state.package.read_bytes())
        data[len(data) // 2] ^= 0xFF
        run_state.package.write_bytes(bytes(data))
        return "one byte flipped"

    names = [name for name, _ in CORE_STEPS]
    steps = CORE_STEPS[:names.index("verify")] + (("tamper", tamper),) + CORE_STEPS[names.index("verify"):]
    code, out = run(tmp_path, steps=steps)
    assert code == 1
    assert re.search(r"^\[7/8\] verify: FAILED \(\d+\.\d\d s\) — The package did not verify: ", out, re.MULTILINE)
    assert out.rstrip().endswith("Self-test FAILED at step 'verify'; the steps after it did not run")
    assert "pdf:" not in out
    assert not (tmp_path / "selftest" / "selftest.pdf").exists()


def test_an_unexpected_error_is_named_with_its_traceback(tmp_path, capsys):
    def broken(run_state) -> str:
        raise RuntimeError("the disk fell off")

    code, out = run(tmp_path, steps=CORE_STEPS[:1] + (("broken", broken),))
    assert code == 1
    assert "[2/2] broken: FAILED" in out and "RuntimeError: the disk fell off" in out
    assert "Traceback" in capsys.readouterr().err


def test_a_frozen_bundle_must_bring_its_own_pdf_font(tmp_path, monkeypatch):
    if bundled_fonts():
        pytest.skip("a font was put into resources/fonts/ in this tree")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delenv("PARKDESK_PDF_FONT", raising=False)
    code, out = run(tmp_path)
    assert code == 1
    assert "pdf: FAILED" in out and "The bundle has no usable PDF font of its own" in out


def test_main_exits_non_zero_naming_the_step(monkeypatch, capsys):
    def failing(run_state) -> str:
        raise SelftestProblem("selftest.validation_errors", errors=3)

    monkeypatch.setattr(selftest, "STEPS", (("validate", failing),))
    assert main(["--selftest", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "[1/1] validate: FAILED" in out and "3 validation errors" in out
    assert "Self-test FAILED at step 'validate'" in out


def test_selftest_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--selftest" in capsys.readouterr().out
