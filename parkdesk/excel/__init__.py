"""Excel in and out: import templates, the forgiving import, and the report and task-table workbooks.

Reading goes through python-calamine (.xlsx, .xls, .ods); new workbooks are
written with xlsxwriter; the error workbook is the input copied with openpyxl
(defusedxml guarding its XML). No Qt here.
"""

