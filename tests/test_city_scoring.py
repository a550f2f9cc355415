"""Scoring schemes: every item kind against hand-worked figures, JSON round trips, fingerprints, bad schemes."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from fractions import Fraction

import pytest

from parkdesk.history.park_year import Figures, ParkYear
from parkdesk.city.scheme_values import SchemeProblem
from parkdesk.city.scoring import default_scheme, load_scheme, parse_scheme_json, scheme_from_json, score_park
from parkdesk.city.scoring_items import (
    FINAL, CategoryUpgrade, MilestonesDone, RequirementRatings, TargetProgress, UnitPoints,
)
from parkdesk.errors import EXIT_PROBLEMS, EXIT_UNUSABLE, ParkdeskError
from parkdesk.reference.labels import Label

LABEL = Label("项", "item")
F = Fraction


def park(**changes) -> ParkYear:
    values = dict(park_id=1, code="SDYYFW", name="山东语言服务出口基地", domain="language_services",
                  category="startup", plan_category="startup", division_code="370102", division_name="历下区",
                  division_kind="district", report_id=1, status="accepted")
    values.update(changes)
    return ParkYear(**values)


def figures(baseline, target, actual) -> Figures:
    exact = [None if v is None else F(str(v)) for v in (baseline, target, actual)]
    return Figures(*exact)


@pytest.mark.parametrize("year,path,baseline,target,actual,points,notes", [
    # 山东语言服务出口基地: the plan asks it to double its enterprises, so the bar is twice the baseline, 120
    (2023, "linear", 60, 150, 100, F(25), ()),  # the year's bar 60 + 60 × 2/3 = 100: reached
    (2022, "linear", 60, 150, 100, F(25), ()),  # beyond the year's bar 80: capped
    (2023, "linear", 60, 150, 80, F(25, 2), ()),  # 20 of 40 on the way
    (2023, FINAL, 60, 150, 100, F(50, 3), ()),  # 40 of 60 to the 2024 bar
    (2024, "linear", 60, 150, 50, F(0), ()),  # fell below the baseline: 0, not negative
    (2024, "linear", None, 100, 50, F(0), ("no_baseline", "no_plan_bar")),  # a doubling needs a baseline
    (2024, "linear", 40, None, 60, F(25, 2), ()),  # no target of its own: the bar is 80 all the same
    (2024, "linear", 60, 150, None, F(0), ("no_actual",)),
    (2024, "linear", 100, 100, 150, F(25, 2), ("declared_below_plan",)),  # its own low target does not count
    (2024, "linear", 100, 100, 100, F(0), ("declared_below_plan",)),  # no growth scores nothing
])
def test_target_progress(year, path, baseline, target, actual, points, notes):
    item = TargetProgress("e", LABEL, F(25), "enterprise_count", path=path)
    score = item.score(park(indicators={"enterprise_count": figures(baseline, target, actual)}), year)
    assert score.points == points and score.notes == notes
    assert score.max_points == 25 and not score.bonus


def test_the_bar_is_the_plans_own_figure_where_it_states_one():
    """齐鲁软件园: 核心企业1万家, 产业规模5000亿元, 数字服务出口15亿美元 (= 150,000 万美元)."""
    qilu = park(code="QLRJY", name="齐鲁软件园", domain="digital_trade", category="first_class",
                plan_category="first_class",
                indicators={"enterprise_count": figures(4200, 4200, 4200),
                            "core_enterprise_count": figures(4800, 5000, 8000),
                            "industry_scale": figures(2400, 2500, 3700),
                            "service_exports": figures(62000, 62000, 106000)})
    scheme = default_scheme()
    items = {i.key: i.score(qilu, 2024) for i in scheme.items}
    enterprises = items["enterprise_count"]  # scored on core enterprises, toward 10,000
    assert enterprises.detail["indicator"] == "core_enterprise_count" and enterprises.detail["plan_bar"] == 10000
    assert enterprises.points == F(25) * F(3200, 5200) and "1万家" in enterprises.detail["plan_text"]
    assert items["industry_scale"].points == F(25, 2) and items["industry_scale"].detail["plan_bar"] == 5000
    assert items["service_exports"].points == F(15, 2) and items["service_exports"].detail["plan_bar"] == 150000
    assert all(i.detail["bar_source"] == "plan_figure" for i in (enterprises, items["industry_scale"]))
    assert "declared_below_plan" in enterprises.notes


@pytest.mark.parametrize("code,indicator,baseline,bar,source", [
    ("HJT", "enterprise_count", 30, 60, "default_doubling"),  # 宏济堂: the plan names scale only
    ("HJT", "industry_scale", 28, 56, "plan_doubling"),
    ("SDZYYDX", "service_exports", 1800, 3600, "plan_doubling"),  # 中医药服务出口规模实现倍增
    ("LKJJQ", "industry_scale", 120, 300, "plan_figure"),  # 300亿元 is above twice 120
    ("LKJJQ", "industry_scale", 200, 400, "plan_doubling"),  # twice 200 is above 300亿元: both are the plan's
    ("SDWLST", "enterprise_count", 28, 60, "plan_figure"),  # 60家以上企业入驻
    ("BKKG", "enterprise_count", 22, 10, "plan_figure"),  # 双十: 10 core enterprises
    ("XYZ", "service_exports", 500, 1000, "default_doubling"),  # a park the plan does not name
])
def test_plan_bars(code, indicator, baseline, bar, source):
    from parkdesk.figures.plan_bars import plan_bar

    found = plan_bar(code, indicator, lambda key: F(baseline))
    assert (found.value, found.source) == (bar, source)


def test_per_unit_points_are_capped():
    standards = UnitPoints("s", LABEL, F(10), (("standards_international", F(4)), ("standards_national", F(3)),
                                               ("standards_local", F(1))), bonus=True)
    few = park(indicators={"standards_national": figures(0, 1, 1), "standards_local": figures(0, 2, 2)})
    assert standards.score(few, 2023).points == 5
    many = park(indicators={"standards_international": figures(0, 1, 1), "standards_national": figures(0, 2, 2),
                            "standards_local": figures(0, 3, 3)})
    assert standards.score(many, 2023).points == 10  # 4 + 6 + 3 = 13, capped
    platforms = UnitPoints("p", LABEL, F(10), (("platform_count", F(5, 2)),))
    assert platforms.score(park(indicators={"platform_count": figures(1, 4, 3)}), 2023).points == F(15, 2)


def test_requirement_ratings_and_milestones():
    ratings = {"distinctive": "met", "infrastructure": "met", "management": "met", "services": "met",
               "synergy": "met", "talent": "partly"}  # safeguards unrated
    score = RequirementRatings("r", LABEL, F(15)).score(park(ratings=ratings), 2023)
    assert score.points == F(15) * F(11, 2) / 7 and score.notes == ("unrated",)
    milestones = MilestonesDone("m", LABEL, F(10))
    assert milestones.score(park(milestones_due=3, milestones_done=2), 2023).points == F(20, 3)
    assert milestones.score(park(), 2023).notes == ("no_milestones",)


def test_category_upgrade():
    item = CategoryUpgrade("c", LABEL, F(5))
    assert item.bonus
    assert item.score(park(category="comprehensive"), 2023).points == 5
    assert item.score(park(), 2023).points == 0
    assert item.score(park(plan_category=None), 2023).notes == ("not_a_plan_park",)


def test_a_score_is_the_exact_sum_rounded_once_half_up():
    scheme = default_scheme()
    subject = park(
        category="comprehensive",
        indicators={"enterprise_count": figures(60, 150, 80),  # bar 120, the year's 100: 25 × 1/2
                    "industry_scale": figures(10, 20, 20),  # 25
                    "service_exports": figures(50, 300, 100),  # bar 100, the year's 83.3: 15
                    "platform_count": figures(1, 4, 3),  # 7.5
                    "standards_national": figures(0, 1, 1)},  # 3 (bonus)
        ratings={r: "met" for r in ("distinctive", "infrastructure", "management", "services", "synergy",
                                    "talent", "safeguards")},  # 15
        milestones_due=3, milestones_done=1)  # 10 × 1/3
    result = score_park(scheme, subject, 2023)
    base = F(25, 2) + 25 + 15 + 15 + F(10, 3) + F(15, 2)
    assert result.base == base and result.bonus == 3 + 5  # standards 3, moved up a category 5
    assert result.score == Decimal("86.33")  # 78.3333… + 8 = 86.3333…


def test_default_scheme_round_trips_with_the_same_fingerprint():
    scheme = default_scheme()
    assert scheme.base_points == 100 and scheme.bonus_points == 15
    again = parse_scheme_json(scheme.canonical_json())
    assert again == scheme and again.fingerprint == scheme.fingerprint
    assert len(scheme.fingerprint) == 64


def test_the_fingerprint_is_of_the_meaning_not_the_typing(tmp_path):
    document = default_scheme().to_json()
    terse = copy.deepcopy(document)
    for key in ("score_decimals", "quota_rounding", "ties", "reward_rule", "grades", "format_version"):
        del terse[key]  # the defaults
    terse["items"] = [dict(reversed(list(item.items()))) for item in terse["items"]]
    path = tmp_path / "terse.json"
    path.write_text(json.dumps(terse, ensure_ascii=False, indent=4), encoding="utf-8")
    assert load_scheme(path).fingerprint == default_scheme().fingerprint
    changed = copy.deepcopy(document)
    changed["items"][0]["points"] = 24.5
    changed["items"][1]["points"] = 25.5
    other = scheme_from_json(json.loads(json.dumps(changed), parse_float=Decimal))
    assert other.base_points == 100 and other.fingerprint != default_scheme().fingerprint


def test_decimals_are_read_exactly():
    document = default_scheme().to_json()
    document["items"][5]["unit_points"]["platform_count"] = 0.1
    scheme = scheme_from_json(json.loads(json.dumps(document), parse_float=Decimal))
    assert dict(scheme.items[5].unit_points)["platform_count"] == F(1, 10)
    assert parse_scheme_json(scheme.canonical_json()) == scheme


def _broken(change) -> SchemeProblem:
    document = json.loads(json.dumps(default_scheme().to_json()), parse_float=Decimal)
    change(document)
    with pytest.raises(SchemeProblem) as info:
        scheme_from_json(document, "s.json")
    assert info.value.exit_code == EXIT_PROBLEMS
    return info.value


@pytest.mark.parametrize("change,zh,en", [
    (lambda d: d["items"][0].update(pionts=3), "未知字段", "unknown fields: pionts"),
    (lambda d: d["items"][0].update(kind="guess"), "items[0].kind", "must be one of"),
    (lambda d: d["items"][0].update(indicator="revenue"), "不是已知指标", "not a known indicator"),
    (lambda d: d["items"][1].update(points=Decimal("2.12345")), "最多 4 位小数", "more than 4 decimals"),
    (lambda d: d["items"][1].update(points=-1), "不能小于 0", "must not be below 0"),
    (lambda d: d["items"][2].update(key="enterprise_count"), "重复", "used twice"),
    (lambda d: d["grades"]["excellent"].update(reward_cap_wan_yuan=200), "不能大于 150", "must not be above 150"),
    (lambda d: d["grades"]["good"].update(share_percent=90), "超过 100%", "more than 100%"),
    (lambda d: d.update(ties="random"), "ties", "must be one of lower | higher"),
    (lambda d: d.update(format="something-else"), "不是 parkdesk-scoring-scheme", "not a parkdesk-scoring-scheme"),
    (lambda d: [item.update(bonus=True) for item in d["items"]], "至少需要一个非加分项", "must not be a bonus"),
])
def test_wrong_schemes_are_refused_in_both_languages(change, zh, en):
    problem = _broken(change)
    assert zh in problem.message("zh") and "s.json" in problem.message("zh")
    assert en in problem.message("en") and "s.json" in problem.message("en")


def test_unreadable_scheme_files_exit_2(tmp_path):
    with pytest.raises(ParkdeskError) as info:
        load_scheme(tmp_path / "missing.json")
    assert info.value.exit_code == EXIT_UNUSABLE and info.value.message_key == "city.scheme_unreadable"
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ParkdeskError) as info:
        load_scheme(broken)
    assert info.value.exit_code == EXIT_UNUSABLE
