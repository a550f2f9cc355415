"""Grades by quota for every park count 1..30: places, ties, threshold, monotonicity; ranks and rewards."""

from __future__ import annotations

import dataclasses
import random
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from parkdesk.city.grading import (
    FAIL, PASS, GradeRules, assign_grades, competition_ranks, rounded_quota, tier_quotas,
)
from parkdesk.city.rewards import reward_wan_yuan
from parkdesk.city.scoring import BY_SCORE, FLOOR, HALF_UP, HIGHER, LOWER, default_scheme

DOCS = Path(__file__).parent.parent / "docs" / "evaluation.md"
COUNTS = range(1, 31)
THRESHOLD = Fraction(60)
RULES = {(rounding, ties): GradeRules((("excellent", Fraction(1, 5)), ("good", Fraction(3, 10))), THRESHOLD,
                                      rounding, ties)
         for rounding in (FLOOR, HALF_UP) for ties in (LOWER, HIGHER)}
ORDER = ("excellent", "good", PASS, FAIL)


def score_lists(n: int) -> list[list[Decimal]]:
    """Distinct, all equal, all failing, ties at every position, and random lists with many ties."""
    lists = [
        [Decimal(100 - i) for i in range(n)],
        [Decimal(80)] * n,
        [Decimal(50)] * n,
        [Decimal(60)] * n,  # exactly at the threshold: passes
    ]
    for position in range(n - 1):  # one tied pair at each position, the rest distinct
        scores = [Decimal(100 - i) for i in range(n)]
        scores[position + 1] = scores[position]
        lists.append(scores)
    rng = random.Random(n)
    for _ in range(12):
        values = [Decimal(v) for v in rng.sample(range(40, 100, 5), k=rng.randint(1, 5))]
        lists.append([rng.choice(values) for _ in range(n)])
    for _ in range(4):
        lists.append([Decimal(rng.randint(5500, 9999)).scaleb(-2) for _ in range(n)])
    return lists


def reference_grades(scores: list[Decimal], rules: GradeRules) -> list[str]:
    """The rule told by positions in the ranking, a different formulation from assign_grades: each grade's
    places start where the previous grade's last park ends; a tie group takes the grade whose places hold its
    last position (lower) or its first one (higher), else that grade ends at the group's first position."""
    places = tier_quotas(len(scores), rules)
    ordered = sorted(scores, reverse=True)
    grade_at: dict[Decimal, str] = {}
    tiers = [key for key, _ in rules.tiers]
    tier, start = 0, 0  # the grade being filled and the position its places start at
    position = 0
    while position < len(ordered):
        score = ordered[position]
        last = position + ordered.count(score) - 1
        while tier < len(tiers):
            end = start + places[tiers[tier]]  # one past its last place
            if (last < end) if rules.ties == LOWER else (position < end):
                break
            tier, start = tier + 1, position
        grade_at[score] = tiers[tier] if tier < len(tiers) else PASS
        position = last + 1
    return [FAIL if score < rules.pass_threshold else grade_at[score] for score in scores]


def documented_places() -> dict[tuple[str, str], list[int]]:
    table = {}
    text = DOCS.read_text(encoding="utf-8")
    for rounding, grade, values in re.findall(r"^\| (floor|half_up) (优秀|良好) \|(.*)\|$", text, re.M):
        table[(rounding, {"优秀": "excellent", "良好": "good"}[grade])] = [int(v) for v in values.split("|")]
    return table


@pytest.mark.parametrize("rounding", [FLOOR, HALF_UP])
def test_places_match_the_documented_table_for_every_count(rounding):
    table = documented_places()
    rules = RULES[(rounding, LOWER)]
    for grade in ("excellent", "good"):
        assert table[(rounding, grade)] == [tier_quotas(n, rules)[grade] for n in COUNTS]


def test_places_hand_worked():
    floor, half_up = RULES[(FLOOR, LOWER)], RULES[(HALF_UP, LOWER)]
    assert tier_quotas(4, floor) == {"excellent": 0, "good": 1}  # 0.8 and 1.2
    assert tier_quotas(5, floor) == {"excellent": 1, "good": 1}  # 1.0 and 1.5
    assert tier_quotas(12, floor) == {"excellent": 2, "good": 3}  # 2.4 and 3.6
    assert tier_quotas(30, floor) == {"excellent": 6, "good": 9}
    assert tier_quotas(3, half_up) == {"excellent": 1, "good": 1}  # 0.6 and 0.9
    assert tier_quotas(5, half_up) == {"excellent": 1, "good": 2}  # 1.0 and 1.5 (a half goes up)
    # exact shares: 10 × 30% is 3, not 3.0000000000000004 rounded
    assert rounded_quota(10, Fraction(3, 10), FLOOR) == 3 and rounded_quota(20, Fraction(3, 10), FLOOR) == 6


@pytest.mark.parametrize("rounding,ties", list(RULES))
def test_grades_for_every_count_keep_the_rule(rounding, ties):
    rules = RULES[(rounding, ties)]
    checked = 0
    for n in COUNTS:
        places = tier_quotas(n, rules)
        for scores in score_lists(n):
            grades = assign_grades(scores, rules)
            assert grades == reference_grades(scores, rules), (n, scores)
            assert len(grades) == n
            for score, grade in zip(scores, grades):
                assert (grade == FAIL) == (score < THRESHOLD)
            for i, a in enumerate(scores):  # ties never split; a higher score never gets a lower grade
                for j, b in enumerate(scores):
                    if a == b:
                        assert grades[i] == grades[j]
                    elif a > b:
                        assert ORDER.index(grades[i]) <= ORDER.index(grades[j])
            counts = {key: grades.count(key) for key in ORDER}
            if ties == LOWER:  # each grade within its own places: unused places never roll down
                assert counts["excellent"] <= places["excellent"] and counts["good"] <= places["good"]
            if len(set(scores)) == n and min(scores) >= THRESHOLD:  # no ties: places filled exactly
                assert counts["excellent"] == places["excellent"] and counts["good"] == places["good"]
            checked += 1
    assert checked > 30 * 20


def test_a_tie_across_the_boundary_goes_down_or_up():
    scores = [Decimal(v) for v in (95, 90, 90, 85, 80, 75, 70, 65, 62, 61)]  # 10 parks: 2 优秀, 3 良好 places
    # the tie goes down; 良好 keeps its own 3 places: the unused 优秀 place does not roll down to 85
    assert assign_grades(scores, RULES[(FLOOR, LOWER)])[:5] == ["excellent", "good", "good", "good", PASS]
    assert assign_grades(scores, RULES[(FLOOR, HIGHER)])[:5] == ["excellent", "excellent", "excellent", "good",
                                                                  "good"]


def test_good_never_exceeds_its_share_of_twelve_parks():
    """12 parks: 2 places of 优秀 (2.4), 3 of 良好 (3.6). A tie for 2nd leaves an 优秀 place unused; 良好 still
    gets 3 parks, not 4 (the plan: 良好 is 30% of the parks)."""
    scores = [Decimal(v) for v in (96, 91, 91, 88, 86, 84, 80, 78, 75, 72, 68, 64)]
    grades = assign_grades(scores, RULES[(FLOOR, LOWER)])
    assert grades.count("excellent") == 1 and grades.count("good") == 3
    assert grades[:5] == ["excellent", "good", "good", "good", PASS]


def test_everyone_tied():
    scores = [Decimal(80)] * 10
    assert set(assign_grades(scores, RULES[(FLOOR, LOWER)])) == {PASS}
    assert set(assign_grades(scores, RULES[(FLOOR, HIGHER)])) == {"excellent"}
    # no 优秀 place (4 parks), one 良好 place: higher gives every tied park 良好
    assert set(assign_grades([Decimal(80)] * 4, RULES[(FLOOR, HIGHER)])) == {"good"}


def test_threshold_and_failing_parks_count_in_the_quota():
    scores = [Decimal(v) for v in ("90", "80", "59.99", "40", "30")]  # 5 parks: 1 优秀, 1 良好 place
    assert assign_grades(scores, RULES[(FLOOR, LOWER)]) == ["excellent", "good", FAIL, FAIL, FAIL]
    scores = [Decimal(v) for v in (59, 58, 57, 56, 55)]
    assert set(assign_grades(scores, RULES[(FLOOR, HIGHER)])) == {FAIL}  # places stay empty


def test_competition_ranks():
    assert competition_ranks([Decimal(90), Decimal(95), Decimal(90), Decimal(80)]) == [2, 1, 2, 4]
    assert competition_ranks([]) == []


def test_rewards_full_and_by_score():
    scheme = default_scheme()
    assert reward_wan_yuan(scheme, "excellent", Decimal("71.00")) == Decimal("150.00")
    assert reward_wan_yuan(scheme, "good", Decimal("71.00")) == Decimal("100.00")
    assert reward_wan_yuan(scheme, PASS, Decimal("61.00")) == Decimal("50.00")
    assert reward_wan_yuan(scheme, FAIL, Decimal("59.00")) == Decimal("0.00")
    scaled = dataclasses.replace(scheme, reward_rule=BY_SCORE)
    assert reward_wan_yuan(scaled, "excellent", Decimal("87.33")) == Decimal("131.00")  # 150 × 0.8733 = 130.995
    assert reward_wan_yuan(scaled, "good", Decimal("108.50")) == Decimal("100.00")  # never above the cap
    assert reward_wan_yuan(scaled, PASS, Decimal("60.01")) == Decimal("30.01")  # 50 × 0.6001 = 30.005 → half up
