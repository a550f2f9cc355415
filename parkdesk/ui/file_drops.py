"""Files and folders dropped on a view (the inbox, the city's dashboard): the view takes the local paths."""

from __future__ import annotations

from pathlib import Path


class FileDropTarget:
    """Mixin for a QWidget that calls `setAcceptDrops(True)`: dropped local files reach `files_dropped(paths)`."""

    def files_dropped(self, paths: list[Path]) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.files_dropped(paths)
