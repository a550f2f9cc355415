"""How much memory an .xlsx sheet takes once read, known before python-calamine reads it.

calamine builds a dense grid from the first used cell to the last one, and
copies a shared string into every cell that refers to it. A file of a few
kilobytes can therefore ask for gigabytes: two cells at A1 and XFD1048576
(17 billion grid cells), a thousand cells without a reference in a row
numbered 299,999, one long shared string used by thousands of cells, or a
shared-string table that declares four billion entries. calamine then aborts
the whole process. These checks read the parts' XML as bytes, in one
streaming pass per sheet, and refuse such a sheet with a clear message.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from itertools import zip_longest

from parkdesk.excel.errors import ExcelError
from parkdesk.excel.xlsx_parts import Utf8Check, extras_seen


MAX_CELLS = 20_000_000  # grid cells (rows × columns): 300,000 rows of 66 columns; ~1.5 GB once read
MAX_SHARED_TEXT = 512 << 20  # bytes of shared strings copied into the cells of one sheet
CHUNK = 4 << 20
LONGEST_TAG = 64 << 10  # a piece ends before the last '<' (or whitespace, in a longer tag): nothing is cut in two
SHARED_STRINGS = "xl/sharedStrings.xml"

_NS = rb"(?:[A-Za-z_][\w.-]*:)?"
_CELL_REF = re.compile(rb'\sr\s*=\s*["\']\s*([A-Za-z]+)([0-9]+)')
_ROW_NUMBER = re.compile(rb"<" + _NS + rb'row(?=[\s/>])[^>]*?\sr\s*=\s*["\']\s*([0-9]+)')
_CELL_TAG = re.compile(rb"<" + _NS + rb"c[\s/>]")
_ROW_TAG = re.compile(rb"<" + _NS + rb"row[\s/>]")
_SHARED_TYPE = re.compile(rb'\st\s*=\s*["\']s["\']')
_SHARED_CELL = re.compile(rb"<" + _NS + rb'c(?=\s)([^>]*?\st\s*=\s*["\']s["\'][^>]*)>\s*<' + _NS + rb"v>([0-9]{1,9})<",
                          re.S)
_STRING_ITEM = re.compile(rb"<" + _NS + rb"si[\s>].*?</" + _NS + rb"si>|<" + _NS + rb"si\s*/>", re.S)
_UNIQUE_COUNT = re.compile(rb'\suniqueCount\s*=\s*["\']([0-9]+)["\']')
# the quick look: each of these only matches what is unusual, so a plain sheet costs one regex pass apiece
# a reference at column AA or beyond, or at row 400,000 or beyond (a list of 300,000 rows is plain)
_FAR_REF = re.compile(rb'r\s*=\s*["\']\s*(?:[A-Za-z]{2,}|[A-Za-z]*(?:[4-9][0-9]{5}|[1-9][0-9]{6,}))')
_CELL_WITHOUT_REF = re.compile(rb"<c(?=[\s/>])(?![^>]*?\sr\s*=)")
_ROW_WITHOUT_NUMBER = re.compile(rb"<row(?=[\s/>])(?![^>]*?\sr\s*=)")
_PREFIXED_TAG = re.compile(rb":c[\s/>]|:row[\s/>]")
MAX_MERGED_CELLS = 1_000_000  # openpyxl makes an object for every cell a merge covers (A1:XFD1048576: 17 billion)
_MERGE = re.compile(rb'mergeCell\s[^>]*?ref\s*=\s*["\']\s*([A-Za-z]+)([0-9]+)\s*:\s*([A-Za-z]+)([0-9]+)')
MIN_SHARED_CELL = 20  # bytes of XML a cell that takes a shared string needs at least: <c t="s"><v>0</v></c>


@dataclass
class SheetScan:
    """What one pass over a worksheet part found (rows and columns 1-based, upper bounds)."""

    last_row: int = 0
    last_column: int = 0
    cells_without_ref: int = 0
    rows_without_number: int = 0
    shared_cells: int = 0

    @property
    def grid_cells(self) -> int:
        rows = self.last_row + self.rows_without_number
        columns = self.last_column + self.cells_without_ref
        return rows * columns


def check_shared_strings(archive: zipfile.ZipFile, path) -> None:
    """Refuse a shared-string table that declares more entries than it could hold (calamine reserves them all)."""
    for info in _shared_string_parts(archive):
        with archive.open(info) as stream:
            head = stream.read(4096)
        declared = _UNIQUE_COUNT.search(head)
        if declared and int(declared[1][:12]) > info.file_size // 7 + 1000:  # an entry takes 7 bytes at least
            raise ExcelError("excel.corrupt", path=path,
                             reason=f"{info.filename} declares {int(declared[1][:12]):,} strings in "
                                    f"{info.file_size:,} bytes")


@dataclass
class FirstLook:
    """A pass over a worksheet part beside python-calamine's (which leaves the GIL): what calamine does not say."""

    undecodable: tuple[str, int, str] | None = None  # (part, offset, text before) of bytes that are not UTF-8
    extras: tuple[bool, bool] = (False, False)  # whether it may hold hidden rows, formulas


def first_look(archive: zipfile.ZipFile, part: str) -> FirstLook:
    """The UTF-8 check and whether there are hidden rows or formulas, in one pass."""
    check = Utf8Check(part)
    hidden = formula = False
    previous = b""
    for body in _chunks(archive, part):
        check.feed(body)
        if not (hidden and formula):  # the piece, and where it meets the one before (no copy of the piece)
            for window in (body, previous[-32:] + body[:32]):
                seen = extras_seen(window)
                hidden, formula = hidden or seen[0], formula or seen[1]
        previous = body
        if check.problem is not None:
            break
    return FirstLook(check.problem, (hidden, formula))


def check_sheet(archive: zipfile.ZipFile, part: str, sheet: str) -> None:
    """Raise ExcelError when the sheet would take more memory to read than any real list needs."""
    if not plainly_bounded(archive, part):
        scan = scan_sheet(archive, part)
        if scan.grid_cells > MAX_CELLS:
            raise ExcelError("excel.too_many_cells", sheet=sheet,
                             rows=f"{scan.last_row + scan.rows_without_number:,}",
                             columns=f"{scan.last_column + scan.cells_without_ref:,}", limit=f"{MAX_CELLS:,}")
    sizes = shared_string_sizes(archive)
    most_cells = archive.getinfo(part).file_size // MIN_SHARED_CELL + 1
    if most_cells * max(sizes, default=0) > MAX_SHARED_TEXT and shared_text(archive, part, sizes) > MAX_SHARED_TEXT:
        raise ExcelError("excel.too_much_text", sheet=sheet, limit=MAX_SHARED_TEXT >> 20)


def plainly_bounded(archive: zipfile.ZipFile, part: str) -> bool:
    """True when every cell and row says where it is, within column Z and row 399,999, in plain tags.

    That is how Excel, WPS, LibreOffice, openpyxl and xlsxwriter write an ordinary list, and it bounds the
    grid (26 × 399,999 cells, half of MAX_CELLS) after a few fast regex passes; anything else gets the thorough
    scan_sheet.
    """
    return all(_plain(body) for body in _chunks(archive, part))


def _plain(body: bytes) -> bool:
    for far in _FAR_REF.finditer(body):
        if body[far.start() - 1:far.start()] in (b" ", b"\t", b"\n", b"\r"):  # r=, not xmlns:r=
            return False
    return not (_CELL_WITHOUT_REF.search(body) or _ROW_WITHOUT_NUMBER.search(body) or _PREFIXED_TAG.search(body))


def scan_sheet(archive: zipfile.ZipFile, part: str) -> SheetScan:
    """Cell references, row numbers and tags of a worksheet part, read in chunks."""
    scan = SheetScan()
    columns: set[bytes] = set()
    rows: set[bytes] = set()
    cell_tags = cell_refs = row_tags = numbered_rows = 0
    for body in _chunks(archive, part):
        for letters, digits in _CELL_REF.findall(body):
            columns.add(letters)
            rows.add(digits)
            cell_refs += 1
        row_numbers = _ROW_NUMBER.findall(body)
        rows.update(row_numbers)
        numbered_rows += len(row_numbers)
        cell_tags += len(_CELL_TAG.findall(body))
        row_tags += len(_ROW_TAG.findall(body))
        scan.shared_cells += len(_SHARED_TYPE.findall(body))
    scan.last_column = max((_column_number(letters) for letters in columns), default=0)
    scan.last_row = max((_number(digits) for digits in rows), default=0)
    scan.cells_without_ref = max(cell_tags - cell_refs, 0)
    scan.rows_without_number = max(row_tags - numbered_rows, 0)
    return scan


def shared_string_sizes(archive: zipfile.ZipFile) -> list[int]:
    """The size in bytes of each shared string's XML, in order: no string reads longer than its XML."""
    tables = [[len(item) for item in _STRING_ITEM.findall(archive.read(info))]
              for info in _shared_string_parts(archive)]
    return [max(sizes) for sizes in zip_longest(*tables, fillvalue=0)]


def shared_text(archive: zipfile.ZipFile, part: str, sizes: list[int]) -> int:
    """Bytes of shared strings the sheet's cells take; a cell whose index cannot be read counts as the longest."""
    longest = max(sizes, default=0)
    total = shared = 0
    for body in _chunks(archive, part):
        shared += len(_SHARED_TYPE.findall(body))
        for _, index in _SHARED_CELL.findall(body):
            position = int(index)
            total += sizes[position] if position < len(sizes) else 0
            shared -= 1
    return total + max(shared, 0) * longest


def merged_cells(path) -> int:
    """How many cells the merged ranges of every sheet in the .xlsx at `path` cover, together."""
    total = 0
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.endswith(".xml"):
                for body in _chunks(archive, info.filename):
                    for first_column, first_row, last_column, last_row in _MERGE.findall(body):
                        total += ((abs(_number(last_row) - _number(first_row)) + 1)
                                  * (abs(_column_number(last_column) - _column_number(first_column)) + 1))
    return total


def _chunks(archive: zipfile.ZipFile, part: str):
    """The part's bytes in pieces that end where a tag (or, inside a very long tag, an attribute) begins."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            window = tail + chunk
            cut = window.rfind(b"<")
            if cut <= 0 or len(window) - cut > LONGEST_TAG:
                cut = max(window.rfind(space) for space in (b" ", b"\t", b"\n", b"\r"))
                if cut <= 0 or len(window) - cut > LONGEST_TAG:
                    cut = len(window)  # no tag or attribute starts in the last 64 KB: none is cut
            yield window[:cut]
            tail = window[cut:]
    if tail:
        yield tail


def _shared_string_parts(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """xl/sharedStrings.xml, in whatever letter case the file spells it."""
    return [info for info in archive.infolist() if info.filename.lower() == SHARED_STRINGS.lower()]


def _column_number(letters: bytes) -> int:
    """b'A' → 1, b'XFD' → 16384; more letters than Excel has count as more columns than allowed."""
    if len(letters) > 3:
        return MAX_CELLS + 1
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _number(digits: bytes) -> int:
    return int(digits) if len(digits) <= 12 else MAX_CELLS + 1
