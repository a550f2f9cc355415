"""The district summary: its parks, their coverage of domains and categories, and the indicators rolled up.

Built from the same blocks as the park summary, over whatever reports of the
year the workspace holds for the district's parks.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, Enterprise, Park, ParkDetails, Report
from parkdesk.db.queries import details_as_of
from parkdesk.errors import ParkdeskError
from parkdesk.forms.sections import BASIC
from parkdesk.pdf.blocks import Heading, data_table, esc, fmt_number
from parkdesk.pdf.cover import cover
from parkdesk.pdf.document import DocumentSpec
from parkdesk.pdf.indicator_table import indicator_table, report_indicator_lines, rolled_up_indicator_lines
from parkdesk.pdf.metadata import PdfMetadata
from parkdesk.pdf.park_sections import field_text
from parkdesk.pdf.styles import MARGIN, PORTRAIT, Styles, make_styles
from parkdesk.pdf.texts import t
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reference.domains import CHARACTERISTIC, DOMAINS, KEY
from parkdesk.reference.labels import Label
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
    header = [fields.field("name").text(lang), fields.field("category").text(lang), fields.field("domain").text(lang),
              t("status", lang), t("count", lang), t("industry_scale", lang), t("errors", lang),
              t("open_warnings", lang)]
    rows = []
    for entry in entries:
        park, report = entry.details, entry.report
        scale = "—"
        if report is not None:
            line = next((x for x in report_indicator_lines(session, report.id, lang) if x.key == "industry_scale"), None)
            if line is not None:
                scale = f"{fmt_number(line.actual)} / {fmt_number(line.target)}"
        rows.append([
            park.name, field_text(fields.field("category"), park.category, lang),
            field_text(fields.field("domain"), park.domain, lang),
            label_of(REPORT_STATUSES, report.status, lang) if report else t("no_report", lang),
            entry.enterprises if report else "—", scale,
            entry.errors if report else "—", entry.open_warnings if report else "—",
        ])
    widths = [0.26, 0.12, 0.15, 0.09, 0.09, 0.13, 0.07, 0.09]
    return [data_table(header, rows, styles, [WIDTH * w for w in widths], right_columns=(4, 5, 6, 7))]


def _coverage(entries: list[DistrictPark], styles: Styles, lang: str) -> list[Flowable]:
    """Parks per domain and category; a key domain is covered with all three categories, a characteristic one with any."""
    counts: dict[tuple[str, str], int] = {}
    for entry in entries:
        key = (entry.details.domain, entry.details.category)
        counts[key] = counts.get(key, 0) + 1
    rows = []
    for group, group_text in ((KEY, "domain_group_key"), (CHARACTERISTIC, "domain_group_characteristic")):
        for domain in (d for d in DOMAINS if d.group == group):
            per_category = [counts.get((domain.key, c.key), 0) for c in CATEGORIES]
            covered = all(per_category) if group == KEY else any(per_category)
            rows.append([t(group_text, lang), domain.text(lang), *per_category, YES_NO[covered].text(lang)])
    header = ["", BASIC.records[0].field("domain").text(lang), *(c.text(lang) for c in CATEGORIES), t("covered", lang)]
    widths = [0.14, 0.3, 0.14, 0.14, 0.14, 0.14]
    return [data_table(header, rows, styles, [WIDTH * w for w in widths], right_columns=(2, 3, 4))]


def district_spec(session: Session, district_code: str, year: int, font: str, lang: str = "zh") -> DocumentSpec:
    division = session.get(Division, district_code)
    if division is None:
        raise ParkdeskError("pdf.no_division", code=district_code)
    styles = make_styles(font, lang)
    entries = _district_parks(session, district_code, year)
    report_ids = [e.report.id for e in entries if e.report is not None]
    title = f"{division.name} {t('district_title', lang, year=year)}"
    facts = [(t("district", lang), f"{division.name}({division.code})"), (t("year", lang), str(year)),
             (t("district_parks", lang), t("parks_count", lang, parks=len(entries), year=year,
                                           reports=len(report_ids)))]
    story: list[Flowable] = cover(t("plan", lang), division.name, t("district_title", lang, year=year), facts,
                                  styles, WIDTH, lang, show_fingerprint=False)
    story.append(Heading(t("district_parks", lang), styles.h1))
    if not entries:
        story.append(Paragraph(esc(t("district_no_parks", lang)), styles.body))
    else:
        story += _parks_table(session, entries, styles, lang)
    story += [Heading(t("district_coverage", lang), styles.h1), *_coverage(entries, styles, lang)]
    story += [Heading(t("district_indicators", lang), styles.h1),
              Paragraph(esc(t("district_indicators_note", lang, reports=len(report_ids), year=year)), styles.note),
              Paragraph(esc(t("indicators_caption", lang)), styles.note)]
    if report_ids:
        story.append(indicator_table(rolled_up_indicator_lines(session, report_ids, lang), styles, WIDTH, lang))
    metadata = PdfMetadata(title=title, author=division.name,
                           subject=f"{t('district_subject', lang)} · {t('plan', lang)}",
                           keywords=(division.name, division.code, str(year), "parkdesk"), lang=lang)
    return DocumentSpec(story, metadata, header_left=title, header_right=t("plan", lang))
