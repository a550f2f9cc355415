"""Every section of the annual report, defined once (基本信息 … 附件)."""

from __future__ import annotations

from parkdesk.forms.model import (
    CHOICE, DATE, DECIMAL, EMAIL, INTEGER, LONG_TEXT, MULTI_CHOICE, PHONE, REFERENCE, TEXT, USCC,
    Field, Record, Section,
)
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.choices import (
    CHAIN_ACTIONS, CHAIN_POSITIONS, CHAIN_STATES, ENTERPRISE_ROLES, ENTERPRISE_STATUSES, MILESTONE_STATUSES,
    RECOGNITION_LEVELS, SELF_RATINGS,
)
from parkdesk.reference.distinctions import DISTINCTIONS
from parkdesk.reference.domains import DOMAINS
from parkdesk.reference.labels import Label
from parkdesk.reference.requirements import REQUIREMENTS
from parkdesk.reference.services import SERVICE_TYPES
from parkdesk.reference.stages import STAGES

L = Label
WAN_YUAN = L("万元", "10k CNY")
WAN_USD = L("万美元", "10k USD")

DOMAIN_CHOICES = tuple((d.key, d.label) for d in DOMAINS)
CATEGORY_CHOICES = tuple((c.key, c.label) for c in CATEGORIES)
DISTINCTION_CHOICES = tuple((d.key, d.label) for d in DISTINCTIONS)
STAGE_CHOICES = tuple((str(s.year), L(f"{s.year} {s.label.zh}", f"{s.year} {s.label.en}")) for s in STAGES)
# a row's lasting id in a workbook (stored as `ref`, numbered per report): a renamed row keeps it
ROW_ID = Field("ref", L("编号(ID)", "ID"), INTEGER, minimum=1, maximum=999_999_999,
               help=L("每行的固定编号:修改名称时保留编号,即为修改该行;新增的行留空",
                      "Each row's lasting number: keep it when renaming a row, leave it blank for a new row"))
ORDER = Field("sort_order", L("顺序", "Order"), INTEGER, minimum=0, maximum=999_999_999,
              help=L("在图表和列表中的先后顺序(数字小的在前);新增的行留空则排在最后",
                     "The place in the chart and lists (smaller first); a new row left blank goes last"))
INDICATOR_KEY = Field("indicator_key", L("指标代码", "Indicator key"), TEXT, max_length=64,
                      help=L("指标目录中的代码,用于对应指标", "The indicator's key in the catalogue"))
REQUIREMENT_CHOICES = tuple((r.key, L(f"{r.number}. {r.label.zh}", f"{r.number}. {r.label.en}")) for r in REQUIREMENTS)

BASIC = Section("basic", 1, L("基本信息", "Basic information"), (
    Record("park", "park_details", L("园区(基地)", "Park"), many=False, title_field="name", fields=(
        Field("name", L("园区(基地)名称", "Park name"), TEXT, required=True, max_length=200),
        Field("code", L("园区代码", "Short code"), TEXT, required=True, max_length=32, read_only=True,
              help=L("稳定的简称代码,用于命令行和文件名;登记园区时确定,不能修改",
                     "A stable short code, used on the command line and in file names; set when the park is "
                     "registered, it cannot change")),
        Field("division_code", L("所在区县(功能区)", "District or functional zone"), REFERENCE,
              references="divisions", required=True),
        Field("domain", L("领域", "Domain"), CHOICE, choices=DOMAIN_CHOICES, required=True),
        Field("category", L("类别", "Category"), CHOICE, choices=CATEGORY_CHOICES, required=True),
        Field("level", L("认定级别", "Recognition level"), CHOICE, choices=RECOGNITION_LEVELS,
              required_for=("first_class",),
              help=L("争创一流类须为已获认定的国家级或省级园区(基地)",
                     "A first-class park is one already recognised at national or provincial level")),
        Field("operator_org", L("运营机构", "Operating organisation"), TEXT, required=True, max_length=200),
        Field("contact_name", L("联系人", "Contact person"), TEXT, required=True, max_length=64),
        Field("contact_phone", L("联系电话", "Contact phone"), PHONE, required=True, max_length=64),
        Field("contact_email", L("电子邮箱", "E-mail"), EMAIL, max_length=200),
        Field("address", L("地址", "Address"), TEXT, max_length=300),
    )),
))

POSITIONING = Section("positioning", 2, L("发展定位", "Positioning"), (
    Record("report", "reports", L("年报", "Annual report"), many=False, fields=(
        Field("positioning", L("园区定位", "Positioning"), LONG_TEXT, required=True, max_length=2000,
              help=L("立足资源禀赋和产业基础,明确产业发展目标", "Industrial goals from the park's resources and base")),
        Field("development_focus", L("发展重点", "Development focus"), LONG_TEXT, required=True, max_length=2000),
    )),
))

CHAIN = Section("chain", 3, L("目标产业链全景图", "Target industry-chain panorama"), (
    Record("chain_segment", "chain_segments", L("产业链环节分组", "Chain segment"), title_field="name",
           row_id=ROW_ID, order=ORDER, fields=(
        Field("position", L("位置", "Position"), CHOICE, choices=CHAIN_POSITIONS, required=True),
        Field("name", L("名称", "Name"), TEXT, required=True, max_length=200),
    )),
    Record("chain_link", "chain_links", L("产业链环节", "Chain link"), title_field="name", row_id=ROW_ID,
           order=ORDER, fields=(
        Field("segment_id", L("所属分组", "Segment"), REFERENCE, references="chain_segment", required=True),
        Field("name", L("环节名称", "Link"), TEXT, required=True, max_length=200),
        Field("action", L("强链/补链/延链", "Action"), CHOICE, choices=CHAIN_ACTIONS, required=True),
        Field("state", L("现状", "State"), CHOICE, choices=CHAIN_STATES, required=True),
        Field("description", L("说明", "Description"), LONG_TEXT, max_length=1000),
    )),
), tabular=True)

PATH = Section("path", 4, L("产业发展路径图", "Development path map"), (
    Record("path_stage", "path_stages", L("阶段", "Stage"), title_field="stage_year", fields=(
        Field("stage_year", L("阶段", "Stage"), CHOICE, choices=STAGE_CHOICES, required=True),
        Field("theme", L("核心主题", "Core theme"), TEXT, required=True, max_length=64),
        Field("goals", L("阶段目标", "Goals"), LONG_TEXT, required=True, max_length=2000),
        Field("measures", L("主要举措", "Measures"), LONG_TEXT, required=True, max_length=2000),
    )),
    Record("milestone", "milestones", L("阶段里程碑", "Milestone"), title_field="title", row_id=ROW_ID,
           order=ORDER, fields=(
        Field("stage_year", L("阶段", "Stage"), CHOICE, choices=STAGE_CHOICES, required=True),
        Field("title", L("里程碑", "Milestone"), TEXT, required=True, max_length=300),
        Field("due_date", L("计划完成日期", "Due date"), DATE, required=True),
        Field("status", L("状态", "Status"), CHOICE, choices=MILESTONE_STATUSES, required=True),
        Field("evidence", L("佐证材料", "Evidence"), LONG_TEXT, max_length=2000),
    )),
), tabular=True)

ENTERPRISES = Section("enterprises", 5, L("重点企业、配套企业名录表", "Key and supporting enterprise list"), (
    Record("enterprise", "enterprises", L("企业", "Enterprise"), title_field="name", fields=(
        Field("name", L("企业名称", "Enterprise name"), TEXT, required=True, max_length=200),
        Field("uscc", L("统一社会信用代码", "Unified social credit code"), USCC, required=True),
        Field("role", L("企业类型", "Role"), CHOICE, choices=ENTERPRISE_ROLES, required=True),
        Field("chain_link_id", L("产业链环节", "Chain link"), REFERENCE, references="chain_link"),
        Field("status", L("入驻状态", "Status"), CHOICE, choices=ENTERPRISE_STATUSES, required=True,
              yes_no=("settled", "planned")),
        Field("established", L("成立日期", "Established"), DATE),
        Field("employees", L("从业人员", "Employees"), INTEGER, unit=L("人", "persons"), minimum=0, maximum=1_000_000),
        Field("revenue_wan_yuan", L("营业收入", "Revenue"), DECIMAL, unit=WAN_YUAN, minimum=0, maximum=1e9),
        Field("service_exports_wan_usd", L("服务出口额", "Service exports"), DECIMAL, unit=WAN_USD,
              minimum=0, maximum=1e8),
        Field("distinctions", L("企业称号", "Distinctions"), MULTI_CHOICE, choices=DISTINCTION_CHOICES,
              stored_as_mask=True),
        Field("contact_name", L("联系人", "Contact"), TEXT, max_length=64),
        Field("contact_phone", L("联系电话", "Phone"), PHONE, max_length=64),
    )),
), tabular=True)

INDICATORS = Section("indicators", 6, L("指标", "Indicators"), (
    Record("indicator_value", "indicator_values", L("指标", "Indicator"), title_field="indicator_id",
           row_id=INDICATOR_KEY, fields=(
        Field("indicator_id", L("指标", "Indicator"), REFERENCE, references="indicator", required=True),
        Field("baseline_2021", L("2021年基数", "2021 baseline"), DECIMAL, minimum=0),
        Field("target_2024", L("2024年目标", "2024 target"), DECIMAL, minimum=0),
        Field("actual", L("本年度实际", "This year's actual"), DECIMAL, minimum=0),
        Field("note", L("说明", "Note"), LONG_TEXT, max_length=1000),
    )),
), tabular=True)

REQUIREMENTS_SECTION = Section("requirements", 7, L("建设要求自评", "Construction requirements self-assessment"), (
    Record("assessment", "requirement_assessments", L("建设要求", "Requirement"), title_field="requirement_key",
           fields=(
               Field("requirement_key", L("建设要求", "Requirement"), CHOICE, choices=REQUIREMENT_CHOICES,
                     required=True, read_only=True),
               Field("rating", L("自评结果", "Self-rating"), CHOICE, choices=SELF_RATINGS, required=True),
               Field("description", L("完成情况", "What was done"), LONG_TEXT, required=True, max_length=3000),
               Field("evidence", L("佐证材料", "Evidence"), LONG_TEXT, max_length=2000),
           )),
), tabular=True)

PLATFORMS = Section("platforms", 8, L("公共服务平台", "Public service platforms"), (
    Record("platform", "platforms", L("公共服务平台", "Platform"), title_field="name", row_id=ROW_ID, fields=(
        Field("name", L("平台名称", "Platform"), TEXT, required=True, max_length=200),
        Field("operator", L("运营主体", "Operator"), TEXT, max_length=200),
        Field("service_types", L("服务内容", "Services"), MULTI_CHOICE, choices=SERVICE_TYPES, required=True),
        Field("level", L("平台级别", "Level"), CHOICE, choices=RECOGNITION_LEVELS),
        Field("established", L("建成日期", "Established"), DATE),
        Field("description", L("说明", "Description"), LONG_TEXT, max_length=2000),
    )),
), tabular=True)

ATTACHMENTS = Section("attachments", 9, L("附件", "Attachments"), (
    Record("attachment", "attachments", L("附件", "Attachment"), title_field="filename", fields=(
        Field("filename", L("文件名", "File name"), TEXT, required=True, max_length=260, read_only=True),
        Field("description", L("说明", "Description"), TEXT, max_length=500),
        Field("size", L("大小", "Size"), INTEGER, unit=L("字节", "bytes"), read_only=True),
        Field("sha256", L("SHA-256", "SHA-256"), TEXT, read_only=True),
    )),
), tabular=True)

SECTIONS: tuple[Section, ...] = (
    BASIC, POSITIONING, CHAIN, PATH, ENTERPRISES, INDICATORS, REQUIREMENTS_SECTION, PLATFORMS, ATTACHMENTS,
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}
RECORD_BY_KEY = {r.key: r for s in SECTIONS for r in s.records}
SECTION_OF_RECORD = {r.key: s.key for s in SECTIONS for r in s.records}

