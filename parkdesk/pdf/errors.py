"""Errors of the PDF writers."""

from __future__ import annotations

from parkdesk.errors import ParkdeskError


class FontProblem(ParkdeskError):
    """No usable CJK font, or the one configured cannot be used (exit 2)."""


class Cancelled(ParkdeskError):
    """The user cancelled a long export; nothing was written."""
