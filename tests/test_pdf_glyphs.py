"""Characters the main PDF font lacks (CJK Ext-A such as 䶮, symbols, emoji) are drawn with a fallback font;
what no font can draw is named by the export instead of vanishing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from interop_kit import require, require_file
from parkdesk.cli.main import main
from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.pdf.report_pdf import write_report_pdf

ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
OPERATOR = "济南䶮㐀科技发展中心①"  # 䶮 U+4DAE and 㐀 U+3400 (CJK Ext-A) are not in WenQuanYi Micro Hei
NOWHERE = "\U000F0041"  # a private-use character no font draws
ENTERPRISE = f"山东明{NOWHERE}科技有限公司"


@pytest.fixture(scope="module")
def odd_names(demo_master, tmp_path_factory) -> tuple[Path, int]:
    """A workspace whose QLRJY operator and one 2024 enterprise have names with rare characters."""
    require_file(ZENHEI, "fonts-wqy-zenhei")
    path = tmp_path_factory.mktemp("glyphs") / "demo.sqlite"
    shutil.copy2(demo_master, path)
    with open_workspace(path) as ws, ws.session() as session, session.begin():
        park = session.scalars(select(Park).where(Park.code == "QLRJY")).one()
        report_id = session.scalar(select(Report.id).where(Report.park_id == park.id, Report.year == 2024))
        session.get(Report, report_id).details.operator_org = OPERATOR  # as the 2024 report states it
        first = session.scalars(select(Enterprise).where(Enterprise.report_id == report_id)
                                .order_by(Enterprise.id)).first()
        first.name = ENTERPRISE
    return path, report_id


def pdftotext(path: Path) -> str:
    return subprocess.run([require("pdftotext", "poppler-utils"), "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_characters_the_main_font_lacks_come_from_the_fallback_font(odd_names, tmp_path):
    workspace, report_id = odd_names
    undrawable: dict[str, str] = {}
    with open_workspace(workspace) as ws, ws.session() as session:
        path = write_report_pdf(session, report_id, tmp_path / "odd.pdf", appendix=True, undrawable=undrawable)
    assert OPERATOR in pdftotext(path)  # drawn, embedded and extracted through its ToUnicode map
    fonts = subprocess.run([require("pdffonts", "poppler-utils"), str(path)], capture_output=True, text=True,
                           check=True).stdout
    zenhei = [line for line in fonts.splitlines() if "WenQuanYiZenHei" in line]
    assert zenhei and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in zenhei)
    assert undrawable == {ENTERPRISE: NOWHERE}


def test_the_export_names_what_no_font_can_draw(odd_names, tmp_path, capsys):
    workspace, _ = odd_names
    out = tmp_path / "odd.pdf"
    assert main(["--lang", "en", "report", "pdf", str(workspace), "--park", "QLRJY", "--year", "2024",
                 "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "PDF written" in captured.out and out.is_file()
    assert "1 name(s) hold characters no available font can draw" in captured.err
    assert ENTERPRISE in captured.err and "U+F0041" in captured.err
    assert OPERATOR not in captured.err  # drawn with the fallback font: nothing to say
