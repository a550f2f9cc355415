"""Writing a story of flowables to a PDF file safely: temp file + rename, progress, cancellation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reportlab.platypus import Flowable, Table

from parkdesk.atomic_files import writing_atomically
from parkdesk.pdf.blocks import ProgressMark
from parkdesk.pdf.errors import Cancelled
from parkdesk.pdf.fallback_font import undrawable
from parkdesk.pdf.metadata import PdfMetadata
from parkdesk.pdf.page_template import SummaryDoc, numbered_canvas
from parkdesk.texts import text

Progress = Callable[[int, int], bool]


class ProgressTracker:
    """Hands out progress marks for a story; a callback answering False cancels the export."""

    def __init__(self, callback: Progress | None, path: Path):
        self.callback, self.path = callback, path
        self.steps = 0

    def mark(self) -> ProgressMark:
        self.steps += 1
        return ProgressMark(self.steps, self.report)

    def report(self, step: int) -> None:
        total = self.steps + 1  # the last step is saving the file
        if self.callback is not None and self.callback(step, total) is False:
            raise Cancelled("pdf.cancelled", path=self.path)


@dataclass
class DocumentSpec:
    """What a PDF holds, apart from its font."""

    story: list[Flowable]
    metadata: PdfMetadata
    header_left: str
    header_right: str
    appendix_header: Table | None = None
    appendix_title: str = ""


@dataclass(frozen=True)
class WrittenPdf:
    pages: int
    undrawable: dict[str, str]  # text (a name, a cell) → the characters in it no font could draw


def write_pdf(path: Path, spec: DocumentSpec, font: str, tracker: ProgressTracker | None = None) -> WrittenPdf:
    """Render `spec` to `path` (never half-written: temp file, then rename)."""
    path = Path(path)
    lang = spec.metadata.lang
    pages: list[int] = []
    with writing_atomically(path) as temp:
        doc = SummaryDoc(str(temp), font=font, header_left=spec.header_left, header_right=spec.header_right,
                         appendix_header=spec.appendix_header, appendix_title=spec.appendix_title,
                         **spec.metadata.doc_kwargs())
        canvas_class = numbered_canvas(font, lambda page, total: text("pdf.page", lang, page=page, pages=total), pages)
        with undrawable() as found:
            doc.build(spec.story, canvasmaker=canvas_class)
        if tracker is not None:
            tracker.report(tracker.steps + 1)
    return WrittenPdf(pages[-1], {words: "".join(sorted(chars)) for words, chars in sorted(found.items())})
