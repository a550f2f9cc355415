"""The district's year-end report a roll-up carries (plan 六(一)): its parks' progress and next year's new parks.

每年年底报送园区(基地)建设发展情况和下一年度新建园区(基地)计划: a short text on
progress and the parks the district plans to add, each with its name, domain,
category and the year it is expected. It travels in rollup.json as the optional
`district_report` (older roll-ups without it still verify) and the city keeps
it with the roll-up it received (received_rollups.district_report).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from parkdesk.errors import InputProblem, ParkdeskError

from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.domains import DOMAINS


MAX_PROGRESS = 20000


@dataclass(frozen=True)
class PlannedPark:
    name: str
    domain: str  # a domain key
    category: str  # a category key
    expected_year: int


@dataclass(frozen=True)
class DistrictReport:
    progress: str
    planned_parks: tuple[PlannedPark, ...] = ()

    def to_json(self) -> dict:
        return {"progress": self.progress,
                "planned_parks": [{"name": p.name, "domain": p.domain, "category": p.category,
                                   "expected_year": p.expected_year} for p in self.planned_parks]}

    @classmethod
    def from_json(cls, data: dict) -> "DistrictReport":
        return cls(data.get("progress", ""), tuple(
            PlannedPark(p["name"], p["domain"], p["category"], int(p["expected_year"]))
            for p in data.get("planned_parks", ())))

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)


def _key(value: str, choices: dict[str, tuple[str, ...]], park: str, field: str) -> str:
    wanted = value.strip().lower()
    for key, names in choices.items():
        if wanted in (key.lower(), *(n.lower() for n in names)):
            return key
    raise InputProblem("district_report.bad_choice", park=park, field=field, value=value,
                       choices=" | ".join(choices))


DOMAIN_CHOICES = {d.key: (d.label.zh, d.label.en) for d in DOMAINS}
CATEGORY_CHOICES = {c.key: (c.label.zh, c.label.en) for c in CATEGORIES}


def planned_park(name: str, domain: str, category: str, year: str | int) -> PlannedPark:
    """A planned park from what a user typed: domain and category by key or name (zh or en)."""
    name = (name or "").strip()
    if not name:
        raise InputProblem("district_report.empty_name")
    try:
        expected = int(year)
    except (TypeError, ValueError):
        expected = 0
    if not 2000 <= expected <= 2100:
        raise InputProblem("district_report.bad_year", park=name, value=year)
    return PlannedPark(name, _key(domain, DOMAIN_CHOICES, name, "领域/domain"),
                       _key(category, CATEGORY_CHOICES, name, "类别/category"), expected)


def read_progress(path: Path) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ParkdeskError("district_report.unreadable", path=path,
                            reason=getattr(error, "strerror", None) or error) from error
    if len(text) > MAX_PROGRESS:
        raise InputProblem("district_report.too_long", maximum=MAX_PROGRESS, length=len(text))
    return text
