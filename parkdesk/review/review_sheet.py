"""The review sheet (审核单) of one received package, for printing and filing: what was received and from whom,
the validation findings with the park's justifications, the district's comments, the history and the decision.

One set of rows (`review_sheet`) is written as a PDF or as a workbook (whose 审核意见 sheet is the comments'
export); the file appears whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from reportlab.platypus import Paragraph
from sqlalchemy.orm import Session

from parkdesk.atomic_files import writing_atomically
from parkdesk.errors import InputProblem
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.choices import label_of
from parkdesk.review.comments import entry_comments
from parkdesk.review.decisions import review_history
from parkdesk.review.history_words import comment_note
from parkdesk.review.inbox_rows import get_entry, inbox_row
from parkdesk.review.states import ACTION_COMMENT, ACTION_STATE, REVIEW_STATES
from parkdesk.texts import text
from parkdesk.validation.findings import ERROR, INFO, WARNING
from parkdesk.validation.location_text import describe
from parkdesk.review.times import shown_time

Table = tuple[list[str], list[list[str]]]
SEVERITY_KEYS = {ERROR: "sheet.error", WARNING: "sheet.warning", INFO: "sheet.info"}


@dataclass(frozen=True)
class ReviewSheet:
    title: str
    facts: list[tuple[str, str]]
    decision: str  # the state now, with the note of the decision that set it
    findings: Table
    comments: Table
    history: Table


def review_sheet(session: Session, entry_id: int, lang: str = "zh") -> ReviewSheet:
    from parkdesk.validation.engine import validate_report

    entry = get_entry(session, entry_id)
    if not entry.verified:
        raise InputProblem("sheet.refused", entry=entry_id)
    row = inbox_row(session, entry_id)
    facts = [(RECORD_BY_KEY["park"].label.text(lang), f"{row.park_name}({row.park_code})"), (text("sheet.year", lang), str(row.year)),
             (text("sheet.file", lang), row.file_name), (text("sheet.signer", lang), row.signer or "—"),
             (text("sheet.fingerprint", lang), row.signer_fingerprint or "—"),
             (text("sheet.received", lang), f"{shown_time(row.received_at)}  {row.received_by}"),
             (text("sheet.state", lang), row.state_text(lang))]
    history = review_history(session, entry_id)
    decided = next((e for e in reversed(history) if e.action == ACTION_STATE), None)
    decision = row.state_text(lang) + (f"({decided.note})" if decided is not None and decided.note else "")
    findings: list[list[str]] = []
    if entry.report_id is not None:
        result = validate_report(session, entry.report_id)
        findings = [[text(SEVERITY_KEYS.get(f.severity, "sheet.info"), lang), f.location_text(lang), f.message(lang),
                     result.justification(f) or ""] for f in result.findings]
    said = entry_comments(session, entry_id)
    comments = [[describe(c.location, lang), c.text, c.author, shown_time(c.created_at),
                 text("review.sent_with_receipt", lang) if c.sent else ""] for c in said]
    rows = {c.key: c.location.row_label for c in said if c.location.row_label}
    events = [[shown_time(e.at), e.actor, text(f"review.action.{e.action}", lang),
               "" if e.action == ACTION_COMMENT else label_of(REVIEW_STATES, e.state, lang) if e.state else "",
               comment_note(e.note, lang, rows) if e.action == ACTION_COMMENT else (e.note or "")] for e in history]
    return ReviewSheet(
        title=text("sheet.title", lang, park=row.park_name, year=row.year), facts=facts, decision=decision,
        findings=([text(k, lang) for k in ("sheet.severity", "sheet.where", "sheet.finding", "sheet.justification")],
                  findings),
        comments=([text(k, lang) for k in ("sheet.where", "sheet.comment", "sheet.author", "sheet.when",
                                           "sheet.sent")], comments),
        history=([text(k, lang) for k in ("sheet.when", "sheet.actor", "sheet.action", "sheet.state", "sheet.note")],
                 events),
    )


def write_review_sheet(session: Session, entry_id: int, out: Path, lang: str = "zh") -> Path:
    """The sheet as a PDF (`out` ending in .pdf) or a workbook (.xlsx)."""
    sheet = review_sheet(session, entry_id, lang)
    out = Path(out)
    if out.suffix.lower() == ".pdf":
        return _write_pdf(sheet, out, lang)
    return _write_workbook(sheet, out, lang)


def _write_workbook(sheet: ReviewSheet, out: Path, lang: str) -> Path:
    with writing_atomically(out) as temporary:
        book = xlsxwriter.Workbook(str(temporary))
        bold = book.add_format({"bold": True, "bg_color": "#E3F2FD", "border": 1, "text_wrap": True})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        summary = book.add_worksheet(text("sheet.summary", lang))
        summary.write(0, 0, sheet.title, bold)
        for number, (label, value) in enumerate([*sheet.facts, (text("sheet.decision", lang), sheet.decision)],
                                                start=2):
            summary.write(number, 0, label, bold)
            summary.write_string(number, 1, value, wrap)
        summary.set_column(0, 0, 16)
        summary.set_column(1, 1, 80)
        for key, (header, rows), widths in (("sheet.comments", sheet.comments, (40, 60, 16, 17, 14)),
                                            ("sheet.findings", sheet.findings, (10, 40, 60, 40)),
                                            ("sheet.history", sheet.history, (17, 18, 12, 10, 60))):
            page = book.add_worksheet(text(key, lang))
            page.write_row(0, 0, header, bold)
            for number, values in enumerate(rows, start=1):
                for column, value in enumerate(values):
                    page.write_string(number, column, value, wrap)
            for column, width in enumerate(widths):
                page.set_column(column, column, width)
            page.freeze_panes(1, 0)
        book.close()
    return out


def _write_pdf(sheet: ReviewSheet, out: Path, lang: str) -> Path:
    from parkdesk.pdf.blocks import Heading, data_table, esc, key_value_table
    from parkdesk.pdf.document import DocumentSpec, write_pdf
    from parkdesk.pdf.fonts import find_pdf_font
    from parkdesk.pdf.metadata import PdfMetadata
    from parkdesk.pdf.styles import MARGIN, PORTRAIT, make_styles

    font = find_pdf_font()
    styles = make_styles(font.name, lang)
    width = PORTRAIT[0] - 2 * MARGIN
    story = [Heading(sheet.title, styles.h1),
             key_value_table([*sheet.facts, (text("sheet.decision", lang), sheet.decision)], styles, width)]
    for key, (header, rows), shares in (("sheet.findings", sheet.findings, (0.1, 0.3, 0.35, 0.25)),
                                        ("sheet.comments", sheet.comments, (0.26, 0.36, 0.12, 0.14, 0.12)),
                                        ("sheet.history", sheet.history, (0.18, 0.2, 0.12, 0.1, 0.4))):
        story.append(Heading(text(key, lang), styles.h2))
        if not rows:
            story.append(Paragraph(esc(text("sheet.none", lang)), styles.note))
            continue
        story.append(data_table(header, rows, styles, [width * share for share in shares]))
    metadata = PdfMetadata(title=sheet.title, author="parkdesk", subject=text("sheet.subject", lang),
                           keywords=("parkdesk",), lang=lang)
    write_pdf(out, DocumentSpec(story, metadata, header_left=sheet.title, header_right=text("pdf.plan", lang)),
              font.name)
    return out
