"""`write_district_pdf`: a district's parks and their reports of one year, rolled up, as a PDF file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from parkdesk.pdf.district_summary import district_spec
from parkdesk.pdf.document import write_pdf
from parkdesk.pdf.fonts import find_pdf_font


def write_district_pdf(session: Session, district_code: str, year: int, path: Path, *, lang: str = "zh") -> Path:
    """Write the district summary to `path` and return it; an unknown district code is a ParkdeskError."""
    path = Path(path)
    font = find_pdf_font()
    write_pdf(path, district_spec(session, district_code, year, font.name, lang), font.name)
    return path
