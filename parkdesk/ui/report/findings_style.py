"""How findings look in cells and lists: one colour per severity."""

from __future__ import annotations

from PySide6.QtGui import QColor

from parkdesk.validation.findings import ERROR, WARNING

CELL_BACKGROUND = {ERROR: QColor("#fde2e1"), WARNING: QColor("#fff4cc")}
MARK_COLOUR = {ERROR: QColor("#c62828"), WARNING: QColor("#b26a00")}


def tooltip(findings, lang: str) -> str:
    return "\n".join(f"• {finding.message(lang)}" for finding in findings)
