"""The workbook's 说明 (instructions) sheet: what each sheet is and how an import merges it into a report.

The same rules are said again beside every import preview (`MERGE_RULES`),
on the command line and in the window.
"""

from __future__ import annotations

from parkdesk.reference.labels import Label

MERGE_RULES = (
    Label("对应:企业按统一社会信用代码(无代码时按名称)与已有记录对应;带“编号(ID)”列的表按编号对应——"
          "改了名称而保留编号,即为修改该行;指标按指标代码(或名称)、建设要求和阶段按其名称对应。",
          "Matching: enterprises match existing ones by credit code (else by name); sheets with an ID column "
          "match by ID — a row renamed but keeping its ID is an edit of that row; indicators match by their "
          "key (or name), requirements and stages by their names."),
    Label("对应上的行逐个单元格修改,其余的行新增。",
          "Rows that match are changed cell by cell; the other rows are added."),
    Label("空白单元格表示“不修改”:已有记录的该项保持原值。要清空已有的值,请在单元格中填写 #清空。",
          "A blank cell means 'no change': an existing record keeps its value there. To clear a value, write "
          "#clear (or #清空) in the cell."),
    Label("工作簿中没有的行保留不动;只有在命令行加 --mirror 时才删除(预览和 --dry-run 会先列出将删除多少行)。"
          "指标、建设要求、阶段和附件从不删除;没有的工作表不影响对应部分。",
          "Rows missing from the workbook are kept; they are deleted only with --mirror on the command line "
          "(the preview and --dry-run count them first). Indicators, requirements, stages and attachments are "
          "never deleted; a sheet the workbook lacks leaves its part of the report alone."),
)

INSTRUCTION_LINES = (
    Label("本工作簿即一份完整年报:每张工作表是年报的一部分(或其中一类记录),导出的年报和空白模板格式相同,"
          "填好后可整本导入。红色表头(或红色项目名)为必填。",
          "This workbook is a whole annual report: each sheet is one part of it (or one kind of its records); an "
          "exported report and the blank template have the same layout and a filled workbook imports whole. "
          "Red headers (or red item names) are required."),
    Label("“基本信息”“发展定位”两表按“项目—内容”逐行填写;其余各表每行一条记录。“年度”“年报状态”“园区代码”"
          "“单位”“大小”“SHA-256”仅供查看,导入时不读取。",
          "The basic-information and positioning sheets hold one item per row (item, value); the other sheets "
          "one record per row. Year, report status, short code, unit, size and SHA-256 are shown only and never "
          "imported."),
    *MERGE_RULES,
    Label("企业的“产业链环节”填环节名称,可以是本工作簿“产业链环节”表中新增的环节;环节的“所属分组”同理"
          "(填分组名称或其编号)。",
          "An enterprise's chain link is the link's name and may be a link added in this workbook's chain-link "
          "sheet; a link's segment likewise (its name or its ID)."),
    Label("选项可填简称、常用说法或开头几个字(如“重点”即“重点企业”),导入时会逐列说明按哪一项读取;"
          "有歧义时报错并列出可能的选项。是/否类的列可填 是/否、√/×、有/无、Y/N。",
          "A choice may be written short, in common words or by its first characters (重点 for 重点企业); the "
          "import says per column how it read them, and an ambiguous one is an error naming the candidates. "
          "Yes/no columns take 是/否, √/×, 有/无, Y/N."),
    Label("金额列可在表头注明单位(万元、亿元、元、万美元、亿美元,如“营业收入(亿元)”),导入时换算。",
          "Money columns may give their unit in the header (万元, 亿元, 元, 万美元, 亿美元, e.g. 营业收入(亿元)); "
          "the import converts."),
    Label("附件文件须在程序中添加;“附件”表只可修改说明。",
          "Attachment files are added in the program; the attachments sheet only changes their descriptions."),
    Label("可从其他表格粘贴数据;导入时会自动识别表头、统一全角字符和日期格式,并逐个单元格说明问题。",
          "Data may be pasted from other files; the import finds the header, unifies full-width characters and "
          "dates, and explains each problem cell by cell."),
)
