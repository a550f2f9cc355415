"""Writing new workbooks with xlsxwriter: never half-written, formats shared, columns wide enough for Chinese."""

from __future__ import annotations

import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import xlsxwriter
import xlsxwriter.exceptions

from parkdesk.atomic_files import writing_atomically
from parkdesk.errors import ParkdeskError

MAX_COLUMN_WIDTH = 60
DATE_FORMAT = "yyyy-mm-dd"


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese character is as wide as two Latin ones."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(texts, minimum: int = 6) -> float:
    return min(max([minimum, *(display_width(str(t)) for t in texts)]) + 2, MAX_COLUMN_WIDTH)


@contextmanager
def new_workbook(path: Path | str, *, constant_memory: bool = False) -> Iterator[xlsxwriter.Workbook]:
    """An xlsxwriter workbook that appears at `path` only once complete (temporary file, then os.replace).

    Text is written as text: nothing that starts with "=" becomes a formula, nothing becomes a link.
    """
    path = Path(path)
    with writing_atomically(path) as temp:
        book = xlsxwriter.Workbook(str(temp), {
            "constant_memory": constant_memory, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "default_date_format": DATE_FORMAT,
        })
        try:
            yield book
            book.close()
        except xlsxwriter.exceptions.FileCreateError as error:
            reason = getattr(error.__context__, "strerror", None) or error
            raise ParkdeskError("cli.write_failed", path=path, reason=reason) from None


class Formats:
    """The few cell formats every workbook here uses."""

    def __init__(self, book: xlsxwriter.Workbook):
        self.header = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True,
                                       "valign": "vcenter"})
        self.required_header = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True,
                                                "valign": "vcenter", "font_color": "#C00000"})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.subtitle = book.add_format({"bold": True, "font_size": 12})
        self.date = book.add_format({"num_format": DATE_FORMAT})
        self.text = book.add_format({"num_format": "@"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.label = book.add_format({"bold": True, "valign": "top"})
        self.required_label = book.add_format({"bold": True, "valign": "top", "font_color": "#C00000"})
