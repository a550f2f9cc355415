"""Printable PDF summaries with an embedded Chinese font: a park's annual report and a district's roll-up.

    parkdesk.pdf.report_pdf.write_report_pdf(session, report_id, path, ...)
    parkdesk.pdf.district_pdf.write_district_pdf(session, district_code, year, path, ...)
"""

