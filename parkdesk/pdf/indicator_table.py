"""The indicators table (baseline, target, actual, progress bar), for one report or rolled up over several."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import IndicatorDefinition, IndicatorValue
from parkdesk.forms.indicators import INDICATOR_BY_KEY, PERCENT
from parkdesk.forms.sections import INDICATORS as INDICATOR_SECTION
from parkdesk.pdf.blocks import ProgressBar, data_table, fmt_number
from parkdesk.pdf.styles import Styles
from parkdesk.pdf.texts import t

# percentages recomputed from rolled-up sums: key → (numerator, denominator)
SHARES = {"service_export_share": ("service_exports", "foreign_trade_exports")}


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
        """The share of the way from the 2021 baseline to the 2024 target reached; None when not measurable."""
        if self.target is None or self.actual is None:
            return None
        start = self.baseline or 0.0
        if self.target <= start:
            return None
        return (self.actual - start) / (self.target - start)


def _query(session: Session, report_ids: list[int]):
    return session.execute(
        select(IndicatorDefinition.key, IndicatorDefinition.name_zh, IndicatorDefinition.name_en,
               IndicatorDefinition.unit, IndicatorDefinition.kind, IndicatorDefinition.park_id,
               IndicatorValue.baseline_2021, IndicatorValue.target_2024, IndicatorValue.actual)
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
    return [IndicatorLine(key, *_names(key, zh, en, unit, lang), kind, baseline, target, actual)
            for key, zh, en, unit, kind, _, baseline, target, actual in _query(session, [report_id])]


def rolled_up_indicator_lines(session: Session, report_ids: list[int], lang: str = "zh") -> list[IndicatorLine]:
    """Sums of the built-in indicators over the reports; shares recomputed from the sums, other percentages left out."""
    if not report_ids:
        return []
    sums: dict[str, list[float | None]] = {}
    order: list[tuple[str, str, str | None, str, str]] = []
    for key, zh, en, unit, kind, park_id, *values in _query(session, report_ids):
        if park_id is not None:
            continue
        if key not in sums:
            sums[key] = [None, None, None]
            order.append((key, zh, en, unit, kind))
        sums[key] = [a if b is None else (b if a is None else a + b) for a, b in zip(sums[key], values)]
    lines = []
    for key, zh, en, unit, kind in order:
        values = sums[key]
        if kind == PERCENT:
            if key not in SHARES:
                continue
            numerator, denominator = (sums.get(part, [None] * 3) for part in SHARES[key])
            values = [n / d * 100 if n is not None and d else None for n, d in zip(numerator, denominator)]
        lines.append(IndicatorLine(key, *_names(key, zh, en, unit, lang), kind, *values))
    return lines


def indicator_table(lines: list[IndicatorLine], styles: Styles, width: float, lang: str = "zh") -> Table:
    record = INDICATOR_SECTION.records[0]
    header = [record.field("indicator_id").text(lang), t("unit", lang), record.field("baseline_2021").text(lang),
              record.field("target_2024").text(lang), record.field("actual").text(lang), t("progress", lang)]
    bar, number, unit = 105, 62, 60 if lang == "en" else 42
    widths = [width - 3 * number - unit - bar, unit, number, number, number, bar]
    rows = [[line.name, line.unit, fmt_number(line.baseline), fmt_number(line.target), fmt_number(line.actual),
             ProgressBar(line.progress, styles.font, width=bar - 6)] for line in lines]
    return data_table(header, rows, styles, widths, right_columns=(2, 3, 4))
