"""Demo indicator values: baselines, targets that honour the plan, actuals on a path."""

from __future__ import annotations

from parkdesk.demo.content import DemoProfile
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
    result = {key: _round(value * 2.2) for key, value in base.items()}
    for key in ("standards_international", "standards_national", "standards_industry", "standards_local"):
        result[key] = base[key] + 1
    for stated in plan_park.targets:
        if stated.indicator == "service_export_share":
            result["foreign_trade_exports"] = _round(result["service_exports"] * 100 / stated.value)
        else:
            result[stated.indicator] = max(stated.value, result.get(stated.indicator, 0))
    return result


def actual(base: float, target: float, year: int) -> float:
    return _round(base + (target - base) * PROGRESS[year])


def share(service_exports: float | None, trade_exports: float | None) -> float | None:
    if not service_exports or not trade_exports:
        return None
    return round(service_exports * 100 / trade_exports, 2)


def _round(value: float) -> float:
    return round(value, 1) if value < 100 else float(round(value))
