"""Beside a resubmitted report: what the park changed since the package it replaced (fields, rows added,
removed, changed), each opening its place, and what the district had said on the replaced package."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from parkdesk.forms.sections import SECTION_BY_KEY
from parkdesk.reference.choices import label_of
from parkdesk.review.states import REVIEW_STATES
from parkdesk.texts import text
from parkdesk.ui.review.review_panel import CommentList
from parkdesk.validation.findings import Location


class ResubmissionPanel(QWidget):
    location_chosen = Signal(object)  # a Location of the report shown
    previous_requested = Signal(int)  # the replaced package's entry, to open read-only

    def __init__(self, resubmission, local_ids: dict, lang: str, parent=None):
        """`local_ids`: {record: {package id: this workspace's id}} of the report shown."""
        super().__init__(parent)
        self.resubmission, self.lang = resubmission, lang
        summary = QLabel(text("review.resubmitted", lang, file=resubmission.previous_file,
                              state=label_of(REVIEW_STATES, resubmission.previous_state, lang),
                              count=len(resubmission.changes)))
        summary.setWordWrap(True)
        self.open_previous = QPushButton(self.tr("Open the replaced package…"))
        self.open_previous.setObjectName("button_open_previous_package")
        self.open_previous.setToolTip(self.tr("The package it replaced, read-only, as it was received"))
        self.open_previous.clicked.connect(lambda: self.previous_requested.emit(resubmission.previous_entry_id))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("resubmission_changes")
        self.table.setHorizontalHeaderLabels([self.tr("Change"), self.tr("Where"), self.tr("Field"),
                                              self.tr("Before"), self.tr("Now")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.locations: list[Location] = []
        for change in resubmission.changes:
            local = local_ids.get(change.record, {}).get(change.record_id) if change.record_id is not None else None
            where = " › ".join(p for p in (SECTION_BY_KEY[change.section].text(lang), change.row) if p)
            for field in change.fields or (None,):
                row = self.table.rowCount()
                self.table.insertRow(row)
                cells = (text(f"review.change.{change.kind}", lang), where, field.label if field else "",
                         (field.before or "—") if field else "", (field.after or "—") if field else "")
                for column, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value)
                    self.table.setItem(row, column, item)
                self.locations.append(Location(change.section, change.record if local else None, local,
                                               field.field if field and local else None, change.row or None))
        self.table.itemClicked.connect(lambda item: self.location_chosen.emit(self.locations[item.row()]))
        self.previous_comments = CommentList(lang)
        self.previous_comments.show_comments(resubmission.previous_comments)
        self.local_ids = local_ids
        self.previous_comments.comment_activated.connect(lambda where: self.location_chosen.emit(self._local(where)))
        comments_box = QWidget()
        comments_layout = QVBoxLayout(comments_box)
        comments_layout.setContentsMargins(0, 0, 0, 0)
        comments_layout.addWidget(QLabel(text("review.previous_comments", lang)))
        comments_layout.addWidget(self.previous_comments, 1)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.table)
        body.addWidget(comments_box)
        body.setSizes([720, 240])
        top = QHBoxLayout()
        top.addWidget(summary, 1)
        top.addWidget(self.open_previous)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(body, 1)

    def _local(self, location: Location) -> Location:
        """A comment on the replaced package, at the same row of the report shown (the operator's ids match)."""
        if location.record is None or location.record_id is None:
            return location
        local = self.local_ids.get(location.record, {}).get(location.record_id)
        return Location(location.section, location.record if local else None, local,
                        location.field if local else None, location.row_label)
