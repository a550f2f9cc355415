"""Scoring schemes for the yearly evaluation (考核评价): items, weights, grading rules, rewards.

A scheme is plain JSON (see docs/evaluation.md and `default_scheme()`); each
evaluation stores the scheme it used beside its fingerprint, the SHA-256 of the
scheme's canonical JSON (keys sorted, no spaces, UTF-8, every default written
out), so the same scheme always has the same fingerprint however it was typed.

A park's score is the exact sum of its items' points (base items + bonus
items), rounded once, half up, to `score_decimals` places; that rounded score
ranks the parks, so parks whose shown scores are equal are tied.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from parkdesk.figures.numbers import number, round_half_up
from parkdesk.history.park_year import ParkYear
from parkdesk.city.scheme_values import (
    SchemeProblem, check_keys, problem, read_choice, read_number, read_text,
)
from parkdesk.city.scoring_items import (
    CategoryUpgrade, ItemScore, MilestonesDone, RequirementRatings, ScoringItem, TargetProgress, UnitPoints,
    item_from_json, item_json,
)
from parkdesk.errors import ParkdeskError
from parkdesk.reference.grading import GRADE_TIERS
from parkdesk.reference.labels import Label

SCHEME_FORMAT = "parkdesk-scoring-scheme"
SCHEME_FORMAT_VERSION = 1
FLOOR, HALF_UP = "floor", "half_up"  # quota_rounding
LOWER, HIGHER = "lower", "higher"  # ties: a tie across a quota boundary goes wholly to the lower/higher grade
FULL, BY_SCORE = "full", "by_score"  # reward_rule
SCHEME_FIELDS = ("format", "format_version", "name", "description", "items", "pass_threshold", "score_decimals",
                 "quota_rounding", "ties", "grades", "reward_rule")


@dataclass(frozen=True)
class GradeRule:
    """A passing grade: its share of all evaluated parks (None: the rest that pass) and its reward cap in 万元."""

    key: str
    share: Fraction | None
    reward_cap: Fraction


@dataclass(frozen=True)
class ScoringScheme:
    name: str
    items: tuple[ScoringItem, ...]
    pass_threshold: Fraction
    grades: tuple[GradeRule, ...]  # excellent, good, pass, in that order
    score_decimals: int = 2
    quota_rounding: str = FLOOR
    ties: str = LOWER
    reward_rule: str = FULL
    description: str = ""

    @property
    def base_points(self) -> Fraction:
        """The full mark: the sum of the base items' points."""
        return sum((item.points for item in self.items if not item.bonus), Fraction(0))

    @property
    def bonus_points(self) -> Fraction:
        return sum((item.points for item in self.items if item.bonus), Fraction(0))

    def grade(self, key: str) -> GradeRule:
        return next(g for g in self.grades if g.key == key)

    def to_json(self) -> dict:
        return {
            "format": SCHEME_FORMAT, "format_version": SCHEME_FORMAT_VERSION, "name": self.name,
            "description": self.description, "items": [item_json(item) for item in self.items],
            "pass_threshold": number(self.pass_threshold), "score_decimals": self.score_decimals,
            "quota_rounding": self.quota_rounding, "ties": self.ties,
            "grades": {g.key: {**({} if g.share is None else {"share_percent": number(g.share * 100)}),
                               "reward_cap_wan_yuan": number(g.reward_cap)} for g in self.grades},
            "reward_rule": self.reward_rule,
        }

    def canonical_json(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ParkScore:
    items: tuple[ItemScore, ...]
    base: Fraction
    bonus: Fraction
    score: Decimal  # base + bonus, rounded half up to the scheme's decimals: what ranks


def score_park(scheme: ScoringScheme, park: ParkYear, year: int) -> ParkScore:
    items = tuple(item.score(park, year) for item in scheme.items)
    base = sum((i.points for i in items if not i.bonus), Fraction(0))
    bonus = sum((i.points for i in items if i.bonus), Fraction(0))
    return ParkScore(items, base, bonus, round_half_up(base + bonus, scheme.score_decimals))


def default_scheme() -> ScoringScheme:
    """The default scheme, documented in docs/evaluation.md: 100 base points, up to 15 bonus points."""
    L = Label
    return ScoringScheme(
        name="默认考核方案 / Default scheme",
        description="parkdesk 默认方案(权重、合格线、线性进度、取整与同分规则、自评分值均为 parkdesk 的默认设定,"
                    "非行动计划方案规定):对照方案目标的进度 65 分、建设要求 15 分、里程碑 10 分、公共服务平台 10 分;"
                    "标准加分最高 10 分、能级跃升加 5 分。 / parkdesk's default (the weights, the pass line, the "
                    "linear path, rounding and ties, the self-rating points are parkdesk's defaults, not the "
                    "plan's): progress to the plan's bar 65, construction requirements 15, milestones 10, service "
                    "platforms 10; standards bonus up to 10, one leap bonus 5.",
        items=(
            TargetProgress("enterprise_count", L("企业数量:对照方案目标的进度", "Enterprises: progress to the plan's bar"),
                           Fraction(25), "enterprise_count"),
            TargetProgress("industry_scale", L("产业规模:对照方案目标的进度", "Industry scale: progress to the plan's bar"),
                           Fraction(25), "industry_scale"),
            TargetProgress("service_exports", L("服务出口额:对照方案目标的进度",
                                                "Service exports: progress to the plan's bar"),
                           Fraction(15), "service_exports"),
            RequirementRatings("requirements", L("七项建设要求自评", "The seven construction requirements"),
                               Fraction(15)),
            MilestonesDone("milestones", L("本年度阶段里程碑完成率", "Milestones of the year's stage done"),
                           Fraction(10)),
            UnitPoints("platforms", L("公共服务平台(每个 2.5 分)", "Public service platforms (2.5 each)"),
                       Fraction(10), (("platform_count", Fraction(5, 2)),)),
            UnitPoints("standards", L("主导或参与标准(国际 4、国家 3、行业 2、地方 1 分/项)",
                                      "Standards led or joined (4 international, 3 national, 2 industry, 1 local)"),
                       Fraction(10), (("standards_international", Fraction(4)), ("standards_national", Fraction(3)),
                                      ("standards_industry", Fraction(2)), ("standards_local", Fraction(1))),
                       bonus=True),
            CategoryUpgrade("category_upgrade", L("能级跃升(一个跃升)", "Moved up a level (one leap)"),
                            Fraction(5)),
        ),
        pass_threshold=Fraction(60),
        grades=tuple(GradeRule(t.key, t.share, Fraction(t.reward_cap_wan_yuan)) for t in GRADE_TIERS),
    )


def scheme_from_json(data, path: Path | str | None = None) -> ScoringScheme:
    """A scheme from its JSON document (numbers as Decimal, see load_scheme); SchemeProblem when it is wrong."""
    try:
        return _scheme_from_json(data)
    except SchemeProblem as error:
        error.path = path
        raise


def _scheme_from_json(data) -> ScoringScheme:
    check_keys(data, SCHEME_FIELDS, ("format", "name", "items", "pass_threshold"), "scheme")
    if data["format"] != SCHEME_FORMAT or data.get("format_version", 1) != SCHEME_FORMAT_VERSION:
        raise problem(f"不是 {SCHEME_FORMAT} 第 {SCHEME_FORMAT_VERSION} 版文件",
                      f"not a {SCHEME_FORMAT} file of version {SCHEME_FORMAT_VERSION}")
    if not isinstance(data["items"], list) or not data["items"]:
        raise problem("items 应为非空列表", "items must be a non-empty list")
    items = tuple(item_from_json(obj, f"items[{index}]") for index, obj in enumerate(data["items"]))
    seen: set[str] = set()
    for item in items:
        if item.key in seen:
            raise problem(f"评分项 {item.key} 重复", f"the item key {item.key} is used twice")
        seen.add(item.key)
    if all(item.bonus for item in items):
        raise problem("至少需要一个非加分项", "at least one item must not be a bonus")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise problem("description 应为文字", "description must be text")
    decimals = data.get("score_decimals", 2)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 4:
        raise problem(f"score_decimals 应为 0–4 的整数:{decimals!r}", f"score_decimals must be 0–4: {decimals!r}")
    return ScoringScheme(
        name=read_text(data["name"], "name"), description=description.strip(), items=items,
        pass_threshold=read_number(data["pass_threshold"], "pass_threshold"),
        grades=_grades_from_json(data.get("grades", {})), score_decimals=decimals,
        quota_rounding=read_choice(data.get("quota_rounding", FLOOR), (FLOOR, HALF_UP), "quota_rounding"),
        ties=read_choice(data.get("ties", LOWER), (LOWER, HIGHER), "ties"),
        reward_rule=read_choice(data.get("reward_rule", FULL), (FULL, BY_SCORE), "reward_rule"),
    )


def _grades_from_json(obj) -> tuple[GradeRule, ...]:
    """Shares and reward caps per grade; left out, the plan's; a cap above the plan's is refused."""
    check_keys(obj, tuple(t.key for t in GRADE_TIERS), (), "grades")
    rules = []
    for tier in GRADE_TIERS:
        given = obj.get(tier.key, {})
        where = f"grades.{tier.key}"
        check_keys(given, ("share_percent", "reward_cap_wan_yuan") if tier.share is not None
                   else ("reward_cap_wan_yuan",), (), where)
        share = tier.share
        if tier.share is not None and "share_percent" in given:
            share = read_number(given["share_percent"], f"{where}.share_percent", maximum=100) / 100
        cap = read_number(given.get("reward_cap_wan_yuan", tier.reward_cap_wan_yuan),
                          f"{where}.reward_cap_wan_yuan", maximum=tier.reward_cap_wan_yuan)
        rules.append(GradeRule(tier.key, share, cap))
    if sum(r.share for r in rules if r.share is not None) > 1:
        raise problem("优秀与良好的比例之和超过 100%", "the shares of excellent and good add up to more than 100%")
    return tuple(rules)


def load_scheme(path: Path | str) -> ScoringScheme:
    """Read a scheme file: unreadable or not JSON is exit 2, a wrong scheme exit 1 (SchemeProblem)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ParkdeskError("city.scheme_unreadable", path=path,
                            reason=getattr(error, "strerror", None) or error) from error
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise ParkdeskError("city.scheme_not_json", path=path, line=error.lineno, column=error.colno) from error
    return scheme_from_json(data, path)


def parse_scheme_json(text: str) -> ScoringScheme:
    """A scheme from JSON text stored in a workspace."""
    return scheme_from_json(json.loads(text, parse_float=Decimal))
