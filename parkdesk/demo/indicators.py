"""Demo indicator values: baselines, targets that honour the plan, actuals on a path; counts whole numbers."""

from __future__ import annotations

from parkdesk.demo.content import DemoProfile
from parkdesk.figures.progress import share_percent
from parkdesk.forms.indicators import COUNT, INDICATOR_BY_KEY
from parkdesk.reference.parks import PlanPark

# share of the way from baseline to target reached by each year's actual
PROGRESS = {2022: 0.3, 2023: 0.65, 2024: 0.85}


def baselines(profile: DemoProfile) -> dict[str, float]:
    enterprises, scale, service_exports, trade_exports, employees, core = profile.baseline
    return {
        "enterprise_count": enterprises,
        "industry_scale": scale,
        "service_trade_value": round(service_exports * 1.35),
        "service_exports": service_exports,
        "foreign_trade_exports": trade_exports,
        "employees": employees,
        "core_enterprise_count": core,
        "standards_international": 0,
        "standards_national": 1 if profile.level == "national" else 0,
        "standards_industry": 1,
        "standards_local": 2,
    }


def targets(plan_park: PlanPark, base: dict[str, float]) -> dict[str, float]:
    """2024 targets: the plan's stated figures, else at least double the baseline."""
    result = {key: _round(key, value * 2.2) for key, value in base.items()}
    for key in ("standards_international", "standards_national", "standards_industry", "standards_local"):
        result[key] = base[key] + 1
    for stated in plan_park.targets:
        if stated.indicator == "service_export_share":
            result["foreign_trade_exports"] = _round("foreign_trade_exports", result["service_exports"] * 100 / stated.value)
        else:
            result[stated.indicator] = max(stated.value, result.get(stated.indicator, 0))
    return result


def actual(key: str, base: float, target: float, year: int, pace: float = 1.0) -> float:
    """The year's actual: PROGRESS × the park's pace of the way from its baseline to its target."""
    return _round(key, base + (target - base) * PROGRESS[year] * pace)


def share(service_exports: float | None, trade_exports: float | None) -> float | None:
    """服务出口占外贸出口比重 as parkdesk.figures computes it, to two decimals."""
    value = share_percent(service_exports or None, trade_exports or None)
    return None if value is None else round(value, 2)


def _round(key: str, value: float) -> float:
    """Counts to whole numbers (企业、项、个、人); amounts to 0.1 below 100, else whole."""
    if INDICATOR_BY_KEY[key].kind == COUNT or value >= 100:
        return float(round(value))
    return round(value, 1)
