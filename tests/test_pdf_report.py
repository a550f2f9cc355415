"""The park summary PDF, read back with poppler: fonts embedded, text copyable, pages numbered, appendix landscape."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, text

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError
from parkdesk.pdf.errors import Cancelled
from parkdesk.pdf.report_pdf import write_report_pdf
from parkdesk.reports.lifecycle import justify

pytestmark = pytest.mark.needs_tool("pdftotext", "poppler-utils")
FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def pdftotext(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdfinfo(path: Path, page: int | None = None) -> dict[str, str]:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", *pages, str(path)], capture_output=True, text=True,
                         check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def page_sizes(path: Path, pages: int) -> list[str]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(path)], capture_output=True, text=True,
                         check=True).stdout
    return re.findall(r"Page\s+\d+ size:\s+([\d.]+ x [\d.]+)", out)


def report_id(session, code: str, year: int) -> int:
    return session.scalar(select(Report.id).join(Park).where(Park.code == code, Report.year == year))


@pytest.fixture(scope="module")
def workspace_file(demo_master, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "demo.sqlite"
    shutil.copy2(demo_master, path)
    return path


@pytest.fixture(scope="module")
def summaries(workspace_file, tmp_path_factory) -> dict[str, Path]:
    """The 2024 summary of 齐鲁软件园 in Chinese with and without the appendix, and in English."""
    folder = tmp_path_factory.mktemp("summaries")
    paths = {}
    with open_workspace(workspace_file) as workspace, workspace.session() as session:
        rid = report_id(session, "QLRJY", 2024)
        paths["zh"] = write_report_pdf(session, rid, folder / "zh.pdf", fingerprint=FINGERPRINT)
        paths["short"] = write_report_pdf(session, rid, folder / "short.pdf", appendix=False)
        paths["en"] = write_report_pdf(session, rid, folder / "en.pdf", lang="en")
    return paths


def test_every_font_is_embedded_as_a_subset_with_tounicode(summaries):
    for path in summaries.values():
        fonts = pdffonts(path)
        assert fonts, "the PDF has no fonts at all"
        for name, *_, emb, sub, uni, _obj, _gen in fonts:
            assert (emb, sub, uni) == ("yes", "yes", "yes"), name
            assert re.match(r"[A-Z]{6}\+", name) and "STSong" not in name


def test_chinese_text_comes_back_exactly(summaries, workspace_file):
    body = pdftotext(summaries["zh"])
    for heading in ("齐鲁软件园", "2024 年度建设发展报告", "基本信息", "发展定位", "指标", "产业链全景图",
                    "产业发展路径图", "重点企业、配套企业名录", "建设要求自评", "公共服务平台", "校验情况"):
        assert heading in body, heading
    for indicator in ("园区企业数量", "产业规模", "服务出口占外贸出口比重", "“专精特新”企业数量"):
        assert indicator in body, indicator
    assert "济南高新区齐鲁软件园发展中心" in body and "争创一流类" in body and "高新区(Z01)" in body
    with open_workspace(workspace_file) as workspace, workspace.session() as session:
        rid = report_id(session, "QLRJY", 2024)
        names = session.scalars(text("SELECT name FROM enterprises WHERE report_id = :r ORDER BY id"), {"r": rid}).all()
        links = session.scalars(text("SELECT l.name FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id "
                                     "WHERE s.report_id = :r"), {"r": rid}).all()
    assert len(names) == 300
    missing = [name for name in names if name not in body]
    assert missing == []
    assert all(link in body for link in links)


def test_every_page_says_page_x_of_y(summaries):
    path = summaries["zh"]
    pages = int(pdfinfo(path)["Pages"])
    assert pages > 5
    for page in (1, 2, pages):  # poppler infers spaces from glyph gaps, so compare without them
        assert f"第{page}页/共{pages}页" in pdftotext(path, page, page).replace(" ", "")
    assert f"Page1of{pdfinfo(summaries['en'])['Pages']}" in pdftotext(summaries["en"], 1, 1).replace(" ", "")


def test_metadata_names_the_park_its_operator_and_the_plan(summaries):
    info = pdfinfo(summaries["zh"])
    assert info["Title"] == "齐鲁软件园 2024 年度建设发展报告"
    assert info["Author"] == "济南高新区齐鲁软件园发展中心"
    assert "年度报告摘要" in info["Subject"] and "三年建设提升行动计划" in info["Subject"]
    assert "QLRJY" in info["Keywords"] and info["Creator"].startswith("parkdesk")
    assert pdfinfo(summaries["en"])["Title"] == "齐鲁软件园 Annual report 2024"


def test_the_appendix_is_landscape_with_the_column_header_on_every_page(summaries):
    path = summaries["zh"]
    pages = int(pdfinfo(path)["Pages"])
    sizes = page_sizes(path, pages)
    assert sizes[0].startswith("595.") and sizes[-1].startswith("841.")
    landscape = [number for number, size in enumerate(sizes, start=1) if size.startswith("841.")]
    assert len(landscape) >= 5 and landscape == list(range(landscape[0], pages + 1))
    for page in landscape:
        page_text = pdftotext(path, page, page)
        assert "统一社会信用代码" in page_text and "附录:重点企业、配套企业名录(共 300 家)" in page_text
    assert "\n300\n" in pdftotext(path, pages, pages) or " 300 " in pdftotext(path, pages, pages)


def test_without_the_appendix_the_summary_is_shorter_and_portrait(summaries):
    full, short = int(pdfinfo(summaries["zh"])["Pages"]), int(pdfinfo(summaries["short"])["Pages"])
    assert short < full - 4
    assert all(size.startswith("595.") for size in page_sizes(summaries["short"], short))
    body = pdftotext(summaries["short"])
    assert "本摘要未附完整名录" in body and "名录共 300 家企业" in body and "统一社会信用代码" not in body


def test_cover_labels_the_fingerprint_it_shows(summaries):
    """Given the signer's certificate fingerprint (a package's summary), the cover says that is what it shows."""
    cover = pdftotext(summaries["zh"], 1, 1)
    assert "签名证书指纹" in cover and FINGERPRINT[:32] in cover.replace("\n", "")
    assert "报送包指纹" not in cover and "扫码核对签名证书指纹" in cover
    assert "尚未打包报送" in pdftotext(summaries["short"], 1, 1)


def test_a_standalone_summary_of_a_packaged_report_shows_the_package_sha256(workspace_file, tmp_path):
    """A report packaged in this workspace: its summary gives the package file's SHA-256 and the signer's
    certificate, not 尚未打包报送; a report sent whose package this workspace never saw says so."""
    from package_kit import build, district_authority, operator_issued_by
    from parkdesk.packages.build import Signer

    workspace = tmp_path / "ws.sqlite"
    shutil.copy2(workspace_file, workspace)
    district = district_authority()
    operator = operator_issued_by(district)
    built = build(workspace, tmp_path / "p.parkpkg", Signer(operator.key, operator.cert, [district.cert]),
                  year=2023, with_documents=False)
    with open_workspace(workspace) as ws, ws.session() as session:
        packaged = write_report_pdf(session, report_id(session, "QLRJY", 2023), tmp_path / "packaged.pdf",
                                    appendix=False)
        unknown = write_report_pdf(session, report_id(session, "GJWHCK", 2023), tmp_path / "unknown.pdf",
                                   appendix=False)
    cover = pdftotext(packaged, 1, 1).replace("\n", "")
    assert "报送包 SHA-256" in cover and built.sha256 in cover.replace(" ", "")
    assert "签名证书指纹" in cover and "尚未打包报送" not in cover
    assert "本工作区没有该年报数据包的记录" in pdftotext(unknown, 1, 1)


def test_english_summary_keeps_the_chinese_names(summaries):
    body = pdftotext(summaries["en"])
    for expected in ("Basic information", "Indicators", "Target industry-chain panorama", "齐鲁软件园", "云计算",
                     "Key and supporting enterprise list", "Striving for first-class"):
        assert expected in body, expected


def test_pages_render_with_ink(summaries, tmp_path):
    """Rasterised, the cover and an appendix page are not blank (the font really draws)."""
    from PIL import Image

    pages = int(pdfinfo(summaries["zh"])["Pages"])
    for page in (1, pages):
        prefix = tmp_path / f"page{page}"
        subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), "-png",
                        str(summaries["zh"]), str(prefix)], check=True)
        histogram = Image.open(next(tmp_path.glob(f"page{page}*.png"))).convert("L").histogram()
        inked = sum(histogram[:200])
        assert inked > 5000, page  # a blank A4 page at 50 dpi is 242,190 white pixels


def test_validation_lists_errors_and_the_justified_warning(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace:
        with workspace.session() as session, session.begin():
            rid = report_id(session, "SDYYFW", 2024)
            justify(session, session.get(Report, rid), "PLAN-DOUBLING", "*", "园区面积受限,目标经区政府批准下调", "tester")
        with workspace.session() as session:
            path = write_report_pdf(session, rid, tmp_path / "flawed.pdf", appendix=False)
    body = pdftotext(path).replace("\n", "")
    assert "ENT-DUP-USCC" in body and "ENT-USCC-CHECK" in body and "MS-IN-STAGE" in body
    assert "园区面积受限,目标经区政府批准下调" in body
    assert "已说明理由 1 个" in body


def test_progress_reaches_the_end_and_cancelling_leaves_no_file(demo_path, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.pdf"
    calls: list[tuple[int, int]] = []
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = report_id(session, "QLRJY", 2024)
        write_report_pdf(session, rid, target, progress=lambda done, total: calls.append((done, total)) or True)
        assert target.exists() and calls[-1][0] == calls[-1][1] > 3
        assert [done for done, _ in calls] == sorted(done for done, _ in calls)
        target.write_bytes(b"the previous export")
        with pytest.raises(Cancelled) as info:
            write_report_pdf(session, rid, target, progress=lambda done, total: done < 3)
    assert "已取消" in info.value.message("zh") and "cancelled" in info.value.message("en")
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in folder.iterdir()) == ["out.pdf"]  # no temporary file left behind


def test_unknown_report_is_a_clear_error(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        with pytest.raises(ParkdeskError) as info:
            write_report_pdf(session, 999_999, tmp_path / "x.pdf")
    assert "999999" in info.value.message("en")
    assert not (tmp_path / "x.pdf").exists()
