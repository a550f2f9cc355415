"""The district summary: its parks, their coverage of domains and categories, and the indicators rolled up.

Built from the same blocks as the park summary, over whatever reports of the
year the workspace holds for the district's parks.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, Enterprise, Park, ParkDetails, Report
from parkdesk.db.queries import details_as_of
from parkdesk.errors import ParkdeskError
from parkdesk.figures.coverage import domain_coverage
from parkdesk.figures.doubling import DOUBLED_INDICATORS, DoublingStatus
from parkdesk.figures.formulas import FIGURE_BY_KEY, formula
from parkdesk.figures.numbers import exact, number
from parkdesk.forms.sections import BASIC
from parkdesk.pdf.blocks import Heading, ProgressBar, data_table, esc, fmt_number
from parkdesk.pdf.cover import cover
from parkdesk.pdf.document import DocumentSpec
from parkdesk.pdf.indicator_table import indicator_table, report_indicator_lines, rolled_up_indicator_lines
from parkdesk.pdf.metadata import PdfMetadata
from parkdesk.pdf.park_sections import field_text
from parkdesk.pdf.styles import MARGIN, PORTRAIT, Styles, make_styles
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reference.domains import DOMAIN_BY_KEY
from parkdesk.reference.labels import Label
from parkdesk.texts import text
from parkdesk.validation.engine import validate_report

WIDTH = PORTRAIT[0] - 2 * MARGIN
YES_NO = {True: Label("是", "Yes"), False: Label("否", "No")}


@dataclass(frozen=True)
class DistrictPark:
    park: Park
    details: ParkDetails  # as the park's report of the year (else its nearest report) states them
    report: Report | None
    enterprises: int
    errors: int
    open_warnings: int


def _district_parks(session: Session, code: str, year: int) -> list[DistrictPark]:
    parks = list(session.scalars(select(Park).where(Park.division_code == code).order_by(Park.id)))
    reports = {r.park_id: r for r in session.scalars(
        select(Report).where(Report.year == year, Report.park_id.in_([p.id for p in parks])))}
    counts = dict(session.execute(
        select(Enterprise.report_id, func.count()).where(Enterprise.report_id.in_([r.id for r in reports.values()]))
        .group_by(Enterprise.report_id)).all()) if reports else {}
    details = details_as_of(session, [p.id for p in parks], year)
    result = []
    for park in (p for p in parks if p.id in details):  # a park is known here by a report it sent
        report = reports.get(park.id)
        errors = warnings = 0
        if report is not None:
            validation = validate_report(session, report.id)
            errors, warnings = len(validation.errors), len(validation.unjustified_warnings)
        result.append(DistrictPark(park, details.get(park.id), report, counts.get(report.id, 0) if report else 0,
                                   errors, warnings))
    return result


def _parks_table(session: Session, entries: list[DistrictPark], styles: Styles, lang: str) -> list[Flowable]:
    fields = BASIC.records[0]
    header = [
        fields.field("name").text(lang),
        fields.field("category").text(lang),
        fields.field("domain").text(lang),
        text("pdf.status", lang),
        text("pdf.count", lang),
        text("pdf.industry_scale", lang),
        text("pdf.errors", lang),
        text("pdf.open_warnings", lang),
    ]
    rows = []
    for entry in entries:
        park, report = entry.details, entry.report
        scale = "—"
        if report is not None:
            line = next(
                (x for x in report_indicator_lines(session, report.id, lang) if x.key == "industry_scale"), None
            )
            if line is not None:
                scale = f"{fmt_number(line.actual)} / {fmt_number(line.target)}"
        rows.append(
            [
                park.name,
                field_text(fields.field("category"), park.category, lang),
                field_text(fields.field("domain"), park.domain, lang),
                label_of(REPORT_STATUSES, report.status, lang) if report else text("pdf.no_report_filed", lang),
                entry.enterprises if report else "—",
                scale,
                entry.errors if report else "—",
                entry.open_warnings if report else "—",
            ]
        )
    widths = [0.26, 0.12, 0.15, 0.09, 0.09, 0.13, 0.07, 0.09]
    return [data_table(header, rows, styles, [WIDTH * w for w in widths], right_columns=(4, 5, 6, 7))]


def _coverage(entries: list[DistrictPark], styles: Styles, lang: str) -> list[Flowable]:
    """Parks per domain and category (parkdesk.figures.coverage): a key domain is covered with all three
    categories, a characteristic one with any."""
    details = [entry.details for entry in entries]
    coverage = domain_coverage(details)
    category_of = {d.code: d.category for d in details}
    rows = []
    for cells, group_text in (
        (coverage.key_cells, "pdf.domain_group_key"),
        (coverage.characteristic_cells, "pdf.domain_group_characteristic"),
    ):
        for domain in dict.fromkeys(cell.domain for cell in cells):
            in_domain = [cell for cell in cells if cell.domain == domain]
            parks = {code for cell in in_domain for code in cell.parks}
            per_category = [sum(category_of[code] == c.key for code in parks) for c in CATEGORIES]
            rows.append(
                [
                    text(group_text, lang),
                    DOMAIN_BY_KEY[domain].text(lang),
                    *per_category,
                    YES_NO[all(cell.filled for cell in in_domain)].text(lang),
                ]
            )
    header = [
        "",
        BASIC.records[0].field("domain").text(lang),
        *(c.text(lang) for c in CATEGORIES),
        text("pdf.covered", lang),
    ]
    widths = [0.14, 0.3, 0.14, 0.14, 0.14, 0.14]
    return [data_table(header, rows, styles, [WIDTH * w for w in widths], right_columns=(2, 3, 4))]


def _doubling(lines, styles: Styles, lang: str) -> list[Flowable]:
    """The district's share of 三个倍增, with the dashboard's formula (parkdesk.figures.doubling)."""
    by_key = {line.key: line for line in lines}
    rows = []
    for key in DOUBLED_INDICATORS:
        line = by_key.get(key)
        if line is None:
            continue
        status = DoublingStatus(key, exact(line.baseline) or Fraction(0), exact(line.actual) or Fraction(0), ())
        rows.append(
            [
                f"{line.name}({line.unit})",
                fmt_number(line.baseline),
                fmt_number(number(status.target_total)),
                fmt_number(line.actual),
                ProgressBar(_float(status.progress), styles.font, width=94),
            ]
        )
    if not rows:
        return []
    header = [
        "",
        text("pdf.baseline_total", lang),
        text("pdf.doubled_total", lang),
        text("pdf.actual_total", lang),
        FIGURE_BY_KEY["doubling_progress"].label.text(lang),
    ]
    widths = [WIDTH - 3 * 80 - 100, 80, 80, 80, 100]
    return [
        Heading(text("pdf.district_doubling", lang), styles.h1),
        Paragraph(esc(formula("doubling_progress", lang)), styles.note),
        data_table(header, rows, styles, widths, right_columns=(1, 2, 3)),
    ]


def _float(value) -> float | None:
    return None if value is None else float(value)


def district_spec(session: Session, district_code: str, year: int, font: str, lang: str = "zh") -> DocumentSpec:
    division = session.get(Division, district_code)
    if division is None:
        raise ParkdeskError("pdf.no_division", code=district_code)
    styles = make_styles(font, lang)
    entries = _district_parks(session, district_code, year)
    report_ids = [e.report.id for e in entries if e.report is not None]
    title = f"{division.name} {text('pdf.district_title', lang, year=year)}"
    facts = [
        (text("pdf.district", lang), f"{division.name}({division.code})"),
        (text("pdf.year", lang), str(year)),
        (
            text("pdf.district_parks", lang),
            text("pdf.parks_count", lang, parks=len(entries), year=year, reports=len(report_ids)),
        ),
    ]
    story: list[Flowable] = cover(
        text("pdf.plan", lang),
        division.name,
        text("pdf.district_title", lang, year=year),
        facts,
        styles,
        WIDTH,
        lang,
        show_fingerprint=False,
    )
    story.append(Heading(text("pdf.district_parks", lang), styles.h1))
    if not entries:
        story.append(Paragraph(esc(text("pdf.district_no_parks", lang)), styles.body))
    else:
        story += _parks_table(session, entries, styles, lang)
    story += [Heading(text("pdf.district_coverage", lang), styles.h1), *_coverage(entries, styles, lang)]
    story += [
        Heading(text("pdf.district_indicators", lang), styles.h1),
        Paragraph(esc(text("pdf.district_indicators_note", lang, reports=len(report_ids), year=year)), styles.note),
        Paragraph(esc(formula("total", lang)), styles.note),
        Paragraph(esc(formula("progress", lang)), styles.note),
    ]
    if report_ids:
        lines = rolled_up_indicator_lines(session, report_ids, lang)
        story.append(indicator_table(lines, styles, WIDTH, lang))
        story += _doubling(lines, styles, lang)
    metadata = PdfMetadata(
        title=title,
        author=division.name,
        subject=f"{text('pdf.district_subject', lang)} · {text('pdf.plan', lang)}",
        keywords=(division.name, division.code, str(year), "parkdesk"),
        lang=lang,
    )
    return DocumentSpec(story, metadata, header_left=title, header_right=text("pdf.plan", lang))
