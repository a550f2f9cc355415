"""Files converted by LibreOffice headless: a CSV list saved as .xlsx, .ods and .xls imports; our exports open in
LibreOffice and come back through .ods unchanged. Needs `soffice` (Debian: libreoffice-calc-nogui)."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.error_workbook import write_error_workbook
from parkdesk.excel.importing import preview_import
from parkdesk.excel.plan_model import NEW, REJECTED, UNCHANGED
from parkdesk.excel.layout import SHEETS
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.excel.template import write_template
from parkdesk.uscc import make_uscc

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.needs_tool("soffice", "libreoffice-calc-nogui")

CODES = [make_uscc("91", "370100", f"MA{n:06d}") for n in range(1, 4)]
DIGITS_ONLY = make_uscc("91", "370100", "12345678")  # all digits: LibreOffice reads it as a number
CSV = (
    "序号,企业名称,统一社会信用代码,企业类型,入驻状态,成立日期,从业人员,营业收入(亿元),联系电话\n"
    f"1,泉城新创科技有限公司,{CODES[0]},重点企业,已入驻,2019-05-03,120,\"1,234.5\",13812345678\n"
    f"2,历下数智服务有限公司,{CODES[1]},配套企业,拟引进,2020/6/1,35,0.5,0531-88886666\n"
    f"3,数字代码有限公司,{DIGITS_ONLY},配套企业,已入驻,2021-01-01,8,0.1,\n"
)


def convert(source, target_format: str, out_dir, filter_options: str | None = None):
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{out_dir}/profile"]
    if filter_options:
        command.append(f"--infilter={filter_options}")
    command += ["--convert-to", target_format, "--outdir", str(out_dir), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    converted = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert converted.exists(), command
    return converted


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The CSV converted once to each format LibreOffice writes (one start of LibreOffice per format)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    csv = folder / "名录.csv"
    csv.write_text(CSV, encoding="utf-8")
    return {fmt: convert(csv, fmt, folder, "CSV:44,34,76,1") for fmt in ("xlsx", "ods", "xls")}


def report_id(session) -> int:
    return session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_a_csv_list_converted_by_libreoffice_imports(converted, demo_path, fmt):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        result = preview_import(session, report_id(session), converted[fmt])
    assert result.format == fmt
    [plan] = result.plans
    rows = {dict(zip(plan.fields, row.values))["name"]: row for row in plan.rows}
    assert [row.status for row in rows.values()] == [NEW, NEW, REJECTED]
    first = dict(zip(plan.fields, rows["泉城新创科技有限公司"].values))
    assert first["revenue_wan_yuan"] == 12_345_000.0 and first["employees"] == 120
    assert str(first["established"]) == "2019-05-03" and first["contact_phone"] == "13812345678"
    second = dict(zip(plan.fields, rows["历下数智服务有限公司"].values))
    assert str(second["established"]) == "2020-06-01" and second["contact_phone"] == "0531-88886666"
    [problem] = rows["数字代码有限公司"].problems
    assert problem.cell() == "C4" and "数字" in problem.message("zh")  # the code became a number


def test_the_error_workbook_of_an_ods_is_an_xlsx_with_its_values(converted, demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        result = preview_import(session, report_id(session), converted["ods"])
    out = write_error_workbook(result.source, result.plans, tmp_path / "errors.xlsx", grids=result.grids)
    sheet = openpyxl.load_workbook(out)[result.plans[0].mapping.sheet]
    assert sheet["B2"].value == "泉城新创科技有限公司" and sheet["F2"].value.date().isoformat() == "2019-05-03"
    assert "数字" in sheet["C4"].comment.text and sheet["C2"].comment is None


def test_our_exports_open_in_libreoffice_and_return_through_ods_unchanged(demo_path, tmp_path):
    report = tmp_path / "report.xlsx"
    template = tmp_path / "template.xlsx"
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        rid = report_id(session)
        write_report_workbook(session, rid, report)
        write_template(template)
    ods = convert(report, "ods", tmp_path)
    (tmp_path / "resaved").mkdir()
    resaved = convert(template, "xlsx:Calc MS Excel 2007 XML", tmp_path / "resaved")  # opened and saved again
    resaved_book = openpyxl.load_workbook(resaved)
    assert "5 重点企业、配套企业名录表" in resaved_book.sheetnames
    # the drop-down of chain links still reads the workbook's own link sheet after LibreOffice saved it
    validations = [v.formula1 for v in resaved_book["5 重点企业、配套企业名录表"].data_validations.dataValidation]
    assert any("3 产业链环节" in (formula or "") for formula in validations), validations
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        result = preview_import(session, rid, ods)
    assert {plan.mapping.record for plan in result.plans} == {sheet.key for sheet in SHEETS}
    for plan in result.plans:
        assert all(row.status == UNCHANGED for row in plan.rows), plan.mapping.record
        assert not plan.problems(), plan.mapping.record
