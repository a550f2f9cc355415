"""Text widths estimated without a font engine, and line wrapping that knows CJK.

Widths are in ems and err on the wide side: CJK (and East Asian ambiguous) characters take a full
em; Latin classes take at least the advance of WenQuanYi Micro Hei, Microsoft YaHei or PingFang,
so text laid out with these estimates fits when drawn with any of them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

BOLD_FACTOR = 1.06  # synthetic or real bold runs a little wider
ELLIPSIS = "…"  # after CJK text; Latin text gets three dots (CJK fonts centre "…" vertically)
LATIN_ELLIPSIS = "..."

_NARROW = set("ijl.,:;'!|I`")
_MEDIUM = set("frt()[]{}-/\\\"J*^_ ")
_WIDE = set("mwMW@%&")
# A line may not start with closing punctuation nor end with opening punctuation (kinsoku).
_CLOSING = set(",.;:?!)]}%…、,。;:?!)》」』】〕’”·")
_OPENING = set("([{《「『【〔‘“(")


@lru_cache(maxsize=4096)
def char_em(ch: str) -> float:
    """The estimated advance of one character, in ems."""
    if ch == " ":
        return 0.28
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0
    if unicodedata.combining(ch):
        return 0.0
    if ch in _NARROW:
        return 0.30
    if ch in _MEDIUM:
        return 0.42
    if ch in _WIDE:
        return 0.92
    if ch.isupper():
        return 0.75
    return 0.60


def text_width(text: str, font_size: float, bold: bool = False) -> float:
    """Estimated width of `text` in points at `font_size` points."""
    width = sum(char_em(ch) for ch in text) * font_size
    return width * BOLD_FACTOR if bold else width


def wrap_text(text: str, max_width: float, font_size: float, *, bold: bool = False,
              max_lines: int | None = None) -> tuple[str, ...]:
    """Break `text` into lines no wider than `max_width`.

    CJK text breaks between any two characters, other text between words (a word longer than a line
    is cut); whitespace runs collapse. With `max_lines`, the last kept line ends in an ellipsis.
    """
    tokens = _tokens(text)
    lines: list[str] = []
    current = ""
    for token, spaced in tokens:
        candidate = f"{current} {token}" if spaced and current else current + token
        if text_width(candidate, font_size, bold) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for piece in _cut(token, max_width, font_size, bold):
            if current:
                lines.append(current)
            current = piece
    if current or not lines:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ellipsize(lines[-1], max_width, font_size, bold)
    return tuple(lines)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Unbreakable pieces, each with whether whitespace preceded it."""
    raw: list[list] = []  # [text, spaced]
    spaced = False
    word = False  # whether the last token is a Latin word that may grow
    for ch in text:
        if ch.isspace():
            spaced = bool(raw)
            word = False
            continue
        cjk = unicodedata.east_asian_width(ch) in ("W", "F")
        if raw and not spaced and (ch in _CLOSING or raw[-1][0][-1] in _OPENING or (word and not cjk)):
            raw[-1][0] += ch
        else:
            raw.append([ch, spaced])
        word = not cjk and ch not in _CLOSING
        spaced = False
    return [(piece, gap) for piece, gap in raw]


def _cut(token: str, max_width: float, font_size: float, bold: bool) -> list[str]:
    """A token too long for one line, cut character by character (always at least one per line)."""
    pieces: list[str] = []
    current = ""
    for ch in token:
        if current and text_width(current + ch, font_size, bold) > max_width:
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
    return pieces


def _ellipsize(line: str, max_width: float, font_size: float, bold: bool) -> str:
    cjk = bool(line) and unicodedata.east_asian_width(line[-1]) in ("W", "F")
    mark = ELLIPSIS if cjk else LATIN_ELLIPSIS
    while line and text_width(line + mark, font_size, bold) > max_width:
        line = line[:-1]
    return line.rstrip() + mark
