"""收件箱: every package received, verified on import, with who signed it and what was found."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from parkdesk.app import review
from parkdesk.review.inbox import package_files
from parkdesk.ui.file_dialogs import existing_folder, open_files
from parkdesk.ui.identity_dialog import PassphraseDialog
from parkdesk.ui.jobs import Job, JobRunner

ENCRYPTED_SUFFIX = ".p7m"


class InboxView(QWidget):
    open_requested = Signal(int, int)  # report id, inbox entry id
    message = Signal(str)

    def __init__(self, workspace, lang: str, runner: JobRunner, parent=None):
        super().__init__(parent)
        self.workspace, self.lang, self.runner = workspace, lang, runner
        self.setAcceptDrops(True)
        heading = QLabel(self.tr("Inbox — packages received (drop files or folders here)"))
        heading.setObjectName("heading")
        self.table = QTableWidget(0, 10)
        self.table.setObjectName("inbox")
        self.table.setHorizontalHeaderLabels([
            self.tr("Park"), self.tr("Year"), self.tr("Signer"), self.tr("Signer's SHA-256 fingerprint"),
            self.tr("Verification"), self.tr("Review state"), self.tr("Errors"), self.tr("Warnings"),
            self.tr("Received"), self.tr("File")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))
        self.import_button = QPushButton(self.tr("Import packages…"))
        self.import_button.setObjectName("button_import_packages")
        self.folder_button = QPushButton(self.tr("Import a folder…"))
        self.open_button = QPushButton(self.tr("Review"))
        self.open_button.setObjectName("button_review")
        self.import_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        buttons = QHBoxLayout()
        for button in (self.import_button, self.folder_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.rows = []
        self.reload()

    def reload(self) -> None:
        self.rows = review.inbox(self.workspace)
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            verified = self.tr("✔ genuine and unchanged") if row.verified else "✘ " + row.reason(self.lang)
            superseded = row.superseded_by_id is not None
            values = [row.park_name or "—", str(row.year or "—"), row.signer or "—", row.signer_fingerprint or "—",
                      verified, row.state_text(self.lang) + (self.tr(" (superseded)") if superseded else ""),
                      str(row.errors) if row.verified else "—", str(row.warnings) if row.verified else "—",
                      row.received_at.strftime("%Y-%m-%d %H:%M"), row.file_name]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 4:
                    item.setForeground(QColor("#2e7d32" if row.verified else "#c62828"))
                if superseded:
                    item.setForeground(QColor("#9e9e9e"))
                self.table.setItem(number, column, item)

    def open_row(self, row: int) -> bool:
        if 0 <= row < len(self.rows) and not self.rows[row].verified:
            self.show_refusal(self.rows[row])
            return False
        if not 0 <= row < len(self.rows) or self.rows[row].report_id is None:
            self.message.emit(self.tr("This entry holds no report to review (rejected or superseded)."))
            return False
        self.open_requested.emit(self.rows[row].report_id, self.rows[row].entry_id)
        return True

    def show_refusal(self, row) -> None:
        """A refused file: what failed, in which file, which certificate, and what to do — in words."""
        lines = [row.reason(self.lang), "",
                 self.tr("File: %1").replace("%1", row.file_name),
                 self.tr("Received: %1").replace("%1", row.received_at.strftime("%Y-%m-%d %H:%M"))]
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

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
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
