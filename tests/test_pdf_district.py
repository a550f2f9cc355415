"""The district summary PDF: the district's parks, coverage, and indicators summed over their reports."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from parkdesk.db.models import IndicatorDefinition, IndicatorValue, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError
from parkdesk.pdf.blocks import fmt_number
from parkdesk.pdf.district_pdf import write_district_pdf

pytestmark = pytest.mark.needs_tool("pdftotext", "poppler-utils")


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_title_and_fonts(path: Path) -> tuple[str, str]:
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True).stdout
    title = next(line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Title:"))
    return title, subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def test_district_summary_lists_its_parks_and_sums_their_indicators(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        parks = session.scalars(select(Park.name).where(Park.division_code == "370112").order_by(Park.id)).all()
        total = sum(session.scalars(
            select(IndicatorValue.actual).join(IndicatorDefinition).join(Report).join(Park)
            .where(Park.division_code == "370112", Report.year == 2024, IndicatorDefinition.key == "enterprise_count")))
        path = write_district_pdf(session, "370112", 2024, tmp_path / "district.pdf")
        english = write_district_pdf(session, "370112", 2024, tmp_path / "district-en.pdf", lang="en")
    body = pdftotext(path)
    assert len(parks) == 3 and all(name in body for name in parks)
    for heading in ("园区(基地)一览", "领域和类别覆盖", "指标汇总", "园区企业数量", "合计 3 份 2024 年度年报"):
        assert heading in body, heading
    assert f"\n{fmt_number(total)}\n" in body or f" {fmt_number(total)} " in body
    title, fonts = pdf_title_and_fonts(path)
    assert title == "历城区 2024 年度园区(基地)建设情况汇总"
    assert "STSong" not in fonts and " no " not in fonts.splitlines()[2]
    assert "Coverage of domains and categories" in pdftotext(english)


def test_a_district_without_parks_still_gets_a_summary(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        path = write_district_pdf(session, "370124", 2024, tmp_path / "pingyin.pdf")
    body = pdftotext(path)
    assert "平阴县" in body and "该区县(功能区)尚无园区(基地)" in body


def test_an_unknown_district_is_a_clear_error(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        with pytest.raises(ParkdeskError) as info:
            write_district_pdf(session, "999999", 2024, tmp_path / "x.pdf")
    assert "999999" in info.value.message("zh") and not (tmp_path / "x.pdf").exists()
