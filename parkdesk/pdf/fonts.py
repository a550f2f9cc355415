"""Finding and registering the CJK font that PDFs embed.

Only TrueType-outline fonts can be embedded by reportlab (as a subset with a
ToUnicode map, so text prints the same everywhere and can be copied).
CFF-outline fonts (Noto Sans CJK, Source Han Sans) are refused with a clear
message; reportlab's built-in STSong-Light is never used, because it is not
embedded and prints blank where a viewer lacks Adobe's language pack.

Where the font comes from, first match wins:
  1. the environment variable PARKDESK_PDF_FONT, then the setting `pdf_font`
     (a path, optionally `#N` for the N-th face of a .ttc); a configured font
     that cannot be used is an error, never silently replaced;
  2. a font bundled with the installer in resources/fonts/;
  3. well-known system fonts (Windows, macOS, Linux), then fontconfig.

Behind the main font stand fallback faces for the characters it lacks (see
parkdesk.pdf.fallback_font): the other fonts bundled in resources/fonts/ (the
installer ships WenQuanYi Zen Hei, which has CJK Ext-A such as 䶮), then
well-known system fonts with wide coverage (Zen Hei, HanaMin, SimSun-ExtB,
DejaVu Sans / Segoe UI Symbol for symbols), TrueType outlines only.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from parkdesk.pdf.errors import FontProblem
from parkdesk.pdf.fallback_font import FallbackTTFont
from parkdesk.resources import resource_path

ENV_VAR = "PARKDESK_PDF_FONT"
# characters every summary prints; a font without them is not a Chinese font
REQUIRED_CHARS = "中文第页共园区"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")

_WINDOWS_NAMES = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "Deng.ttf", "simkai.ttf", "simfang.ttf")
_MACOS_PATHS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
)
# fallback faces for what the main font lacks, best first (see fallback_font.py)
_FALLBACK_PATHS = {
    "linux": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
              "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc", "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
              "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
              "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    "darwin": ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf",
               "/System/Library/Fonts/Apple Symbols.ttf"),
    "win": ("simsunb.ttf", "seguisym.ttf", "seguiemj.ttf", "simsun.ttc", "msyh.ttc"),
}
MAX_FALLBACKS = 4
_LINUX_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
)


@dataclass(frozen=True)
class FontFile:
    path: Path
    subfont_index: int = 0
    origin: str = "system"  # env | settings | bundled | system

    def __str__(self) -> str:
        return f"{self.path}#{self.subfont_index}" if self.subfont_index else str(self.path)


@dataclass(frozen=True)
class PdfFont:
    """A registered font: the reportlab name to draw with, and where it came from."""

    name: str
    file: FontFile


# --- reading the font file's table directory -------------------------------------------------------------------------

def outline_kind(path: Path, subfont_index: int = 0) -> str:
    """"truetype" or "cff" for the face's outlines; OSError/ValueError when the file is no font."""
    with open(path, "rb") as handle:
        head = handle.read(12)
        if len(head) < 12:
            raise ValueError("file too short")
        offset = 0
        if head[:4] == b"ttcf":
            count = struct.unpack(">I", head[8:12])[0]
            if not 0 <= subfont_index < count:
                raise ValueError(f"face {subfont_index} not in a collection of {count}")
            handle.seek(12 + 4 * subfont_index)
            offset = struct.unpack(">I", handle.read(4))[0]
            handle.seek(offset)
            head = handle.read(12)
        if head[:4] not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
            raise ValueError("not a TrueType/OpenType font")
        tables = struct.unpack(">H", head[4:6])[0]
        directory = handle.read(16 * tables)
    tags = {directory[i:i + 4] for i in range(0, len(directory), 16)}
    if b"glyf" in tags:
        return "truetype"
    if tags & {b"CFF ", b"CFF2"} or head[:4] == b"OTTO":
        return "cff"
    raise ValueError("no outline table")


# --- where fonts may be ----------------------------------------------------------------------------------------------

def parse_configured(value: str, origin: str) -> FontFile:
    """A configured font: a path, optionally followed by `#N` for the N-th face of a collection."""
    match = re.fullmatch(r"(.+)#(\d+)", value.strip())
    if match and not Path(value).exists():
        return FontFile(Path(match.group(1)).expanduser(), int(match.group(2)), origin)
    return FontFile(Path(value.strip()).expanduser(), 0, origin)


def configured_font() -> FontFile | None:
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return parse_configured(env, "env")
    from parkdesk.settings import load_settings

    setting = (load_settings().pdf_font or "").strip()
    return parse_configured(setting, "settings") if setting else None


def bundled_fonts() -> list[FontFile]:
    folder = resource_path("fonts")
    if not folder.is_dir():
        return []
    return [FontFile(p, 0, "bundled") for p in sorted(folder.iterdir()) if p.suffix.lower() in FONT_SUFFIXES]


def system_candidates() -> list[FontFile]:
    """Well-known CJK font files of this operating system, best first (they may not exist)."""
    paths: list[Path] = []
    if sys.platform.startswith("win"):
        folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        paths = [folder / name for name in _WINDOWS_NAMES for folder in folders]
    elif sys.platform == "darwin":
        paths = [Path(p) for p in _MACOS_PATHS]
        paths += [Path.home() / "Library" / "Fonts" / name for name in ("msyh.ttc", "simhei.ttf", "wqy-microhei.ttc")]
    else:
        paths = [Path(p) for p in _LINUX_PATHS]
    return [FontFile(p) for p in paths]


def fallback_candidates() -> list[FontFile]:
    """Fonts that may stand behind the main one: the bundled ones, then this system's wide-coverage fonts."""
    if sys.platform.startswith("win"):
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        system = [folder / name for name in _FALLBACK_PATHS["win"]]
    else:
        system = [Path(p) for p in _FALLBACK_PATHS["darwin" if sys.platform == "darwin" else "linux"]]
    return bundled_fonts() + [FontFile(path) for path in system]


def fontconfig_candidates() -> list[FontFile]:
    """Chinese fonts fontconfig knows about, where `fc-list` exists (Linux, some macOS)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh", "--format", "%{file}#%{index}\\n"], capture_output=True,
                             text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in sorted(out.splitlines()):
        match = re.fullmatch(r"(.+)#(\d+)", line.strip())
        if match and match.group(1).lower().endswith(FONT_SUFFIXES):
            found.append(FontFile(Path(match.group(1)), int(match.group(2))))
    return found


# --- choosing and registering ----------------------------------------------------------------------------------------

def _problem(font: FontFile) -> FontProblem | None:
    """Why `font` cannot be used, or None when it can (the reportlab font is not loaded here)."""
    if not font.path.is_file():
        return FontProblem("pdf.font_missing", path=font.path, origin=_origin_text(font.origin))
    try:
        kind = outline_kind(font.path, font.subfont_index)
    except (OSError, ValueError) as error:
        return FontProblem("pdf.font_unreadable", path=font, reason=error)
    if kind == "cff":
        return FontProblem("pdf.font_cff", path=font)
    return None


def _origin_text(origin: str) -> str:
    return {"env": ENV_VAR, "settings": "pdf_font"}.get(origin, origin)


_registered: dict[tuple[str, int, float], str] = {}  # font file version → reportlab font name
_fallbacks: dict[tuple[str, int, float], TTFont] = {}  # fallback font file version → its loaded font


def register(font: FontFile) -> PdfFont:
    """Load the font into reportlab once (per file version) and check that it has Chinese glyphs."""
    problem = _problem(font)
    if problem is not None:
        raise problem
    key = (str(font.path.resolve()), font.subfont_index, font.path.stat().st_mtime)
    if key in _registered:
        return PdfFont(_registered[key], font)
    name = "ParkdeskCJK-" + hashlib.sha1(repr(key).encode()).hexdigest()[:10]
    ttf = _load(FallbackTTFont, name, font)
    missing = [c for c in REQUIRED_CHARS if ord(c) not in ttf.face.charToGlyph]
    if missing:
        raise FontProblem("pdf.font_no_cjk", path=font, missing="".join(missing))
    ttf.set_fallbacks(fallback_fonts(font))
    pdfmetrics.registerFont(ttf)
    _registered[key] = name
    return PdfFont(name, font)


def _load(kind: type[TTFont], name: str, font: FontFile) -> TTFont:
    try:
        return kind(name, str(font.path), subfontIndex=font.subfont_index)
    except (TTFError, OSError, ValueError, struct.error) as error:
        if "postscript outlines" in str(error).lower():
            raise FontProblem("pdf.font_cff", path=font) from error
        raise FontProblem("pdf.font_unreadable", path=font, reason=error) from error


def fallback_fonts(main: FontFile) -> list[TTFont]:
    """Up to MAX_FALLBACKS usable TrueType faces other than `main`, loaded and registered (once per process)."""
    found: list[TTFont] = []
    seen = {(str(main.path.resolve()), main.subfont_index)}
    for candidate in fallback_candidates():
        if len(found) == MAX_FALLBACKS:
            break
        if not candidate.path.is_file() or _problem(candidate) is not None:
            continue
        marker = (str(candidate.path.resolve()), candidate.subfont_index)
        if marker in seen:
            continue
        seen.add(marker)
        key = (*marker, candidate.path.stat().st_mtime)
        if key not in _fallbacks:
            name = "ParkdeskFallback-" + hashlib.sha1(repr(key).encode()).hexdigest()[:10]
            try:
                _fallbacks[key] = _load(TTFont, name, candidate)
            except FontProblem:
                continue
            pdfmetrics.registerFont(_fallbacks[key])
        found.append(_fallbacks[key])
    return found


def find_pdf_font() -> PdfFont:
    """The CJK font for PDFs: the configured one, else the first usable bundled or system font."""
    configured = configured_font()
    if configured is not None:
        return register(configured)
    searched: list[str] = []
    seen: set[tuple[str, int]] = set()
    for group in (bundled_fonts, system_candidates, fontconfig_candidates):
        for candidate in group():
            marker = (str(candidate.path), candidate.subfont_index)
            if marker in seen:
                continue
            seen.add(marker)
            searched.append(str(candidate))
            if not candidate.path.is_file():
                continue
            try:
                return register(candidate)
            except FontProblem:
                continue
    shown = "; ".join(searched[:8]) + (f" … (+{len(searched) - 8})" if len(searched) > 8 else "")
    raise FontProblem("pdf.font_none", searched=shown or "-")
