"""The cover page: what the document is about, its key facts, and the package fingerprint as text and QR code."""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from parkdesk.pdf.blocks import esc, key_value_table, qr_drawing
from parkdesk.pdf.styles import Styles
from parkdesk.pdf.texts import t

QR_SIZE = 34 * mm


def cover(heading: str, title: str, subtitle: str, facts: Sequence[tuple[str, str]], styles: Styles,
          width: float, lang: str = "zh", fingerprint: str | None = None,
          show_fingerprint: bool = True) -> list[Flowable]:
    story: list[Flowable] = [
        Spacer(1, 22 * mm),
        Paragraph(esc(heading), styles.subtitle),
        Paragraph(esc(title), styles.title),
        Paragraph(esc(subtitle), styles.subtitle),
        Spacer(1, 10 * mm),
        key_value_table(facts, styles, width),
        Spacer(1, 10 * mm),
    ]
    if show_fingerprint:
        story.append(_fingerprint_block(fingerprint, styles, width, lang))
    story += [
        Spacer(1, 6 * mm),
        Paragraph(esc(t("generated", lang, when=datetime.now().strftime("%Y-%m-%d %H:%M"))), styles.note),
        PageBreak(),
    ]
    return story


def _fingerprint_block(fingerprint: str | None, styles: Styles, width: float, lang: str) -> Flowable:
    if not fingerprint:
        return key_value_table([(t("fingerprint", lang), t("not_packaged", lang))], styles, width)
    text = [Paragraph(esc(t("fingerprint", lang)), styles.h2),
            Paragraph(esc(fingerprint), styles.body),
            Paragraph(esc(t("qr_caption", lang)), styles.note)]
    table = Table([[text, qr_drawing(fingerprint, QR_SIZE, styles.font)]], colWidths=[width - QR_SIZE - 8 * mm, QR_SIZE + 8 * mm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), styles.font), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table
