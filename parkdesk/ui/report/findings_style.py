"""How findings look in cells and lists: one colour per severity; a district's comment is marked the same way,
in blue, where it was made."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from parkdesk.texts import text
from parkdesk.validation.findings import ERROR, WARNING, Location

COMMENT = "comment"  # not a finding's severity: the mark of a district's comment
CELL_BACKGROUND = {ERROR: QColor("#fde2e1"), WARNING: QColor("#fff4cc"), COMMENT: QColor("#dcebfb")}
MARK_COLOUR = {ERROR: QColor("#c62828"), WARNING: QColor("#b26a00"), COMMENT: QColor("#1565c0")}


@dataclass(frozen=True)
class CommentMark:
    """A district's comment shown where it was made, alongside the findings (same index, its own colour)."""

    location: Location
    said: str
    author: str
    severity: str = COMMENT

    def message(self, lang: str = "zh") -> str:
        return text("review.comment_mark", lang, text=self.said, author=self.author)


def worst_mark(found) -> str | None:
    """The colour a cell takes: its worst finding's, else a comment's."""
    from parkdesk.validation.finding_index import FindingIndex

    return FindingIndex.worst(found) or (COMMENT if any(f.severity == COMMENT for f in found) else None)


def tooltip(findings, lang: str) -> str:
    return "\n".join(f"• {finding.message(lang)}" for finding in findings)
