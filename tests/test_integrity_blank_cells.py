"""A blank cell never erases (issue 17, B.12): the official template imported with its indicator sheet untouched
changes nothing; clearing a value takes the marker the template documents (#清空); rows are never deleted."""

from __future__ import annotations

import openpyxl
from sqlalchemy import func, select

from parkdesk.cli.main import main
from parkdesk.db.models import Enterprise, IndicatorDefinition, IndicatorValue, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.template import write_template


def indicator_values(path, year=2023) -> dict[str, tuple]:
    with open_workspace(path, backups=None) as ws, ws.session() as session:
        rows = session.execute(
            select(IndicatorDefinition.key, IndicatorValue.baseline_2021, IndicatorValue.target_2024,
                   IndicatorValue.actual)
            .join(IndicatorValue, IndicatorValue.indicator_id == IndicatorDefinition.id)
            .join(Report, Report.id == IndicatorValue.report_id).join(Park)
            .where(Park.code == "SDYYFW", Report.year == year)).all()
    return {key: values for key, *values in rows}


def enterprises(path, year=2024) -> int:
    with open_workspace(path, backups=None) as ws, ws.session() as session:
        return session.scalar(select(func.count()).select_from(Enterprise).join(Report).join(Park)
                              .where(Park.code == "SDYYFW", Report.year == year))


def test_the_untouched_template_changes_nothing_and_clearing_needs_the_marker(demo_path, tmp_path, capsys):
    template = write_template(tmp_path / "模板.xlsx")
    before, listed = indicator_values(demo_path, 2024), enterprises(demo_path)
    assert sum(v is not None for values in before.values() for v in values) >= 19
    assert main(["excel", "import", str(demo_path), str(template), "--park", "SDYYFW", "--year", "2024"]) == 0
    assert indicator_values(demo_path, 2024) == before  # the 19 indicators are all still there
    assert enterprises(demo_path) == listed  # and no row was deleted
    assert "#清空" in " ".join(str(c.value) for row in openpyxl.load_workbook(template)["说明"].iter_rows()
                               for c in row if c.value)

    book = openpyxl.load_workbook(template)
    sheet = book["6 指标"]
    headers = [c.value for c in sheet[1]]
    target_column = next(i for i, h in enumerate(headers, start=1) if h and h.startswith("2024年目标"))
    first = next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value)
    name = sheet.cell(first, 2).value
    sheet.cell(first, target_column).value = "#清空"
    book.save(template)
    capsys.readouterr()
    assert main(["excel", "import", str(demo_path), str(template), "--park", "SDYYFW", "--year", "2024"]) == 0
    after = indicator_values(demo_path, 2024)
    cleared = [key for key in before if before[key] != after[key]]
    assert len(cleared) == 1, name
    key = cleared[0]
    assert before[key][1] is not None and after[key][1] is None  # only that target was cleared
    assert after[key][0] == before[key][0] and after[key][2] == before[key][2]
