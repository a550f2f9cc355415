"""A report change on Qt's undo stack: redo applies it, undo applies its exact inverse.

Each application returns the change as applied (inserted rows with their ids,
deleted rows with a snapshot), so redo after undo recreates the very same
rows and later commands that name them stay right.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class ChangeCommand(QUndoCommand):
    """Pushed only once its change is saved (`applied`): a change that could not be saved makes no undo step."""

    def __init__(self, controller, change, text: str, applied):
        super().__init__(text)
        self.controller = controller
        self.change = change
        self.applied = applied  # the change as last applied
        self.undone = None  # its inverse as last applied
        self._pushing = True  # QUndoStack.push calls redo(): the change is already saved

    def redo(self) -> None:
        if self._pushing:
            self._pushing = False
            return
        source = self.change if self.undone is None else self.undone.inverse()
        applied = self.controller.commit(source)
        if applied is None:  # not saved (locked, disk full, report finalized meanwhile): the step is dropped
            self.setObsolete(True)
            return
        self.applied = applied

    def undo(self) -> None:
        undone = self.controller.commit(self.applied.inverse())
        if undone is None:  # the undo could not be saved: the data is as before, the step is dropped
            self.setObsolete(True)
            return
        self.undone = undone
