<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="28" />
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="30" />
        <source>Create &amp;demo workspace</source>
        <translation>创建演示工作区(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="31" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="34" />
        <source>&amp;About parkdesk</source>
        <translation>关于 parkdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="35" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="39" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="53" />
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="57" />
        <source>%1 — parkdesk</source>
        <translation>%1 — parkdesk</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="63" />
        <source>%1 parks · %2 annual reports</source>
        <translation>%1 个园区 · %2 份年报</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/main_window.py" line="67" />
        <source>parkdesk %1
Annual reports of Jinan's service-trade (outsourcing) parks.</source>
        <translation>parkdesk %1
济南市服务贸易(外包)园区(基地)年报工具。</translation>
    </message>
</context>
<context>
    <name>ParkDetailsView</name>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="24" />
        <source>Select a park to see its details.</source>
        <translation>选择一个园区查看详情。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="33" />
        <source>Operator</source>
        <translation>运营机构</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_details_view.py" line="34" />
        <source>2024 targets stated in the plan</source>
        <translation>方案中明确的 2024 年目标</translation>
    </message>
</context>
<context>
    <name>ParkListModel</name>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="41" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="41" />
        <source>Park</source>
        <translation>园区(基地)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="41" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="41" />
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="42" />
        <source>District</source>
        <translation>所在区县</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="42" />
        <source>Level</source>
        <translation>认定级别</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="42" />
        <source>Enterprises listed</source>
        <translation>名录企业数</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_model.py" line="42" />
        <source>Annual reports</source>
        <translation>年报</translation>
    </message>
</context>
<context>
    <name>ParkListView</name>
    <message>
        <location filename="../../parkdesk/ui/park_list_view.py" line="25" />
        <source>Parks in this workspace</source>
        <translation>本工作区的园区(基地)</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/park_list_view.py" line="28" />
        <source>Filter by code, name, category, domain or district…</source>
        <translation>按代码、名称、类别、领域或区县筛选…</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="15" />
        <source>Welcome to parkdesk</source>
        <translation>欢迎使用 parkdesk</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="18" />
        <source>Annual reports of Jinan's service-trade (outsourcing) parks, offline.
Open a workspace file, or start with the demo workspace of the plan's 12 parks.</source>
        <translation>离线填报济南市服务贸易(外包)园区(基地)年报。
打开一个工作区文件,或从包含方案中 12 个园区的演示工作区开始。</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="22" />
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/welcome_view.py" line="23" />
        <source>Create demo workspace</source>
        <translation>创建演示工作区</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="55" />
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="78" />
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../parkdesk/ui/workspace_controller.py" line="32" />
        <source>About parkdesk</source>
        <translation>关于 parkdesk</translation>
    </message>
</context>
</TS>