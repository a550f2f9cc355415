"""Display texts of the keys the city view stores: grades, categories, domains, statuses, items."""

from __future__ import annotations

from parkdesk.city.leap import RUNGS, rung
from parkdesk.city.scoring import ScoringScheme
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.choices import RECOGNITION_LEVELS, REPORT_STATUSES, label_of
from parkdesk.reference.domains import DOMAIN_BY_KEY
from parkdesk.reference.grading import GRADE_BY_KEY


def grade_text(key: str, lang: str) -> str:
    return GRADE_BY_KEY[key].label.text(lang)


def category_text(key: str | None, lang: str) -> str:
    return CATEGORY_BY_KEY[key].text(lang) if key in CATEGORY_BY_KEY else (key or "")


def rung_text(category: str | None, level: str | None, lang: str) -> str:
    """A park's rung on the leap's ladder (parkdesk.city.leap)."""
    found = rung(category, level)
    return RUNGS[found].text(lang) if found else category_text(category, lang)


def domain_text(key: str | None, lang: str) -> str:
    return DOMAIN_BY_KEY[key].text(lang) if key in DOMAIN_BY_KEY else (key or "")


def level_text(key: str | None, lang: str) -> str:
    return label_of(RECOGNITION_LEVELS, key, lang)


def status_text(key: str | None, lang: str) -> str:
    return label_of(REPORT_STATUSES, key, lang)


def item_text(scheme: ScoringScheme, key: str, lang: str) -> str:
    item = next((i for i in scheme.items if i.key == key), None)
    return item.label.text(lang) if item else key


def detail_text(detail: dict) -> str:
    """An item's inputs as `name=value; ...` (nested maps flattened one level)."""
    parts = []
    for name, value in detail.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}={'—' if v is None else v}" for k, v in value.items())
        parts.append(f"{name}={'—' if value is None else value}")
    return "; ".join(parts)
