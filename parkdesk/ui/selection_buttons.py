"""Buttons that act on the selected rows are enabled only while rows are selected (and the report may change)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractItemView, QPushButton
from shiboken6 import Shiboken


def enable_with_selection(view: QAbstractItemView, buttons: Iterable[QPushButton],
                          allowed: Callable[[], bool] = lambda: True) -> Callable[[], None]:
    """Keep `buttons` enabled exactly while `view` has a selection and `allowed()`; returns the update."""
    buttons = tuple(buttons)

    def update(*_args) -> None:
        if not Shiboken.isValid(view) or not all(Shiboken.isValid(b) for b in buttons):
            return  # a model outliving its view (being torn down) still signals
        selection = view.selectionModel()
        chosen = selection is not None and selection.hasSelection()
        for button in buttons:
            button.setEnabled(chosen and allowed())

    view.selectionModel().selectionChanged.connect(update)
    view.model().modelReset.connect(update)
    view.model().layoutChanged.connect(update)
    update()
    return update
