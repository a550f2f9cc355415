"""The year-over-year comparison as table rows in words (headings from the forms and the text catalogue), so
the PDF and the window show the same columns the same way."""

from __future__ import annotations

from parkdesk.forms.field_values import display_value, grouped
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.history.year_over_year import Comparison
from parkdesk.texts import text

INDICATOR, ENTERPRISE, MILESTONE = RECORD_BY_KEY["indicator_value"], RECORD_BY_KEY["enterprise"], \
    RECORD_BY_KEY["milestone"]


def indicator_rows(comparison: Comparison, lang: str) -> tuple[list[str], list[list[str]]]:
    """Each indicator: last year, this year, the change (and its share), the 2024 target, progress then → now."""
    header = [INDICATOR.field("indicator_id").text(lang), text("yoy.unit", lang),
              text("yoy.previous", lang, year=comparison.previous_year),
              text("yoy.current", lang, year=comparison.year), text("yoy.change", lang),
              INDICATOR.field("target_2024").text(lang), text("yoy.progress", lang)]
    rows = []
    for item in comparison.indicators:
        change = "—" if item.change is None else (("+" if item.change > 0 else "") + grouped(item.change))
        if item.change_share is not None:
            change += f"({item.change_share:+.1%})"
        progress = " → ".join("—" if p is None else f"{p:.0%}" for p in (item.progress_previous,
                                                                           item.progress_current))
        rows.append([item.name.text(lang), item.unit, grouped(item.previous), grouped(item.current), change,
                     grouped(item.target), progress])
    return header, rows


def enterprise_rows(comparison: Comparison, lang: str, *, limit: int | None = None,
                    with_changes: bool = False) -> tuple[list[str], list[list[str]]]:
    """Enterprises added and removed (and, `with_changes`, those whose details changed, with what changed);
    at most `limit` of each kind."""
    diff = comparison.enterprises
    header = [text("yoy.kind", lang), ENTERPRISE.field("name").text(lang), ENTERPRISE.field("uscc").text(lang)]
    rows = [[text("yoy.added", lang), e.name, e.uscc or "—"] for e in diff.added[:limit]]
    rows += [[text("yoy.removed", lang), e.name, e.uscc or "—"] for e in diff.removed[:limit]]
    if with_changes:
        header.append(text("yoy.what_changed", lang))
        for row in rows:
            row.append("")
        for changed in diff.changed[:limit]:
            what = "；".join(f"{ENTERPRISE.field(c.field).text(lang)}: "
                            f"{display_value(ENTERPRISE.field(c.field), c.before, lang) or '—'} → "
                            f"{display_value(ENTERPRISE.field(c.field), c.after, lang) or '—'}"
                            for c in changed.changes)
            rows.append([text("yoy.changed", lang), changed.name, changed.uscc or "—", what])
    return header, rows


def milestone_rows(comparison: Comparison, lang: str) -> tuple[list[str], list[list[str]]]:
    """Milestones whose due date or status changed: before → now."""
    due, status = MILESTONE.field("due_date"), MILESTONE.field("status")
    header = [MILESTONE.field("title").text(lang), due.text(lang), status.text(lang)]
    rows = [[m.title,
             f"{display_value(due, m.previous_due, lang) or '—'} → {display_value(due, m.current_due, lang) or '—'}",
             f"{display_value(status, m.previous_status, lang)} → {display_value(status, m.current_status, lang)}"]
            for m in comparison.milestones_moved]
    return header, rows
