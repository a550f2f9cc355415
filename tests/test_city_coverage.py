"""The 1234 goals against hand-worked workspaces: coverage cells, districts, leap, doublings, transformations."""

from __future__ import annotations

import json

import pytest

from parkdesk.city.dashboard import goals_dashboard
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import InputProblem
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES
from parkdesk.reference.domains import CHARACTERISTIC_DOMAINS, KEY_DOMAINS
from city_kit import ParkSpec, build_workspace

# A hand-worked city: 9 parks, 7 with a counted report.
MIXED = [
    ParkSpec("P1", "digital_trade", "first_class", "370102",
             indicators={"enterprise_count": (10, None, 25), "industry_scale": (1.1, None, 2.3),
                         "standards_local": (0, 1, 1)},
             ratings={"infrastructure": "met"}),
    ParkSpec("P2", "digital_trade", "comprehensive", "370103", status="finalized",
             indicators={"enterprise_count": (20, None, 30), "industry_scale": (2.2, None, 4.3),
                         "service_exports": (50, 200, 100)},
             ratings={"infrastructure": "partly"}),
    ParkSpec("P3", "digital_trade", "startup", "370104", status="draft"),
    ParkSpec("P4", "culture", "first_class", "Z01", status="submitted",
             indicators={"enterprise_count": (None, None, 8)}, ratings={"synergy": "met"}),
    ParkSpec("P5", "language_services", "startup", None),
    ParkSpec("P6", "intellectual_property", "comprehensive", "370102", status="returned"),
    ParkSpec("SDYYFW", "language_services", "comprehensive", "370112",  # the plan says 初创新建类: moved up
             indicators={"enterprise_count": (5, None, 12), "service_exports": (10, 20, 0)}),
    ParkSpec("QLRJY", "digital_trade", "first_class", "Z01", level="national"),  # national 争创一流类: at the top
    ParkSpec("HYSZKJ", "digital_trade", "startup", "370104"),  # 初创新建类 in the plan, still there
]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    path = build_workspace(tmp_path_factory.mktemp("city") / "mixed.sqlite", MIXED)
    with open_workspace(path) as workspace, workspace.session() as session:
        yield goals_dashboard(session, 2023)


def test_counted_and_uncounted_parks(mixed):
    assert [p.code for p in mixed.parks] == ["HYSZKJ", "P1", "P2", "P4", "P5", "QLRJY", "SDYYFW"]
    assert {(p.code, p.status) for p in mixed.uncounted} == {("P3", "draft"), ("P6", "returned")}
    # 园区数量 counts the recognized parks: P3 (draft) and P6 (returned) have not filed but count
    assert mixed.goal("park_count_doubling").value == 9 and mixed.goal("park_count_doubling").met is False
    assert [p.code for p in mixed.not_filed] == ["P3", "P6"]


def test_domain_coverage_cells(mixed):
    coverage = mixed.domains
    assert coverage.cell("digital_trade", "first_class").parks == ("P1", "QLRJY")
    assert coverage.cell("digital_trade", "comprehensive").parks == ("P2",)
    assert coverage.cell("digital_trade", "startup").parks == ("HYSZKJ",)  # P3 is a draft: not counted
    assert coverage.cell("culture", "first_class").parks == ("P4",)
    assert coverage.cell("language_services").parks == ("P5", "SDYYFW")
    assert coverage.cell("intellectual_property").parks == ()  # P6 was returned
    assert len(coverage.key_cells) == 12 and len(coverage.characteristic_cells) == 4
    assert coverage.filled == 5 and coverage.required == 16
    goal = mixed.goal("domain_coverage")
    assert (goal.value, goal.target, goal.met) == (5, 16, False)


def test_district_coverage(mixed):
    districts = mixed.districts
    with_parks = {d.code: d.parks for d in districts.districts if d.parks}
    assert with_parks == {"370102": ("P1",), "370103": ("P2",), "370104": ("HYSZKJ",), "370112": ("SDYYFW",)}
    assert {d.code for d in districts.missing} == {d.code for d in DIVISIONS} - set(with_parks)
    assert [(z.code, z.parks) for z in districts.zones] == [("Z01", ("P4", "QLRJY"))]  # zones fill no district
    assert districts.unplaced == ("P5",)
    goal = mixed.goal("district_coverage")
    assert (goal.value, goal.target, goal.met) == (4, 12, False)


def test_category_leap(mixed):
    leap = mixed.leap
    assert [(m.park, m.from_category, m.to_category) for m in leap.moved_up] == [
        ("SDYYFW", "startup", "comprehensive")]
    assert leap.eligible == ("HYSZKJ", "SDYYFW") and leap.not_moved == ("HYSZKJ",)
    assert leap.at_top == ("QLRJY",) and leap.moved_down == ()
    assert leap.not_assessed == ("P1", "P2", "P4", "P5")
    goal = mixed.goal("category_leap")
    assert (goal.value, goal.target, goal.met) == (1, 2, False)


def test_doublings_are_exact(mixed):
    enterprises, scale = mixed.doubling
    assert (enterprises.baseline_total, enterprises.target_total, enterprises.actual_total) == (35, 70, 75)
    assert enterprises.met
    assert enterprises.without_baseline == ("HYSZKJ", "P4", "P5", "QLRJY")  # P4 is new: actual only
    assert enterprises.without_actual == ("HYSZKJ", "P5", "QLRJY")
    # 2 × (1.1 + 2.2) is 6.6000000000000005 in floats; the typed decimals make exactly 6.6 = 2.3 + 4.3
    assert scale.target_total == scale.actual_total and scale.met
    assert mixed.goal("industry_scale_doubling").met is True


def test_transformations_counted(mixed):
    counted = {t.key: t.parks for t in mixed.transformations}
    assert counted == {"standardization": ("P1",), "internationalization": ("P2",),
                       "intelligentization": ("P1",), "integration": ("P4",)}
    totals = dict(next(t for t in mixed.transformations if t.key == "standardization").totals)
    assert totals == {"standards_international": 0, "standards_national": 0, "standards_industry": 0,
                      "standards_local": 1}
    goal = mixed.goal("standardization")
    assert (goal.value, goal.target, goal.met) == (1, None, None)


def test_json_holds_the_details(mixed):
    data = json.loads(json.dumps(mixed.to_json(), ensure_ascii=False))
    assert [g["key"] for g in data["goals"]][:4] == ["category_leap", "domain_coverage", "district_coverage",
                                                     "park_count_doubling"]
    cells = {(c["domain"], c["category"]): c["parks"] for c in data["domain_coverage"]["key_domains"]}
    assert cells[("digital_trade", "first_class")] == ["P1", "QLRJY"]
    assert "370114" in data["district_coverage"]["without_park"]
    scale = next(d for d in data["doubling"] if d["indicator"] == "industry_scale")
    assert scale["actual"] == 6.6 and scale["target"] == 6.6 and scale["met"] is True


def test_full_coverage_is_met(tmp_path):
    districts = [d.code for d in DIVISIONS]
    parks = [ParkSpec(f"K{i:02d}", domain.key, category.key, districts[i])
             for i, (domain, category) in enumerate((d, c) for d in KEY_DOMAINS for c in CATEGORIES)]
    parks += [ParkSpec(f"C{i}", domain.key, "startup", FUNCTIONAL_ZONES[i].code)
              for i, domain in enumerate(CHARACTERISTIC_DOMAINS)]
    path = build_workspace(tmp_path / "full.sqlite", parks)
    with open_workspace(path) as workspace, workspace.session() as session:
        dashboard = goals_dashboard(session, 2023)
    assert dashboard.goal("domain_coverage").met and dashboard.domains.filled == 16
    assert dashboard.goal("district_coverage").met and dashboard.districts.missing == ()
    assert dashboard.goal("park_count_doubling").value == 16
    assert dashboard.goal("category_leap").target == 0 and dashboard.goal("category_leap").met is False


def test_a_year_outside_the_plan_is_refused(workspace_path):
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        with pytest.raises(InputProblem) as info:
            goals_dashboard(session, 2021)
    assert "2022–2024" in info.value.message("en")
