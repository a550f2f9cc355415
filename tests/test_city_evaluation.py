"""The yearly evaluation: ranking, grades and rewards; stored and reproduced; the workbook and the PDF."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import subprocess

import openpyxl
import pytest
from sqlalchemy import select

from city_kit import ParkSpec, build_workspace
from parkdesk.city.evaluation import NoCountedReports, evaluate, load_evaluation, rerun, store_evaluation
from parkdesk.city.evaluation_pdf import write_evaluation_pdf
from parkdesk.city.evaluation_workbook import sheet_name, write_evaluation_workbook
from parkdesk.city.dashboard import goals_dashboard
from parkdesk.city.grading import FAIL, PASS
from parkdesk.city.scoring import HIGHER, default_scheme, parse_scheme_json
from parkdesk.db.models import EvaluationRecord, IndicatorDefinition, IndicatorValue, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import EXIT_PROBLEMS


def _progress(share: float) -> dict:
    """Enterprises and scale `share` of the way to 2023's bar: the plan's doubling, baseline 300 → 600, so 2023's
    bar is 500 (two thirds of the way); each park's own target of 750 is shown but not scored."""
    actual = 300 + 200 * share
    return {"enterprise_count": (300, 750, actual), "industry_scale": (300, 750, actual)}


# Seven parks with hand-worked scores under the default scheme (nothing but the two progress items, 25 each):
SMALL = [ParkSpec(code, "culture", "startup", "370102", indicators=_progress(share))
         for code, share in (("A", 1.0), ("B", 0.9), ("C", 0.9), ("D", 0.4), ("E", 1.2), ("F", 0.5), ("G", 1.0))]


def test_hand_worked_ranking_grades_and_rewards(tmp_path):
    path = build_workspace(tmp_path / "small.sqlite", SMALL)
    scheme = dataclasses.replace(default_scheme(), pass_threshold=30)
    with open_workspace(path) as workspace, workspace.session() as session:
        evaluation = evaluate(session, 2023, scheme)
    rows = [(r.park.code, r.rank, str(r.score.score), r.grade, str(r.reward)) for r in evaluation.parks]
    # 7 parks: 1 place of 优秀 (1.4), 2 of 良好 (2.1). A, E and G all reach 50 (E is capped): a three-way tie
    # fits neither 优秀's one place nor 良好's two, so it goes down to 合格; B and C (45) rank below them and
    # pass too (places are never passed on); F and D are below the threshold of 30
    assert rows == [("A", 1, "50.00", PASS, "50.00"), ("E", 1, "50.00", PASS, "50.00"),
                    ("G", 1, "50.00", PASS, "50.00"), ("B", 4, "45.00", PASS, "50.00"),
                    ("C", 4, "45.00", PASS, "50.00"), ("F", 6, "25.00", FAIL, "0.00"), ("D", 7, "20.00", FAIL, "0.00")]
    assert evaluation.quotas == {"excellent": 1, "good": 2}
    assert evaluation.grade_counts == {"excellent": 0, "good": 0, PASS: 5, FAIL: 2}
    assert str(evaluation.reward_total) == "250.00"
    upward = dataclasses.replace(scheme, ties=HIGHER)
    with open_workspace(path) as workspace, workspace.session() as session:
        grades = {r.park.code: r.grade for r in evaluate(session, 2023, upward).parks}
    assert grades == {"A": "excellent", "E": "excellent", "G": "excellent", "B": "good", "C": "good", "D": FAIL,
                      "F": FAIL}


def test_demo_evaluation_is_stored_and_reproduced(demo_path):
    scheme = default_scheme()
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        first = evaluate(session, 2023, scheme)
        second = evaluate(session, 2023, parse_scheme_json(scheme.canonical_json()))
        assert first.result_json() == second.result_json()
        record_id = store_evaluation(session, first, workspace.actor).id
        session.commit()
    assert len(first.parks) == 12 and [r.rank for r in first.parks] == sorted(r.rank for r in first.parks)
    assert first.quotas == {"excellent": 2, "good": 3}
    counts = first.grade_counts
    assert counts["excellent"] <= 2 and counts["excellent"] + counts["good"] <= 5 and counts[FAIL] == 0
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        record = load_evaluation(session, record_id)
        assert record.scheme_fingerprint == scheme.fingerprint == first.fingerprint
        assert hashlib.sha256(record.scheme_json.encode()).hexdigest() == record.scheme_fingerprint
        assert hashlib.sha256(record.result_json.encode()).hexdigest() == record.result_sha256
        assert record.year == 2023 and record.park_count == 12 and record.actor == workspace.actor
        stored = json.loads(record.result_json)
        assert stored["scheme"]["fingerprint"] == scheme.fingerprint
        assert [p["code"] for p in stored["parks"]] == [r.park.code for r in first.parks]
        _, again = rerun(session, record_id)
        assert again.result_json() == record.result_json  # reproduced from what the workspace stored
        value = session.scalars(  # a report changes: the rerun no longer matches
            select(IndicatorValue).join(IndicatorDefinition).join(Report).join(Park)
            .where(Park.code == "LKJJQ", Report.year == 2023, IndicatorDefinition.key == "industry_scale")).one()
        value.actual = value.actual / 2
        session.commit()
        _, changed = rerun(session, record_id)
        assert changed.result_json() != record.result_json
        assert changed.parks[-1].park.code == "LKJJQ"


def test_no_counted_report_is_an_input_problem(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        with pytest.raises(NoCountedReports) as info:
            evaluate(session, 2024, default_scheme())
        assert session.scalar(select(EvaluationRecord.id)) is None
    assert info.value.exit_code == EXIT_PROBLEMS
    assert "已定稿, 已报送, 已通过" in info.value.message("zh")
    assert "Finalized, Submitted, Accepted" in info.value.message("en")


@pytest.fixture
def demo_evaluation(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        evaluation = evaluate(session, 2023, default_scheme())
        record = store_evaluation(session, evaluation, workspace.actor)
        session.commit()
        dashboard = goals_dashboard(session, 2023)
    return evaluation, record, dashboard


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_workbook_holds_the_ranking(demo_evaluation, tmp_path, lang):
    evaluation, record, _ = demo_evaluation
    path = write_evaluation_workbook(evaluation, tmp_path / "evaluation.xlsx", lang=lang, record=record)
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames[0] == sheet_name("ranking", lang)
    rows = list(workbook[sheet_name("ranking", lang)].iter_rows(values_only=True))
    assert rows[0][:3] == (("名次", "园区代码", "园区(基地)") if lang == "zh" else ("Rank", "Code", "Park"))
    assert [(r[0], r[1], r[7]) for r in rows[1:]] == [(p.rank, p.park.code, float(p.score.score))
                                                        for p in evaluation.parks]
    grades = {"excellent": ("优秀", "Excellent"), "good": ("良好", "Good"), PASS: ("合格", "Pass")}
    assert [r[10] for r in rows[1:]] == [grades[p.grade][lang == "en"] for p in evaluation.parks]
    assert sum(r[11] for r in rows[1:]) == float(evaluation.reward_total)
    summary = [r for r in workbook[sheet_name("summary", lang)].iter_rows(values_only=True)]
    assert any(r[1] == evaluation.fingerprint for r in summary) and any(r[1] == record.id for r in summary)
    scheme_rows = list(workbook[sheet_name("scheme", lang)].iter_rows(values_only=True))
    assert parse_scheme_json(scheme_rows[-1][1]).fingerprint == evaluation.fingerprint
    items = list(workbook[sheet_name("items", lang)].iter_rows(values_only=True))
    assert len(items) == 1 + 12 * len(evaluation.scheme.items)
    workbook.close()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_evaluation_pdf(demo_evaluation, tmp_path):
    evaluation, record, dashboard = demo_evaluation
    path = write_evaluation_pdf(evaluation, tmp_path / "evaluation.pdf", record=record, dashboard=dashboard)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("2023 年度园区(基地)考核评价结果", evaluation.fingerprint, "等次、名额与奖励", "分项得分",
                     evaluation.parks[0].park.name, "2023 年度“1234”发展目标进展"):
        assert expected in text
    assert text.index(evaluation.parks[0].park.name) < text.index(evaluation.parks[-1].park.name)


def test_evaluation_pdf_bars_show_the_spread_of_scores(demo_evaluation):
    """The ranking's bars are drawn on 0 … full mark + bonus: a park above the full mark is not cut off at 100 %,
    and two parks a few points apart get bars a few points apart."""
    from parkdesk.city.evaluation_pdf import _ranking
    from parkdesk.pdf.blocks import ScoreBar
    from parkdesk.pdf.styles import make_styles

    evaluation = demo_evaluation[0]
    table = next(f for f in _ranking(evaluation, make_styles("Helvetica"), "zh") if hasattr(f, "_cellvalues"))
    bars = [cell for row in table._cellvalues for cell in row if isinstance(cell, ScoreBar)]
    assert len(bars) == len(evaluation.parks)
    scheme = evaluation.scheme
    assert all(bar.scale == float(scheme.base_points + scheme.bonus_points) for bar in bars)
    shares = [bar.score / bar.scale for bar in bars]
    assert shares == sorted(shares, reverse=True) and shares[0] < 1
    assert any(bar.score > float(scheme.base_points) for bar in bars)  # bonus points shown, not cut off
    assert float(scheme.pass_threshold) in bars[0].marks and float(scheme.base_points) in bars[0].marks
