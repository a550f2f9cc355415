"""The 1234 goals dashboard on the demo workspace, and as a PDF."""

from __future__ import annotations

import json
import subprocess

import pytest
from sqlalchemy import func, select

from parkdesk.city.dashboard import goals_dashboard
from parkdesk.city.dashboard_pdf import write_dashboard_pdf
from parkdesk.db.models import IndicatorDefinition, IndicatorValue, Report
from parkdesk.db.workspace import open_workspace

KEY_CELLS_EMPTY_IN_DEMO = {("tcm_medical_devices", "comprehensive"), ("tcm_medical_devices", "startup"),
                           ("industrial_design", "first_class")}


def test_demo_2023_dashboard(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        dashboard = goals_dashboard(session, 2023)
        rows = session.execute(
            select(IndicatorDefinition.key, func.sum(IndicatorValue.actual), func.sum(IndicatorValue.baseline_2021))
            .join(IndicatorValue, IndicatorValue.indicator_id == IndicatorDefinition.id)
            .join(Report, Report.id == IndicatorValue.report_id)
            .where(Report.year == 2023, IndicatorDefinition.key.in_(("enterprise_count", "industry_scale")))
            .group_by(IndicatorDefinition.key)).all()
    assert len(dashboard.parks) == 12 and dashboard.uncounted == ()
    assert {p.status for p in dashboard.parks} == {"accepted"}
    assert {(c.domain, c.category) for c in dashboard.domains.key_cells if not c.filled} == KEY_CELLS_EMPTY_IN_DEMO
    assert [c.domain for c in dashboard.domains.characteristic_cells if c.filled] == ["language_services"]
    assert (dashboard.goal("domain_coverage").value, dashboard.goal("domain_coverage").target) == (10, 16)
    assert {d.name for d in dashboard.districts.missing} == {"章丘区", "济阳区", "莱芜区", "钢城区", "平阴县", "商河县"}
    assert [(z.code, z.parks) for z in dashboard.districts.zones] == [("Z01", ("GJWHCK", "QLRJY"))]
    # 一个跃升 includes 争创一流类: the provincial bases (博科, 宏济堂) strive for national recognition (国内一流);
    # the national ones strive for 国际一流, which no recognition level records, and are listed apart
    assert dashboard.leap.moved_up == () and len(dashboard.leap.eligible) == 9
    assert {"BKKG", "HJT"} <= set(dashboard.leap.eligible)
    assert dashboard.leap.at_top == ("GJWHCK", "QLRJY", "SDZYYDX")
    for status in dashboard.doubling:  # the same sums SQLite makes, to rounding
        actual, baseline = next((a, b) for key, a, b in rows if key == status.indicator)
        assert abs(float(status.actual_total) - actual) < 1e-6 and abs(float(status.baseline_total) - baseline) < 1e-6
        assert status.met is False  # the demo's parks are on their way
    goals = {g.key: g for g in dashboard.goals}
    assert goals["park_count_doubling"].value == 12 and goals["park_count_doubling"].met is False
    assert all(goals[k].met is None and goals[k].value == 12
               for k in ("standardization", "internationalization", "intelligentization", "integration"))
    data = json.loads(json.dumps(dashboard.to_json(), ensure_ascii=False))
    assert data["year"] == 2023 and len(data["goals"]) == 10 and len(data["parks"]) == 12


def test_drafts_do_not_count(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        dashboard = goals_dashboard(session, 2024)
    assert dashboard.parks == ()
    assert len(dashboard.uncounted) == 12 and {p.status for p in dashboard.uncounted} == {"draft"}
    # 园区数量 counts recognized parks, filed or not: the 12 are recognized in 2024, none has filed yet
    assert dashboard.goal("park_count_doubling").value == 12
    assert [p.code for p in dashboard.not_filed] == sorted(p.code for p in dashboard.uncounted)
    assert dashboard.goal("enterprise_count_doubling").met is False  # nothing to double


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
@pytest.mark.needs_tool("pdffonts", "poppler-utils")
def test_dashboard_pdf(demo_path, tmp_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        dashboard = goals_dashboard(session, 2023)
    path = write_dashboard_pdf(dashboard, tmp_path / "dashboard.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("2023 年度“1234”发展目标进展", "重点领域和特色领域覆盖", "尚无园区的区县", "商河县",
                     "山东语言服务出口基地", "园区(基地)数量倍增"):
        assert expected in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(" yes yes yes " in line for line in fonts.splitlines()[2:])  # embedded, subset, ToUnicode
    assert not list(tmp_path.glob(".*.tmp"))
