"""The park's annual summary: the story of flowables, from cover to appendix."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Paragraph
from sqlalchemy.orm import Session

from parkdesk.errors import ParkdeskError
from parkdesk.figures.formulas import formula
from parkdesk.forms.sections import BASIC, CHAIN, INDICATORS
from parkdesk.packages.records import recorded_package
from parkdesk.pdf.blocks import Bookmark, Heading, esc
from parkdesk.pdf.chain_drawing import chain_drawing
from parkdesk.pdf.cover import PackageFingerprints, cover
from parkdesk.pdf.document import DocumentSpec, ProgressTracker
from parkdesk.pdf.enterprise_summary import appendix_header, appendix_tables, count_enterprises, enterprise_summary
from parkdesk.pdf.indicator_table import indicator_table, report_indicator_lines
from parkdesk.pdf.metadata import PdfMetadata
from parkdesk.pdf.page_template import APPENDIX
from parkdesk.texts import text
from parkdesk.pdf.park_sections import (
    basic_information, field_text, platforms, requirements_assessment, validation_status,
)
from parkdesk.pdf.path_timeline import path_map
from parkdesk.pdf.styles import FOOTER_BAND, HEADER_BAND, MARGIN, PORTRAIT, Styles, make_styles
from parkdesk.pdf.year_over_year import year_over_year_section
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reports import status
from parkdesk.validation.engine import validate_report
from parkdesk.validation.report_data import ReportData, load_report_data

SENT = status.SENT  # statuses a report has only after its package was sent
WIDTH = PORTRAIT[0] - 2 * MARGIN
HEIGHT = PORTRAIT[1] - 2 * MARGIN - HEADER_BAND - FOOTER_BAND


def report_metadata(data: ReportData, lang: str) -> PdfMetadata:
    park, year = data.park, data.report.year
    return PdfMetadata(
        title=f"{park.name} {text('pdf.report_title', lang, year=year)}",
        author=park.operator_org or park.name,
        subject=f"{text('pdf.report_subject', lang)} · {text('pdf.plan', lang)}",
        keywords=(park.name, park.code, str(year), "parkdesk"),
        lang=lang,
    )


def _cover(data: ReportData, styles: Styles, lang: str, fingerprints: PackageFingerprints) -> list[Flowable]:
    park, report = data.park, data.report
    fields = BASIC.records[0]
    facts = [(fields.field("name").text(lang), park.name), (fields.field("code").text(lang), park.code),
             (text("pdf.year", lang), str(report.year))]
    for key in ("category", "domain", "division_code", "level", "operator_org"):
        division = park.division.name if park.division else None
        facts.append((fields.field(key).text(lang), field_text(fields.field(key), getattr(park, key), lang, division)))
    facts.append((text("pdf.status", lang), label_of(REPORT_STATUSES, report.status, lang)))
    return cover(
        text("pdf.plan", lang),
        park.name,
        text("pdf.report_title", lang, year=report.year),
        facts,
        styles,
        WIDTH,
        lang,
        fingerprints,
    )


def _fingerprints(session: Session, data: ReportData, signer_fingerprint: str | None) -> PackageFingerprints:
    """Inside a package: the signer's certificate. Otherwise what the workspace recorded of the package."""
    if signer_fingerprint:
        return PackageFingerprints(signer_fingerprint=signer_fingerprint)
    record = recorded_package(session, data.report.id)
    if record is not None:
        return PackageFingerprints(record.file_sha256, record.signer_fingerprint)
    return PackageFingerprints(submitted=data.report.status in SENT)


def _chain(session: Session, data: ReportData, styles: Styles, lang: str) -> list[Flowable]:
    drawing = chain_drawing(session, data.report.id, styles.font, lang, WIDTH, HEIGHT - 40)
    return [CondPageBreak(drawing.height + 40), Heading(CHAIN.text(lang), styles.h1), drawing]


def park_report_spec(
    session: Session,
    report_id: int,
    font: str,
    lang: str = "zh",
    *,
    appendix: bool = True,
    fingerprint: str | None = None,
    tracker: ProgressTracker | None = None,
) -> DocumentSpec:
    """Everything the park summary shows, laid out as a story; reads the workspace, writes nothing."""
    try:
        data = load_report_data(session, report_id)
    except LookupError:
        raise ParkdeskError("pdf.no_report", report_id=report_id) from None
    tracker = tracker or ProgressTracker(None, None)
    styles = make_styles(font, lang)
    counts = count_enterprises(session, report_id)
    story: list[Flowable] = _cover(data, styles, lang, _fingerprints(session, data, fingerprint))
    story += basic_information(data, styles, WIDTH, lang)
    story += [
        Heading(INDICATORS.text(lang), styles.h1),
        Paragraph(esc(formula("progress", lang)), styles.note),
        indicator_table(report_indicator_lines(session, report_id, lang), styles, WIDTH, lang),
        tracker.mark(),
    ]
    story += year_over_year_section(session, report_id, styles, WIDTH, lang, list_enterprises=appendix)
    story += _chain(session, data, styles, lang) + [tracker.mark()]
    story += path_map(data, styles, WIDTH, lang) + [tracker.mark()]
    story += enterprise_summary(data, counts, styles, WIDTH, lang)
    if counts.total:
        note = text("pdf.appendix_privacy", lang) if appendix else text("pdf.appendix_left_out", lang)
        story.append(Paragraph(esc(note), styles.note))
    story.append(tracker.mark())
    story += requirements_assessment(data, styles, WIDTH, lang)
    story += platforms(data, styles, WIDTH, lang)
    story += validation_status(validate_report(session, report_id), styles, WIDTH, lang) + [tracker.mark()]
    header = None
    appendix_title = text("pdf.appendix", lang, total=counts.total)
    if appendix and counts.total:
        header = appendix_header(styles, lang)
        story += [NextPageTemplate(APPENDIX), PageBreak(), Bookmark(appendix_title)]
        story += appendix_tables(session, data, styles, lang, after_chunk=lambda _: tracker.mark())
    metadata = report_metadata(data, lang)
    return DocumentSpec(
        story,
        metadata,
        header_left=metadata.title,
        header_right=text("pdf.plan", lang),
        appendix_header=header,
        appendix_title=appendix_title,
    )
