"""Every kind of bad input gets a clear message, exit code 2 (or 1 for bad rows) and an unchanged workspace."""

from __future__ import annotations

import time
import zipfile

import msoffcrypto.format.ooxml
import openpyxl
import pytest
import xlsxwriter
from sqlalchemy import func, select

from parkdesk.cli.main import main
from parkdesk.db.models import AuditEntry, Enterprise
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.source import MAX_ROWS, open_workbook
from parkdesk.uscc import make_uscc

CODE = make_uscc("91", "370100", "MA000001")
HEADER = ["企业名称", "统一社会信用代码", "企业类型", "入驻状态"]
ROW = ["济南示例科技有限公司", CODE, "重点企业", "已入驻"]


def state(workspace_path) -> tuple:
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        return (session.scalar(select(func.count()).select_from(Enterprise)),
                session.scalar(select(func.max(Enterprise.id))),
                session.scalar(select(func.count()).select_from(AuditEntry)))


def run_import(demo_path, file, capsys, *extra) -> tuple[int, str, str]:
    code = main(["excel", "import", str(demo_path), "--park", "QLRJY", "--year", "2024", str(file), *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def good_xlsx(path, rows=(ROW,)) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    for row in rows:
        wb.active.append(list(row))
    wb.save(path)


def raw_xlsx(path, sheet_xml: str | bytes, shared_strings: str | None = None) -> None:
    """A minimal .xlsx written part by part, for files no library would write."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                               'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                               '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
                               'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
                               '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                               'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                       'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                       'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                           'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                           'relationships"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                                      'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
                                      '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
                                      ' Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


SHEET_OPEN = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main">')


@pytest.mark.parametrize("name,content,expected", [
    ("empty.xlsx", b"", "0 字节"),
    ("notes.xlsx", "企业名称,统一社会信用代码\n济南示例,91370100\n".encode(), "不是 Excel"),
    ("scan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "不是 Excel"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 40, "已损坏"),
])
def test_files_that_are_not_spreadsheets_are_refused(demo_path, tmp_path, capsys, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    before = state(demo_path)
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and expected in err and str(path) in err
    assert state(demo_path) == before


def test_a_zip_that_is_not_a_workbook_and_a_missing_file(demo_path, tmp_path, capsys):
    document = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert run_import(demo_path, document, capsys)[0] == 2
    code, _, err = run_import(demo_path, tmp_path / "nowhere.xlsx", capsys)
    assert code == 2 and "不存在" in err
    code, _, err = run_import(demo_path, tmp_path, capsys, "--lang", "en")
    assert code == 2 and "folder" in err


def test_a_truncated_workbook_is_reported_damaged(demo_path, tmp_path, capsys):
    good = tmp_path / "good.xlsx"
    good_xlsx(good, [ROW] * 200)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    code, _, err = run_import(demo_path, cut, capsys, "--lang", "en")
    assert code == 2 and "damaged" in err


def test_a_workbook_with_broken_sheet_xml_is_reported_damaged(demo_path, tmp_path, capsys):
    path = tmp_path / "garbled.xlsx"
    raw_xlsx(path, SHEET_OPEN + "<sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>企业名称</t></is></c>")
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and "已损坏" in err


def test_a_password_protected_workbook(demo_path, tmp_path, capsys):
    good_xlsx(tmp_path / "plain.xlsx")
    encrypted = tmp_path / "locked.xlsx"
    with open(tmp_path / "plain.xlsx", "rb") as source, open(encrypted, "wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("secret", target)
    assert encrypted.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    before = state(demo_path)
    code, _, err = run_import(demo_path, encrypted, capsys)
    assert code == 2 and "密码" in err
    assert state(demo_path) == before


def test_an_empty_sheet(demo_path, tmp_path, capsys):
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and "是空的" in err
    code, _, err = run_import(demo_path, path, capsys, "--sheet", "Sheet", "--lang", "en")
    assert code == 2 and "empty" in err
    code, _, err = run_import(demo_path, path, capsys, "--sheet", "无此表")
    assert code == 2 and "无此表" in err and "Sheet" in err


def test_required_columns_missing_are_named(demo_path, tmp_path, capsys):
    path = tmp_path / "short.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["企业名称", "统一社会信用代码", "联系电话"])
    wb.active.append(["济南示例科技有限公司", CODE, "0531-88886666"])
    wb.save(path)
    before = state(demo_path)
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and "缺少必填列" in err and "企业类型" in err and "入驻状态" in err and "联系电话" in err
    code, _, err = run_import(demo_path, path, capsys, "--lang", "en")
    assert "Role" in err and "Status" in err
    assert state(demo_path) == before


def test_a_sheet_without_any_recognisable_header(demo_path, tmp_path, capsys):
    path = tmp_path / "numbers.xlsx"
    wb = openpyxl.Workbook()
    for n in range(5):
        wb.active.append([n, n * 2, "x"])
    wb.save(path)
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and "没有可导入的工作表" in err
    code, _, err = run_import(demo_path, path, capsys, "--sheet", "Sheet")
    assert code == 2 and "表头" in err


def test_formulas_use_their_saved_results_and_those_without_one_are_named(demo_path, tmp_path, capsys):
    path = tmp_path / "formulas.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("名录")
    sheet.write_row(0, 0, HEADER + ["从业人员", "营业收入(万元)"])
    sheet.write_row(1, 0, ROW)
    sheet.write_formula(1, 4, "=2*5", None, 10)  # a saved result, as Excel and WPS keep them
    sheet.write_formula(1, 5, "=E2*100")  # xlsxwriter saves 0 unless told: drop it below
    book.close()
    with zipfile.ZipFile(path) as archive:  # remove F2's saved value: a file from a writer that keeps none
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"<f>E2*100</f><v>0</v>", b"<f>E2*100</f>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    code, out, _ = run_import(demo_path, path, capsys, "--format", "json")
    import json

    result = json.loads(out)
    [sheet_result] = result["sheets"]
    assert code == 1 and sheet_result["counts"]["rejected"] == 1
    problem = sheet_result["problems"][0]
    assert problem["cell"] == "F2" and "E2*100" in problem["message"]
    assert any("公式" in notice and "F2" in notice for notice in sheet_result["notices"])
    with open_workbook(path) as book:
        grid = book.read_sheet("名录")
    assert grid.rows[1][4] == 10 and grid.formulas_without_values == {(1, 5): "E2*100"}


def test_hidden_sheets_are_not_read_unless_named(demo_path, tmp_path, capsys):
    path = tmp_path / "hidden.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表无数据"])
    secret = wb.create_sheet("旧名录")
    secret.append(HEADER)
    secret.append(ROW)
    secret.sheet_state = "hidden"
    wb.save(path)
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and "没有可导入的工作表" in err
    code, out, _ = run_import(demo_path, path, capsys, "--sheet", "旧名录")
    assert code == 0 and "隐藏" in out and "新增 1" in out


def million_rows_xlsx(path, with_dimension: bool) -> None:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 1_000_002))
    dimension = '<dimension ref="A1:A1000001"/>' if with_dimension else ""
    raw_xlsx(path, f'{SHEET_OPEN}{dimension}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is>'
                   f'</c></row>{rows}</sheetData></worksheet>')


def test_a_sheet_with_a_million_rows_is_refused_quickly(demo_path, tmp_path, capsys):
    path = tmp_path / "million.xlsx"
    million_rows_xlsx(path, with_dimension=True)
    start = time.perf_counter()
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and "1,000,001" in err and f"{MAX_ROWS:,}" in err
    assert time.perf_counter() - start < 3  # refused from the declared size, before the rows are read
    million_rows_xlsx(path, with_dimension=False)  # no declared size: refused once read
    code, _, err = run_import(demo_path, path, capsys, "--lang", "en")
    assert code == 2 and "1,000,001 rows" in err


def test_an_enormous_cell_is_a_cell_problem_and_the_error_copy_stays_openable(demo_path, tmp_path, capsys):
    path = tmp_path / "huge.xlsx"
    huge = "很长" * 60_000  # 120,000 characters, beyond Excel's 32,767
    good_xlsx(path, [ROW, [huge, make_uscc("91", "370100", "MA000002"), "重点企业", "已入驻"]])
    errors = tmp_path / "errors.xlsx"
    before = state(demo_path)
    code, out, _ = run_import(demo_path, path, capsys, "--errors-out", str(errors))
    assert code == 1 and "32,767" in out
    assert state(demo_path) == before
    copy = openpyxl.load_workbook(errors)
    assert len(copy["Sheet"]["A3"].value) <= 32_767 and "32,767" in copy["Sheet"]["A3"].comment.text
    code, out, _ = run_import(demo_path, path, capsys, "--valid-only")
    assert code == 1 and state(demo_path)[0] == before[0] + 1


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                    'uniqueCount="1"><si><t>&lol9;</t></si></sst>')


def test_xml_entity_expansion_is_refused_before_any_parser_sees_it(demo_path, tmp_path, capsys):
    path = tmp_path / "laughs.xlsx"
    raw_xlsx(path, SHEET_OPEN + '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
             shared_strings=BILLION_LAUGHS)
    before = state(demo_path)
    start = time.perf_counter()
    code, _, err = run_import(demo_path, path, capsys)
    assert code == 2 and "DOCTYPE" in err and "sharedStrings.xml" in err
    assert time.perf_counter() - start < 3
    assert state(demo_path) == before


def test_a_workbook_with_a_different_extension_is_read_by_its_content(demo_path, tmp_path, capsys):
    path = tmp_path / "list.xls"  # an .xlsx saved under an .xls name
    good_xlsx(path)
    code, out, _ = run_import(demo_path, path, capsys)
    assert code == 0 and "新增 1" in out
