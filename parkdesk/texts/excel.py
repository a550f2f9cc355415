"""The texts of excel (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    # the file cannot be read or used (exit 2)
    "excel.missing": ("文件不存在:{path}", "The file does not exist: {path}"),
    "excel.is_directory": ("这是一个文件夹,不是表格文件:{path}", "This is a folder, not a spreadsheet: {path}"),
    "excel.unreadable": ("无法读取文件:{path}({reason})", "Cannot read the file: {path} ({reason})"),
    "excel.empty_file": ("文件是空的(0 字节):{path}", "The file is empty (0 bytes): {path}"),
    "excel.not_spreadsheet": (
        "该文件不是 Excel、WPS 或 LibreOffice 表格(.xlsx、.xls、.ods):{path}。"
        "请在表格软件中打开后另存为 .xlsx 再导入。",
        "This file is not an Excel, WPS or LibreOffice spreadsheet (.xlsx, .xls, .ods): {path}. "
        "Open it in a spreadsheet program, save it as .xlsx and import that.",
    ),
    "excel.corrupt": ("表格文件已损坏,无法读取:{path}({reason})",
                      "The spreadsheet is damaged and cannot be read: {path} ({reason})"),
    "excel.not_utf8": (
        "表格文件中有无法识别的文字编码(不是 UTF-8),无法读取:{path}。位置:{part} 第 {offset} 字节附近,"
        "紧接在“{before}”之后。请在 Excel 或 WPS 中打开它、检查该处的文字后另存为 .xlsx,再导入。",
        "The spreadsheet holds text that is not valid UTF-8 and cannot be read: {path}. Where: {part}, near byte "
        "{offset}, right after '{before}'. Open it in Excel or WPS, check the text there, save it as .xlsx and "
        "import that.",
    ),
    "excel.password": (
        "表格文件设有打开密码,无法读取:{path}。请在 Excel 或 WPS 中取消密码后另存,再导入。",
        "The spreadsheet is protected by a password and cannot be read: {path}. "
        "Remove the password in Excel or WPS, save it, and import that copy.",
    ),
    "excel.unsafe_xml": (
        "表格文件中含有 XML 实体声明(DOCTYPE/ENTITY),出于安全原因不予读取:{path}({part})。"
        "正常的 Excel、WPS、LibreOffice 文件不含此类内容。",
        "The spreadsheet contains XML entity declarations (DOCTYPE/ENTITY) and is refused for safety: "
        "{path} ({part}). Files saved by Excel, WPS or LibreOffice never contain them.",
    ),
    "excel.too_big": (
        "表格文件解压后超过 {limit} MB,不予读取:{path}。请拆分后分批导入。",
        "The spreadsheet unpacks to more than {limit} MB and is refused: {path}. Split it and import the parts.",
    ),
    "excel.too_many_rows": (
        "工作表“{sheet}”有 {rows} 行,超过导入上限 {limit} 行。请删除多余的行或拆分后分批导入。",
        "Sheet '{sheet}' has {rows} rows, more than the import limit of {limit}. "
        "Delete the extra rows or split it and import the parts.",
    ),
    "excel.no_sheet": ("文件中没有名为“{sheet}”的工作表;现有工作表:{sheets}",
                       "The file has no sheet named '{sheet}'; its sheets are: {sheets}"),
    "excel.empty_sheet": ("工作表“{sheet}”是空的,没有可导入的数据", "Sheet '{sheet}' is empty: nothing to import"),
    "excel.no_header": (
        "在工作表“{sheet}”的前 {rows} 行中找不到可识别的表头(如“企业名称”“统一社会信用代码”)",
        "No recognisable header row (such as 企业名称 or 统一社会信用代码) in the first {rows} rows of sheet '{sheet}'",
    ),
    "excel.no_importable_sheet": (
        "文件中没有可导入的工作表(年报的任一部分:基本信息、发展定位、产业链、路径图、企业名录、指标、自评、平台、附件)。"
        "已查看:{sheets}",
        "The file has no sheet that can be imported (any part of the report: basic information, positioning, "
        "chain map, path map, enterprise list, indicators, self-assessment, platforms, attachments). "
        "Sheets looked at: {sheets}",
    ),
    "excel.missing_columns": (
        "工作表“{sheet}”({what})缺少必填列:{columns}。第 {row} 行的表头为:{found}",
        "Sheet '{sheet}' ({what}) lacks required columns: {columns}. The header in row {row} reads: {found}",
    ),
    "excel.same_file": ("错误报告不能写到被导入的文件本身:{path}",
                        "The error workbook cannot be written over the imported file: {path}"),
    # the import itself
    "excel.rejected": (
        "有 {rows} 行未通过检查,未导入任何数据(工作区未改动)。请改正后重新导入,或只导入有效的行。",
        "{rows} rows failed the checks, so nothing was imported (the workspace is unchanged). "
        "Correct them and import again, or import only the valid rows.",
    ),
    "excel.cancelled": ("导入已取消,工作区未改动", "The import was cancelled; the workspace is unchanged"),
    "excel.stale_plan": (
        "预览之后工作区中的数据已被修改,导入未进行(工作区未改动)。请重新预览后再导入。",
        "The workspace changed after the preview, so nothing was imported (the workspace is unchanged). "
        "Preview again, then import.",
    ),
    # notices shown beside a preview
    "excel.notice.header_row": ("工作表“{sheet}”:第 {row} 行为表头,按“{what}”导入",
                                "Sheet '{sheet}': header in row {row}, imported as {what}"),
    "excel.notice.hidden_rows": (
        "工作表“{sheet}”有 {count} 个隐藏行(如第 {rows} 行),已一并读取",
        "Sheet '{sheet}' has {count} hidden rows (e.g. rows {rows}); they were read like the others",
    ),
    "excel.notice.hidden_sheet": ("隐藏的工作表“{sheet}”未读取", "The hidden sheet '{sheet}' was not read"),
    "excel.notice.hidden_sheet_read": ("工作表“{sheet}”是隐藏的,按指定仍然读取",
                                       "Sheet '{sheet}' is hidden; it was read because it was named"),
    "excel.notice.formulas_without_values": (
        "工作表“{sheet}”有 {count} 个公式单元格没有保存计算结果(如 {cells}),读作空值。"
        "请在 Excel 或 WPS 中打开并保存文件后再导入。",
        "Sheet '{sheet}' has {count} formula cells without a saved result (e.g. {cells}); they read as empty. "
        "Open and save the file in Excel or WPS, then import it again.",
    ),
    "excel.notice.ignored_columns": ("工作表“{sheet}”中未导入的列:{columns}",
                                     "Columns of sheet '{sheet}' not imported: {columns}"),
    "excel.notice.unit_converted": ("“{header}”列的单位为{unit},已换算为{field_unit}",
                                    "Column '{header}' is in {unit}; converted to {field_unit}"),
    "excel.notice.total_rows": ("工作表“{sheet}”中的合计行未导入(第 {rows} 行)",
                                "Total lines of sheet '{sheet}' were not imported (rows {rows})"),
    "excel.notice.sheet_skipped": ("工作表“{sheet}”不是可导入的表格,已跳过",
                                   "Sheet '{sheet}' is not an importable table; skipped"),
    "excel.notice.choices_read": ("工作表“{sheet}”“{header}”列按以下选项读取:{readings}",
                                  "Sheet '{sheet}', column '{header}': read as {readings}"),
    "excel.notice.unit_read": ("“{header}”列的单位“{written}”按“{unit}”读取",
                               "Column '{header}': the unit '{written}' read as {unit}"),
    "excel.notice.not_created": (
        "工作表“{sheet}”中有 {count} 行{what}与已有记录都不对应,未导入({what}只能在程序中添加)",
        "Sheet '{sheet}': {count} rows match no existing {what} and were not imported (add them in the program)",
    ),
    "excel.notice.form_read": ("工作表“{sheet}”:按“{what}”读取 {count} 项",
                               "Sheet '{sheet}': {count} items read as {what}"),
    "excel.notice.other_year": ("工作表“{sheet}”写明的年度为 {year},导入到 {report_year} 年度的年报",
                                "Sheet '{sheet}' says it is of {year}; imported into the report of {report_year}"),
    "excel.notice.links_deleted": ("删除的分组下还有 {count} 个产业链环节,将一并删除",
                                   "The deleted segments hold {count} chain links, which are deleted with them"),
    # problems of single cells
    "excel.cell.too_long": ("单元格内容有 {length} 个字符,达到 Excel 单元格上限 32,767,可能已被截断",
                            "The cell holds {length} characters, Excel's limit of 32,767: it may have been cut off"),
    "excel.cell.formula_without_value": ("公式“{formula}”没有保存计算结果",
                                         "The formula '{formula}' has no saved result"),
    "excel.cell.unknown_link": ("本年报的目标产业链全景图中没有名为“{value}”的环节",
                                "This report's chain map has no link named '{value}'"),
    "excel.cell.unknown_indicator": ("没有名为“{value}”的指标", "There is no indicator named '{value}'"),
    "excel.cell.unknown_segment": ("本年报(及本工作簿)的产业链中没有名为“{value}”的分组",
                                   "The chain map (of this report and this workbook) has no segment named '{value}'"),
    "excel.cell.unknown_division": ("没有名为“{value}”的区县(功能区)", "There is no district or zone named '{value}'"),
    "excel.cell.park_name_taken": ("已有园区使用名称“{name}”(代码 {code}),园区名称不能重复",
                                   "The park {code} is already named '{name}'; two parks cannot share a name"),
    "excel.cell.duplicate_row": ("与第 {row} 行重复(同一{what}“{value}”)",
                                 "Repeats row {row} (the same {what} '{value}')"),
    # command line
    "excel.template_written": ("导入模板已生成:{path}", "Import template written: {path}"),
    "excel.report_written": ("年报工作簿已导出:{path}", "Report workbook written: {path}"),
    "excel.task_table_written": ("任务表已导出:{path}({parks} 个园区,{rows} 行)",
                                 "Task table written: {path} ({parks} parks, {rows} rows)"),
    "excel.errors_written": ("错误报告已写入:{path}", "Error workbook written: {path}"),
    "excel.summary": (
        "{what}(工作表“{sheet}”,表头第 {row} 行):新增 {new},修改 {changed},未变 {unchanged},未通过 {rejected},"
        "删除 {deleted}",
        "{what} (sheet '{sheet}', header row {row}): {new} new, {changed} changed, {unchanged} unchanged, "
        "{rejected} rejected, {deleted} deleted",
    ),
    "excel.row_rejected": ("(该行未导入)", "(row not imported)"),
    "excel.imported": ("已导入:新增 {new} 行,修改 {changed} 行,删除 {deleted} 行;跳过未通过检查的 {skipped} 行",
                       "Imported: {new} new rows, {changed} changed, {deleted} deleted; {skipped} rejected rows "
                       "skipped"),
    "excel.dry_run": ("以上为预览(--dry-run),工作区未改动", "This was a preview (--dry-run); the workspace is unchanged"),
    "excel.merge_rules": ("合并规则:", "How the workbook is merged into the report:"),
    "excel.deletes": ("将删除 {count} {what}(工作簿中没有):{titles}",
                      "Deletes {count} {what} rows the workbook leaves out: {titles}"),
    "excel.mirror_off": ("工作簿中没有的行保留不动(加 --mirror 则删除)",
                         "Rows missing from the workbook are kept (--mirror deletes them)"),
    "excel.more_problems": ("……另有 {count} 个问题,见错误报告(--errors-out)",
                            "... {count} more problems; see the error workbook (--errors-out)"),
    "excel.too_many_cells": (
        "工作表“{sheet}”的数据区域从第 1 行第 1 列延伸到第 {rows} 行第 {columns} 列,读取它需要超过 {limit} "
        "个单元格的内存,不予读取。请删除远处的单元格,或将数据复制到新的工作表后再导入。",
        "Sheet '{sheet}' reaches from the first cell to row {rows}, column {columns}; reading it would take "
        "more than {limit} cells of memory, so it is refused. Delete the far-away cells, or copy the data into "
        "a new sheet and import that.",
    ),
    "excel.too_much_text": (
        "工作表“{sheet}”中重复引用的文字展开后超过 {limit} MB,不予读取。正常的名录远小于此;请检查文件来源。",
        "The text that sheet '{sheet}' refers to again and again would unpack to more than {limit} MB, so it is "
        "refused. Real lists are far smaller; check where the file came from.",
    ),
}
