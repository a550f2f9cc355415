"""A report change on Qt's undo stack: redo applies it, undo applies its exact inverse.

Each application returns the change as applied (inserted rows with their ids,
deleted rows with a snapshot), so redo after undo recreates the very same
rows and later commands that name them stay right.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class ChangeCommand(QUndoCommand):
    def __init__(self, controller, change, text: str):
        super().__init__(text)
        self.controller = controller
        self.change = change
        self.applied = None  # the change as last applied
        self.undone = None  # its inverse as last applied

    def redo(self) -> None:
        source = self.change if self.undone is None else self.undone.inverse()
        self.applied = self.controller.commit(source)
        if self.applied is None:  # refused (e.g. the report was finalized meanwhile)
            self.setObsolete(True)

    def undo(self) -> None:
        if self.applied is not None:
            self.undone = self.controller.commit(self.applied.inverse())
