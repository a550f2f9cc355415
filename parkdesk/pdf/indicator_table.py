"""The indicators table (baseline, target, actual, progress bar), for one report or rolled up over several."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reportlab.platypus import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import IndicatorDefinition, IndicatorValue
from parkdesk.figures.numbers import exact, number
from parkdesk.figures.progress import progress_toward
from parkdesk.figures.totals import computed_value, indicator_totals, is_computed
from parkdesk.forms.indicators import INDICATOR_BY_KEY, PERCENT
from parkdesk.forms.sections import INDICATORS as INDICATOR_SECTION
from parkdesk.pdf.blocks import ProgressBar, data_table, fmt_number
from parkdesk.pdf.styles import Styles
from parkdesk.texts import text

@dataclass(frozen=True)
class IndicatorLine:
    key: str
    name: str
    unit: str
    kind: str
    baseline: float | None
    target: float | None
    actual: float | None

    @property
    def progress(self) -> float | None:
        """目标进度 (parkdesk.figures.progress.progress_toward); None when not measurable."""
        return progress_toward(self.baseline, self.target, self.actual)


def _query(session: Session, report_ids: list[int]):
    return session.execute(
        select(IndicatorDefinition.key, IndicatorDefinition.name_zh, IndicatorDefinition.name_en,
               IndicatorDefinition.unit, IndicatorDefinition.kind, IndicatorDefinition.park_id,
               IndicatorValue.baseline_2021, IndicatorValue.target_2024, IndicatorValue.actual,
               IndicatorValue.report_id)
        .join(IndicatorValue, IndicatorValue.indicator_id == IndicatorDefinition.id)
        .where(IndicatorValue.report_id.in_(report_ids))
        .order_by(IndicatorDefinition.park_id.is_not(None), IndicatorDefinition.sort_order, IndicatorDefinition.id)
    ).all()


def _names(key: str, name_zh: str, name_en: str | None, unit: str, lang: str) -> tuple[str, str]:
    catalogue = INDICATOR_BY_KEY.get(key)
    if catalogue is not None:
        return catalogue.text(lang), catalogue.unit.text(lang)
    return (name_en or name_zh) if lang == "en" else name_zh, unit


def report_indicator_lines(session: Session, report_id: int, lang: str = "zh") -> list[IndicatorLine]:
    """One report's indicators; a computed one (服务出口占外贸出口比重) computed from the report's own figures."""
    rows = _query(session, [report_id])
    columns = [{row[0]: exact(row[6 + column]) for row in rows} for column in (0, 1, 2)]
    lines = []
    for key, zh, en, unit, kind, _, baseline, target, actual, _ in rows:
        if is_computed(key):
            baseline, target, actual = (_float(computed_value(key, columns[column])) for column in (0, 1, 2))
        lines.append(IndicatorLine(key, *_names(key, zh, en, unit, lang), kind, baseline, target, actual))
    return lines


def rolled_up_indicator_lines(session: Session, report_ids: list[int], lang: str = "zh") -> list[IndicatorLine]:
    """Totals of the built-in indicators over the reports (parkdesk.figures.totals: shares recomputed from their
    numerator and denominator, counts whole); a percentage with no total is left out."""
    if not report_ids:
        return []
    per_report: dict[int, tuple[dict[str, Fraction | None], ...]] = {}  # baseline, target, actual by key
    order: dict[str, tuple[str, str | None, str, str]] = {}
    for key, zh, en, unit, kind, park_id, baseline, target, actual, report_id in _query(session, report_ids):
        if park_id is not None:
            continue
        order.setdefault(key, (zh, en, unit, kind))
        columns = per_report.setdefault(report_id, ({}, {}, {}))
        for column, value in enumerate((baseline, target, actual)):
            columns[column][key] = exact(value)
    totals = [indicator_totals((columns[column] for columns in per_report.values()), order) for column in (0, 1, 2)]
    lines = []
    for key, (zh, en, unit, kind) in order.items():
        values = [_float(totals[column][key]) for column in (0, 1, 2)]
        if kind == PERCENT and all(value is None for value in values):
            continue
        lines.append(IndicatorLine(key, *_names(key, zh, en, unit, lang), kind, *values))
    return lines


def _float(value) -> float | None:
    value = number(value)
    return None if value is None else float(value)


def indicator_table(lines: list[IndicatorLine], styles: Styles, width: float, lang: str = "zh") -> Table:
    record = INDICATOR_SECTION.records[0]
    header = [record.field("indicator_id").text(lang), text("pdf.unit", lang), record.field("baseline_2021").text(lang),
              record.field("target_2024").text(lang), record.field("actual").text(lang), text("pdf.progress", lang)]
    bar, number, unit = 105, 62, 60 if lang == "en" else 42
    widths = [width - 3 * number - unit - bar, unit, number, number, number, bar]
    rows = [[line.name, line.unit, fmt_number(line.baseline), fmt_number(line.target), fmt_number(line.actual),
             ProgressBar(line.progress, styles.font, width=bar - 6)] for line in lines]
    return data_table(header, rows, styles, widths, right_columns=(2, 3, 4))
