"""Column names as people write them: synonyms of each field, units in headers.

The form definitions give each field its label in Chinese and English; the
names below are the other ways spreadsheets in the wild head the same column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdesk.forms.model import Field, Record
from parkdesk.forms.normalize import MONEY_UNITS, clean_text

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "enterprise": {
        "name": ("企业名称", "单位名称", "公司名称", "企业全称", "单位全称", "企业(单位)名称", "名称", "企业",
                 "company", "company name", "enterprise"),
        "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "统一代码", "社会统一信用代码",
                 "统一社会信用代码/注册号", "uscc", "credit code", "social credit code"),
        "role": ("企业类型", "企业类别", "类型", "类别", "重点/配套", "重点企业/配套企业", "企业性质", "role", "type"),
        "chain_link_id": ("产业链环节", "所属产业链环节", "所属环节", "产业链", "环节", "chain link"),
        "status": ("入驻状态", "状态", "是否入驻", "status"),
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
    "platform": {
        "name": ("平台名称", "平台", "名称", "platform", "name"),
        "operator": ("运营主体", "运营单位", "运营机构", "operator"),
        "service_types": ("服务内容", "服务类型", "服务", "services"),
        "level": ("平台级别", "级别", "认定级别", "level"),
        "established": ("建成日期", "建成时间", "成立日期", "established"),
        "description": ("说明", "简介", "平台简介", "备注", "description"),
    },
}
IGNORED_HEADERS = frozenset({"序号", "编号", "no", "no.", "#", "单位"})

# "营业收入(万元)", "营业收入（万元）", "营业收入[万元]", "营业收入/万元", "营业收入 单位:万元"
_UNIT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*(?:[(\[]\s*(?:单位[::]\s*)?(?P<unit>[^()\[\]]*?)\s*[)\]]"
                          r"|/\s*(?P<slash>[^/]+)|单位[::]\s*(?P<after>.+))$")
_NOISE = re.compile(r"[\s*※:：]")
KNOWN_UNITS = frozenset(MONEY_UNITS) | {"%", "人", "家", "个", "项", "字节"}
UNIT_ALIASES = {"10kcny": "万元", "100mcny": "亿元", "cny": "元",
                "10kusd": "万美元", "100musd": "亿美元", "usd": "美元",
                "persons": "人", "enterprises": "家", "platforms": "个", "items": "项", "bytes": "字节"}


@dataclass(frozen=True)
class HeaderText:
    """A header cell's text split into the column's name and the unit written beside it."""

    name: str  # cleaned for matching: no spaces, no asterisks, case-folded
    unit: str | None
    shown: str  # as written, for messages


def read_header(value) -> HeaderText | None:
    text = clean_text(value) if not isinstance(value, float) else None
    if text is None or len(text) > 100:
        return None
    name, unit = text, None
    match = _UNIT_SUFFIX.match(text)
    if match:
        candidate = (match["unit"] or match["slash"] or match["after"] or "").replace(" ", "")
        candidate = UNIT_ALIASES.get(candidate.casefold(), candidate)
        if candidate in KNOWN_UNITS:
            name, unit = match["name"], candidate
    return HeaderText(_NOISE.sub("", name).casefold(), unit, text)


def _form(text: str) -> str:
    return _NOISE.sub("", clean_text(text) or "").casefold()


def field_names(record: Record) -> dict[str, tuple[str, ...]]:
    """Field key → every name (cleaned) that heads its column: labels, headers with units, synonyms, the key."""
    synonyms = SYNONYMS.get(record.key, {})
    names = {}
    for field in record.fields:
        if field.read_only:
            continue
        candidates = [field.label.zh, field.label.en, field.key, *synonyms.get(field.key, ())]
        names[field.key] = tuple(dict.fromkeys(_form(c) for c in candidates if _form(c)))
    return names


_REMARK = re.compile(r"[(\[][^()\[\]]*[)\]]")  # "企业名称(全称)" → "企业名称"


def match_field(header: HeaderText, names: dict[str, tuple[str, ...]], taken: set[str]) -> str | None:
    """The field a header names: exactly (also without a bracketed remark), else the longest name that
    makes up at least half of the header ("企业名称全称" yes, "服务周全" not for "服务")."""
    if header.name in IGNORED_HEADERS:
        return None
    forms = (header.name, _REMARK.sub("", header.name))
    for key, candidates in names.items():
        if key not in taken and (forms[0] in candidates or forms[1] in candidates):
            return key
    best, best_length = None, 1  # a one-character name never matches inside a longer header
    for key, candidates in names.items():
        if key in taken:
            continue
        for candidate in candidates:
            if len(candidate) > best_length and candidate in header.name and 2 * len(candidate) >= len(header.name):
                best, best_length = key, len(candidate)
    return best


def field_unit(field: Field) -> str | None:
    return field.unit.zh if field.unit is not None else None
