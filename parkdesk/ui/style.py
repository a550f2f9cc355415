"""Fonts and a light style sheet shared by every window."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
                "Noto Sans CJK SC", "Source Han Sans SC", "SimHei")

STYLE_SHEET = """
QLabel#heading { font-size: 16pt; font-weight: 600; padding: 4px 0; }
QTableView { gridline-color: #d0d7de; }
QHeaderView::section { padding: 4px 6px; font-weight: 600; }
"""


def apply_style(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSize(10)
            app.setFont(font)
            break
    app.setStyleSheet(STYLE_SHEET)
