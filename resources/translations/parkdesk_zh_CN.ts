<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentsPage</name>
    <message>
        <location filename="../../parkdesk/ui/report/attachments_page.py" line="27" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/attachments_page.py" line="28" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/attachments_page.py" line="29" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/attachments_page.py" line="46" />
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/attachments_page.py" line="55" />
        <source>Attach %1</source>
        <translation>添加附件 %1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/attachments_page.py" line="74" />
        <source>Remove %1 attachments</source>
        <translation>删除 %1 个附件</translation>
    </message>
</context>
<context>
    <name>ChainPage</name>
    <message>
        <location filename="../../parkdesk/ui/report/chain_page.py" line="24" />
        <source>Segments (upstream, midstream, downstream)</source>
        <translation>环节分组(上游、中游、下游)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/chain_page.py" line="25" />
        <source>Chain links</source>
        <translation>产业链环节</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/chain_page.py" line="29" />
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/chain_page.py" line="30" />
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/chain_page.py" line="84" />
        <source>Export the chain map</source>
        <translation>导出产业链全景图</translation>
    </message>
</context>
<context>
    <name>CityDesk</name>
    <message>
        <location filename="../../parkdesk/ui/city/city_desk.py" line="27" />
        <source>1234 goals</source>
        <translation>“1234”目标看板</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/city_desk.py" line="28" />
        <source>Yearly evaluation</source>
        <translation>年度考核评价</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/city_desk.py" line="29" />
        <source>Roll-ups received</source>
        <translation>已收汇总包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/city_desk.py" line="30" />
        <source>The bureau's records</source>
        <translation>市局记录</translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="41" />
        <source> (on an earlier package)</source>
        <translation>(针对较早的数据包)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="42" />
        <source> (sent with a receipt)</source>
        <translation>(已随回执发出)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="46" />
        <source>The plan's 1234 goals</source>
        <translation>行动计划“1234”目标</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="50" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="53" />
        <source>Import roll-ups…</source>
        <translation>导入汇总包…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="55" />
        <source>Districts' signed roll-ups (.parkrollup): files, or drop files or folders on this window</source>
        <translation>区县的签名汇总包(.parkrollup):选择文件,或把文件、文件夹拖到本窗口</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="61" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="61" />
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="61" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="61" />
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="80" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="66" />
        <source>District or county</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="66" />
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="74" />
        <source>Open the report</source>
        <translation>打开年报</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="76" />
        <source>The park's counted report of the year, read-only</source>
        <translation>打开该园区本年度计入的年报(只读)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="80" />
        <source>District (year-end report)</source>
        <translation>区县(年底报送)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="81" />
        <source>Planned new parks</source>
        <translation>下一年度新建园区计划</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="93" />
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="106" />
        <source>Domains × categories</source>
        <translation>领域 × 类别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="107" />
        <source>Districts and zones</source>
        <translation>区县与功能区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="108" />
        <source>Parks counted</source>
        <translation>计入的园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="109" />
        <source>Districts' year-end reports</source>
        <translation>区县年度报告</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="122" />
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="134" />
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="141" />
        <source>Import roll-ups</source>
        <translation>导入汇总包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="140" />
        <source>No roll-up (.parkrollup) among the files chosen.</source>
        <translation>所选文件中没有汇总包(.parkrollup)。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="152" />
        <source>%1 parks counted; %2 reports not yet locked are left out</source>
        <translation>计入 %1 个园区;%2 份尚未定稿的年报未计入</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="206" />
        <source> (functional zone)</source>
        <translation>(功能区)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="244" />
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="251" />
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="253" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/dashboard_view.py" line="253" />
        <source>PDF written: %1</source>
        <translation>PDF 已写入:%1</translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="36" />
        <source>All roles</source>
        <translation>全部企业类型</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="37" />
        <source>All statuses</source>
        <translation>全部入驻状态</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="38" />
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="127" />
        <source>All chain links</source>
        <translation>全部产业链环节</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="39" />
        <source>Any distinction</source>
        <translation>全部企业称号</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="43" />
        <source>Search name, credit code or contact…</source>
        <translation>搜索企业名称、信用代码或联系人…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="68" />
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="154" />
        <source>Add enterprise</source>
        <translation>添加企业</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="69" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="70" />
        <source>Paste rows from Excel/WPS</source>
        <translation>从 Excel/WPS 粘贴行</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="71" />
        <source>Copy selected rows</source>
        <translation>复制所选行</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="72" />
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="128" />
        <source>Not on a chain link</source>
        <translation>未关联产业链环节</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="133" />
        <source>Showing %1 of %2 enterprises</source>
        <translation>显示 %1 家,共 %2 家企业</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="168" />
        <source>Remove %1 enterprises</source>
        <translation>删除 %1 家企业</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="178" />
        <source>Copied %1 rows</source>
        <translation>已复制 %1 行</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="201" />
        <source>The report is read-only: nothing was pasted.</source>
        <translation>年报为只读：未粘贴任何内容。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="205" />
        <source>The clipboard holds no cells to paste.</source>
        <translation>剪贴板中没有可粘贴的单元格。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="215" />
        <source>Paste %1 rows</source>
        <translation>粘贴 %1 行</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="217" />
        <source>Pasted: %1 cells replaced, %2 rows added. Undo with Ctrl+Z.</source>
        <translation>已粘贴：替换 %1 个单元格，新增 %2 行。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="220" />
        <source>Pasted %1 new enterprises at the end of the list. Undo with Ctrl+Z.</source>
        <translation>已在名录末尾新增 %1 家企业。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="224" />
        <source>The pasted cells hold the values already there: nothing changed.</source>
        <translation>粘贴的内容与现有内容相同，没有改动。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/enterprise_page.py" line="230" />
        <source>%1 cells could not be read and were left as they were: %2</source>
        <translation>有 %1 个单元格无法识别,已保持原值:%2</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="37" />
        <source>Scoring scheme…</source>
        <translation>考核方案…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="39" />
        <source>Score with a scheme file (JSON) instead of the built-in one</source>
        <translation>用考核方案文件(JSON)代替内置方案评分</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="41" />
        <source>Built-in scheme</source>
        <translation>内置方案</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="43" />
        <source>Back to the built-in scheme</source>
        <translation>换回内置方案</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="45" />
        <source>Save the built-in scheme…</source>
        <translation>另存内置方案…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="47" />
        <source>Save the built-in scheme as a JSON file to adjust and choose</source>
        <translation>把内置方案另存为 JSON 文件,修改后再选用</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="49" />
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="52" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="55" />
        <source>Open the report</source>
        <translation>打开年报</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="84" />
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="107" />
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="113" />
        <source>Scoring scheme</source>
        <translation>考核方案</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="123" />
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="129" />
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="131" />
        <source>Save the built-in scheme</source>
        <translation>另存内置方案</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="132" />
        <source>Written to %1. Adjust it, then choose it with Scoring scheme….</source>
        <translation>已写入 %1。修改后,用“考核方案…”选用。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="140" />
        <source>Scheme: %1 (fingerprint %2)</source>
        <translation>考核方案:%1(指纹 %2)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="149" />
        <source>%1 parks; %2. Reward caps total %3 (10k CNY). Not yet stored: exporting the workbook or the PDF stores the evaluation.</source>
        <translation>%1 个园区;%2。奖励上限合计 %3 万元。尚未存档:导出工作簿或 PDF 时存入工作区。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="207" />
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/evaluation_view.py" line="207" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="214" />
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="234" />
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="222" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="229" />
        <source>Imported: %1 new, %2 changed</source>
        <translation>已导入:新增 %1,修改 %2</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="123" />
        <source>Import from Excel — %1</source>
        <translation>从 Excel 导入 —— %1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="133" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="134" />
        <source>Import the valid rows only</source>
        <translation>只导入无误的行</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="135" />
        <source>Save the error workbook…</source>
        <translation>保存错误标注工作簿…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="136" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="170" />
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="184" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="199" />
        <source>Save the error workbook</source>
        <translation>保存错误标注工作簿</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="203" />
        <source>Writing the error workbook…</source>
        <translation>正在写错误报告…</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="30" />
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="33" />
        <location filename="../../parkdesk/ui/report/export_actions.py" line="40" />
        <location filename="../../parkdesk/ui/report/export_actions.py" line="47" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="45" />
        <source>PDF written: %1</source>
        <translation>PDF 已保存:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="60" />
        <source>Print it from there (Ctrl+P).</source>
        <translation>请在阅读器中打印（Ctrl+P）。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="61" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="70" />
        <location filename="../../parkdesk/ui/report/export_actions.py" line="79" />
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="75" />
        <source>Writing the workbook…</source>
        <translation>正在生成工作簿…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/export_actions.py" line="77" />
        <source>Workbook written: %1</source>
        <translation>工作簿已保存:%1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../parkdesk/ui/first_run_wizard.py" line="89" />
        <source>Getting started — parkdesk</source>
        <translation>开始使用 — parkdesk</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="73" />
        <source>Signing identities and trusted certificates</source>
        <translation>签名身份和受信任证书</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="74" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="74" />
        <location filename="../../parkdesk/ui/identity_dialog.py" line="75" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="74" />
        <location filename="../../parkdesk/ui/identity_dialog.py" line="75" />
        <location filename="../../parkdesk/ui/identity_dialog.py" line="90" />
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="74" />
        <location filename="../../parkdesk/ui/identity_dialog.py" line="76" />
        <location filename="../../parkdesk/ui/identity_dialog.py" line="91" />
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="75" />
        <location filename="../../parkdesk/ui/identity_dialog.py" line="90" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="77" />
        <source>Create identity…</source>
        <translation>创建身份…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="79" />
        <source>Export certificate…</source>
        <translation>导出证书…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="81" />
        <source>Certificate request for the district…</source>
        <translation>生成证书请求(交区县签发)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="83" />
        <source>Install issued certificate…</source>
        <translation>装入签发的证书…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="85" />
        <source>Issue an operator certificate…</source>
        <translation>签发运营机构证书…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="87" />
        <source>Sign a park operator's certificate request (.csr) with the district's identity</source>
        <translation>用区县身份为园区运营机构的证书请求(.csr)签发证书</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="90" />
        <source>Park code</source>
        <translation>园区代码</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="91" />
        <source>Issued</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="93" />
        <source>&lt;b&gt;Operator certificates issued&lt;/b&gt; — by this district, to its parks</source>
        <translation>&lt;b&gt;已签发的运营机构证书&lt;/b&gt; — 本区县为所辖园区签发</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="94" />
        <source>Trust a certificate…</source>
        <translation>信任证书…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="112" />
        <source>&lt;b&gt;Your identities&lt;/b&gt; — the private key stays in this workspace, encrypted with your passphrase</source>
        <translation>&lt;b&gt;本机身份&lt;/b&gt; —— 私钥以口令加密保存在本工作区中</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="118" />
        <source>&lt;b&gt;Trusted certificates&lt;/b&gt; — confirm each fingerprint by phone before trusting it</source>
        <translation>&lt;b&gt;受信任证书&lt;/b&gt; —— 信任前请电话核对指纹</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="144" />
        <source>park operator</source>
        <translation>园区运营机构</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="144" />
        <source>district (CA)</source>
        <translation>区县(CA)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="145" />
        <source>certificate authority</source>
        <translation>证书签发机构</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="145" />
        <source>signer</source>
        <translation>签名者</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="178" />
        <source>This workspace has no district identity.</source>
        <translation>本工作区没有区县身份。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="180" />
        <source>The operator's certificate request</source>
        <translation>运营机构的证书请求</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="188" />
        <source>Save the issued certificate</source>
        <translation>保存签发的证书</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="201" />
        <source>Certificate issued</source>
        <translation>证书已签发</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="202" />
        <source>Issued to %1, written to %2. Read this fingerprint out to the park on the phone before they install it:</source>
        <translation>已签发给 %1,保存在 %2。园区装入证书前,请在电话中向其念出下面的指纹:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="222" />
        <source>Open a park's report first.</source>
        <translation>请先打开一个园区的年报。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="225" />
        <source>Create identity</source>
        <translation>创建身份</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="225" />
        <source>Name of the identity:</source>
        <translation>身份名称:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="230" />
        <source>Passphrase for the new key</source>
        <translation>新私钥的口令</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="249" />
        <source>Export certificate</source>
        <translation>导出证书</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="184" />
        <location filename="../../parkdesk/ui/identity_dialog.py" line="265" />
        <source>Passphrase of %1</source>
        <translation>%1 的口令</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="270" />
        <source>Certificate request</source>
        <translation>证书请求</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="285" />
        <source>Issued certificate</source>
        <translation>签发的证书</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="299" />
        <source>Trust a certificate</source>
        <translation>信任证书</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="310" />
        <source>Trust this certificate?</source>
        <translation>信任此证书?</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="311" />
        <source>%1

SHA-256 fingerprint:
%2

Confirm this fingerprint with its owner by phone. Trust it?</source>
        <translation>%1

SHA-256 指纹:
%2

请与证书持有人电话核对此指纹。确定信任吗?</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="38" />
        <source>Inbox — packages received (drop files or folders here)</source>
        <translation>收件箱 —— 已收到的数据包(可将文件或文件夹拖到此处)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="49" />
        <source>Park</source>
        <translation>园区(基地)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="49" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="49" />
        <source>Verification</source>
        <translation>验证结果</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="49" />
        <source>Review state</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="50" />
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="50" />
        <source>Errors / warnings / notes</source>
        <translation>错误 / 警告 / 提示</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="50" />
        <source>Signer (fingerprint)</source>
        <translation>签名者(指纹)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="51" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="65" />
        <source>Import packages…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="67" />
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="68" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="75" />
        <source>Show:</source>
        <translation>筛选:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="93" />
        <source>Packages</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="94" />
        <source>Roll-up for the city</source>
        <translation>汇总报市局</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="107" />
        <source>✔ genuine and unchanged</source>
        <translation>✔ 来源可信,未被改动</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="108" />
        <source>✘ failed verification (double-click for why)</source>
        <translation>✘ 未通过验证(双击查看原因)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="113" />
        <source> (superseded)</source>
        <translation>(已被替代)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="138" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="140" />
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="142" />
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="201" />
        <source>File: %1</source>
        <translation>文件:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="202" />
        <source>Received: %1</source>
        <translation>收到时间:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="204" />
        <source>Park and year stated: %1 %2</source>
        <translation>文件所写的园区和年度:%1 %2</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="207" />
        <source>Signer: %1</source>
        <translation>签名者:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="209" />
        <source>Signer's SHA-256 fingerprint: %1</source>
        <translation>签名者 SHA-256 指纹:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="210" />
        <source>The file was not imported: nothing of it is in this workspace. When the park sends it again, import the new file.</source>
        <translation>该文件未导入,本工作区中没有它的任何内容。园区重新发送后,请导入新文件。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="212" />
        <source>Refused: %1</source>
        <translation>已拒收:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="220" />
        <source>Import packages</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="226" />
        <source>Import a folder of packages</source>
        <translation>导入数据包文件夹</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="236" />
        <source>Passphrase of the district key (encrypted packages)</source>
        <translation>区县私钥口令(用于加密数据包)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="242" />
        <source>Verifying and importing…</source>
        <translation>正在验证并导入…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="253" />
        <source>accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="253" />
        <source>superseding an older package</source>
        <translation>替代较早的数据包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="254" />
        <source>already in the inbox</source>
        <translation>已在收件箱中</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="254" />
        <source>rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/inbox_view.py" line="255" />
        <source>Imported: %1</source>
        <translation>导入结果:%1</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../parkdesk/ui/report/indicators_page.py" line="44" />
        <source>Progress to target</source>
        <translation>目标完成进度</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/indicators_page.py" line="46" />
        <source>Plan's doubling</source>
        <translation>方案要求的倍增</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/indicators_page.py" line="76" />
        <source>✔ doubles</source>
        <translation>✔ 已倍增</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/indicators_page.py" line="76" />
        <source>✘ short of double</source>
        <translation>✘ 未达倍增</translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <location filename="../../parkdesk/ui/report/indicators_page.py" line="110" />
        <source>Enter the 2021 baseline, the 2024 target and this year's actual. 三个倍增 are the city's totals; the doubling column checks only what the plan asks of this park by name.</source>
        <translation>请填写 2021 年基数、2024 年目标和本年度实际值。“三个倍增”是全市合计;倍增一栏只检查行动计划方案点名要求本园区倍增的指标。</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../parkdesk/ui/jobs.py" line="94" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>JustificationDialog</name>
    <message>
        <location filename="../../parkdesk/ui/report/finalize_dialog.py" line="13" />
        <source>Justify the warnings</source>
        <translation>说明警告原因</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/finalize_dialog.py" line="16" />
        <source>These warnings need a written justification before the report can be finalized. It travels with the report to the district office.</source>
        <translation>定稿前须对以下警告逐条书面说明,说明随年报一并报送区县商务部门。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/finalize_dialog.py" line="26" />
        <source>Why is this right?</source>
        <translation>请说明原因</translation>
    </message>
</context>
<context>
    <name>KeptPackage</name>
    <message>
        <location filename="../../parkdesk/ui/review/kept_package_window.py" line="64" />
        <source>Open the package</source>
        <translation>打开数据包</translation>
    </message>
</context>
<context>
    <name>KeptPackageWindow</name>
    <message>
        <location filename="../../parkdesk/ui/review/kept_package_window.py" line="39" />
        <source>As received: %1, %2 — %3. Read-only; a newer package replaced it.</source>
        <translation>收到时的样子:%1,%2 — %3。只读;已有更新的数据包替代它。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/kept_package_window.py" line="51" />
        <source>%1 (replaced package)</source>
        <translation>%1(被替代的数据包)</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="93" />
        <source>Welcome to parkdesk. Choose the language of the program.</source>
        <translation>欢迎使用 parkdesk。请选择程序语言。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="94" />
        <source>You can change the language later in the settings.</source>
        <translation>以后可在“语言”菜单中更改。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="38" />
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="41" />
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="44" />
        <source>New district or city workspace…</source>
        <translation>新建区县或市局工作区…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="46" />
        <source>Create &amp;demo workspace</source>
        <translation>创建演示工作区(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="52" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="56" />
        <source>&amp;About parkdesk</source>
        <translation>关于 parkdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="58" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="62" />
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="64" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="66" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="80" />
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="84" />
        <source>%1 — parkdesk</source>
        <translation>%1 — parkdesk</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="90" />
        <source>%1 parks · %2 annual reports</source>
        <translation>%1 个园区 · %2 份年报</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="116" />
        <source>parkdesk %1
Annual reports of Jinan's service-trade (outsourcing) parks.</source>
        <translation>parkdesk %1
济南市服务贸易(外包)园区(基地)年报工具。</translation>
    </message>
</context>
<context>
    <name>NewDeskDialog</name>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="30" />
        <source>New district or city workspace</source>
        <translation>新建区县或市局工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="34" />
        <source>District commerce office (receives and reviews its parks' reports)</source>
        <translation>区县商务部门(接收、审核所辖园区的年报)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="36" />
        <source>City bureau (goals dashboard and yearly evaluation)</source>
        <translation>市商务局(目标看板与年度考核评价)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="43" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="59" />
        <source>Workspace for:</source>
        <translation>工作区用于:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="60" />
        <source>District or zone:</source>
        <translation>区县或功能区:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="61" />
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="62" />
        <source>Passphrase of the district's key:</source>
        <translation>区县私钥口令:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="63" />
        <source>Again:</source>
        <translation>再输一次:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="87" />
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="95" />
        <source>Choose a file in an existing folder.</source>
        <translation>请选择已有文件夹中的文件。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="97" />
        <source>%1 exists already; choose another name.</source>
        <translation>%1 已存在,请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="99" />
        <source>The passphrase needs at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/new_desk_dialog.py" line="102" />
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>NewParkPage</name>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="217" />
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="238" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="234" />
        <source>New park</source>
        <translation>新园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="235" />
        <source>The park's name, a short code for file names and the command line, and where it stands in the plan.</source>
        <translation>园区名称、用于文件名和命令行的简称代码,以及园区在行动计划方案中的领域和类别。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="237" />
        <source>e.g. JNXYQ — capital letters and digits</source>
        <translation>例如 JNXYQ —— 大写字母和数字</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="238" />
        <source>functional zone</source>
        <translation>功能区</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="25" />
        <source>Building the signed package…</source>
        <translation>正在生成签名数据包…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="32" />
        <location filename="../../parkdesk/ui/report/package_actions.py" line="39" />
        <location filename="../../parkdesk/ui/report/package_actions.py" line="67" />
        <source>Signed package</source>
        <translation>签名数据包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="33" />
        <source>Only a finalized report is packaged. Finalize it first.</source>
        <translation>只有定稿的年报才能打包,请先定稿。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="40" />
        <source>A package is signed with the park operator's identity, and this workspace has none for %1 yet. Create it now under Identities…?</source>
        <translation>数据包须用园区运营机构的身份签名，本工作区还没有 %1 的身份。现在到“身份…”中创建吗？</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="45" />
        <source>Passphrase of %1</source>
        <translation>%1 的口令</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="49" />
        <source>Save the signed package</source>
        <translation>保存签名数据包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="54" />
        <source>Encrypt?</source>
        <translation>加密?</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="55" />
        <source>Encrypt the package to the district's certificate, so only the district can open it?</source>
        <translation>是否用区县证书加密数据包,使只有区县能打开?</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="58" />
        <source>District certificate</source>
        <translation>区县证书</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/package_actions.py" line="65" />
        <source>Package written: %1 — fingerprint of the signer %2</source>
        <translation>数据包已保存:%1 —— 签名者指纹 %2</translation>
    </message>
</context>
<context>
    <name>ParkDetailsView</name>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="31" />
        <source>Select a park to see its details.</source>
        <translation>选择一个园区查看详情。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="41" />
        <source>Operator</source>
        <translation>运营机构</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="42" />
        <source>2024 targets stated in the plan</source>
        <translation>方案中明确的 2024 年目标</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="58" />
        <source>No annual report yet.</source>
        <translation>尚无年报。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="62" />
        <source>Annual reports:</source>
        <translation>年报：</translation>
    </message>
</context>
<context>
    <name>ParkListModel</name>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="44" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="44" />
        <source>Park</source>
        <translation>园区(基地)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="44" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="44" />
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="45" />
        <source>District</source>
        <translation>所在区县</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="45" />
        <source>Level</source>
        <translation>认定级别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="45" />
        <source>Enterprises listed</source>
        <translation>名录企业数</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="44" />
        <source>Annual reports</source>
        <translation>年报</translation>
    </message>
</context>
<context>
    <name>ParkListView</name>
    <message>
        <location filename="../../parkdesk/ui/park_list_view.py" line="30" />
        <source>Parks in this workspace</source>
        <translation>本工作区的园区(基地)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_view.py" line="33" />
        <source>Filter by code, name, category, domain or district…</source>
        <translation>按代码、名称、类别、领域或区县筛选…</translation>
    </message>
</context>
<context>
    <name>ParkPage</name>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="108" />
        <source>Your park</source>
        <translation>您的园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="109" />
        <source>Choose your park among the plan's 12 existing parks, or register a new park.</source>
        <translation>请从行动计划方案中的 12 个现有园区中选择,或登记新园区。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="110" />
        <source>One of the &amp;plan's 12 parks:</source>
        <translation>行动计划方案中的 12 个园区之一(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="111" />
        <source>A ne&amp;w park (its details on the next page)</source>
        <translation>新园区(&amp;W)(下一页填写详情)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="112" />
        <source>functional zone</source>
        <translation>功能区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_park_pages.py" line="112" />
        <source>Set it later</source>
        <translation>稍后设置</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="36" />
        <source>Passphrase:</source>
        <translation>口令:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="38" />
        <source>Again:</source>
        <translation>再次输入:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="49" />
        <source>At least %1 characters.</source>
        <translation>至少 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/identity_dialog.py" line="51" />
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>PathPage</name>
    <message>
        <location filename="../../parkdesk/ui/report/path_page.py" line="15" />
        <source>Stages: goals and measures</source>
        <translation>各阶段目标和举措</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/path_page.py" line="16" />
        <source>Milestones</source>
        <translation>阶段里程碑</translation>
    </message>
</context>
<context>
    <name>PathTimeline</name>
    <message>
        <location filename="../../parkdesk/ui/report/path_timeline.py" line="108" />
        <source>Due outside %1–%2 (placed at the edge): %3</source>
        <translation>计划完成日期不在 %1–%2 年内（画在两端）：%3</translation>
    </message>
</context>
<context>
    <name>ReceivedRollupsView</name>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="18" />
        <source>District or zone</source>
        <translation>区县或功能区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="18" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="18" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="18" />
        <source>Packages</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="18" />
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="19" />
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="19" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="19" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="34" />
        <source>Replaced by a newer roll-up</source>
        <translation>已被更新的汇总包取代</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="34" />
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="43" />
        <source>%1 roll-ups received from %2 districts and zones.</source>
        <translation>已收到 %1 份汇总包,来自 %2 个区县和功能区。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/rollups_view.py" line="45" />
        <source>No roll-up received yet. Import them on the dashboard.</source>
        <translation>尚未收到汇总包。请在目标看板上导入。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../parkdesk/ui/report/form_page.py" line="96" />
        <source>Not saved: press Enter to try again.</source>
        <translation>未保存:按 Enter 键重试。</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../parkdesk/ui/report/record_table_page.py" line="51" />
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/record_table_page.py" line="52" />
        <source>Remove selected rows</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/record_table_page.py" line="76" />
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/record_table_page.py" line="88" />
        <source>Remove %1 rows</source>
        <translation>删除 %1 行</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="33" />
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="33" />
        <source>Document</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="35" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="40" />
        <source>Record a recognition…</source>
        <translation>记录认定变更…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="42" />
        <source>A park recognised in a new category or level, from a date, by a document</source>
        <translation>园区按文件自某日起认定为新的类别或级别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="45" />
        <source>Record a third-party result…</source>
        <translation>录入第三方评价…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="47" />
        <source>The grade the third-party evaluator gave a park for a year; the evaluation takes it, parkdesk's score is then for reference</source>
        <translation>第三方评价机构对园区某年度评定的等次;考核评价以之为准,parkdesk 得分仅供参考</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="55" />
        <source>&lt;b&gt;Recognition changes&lt;/b&gt; — the dashboard and the evaluation count a park in the category and level it held at the year's end</source>
        <translation>&lt;b&gt;认定变更&lt;/b&gt; —— 目标看板和考核评价按园区年底时的类别和级别计算</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="112" />
        <source>Record a recognition</source>
        <translation>记录认定变更</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="119" />
        <source>(unchanged)</source>
        <translation>(不变)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="123" />
        <source>From:</source>
        <translation>起始日期:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="124" />
        <source>Document number:</source>
        <translation>文号:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="127" />
        <source>Note:</source>
        <translation>备注:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="133" />
        <location filename="../../parkdesk/ui/city/records_view.py" line="153" />
        <source>Record a third-party result</source>
        <translation>录入第三方评价</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="144" />
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="145" />
        <source>Grade:</source>
        <translation>等次:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="146" />
        <source>Evaluator:</source>
        <translation>评价机构:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="147" />
        <source>Score (optional):</source>
        <translation>得分(可选):</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="148" />
        <source>Document number (optional):</source>
        <translation>文号(可选):</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/city/records_view.py" line="154" />
        <source>Recorded. The evaluation of that year now takes this grade.</source>
        <translation>已录入。该年度的考核评价将以此等次为准。</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="23" />
        <location filename="../../parkdesk/ui/report/report_actions.py" line="43" />
        <source>Cannot finalize</source>
        <translation>无法定稿</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="24" />
        <source>The report has %1 errors. Correct them first; the validation panel lists each one.</source>
        <translation>年报有 %1 个错误,请先改正;校验面板逐条列出。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="34" />
        <source>Finalize the report of %1 %2? It is then locked: nothing in it can change unless it is reopened, with a reason that is recorded.</source>
        <translation>确定将 %1 %2 年报定稿吗？定稿后年报即锁定，除非重新打开（须填写原因并记录），否则不能再修改。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="36" />
        <source>Finalize</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="47" />
        <source>Finalized: the report is locked. Next: Signed package… (Ctrl+Shift+S).</source>
        <translation>已定稿：年报已锁定。下一步：签名报送包…（Ctrl+Shift+S）。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="53" />
        <source>Reopen the report</source>
        <translation>重新打开年报</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="54" />
        <source>Why is the finalized report reopened? (recorded)</source>
        <translation>为什么要重新打开已定稿的年报?(将记入日志)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="60" />
        <source>Cannot reopen</source>
        <translation>无法重新打开</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_actions.py" line="63" />
        <source>Reopened: the report can be edited again.</source>
        <translation>已重新打开：年报可以再次编辑。</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <location filename="../../parkdesk/ui/report/report_controller.py" line="76" />
        <source>Edit %1</source>
        <translation>修改%1</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <location filename="../../parkdesk/ui/report_opener.py" line="74" />
        <source>Comparing with the previous year…</source>
        <translation>正在与上一年度比较…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report_opener.py" line="79" />
        <source>Against %1</source>
        <translation>与 %1 年度对比</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report_opener.py" line="108" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report_opener.py" line="120" />
        <source>Comparing with the replaced package…</source>
        <translation>正在与被替代的数据包比较…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report_opener.py" line="131" />
        <source>Changes since %1 (%2)</source>
        <translation>与 %1 相比的修改(%2)</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="56" />
        <source>◀ Parks</source>
        <translation>◀ 园区列表</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="57" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="60" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="62" />
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="65" />
        <source>Finalize…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="68" />
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="70" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="73" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="76" />
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="79" />
        <source>Signed package…</source>
        <translation>签名数据包…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="82" />
        <source>Identities…</source>
        <translation>身份…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="84" />
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="114" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="116" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="136" />
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="168" />
        <source>◀ Inbox</source>
        <translation>◀ 收件箱</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="168" />
        <source>◀ Dashboard</source>
        <translation>◀ 市局看板</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="192" />
        <source>District comments (%1)</source>
        <translation>区县审核意见(%1)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="216" />
        <source>Read-only: the report is %1</source>
        <translation>只读:年报状态为%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="233" />
        <source>All changes saved %1</source>
        <translation>所有修改已保存 %1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="238" />
        <source>Last change NOT saved</source>
        <translation>最后一项修改未保存</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/report_view.py" line="258" />
        <source>Validated at %1: %2 errors, %3 warnings.</source>
        <translation>%1 校验完成：%2 个错误，%3 个警告。</translation>
    </message>
</context>
<context>
    <name>ResubmissionPanel</name>
    <message>
        <location filename="../../parkdesk/ui/review/resubmission_panel.py" line="31" />
        <source>Open the replaced package…</source>
        <translation>打开被替代的数据包…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/resubmission_panel.py" line="33" />
        <source>The package it replaced, read-only, as it was received</source>
        <translation>以只读方式打开被替代的数据包(保持收到时的样子)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/resubmission_panel.py" line="37" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/resubmission_panel.py" line="37" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/resubmission_panel.py" line="37" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/resubmission_panel.py" line="38" />
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/resubmission_panel.py" line="38" />
        <source>Now</source>
        <translation>现值</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../parkdesk/ui/review/review_controller.py" line="25" />
        <source>Import review &amp;receipt…</source>
        <translation>导入审核回执(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_controller.py" line="28" />
        <location filename="../../parkdesk/ui/review/review_controller.py" line="46" />
        <source>&amp;Inbox</source>
        <translation>收件箱(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_controller.py" line="31" />
        <source>Identities and certificates…</source>
        <translation>身份与证书…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_controller.py" line="46" />
        <source>&amp;Dashboard</source>
        <translation>目标看板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_controller.py" line="76" />
        <source>Shown afresh at %1</source>
        <translation>%1 已重新读取</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_controller.py" line="99" />
        <location filename="../../parkdesk/ui/review/review_controller.py" line="107" />
        <source>Import review receipt</source>
        <translation>导入审核回执</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_controller.py" line="110" />
        <source>Receipt imported: %1</source>
        <translation>回执已导入:%1</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="69" />
        <source>A comment on the field or row selected above…</source>
        <translation>对上方所选字段或行的意见…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="70" />
        <source>Comment here</source>
        <translation>在此处提意见</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="79" />
        <location filename="../../parkdesk/ui/review/review_panel.py" line="218" />
        <location filename="../../parkdesk/ui/review/review_panel.py" line="222" />
        <source>Set state</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="82" />
        <source>Signed receipt…</source>
        <translation>签名回执…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="85" />
        <source>Export its documents…</source>
        <translation>导出年报材料…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="87" />
        <source>The package's summary PDF, report workbook and attachments under their original names, into a folder</source>
        <translation>把数据包中的年报摘要 PDF、年报工作簿和附件(原文件名)写入一个文件夹</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="90" />
        <source>Review sheet…</source>
        <translation>审核单…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="92" />
        <source>Findings and justifications, comments, history and the decision, as a PDF to print and file or a workbook (its comments sheet is the comments' export)</source>
        <translation>校验结果与说明、审核意见、审核历史和结论:PDF 供打印归档,或工作簿(其“审核意见”表即意见导出)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="96" />
        <source>Reword…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="98" />
        <source>Reword the comment selected (until a receipt carries it)</source>
        <translation>修改所选意见(随回执发出之前)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="100" />
        <source>Take back</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="102" />
        <source>Take back the comment selected (until a receipt carries it)</source>
        <translation>撤回所选意见(随回执发出之前)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="140" />
        <source>State: %1</source>
        <translation>状态:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="161" />
        <source>Reword the comment</source>
        <translation>修改意见</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="167" />
        <source>Comment reworded</source>
        <translation>意见已修改</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="175" />
        <source>Take back the comment</source>
        <translation>撤回意见</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="176" />
        <source>Take back this comment? The history keeps that it was made.</source>
        <translation>撤回这条意见?审核历史中仍会记录它曾被提出。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="182" />
        <source>Comment taken back</source>
        <translation>意见已撤回</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="189" />
        <location filename="../../parkdesk/ui/review/review_panel.py" line="285" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="202" />
        <source>Comment saved at: %1</source>
        <translation>意见已保存在:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="209" />
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="210" />
        <source>This report has %1 comments from the district. Approve it all the same?</source>
        <translation>这份年报有 %1 条区县意见。仍然通过吗?</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="216" />
        <source>The park holds a signed approval of this package. Why does its state change? (required)</source>
        <translation>园区已持有该数据包“已通过”的签名回执。为什么要改变状态?(必填)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="217" />
        <source>A note with the decision (optional; it travels with the receipt):</source>
        <translation>决定的说明(可不填;随审核回执发给园区):</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="222" />
        <source>Not changed: a reason is needed.</source>
        <translation>未更改:须说明理由。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="226" />
        <source>Review state set: %1</source>
        <translation>审核状态已设为:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="234" />
        <source>%1-%2-review-sheet.pdf</source>
        <translation>%1-%2-审核单.pdf</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="236" />
        <location filename="../../parkdesk/ui/review/review_panel.py" line="244" />
        <source>Review sheet</source>
        <translation>审核单</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="246" />
        <source>Review sheet written: %1</source>
        <translation>审核单已写入:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="251" />
        <source>Export the package's documents into</source>
        <translation>把数据包的材料导出到</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="257" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="259" />
        <source>%1 files written into %2</source>
        <translation>已写出 %1 个文件到 %2</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="268" />
        <source>Passphrase of the district key</source>
        <translation>区县私钥口令</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="274" />
        <source>Save the signed receipt</source>
        <translation>保存签名回执</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/review_panel.py" line="288" />
        <source>Receipt written: %1</source>
        <translation>回执已保存:%1</translation>
    </message>
</context>
<context>
    <name>RollupPanel</name>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="39" />
        <source>Approved packages only (as the signed roll-up carries them)</source>
        <translation>只含已通过的数据包(与签名汇总包一致)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="46" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="46" />
        <source>Park</source>
        <translation>园区(基地)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="46" />
        <source>Review state</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="49" />
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="51" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="53" />
        <source>Task table…</source>
        <translation>任务表…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="55" />
        <source>Each park's stages, core tasks and milestones with their status, as a workbook to filter and sort</source>
        <translation>各园区各阶段的核心任务和里程碑及其完成情况,导出为可筛选排序的工作簿</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="58" />
        <source>Signed roll-up for the city…</source>
        <translation>签名汇总包(报市局)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="67" />
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="88" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="97" />
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="105" />
        <source>Export the roll-up</source>
        <translation>导出汇总</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="107" />
        <source>Roll-up written: %1</source>
        <translation>汇总已保存:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="115" />
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="121" />
        <source>Task table</source>
        <translation>任务表</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="123" />
        <source>Task table written: %1</source>
        <translation>任务表已写入:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="133" />
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="138" />
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="144" />
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="152" />
        <source>Signed roll-up</source>
        <translation>签名汇总包</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="135" />
        <source>Passphrase of %1</source>
        <translation>%1 的口令</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="147" />
        <source>Building the signed roll-up…</source>
        <translation>正在生成签名汇总包…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="150" />
        <source>Signed roll-up written: %1 (%2 parks)</source>
        <translation>签名汇总包已保存:%1(%2 个园区)</translation>
    </message>
</context>
<context>
    <name>SheetPanel</name>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="47" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="47" />
        <source>Imported into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="54" />
        <source>(not imported)</source>
        <translation>(不导入)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="65" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="65" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="65" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="71" />
        <source>Columns (change where the guess is wrong)</source>
        <translation>列对应关系(如识别有误请修改)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="94" />
        <source>New %1 · changed %2 · unchanged %3 · rejected %4</source>
        <translation>新增 %1 · 修改 %2 · 不变 %3 · 拒绝 %4</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="104" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="104" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/excel_import_dialog.py" line="108" />
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>SystemViewer</name>
    <message>
        <location filename="../../parkdesk/ui/system_viewer.py" line="29" />
        <source>Opened %1 in the system's viewer.</source>
        <translation>已用系统的阅读程序打开 %1。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/system_viewer.py" line="31" />
        <source>No program opens this file</source>
        <translation>没有可打开此文件的程序</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/system_viewer.py" line="32" />
        <source>No program on this computer opens %1 (for a PDF, install a PDF viewer). Save a copy, to open it elsewhere or send it?</source>
        <translation>本机没有可打开 %1 的程序（PDF 文件需安装 PDF 阅读器）。要另存一份副本，以便在别处打开或发送吗？</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/system_viewer.py" line="35" />
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/system_viewer.py" line="38" />
        <source>%1 was not opened: no program for it.</source>
        <translation>未打开 %1：没有可打开它的程序。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/system_viewer.py" line="40" />
        <location filename="../../parkdesk/ui/system_viewer.py" line="47" />
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/system_viewer.py" line="49" />
        <source>Saved a copy: %1</source>
        <translation>副本已保存：%1</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="20" />
        <source>Validating…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="23" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="23" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="23" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="23" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="44" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="44" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="48" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="50" />
        <source> (justified)</source>
        <translation>(已说明)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="61" />
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/report/validation_panel.py" line="63" />
        <source>%1 errors, %2 warnings without a justification</source>
        <translation>%1 个错误,%2 个警告尚未说明</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="16" />
        <source>Welcome to parkdesk</source>
        <translation>欢迎使用 parkdesk</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="19" />
        <source>Annual reports of Jinan's service-trade (outsourcing) parks, offline.
Open a workspace file, or start with the demo workspace of the plan's 12 parks.</source>
        <translation>离线填报济南市服务贸易(外包)园区(基地)年报。
打开一个工作区文件,或从包含方案中 12 个园区的演示工作区开始。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="23" />
        <source>New workspace for my park…</source>
        <translation>为我的园区新建工作区…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="25" />
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="26" />
        <source>Create demo workspace</source>
        <translation>创建演示工作区</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="46" />
        <source>About parkdesk</source>
        <translation>关于 parkdesk</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="51" />
        <source>Opening the workspace…</source>
        <translation>正在打开工作区…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="60" />
        <location filename="../../parkdesk/ui/workspace_controller.py" line="209" />
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="81" />
        <source>Restore the newest good backup now? The damaged file is kept beside it.</source>
        <translation>现在用最新的完好备份恢复吗?损坏的文件会保留在旁边。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="83" />
        <source>The workspace is damaged</source>
        <translation>工作区已损坏</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="87" />
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="102" />
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="111" />
        <source>Building the demo workspace…</source>
        <translation>正在生成演示工作区…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="132" />
        <source>Creating the workspace…</source>
        <translation>正在创建工作区…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="135" />
        <source>Cannot create the workspace</source>
        <translation>无法创建工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="141" />
        <source>District identity created</source>
        <translation>已创建区县身份</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="143" />
        <source>The workspace of %1 is ready, with the district identity %2. Export its certificate (File › Identities and certificates…) for the city and your parks, and read this fingerprint out when they call:</source>
        <translation>%1的工作区已创建,区县身份为 %2。请导出其证书(文件 › 身份与证书…)发给市局和所辖园区;对方来电核对时,读出以下指纹:</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="144" />
        <source>New workspace file</source>
        <translation>新工作区文件</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="147" />
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="154" />
        <source>Enter the workspace file.</source>
        <translation>请填写工作区文件。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="157" />
        <source>This is a folder; enter a file name.</source>
        <translation>这是一个文件夹,请填写文件名。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="159" />
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="161" />
        <source>A file with this name exists. Tick the box to replace it, or choose another name.</source>
        <translation>同名文件已存在。勾选下方选项以替换,或另选文件名。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="177" />
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="178" />
        <source>A workspace is one file that holds your park's annual reports.</source>
        <translation>工作区是保存园区各年度年报的一个文件。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="179" />
        <source>&amp;Create a new workspace</source>
        <translation>新建工作区(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="180" />
        <source>&amp;Open an existing workspace</source>
        <translation>打开已有工作区(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="181" />
        <source>Workspace f&amp;ile:</source>
        <translation>工作区文件(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="182" />
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="183" />
        <source>&amp;Replace the existing file (everything in it will be lost)</source>
        <translation>替换已有文件(&amp;R)(其中内容将全部丢失)</translation>
    </message>
</context>
<context>
    <name>YearEndSection</name>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="167" />
        <source>Year-end report to the city (optional): progress and planned new parks</source>
        <translation>报送市局的年度报告(可选):工作进展与计划新建园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="170" />
        <source>The district's progress this year, in a few sentences…</source>
        <translation>本区县本年度工作进展(几句话即可)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="173" />
        <source>Planned park</source>
        <translation>计划新建园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="173" />
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="173" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="174" />
        <source>Expected year</source>
        <translation>预计年份</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="179" />
        <source>Add a planned park</source>
        <translation>添加计划新建园区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/review/rollup_panel.py" line="182" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>YearPage</name>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="226" />
        <source>Workspace file: %1</source>
        <translation>工作区文件:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="226" />
        <source>Park: %1</source>
        <translation>园区:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="230" />
        <source>Core theme of this stage for the park: %1</source>
        <translation>本园区该阶段核心主题:%1</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="231" />
        <source>The report starts as an empty draft (with the 2024 targets the plan states for the park, if any); the program then lists what is still to be entered.</source>
        <translation>年报以空白草稿开始(如行动计划方案为本园区提出了 2024 年目标,则已预先填入);程序随后列出尚需填写的内容。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="236" />
        <source>First annual report</source>
        <translation>第一份年报</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="237" />
        <source>The year this report covers. The plan runs from 2022 to 2024.</source>
        <translation>年报所属年度。行动计划期为 2022—2024 年。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/first_run_pages.py" line="238" />
        <source>Report &amp;year:</source>
        <translation>年报年度(&amp;Y):</translation>
    </message>
</context>
</TS>