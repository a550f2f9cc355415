"""收件箱: every package received, verified on import, with who signed it and what was found."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from parkdesk.app import review
from parkdesk.review.inbox import package_files
from parkdesk.ui.file_dialogs import existing_folder, open_files
from parkdesk.ui.file_drops import FileDropTarget
from parkdesk.ui.identity_dialog import PassphraseDialog
from parkdesk.ui.jobs import Job, JobRunner
from parkdesk.review.district_overview import NOT_RECEIVED, PLAN_YEARS, REFUSED_ONLY
from parkdesk.ui.review.rollup_panel import RollupPanel
from parkdesk.ui.selection_buttons import enable_with_selection
from parkdesk.review.times import shown_time

ENCRYPTED_SUFFIX = ".p7m"
COLUMNS = {name: number for number, name in enumerate(
    ("park", "year", "state", "verification", "findings", "signer", "received", "file"))}
STATE_COLOURS = {"received": "#e3f2fd", "has_problems": "#fde2c8", "returned": "#f8d7da", "approved": "#d4edda"}


class InboxView(FileDropTarget, QWidget):
    open_requested = Signal(int, int)  # report id, inbox entry id
    message = Signal(str)

    def __init__(self, workspace, lang: str, runner: JobRunner, parent=None):
        super().__init__(parent)
        self.workspace, self.lang, self.runner = workspace, lang, runner
        self.setAcceptDrops(True)
        heading = QLabel(self.tr("Inbox — packages received (drop files or folders here)"))
        heading.setObjectName("heading")
        self.overview = QTableWidget(0, len(PLAN_YEARS))  # the district's parks × years: who has sent what
        self.overview.setObjectName("district_overview")
        self.overview.setHorizontalHeaderLabels([str(year) for year in PLAN_YEARS])
        self.overview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.overview.setMaximumHeight(170)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("inbox")
        self.table.setHorizontalHeaderLabels([
            self.tr("Park"), self.tr("Year"), self.tr("Review state"), self.tr("Verification"),
            self.tr("Errors / warnings / notes"), self.tr("Signer (fingerprint)"), self.tr("Received"),
            self.tr("File")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))
        self.state_filter = QComboBox()
        self.park_filter = QComboBox()
        self.year_filter = QComboBox()
        for combo in (self.state_filter, self.park_filter, self.year_filter):
            combo.currentIndexChanged.connect(lambda _index: self._apply_filters())
        self.import_button = QPushButton(self.tr("Import packages…"))
        self.import_button.setObjectName("button_import_packages")
        self.folder_button = QPushButton(self.tr("Import a folder…"))
        self.open_button = QPushButton(self.tr("Review"))
        self.open_button.setObjectName("button_review")
        self.import_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        enable_with_selection(self.table, [self.open_button])
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        for combo in (self.state_filter, self.park_filter, self.year_filter):
            filters.addWidget(combo)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.folder_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        packages = QWidget()
        inner = QVBoxLayout(packages)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.overview)
        inner.addLayout(filters)
        inner.addWidget(self.table, 1)
        inner.addLayout(buttons)
        self.rollup = RollupPanel(workspace, lang, runner)
        self.rollup.message.connect(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(packages, self.tr("Packages"))
        self.tabs.addTab(self.rollup, self.tr("Roll-up for the city"))
        self.tabs.currentChanged.connect(lambda index: self.rollup.reload() if index == 1 else None)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.rows = []
        self.reload()

    def reload(self) -> None:
        self.rows = review.inbox(self.workspace)
        self.table.setSortingEnabled(False)  # rows are placed by index while filling
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            verified = self.tr("✔ genuine and unchanged") if row.verified else \
                self.tr("✘ failed verification (double-click for why)")
            superseded = row.superseded_by_id is not None
            findings = f"{row.errors} / {row.warnings} / {row.infos}" if row.verified else "—"
            short = ":".join((row.signer_fingerprint or "").split(":")[:4]) + "…" if row.signer_fingerprint else "—"
            values = [row.park_name or "—", str(row.year or "—"),
                      row.state_text(self.lang) + (self.tr(" (superseded)") if superseded else ""), verified,
                      findings, short, shown_time(row.received_at), row.file_name]
            tips = {COLUMNS["signer"]: f"{row.signer or '—'}\n{row.signer_fingerprint or ''}",
                    COLUMNS["verification"]: verified if row.verified else row.reason(self.lang)}
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(tips.get(column, value))
                item.setData(Qt.ItemDataRole.UserRole, number)  # the entry, wherever sorting puts the row
                if column == COLUMNS["verification"] or (column == COLUMNS["state"] and not row.verified):
                    item.setForeground(QColor("#2e7d32" if row.verified else "#c62828"))
                if superseded:
                    item.setForeground(QColor("#9e9e9e"))
                self.table.setItem(number, column, item)
        self.table.setSortingEnabled(True)
        self._fill_filters()
        self._fill_overview()
        self._apply_filters()

    def entry_at(self, table_row: int):
        """The inbox entry shown in a row of the table (as sorted now)."""
        item = self.table.item(table_row, 0)
        return self.rows[item.data(Qt.ItemDataRole.UserRole)] if item is not None else None

    def _fill_filters(self) -> None:
        choices = (
            (self.state_filter, self.tr("All states"), sorted({(r.state_text(self.lang), r.state_text(self.lang))
                                                               for r in self.rows})),
            (self.park_filter, self.tr("All parks"), sorted({(r.park_name, r.park_name) for r in self.rows
                                                             if r.park_name})),
            (self.year_filter, self.tr("All years"), sorted({(str(r.year), r.year) for r in self.rows if r.year})),
        )
        for combo, everything, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _apply_filters(self) -> None:
        state, park, year = (c.currentData() for c in (self.state_filter, self.park_filter, self.year_filter))
        for table_row in range(self.table.rowCount()):
            entry = self.entry_at(table_row)
            shown = entry is not None and (state is None or entry.state_text(self.lang) == state) and \
                (park is None or entry.park_name == park) and (year is None or entry.year == year)
            self.table.setRowHidden(table_row, not shown)

    def _fill_overview(self) -> None:
        """Each park the district knows × each year: not received, refused, or the review state of its package."""
        lines = review.district_overview(self.workspace, self.rows)
        self.overview.setRowCount(len(lines))
        self.overview.setVerticalHeaderLabels([line.park_name for line in lines])
        for row_number, line in enumerate(lines):
            for column, cell in enumerate(line.cells):
                if cell.kind == NOT_RECEIVED:
                    colour = "#fff3cd"
                elif cell.kind == REFUSED_ONLY:
                    colour = "#f8d7da"
                else:
                    colour = STATE_COLOURS.get(cell.kind, "#ffffff") if cell.standing else "#eeeeee"
                item = QTableWidgetItem(cell.words(self.lang))
                item.setBackground(QColor(colour))
                item.setToolTip(f"{line.park_name}({line.park_code})· {cell.year}")
                self.overview.setItem(row_number, column, item)

    def open_row(self, row: int) -> bool:
        """Open the entry in a row of the table: its report for review, a refused file's reasons, or a package a
        newer one replaced (read-only, in a window of its own)."""
        entry = self.entry_at(row) if 0 <= row < self.table.rowCount() else None
        if entry is not None and not entry.verified:
            self.show_refusal(entry)
            return False
        if entry is not None and entry.report_id is None:  # superseded (or withdrawn): read as it came
            from parkdesk.ui.review.kept_package_window import show_kept_package

            self.kept_window = show_kept_package(self, self.workspace, entry.entry_id, self.lang)
            return self.kept_window is not None
        if entry is None:
            return False
        self.open_requested.emit(entry.report_id, entry.entry_id)
        return True

    def show_refusal(self, row) -> None:
        """A refused file: what failed, in which file, which certificate, and what to do — in words."""
        lines = [row.reason(self.lang), "",
                 self.tr("File: %1").replace("%1", row.file_name),
                 self.tr("Received: %1").replace("%1", shown_time(row.received_at))]
        if row.park_name:
            lines.append(self.tr("Park and year stated: %1 %2").replace("%1", row.park_name)
                         .replace("%2", str(row.year or "—")))
        if row.signer:
            lines.append(self.tr("Signer: %1").replace("%1", row.signer))
        if row.signer_fingerprint:
            lines.append(self.tr("Signer's SHA-256 fingerprint: %1").replace("%1", row.signer_fingerprint))
        lines += ["", self.tr("The file was not imported: nothing of it is in this workspace. When the park sends "
                              "it again, import the new file.")]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Refused: %1").replace("%1", row.file_name),
                          "\n".join(lines), QMessageBox.StandardButton.Close, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    # --- importing -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths = open_files(self, self.tr("Import packages"),
                           "parkdesk (*.parkpkg *.p7m);;* (*)")
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = existing_folder(self, self.tr("Import a folder of packages"))
        if folder:
            self.import_paths([folder])

    def files_dropped(self, paths: list[Path]) -> None:
        self.import_paths(paths)

    def import_paths(self, paths: list[Path], passphrase: bytes | None = None) -> Job | None:
        files = package_files(paths)
        if passphrase is None and any(f.name.endswith(ENCRYPTED_SUFFIX) for f in files):
            dialog = PassphraseDialog(self, self.tr("Passphrase of the district key (encrypted packages)"),
                                      confirm=False)
            if not dialog.exec():
                return None
            passphrase = dialog.passphrase()
        workspace = self.workspace
        job = self.runner.job(self, self.tr("Verifying and importing…"), lambda progress: review.receive_packages(
            workspace, files, passphrase_of=(lambda _name: passphrase) if passphrase else None, progress=progress))
        job.finished.connect(lambda receiving: self._imported(receiving.received))
        job.failed.connect(self.message)
        return job.start()

    def _imported(self, received) -> None:
        self.reload()
        counts: dict[str, int] = {}
        for item in received:
            counts[item.outcome] = counts.get(item.outcome, 0) + 1
        names = {"accepted": self.tr("accepted"), "superseded": self.tr("superseding an older package"),
                 "duplicate": self.tr("already in the inbox"), "rejected": self.tr("rejected")}
        self.message.emit(self.tr("Imported: %1").replace(
            "%1", ", ".join(f"{names.get(k, k)} {v}" for k, v in counts.items())))
