"""`write_report_pdf`: the park's annual summary as a PDF file."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from parkdesk.pdf.document import ProgressTracker, write_pdf
from parkdesk.pdf.fonts import find_pdf_font
from parkdesk.pdf.park_report import park_report_spec


def write_report_pdf(session: Session, report_id: int, path: Path, *, lang: str = "zh", appendix: bool = True,
                     fingerprint: str | None = None,
                     progress: Callable[[int, int], bool] | None = None,
                     undrawable: dict[str, str] | None = None) -> Path:
    """Write the summary of report `report_id` to `path` and return it.

    `fingerprint` is the signer certificate's, for the summary a package carries; without it the cover shows
    the SHA-256 of the newest package this workspace built or received of the report, if any.

    `progress(done, total)` is called as the layout advances; returning False
    cancels: `parkdesk.pdf.errors.Cancelled` is raised and no file is left.
    Raises `FontProblem` (no usable CJK font) before reading anything. `undrawable`, when given, receives
    each text holding characters no font (main or fallback) could draw, with those characters.
    """
    path = Path(path)
    font = find_pdf_font()
    tracker = ProgressTracker(progress, path)
    spec = park_report_spec(session, report_id, font.name, lang, appendix=appendix, fingerprint=fingerprint,
                            tracker=tracker)
    written = write_pdf(path, spec, font.name, tracker)
    if undrawable is not None:
        undrawable.update(written.undrawable)
    return path
