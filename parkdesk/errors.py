"""Errors that carry a user-facing message (a key of parkdesk.texts and its parameters) and an exit code."""

from __future__ import annotations

from parkdesk.texts import DEFAULT_LANG, text

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the input was read but has problems
EXIT_UNUSABLE = 2  # the input could not be read or used


class ParkdeskError(Exception):
    """An expected failure the user must be told about, in their language."""

    exit_code = EXIT_UNUSABLE

    def __init__(self, message_key: str, **params):
        self.message_key = message_key
        self.params = params
        super().__init__(self.message())

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text(self.message_key, lang, **self.params)


class WorkspaceError(ParkdeskError):
    """The workspace file cannot be opened or used."""


class InputProblem(ParkdeskError):
    """The input was read but something in it is wrong."""

    exit_code = EXIT_PROBLEMS
