"""The evaluation as an .xlsx workbook: ranking, every item's points, the summary and the scheme in full."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from parkdesk.atomic_files import writing_atomically
from parkdesk.city.assumptions import PLAN_SAYS, assumptions
from parkdesk.city.evaluation import Evaluation
from parkdesk.texts import text
from parkdesk.city.labels import (
    category_text, detail_text, domain_text, grade_text, item_text, kind_text, notes_text, park_heading, status_text,
)
from parkdesk.db.models import EvaluationRecord
from parkdesk.figures.numbers import number, shown

HEADER_FONT = Font(bold=True, color="1D4E89")
HEADER_FILL = PatternFill("solid", fgColor="E4EBF5")
SHEETS = {"ranking": ("排名", "Ranking"), "items": ("评分明细", "Item points"), "summary": ("汇总", "Summary"),
          "scheme": ("考核方案", "Scheme")}


def sheet_name(key: str, lang: str) -> str:
    zh, en = SHEETS[key]
    return en if lang == "en" else zh


def write_evaluation_workbook(evaluation: Evaluation, path: Path | str, *, lang: str = "zh",
                              record: EvaluationRecord | None = None) -> Path:
    """Write the workbook to `path` (temp file, then rename) and return the path."""
    path = Path(path)
    workbook = Workbook()
    _ranking(workbook.active, evaluation, lang)
    _items(workbook.create_sheet(sheet_name("items", lang)), evaluation, lang)
    _summary(workbook.create_sheet(sheet_name("summary", lang)), evaluation, lang, record)
    _scheme(workbook.create_sheet(sheet_name("scheme", lang)), evaluation, lang)
    _all_text_as_text(workbook)
    with writing_atomically(path) as temp:
        workbook.save(temp)
    return path


def _all_text_as_text(workbook: Workbook) -> None:
    """The workbook holds no formulas: a park name that starts with "=" (parks name themselves, in the packages
    they send) is text, not a live formula such as =HYPERLINK(…) or =cmd|…, as openpyxl would write it."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def _header(sheet, titles: list[str], widths: list[int]) -> None:
    sheet.append(titles)
    for column, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def _ranking(sheet, evaluation: Evaluation, lang: str) -> None:
    sheet.title = sheet_name("ranking", lang)
    scheme = evaluation.scheme
    titles = [
        text("city.rank", lang),
        text("city.code", lang),
        park_heading(None, lang),
        park_heading("domain", lang),
        park_heading("category", lang),
        text("city.division", lang),
        *(text(k, lang) for k in ("city.status", "city.score", "city.base", "city.bonus", "city.grade",
                                  "city.reward")),
    ]
    titles += [item_text(scheme, item.key, lang) for item in scheme.items]
    titles += [text("city.parkdesk_grade", lang), text("city.third_party", lang)]
    _header(sheet, titles, [6, 10, 30, 18, 14, 14, 10, 9, 9, 8, 8, 11] + [14] * len(scheme.items) + [12, 30])
    for result in evaluation.parks:
        park, score, party = result.park, result.score, result.third_party
        sheet.append(
            [
                result.rank,
                park.code,
                park.name,
                domain_text(park.domain, lang),
                category_text(park.category, lang),
                park.division_name or "",
                status_text(park.status, lang),
                number(score.score),
                shown(score.base),
                shown(score.bonus),
                grade_text(result.grade, lang),
                number(result.reward),
                *(shown(i.points) for i in score.items),
                grade_text(result.own_grade, lang),
                "" if party is None else _third_party_text(party, lang),
            ]
        )
    for row in sheet.iter_rows(min_row=2, min_col=8, max_col=len(titles) - 2):
        for cell in row:
            if isinstance(cell.value, (int, float)):
                cell.number_format = "0.00" if cell.column in (8, 12) else "0.####"


def _third_party_text(party, lang: str) -> str:
    words = text("city.third_party_by", lang, evaluator=party.evaluator, grade=grade_text(party.grade, lang))
    extra = [str(number(party.score))] if party.score is not None else []
    extra += [party.document_number] if party.document_number else []
    return words + (f"({', '.join(extra)})" if extra else "")


def _items(sheet, evaluation: Evaluation, lang: str) -> None:
    _header(
        sheet,
        [
            text("city.code", lang),
            park_heading(None, lang),
            *(text(k, lang) for k in ("city.item", "city.points", "city.max_points", "city.is_bonus", "city.detail",
                                      "city.notes")),
        ],
        [10, 30, 30, 9, 8, 8, 70, 24],
    )
    for result in evaluation.parks:
        for item in result.score.items:
            sheet.append(
                [
                    result.park.code,
                    result.park.name,
                    item_text(evaluation.scheme, item.key, lang),
                    shown(item.points),
                    number(item.max_points),
                    text("city.yes_plain", lang) if item.bonus else "",
                    detail_text(item.detail, lang),
                    notes_text(item.notes, lang),
                ]
            )


def _summary(sheet, evaluation: Evaluation, lang: str, record: EvaluationRecord | None) -> None:
    scheme = evaluation.scheme
    rows: list[list] = [
        [text("city.year", lang), evaluation.year],
        [text("city.scheme", lang), scheme.name],
        [text("city.fingerprint", lang), evaluation.fingerprint],
    ]
    if record is not None:
        rows += [
            [text("city.evaluation_id", lang), record.id],
            [text("city.result_sha256", lang), record.result_sha256],
        ]
    rows += [
        [text("city.parks_evaluated", lang), len(evaluation.parks)],
        [text("city.full_mark", lang), number(scheme.base_points)],
        [text("city.bonus_max", lang), number(scheme.bonus_points)],
        [text("city.pass_threshold", lang), number(scheme.pass_threshold)],
        [text("city.quota_rounding", lang), text("city." + scheme.quota_rounding, lang)],
        [text("city.ties", lang), text("city." + scheme.ties, lang)],
        [text("city.reward_rule", lang), text("city." + scheme.reward_rule, lang)],
        [],
        [
            text("city.grade", lang),
            text("city.share", lang),
            text("city.quota", lang),
            text("city.count", lang),
            text("city.reward_cap", lang),
        ],
    ]
    counts = evaluation.grade_counts
    for rule in scheme.grades:
        share = f"{number(rule.share * 100)}%" if rule.share is not None else text("city.rest", lang)
        rows.append(
            [
                grade_text(rule.key, lang),
                share,
                evaluation.quotas.get(rule.key, ""),
                counts[rule.key],
                number(rule.reward_cap),
            ]
        )
    rows.append([grade_text("fail", lang), text("city.below_threshold", lang), "", counts["fail"], 0])
    rows += [[], [text("city.reward_total", lang), number(evaluation.reward_total)]]
    rows += [[], [text("city.plan_heading", lang)], [PLAN_SAYS.text(lang)], [text("city.defaults", lang)]]
    rows += [[f"{n}. {line}"] for n, line in enumerate(assumptions(scheme, lang), start=1)]
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 66
    for column in "CDE":
        sheet.column_dimensions[column].width = 14


def _scheme(sheet, evaluation: Evaluation, lang: str) -> None:
    scheme = evaluation.scheme
    _header(
        sheet,
        [text(k, lang) for k in ("city.item", "city.kind", "city.max_points", "city.is_bonus", "city.parameters")],
        [34, 12, 8, 8, 60],
    )
    for item in scheme.items:
        document = item.extra_json()
        sheet.append(
            [
                item.label.text(lang),
                kind_text(item.kind, lang),
                number(item.points),
                text("city.yes_plain", lang) if item.bonus else "",
                detail_text(document, lang) if document else "",
            ]
        )
    sheet.append([])
    sheet.append([text("city.scheme_json", lang), scheme.canonical_json()])
