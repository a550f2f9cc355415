"""The other ways people write what the form definitions name: column headers, choices, yes and no, units.

Spreadsheets kept by hand head a column "单位名称" rather than "企业名称",
write "重点" for 重点企业, "是" in a "是否入驻" column and "(亿)" for 亿元.
Everything that reads such input (the Excel import, pasting into the
editor) takes these words from here.
"""

from __future__ import annotations

from parkdesk.forms.normalize import ChoiceWords

# record key → field key → header names besides the field's label (zh, en) and its key
HEADER_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "park": {
        "name": ("园区名称", "基地名称", "园区(基地)", "园区", "park"),
        "division_code": ("所在区县", "区县", "所在区县(功能区)", "功能区", "district"),
        "domain": ("所属领域", "领域类别", "domain"),
        "category": ("园区类别", "category"),
        "level": ("级别", "认定级别", "level"),
        "operator_org": ("运营主体", "运营单位", "运营机构名称", "operator"),
        "contact_name": ("联系人", "联系人姓名", "contact"),
        "contact_phone": ("联系电话", "电话", "手机", "phone"),
        "contact_email": ("邮箱", "电子邮件", "email", "e-mail"),
        "address": ("地址", "园区地址", "详细地址", "address"),
    },
    "report": {
        "positioning": ("定位", "发展定位", "园区发展定位", "positioning"),
        "development_focus": ("重点", "发展重点方向", "重点发展方向", "development focus"),
    },
    "chain_segment": {
        "position": ("位置", "所处位置", "上中下游", "上/中/下游", "position"),
        "name": ("分组名称", "环节分组", "分组", "名称", "segment"),
    },
    "chain_link": {
        "segment_id": ("所属分组", "分组", "环节分组", "segment"),
        "name": ("环节名称", "产业链环节", "环节", "link"),
        "action": ("强链/补链/延链", "强补延", "类型", "链条举措", "action"),
        "state": ("现状", "状态", "state"),
        "description": ("说明", "备注", "description"),
    },
    "path_stage": {
        "stage_year": ("阶段", "年度", "阶段年度", "stage"),
        "theme": ("核心主题", "主题", "核心任务", "theme"),
        "goals": ("阶段目标", "目标", "goals"),
        "measures": ("主要举措", "举措", "措施", "主要措施", "measures"),
    },
    "enterprise": {
        "name": ("企业名称", "单位名称", "公司名称", "企业全称", "单位全称", "企业(单位)名称", "名称", "企业",
                 "company", "company name", "enterprise"),
        "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "统一代码", "社会统一信用代码",
                 "统一社会信用代码/注册号", "uscc", "credit code", "social credit code"),
        "role": ("企业类型", "企业类别", "类型", "类别", "重点/配套", "重点企业/配套企业", "企业性质", "role", "type"),
        "chain_link_id": ("产业链环节", "所属产业链环节", "所属环节", "产业链", "环节", "chain link"),
        "status": ("入驻状态", "状态", "是否入驻", "是否已入驻", "status"),
        "established": ("成立日期", "成立时间", "注册日期", "注册时间", "成立年月", "established", "founded"),
        "employees": ("从业人员", "从业人数", "员工人数", "职工人数", "人数", "员工数", "employees", "staff"),
        "revenue_wan_yuan": ("营业收入", "营收", "主营业务收入", "营业收入额", "收入", "revenue"),
        "service_exports_wan_usd": ("服务出口额", "服务出口", "服务贸易出口额", "出口额", "service exports", "exports"),
        "distinctions": ("企业称号", "称号", "企业荣誉", "荣誉称号", "资质", "distinctions", "honours"),
        "contact_name": ("联系人", "联系人姓名", "contact", "contact person"),
        "contact_phone": ("联系电话", "电话", "手机", "手机号码", "联系方式", "联系人电话", "phone", "telephone"),
    },
    "indicator_value": {
        "indicator_id": ("指标", "指标名称", "指标项", "项目", "indicator"),
        "baseline_2021": ("2021年基数", "2021年基期值", "基数", "2021年", "baseline", "2021 baseline"),
        "target_2024": ("2024年目标", "2024年目标值", "目标值", "目标", "target", "2024 target"),
        "actual": ("本年度实际", "本年实际", "实际值", "完成值", "实际", "actual"),
        "note": ("说明", "备注", "note", "remarks"),
    },
    "milestone": {
        "stage_year": ("阶段", "所属阶段", "阶段年度", "stage"),
        "title": ("里程碑", "里程碑名称", "任务", "工作任务", "事项", "milestone", "task"),
        "due_date": ("计划完成日期", "计划完成时间", "完成时限", "完成日期", "截止日期", "due date", "due"),
        "status": ("状态", "完成状态", "进展", "进展情况", "status"),
        "evidence": ("佐证材料", "佐证", "备注", "evidence"),
    },
    "assessment": {
        "requirement_key": ("建设要求", "要求", "自评项目", "requirement"),
        "rating": ("自评结果", "自评", "评价", "结果", "rating"),
        "description": ("完成情况", "情况说明", "工作情况", "说明", "description"),
        "evidence": ("佐证材料", "佐证", "evidence"),
    },
    "platform": {
        "name": ("平台名称", "平台", "名称", "platform", "name"),
        "operator": ("运营主体", "运营单位", "运营机构", "operator"),
        "service_types": ("服务内容", "服务类型", "服务", "services"),
        "level": ("平台级别", "级别", "认定级别", "level"),
        "established": ("建成日期", "建成时间", "成立日期", "established"),
        "description": ("说明", "简介", "平台简介", "备注", "description"),
    },
    "attachment": {
        "filename": ("文件名", "文件", "附件名称", "file"),
        "description": ("说明", "备注", "description"),
        "sha256": ("sha256", "哈希", "hash"),
    },
}
# headers that number rows in lists kept by hand; never a field (a record's own id column is "编号(ID)")
IGNORED_HEADERS = frozenset({"序号", "编号", "no", "no.", "#", "单位"})

# a choice's Chinese label → other words for it (abbreviations, older names, common usage)
CHOICE_SYNONYMS: dict[str, tuple[str, ...]] = {
    # enterprises
    "重点企业": ("核心企业", "重点"),
    "配套企业": ("配套", "一般企业", "其他企业", "配套服务企业"),
    "已入驻": ("入驻", "在园", "已入园", "入园", "已落户", "落户", "已签约入驻"),
    "拟引进": ("拟入驻", "待入驻", "计划引进", "拟入园", "拟落户", "意向", "在谈", "引进中"),
    # the chain map
    "已有": ("现有", "具备", "已具备", "完善"),
    "薄弱": ("较弱", "弱", "不足", "较薄弱"),
    "缺失": ("空白", "缺少", "欠缺", "暂无"),
    # milestones
    "计划中": ("计划", "未开始", "未启动", "待开始", "待启动"),
    "进行中": ("推进中", "实施中", "正在进行", "在建", "正在推进", "开展中"),
    "已完成": ("完成", "完工", "已结束", "已办结", "办结"),
    "已延期": ("延期", "延迟", "滞后", "逾期", "推迟"),
    # self-assessment
    "已达到": ("达到", "达标", "符合", "满足"),
    "部分达到": ("部分", "部分符合", "部分满足", "基本达到", "部分完成"),
    "未达到": ("未达标", "不符合", "不满足"),
    # levels
    "国家级": ("国家",),
    "省级": ("省",),
    "市级": ("市", "市级园区"),
    "区县级": ("区级", "县级", "区县"),
    "尚未认定": ("未认定", "暂未认定", "无级别", "暂无级别"),
    # domains
    "数字贸易": ("数字技术和数字服务", "数字服务", "数字技术"),
    "工业设计和检验维修": ("工业设计和检测维修",),
}

# what a yes/no cell may say (compared case-folded); "无" and "-" otherwise read as empty
YES_WORDS = frozenset({"是", "√", "✓", "✔", "有", "y", "yes", "true", "对", "1"})
NO_WORDS = frozenset({"否", "×", "✗", "✘", "x", "无", "n", "no", "false", "错", "0", "不是", "没有"})

# how a unit is written in headers → the unit the form definitions use
UNIT_SYNONYMS: dict[str, str] = {
    "10kcny": "万元", "100mcny": "亿元", "cny": "元", "rmb": "元", "人民币": "元", "人民币元": "元",
    "万元人民币": "万元", "人民币万元": "万元", "亿元人民币": "亿元", "人民币亿元": "亿元",
    "10kusd": "万美元", "100musd": "亿美元", "usd": "美元", "美金": "美元", "万美金": "万美元", "亿美金": "亿美元",
    "persons": "人", "enterprises": "家", "platforms": "个", "items": "项", "bytes": "字节",
}
# a money unit without its currency ("亿", "万"): the currency is the field's own
BARE_MULTIPLIERS: dict[str, str] = {"万": "万", "亿": "亿", "千": "千", "百万": "百万", "千万": "千万"}

CHOICE_WORDS = ChoiceWords(CHOICE_SYNONYMS, YES_WORDS, NO_WORDS)
