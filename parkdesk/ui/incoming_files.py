"""Files given to the running window: on its command line, or handed over by a second parkdesk.

A package goes to a reviewer workspace's inbox, a receipt to an operator
workspace; the workspace the window already shows just brings the window
forward. Anything else gets a notice that says where the file belongs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from parkdesk.errors import ParkdeskError
from parkdesk.incoming import IMPORTED_BY_ROLE, NEEDS_ROLE_MESSAGE, PACKAGE, RECEIPT, ROLLUP, incoming_kind
from parkdesk.texts import text


class IncomingFiles(QObject):
    """Takes paths from any thread (`arrived`), and deals with them on the GUI thread."""

    arrived = Signal(list)

    def __init__(self, window, workspace_controller, lang: str):
        super().__init__(window)
        self.window, self.workspaces, self.lang = window, workspace_controller, lang
        self.arrived.connect(self.receive)

    def receive(self, paths: list) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        for path in map(Path, paths):
            self._receive_one(path)

    def _receive_one(self, path: Path) -> None:
        workspace = self.workspaces.workspace
        kind = incoming_kind(path)
        if kind is None:
            if workspace is None or path.resolve() != workspace.path.resolve():
                self.workspaces.open_path(path)
            return
        role = workspace.info().get("role") if workspace is not None else None
        if workspace is None or role != IMPORTED_BY_ROLE[kind]:
            QMessageBox.information(self.window, "parkdesk", text(
                NEEDS_ROLE_MESSAGE[kind], self.lang, path=path,
                workspace=workspace.path if workspace is not None else text("gui.no_last_workspace", self.lang)))
            return
        if kind == PACKAGE:
            self.workspaces.refresh()  # the inbox
            self.workspaces.review.inbox.import_paths([path])
        elif kind == RECEIPT:
            self.workspaces.review.import_receipt(path)
        elif kind == ROLLUP:
            self._import_rollup(workspace, path)

    def _import_rollup(self, workspace, path: Path) -> None:
        from parkdesk.app import rollups
        from parkdesk.review.rollup_import import rollup_result_text

        try:
            result = self.workspaces.runner.write_now(lambda: rollups.import_rollups(workspace, [path])[0])
        except ParkdeskError as error:
            QMessageBox.warning(self.window, "parkdesk", error.message(self.lang))
            return
        self.workspaces.refresh()
        QMessageBox.information(self.window, "parkdesk", rollup_result_text(result, self.lang))
