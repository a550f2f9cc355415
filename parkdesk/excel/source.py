"""Opening a spreadsheet someone sent: .xlsx, .xls or .ods, read with python-calamine.

Every way a file can fail to be a usable spreadsheet — missing, empty, not a
spreadsheet, damaged, password-protected, carrying XML entity declarations,
unpacking to gigabytes, a million rows — ends in a ParkdeskError with a clear
message (exit 2) and never in a traceback. Rows and columns are 0-based and
absolute: row 0 is the sheet's row 1 whatever lies above the data.
"""

from __future__ import annotations

import zipfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine

from parkdesk.errors import ParkdeskError
from parkdesk.excel import sheet_bounds, xlsx_parts
from parkdesk.excel.bulk import in_background
from parkdesk.gc_pause import gc_paused
from parkdesk.input_files import check_regular_file
from parkdesk.excel.errors import ExcelError
from parkdesk.excel.ods_bounds import check_ods

XLSX, XLS, ODS = "xlsx", "xls", "ods"
MAX_ROWS = 300_100  # rows of one sheet: 300,000 rows of data under a header (the largest lists run to 100,000)
MAX_UNPACKED_MB = 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # an encrypted .xlsx is an OLE2 file with this stream
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

Cell = object  # str, float, int, bool, date, datetime, time or timedelta; "" when empty
Merged = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first column), (last row, last column))


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool


@dataclass
class SheetGrid:
    """One sheet's cell values and what else matters for an import."""

    name: str
    rows: list[list[Cell]]
    merged: tuple[Merged, ...] = ()
    hidden: bool = False
    extras: xlsx_parts.SheetExtras | Future = field(default_factory=xlsx_parts.SheetExtras)  # may still be read

    @property
    def hidden_rows(self) -> frozenset[int]:
        return self._extras().hidden_rows

    @property
    def formulas_without_values(self) -> dict[tuple[int, int], str]:
        return self._extras().formulas_without_values

    def _extras(self) -> xlsx_parts.SheetExtras:
        if isinstance(self.extras, Future):
            self.extras = self.extras.result()
        return self.extras

    def cell(self, row: int, column: int) -> Cell:
        if 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row]):
            return self.rows[row][column]
        return ""


class SourceWorkbook:
    """An opened spreadsheet; use as a context manager or call close()."""

    def __init__(self, path: Path, kind: str, book: calamine.CalamineWorkbook, archive: zipfile.ZipFile | None):
        self.path = path
        self.format = kind
        self._book = book
        self._archive = archive  # the zip of an .xlsx, for what calamine does not tell
        try:
            self._parts = (_guarded(path, lambda: xlsx_parts.sheet_parts(archive))
                           if archive is not None and kind == XLSX else {})
            self.sheets = _guarded(path, lambda: tuple(
                SheetInfo(meta.name, meta.visible != calamine.SheetVisibleEnum.Visible)
                for meta in book.sheets_metadata if meta.typ == calamine.SheetTypeEnum.WorkSheet))
        except ExcelError:
            self.close()
            raise

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def info(self, name: str) -> SheetInfo:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise ExcelError("excel.no_sheet", sheet=name, sheets="、".join(self.sheet_names()) or "-")

    def read_sheet(self, name: str, max_rows: int = MAX_ROWS) -> SheetGrid:
        info = self.info(name)
        part = self._parts.get(name)
        if part is not None:
            declared = _guarded(self.path, lambda: xlsx_parts.declared_rows(self._archive, part))
            if declared is not None and declared > max_rows:
                raise ExcelError("excel.too_many_rows", sheet=name, rows=f"{declared:,}", limit=f"{max_rows:,}")
        if self.format == XLSX:  # before calamine builds the grid: a tiny file can ask it for gigabytes
            for each in [part] if part is not None else xlsx_parts.xml_parts(self._archive):
                _guarded(self.path, lambda: sheet_bounds.check_sheet(self._archive, each, name))
        # the rest of what calamine does not say is read while calamine works (it leaves the GIL)
        looking = in_background(_first_look, self.path, part) if part is not None else None
        try:
            sheet = _guarded(self.path, lambda: self._book.get_sheet_by_name(name))
        except ExcelError:
            look = looking.result() if looking is not None else None
            if look is not None and look.undecodable is not None:  # why calamine could not read it, located
                raise _not_utf8(self.path, look.undecodable) from None
            raise
        look = looking.result() if looking is not None else None
        if look is not None and look.undecodable is not None:
            raise _not_utf8(self.path, look.undecodable)
        height = sheet.end[0] + 1 if sheet.end else 0  # rows from the sheet's first, used or not
        if height > max_rows:
            raise ExcelError("excel.too_many_rows", sheet=name, rows=f"{height:,}", limit=f"{max_rows:,}")
        with gc_paused():
            rows = _guarded(self.path, lambda: sheet.to_python(skip_empty_area=False))
        while rows and all(value == "" for value in rows[-1]):
            rows.pop()
        # read beside the import's Python work (unpacking leaves the GIL); only when the first look saw any
        extras = in_background(_read_extras, self.path, part, look.extras) \
            if look is not None and any(look.extras) else xlsx_parts.SheetExtras()
        return SheetGrid(name, rows, tuple(sheet.merged_cell_ranges or ()), info.hidden, extras)

    def close(self) -> None:
        self._book.close()
        if self._archive is not None:
            self._archive.close()

    def __enter__(self) -> "SourceWorkbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _first_look(path: Path, part: str) -> sheet_bounds.FirstLook:
    def look():
        with zipfile.ZipFile(path) as archive:  # its own handle: the zip's is the caller's
            return sheet_bounds.first_look(archive, part)

    return _guarded(path, look)


def _read_extras(path: Path, part: str, seen: tuple[bool, bool]) -> xlsx_parts.SheetExtras:
    def read():
        with zipfile.ZipFile(path) as archive:  # its own handle: the workbook may be closed meanwhile
            return xlsx_parts.sheet_extras(archive, part, seen)

    return _guarded(path, read)


def open_workbook(path: Path | str) -> SourceWorkbook:
    """Open a spreadsheet for reading, or raise a ParkdeskError saying why it cannot be."""
    path = Path(path)
    kind = sniff_format(path)
    archive = None
    if kind in (XLSX, ODS):
        archive = _checked_package(path, _open_zip(path))
        if kind == ODS:
            try:
                _guarded(path, lambda: check_ods(archive, path))
            finally:
                archive.close()
            archive = None
    try:
        with path.open("rb") as stream:  # from the content: a file's name may lie about its format
            book = _guarded(path, lambda: calamine.CalamineWorkbook.from_filelike(stream))
    except BaseException:
        if archive is not None:
            archive.close()
        raise
    return SourceWorkbook(path, kind, book, archive)


def sniff_format(path: Path) -> str:
    """xlsx, xls or ods from the file's content (not its name)."""
    if path.is_dir():
        raise ExcelError("excel.is_directory", path=path)
    check_regular_file(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except FileNotFoundError:
        raise ExcelError("excel.missing", path=path) from None
    except OSError as error:
        raise ExcelError("excel.unreadable", path=path, reason=error.strerror or error) from None
    if not head:
        raise ExcelError("excel.empty_file", path=path)
    if head.startswith(ZIP_MAGIC):
        with _open_zip(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names and _guarded(path, lambda: archive.read("mimetype")).strip() == ODS_MIMETYPE:
                return ODS
        raise ExcelError("excel.not_spreadsheet", path=path)
    if head == OLE2_MAGIC:
        if ENCRYPTED_PACKAGE in path.read_bytes():
            raise ExcelError("excel.password", path=path)
        return XLS
    raise ExcelError("excel.not_spreadsheet", path=path)


def _open_zip(path: Path) -> zipfile.ZipFile:
    return _guarded(path, lambda: zipfile.ZipFile(path))  # BadZipFile, EOFError, ValueError… on a damaged zip


def _checked_package(path: Path, archive: zipfile.ZipFile) -> zipfile.ZipFile:
    """The archive, unless it unpacks to too much or declares XML entities."""
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
        archive.close()
        raise ExcelError("excel.too_big", path=path, limit=MAX_UNPACKED_MB)
    try:
        # a damaged member raises BadZipFile, zlib.error, EOFError, RuntimeError (encrypted), NotImplementedError…
        unsafe = _guarded(path, lambda: xlsx_parts.unsafe_part(archive))
        if unsafe is None:
            # worksheets are checked as they are read (sheet_bounds.first_look): most of a file's bytes
            worksheets = frozenset(name for name in archive.namelist() if name.startswith("xl/worksheets/"))
            undecodable = _guarded(path, lambda: xlsx_parts.undecodable_text(archive, worksheets))
            if undecodable is not None:
                raise _not_utf8(path, undecodable)
            _guarded(path, lambda: sheet_bounds.check_shared_strings(archive, path))
    except ExcelError:
        archive.close()
        raise
    if unsafe is not None:
        archive.close()
        raise ExcelError("excel.unsafe_xml", path=path, part=unsafe)
    return archive


def _not_utf8(path: Path, found: tuple[str, int, str]) -> ExcelError:
    part, offset, before = found
    return ExcelError("excel.not_utf8", path=path, part=part, offset=f"{offset:,}", before=before or "—")


def _guarded(path: Path, action):
    """Run a reader call; every failure of a damaged file becomes a ParkdeskError."""
    try:
        return action()
    except ParkdeskError:
        raise
    except calamine.PasswordError:
        raise ExcelError("excel.password", path=path) from None
    except (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError):
        raise
    except BaseException as error:  # calamine's errors, and a Rust panic (a BaseException) on a broken file
        raise ExcelError("excel.corrupt", path=path, reason=_short(error)) from None


def _short(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 200 else text[:200] + "…"
