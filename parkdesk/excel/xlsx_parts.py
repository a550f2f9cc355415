"""What an .xlsx package says beyond its cell values: safety, hidden rows, formulas without results.

Reads the zip parts directly (the cell values come from python-calamine).
Nothing here expands an XML entity: a part that declares a DOCTYPE or an
ENTITY is refused before any parser sees it, and the few small parts that are
parsed go through defusedxml.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import unescape

from defusedxml import ElementTree

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
PROLOG_BYTES = 64 * 1024  # a DOCTYPE must come before the root element, in the prolog
CHUNK = 4 * 1024 * 1024
UTF8_CHUNK = 1 << 20
_TAGS = re.compile(r"<[^>]*>?")
_CUT_TAG = re.compile(r"^[^<]*>")  # the end of a tag whose start was cut off

_ROOT_START = re.compile(rb"<[A-Za-z_]")
_COMMENT_OR_PI = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.S)
_DIMENSION = re.compile(rb'<dimension\s+ref="[A-Z]*[0-9]*:?[A-Z]*([0-9]+)"')
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_CELL_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_FORMULA = re.compile(rb"<f\b[^>]*>(.*?)</f>", re.S)
_VALUE = re.compile(rb"<v>[^<]+</v>")


@dataclass
class SheetExtras:
    """Facts about one worksheet part that the cell values do not show (0-based rows and columns)."""

    hidden_rows: frozenset[int] = frozenset()
    formulas_without_values: dict[tuple[int, int], str] = field(default_factory=dict)


def unsafe_part(archive: zipfile.ZipFile) -> str | None:
    """The name of the first XML part that declares a DOCTYPE or an entity, if any."""
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")) or info.file_size == 0:
            continue
        with archive.open(info) as stream:
            head = stream.read(PROLOG_BYTES)
        full = len(head) == PROLOG_BYTES
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", errors="replace").encode("utf-8")
        head = _COMMENT_OR_PI.sub(b"", head)  # a "<x" inside a comment is not the root element
        unclosed = head.find(b"<!--")
        head = head if unclosed == -1 else head[:unclosed]
        root = _ROOT_START.search(head)
        prolog = head[:root.start()] if root else head
        if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog or (root is None and full):
            return info.filename
    return None


def undecodable_text(archive: zipfile.ZipFile, skip: frozenset[str] = frozenset()) -> tuple[str, int, str] | None:
    """(part, byte offset, the text just before) of the first bytes in an XML part that are not UTF-8.

    A cell holding such bytes makes the readers fail with messages about the file's format; this says where.
    Parts in `skip` (the worksheets) are checked when they are read, in the pass that bounds them."""
    for info in archive.infolist():
        if not info.filename.endswith(".xml") or info.file_size == 0 or info.filename in skip:
            continue
        check = Utf8Check(info.filename)
        with archive.open(info) as stream:
            while chunk := stream.read(UTF8_CHUNK):
                if check.feed(chunk) is False:
                    break
        if check.problem is not None:
            return check.problem
    return None


class Utf8Check:
    """Feeds a part's bytes through a UTF-8 decoder; `problem` locates the first bytes that are not UTF-8."""

    def __init__(self, part: str):
        self.part, self.decoder, self.offset, self.before = part, codecs.getincrementaldecoder("utf-8")(), 0, ""
        self.problem: tuple[str, int, str] | None = None

    def feed(self, chunk: bytes) -> bool:
        """False once there is nothing more to check (a problem found, or a UTF-16 part)."""
        if self.problem is not None:
            return False
        if self.offset == 0 and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            return False  # UTF-16, declared by its byte order mark
        try:
            text = self.decoder.decode(chunk)
        except UnicodeDecodeError as error:
            shown = (self.before + chunk[:max(error.start, 0)].decode("utf-8", "replace"))[-40:]
            words = " ".join(_TAGS.sub(" ", _CUT_TAG.sub("", shown)).split())
            self.problem = (self.part, self.offset + max(error.start, 0), words[-20:])
            return False
        self.before = text[-64:]
        self.offset += len(chunk)
        return True


def xml_parts(archive: zipfile.ZipFile) -> list[str]:
    """Every XML part: where to look for a sheet whose part the workbook's relationships do not name."""
    return [info.filename for info in archive.infolist() if info.filename.endswith(".xml")]


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the worksheet part's path inside the package."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    try:
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{PACKAGE_REL_NS}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{MAIN_NS}sheet"):
        target = targets.get(sheet.get(f"{REL_NS}id"))
        if target:
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            parts[sheet.get("name")] = path
    return parts


def declared_rows(archive: zipfile.ZipFile, part: str) -> int | None:
    """The last row of the sheet's declared dimension, read from the part's first bytes."""
    with archive.open(part) as stream:
        head = stream.read(PROLOG_BYTES)
    match = _DIMENSION.search(head)
    return int(match[1]) if match and match[1] else None


def extras_seen(window: bytes) -> tuple[bool, bool]:
    """Whether a piece of a worksheet part may hold a hidden row, and a formula."""
    return (b'hidden="1"' in window or b'hidden="true"' in window), (b"<f>" in window or b"<f " in window)


def sheet_extras(archive: zipfile.ZipFile, part: str, seen: tuple[bool, bool] | None = None) -> SheetExtras:
    """Hidden rows and formula cells without a saved result; one streaming pass when there are none
    (none at all when `seen`, from a pass already made, says whether there are any)."""
    hidden_seen = formula_seen = False
    if seen is not None:
        hidden_seen, formula_seen = seen
    else:
        tail = b""
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                window = tail + chunk
                hidden, formula = extras_seen(window)
                hidden_seen, formula_seen = hidden_seen or hidden, formula_seen or formula
                if hidden_seen and formula_seen:
                    break
                tail = window[-32:]
    if not hidden_seen and not formula_seen:
        return SheetExtras()
    data = archive.read(part)
    return SheetExtras(hidden_rows=_hidden_rows(data) if hidden_seen else frozenset(),
                       formulas_without_values=_formulas_without_values(data) if formula_seen else {})


def _hidden_rows(data: bytes) -> frozenset[int]:
    rows = set()
    for tag in _HIDDEN_ROW.finditer(data):
        number = _ROW_NUMBER.search(tag[0])
        if number:
            rows.add(int(number[1]) - 1)
    return frozenset(rows)


def _formulas_without_values(data: bytes) -> dict[tuple[int, int], str]:
    found = {}
    position = data.find(b"<f")
    while position != -1:
        end = data.find(b"</c>", position)
        if data[position + 2:position + 3] in (b">", b" ", b"/"):  # <f>, not <filterColumn>
            start = data.rfind(b"<c ", 0, position)
            cell = data[start:end] if start != -1 and end != -1 else b""
            ref = _CELL_REF.search(cell[:cell.find(b">")])
            if ref and not _VALUE.search(cell):
                formula = _FORMULA.search(cell)
                text = unescape(formula[1].decode("utf-8", "replace")) if formula else ""
                found[(int(ref[2]) - 1, column_index(ref[1].decode()))] = text
        position = data.find(b"<f", end if end != -1 else position + 2)
    return found


def column_index(letters: str) -> int:
    """'A' → 0, 'Z' → 25, 'AA' → 26."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def column_letters(index: int) -> str:
    """0 → 'A', 26 → 'AA'."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """(0, 0) → 'A1'."""
    return f"{column_letters(column)}{row + 1}"
