"""Shown when no workspace is open: open one, or build the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    open_requested = Signal()
    demo_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to parkdesk"))
        title.setObjectName("heading")
        text = QLabel(self.tr(
            "Annual reports of Jinan's service-trade (outsourcing) parks, offline.\n"
            "Open a workspace file, or start with the demo workspace of the plan's 12 parks."
        ))
        text.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New workspace for my park…"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("Open workspace…"))
        self.demo_button = QPushButton(self.tr("Create demo workspace"))
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, self.new_button, self.open_button, self.demo_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
