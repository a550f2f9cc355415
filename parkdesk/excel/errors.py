"""Errors of the Excel import and export; Label parameters render in the message's language."""

from __future__ import annotations

from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.texts import DEFAULT_LANG, text


class ExcelError(ParkdeskError):
    """The file cannot be read or used (exit 2)."""

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text(self.message_key, lang, **self.params)


class ImportRejected(InputProblem):
    """Rows failed the checks and the import was all or nothing (exit 1): nothing was written."""

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text(self.message_key, lang, **self.params)


class ImportCancelled(ParkdeskError):
    """The person cancelled; nothing was written (exit 1)."""

    exit_code = 1
