"""The cover page: what the document is about, its key facts, and what to check its package by (text and QR code).

A summary inside a package cannot hold the package's own SHA-256 (it is part of
what is hashed), so it shows the signer certificate's fingerprint, labelled as
such. A summary written later from a workspace that built or received the
package shows the package file's SHA-256, the figure to compare with the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from parkdesk.pdf.blocks import esc, key_value_table, qr_drawing
from parkdesk.pdf.styles import Styles
from parkdesk.texts import text

QR_SIZE = 34 * mm


@dataclass(frozen=True)
class PackageFingerprints:
    """What the cover can say about the report's package."""

    package_sha256: str | None = None  # the package file's SHA-256, when the workspace knows the package
    signer_fingerprint: str | None = None  # the signer certificate's SHA-256 fingerprint
    submitted: bool = False  # the report was sent, though this workspace holds no record of the package


def cover(heading: str, title: str, subtitle: str, facts: Sequence[tuple[str, str]], styles: Styles,
          width: float, lang: str = "zh", fingerprints: PackageFingerprints | None = None,
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
        story.append(_fingerprint_block(fingerprints or PackageFingerprints(), styles, width, lang))
    story += [
        Spacer(1, 6 * mm),
        Paragraph(esc(text("pdf.generated", lang, when=datetime.now().strftime("%Y-%m-%d %H:%M"))), styles.note),
        PageBreak(),
    ]
    return story


def _fingerprint_block(known: PackageFingerprints, styles: Styles, width: float, lang: str) -> Flowable:
    if known.package_sha256:
        shown, label, caption = known.package_sha256, "pdf.package_sha256", "pdf.package_qr_caption"
    elif known.signer_fingerprint:
        shown, label, caption = known.signer_fingerprint, "pdf.signer_fingerprint", "pdf.signer_qr_caption"
    else:
        state = "pdf.package_unknown" if known.submitted else "pdf.not_packaged"
        return key_value_table([(text("pdf.package_sha256", lang), text(state, lang))], styles, width)
    column = [Paragraph(esc(text(label, lang)), styles.h2), Paragraph(esc(shown), styles.body)]
    if known.package_sha256 and known.signer_fingerprint:
        column.append(
            Paragraph(esc(f"{text('pdf.signer_fingerprint', lang)}: {known.signer_fingerprint}"), styles.note)
        )
    column.append(Paragraph(esc(text(caption, lang)), styles.note))
    if not known.package_sha256:
        column.append(Paragraph(esc(text("pdf.inside_package_note", lang)), styles.note))
    table = Table(
        [[column, qr_drawing(shown, QR_SIZE, styles.font)]], colWidths=[width - QR_SIZE - 8 * mm, QR_SIZE + 8 * mm]
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.font),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
