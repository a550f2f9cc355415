"""The 1234 goals dashboard as PDF flowables (built from parkdesk/pdf blocks), and as a PDF file of its own.

Charts to read at a glance: a progress bar per goal, the domain × category
matrix with filled cells green and empty ones red, the districts likewise.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, TableStyle

from parkdesk.city.dashboard import GoalsDashboard, goal_unit
from parkdesk.city.labels import INDICATOR_VALUE, category_text, domain_text, park_heading, rung_text, status_text
from parkdesk.city.transformations import TRANSFORMATION_BY_KEY
from parkdesk.figures.formulas import formula
from parkdesk.figures.numbers import number
from parkdesk.figures.progress import share
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.pdf.blocks import Heading, ProgressBar, data_table, esc, fmt_number
from parkdesk.pdf.cover import cover
from parkdesk.pdf.document import DocumentSpec, write_pdf
from parkdesk.pdf.fonts import find_pdf_font
from parkdesk.pdf.metadata import PdfMetadata
from parkdesk.pdf.styles import MARGIN, PORTRAIT, Styles, make_styles
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.goals import GOAL_BY_KEY
from parkdesk.texts import text

WIDTH = PORTRAIT[0] - 2 * MARGIN
FILLED = colors.HexColor("#dff3e6")
EMPTY = colors.HexColor("#fde4e1")
BAR = 100


def dashboard_story(dashboard: GoalsDashboard, styles: Styles, lang: str) -> list[Flowable]:
    names = {p.code: p.name for p in dashboard.parks}
    statuses = ", ".join(status_text(s, lang) for s in dashboard.counted_statuses)
    counted = text("city.counted", lang, statuses=statuses, parks=len(dashboard.parks))
    story: list[Flowable] = [Heading(text("city.dashboard_title", lang, year=dashboard.year), styles.h1),
                             Paragraph(esc(counted), styles.note)]
    if dashboard.not_filed:
        not_filed = text("city.not_filed", lang, parks="、".join(p.name for p in dashboard.not_filed))
        story.append(Paragraph(esc(not_filed), styles.note))
    if dashboard.uncounted:
        parks = "、".join(f"{p.name}({status_text(p.status, lang) or '—'})" for p in dashboard.uncounted)
        story.append(Paragraph(esc(text("city.uncounted", lang, parks=parks)), styles.note))
    story.append(_goals_table(dashboard, styles, lang))
    story += _formulas((goal.figure for goal in dashboard.goals), styles, lang)
    story += [Heading(text("city.coverage_domains", lang), styles.h2), _domain_matrix(dashboard, names, styles, lang)]
    story += [Heading(text("city.coverage_districts", lang), styles.h2), *_districts(dashboard, names, styles, lang)]
    story += [
        Heading(text("city.doubling", lang), styles.h2),
        _doubling_table(dashboard, styles, lang),
        *_formulas(("doubling_progress",), styles, lang),
    ]
    story += [Heading(text("city.leap", lang), styles.h2), *_leap(dashboard, names, styles, lang)]
    story += [
        Heading(text("city.transformations", lang), styles.h2),
        _transformations_table(dashboard, names, styles, lang),
    ]
    story += [Heading(text("city.district_reports", lang), styles.h2), *_district_reports(dashboard, styles, lang)]
    return story


def _district_reports(dashboard: GoalsDashboard, styles: Styles, lang: str) -> list[Flowable]:
    if not dashboard.district_reports:
        return [Paragraph(esc(text("city.no_district_reports", lang)), styles.body)]
    story: list[Flowable] = []
    for section in dashboard.district_reports:
        story.append(Paragraph(esc(f"{section.district_name}({section.district_code})"), styles.h2))
        for paragraph in filter(None, section.report.progress.splitlines()):
            story.append(Paragraph(esc(paragraph), styles.body))
        rows = [
            [p.name, domain_text(p.domain, lang), category_text(p.category, lang), str(p.expected_year)]
            for p in section.report.planned_parks
        ]
        if rows:
            story.append(
                data_table(
                    [
                        text("city.planned_parks", lang),
                        park_heading("domain", lang),
                        park_heading("category", lang),
                        text("city.expected_year", lang),
                    ],
                    rows,
                    styles,
                    [WIDTH * 0.4, WIDTH * 0.25, WIDTH * 0.2, WIDTH * 0.15],
                    right_columns=(3,),
                )
            )
    return story


def _float(value) -> float | None:
    return None if value is None else float(value)


def _formulas(keys, styles: Styles, lang: str) -> list[Flowable]:
    return [Paragraph(esc(formula(key, lang)), styles.note) for key in dict.fromkeys(keys) if key]


def _goals_table(dashboard: GoalsDashboard, styles: Styles, lang: str):
    rows = []
    for goal in dashboard.goals:
        reference = GOAL_BY_KEY[goal.key]
        met = text(f"city.state.{goal.state}", lang)
        unit = goal_unit(goal.key).text(lang)
        no_data = goal.state == "no_data"
        rows.append(
            [
                reference.group.text(lang),
                reference.label.text(lang),
                "—" if no_data else f"{fmt_number(number(goal.value))} {unit}",
                "—" if no_data or goal.target is None else f"{fmt_number(number(goal.target))} {unit}",
                ProgressBar(None if no_data else _float(goal.progress), styles.font, width=BAR - 6),
                met,
            ]
        )
    widths = [62, WIDTH - 62 - 2 * 62 - BAR - 70, 62, 62, BAR, 70]
    return data_table(
        [text("city.goal", lang), "", text("city.value", lang), text("city.target", lang), "", text("city.met", lang)],
        rows,
        styles,
        widths,
        right_columns=(2, 3),
    )


def _park_list(codes, names: dict[str, str]) -> str:
    return "、".join(names.get(code, code) for code in codes)


def _domain_matrix(dashboard: GoalsDashboard, names: dict[str, str], styles: Styles, lang: str):
    coverage = dashboard.domains
    rows, fills = [], []
    key_domains = list(dict.fromkeys(c.domain for c in coverage.key_cells))
    for row, domain in enumerate(key_domains, start=1):
        cells = [coverage.cell(domain, c.key) for c in CATEGORIES]
        rows.append([domain_text(domain, lang), *(_park_list(c.parks, names) or "—" for c in cells)])
        fills += [(column, row, c.filled) for column, c in enumerate(cells, start=1)]
    for cell in coverage.characteristic_cells:
        rows.append(
            [
                f"{domain_text(cell.domain, lang)} · {text('city.characteristic', lang)}",
                _park_list(cell.parks, names) or "—",
                "",
                "",
            ]
        )
        fills.append((1, len(rows), cell.filled))
    table = data_table(["", *(c.text(lang) for c in CATEGORIES)], rows, styles, [WIDTH * 0.28] + [WIDTH * 0.24] * 3)
    commands = [
        ("BACKGROUND", (column, row), (column, row), FILLED if filled else EMPTY) for column, row, filled in fills
    ]
    commands += [("SPAN", (1, row), (3, row)) for row in range(len(key_domains) + 1, len(rows) + 1)]
    table.setStyle(TableStyle(commands))
    return table


def _districts(dashboard: GoalsDashboard, names: dict[str, str], styles: Styles, lang: str) -> list[Flowable]:
    coverage = dashboard.districts
    rows = [[f"{d.name}({d.code})", _park_list(d.parks, names) or "—"] for d in coverage.districts]
    table = data_table([text("pdf.district", lang), park_heading(None, lang)], rows, styles, [WIDTH * 0.3, WIDTH * 0.7])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, row), (0, row), FILLED if d.parks else EMPTY)
                for row, d in enumerate(coverage.districts, start=1)
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(
            esc(
                text("city.without_park", lang, names="、".join(d.name for d in coverage.missing))
                if coverage.missing
                else text("city.all_districts", lang)
            ),
            styles.body,
        ),
        table,
    ]
    zone_parks = [code for zone in coverage.zones for code in zone.parks]
    if zone_parks:
        story.append(Paragraph(esc(text("city.zones", lang, parks=_park_list(zone_parks, names))), styles.note))
    return story


def _doubling_table(dashboard: GoalsDashboard, styles: Styles, lang: str):
    rows = []
    for status in dashboard.doubling:
        indicator = INDICATOR_BY_KEY[status.indicator]
        rows.append(
            [
                f"{indicator.text(lang)}({indicator.unit.text(lang)})",
                fmt_number(number(status.baseline_total)),
                fmt_number(number(status.target_total)),
                fmt_number(number(status.actual_total)),
                ProgressBar(_float(status.progress), styles.font, width=BAR - 6),
            ]
        )
    widths = [WIDTH - 3 * 70 - BAR, 70, 70, 70, BAR]
    return data_table(
        ["", INDICATOR_VALUE.field("baseline_2021").text(lang), text("city.doubled", lang),
         INDICATOR_VALUE.field("actual").text(lang), ""],
        rows,
        styles,
        widths,
        right_columns=(1, 2, 3),
    )


def _leap(dashboard: GoalsDashboard, names: dict[str, str], styles: Styles, lang: str) -> list[Flowable]:
    leap = dashboard.leap
    lines = [
        text(
            "city.moved_up",
            lang,
            parks="、".join(
                f"{names.get(m.park, m.park)}"
                f"({rung_text(m.from_category, m.from_level, lang)} → {rung_text(m.to_category, m.to_level, lang)})"
                for m in leap.moved_up
            )
            or text("city.none", lang),
        ),
        text("city.not_moved", lang, parks=_park_list(leap.not_moved, names) or text("city.none", lang)),
        text("city.at_top", lang, parks=_park_list(leap.at_top, names) or text("city.none", lang)),
    ]
    if leap.not_assessed:
        lines.append(text("city.not_assessed", lang, parks=_park_list(leap.not_assessed, names)))
    return [Paragraph(esc(line), styles.body) for line in lines]


def _transformations_table(dashboard: GoalsDashboard, names: dict[str, str], styles: Styles, lang: str):
    total = len(dashboard.parks)
    rows = [
        [
            GOAL_BY_KEY[s.key].label.text(lang),
            TRANSFORMATION_BY_KEY[s.key].basis.text(lang),
            f"{len(s.parks)} / {total}",
            ProgressBar(_float(share(len(s.parks), total)), styles.font, width=BAR - 6),
        ]
        for s in dashboard.transformations
    ]
    widths = [80, WIDTH - 80 - 50 - BAR, 50, BAR]
    return data_table(
        [text("city.goal", lang), text("city.basis", lang), text("city.count", lang), ""],
        rows,
        styles,
        widths,
        right_columns=(2,),
    )


def write_dashboard_pdf(dashboard: GoalsDashboard, path: Path | str, *, lang: str = "zh") -> Path:
    """The dashboard alone as a PDF at `path` (temp file, then rename)."""
    path = Path(path)
    font = find_pdf_font()
    styles = make_styles(font.name, lang)
    title = text("city.dashboard_title", lang, year=dashboard.year)
    facts = [
        (text("pdf.year", lang), str(dashboard.year)),
        (text("city.parks_evaluated", lang), str(len(dashboard.parks))),
        (text("pdf.status", lang), ", ".join(status_text(s, lang) for s in dashboard.counted_statuses)),
    ]
    story = cover(text("pdf.plan", lang), title, "", facts, styles, WIDTH, lang, show_fingerprint=False)
    story += dashboard_story(dashboard, styles, lang)
    metadata = PdfMetadata(
        title=title,
        author="parkdesk",
        subject=text("pdf.plan", lang),
        keywords=(str(dashboard.year), "1234", "parkdesk"),
        lang=lang,
    )
    write_pdf(path, DocumentSpec(story, metadata, header_left=title, header_right=text("pdf.plan", lang)), font.name)
    return path
