"""The park summary's year-over-year section: this report beside the park's previous accepted year.

Drawn from parkdesk.history.year_over_year.compare_years; nothing is drawn
when the park has no earlier accepted report.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy.orm import Session

from parkdesk.pdf.blocks import Heading, data_table, esc, fmt_number
from parkdesk.pdf.styles import Styles
from parkdesk.reference.choices import MILESTONE_STATUSES, label_of
from parkdesk.reference.labels import Label
from parkdesk.history.year_over_year import Comparison, compare_years

LISTED = 20  # enterprises named per list; the rest are counted
L = Label
TEXTS = {
    "title": L("与上年度对比({previous} → {year})", "Year over year ({previous} → {year})"),
    "indicators": L("指标变化与目标进度", "Indicators against targets"),
    "indicator": L("指标", "Indicator"), "unit": L("单位", "Unit"),
    "previous": L("{year} 年实际", "{year} actual"), "current": L("{year} 年实际", "{year} actual"),
    "change": L("变化", "Change"), "target": L("2024 年目标", "2024 target"),
    "progress": L("目标进度", "Progress"),
    "enterprises": L("企业名录变化", "Enterprise list"),
    "enterprise_counts": L("新增 {added} 家,减少 {removed} 家,信息有变化 {changed} 家,未变 {unchanged} 家"
                           "(按信用代码比对,无代码的按名称)。",
                           "{added} added, {removed} removed, {changed} changed, {unchanged} unchanged (matched by "
                           "credit code, else by name)."),
    "added": L("新增", "Added"), "removed": L("减少", "Removed"), "name": L("企业名称", "Enterprise"),
    "uscc": L("统一社会信用代码", "Credit code"), "kind": L("变化", "Change"),
    "more": L("另有 {count} 家未列出。", "{count} more not listed."),
    "milestones": L("里程碑变动", "Milestones moved"),
    "milestone": L("里程碑", "Milestone"), "due": L("计划完成日期", "Due"), "status": L("状态", "Status"),
    "none_moved": L("里程碑的日期和状态均无变化。", "No milestone changed its date or status."),
}


def tx(key: str, lang: str, **params) -> str:
    return TEXTS[key].text(lang).format(**params)


def year_over_year_section(session: Session, report_id: int, styles: Styles, width: float, lang: str = "zh", *,
                           list_enterprises: bool = True) -> list[Flowable]:
    """The section's flowables; `list_enterprises=False` gives the counts only (a summary without the list)."""
    comparison = compare_years(session, report_id)
    if not comparison.has_previous:
        return []
    return ([Heading(tx("title", lang, previous=comparison.previous_year, year=comparison.year), styles.h1)]
            + _indicators(comparison, styles, width, lang)
            + _enterprises(comparison, styles, width, lang, list_enterprises)
            + _milestones(comparison, styles, width, lang))


def _indicators(comparison: Comparison, styles: Styles, width: float, lang: str) -> list[Flowable]:
    rows = []
    for item in comparison.indicators:
        change = "—" if item.change is None else (("+" if item.change > 0 else "") + fmt_number(item.change))
        if item.change_share is not None:
            change += f"({item.change_share:+.1%})"
        progress = " → ".join("—" if p is None else f"{p:.0%}" for p in (item.progress_previous,
                                                                           item.progress_current))
        rows.append([item.name.text(lang), item.unit, fmt_number(item.previous), fmt_number(item.current), change,
                     fmt_number(item.target), progress])
    header = [tx("indicator", lang), tx("unit", lang), tx("previous", lang, year=comparison.previous_year),
              tx("current", lang, year=comparison.year), tx("change", lang), tx("target", lang),
              tx("progress", lang)]
    widths = [width * share for share in (0.24, 0.08, 0.12, 0.12, 0.16, 0.12, 0.16)]
    return [Heading(tx("indicators", lang), styles.h2),
            data_table(header, rows, styles, widths, right_columns=(2, 3, 4, 5, 6))]


def _enterprises(comparison: Comparison, styles: Styles, width: float, lang: str, listing: bool) -> list[Flowable]:
    diff = comparison.enterprises
    story: list[Flowable] = [Heading(tx("enterprises", lang), styles.h2), Paragraph(esc(tx(
        "enterprise_counts", lang, added=len(diff.added), removed=len(diff.removed), changed=len(diff.changed),
        unchanged=diff.unchanged)), styles.body)]
    if not listing:
        return story
    listed = [(tx("added", lang), e) for e in diff.added[:LISTED]] + \
             [(tx("removed", lang), e) for e in diff.removed[:LISTED]]
    if listed:
        story.append(data_table([tx("kind", lang), tx("name", lang), tx("uscc", lang)],
                                [[kind, e.name, e.uscc or "—"] for kind, e in listed], styles,
                                [width * 0.12, width * 0.58, width * 0.30]))
    hidden = max(0, len(diff.added) - LISTED) + max(0, len(diff.removed) - LISTED)
    if hidden:
        story.append(Paragraph(esc(tx("more", lang, count=hidden)), styles.note))
    return story


def _milestones(comparison: Comparison, styles: Styles, width: float, lang: str) -> list[Flowable]:
    story: list[Flowable] = [Heading(tx("milestones", lang), styles.h2)]
    if not comparison.milestones_moved:
        return story + [Paragraph(esc(tx("none_moved", lang)), styles.note)]
    rows = [[m.title, f"{m.previous_due or '—'} → {m.current_due or '—'}",
             f"{label_of(MILESTONE_STATUSES, m.previous_status, lang)} → "
             f"{label_of(MILESTONE_STATUSES, m.current_status, lang)}"] for m in comparison.milestones_moved]
    return story + [data_table([tx("milestone", lang), tx("due", lang), tx("status", lang)], rows, styles,
                               [width * 0.46, width * 0.30, width * 0.24])]
