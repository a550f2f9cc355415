"""The rule catalogue: stable ids, severity, kind, and the message in zh and en.

Messages name the value found and what was expected. Parameters that are
Labels render in the message's language; numbers render without noise.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label
from parkdesk.validation.findings import ERROR, INFO, WARNING

FIELD, RECORD, LIST, CROSS, PLAN, YOY = "field", "record", "list", "cross-section", "plan", "year-over-year"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    kind: str
    template: Label

    def render(self, lang: str, params: dict) -> str:
        return self.template.text(lang).format(**{k: render_value(v, lang) for k, v in params.items()})


def render_value(value, lang: str) -> str:
    if isinstance(value, Label):
        return value.text(lang)
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if isinstance(value, (tuple, list)):
        return ("、" if lang == "zh" else ", ").join(render_value(v, lang) for v in value)
    return "" if value is None else str(value)


_RULES = (
    # field
    Rule("FIELD-REQUIRED", ERROR, FIELD, Label("“{field}”为必填项,当前为空", "'{field}' is required but empty")),
    Rule("FIELD-TYPE", ERROR, FIELD, Label("“{field}”应为{expected},得到“{value}”",
                                           "'{field}' must be {expected}, found '{value}'")),
    Rule("FIELD-RANGE", ERROR, FIELD, Label("“{field}”应在 {minimum} 至 {maximum} 之间,得到 {value}",
                                            "'{field}' must be between {minimum} and {maximum}, found {value}")),
    Rule("FIELD-LENGTH", ERROR, FIELD, Label("“{field}”最多 {maximum} 个字符,当前 {length} 个",
                                             "'{field}' takes at most {maximum} characters, found {length}")),
    Rule("FIELD-CHOICE", ERROR, FIELD, Label("“{field}”的取值“{value}”不在可选范围内(可选:{choices})",
                                             "'{field}' value '{value}' is not one of: {choices}")),
    Rule("FIELD-PHONE", WARNING, FIELD, Label("“{field}”“{value}”不像电话号码(应为 7–20 位数字,可含 +、-、空格、括号)",
                                              "'{field}' '{value}' does not look like a phone number "
                                              "(7–20 digits, with + - spaces or brackets)")),
    Rule("FIELD-EMAIL", WARNING, FIELD, Label("“{field}”“{value}”不是有效的电子邮箱地址",
                                              "'{field}' '{value}' is not a valid e-mail address")),
    Rule("ENT-USCC-FORMAT", ERROR, FIELD, Label(
        "统一社会信用代码“{value}”格式不对:应为 18 位,由数字和除 I、O、S、V、Z 以外的大写字母组成",
        "Unified social credit code '{value}' is malformed: 18 characters, digits and capital letters "
        "except I, O, S, V, Z")),
    Rule("ENT-USCC-CHECK", ERROR, FIELD, Label("统一社会信用代码“{value}”校验位错误:最后一位应为“{expected}”",
                                               "Unified social credit code '{value}' fails its check: "
                                               "the last character should be '{expected}'")),
    Rule("ENT-USCC-ORGCHECK", WARNING, FIELD, Label(
        "统一社会信用代码“{value}”中的组织机构代码校验码应为“{expected}”(第 17 位)",
        "The organisation code inside '{value}' fails its check: character 17 should be '{expected}'")),
    # record
    Rule("REC-ENT-EXPORTS-REVENUE", WARNING, RECORD, Label(
        "服务出口额 {exports} 万美元(约 {exports_cny} 万元)超过营业收入 {revenue} 万元",
        "Service exports of {exports} ×10k USD (about {exports_cny} ×10k CNY) exceed revenue of {revenue} ×10k CNY")),
    Rule("ENT-EST-FUTURE", ERROR, RECORD, Label("成立日期 {value} 晚于本年报年度({year}年)末",
                                                "Established {value}, after the end of the report year {year}")),
    Rule("IND-EXPORTS-EXCEED", ERROR, RECORD, Label(
        "{column}:服务出口额 {service} 万美元超过外贸出口额 {total} 万美元",
        "{column}: service exports of {service} ×10k USD exceed foreign-trade exports of {total} ×10k USD")),
    Rule("IND-WHOLE", ERROR, RECORD, Label("“{indicator}”是数量,{column}应为整数({unit}),得到 {value}",
                                           "'{indicator}' is a count: {column} must be a whole number ({unit}), "
                                           "found {value}")),
    Rule("IND-MISSING", ERROR, RECORD, Label("指标“{indicator}”缺少{column}", "Indicator '{indicator}' has no {column}")),
    Rule("MS-IN-STAGE", ERROR, RECORD, Label("里程碑计划日期 {value} 不在所属阶段 {stage} 年内",
                                             "Milestone due {value}, outside its stage year {stage}")),
    Rule("MS-OVERDUE", WARNING, RECORD, Label("里程碑计划于 {value} 完成,至 {year} 年报时状态仍为“{status}”",
                                              "Milestone due {value} is still '{status}' in the {year} report")),
    Rule("ATT-HASH", ERROR, RECORD, Label("附件“{value}”内容与登记的 SHA-256 不一致,文件可能已损坏",
                                          "Attachment '{value}' no longer matches its recorded SHA-256: it may be damaged")),
    # list
    Rule("ENT-DUP-USCC", ERROR, LIST, Label("统一社会信用代码“{value}”重复:与“{other}”相同",
                                            "Unified social credit code '{value}' appears twice: also on '{other}'")),
    Rule("ENT-DUP-NAME", WARNING, LIST, Label("企业名称“{value}”在名录中重复出现", "Enterprise name '{value}' appears more than once")),
    Rule("CHAIN-DUP-LINK", WARNING, LIST, Label("产业链环节“{value}”重复出现", "Chain link '{value}' appears more than once")),
    Rule("LIST-TRUNCATED", INFO, LIST, Label("规则 {rule} 另有 {count} 处问题未逐条列出",
                                             "Rule {rule} found {count} more problems not listed one by one")),
    # cross-section
    Rule("ENT-CHAIN-LINK", ERROR, CROSS, Label("所选产业链环节(编号 {value})不在本年报的目标产业链全景图中",
                                               "The chain link (id {value}) is not in this report's chain map")),
    Rule("ENT-CHAIN-UNSET", WARNING, CROSS, Label("企业未关联产业链环节", "The enterprise is not placed on a chain link")),
    Rule("IND-DERIVED-MISMATCH", WARNING, CROSS, Label(
        "指标“{indicator}”本年度实际为 {value},而{source}中为 {expected}",
        "Indicator '{indicator}' this year is {value}, but the {source} gives {expected}")),
    Rule("IND-COMPUTED-MISMATCH", WARNING, CROSS, Label(
        "“{indicator}”由其他指标计算({formula}):{column}应为 {expected},填写的是 {value}",
        "'{indicator}' is computed ({formula}): {column} should be {expected}, {value} was typed")),
    Rule("CHAIN-POSITION-EMPTY", ERROR, CROSS, Label("目标产业链全景图缺少{position}环节", "The chain map has no {position} link")),
    Rule("PATH-STAGE-MISSING", ERROR, CROSS, Label("产业发展路径图缺少 {stage} 阶段", "The path map lacks the {stage} stage")),
    Rule("PATH-THEME", WARNING, CROSS, Label("{stage} 阶段的核心主题应为“{expected}”({category}),当前为“{value}”",
                                             "The {stage} stage's core theme should be '{expected}' ({category}), "
                                             "found '{value}'")),
    Rule("PATH-NO-MILESTONE", WARNING, CROSS, Label("{stage} 阶段没有里程碑", "The {stage} stage has no milestone")),
    Rule("REQ-MISSING", ERROR, CROSS, Label("缺少建设要求“{requirement}”的自评", "No self-assessment for requirement '{requirement}'")),
    # the plan
    Rule("PLAN-DOUBLING", WARNING, PLAN, Label(
        "行动计划方案要求本园区“{indicator}”实现倍增:2024年目标 {target} 未达到2021年基数 {baseline} 的两倍({expected})",
        "The plan asks this park to double '{indicator}': the 2024 target, {target}, is less than twice the "
        "2021 baseline {baseline} ({expected})")),
    Rule("PLAN-NAME", WARNING, PLAN, Label(
        "园区代码 {code} 是行动计划方案中的“{expected}”,本年报中的名称为“{value}”:若园区已更名,请说明",
        "The park code {code} is the plan's '{expected}', but this report names it '{value}': if the park was "
        "renamed, say so")),
    Rule("PLAN-STATED-TARGET", WARNING, PLAN, Label(
        "“{indicator}”2024年目标 {target} 低于行动计划方案确定的目标 {expected}(“{text}”)",
        "The 2024 target for '{indicator}', {target}, is below the plan's stated {expected} ('{text}')")),
    Rule("PLAN-LEVEL", WARNING, PLAN, Label(
        "争创一流类园区(基地)应为已获认定的国家级或省级园区(基地),当前认定级别为“{value}”",
        "A first-class park should already be recognised at national or provincial level; found '{value}'")),
    # year over year
    Rule("YOY-CHANGE", WARNING, YOY, Label(
        "“{indicator}”本年度实际 {value} 较 {previous_year} 年的 {previous} 变化 {change}%,超过 ±{threshold}%,请说明原因",
        "'{indicator}' this year is {value}, {change}% against {previous} in {previous_year} "
        "(more than ±{threshold}%): please explain")),
    Rule("YOY-BASELINE", WARNING, YOY, Label(
        "“{indicator}”的2021年基数由 {previous_year} 年报中的 {previous} 改为 {value}",
        "The 2021 baseline of '{indicator}' changed from {previous} ({previous_year} report) to {value}")),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
