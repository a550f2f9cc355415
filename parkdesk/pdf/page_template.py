"""Page templates: a running header, the footer 第 X 页 / 共 Y 页, landscape pages for the wide appendix.

The total page count is known only at the end, so the canvas holds each
finished page and draws the footers when the document is saved.
"""

from __future__ import annotations

from typing import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table

from parkdesk.pdf.styles import FOOTER_BAND, HEADER_BAND, LANDSCAPE, MARGIN, MUTED, PORTRAIT, RULE

BODY = "body"
APPENDIX = "appendix"
APPENDIX_FORM = "appendixHeader"
HEADER_SIZE = 8
FOOTER_SIZE = 8.5


def numbered_canvas(font: str, footer_text: Callable[[int, int], str], pages_out: list[int]):
    """A Canvas class that writes "page X of Y" on every page at save time; the count goes to `pages_out`."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                Canvas.showPage(self)
            pages_out.append(total)
            Canvas.save(self)

        def _draw_footer(self, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN, MARGIN + FOOTER_BAND - 3, width - MARGIN, MARGIN + FOOTER_BAND - 3)
            self.setFillColor(MUTED)
            self.setFont(font, FOOTER_SIZE)
            self.drawCentredString(width / 2, MARGIN + 1, footer_text(self._pageNumber, total))
            self.restoreState()

    return NumberedCanvas


class SummaryDoc(BaseDocTemplate):
    """A4 portrait body pages; optional landscape appendix pages whose column header is drawn on each page."""

    def __init__(self, filename: str, *, font: str, header_left: str, header_right: str,
                 appendix_header: Table | None = None, appendix_title: str = "", **metadata):
        super().__init__(filename, pagesize=PORTRAIT, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                         bottomMargin=MARGIN, initialFontName=font, displayDocTitle=1, **metadata)
        self.font = font
        self._outline_level = -1
        self._appendix_form_ready = False
        self.header_left, self.header_right = header_left, header_right
        self.appendix_header, self.appendix_title = appendix_header, appendix_title
        templates = [PageTemplate(BODY, [self._frame(PORTRAIT)], onPage=self._draw_header, pagesize=PORTRAIT)]
        if appendix_header is not None:
            width = LANDSCAPE[0] - 2 * MARGIN
            _, self._appendix_header_height = appendix_header.wrap(width, LANDSCAPE[1])
            templates.append(PageTemplate(APPENDIX, [self._frame(LANDSCAPE, self._appendix_header_height)],
                                          onPage=self._draw_appendix_header, pagesize=LANDSCAPE))
        self.addPageTemplates(templates)

    @staticmethod
    def _frame(pagesize, reserved_top: float = 0) -> Frame:
        width, height = pagesize
        return Frame(MARGIN, MARGIN + FOOTER_BAND, width - 2 * MARGIN,
                     height - 2 * MARGIN - HEADER_BAND - FOOTER_BAND - reserved_top,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def _draw_header(self, canvas: Canvas, doc, title: str | None = None) -> None:
        width, height = canvas._pagesize
        top = height - MARGIN
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(self.font, HEADER_SIZE)
        canvas.drawString(MARGIN, top - HEADER_SIZE, title or self.header_left)
        canvas.drawRightString(width - MARGIN, top - HEADER_SIZE, self.header_right)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, top - HEADER_BAND + 3, width - MARGIN, top - HEADER_BAND + 3)
        canvas.restoreState()

    def _draw_appendix_header(self, canvas: Canvas, doc) -> None:
        """The running header and the column header, laid out once as a form and placed on every page."""
        if not self._appendix_form_ready:
            _, height = canvas._pagesize
            canvas.beginForm(APPENDIX_FORM)
            self._draw_header(canvas, doc, f"{self.header_left} · {self.appendix_title}")
            self.appendix_header.drawOn(canvas, MARGIN, height - MARGIN - HEADER_BAND - self._appendix_header_height)
            canvas.endForm()
            self._appendix_form_ready = True
        canvas.doForm(APPENDIX_FORM)

    def afterFlowable(self, flowable) -> None:  # noqa: N802 (reportlab's name)
        title = getattr(flowable, "outline_title", None)
        if title:
            key = f"h{id(flowable)}"
            level = min(flowable.outline_level, self._outline_level + 1)  # bookmarks may not skip a level
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
            self._outline_level = level
