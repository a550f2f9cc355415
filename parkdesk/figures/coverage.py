"""两个覆盖: domains × categories, and districts, each with the parks that fill them.

(a) Each of the 4 key domains needs parks of all 3 categories (12 cells), each
of the 4 characteristic domains at least one park of any category (4 cells).
(b) Every district and county (区县, GB/T 2260: kinds district and county)
needs at least one park. Functional zones (功能区) are not 区县: their parks are
listed beside the districts but fill none of them; a park with no division set
fills nothing and is listed as unplaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.districts import COUNTY, DISTRICT
from parkdesk.reference.domains import CHARACTERISTIC_DOMAINS, KEY_DOMAINS

REQUIRED_DIVISION_KINDS = (DISTRICT, COUNTY)


class PlacedPark(Protocol):
    code: str
    domain: str
    category: str
    division_code: str | None


@dataclass(frozen=True)
class CoverageCell:
    """A domain (with a category for key domains, None for characteristic ones) and the parks in it."""

    domain: str
    category: str | None
    parks: tuple[str, ...]  # park codes

    @property
    def filled(self) -> bool:
        return bool(self.parks)


@dataclass(frozen=True)
class DomainCoverage:
    key_cells: tuple[CoverageCell, ...]  # KEY_DOMAINS × CATEGORIES, in that order
    characteristic_cells: tuple[CoverageCell, ...]
    other_parks: tuple[str, ...]  # parks whose domain is none of the eight (a workspace's own)

    @property
    def cells(self) -> tuple[CoverageCell, ...]:
        return self.key_cells + self.characteristic_cells

    @property
    def filled(self) -> int:
        return sum(cell.filled for cell in self.cells)

    @property
    def required(self) -> int:
        return len(self.cells)

    @property
    def empty_cells(self) -> tuple[CoverageCell, ...]:
        return tuple(cell for cell in self.cells if not cell.filled)

    def cell(self, domain: str, category: str | None = None) -> CoverageCell:
        return next(c for c in self.cells if c.domain == domain and c.category == category)


@dataclass(frozen=True)
class DivisionCell:
    code: str
    name: str
    kind: str
    parks: tuple[str, ...]


@dataclass(frozen=True)
class DistrictCoverage:
    districts: tuple[DivisionCell, ...]  # every district and county, whether it has a park or not
    zones: tuple[DivisionCell, ...]  # functional zones with parks (information only)
    unplaced: tuple[str, ...]  # parks with no division set

    @property
    def filled(self) -> int:
        return sum(bool(d.parks) for d in self.districts)

    @property
    def required(self) -> int:
        return len(self.districts)

    @property
    def missing(self) -> tuple[DivisionCell, ...]:
        return tuple(d for d in self.districts if not d.parks)


def domain_coverage(parks: Iterable[PlacedPark]) -> DomainCoverage:
    parks = sorted(parks, key=lambda p: p.code)

    def codes(domain: str, category: str | None) -> tuple[str, ...]:
        return tuple(p.code for p in parks if p.domain == domain and category in (None, p.category))

    known = {d.key for d in (*KEY_DOMAINS, *CHARACTERISTIC_DOMAINS)}
    return DomainCoverage(
        key_cells=tuple(CoverageCell(d.key, c.key, codes(d.key, c.key)) for d in KEY_DOMAINS for c in CATEGORIES),
        characteristic_cells=tuple(CoverageCell(d.key, None, codes(d.key, None)) for d in CHARACTERISTIC_DOMAINS),
        other_parks=tuple(p.code for p in parks if p.domain not in known),
    )


def district_coverage(parks: Iterable[PlacedPark], divisions: Iterable[tuple[str, str, str]]) -> DistrictCoverage:
    """`divisions`: (code, name, kind) of every division of the workspace, in the order to show them."""
    parks = sorted(parks, key=lambda p: p.code)
    by_division: dict[str, list[str]] = {}
    for park in parks:
        if park.division_code:
            by_division.setdefault(park.division_code, []).append(park.code)
    cells = [DivisionCell(code, name, kind, tuple(by_division.get(code, ()))) for code, name, kind in divisions]
    known = {cell.code for cell in cells}
    return DistrictCoverage(
        districts=tuple(c for c in cells if c.kind in REQUIRED_DIVISION_KINDS),
        zones=tuple(c for c in cells if c.kind not in REQUIRED_DIVISION_KINDS and c.parks),
        unplaced=tuple(p.code for p in parks if not p.division_code or p.division_code not in known),
    )
