"""File dialogs that start where the user works: the folder last chosen, else the open workspace's folder.

Every file dialog of the window goes through these (never the program's own folder, which is where
Qt starts when given no folder).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from parkdesk.ui.qt_settings import window_settings

LAST_FOLDER = "file_dialogs/last_folder"
_workspace_folder: Path | None = None


def use_workspace_folder(workspace_path: Path) -> None:
    """The folder dialogs start in until the user chooses another."""
    global _workspace_folder
    _workspace_folder = Path(workspace_path).parent


def start_folder() -> Path:
    last = window_settings().value(LAST_FOLDER)
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    if _workspace_folder is not None and _workspace_folder.is_dir():
        return _workspace_folder
    return Path.home()


def _remember(folder: Path) -> None:
    window_settings().setValue(LAST_FOLDER, str(folder))


def save_file(parent, title: str, name: str, name_filter: str) -> Path | None:
    """Where to write a new file, `name` suggested in the start folder; None when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), name_filter)
    if not chosen:
        return None
    _remember(Path(chosen).parent)
    return Path(chosen)


def open_file(parent, title: str, name_filter: str = "") -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), name_filter)
    if not chosen:
        return None
    _remember(Path(chosen).parent)
    return Path(chosen)


def open_files(parent, title: str, name_filter: str = "") -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), name_filter)
    if chosen:
        _remember(Path(chosen[0]).parent)
    return [Path(path) for path in chosen]


def existing_folder(parent, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    if not chosen:
        return None
    _remember(Path(chosen))
    return Path(chosen)
