"""Display texts of the keys the city view stores: grades, categories, domains, statuses, items."""

from __future__ import annotations

from parkdesk.city.leap import RUNGS, rung
from parkdesk.city.scoring import ScoringScheme
from parkdesk.forms.field_values import display_value
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.choices import REPORT_STATUSES, SELF_RATINGS, keys, label_of
from parkdesk.reference.domains import DOMAIN_BY_KEY
from parkdesk.reference.grading import GRADE_BY_KEY
from parkdesk.reference.requirements import REQUIREMENT_BY_KEY
from parkdesk.texts import text

# headings of columns that show the park form's fields: the form's labels
PARK = RECORD_BY_KEY["park"]
INDICATOR_VALUE = RECORD_BY_KEY["indicator_value"]


def park_heading(key: str | None, lang: str) -> str:
    """The park record's label (key None) or the label of one of its fields."""
    return PARK.label.text(lang) if key is None else PARK.field(key).text(lang)


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
    return display_value(PARK.field("level"), key, lang)


def status_text(key: str | None, lang: str) -> str:
    return label_of(REPORT_STATUSES, key, lang)


def scheme_name(scheme: ScoringScheme, lang: str) -> str:
    """A scheme named "中文 / English" (as the built-in one is) shows the part of the language; any other name as
    written."""
    parts = scheme.name.split(" / ")
    if len(parts) != 2:
        return scheme.name
    return parts[0] if lang == "zh" else parts[1]


def item_text(scheme: ScoringScheme, key: str, lang: str) -> str:
    item = next((i for i in scheme.items if i.key == key), None)
    return item.label.text(lang) if item else key


def detail_text(detail: dict, lang: str) -> str:
    """An item's inputs in words: `名称:值;…`, names from "city.detail.<name>", keys of choices as their names."""
    separator, pair = ("；", "{}:{}") if lang == "zh" else ("; ", "{}: {}")
    return separator.join(pair.format(_name(name, lang), _value(name, value, lang)) for name, value in detail.items())


def notes_text(notes, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(text(f"city.note.{note}", lang) for note in notes)


def kind_text(kind: str, lang: str) -> str:
    return text(f"city.kind.{kind}", lang)


def _name(name: str, lang: str) -> str:
    if name in INDICATOR_BY_KEY:
        return INDICATOR_BY_KEY[name].label.text(lang)
    if name in REQUIREMENT_BY_KEY:
        return REQUIREMENT_BY_KEY[name].label.text(lang)
    if name in keys(SELF_RATINGS):
        return label_of(SELF_RATINGS, name, lang)
    return text(f"city.detail.{name}", lang)


def _value(name: str, value, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        inner = ("、" if lang == "zh" else ", ")
        return inner.join(pair for pair in (f"{_name(k, lang)} {_value(k, v, lang)}" for k, v in value.items()))
    if name == "indicator":
        return INDICATOR_BY_KEY[value].label.text(lang)
    if name in ("plan_category", "category"):
        return category_text(value, lang)
    if name in ("start_level", "level"):
        return level_text(value, lang)
    if name == "bar_source":
        return text(f"city.bar_source.{value}", lang)
    if name == "path":
        return text(f"city.path.{value}", lang)
    if isinstance(value, str) and value in keys(SELF_RATINGS):
        return label_of(SELF_RATINGS, value, lang)
    return str(value)
