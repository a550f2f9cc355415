"""Choosing the PDF font: TrueType outlines only, configured path first, clear errors, never a blank PDF."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.pdf import fonts
from parkdesk.pdf.errors import FontProblem
from parkdesk.pdf.report_pdf import write_report_pdf
from parkdesk.settings import Settings, save_settings

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_wqy = pytest.mark.needs_file(WQY, "fonts-wqy-microhei")


def sfnt(version: bytes, tags: list[bytes]) -> bytes:
    """A font header with a table directory (enough for the outline check; the tables themselves are absent)."""
    head = version + struct.pack(">HHHH", len(tags), 0, 0, 0)
    return head + b"".join(tag + struct.pack(">III", 0, 0, 0) for tag in tags)


def cff_collection() -> bytes:
    """A .ttc whose only face has CFF outlines, like NotoSansCJK-Regular.ttc."""
    face = sfnt(b"OTTO", [b"CFF ", b"cmap", b"head"])
    return b"ttcf" + struct.pack(">HHI", 1, 0, 1) + struct.pack(">I", 16) + face


@pytest.fixture
def no_system_fonts(monkeypatch):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "bundled_fonts", lambda: [])
    monkeypatch.setattr(fonts, "system_candidates", lambda: [])
    monkeypatch.setattr(fonts, "fontconfig_candidates", lambda: [])


def test_outline_kinds(tmp_path):
    otf = tmp_path / "NotoSansCJKsc-Regular.otf"
    otf.write_bytes(sfnt(b"OTTO", [b"CFF ", b"cmap"]))
    ttc = tmp_path / "NotoSansCJK-Regular.ttc"
    ttc.write_bytes(cff_collection())
    ttf = tmp_path / "fake.ttf"
    ttf.write_bytes(sfnt(b"\x00\x01\x00\x00", [b"cmap", b"glyf", b"loca"]))
    assert fonts.outline_kind(otf) == "cff"
    assert fonts.outline_kind(ttc) == "cff"
    assert fonts.outline_kind(ttf) == "truetype"
    with pytest.raises(ValueError):
        fonts.outline_kind(ttc, subfont_index=3)
    (tmp_path / "notes.txt").write_text("not a font at all")
    with pytest.raises(ValueError):
        fonts.outline_kind(tmp_path / "notes.txt")


@needs_wqy
def test_wenquanyi_is_found_on_this_machine(monkeypatch):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "bundled_fonts", lambda: [])
    font = fonts.find_pdf_font()
    assert fonts.outline_kind(font.file.path, font.file.subfont_index) == "truetype"
    assert font.file.origin == "system"


@needs_wqy
def test_a_bundled_font_comes_before_system_fonts(monkeypatch, tmp_path):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    (tmp_path / "fonts").mkdir()
    shutil.copy(WQY, tmp_path / "fonts" / "bundled-cjk.ttc")
    (tmp_path / "fonts" / "README.md").write_text("not a font")
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    font = fonts.find_pdf_font()
    assert font.file.origin == "bundled" and font.file.path.name == "bundled-cjk.ttc"


def test_no_usable_font_is_a_clear_error_and_writes_nothing(no_system_fonts, demo_path, tmp_path):
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
        with pytest.raises(FontProblem) as info:
            write_report_pdf(session, rid, target)
    assert "fonts-wqy-microhei" in info.value.message("zh") and "找不到" in info.value.message("zh")
    assert "No Chinese font" in info.value.message("en") and "PARKDESK_PDF_FONT" in info.value.message("en")
    assert info.value.exit_code == 2
    assert list(target.parent.iterdir()) == []


def test_cff_outline_fonts_are_refused_with_the_reason(monkeypatch, no_system_fonts, tmp_path):
    noto = tmp_path / "NotoSansCJK-Regular.ttc"
    noto.write_bytes(cff_collection())
    monkeypatch.setenv(fonts.ENV_VAR, str(noto))
    with pytest.raises(FontProblem) as info:
        fonts.find_pdf_font()
    assert info.value.message_key == "pdf.font_cff"
    assert "CFF" in info.value.message("zh") and "TrueType" in info.value.message("en")


def test_a_cff_system_font_is_skipped_not_fatal(monkeypatch, no_system_fonts, tmp_path):
    noto = tmp_path / "NotoSansCJK-Regular.ttc"
    noto.write_bytes(cff_collection())
    monkeypatch.setattr(fonts, "system_candidates", lambda: [fonts.FontFile(noto)])
    with pytest.raises(FontProblem) as info:
        fonts.find_pdf_font()
    assert info.value.message_key == "pdf.font_none" and str(noto) in info.value.message("en")


def test_a_missing_configured_font_is_an_error_not_a_silent_fallback(monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "msyh.ttc"))
    with pytest.raises(FontProblem) as info:
        fonts.find_pdf_font()
    assert info.value.message_key == "pdf.font_missing" and "PARKDESK_PDF_FONT" in info.value.message("en")


@pytest.mark.needs_file(DEJAVU, "fonts-dejavu-core")
def test_a_font_without_chinese_glyphs_is_refused(monkeypatch):
    monkeypatch.setenv(fonts.ENV_VAR, str(DEJAVU))
    with pytest.raises(FontProblem) as info:
        fonts.find_pdf_font()
    assert info.value.message_key == "pdf.font_no_cjk" and "中" in info.value.message("zh")


@needs_wqy
def test_the_setting_names_a_face_of_a_collection(monkeypatch, no_system_fonts):
    save_settings(Settings(pdf_font=f"{WQY}#1"))
    font = fonts.find_pdf_font()
    assert font.file == fonts.FontFile(WQY, 1, "settings")
    monkeypatch.setenv(fonts.ENV_VAR, str(WQY))  # the environment wins over the setting
    assert fonts.find_pdf_font().file == fonts.FontFile(WQY, 0, "env")


def test_stsong_is_never_used():
    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(fonts.__file__).parent.glob("*.py"))
    assert "UnicodeCIDFont" not in source and "STSong-Light'" not in source and 'STSong-Light"' not in source
