"""The evaluation and the dashboard against the plan's own words (issue 21): bars, shares, computed figures."""

from __future__ import annotations

from fractions import Fraction

from city_kit import ParkSpec, build_workspace
from parkdesk.city.evaluation import evaluate
from parkdesk.city.grading import FAIL
from parkdesk.history.park_year import load_park_years
from parkdesk.city.scoring import default_scheme
from parkdesk.db.workspace import open_workspace

MET = {r: "met" for r in ("distinctive", "infrastructure", "management", "services", "synergy", "talent",
                          "safeguards")}


def growing(code: str, share: float) -> ParkSpec:
    """A park `share` of the way to 2023's bar on enterprises, scale and exports (baseline 300, doubling 600)."""
    actual = 300 + 200 * share
    return ParkSpec(code, "culture", "startup", "370102", ratings=MET, milestones=("done", "done"),
                    indicators={key: (300, 660, actual) for key in ("enterprise_count", "industry_scale",
                                                                    "service_exports")}
                    | {"platform_count": (2, 4, 3)})


def test_a_park_that_sets_low_targets_and_does_not_grow_cannot_reach_good(tmp_path):
    """Before issue 21 such a park scored 100 and ranked first, 优秀, 150 万元: it met its own targets."""
    idle = ParkSpec("IDLE", "culture", "startup", "370102", ratings=MET, milestones=("done", "done"),
                    indicators={key: (300, 300, 300) for key in ("enterprise_count", "industry_scale",
                                                                 "service_exports")}
                    | {"platform_count": (4, 4, 4)})
    parks = [growing(f"P{n:02}", share) for n, share in enumerate((1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65,
                                                                   0.6, 0.55, 0.5), start=1)]
    path = build_workspace(tmp_path / "ws.sqlite", [*parks, idle])
    with open_workspace(path) as workspace, workspace.session() as session:
        evaluation = evaluate(session, 2023, default_scheme())
    result = next(r for r in evaluation.parks if r.park.code == "IDLE")
    assert result.grade not in ("excellent", "good") and result.grade == FAIL
    assert result.rank == len(evaluation.parks)
    progress = [i for i in result.score.items if i.key in ("enterprise_count", "industry_scale", "service_exports")]
    assert all(i.points == 0 and "declared_below_plan" in i.notes for i in progress)


def test_a_computed_share_is_computed_from_the_reports_exports(tmp_path):
    spec = ParkSpec("S", "culture", "startup", "370102",
                    indicators={"service_exports": (100, 300, 150), "foreign_trade_exports": (400, 600, 600),
                                "service_export_share": (99, 99, 99)})  # typed wrong
    path = build_workspace(tmp_path / "ws.sqlite", [spec])
    with open_workspace(path) as workspace, workspace.session() as session:
        [park], _ = load_park_years(session, 2023)
    share = park.figures("service_export_share")
    assert (share.baseline, share.target, share.actual) == (25, 50, 25)
    assert isinstance(share.actual, Fraction)


def test_the_park_count_counts_recognized_parks_filed_or_not(tmp_path):
    from parkdesk.city.dashboard import goals_dashboard

    parks = [ParkSpec("A", "culture", "startup", "370102"),
             ParkSpec("B", "culture", "startup", "370102", level="none"),  # 尚未认定: not counted
             ParkSpec("C", "culture", "startup", "370102", status="draft"),  # recognized, not filed: counted
             ParkSpec("D", "culture", "startup", "370102", status=None)]  # no report at all: not known that year
    path = build_workspace(tmp_path / "ws.sqlite", parks)
    with open_workspace(path) as workspace, workspace.session() as session:
        dashboard = goals_dashboard(session, 2023)
    assert sorted(p.code for p in dashboard.parks) == ["A", "B"]  # B's figures count, B is no recognized park
    assert [(p.code, p.filed) for p in dashboard.recognized] == [("A", True), ("C", False)]
    assert dashboard.goal("park_count_doubling").value == 2
    data = dashboard.to_json()
    assert [p["code"] for p in data["recognized_parks"] if not p["filed"]] == ["C"]


def test_a_recorded_recognition_moves_a_first_class_park_up_from_that_year_on(demo_path, capsys):
    """宏济堂 (provincial, 争创一流类) recognised as a national base in 2023: one leap in 2023, not in 2022."""
    from parkdesk.city.dashboard import goals_dashboard
    from parkdesk.cli.main import main

    assert main(["city", "recognize", str(demo_path), "--park", "HJT", "--date", "2023-10-15", "--document",
                 "商服贸函〔2023〕88号", "--level", "国家级"]) == 0
    assert main(["city", "recognitions", str(demo_path), "--format", "json"]) == 0
    assert "商服贸函〔2023〕88号" in capsys.readouterr().out
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        earlier, later = goals_dashboard(session, 2022), goals_dashboard(session, 2023)
    assert "HJT" not in [m.park for m in earlier.leap.moved_up]  # 2022's dashboard keeps 2022's level
    [move] = later.leap.moved_up
    assert (move.park, move.from_level, move.to_level) == ("HJT", "provincial", "national")
    hjt = next(p for p in later.parks if p.code == "HJT")
    assert hjt.level == "national" and hjt.recognition_document == "商服贸函〔2023〕88号"
    assert later.goal("category_leap").value == 1


def test_earlier_years_keep_their_own_category(tmp_path):
    from parkdesk.city.dashboard import goals_dashboard
    from parkdesk.db.models import ParkDetails, Report
    from sqlalchemy import select

    path = build_workspace(tmp_path / "ws.sqlite", [ParkSpec("HYSZKJ", "digital_trade", "startup", "370104")],
                           year=2022)
    with open_workspace(path) as workspace, workspace.session() as session, session.begin():
        first = session.scalars(select(Report)).one()
        later = Report(park_id=first.park_id, year=2023, status="accepted")
        session.add(later)
        session.flush()
        session.add(ParkDetails(id=later.id, name="HYSZKJ 园区", code="HYSZKJ", division_code="370104",
                                domain="digital_trade", category="comprehensive", level="provincial"))
    with open_workspace(path) as workspace, workspace.session() as session:
        before, after = goals_dashboard(session, 2022), goals_dashboard(session, 2023)
    assert [p.category for p in before.parks] == ["startup"] and before.leap.moved_up == ()
    assert [p.category for p in after.parks] == ["comprehensive"] and len(after.leap.moved_up) == 1


def test_a_third_party_result_takes_precedence_and_rewards_are_caps(demo_path, tmp_path, capsys):
    import json

    import openpyxl

    from parkdesk.cli.main import main

    assert main(["city", "third-party", str(demo_path), "--year", "2023", "--park", "SDWLST", "--grade", "良好",
                 "--evaluator", "第三方评价机构", "--score", "88.5", "--document", "评价报告〔2024〕1号"]) == 0
    capsys.readouterr()
    out = tmp_path / "e.xlsx"
    assert main(["city", "evaluate", str(demo_path), "--year", "2023", "--out", str(out), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    park = next(p for p in data["parks"] if p["code"] == "SDWLST")
    assert park["grade"] == "good" and park["grade_source"] == "third_party" and park["parkdesk_grade"] == "pass"
    assert park["third_party"]["score"] == 88.5 and park["reward_cap_wan_yuan"] == 100
    assert data["third_party_graded"] == 1
    sheet = openpyxl.load_workbook(out)["排名"]
    header = [c.value for c in sheet[1]]
    assert "奖励上限(万元)" in header and "奖励(万元)" not in header
    summary = "\n".join(str(c.value) for row in openpyxl.load_workbook(out)["汇总"].iter_rows() for c in row if c.value)
    assert "以下为 parkdesk 的默认设定,并非行动计划方案的规定" in summary and "合格线 60 分" in summary
    assert "六(三)" in summary and "第三方" in summary
    assert main(["--lang", "en", "city", "third-party", str(demo_path), "--year", "2023", "--park", "SDWLST",
                 "--grade", "superb", "--evaluator", "x"]) == 1
    assert "excellent | good | pass | fail" in capsys.readouterr().err
