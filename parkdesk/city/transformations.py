"""四个转型 as counts of parks. The plan sets no number for them; each is read from one thing a report holds.

- 标准化 standardization: the park led or joined at least one standard
  (international, national, industry or local: the four standards_* indicators).
- 国际化 internationalization: the park has service exports (服务出口额 > 0).
- 智能化 smart transformation: the park rates itself "met" on 基础完善 (the
  requirement that covers new infrastructure and the smart park).
- 融合化 integration: the park rates itself "met" on 产业协同 (cross-park and
  cross-industry cooperation with manufacturing and service leaders).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Iterable

from parkdesk.history.park_year import ParkYear
from parkdesk.reference.goals import STANDARD_LEVELS
from parkdesk.reference.labels import Label

STANDARD_INDICATORS = tuple(f"standards_{level}" for level, _ in STANDARD_LEVELS)


@dataclass(frozen=True)
class TransformationStatus:
    key: str  # a goal key of parkdesk.reference.goals
    parks: tuple[str, ...]  # codes of the parks that count
    totals: tuple[tuple[str, Fraction], ...]  # indicator key → sum over all counted reports


@dataclass(frozen=True)
class Transformation:
    key: str
    basis: Label
    counts: Callable[[ParkYear], bool]
    summed: tuple[str, ...] = ()


def _actual(park: ParkYear, indicator: str) -> Fraction:
    return park.figures(indicator).actual or Fraction(0)


TRANSFORMATIONS: tuple[Transformation, ...] = (
    Transformation("standardization", Label("主导或参与制定国际、国家、行业或地方标准至少 1 项",
                                            "Led or joined at least one international, national, industry or "
                                            "local standard"),
                   lambda p: sum(_actual(p, key) for key in STANDARD_INDICATORS) > 0, STANDARD_INDICATORS),
    Transformation("internationalization", Label("有服务出口(服务出口额 > 0)", "Has service exports (> 0)"),
                   lambda p: _actual(p, "service_exports") > 0, ("service_exports",)),
    Transformation("intelligentization", Label("“基础完善”(新型基础设施、智慧园区)自评为已达到",
                                               "Rates itself 'met' on complete infrastructure (new infrastructure, "
                                               "smart park)"),
                   lambda p: p.ratings.get("infrastructure") == "met"),
    Transformation("integration", Label("“产业协同”(跨园区跨行业合作)自评为已达到",
                                        "Rates itself 'met' on industrial synergy (cross-park, cross-industry "
                                        "cooperation)"),
                   lambda p: p.ratings.get("synergy") == "met"),
)
TRANSFORMATION_BY_KEY = {t.key: t for t in TRANSFORMATIONS}


def transformation_statuses(parks: Iterable[ParkYear]) -> tuple[TransformationStatus, ...]:
    parks = sorted(parks, key=lambda p: p.code)
    return tuple(
        TransformationStatus(
            key=t.key,
            parks=tuple(p.code for p in parks if t.counts(p)),
            totals=tuple((key, sum((_actual(p, key) for p in parks), Fraction(0))) for key in t.summed),
        )
        for t in TRANSFORMATIONS
    )
