"""The 任务表 (task table) of a year: park × stage × core task or milestone × status, for a district or all.

Each park with a report for the year gets, per stage, a line for the stage's
core task (the category's theme, with the park's goals and a status summed
up from the stage's milestones) followed by a line per milestone. Values are
repeated on every line, not merged, so the table filters and sorts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, Milestone, ParkDetails, PathStage, Report
from parkdesk.excel.writing import Formats, column_width, new_workbook
from parkdesk.forms.field_values import display_value
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.labels import Label
from parkdesk.reference.stages import STAGES, stage_theme

PARK, MILESTONE_RECORD = RECORD_BY_KEY["park"], RECORD_BY_KEY["milestone"]
STATUS = MILESTONE_RECORD.field("status")
# the columns that show a form's field are headed with its label; the others are the task table's own words
HEADERS = (Label("区县(功能区)", "District or zone"), PARK.label, PARK.field("category").label,
           MILESTONE_RECORD.field("stage_year").label, Label("类型", "Kind"), Label("核心任务", "Core task"),
           Label("任务或里程碑", "Task or milestone"), MILESTONE_RECORD.field("due_date").label, STATUS.label,
           MILESTONE_RECORD.field("evidence").label)
CORE_TASK = Label("核心任务", "Core task")
MILESTONE = Label("里程碑", "Milestone")
NO_MILESTONES = Label("无里程碑", "No milestones")
# the plan's annex, titled as the plan gives it (附件:济南市服务贸易园区(基地)三年建设提升行动计划任务表)
ANNEX_TITLE = Label("济南市服务贸易园区(基地)三年建设提升行动计划任务表",
                    "Task table of the three-year action plan for Jinan's service-trade parks")
TITLE = Label(ANNEX_TITLE.zh + "({year}年度)", ANNEX_TITLE.en + ", {year}")
WIDE = {5: 40, 6: 50, 9: 40}  # core task, task text and evidence columns


@dataclass(frozen=True)
class TaskTableStats:
    parks: int
    rows: int


def stage_status(statuses: list[str]) -> str | None:
    """A stage's status from its milestones: done when all are, delayed when any is, else under way or planned."""
    if not statuses:
        return None
    if all(s == "done" for s in statuses):
        return "done"
    if "delayed" in statuses:
        return "delayed"
    if any(s in ("done", "in_progress") for s in statuses):
        return "in_progress"
    return "planned"


def task_rows(session: Session, year: int, lang: str = "zh",
              division_code: str | None = None) -> tuple[int, list[list]]:
    """(number of parks, the table's rows) for the year's reports, by district then park."""
    query = (select(Report, ParkDetails, Division.name).join(ParkDetails, ParkDetails.id == Report.id)
             .outerjoin(Division, Division.code == ParkDetails.division_code).where(Report.year == year)
             .order_by(ParkDetails.division_code, Report.park_id))  # each report as it states the park
    if division_code is not None:
        query = query.where(ParkDetails.division_code == division_code)
    reports = session.execute(query).all()
    rows: list[list] = []
    for report, park, division in reports:
        category = CATEGORY_BY_KEY.get(park.category)
        stages = {s.stage_year: s for s in session.scalars(select(PathStage).where(PathStage.report_id == report.id))}
        milestones = session.scalars(select(Milestone).where(Milestone.report_id == report.id)
                                     .order_by(Milestone.sort_order, Milestone.id)).all()
        for stage in STAGES:
            in_stage = [m for m in milestones if m.stage_year == stage.year]
            theme = stage_theme(category, stage.year).text(lang) if category else ""
            common = [division or "", park.name, category.text(lang) if category else park.category,
                      f"{stage.year} {stage.text(lang)}"]
            status = stage_status([m.status for m in in_stage])
            path_stage = stages.get(stage.year)
            rows.append(common + [CORE_TASK.text(lang), theme, (path_stage.goals if path_stage else None) or "",
                                  None, display_value(STATUS, status, lang) if status else
                                  NO_MILESTONES.text(lang), ""])
            for m in in_stage:
                rows.append(common + [MILESTONE.text(lang), theme, m.title, m.due_date,
                                      display_value(STATUS, m.status, lang), m.evidence or ""])
    return len(reports), rows


def write_task_table(session: Session, year: int, path: Path | str, lang: str = "zh",
                     division_code: str | None = None) -> TaskTableStats:
    path = Path(path)
    parks, rows = task_rows(session, year, lang, division_code)
    with new_workbook(path) as book:
        formats = Formats(book)
        sheet = book.add_worksheet(str(year))
        sheet.merge_range(0, 0, 0, len(HEADERS) - 1, TITLE.text(lang).format(year=year), formats.title)
        sheet.write_row(1, 0, [h.text(lang) for h in HEADERS], formats.header)
        for number, row in enumerate(rows, start=2):
            for column, value in enumerate(row):
                if value is None or value == "":
                    continue
                if column == 7:
                    sheet.write_datetime(number, column, value, formats.date)
                else:
                    sheet.write_string(number, column, str(value))
        for column, header in enumerate(HEADERS):
            width = WIDE.get(column) or column_width([header.text(lang), *(r[column] or "" for r in rows[:500])])
            sheet.set_column(column, column, width, formats.wrap if column in WIDE else None)
        sheet.freeze_panes(2, 2)
        sheet.autofilter(1, 0, max(1, len(rows) + 1), len(HEADERS) - 1)
    return TaskTableStats(parks, len(rows))
