"""Year over year: a report beside the park's previous accepted year, as data and in the park PDF."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from sqlalchemy import select

from parkdesk.db.models import Enterprise, IndicatorDefinition, IndicatorValue, Milestone, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.pdf.report_pdf import write_report_pdf
from parkdesk.history.year_over_year import compare_years


def report_of(session, park: str, year: int) -> Report:
    return session.scalars(select(Report).join(Park).where(Park.code == park, Report.year == year)).one()


def test_changes_against_the_previous_accepted_year(demo_path):
    with open_workspace(demo_path) as ws, ws.session() as session, session.begin():
        current, previous = report_of(session, "HJT", 2024), report_of(session, "HJT", 2023)
        before = session.scalars(select(Enterprise).where(Enterprise.report_id == previous.id)
                                 .order_by(Enterprise.id)).all()
        after = {e.uscc: e for e in session.scalars(select(Enterprise).where(Enterprise.report_id == current.id))}
        session.delete(after[before[0].uscc])  # removed this year
        after[before[1].uscc].employees += 7  # changed
        moved_by_name = after[before[2].uscc]
        moved_by_name.uscc = None  # no code this year: matched by name with last year's…
        before[2].uscc = None  # …which had none either
        milestone = session.scalars(select(Milestone).where(Milestone.report_id == current.id)
                                    .order_by(Milestone.sort_order)).first()
        milestone.due_date = date(2030, 1, 1)
        session.flush()
        comparison = compare_years(session, current.id)
        assert (comparison.previous_year, comparison.previous_report_id) == (2023, previous.id)
        assert before[0].uscc in {e.uscc for e in comparison.enterprises.removed}
        changed = {e.uscc: e for e in comparison.enterprises.changed}
        assert [(c.field, c.after - c.before) for c in changed[before[1].uscc].changes
                if c.field == "employees"] == [("employees", 7)]
        assert moved_by_name.name not in {e.name for e in comparison.enterprises.added}
        assert any(m.title == milestone.title and m.current_due == date(2030, 1, 1)
                   for m in comparison.milestones_moved)
        scale = next(i for i in comparison.indicators if i.key == "industry_scale")
        value = session.scalar(select(IndicatorValue.actual).join(IndicatorDefinition).where(
            IndicatorValue.report_id == previous.id, IndicatorDefinition.key == "industry_scale"))
        assert scale.previous == value and scale.change == scale.current - value

        previous.status = "finalized"  # not accepted: it does not count as the previous year
        session.flush()
        assert compare_years(session, current.id).previous_year == 2022


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_the_park_pdf_shows_the_comparison_only_when_there_is_a_previous_year(demo_path, tmp_path):
    with open_workspace(demo_path) as ws, ws.session() as session:
        write_report_pdf(session, report_of(session, "HJT", 2024).id, tmp_path / "2024.pdf")
        write_report_pdf(session, report_of(session, "HJT", 2024).id, tmp_path / "short.pdf", appendix=False)
        write_report_pdf(session, report_of(session, "HJT", 2022).id, tmp_path / "2022.pdf", lang="en",
                         appendix=False)
        enterprises = next(i for i in compare_years(session, report_of(session, "HJT", 2024).id).indicators
                           if i.key == "enterprise_count")
    progress = f"{enterprises.progress_previous:.0%} → {enterprises.progress_current:.0%}"
    text = subprocess.run(["pdftotext", tmp_path / "2024.pdf", "-"], capture_output=True, text=True).stdout
    assert "与上年度对比(2023 → 2024)" in text and "企业名录变化" in text and progress in text
    added = text.split("企业名录变化")[1].split("里程碑变动")[0]
    assert "新增" in added and "91370" in added  # the enterprises added are named, with their codes
    short = subprocess.run(["pdftotext", tmp_path / "short.pdf", "-"], capture_output=True, text=True).stdout
    assert "企业名录变化" in short and "91370" not in short.split("企业名录变化")[1].split("里程碑变动")[0]
    first = subprocess.run(["pdftotext", tmp_path / "2022.pdf", "-"], capture_output=True, text=True).stdout
    assert "Year over year" not in first and "Indicators" in first
