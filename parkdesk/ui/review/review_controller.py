"""Wires the review side into the main window: a reviewer's workspace opens on its inbox;
an operator imports the district's signed receipts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from parkdesk.app import receipts
from parkdesk.db.workspace import ROLE_CITY, ROLE_REVIEWER
from parkdesk.errors import ParkdeskError
from parkdesk.ui.file_dialogs import open_file
from parkdesk.ui.review.inbox_view import InboxView


class ReviewController(QObject):
    def __init__(self, window, workspace_controller, report_opener, lang: str):
        super().__init__(window)
        self.window, self.workspaces, self.opener, self.lang = window, workspace_controller, report_opener, lang
        self.inbox: InboxView | None = None
        self.city_desk = None
        self.receipt_action = QAction(self.tr("Import review &receipt…"), window)
        self.receipt_action.setObjectName("action_import_receipt")
        self.receipt_action.triggered.connect(lambda: self.import_receipt())
        self.inbox_action = QAction(self.tr("&Inbox"), window)
        self.inbox_action.setObjectName("action_inbox")
        self.inbox_action.triggered.connect(self._show_desk)
        self.identities_action = QAction(self.tr("Identities and certificates…"), window)
        self.identities_action.setObjectName("action_desk_identities")
        self.identities_action.triggered.connect(lambda: self.show_identities())
        file_menu = window.menuBar().actions()[0].menu()
        file_menu.insertActions(file_menu.actions()[3], [self.receipt_action, self.inbox_action,
                                                         self.identities_action])
        self.inbox_action.setVisible(False)
        self.identities_action.setVisible(False)
        workspace_controller.shown.connect(self._shown)

    def _shown(self, workspace) -> None:
        role = workspace.info().get("role")
        reviewer = role == ROLE_REVIEWER
        self.inbox_action.setVisible(reviewer or role == ROLE_CITY)
        self.identities_action.setVisible(reviewer or role == ROLE_CITY)  # the operator's sit with the report
        self.inbox_action.setText(self.tr("&Dashboard") if role == ROLE_CITY else self.tr("&Inbox"))
        self.receipt_action.setVisible(role not in (ROLE_REVIEWER, ROLE_CITY))
        if role == ROLE_CITY:
            self._show_city(workspace)
            return
        if not reviewer:
            return
        if self.inbox is not None:
            self.window.pages.removeWidget(self.inbox)
            self.inbox.deleteLater()
        self.inbox = InboxView(workspace, self.lang, self.workspaces.runner)
        self.inbox.open_requested.connect(self.opener.open_report_id)
        self.inbox.message.connect(lambda text: self.window.statusBar().showMessage(text, 15000))
        self.window.pages.addWidget(self.inbox)
        self.window.pages.setCurrentWidget(self.inbox)

    def show_identities(self):
        """The district's (or the city's) identities and trusted certificates; a district issues certificates."""
        from parkdesk.ui.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.workspaces.workspace, self.lang, None, self.window,
                                runner=self.workspaces.runner)
        dialog.open()
        return dialog

    def _show_desk(self) -> None:
        """收件箱 / 看板 from the menu: back to the desk, read afresh, and said with the time."""
        self.opener.close()
        self.workspaces.refresh()
        self.window.statusBar().showMessage(
            self.tr("Shown afresh at %1").replace("%1", QDateTime.currentDateTime().toString("HH:mm:ss")), 8000)

    def _show_city(self, workspace) -> None:
        """The city bureau's workspace opens on its desk: the 1234 goals dashboard, the evaluation, the roll-ups."""
        from parkdesk.ui.city.city_desk import CityDesk

        if self.city_desk is not None and self.city_desk.workspace is workspace:
            self.city_desk.reload()  # back from a report, or shown afresh: the same tab, read again
            self.window.pages.setCurrentWidget(self.city_desk)
            return
        if self.city_desk is not None:
            self.window.pages.removeWidget(self.city_desk)
            self.city_desk.deleteLater()
        self.city_desk = CityDesk(workspace, self.lang)
        self.city_desk.open_requested.connect(self.opener.open_report_id)
        self.window.pages.addWidget(self.city_desk)
        self.window.pages.setCurrentWidget(self.city_desk)

    def import_receipt(self, path: Path | None = None) -> bool:
        workspace = self.workspaces.workspace
        if workspace is None:
            return False
        if path is None:
            chosen = open_file(self.window, self.tr("Import review receipt"),
                               "parkdesk (*.parkreview)")
            if not chosen:
                return False
            path = Path(chosen)
        try:
            imported = self.workspaces.runner.write_now(lambda: receipts.import_receipt(workspace, path))
        except ParkdeskError as error:
            QMessageBox.warning(self.window, self.tr("Import review receipt"), error.message(self.lang))
            return False
        self.workspaces.refresh()
        self.window.statusBar().showMessage(self.tr("Receipt imported: %1").replace("%1", str(imported)), 15000)
        return True
