"""Fuzzing the Excel import: open_workbook / read_sheet, preview_import (planning) and write_error_workbook on
arbitrary bytes and on mutations of real workbooks: damaged ZIPs, entries added or lying about their size, XML
entity tricks (billion laughs, external entities, a DOCTYPE hidden behind a comment or 64 KB of prolog, UTF-16),
formula cells, cells far away (the dense grid python-calamine builds), shared-string bombs, odd numbers.

Every reader may only refuse with a ParkdeskError (zh + en). See fuzz_kit for the rest of what is checked.
"""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from datetime import datetime

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from fuzz_kit import (  # noqa: F401  (sandbox and tally are fixtures)
    Blob, Member, Shown, fuzz_settings, mutated_bytes, mutated_members, patched_central_directory, read_members,
    sandbox, tally, write_members, zip_landmarks,
)
from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError
from parkdesk.excel.error_workbook import write_error_workbook
from parkdesk.excel.errors import ExcelError
from parkdesk.excel.importing import preview_import
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.excel.sheet_bounds import MAX_CELLS
from parkdesk.excel.source import open_workbook
from parkdesk.uscc import make_uscc

SENTINEL = "PARKDESK-XXE-SENTINEL-7f3a"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER = ["企业名称", "统一社会信用代码", "企业类型", "入驻状态", "从业人员", "营业收入(万元)", "成立时间"]


pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")  # duplicates are the point


# --- base workbooks -------------------------------------------------------------------------------------------------

def openpyxl_list() -> bytes:
    """An enterprise list as people send them: a merged title, the header, good and bad rows, a hidden row,
    a formula, a hidden second sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名录"
    sheet.append(["2024 年重点企业名录"])
    sheet.merge_cells("A1:G1")
    sheet.append(HEADER)
    for n in range(1, 7):
        sheet.append([f"济南示例{n}科技有限公司", make_uscc("91", "370100", f"MA{n:06d}"), "重点企业", "已入驻",
                      n * 10, f"{n}.5亿元", f"2019年{n}月3日"])
    sheet.append(["坏行", "123", "不知道", "?", -5, "很多", "昨天"])
    sheet["E9"] = "=E3*2"
    sheet.row_dimensions[5].hidden = True
    other = book.create_sheet("旧表")
    other.append(HEADER)
    other.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsxwriter_list() -> bytes:
    """Shared strings, a formula without a saved value, a date, a units row."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("企业")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["", "", "", "", "人", "万元", ""])
    for n in range(2, 8):
        sheet.write_row(n, 0, [f"示例{n}有限公司", make_uscc("91", "370100", f"MB{n:06d}"), "配套企业", "已入驻"])
        sheet.write_formula(n, 4, f"={n}*3")
        sheet.write_number(n, 5, n * 1000.5)
        sheet.write_datetime(n, 6, datetime(2020, 1, n), dates)
    book.close()
    return out.getvalue()


def minimal_ods() -> bytes:
    def row(values) -> str:
        cells = "".join('<table:table-cell office:value-type="string"><text:p>' + value + "</text:p></table:table-cell>"
                        for value in values)
        return f"<table:table-row>{cells}</table:table-row>"

    rows = row(HEADER[:4]) + row(["济南示例科技有限公司", make_uscc("91", "370100", "MA000001"), "重点企业", "已入驻"])
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="名录">{rows}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                         'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                         "</manifest:manifest>")
        archive.writestr("content.xml", content)
    return out.getvalue()


@pytest.fixture(scope="module")
def workspace(demo_master, tmp_path_factory):
    """The demo workspace (its QLRJY 2024 draft takes the imports) and the report's workbook as a third base."""
    path = tmp_path_factory.mktemp("excel-fuzz") / "demo.sqlite"
    shutil.copy2(demo_master, path)
    with open_workspace(path) as opened, opened.session() as session:
        draft = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
        accepted = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2023))
        write_report_workbook(session, accepted, path.parent / "report.xlsx")
    opened = open_workspace(path)
    yield Shown(workspace=opened, report_id=draft, report_xlsx=(path.parent / "report.xlsx").read_bytes())
    opened.close()


@pytest.fixture(scope="module")
def bases(workspace):
    files = {"list.xlsx": openpyxl_list(), "shared.xlsx": xlsxwriter_list(), "report.xlsx": workspace["report_xlsx"],
             "list.ods": minimal_ods()}
    return Shown({name: Shown(raw=raw, members=read_members(raw), landmarks=zip_landmarks(raw))
                  for name, raw in files.items()})


# --- one example ----------------------------------------------------------------------------------------------------

def read_workbook(tally, path, workspace) -> None:
    """Open, read every sheet, plan the import into the draft, write the error workbook: refusals only."""
    book = tally.call("open_workbook", open_workbook, path)
    if book is not None:
        with book:
            for name in book.sheet_names():
                grid = tally.call("read_sheet", book.read_sheet, name)
                if grid is not None:
                    tally.call("sheet extras", lambda: (grid.hidden_rows, grid.formulas_without_values))
                    assert not any(SENTINEL in str(value) for row in grid.rows for value in row), "XXE"
    with workspace["workspace"].session() as session:
        preview = tally.call("preview_import", preview_import, session, workspace["report_id"], path)
    if preview is None:
        return
    out = path.parent / "errors.xlsx"
    written = tally.call("write_error_workbook", write_error_workbook, path, preview.plans, out, grids=preview.grids)
    if written is not None:
        with open_workbook(out) as copy:  # the marked-up copy opens again
            assert copy.sheet_names()


def planted_secret(sandbox) -> str:
    """A file an external entity would try to pull in; its URL."""
    secret = sandbox.parent / "secret.txt"
    if not secret.exists():
        secret.write_text(SENTINEL)
    return secret.as_uri()


# --- XML attacks on one part ----------------------------------------------------------------------------------------

def billion_laughs(root: str) -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{entities}]>'


def xml_attacks(secret_url: str) -> dict[str, callable]:
    """Rewrites of one XML part: each takes its text and returns the hostile version."""

    def prolog(doctype: str):
        def apply(text: str) -> str:
            body = text.split("?>", 1)[1] if text.startswith("<?xml") else text
            return '<?xml version="1.0" encoding="UTF-8"?>' + doctype + body
        return apply

    def with_entity_use(doctype: str, use: str):
        def apply(text: str) -> str:
            return prolog(doctype)(text).replace("</t>", use + "</t>", 1).replace("</v>", "</v>", 1)
        return apply

    return {
        "billion laughs": with_entity_use(billion_laughs("sst")[21:], "&lol9;"),
        "external entity": with_entity_use(f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret_url}">]>', "&xxe;"),
        "parameter entity": prolog(f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{secret_url}"> %p;]>'),
        "doctype behind a comment": prolog(f'<!-- <x --><!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret_url}">]>'),
        "doctype behind 70 KB": prolog("<!--" + " " * 70_000 + "-->" + '<!DOCTYPE x [<!ENTITY a "b">]>'),
        "doctype in utf-16": lambda text: "\ufeff" + prolog('<!DOCTYPE x [<!ENTITY a "b">]>')(text),
        "far cell": lambda text: text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c>'
                                              "</row></sheetData>", 1),
        "far cell, single quotes": lambda text: text.replace("</sheetData>", "<row r='299990'><c s='0' "
                                                             "r='XFD299990'><v>1</v></c></row></sheetData>", 1),
        "cells without reference in a far row": lambda text: text.replace(
            "</sheetData>", '<row r="299999">' + "<c><v>1</v></c>" * 300 + "</row></sheetData>", 1),
        "huge dimension": lambda text: text.replace("<sheetData", '<dimension ref="A1:XFD1048576"/><sheetData', 1),
        "huge merge": lambda text: text.replace("</worksheet>", '<mergeCells count="1"><mergeCell '
                                                'ref="A2:XFD1048576"/></mergeCells></worksheet>', 1)
        if "<mergeCells" not in text else text.replace('ref="A1:G1"', 'ref="A1:XFD1048576"', 1),
        "formula injection": lambda text: text.replace(
            "</sheetData>", '<row r="40"><c r="A40" t="str"><f>WEBSERVICE("http://example.invalid/x")</f></c>'
            "<c r=\"B40\"><f>cmd|' /C calc'!A0</f></c><c r=\"C40\" t=\"str\"><f>HYPERLINK(\"file:///etc/passwd\")"
            "</f><v>x</v></c></row></sheetData>", 1),
        "odd numbers": lambda text: text.replace(
            "</sheetData>", '<row r="41"><c r="A41"><v>1e309</v></c><c r="B41"><v>NaN</v></c><c r="C41" s="1">'
            '<v>99999999999</v></c><c r="D41" t="d"><v>0000-99-99</v></c><c r="E41" t="b"><v>7</v></c>'
            '<c r="F41" t="e"><v>#REF!</v></c></row></sheetData>', 1),
        "unique count lie": lambda text: text.replace("<sst ", '<sst uniqueCount="4000000000" ', 1),
        "shared string bomb": lambda text: text.replace("</sheetData>", '<row r="42">' + "".join(
            f'<c r="{chr(65 + n % 26)}42" t="s"><v>0</v></c>' for n in range(26)) + "</row></sheetData>", 1),
    }


@st.composite
def attacked_workbook(draw, bases, secret_url: str) -> bytes:
    """A base workbook with one of its XML parts rewritten by an attack, or mutated byte by byte."""
    base = bases[draw(st.sampled_from(["list.xlsx", "shared.xlsx", "report.xlsx"]))]
    members = list(base["members"])
    xml = [n for n, m in enumerate(members) if m.name.endswith((".xml", ".rels"))]
    index = draw(st.sampled_from(xml))
    member = members[index]
    text = member.data.decode("utf-8")
    attacks = xml_attacks(secret_url)
    name = draw(st.sampled_from(sorted(attacks) + ["mutated bytes", "mutated bytes"]))
    if name == "mutated bytes":
        data = draw(mutated_bytes(member.data))
    else:
        if name == "shared string bomb":
            members = _with_long_shared_string(members)
        if name in ("far cell", "far cell, single quotes", "cells without reference in a far row", "huge dimension",
                    "huge merge", "formula injection", "odd numbers", "shared string bomb"):
            index = next((n for n, m in enumerate(members) if m.name.startswith("xl/worksheets/sheet")), index)
            member = members[index]
            text = member.data.decode("utf-8")
        if name == "unique count lie":
            index = next((n for n, m in enumerate(members) if m.name == "xl/sharedStrings.xml"), index)
            member = members[index]
            text = member.data.decode("utf-8")
        rewritten = attacks[name](text)
        data = rewritten.encode("utf-16" if name == "doctype in utf-16" else "utf-8")
    members[index] = Member(member.name, data, zipfile.ZIP_DEFLATED)
    return write_members(members)


def _with_long_shared_string(members: list[Member]) -> list[Member]:
    """Shared string 0 made 600 KB long (26 cells of it: 15 MB once read; the limit is not reached, the bound is)."""
    found = [m for m in members if m.name == "xl/sharedStrings.xml"]
    long_text = "很" * 200_000
    if found:
        text = found[0].data.decode("utf-8").replace("<si><t>", f"<si><t>{long_text}", 1)
        return [Member(m.name, text.encode(), m.method) if m is found[0] else m for m in members]
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1">'
           f"<si><t>{long_text}</t></si></sst>")
    return [*members, Member("xl/sharedStrings.xml", sst.encode(), zipfile.ZIP_DEFLATED)]


# --- the fuzz tests -------------------------------------------------------------------------------------------------

@fuzz_settings(60)
@given(data=st.one_of(
    st.binary(max_size=2048),
    st.binary(max_size=1024).map(lambda tail: b"PK\x03\x04" + tail),
    st.binary(max_size=1024).map(lambda tail: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail),
    st.lists(st.tuples(st.sampled_from(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml",
                                        "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "mimetype",
                                        "content.xml"]), st.binary(max_size=300)), max_size=5)
    .map(lambda parts: write_members([Member(name, data) for name, data in parts])),
))
def test_arbitrary_bytes(sandbox, tally, workspace, data):
    with sandbox.example(data, "input.xlsx") as path:
        read_workbook(tally, path, workspace)


@fuzz_settings(80)
@given(data=st.data())
def test_byte_mutations_of_real_workbooks(sandbox, tally, workspace, bases, data):
    name = data.draw(st.sampled_from(sorted(bases)))
    content = data.draw(mutated_bytes(bases[name]["raw"], bases[name]["landmarks"]))
    with sandbox.example(content, name) as path:
        read_workbook(tally, path, workspace)


@fuzz_settings(80)
@given(data=st.data())
def test_parts_added_removed_renamed_swapped_or_lying(sandbox, tally, workspace, bases, data):
    name = data.draw(st.sampled_from(sorted(bases)))
    content = write_members(data.draw(mutated_members(bases[name]["members"], "xl")))
    if data.draw(st.booleans()):
        content = data.draw(patched_central_directory(content))
    with sandbox.example(content, name) as path:
        read_workbook(tally, path, workspace)


@fuzz_settings(80)
@given(data=st.data())
def test_hostile_xml_inside_real_workbooks(sandbox, tally, workspace, bases, data):
    content = data.draw(attacked_workbook(bases, planted_secret(sandbox)))
    with sandbox.example(content, "input.xlsx") as path:
        read_workbook(tally, path, workspace)


# --- regressions: failures the fuzzing found, kept as they were found ---------------------------------------------

def sheet_with(cells_xml: str, shared_strings: str | None = None) -> bytes:
    """A one-sheet .xlsx written part by part."""
    members = [m for m in read_members(openpyxl_list()) if m.name not in ("xl/worksheets/sheet2.xml",)]
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>{cells_xml}'
             "</sheetData></worksheet>")
    members = [Member(m.name, sheet.encode(), zipfile.ZIP_DEFLATED) if m.name == "xl/worksheets/sheet1.xml" else m
               for m in members]
    if shared_strings is not None:
        members = [m for m in members if m.name != "xl/sharedStrings.xml"]
        members.append(Member("xl/sharedStrings.xml", shared_strings.encode(), zipfile.ZIP_DEFLATED))
    return write_members(members)


HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c></row>'


@pytest.mark.parametrize("far", [
    '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    '<row r="200000"><c s="0" r="ZZ200000"><v>1</v></c></row>',
    "<row r='299990'><c r = 'xfd299990'><v>1</v></c></row>",
    '<row r="299999">' + "<c><v>1</v></c>" * 2000 + "</row>",
    '<row r="250000"><x:c xmlns:x="' + MAIN_NS + '" r="AAA250000"><x:v>1</x:v></x:c></row>',
])
def test_a_far_away_cell_is_refused_before_calamine_builds_its_grid(tmp_path, far):
    """Found by test_hostile_xml_inside_real_workbooks ("far cell"): python-calamine allocates the dense grid from
    the first cell to the last, so these few hundred bytes asked for up to 17 billion cells and the process
    aborted ("memory allocation of 157286400000 bytes failed"); a try/except cannot catch that."""
    path = tmp_path / "far.xlsx"
    path.write_bytes(sheet_with(HEADER_ROW + far))
    start = time.perf_counter()
    with open_workbook(path) as book, pytest.raises(ExcelError) as info:
        book.read_sheet(book.sheet_names()[0])
    assert info.value.message_key == "excel.too_many_cells" and f"{MAX_CELLS:,}" in info.value.message("en")
    assert time.perf_counter() - start < 2


def test_a_shared_string_used_thousands_of_times_is_refused(tmp_path):
    """Found by test_hostile_xml_inside_real_workbooks ("shared string bomb"): one 1 MB shared string referred to by
    20,000 cells is a 13 KB file that calamine expands to 20 GB (it copies the string into every cell)."""
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="20000" uniqueCount="1">'
           f'<si><t>{"x" * 1_000_000}</t></si></sst>')
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>0</v></c>' for c in range(20))
                    + "</row>" for r in range(2, 1002))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(sheet_with(HEADER_ROW + cells, sst))
    assert path.stat().st_size < 50_000
    with open_workbook(path) as book, pytest.raises(ExcelError) as info:
        book.read_sheet(book.sheet_names()[0])
    assert info.value.message_key == "excel.too_much_text"


def test_a_shared_string_table_declaring_four_billion_entries_is_refused(tmp_path):
    """Found by test_hostile_xml_inside_real_workbooks ("unique count lie"): calamine reserves uniqueCount entries
    up front, and aborted on opening the file."""
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" uniqueCount="4000000000">'
           "<si><t>a</t></si></sst>")
    path = tmp_path / "count.xlsx"
    path.write_bytes(sheet_with(HEADER_ROW, sst))
    with pytest.raises(ExcelError) as info:
        open_workbook(path)
    assert info.value.message_key == "excel.corrupt" and "4,000,000,000" in info.value.message("en")


def test_an_ordinary_wide_sheet_is_still_read(tmp_path):
    """The thorough scan lets a real sheet through: 40 columns, 2,000 rows, references written in every style."""
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{_letters(c)}{r}"><v>{c}</v></c>' for c in range(40))
                   + "</row>" for r in range(2, 2002))
    path = tmp_path / "wide.xlsx"
    path.write_bytes(sheet_with(HEADER_ROW + rows))
    with open_workbook(path) as book:
        grid = book.read_sheet(book.sheet_names()[0])
    assert len(grid.rows) == 2001 and len(grid.rows[1]) == 40


def _letters(index: int) -> str:
    from parkdesk.excel.xlsx_parts import column_letters

    return column_letters(index)


def test_parkdesk_error_is_the_only_refusal():
    assert issubclass(ExcelError, ParkdeskError)
    assert isinstance(Blob(b"x"), bytes)


def test_a_list_with_a_header_and_no_rows_plans_nothing(workspace, tmp_path):
    """Found by test_parts_added_removed_renamed_swapped_or_lying (the shared strings removed, every data cell
    became blank): the enterprise checks staged zero rows, and SQLAlchemy took the empty parameter list for none
    at all, so sqlite3.ProgrammingError ("13 bindings, 0 supplied") came out of preview_import. An empty
    template does the same."""
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(["合计", "", "", ""])
    path = tmp_path / "empty-list.xlsx"
    book.save(path)
    with workspace["workspace"].session() as session:
        preview = preview_import(session, workspace["report_id"], path)
    assert [len(plan.rows) for plan in preview.plans] == [0] and not preview.has_errors


@pytest.mark.parametrize("prolog", [
    '<!-- <x --><!DOCTYPE x [<!ENTITY a "b">]>',
    "<?pi <x ?><!DOCTYPE x [<!ENTITY a 'b'>]>",
    "<!--" + " " * 70_000 + '--><!DOCTYPE x [<!ENTITY a "b">]>',
])
def test_a_doctype_behind_a_comment_is_still_refused(tmp_path, prolog):
    """Found by test_hostile_xml_inside_real_workbooks ("doctype behind a comment"): the check for entity
    declarations took the "<x" inside a comment for the root element and looked no further; the file went on
    to the parsers (which, as it happens, expand no entities: calamine errs, openpyxl's defusedxml refuses)."""
    sst = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<sst xmlns="{MAIN_NS}" uniqueCount="1">'
           "<si><t>企业名称</t></si></sst>")
    path = tmp_path / "hidden-doctype.xlsx"
    path.write_bytes(sheet_with(HEADER_ROW, sst))
    with pytest.raises(ExcelError) as info:
        open_workbook(path)
    assert info.value.message_key == "excel.unsafe_xml" and "sharedStrings.xml" in info.value.message("en")


def test_a_workbook_whose_members_are_damaged_is_refused_as_damaged(tmp_path):
    """Found by test_byte_mutations_of_real_workbooks: zlib.error from the entity check and BadZipFile (a bad
    CRC, a local name that differs from the directory's) from the format sniffing came out of open_workbook."""
    good = minimal_ods()
    start = good.index(b"application/vnd.oasis")
    bad_crc = tmp_path / "crc.ods"
    bad_crc.write_bytes(good[:start] + b"b" + good[start + 1:])  # the stored mimetype no longer matches its CRC
    members = read_members(openpyxl_list())
    deflated = write_members([Member(m.name, m.data, zipfile.ZIP_DEFLATED) for m in members])
    name = b"xl/workbook.xml"
    data_start = deflated.index(name) + len(name)  # the first occurrence: the local header, then the data
    broken = bytearray(deflated)
    broken[data_start + 2:data_start + 6] = b"\xff\xff\xff\xff"  # garbage inside the deflate stream
    bad_stream = tmp_path / "stream.xlsx"
    bad_stream.write_bytes(bytes(broken))
    for path in (bad_crc, bad_stream):
        with pytest.raises(ExcelError) as info:
            open_workbook(path)
        assert info.value.message_key == "excel.corrupt", path


def test_a_merge_over_the_whole_sheet_still_gets_an_error_workbook(workspace, tmp_path):
    """Found by test_hostile_xml_inside_real_workbooks ("huge merge"): calamine reads the file, but openpyxl makes
    an object for each of the 17 billion cells a merged range A1:XFD1048576 covers (MemoryError, or a hang)."""
    members = [Member(m.name, m.data.replace(b'ref="A1:G1"', b'ref="A1:XFD1048576"'), zipfile.ZIP_DEFLATED)
               if m.name == "xl/worksheets/sheet1.xml" else m for m in read_members(openpyxl_list())]
    source = tmp_path / "merged.xlsx"
    source.write_bytes(write_members(members))
    with workspace["workspace"].session() as session:
        preview = preview_import(session, workspace["report_id"], source)
    start = time.perf_counter()
    out = write_error_workbook(source, preview.plans, tmp_path / "errors.xlsx", grids=preview.grids)
    assert time.perf_counter() - start < 5
    with open_workbook(out) as copy:
        assert "名录" in copy.sheet_names()
