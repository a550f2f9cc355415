"""三个倍增 of enterprises and industry scale inside parks: city totals at least twice those of 2021.

The plan's doubling is a citywide goal (its lines 31–33), not every park's:
the totals add up the counted reports of the year, the actuals against twice
the sum of the same reports' 2021 baselines. A park
founded after 2021 reports no baseline (or 0) and so adds to the actual only,
which is what the plan asks: everything inside parks, against what was inside
parks in 2021.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Protocol

from parkdesk.figures.progress import doubled, progress_toward

DOUBLED_INDICATORS = ("enterprise_count", "industry_scale")


class ParkFigures(Protocol):
    code: str

    def figures(self, indicator: str): ...  # .baseline, .actual


@dataclass(frozen=True)
class Contribution:
    park: str  # code
    baseline: Fraction | None
    actual: Fraction | None


@dataclass(frozen=True)
class DoublingStatus:
    indicator: str
    baseline_total: Fraction
    actual_total: Fraction
    contributions: tuple[Contribution, ...]

    @property
    def target_total(self) -> Fraction:
        return doubled(self.baseline_total)

    @property
    def progress(self) -> Fraction | None:
        """倍增进度 (parkdesk.figures.formulas): the way from Σ baseline to 2 × Σ baseline covered."""
        return progress_toward(self.baseline_total, self.target_total, self.actual_total)

    @property
    def met(self) -> bool:
        return self.baseline_total > 0 and self.actual_total >= self.target_total

    @property
    def without_baseline(self) -> tuple[str, ...]:
        return tuple(c.park for c in self.contributions if c.baseline is None)

    @property
    def without_actual(self) -> tuple[str, ...]:
        return tuple(c.park for c in self.contributions if c.actual is None)


def doubling_status(parks: Iterable[ParkFigures], indicator: str) -> DoublingStatus:
    contributions = tuple(
        Contribution(p.code, p.figures(indicator).baseline, p.figures(indicator).actual)
        for p in sorted(parks, key=lambda p: p.code)
    )
    return DoublingStatus(
        indicator=indicator,
        baseline_total=sum((c.baseline for c in contributions if c.baseline is not None), Fraction(0)),
        actual_total=sum((c.actual for c in contributions if c.actual is not None), Fraction(0)),
        contributions=contributions,
    )
