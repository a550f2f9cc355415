"""How many cells an .ods sheet asks for once read, known before python-calamine reads it.

OpenDocument compresses repetition into attributes: one cell with
`table:number-columns-repeated="1000"` in a row with
`table:number-rows-repeated="1000000"` is a billion cells, and calamine
builds every one of them (a file of under a kilobyte asked for 4.9 GB). This
pass reads content.xml as a stream of XML events (defusedxml: no entities,
no DTD) and adds up, for each sheet, how far rows and columns that hold a
value reach; a sheet beyond the limit of an .xlsx sheet (sheet_bounds) is
refused before calamine sees the file. Repeated empty cells, which every
LibreOffice file writes after its data, reach nowhere and cost nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from defusedxml.ElementTree import iterparse

from parkdesk.excel.errors import ExcelError
from parkdesk.excel.sheet_bounds import MAX_CELLS

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
CELLS = (f"{TABLE}table-cell", f"{TABLE}covered-table-cell")
ROW, SHEET = f"{TABLE}table-row", f"{TABLE}table"
REPEAT_LIMIT = 1 << 31  # larger repeat counts are read as this (still refused)


def check_ods(archive: zipfile.ZipFile, path: Path) -> None:
    """Raise ExcelError when a sheet of the .ods would take more memory to read than any real list needs."""
    try:
        stream = archive.open("content.xml")
    except KeyError:
        return  # calamine says what is wrong with it
    with stream:
        height = width = rows = columns = row_reach = 0
        sheet = "?"
        for event, element in iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == SHEET:
                    height = width = rows = 0
                    sheet = element.get(f"{TABLE}name") or "?"
                elif tag == ROW:
                    columns = row_reach = 0
                continue
            if tag in CELLS:
                columns += _repeat(element, "number-columns-repeated")
                if element.get(f"{OFFICE}value-type") is not None or len(element) or (element.text or "").strip():
                    row_reach = columns
                element.clear()
            elif tag == ROW:
                rows += _repeat(element, "number-rows-repeated")
                if row_reach:
                    height, width = rows, max(width, row_reach)
                    if height * width > MAX_CELLS:
                        raise ExcelError("excel.too_many_cells", sheet=sheet, rows=f"{height:,}",
                                         columns=f"{width:,}", limit=f"{MAX_CELLS:,}")
                element.clear()


def _repeat(element, attribute: str) -> int:
    text = element.get(f"{TABLE}{attribute}") or "1"
    return min(int(text), REPEAT_LIMIT) if text.isdigit() else 1

