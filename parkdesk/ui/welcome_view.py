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
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # a column of fixed width: a word-wrapped label aligned inside a box layout gets no height for its lines
        column = QWidget()
        column.setFixedWidth(560)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(text)
        for button in (self.new_button, self.open_button, self.demo_button):
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
