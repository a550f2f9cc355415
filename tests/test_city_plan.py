"""The evaluation and the dashboard against the plan's own words (issue 21): bars, shares, computed figures."""

from __future__ import annotations

from fractions import Fraction

from city_kit import ParkSpec, build_workspace
from parkdesk.city.evaluation import evaluate
from parkdesk.city.grading import FAIL
from parkdesk.city.park_year import load_park_years
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
