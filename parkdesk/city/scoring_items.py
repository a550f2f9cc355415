"""The kinds of item a scoring scheme is made of, each scoring one park's counted report.

Every item has a key, a label, its maximum `points`, and `bonus` (bonus items
add on top of the base score; the base items' points make up the full mark).

- target_progress: capped linear progress of an indicator from its 2021 baseline
  toward the plan's bar for the year: `points × clamp((actual − baseline) ÷ (year bar − baseline), 0, 1)`.
  The bar is what the plan states (parkdesk.figures.plan_bars: the plan's figures
  for its parks, else twice the 2021 baseline); the park's own target is recorded
  but never lowers it. With path "linear" (parkdesk's default) the year's bar is
  the share of the way from 2021 to 2024 the year stands at (2022: 1/3, 2023: 2/3,
  2024: all); with "final" it is the 2024 bar itself. No baseline counts as 0 for
  a stated figure; a doubling without a baseline has no bar and scores 0; no
  actual scores 0. A year bar not above the baseline scores full points when the
  actual reaches it, else 0.
- per_unit: `min(points, Σ actual × points per unit)` over the named indicators
  (e.g. standards led or joined: international 4, national 3, industry 2, local 1).
- requirement_ratings: the seven 建设要求 self-ratings, each worth its value
  (met 1, partly 1/2, not met 0; unrated 0): `points × mean`.
- milestones_done: `points × done ÷ due` over the milestones of the year's stage
  (no milestone due scores 0).
- category_upgrade: full points when the park now stands at least one rung above
  where it started (一个跃升, parkdesk.city.leap: category, and for 争创一流类 the
  recognition level); else 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from parkdesk.city.leap import leap_steps
from parkdesk.history.park_year import ParkYear
from parkdesk.city.scheme_values import check_keys, label_json, problem, read_choice, read_label, read_number
from parkdesk.figures.numbers import number, shown
from parkdesk.figures.plan_bars import plan_bar
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.reference.choices import SELF_RATINGS, keys
from parkdesk.reference.labels import Label
from parkdesk.reference.requirements import REQUIREMENTS
from parkdesk.reference.stages import BASELINE_YEAR, TARGET_YEAR

LINEAR, FINAL = "linear", "final"
COMMON_FIELDS = ("key", "kind", "label", "points", "bonus")


@dataclass(frozen=True)
class ItemScore:
    """What one item gave one park: exact points, and the figures it used (`detail`) for the record."""

    key: str
    points: Fraction
    max_points: Fraction
    bonus: bool
    detail: dict = field(default_factory=dict)  # JSON-ready: the inputs and the attainment
    notes: tuple[str, ...] = ()  # missing data and fallbacks, as stable keys


@dataclass(frozen=True)
class TargetProgress:
    key: str
    label: Label
    points: Fraction
    indicator: str
    path: str = LINEAR
    bonus: bool = False
    kind = "target_progress"

    def score(self, park: ParkYear, year: int) -> ItemScore:
        bar = plan_bar(park.code, self.indicator, lambda key: park.figures(key).baseline)
        figures = park.figures(bar.indicator)
        notes: list[str] = []
        detail = {"indicator": bar.indicator, "baseline": number(figures.baseline), "plan_bar": number(bar.value),
                  "bar_source": bar.source, "plan_text": bar.text, "declared_target": number(figures.target),
                  "actual": number(figures.actual)}
        if figures.target is not None and bar.value is not None and figures.target < bar.value:
            notes.append("declared_below_plan")
        baseline = figures.baseline
        if baseline is None:
            baseline = Fraction(0)
            notes.append("no_baseline")
        if figures.actual is None or bar.value is None:
            notes.append("no_actual" if figures.actual is None else "no_plan_bar")
            return ItemScore(self.key, Fraction(0), self.points, self.bonus, {**detail, "attainment": 0},
                             tuple(notes))
        year_bar = bar.value if self.path == FINAL else (
            baseline + (bar.value - baseline) * Fraction(year - BASELINE_YEAR, TARGET_YEAR - BASELINE_YEAR))
        if year_bar <= baseline:
            attainment = Fraction(1 if figures.actual >= year_bar else 0)
        else:
            attainment = min(Fraction(1), max(Fraction(0), (figures.actual - baseline) / (year_bar - baseline)))
        detail.update(year_bar=shown(year_bar), attainment=shown(attainment))
        return ItemScore(self.key, self.points * attainment, self.points, self.bonus, detail, tuple(notes))

    def extra_json(self) -> dict:
        return {"indicator": self.indicator, "path": self.path}


@dataclass(frozen=True)
class UnitPoints:
    key: str
    label: Label
    points: Fraction
    unit_points: tuple[tuple[str, Fraction], ...]  # indicator → points per unit, kept sorted by indicator
    bonus: bool = False
    kind = "per_unit"

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_points", tuple(sorted(self.unit_points)))

    def score(self, park: ParkYear, year: int) -> ItemScore:
        counts = {indicator: park.figures(indicator).actual or Fraction(0) for indicator, _ in self.unit_points}
        earned = sum((counts[indicator] * each for indicator, each in self.unit_points), Fraction(0))
        detail = {"counts": {k: number(v) for k, v in counts.items()}, "earned": shown(earned)}
        return ItemScore(self.key, min(self.points, earned), self.points, self.bonus, detail)

    def extra_json(self) -> dict:
        return {"unit_points": {indicator: number(each) for indicator, each in self.unit_points}}


@dataclass(frozen=True)
class RequirementRatings:
    key: str
    label: Label
    points: Fraction
    values: tuple[tuple[str, Fraction], ...] = (("met", Fraction(1)), ("partly", Fraction(1, 2)),
                                                ("not_met", Fraction(0)))
    bonus: bool = False
    kind = "requirement_ratings"

    def score(self, park: ParkYear, year: int) -> ItemScore:
        values = dict(self.values)
        ratings = {r.key: park.ratings.get(r.key) for r in REQUIREMENTS}
        mean = sum((values.get(rating, Fraction(0)) for rating in ratings.values()), Fraction(0)) / len(ratings)
        notes = ("unrated",) if None in ratings.values() else ()
        return ItemScore(self.key, self.points * mean, self.points, self.bonus,
                         {"ratings": ratings, "attainment": shown(mean)}, notes)

    def extra_json(self) -> dict:
        return {"values": {rating: number(value) for rating, value in self.values}}


@dataclass(frozen=True)
class MilestonesDone:
    key: str
    label: Label
    points: Fraction
    bonus: bool = False
    kind = "milestones_done"

    def score(self, park: ParkYear, year: int) -> ItemScore:
        detail = {"due": park.milestones_due, "done": park.milestones_done}
        if not park.milestones_due:
            return ItemScore(self.key, Fraction(0), self.points, self.bonus, detail, ("no_milestones",))
        return ItemScore(self.key, self.points * Fraction(park.milestones_done, park.milestones_due), self.points,
                         self.bonus, detail)

    def extra_json(self) -> dict:
        return {}


@dataclass(frozen=True)
class CategoryUpgrade:
    key: str
    label: Label
    points: Fraction
    bonus: bool = True
    kind = "category_upgrade"

    def score(self, park: ParkYear, year: int) -> ItemScore:
        steps = leap_steps(park)
        detail = {"plan_category": park.plan_category, "start_level": park.start_level, "category": park.category,
                  "level": park.level, "steps": steps}
        earned = self.points if steps is not None and steps >= 1 else Fraction(0)
        return ItemScore(self.key, earned, self.points, self.bonus, detail,
                         ("not_a_plan_park",) if steps is None else ())

    def extra_json(self) -> dict:
        return {}


ScoringItem = TargetProgress | UnitPoints | RequirementRatings | MilestonesDone | CategoryUpgrade


def item_json(item: ScoringItem) -> dict:
    return {"key": item.key, "kind": item.kind, "label": label_json(item.label), "points": number(item.points),
            "bonus": item.bonus, **item.extra_json()}


def _indicator(value, where: str) -> str:
    if value not in INDICATOR_BY_KEY:
        raise problem(f"{where} 不是已知指标:{value!r}", f"{where} is not a known indicator: {value!r}")
    return value


def item_from_json(obj, where: str) -> ScoringItem:
    check_keys(obj, (*COMMON_FIELDS, "indicator", "path", "unit_points", "values"), ("key", "kind", "points"), where)
    kind = read_choice(obj["kind"], tuple(KINDS), f"{where}.kind")
    allowed, required = KIND_FIELDS.get(kind, ((), ()))
    check_keys(obj, (*COMMON_FIELDS, *allowed), ("key", "kind", "points", *required), where)
    key = obj["key"]
    if not isinstance(key, str) or not key.strip():
        raise problem(f"{where}.key 应为非空文字", f"{where}.key must be non-empty text")
    points = read_number(obj["points"], f"{where}.points", minimum=0)
    if points == 0:
        raise problem(f"{where}.points 应大于 0", f"{where}.points must be above 0")
    bonus = obj.get("bonus", kind == "category_upgrade")
    if not isinstance(bonus, bool):
        raise problem(f"{where}.bonus 应为 true 或 false", f"{where}.bonus must be true or false")
    common = {"key": key, "points": points, "bonus": bonus}
    if kind == "target_progress":
        indicator = _indicator(obj["indicator"], f"{where}.indicator")
        label = read_label(obj["label"], f"{where}.label") if "label" in obj else INDICATOR_BY_KEY[indicator].label
        return TargetProgress(label=label, indicator=indicator,
                              path=read_choice(obj.get("path", LINEAR), (LINEAR, FINAL), f"{where}.path"), **common)
    label = read_label(obj["label"], f"{where}.label") if "label" in obj else KINDS[kind]
    if kind == "per_unit":
        units = check_keys(obj["unit_points"], tuple(INDICATOR_BY_KEY), (), f"{where}.unit_points")
        if not units:
            raise problem(f"{where}.unit_points 不能为空", f"{where}.unit_points must not be empty")
        return UnitPoints(label=label, unit_points=tuple(
            (indicator, read_number(each, f"{where}.unit_points.{indicator}")) for indicator, each in units.items()),
            **common)
    if kind == "requirement_ratings":
        values = check_keys(obj.get("values", {}), keys(SELF_RATINGS), (), f"{where}.values")
        defaults = dict(RequirementRatings.values)
        return RequirementRatings(label=label, values=tuple(
            (rating, read_number(values.get(rating, defaults[rating]), f"{where}.values.{rating}", maximum=1))
            for rating in keys(SELF_RATINGS)), **common)
    if kind == "milestones_done":
        return MilestonesDone(label=label, **common)
    return CategoryUpgrade(label=label, **common)


KIND_FIELDS = {  # kind → (its own fields, the required ones among them)
    "target_progress": (("indicator", "path"), ("indicator",)),
    "per_unit": (("unit_points",), ("unit_points",)),
    "requirement_ratings": (("values",), ()),
}
KINDS: dict[str, Label] = {
    "target_progress": Label("目标进度", "Progress to target"),
    "per_unit": Label("按项计分", "Points per unit"),
    "requirement_ratings": Label("建设要求自评", "Construction requirements, self-rated"),
    "milestones_done": Label("本年度里程碑完成率", "Milestones of the year done"),
    "category_upgrade": Label("类别跃升", "Moved up a category"),
}
