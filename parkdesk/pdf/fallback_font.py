"""One reportlab font that draws what its own face lacks with fallback faces, and notes what none can draw.

reportlab draws a character missing from a TrueType font as nothing at all.
`FallbackTTFont` is the main CJK font, registered under its own name, with
fallback faces behind it (e.g. WenQuanYi Zen Hei for CJK Ext-A such as 䶮,
DejaVu Sans for symbols): a run of characters the main face lacks is measured
and drawn with the first fallback face that has them, embedded as its own
subset with a ToUnicode map. Every piece of text — paragraphs, table cells,
drawings, page headers — goes through the font, so nothing else needs to know.

A character no face has is still drawn as the main face's empty glyph; the
text it was in is noted in the `undrawable()` collector that `write_pdf` opens,
so the export can say which names are affected.

reportlab 5 writes the ToUnicode entry of a character above U+FFFF (CJK Ext-B,
emoji) as five hex digits, which readers take for a different character; the
entries are written as UTF-16 here (`_utf16_to_unicode_cmap`), so such names
copy and search correctly.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont

NOBODY = -1  # the face index of characters no face can draw
MAIN = 0
FACE_SHIFT = 16  # a fallback face's subsets are numbered (face << FACE_SHIFT) | subset

_found: ContextVar[dict[str, set[str]] | None] = ContextVar("parkdesk_undrawable", default=None)


@contextmanager
def undrawable() -> Iterator[dict[str, set[str]]]:
    """Collects, while drawing, text → the characters in it that no face could draw."""
    found: dict[str, set[str]] = {}
    token = _found.set(found)
    try:
        yield found
    finally:
        _found.reset(token)


def uncovered_pattern(char_to_glyph) -> re.Pattern:
    """A regex matching any character the face has no glyph for (one character class of ranges, C speed)."""
    codes = sorted(code for code in char_to_glyph if code > 0)
    ranges, start, previous = [], None, None
    for code in codes:
        if start is None:
            start = previous = code
        elif code == previous + 1:
            previous = code
        else:
            ranges.append((start, previous))
            start = previous = code
    if start is not None:
        ranges.append((start, previous))
    covered = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[^{covered}\\s]" if covered else r"\S")


class FallbackTTFont(TTFont):
    """A TrueType font whose missing characters come from `fallbacks` (other TTFonts), in order."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0, **kwargs):
        super().__init__(name, filename, subfontIndex=subfontIndex, **kwargs)
        self.fallbacks: list[TTFont] = []
        self._uncovered = uncovered_pattern(self.face.charToGlyph)

    def set_fallbacks(self, fallbacks: list[TTFont]) -> None:
        self.fallbacks = list(fallbacks)

    def needs_fallback(self, text: str) -> bool:
        return self._uncovered.search(text) is not None

    def runs(self, text: str) -> list[tuple[int, str]]:
        """(face, characters) runs: MAIN, a fallback's index from 1, or NOBODY."""
        result: list[tuple[int, str]] = []
        main = self.face.charToGlyph
        for char in text:
            code = ord(char)
            if code in main or char.isspace():
                face = MAIN
            else:
                face = next((i for i, font in enumerate(self.fallbacks, 1) if code in font.face.charToGlyph), NOBODY)
            if result and result[-1][0] == face:
                result[-1] = (face, result[-1][1] + char)
            else:
                result.append((face, char))
        return result

    def stringWidth(self, text, size, encoding="utf8"):
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if not self.fallbacks or not self.needs_fallback(text):
            return super().stringWidth(text, size, encoding)
        return sum(self.fallbacks[face - 1].stringWidth(run, size) if face > MAIN
                   else TTFont.stringWidth(self, run, size) for face, run in self.runs(text))

    def splitString(self, text, doc, encoding="utf-8"):
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if not self.needs_fallback(text):
            return super().splitString(text, doc, encoding)
        result = []
        for face, run in self.runs(text):
            if face > MAIN:
                result += [((face << FACE_SHIFT) | subset, chunk)
                           for subset, chunk in self.fallbacks[face - 1].splitString(run, doc)]
                continue
            if face == NOBODY:
                _note(text, run)
            result += super().splitString(run, doc, encoding)
        return result

    def getSubsetInternalName(self, subset, doc):
        face = subset >> FACE_SHIFT
        if face == MAIN:
            return super().getSubsetInternalName(subset, doc)
        return self.fallbacks[face - 1].getSubsetInternalName(subset & ((1 << FACE_SHIFT) - 1), doc)


def _note(text: str, characters: str) -> None:
    found = _found.get()
    if found is not None:
        found.setdefault(text.strip(), set()).update(characters)


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _utf16_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with code points above U+FFFF written as UTF-16 surrogate pairs."""
    cmap = _reportlab_to_unicode_cmap(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            cmap = cmap.replace(f"<{index:02X}> <{code:04X}>",
                                f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>")
    return cmap


ttfonts.makeToUnicodeCMap = _utf16_to_unicode_cmap
