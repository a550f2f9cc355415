"""The texts of validation: each rule's finding, by the rule's stable id (parkdesk/validation/rules.py)."""

TEXTS: dict[str, tuple[str, str]] = {
    "rule.FIELD-REQUIRED": (
        "“{field}”为必填项,当前为空",
        "'{field}' is required but empty"),
    "rule.FIELD-TYPE": (
        "“{field}”应为{expected},得到“{value}”",
        "'{field}' must be {expected}, found '{value}'"),
    "rule.FIELD-RANGE": (
        "“{field}”应在 {minimum} 至 {maximum} 之间,得到 {value}",
        "'{field}' must be between {minimum} and {maximum}, found {value}"),
    "rule.FIELD-LENGTH": (
        "“{field}”最多 {maximum} 个字符,当前 {length} 个",
        "'{field}' takes at most {maximum} characters, found {length}"),
    "rule.FIELD-CHOICE": (
        "“{field}”的取值“{value}”不在可选范围内(可选:{choices})",
        "'{field}' value '{value}' is not one of: {choices}"),
    "rule.FIELD-PHONE": (
        "“{field}”“{value}”不像电话号码(应为 7–20 位数字,可含 +、-、空格、括号)",
        "'{field}' '{value}' does not look like a phone number "
        "(7–20 digits, with + - spaces or brackets)"),
    "rule.FIELD-EMAIL": (
        "“{field}”“{value}”不是有效的电子邮箱地址",
        "'{field}' '{value}' is not a valid e-mail address"),
    "rule.ENT-USCC-FORMAT": (
        "统一社会信用代码“{value}”格式不对:应为 18 位,由数字和除 I、O、S、V、Z 以外的大写字母组成",
        "Unified social credit code '{value}' is malformed: 18 characters, digits and capital letters "
        "except I, O, S, V, Z"),
    "rule.ENT-USCC-CHECK": (
        "统一社会信用代码“{value}”校验位错误:最后一位应为“{expected}”",
        "Unified social credit code '{value}' fails its check: "
        "the last character should be '{expected}'"),
    "rule.ENT-USCC-ORGCHECK": (
        "统一社会信用代码“{value}”中的组织机构代码校验码应为“{expected}”(第 17 位)",
        "The organisation code inside '{value}' fails its check: character 17 should be '{expected}'"),
    "rule.REC-ENT-EXPORTS-REVENUE": (
        "服务出口额 {exports} 万美元(约 {exports_cny} 万元)超过营业收入 {revenue} 万元",
        "Service exports of {exports} ×10k USD (about {exports_cny} ×10k CNY) exceed revenue of {revenue} ×10k CNY"),
    "rule.ENT-EST-FUTURE": (
        "成立日期 {value} 晚于本年报年度({year}年)末",
        "Established {value}, after the end of the report year {year}"),
    "rule.IND-EXPORTS-EXCEED": (
        "{column}:服务出口额 {service} 万美元超过外贸出口额 {total} 万美元",
        "{column}: service exports of {service} ×10k USD exceed foreign-trade exports of {total} ×10k USD"),
    "rule.IND-WHOLE": (
        "“{indicator}”是数量,{column}应为整数({unit}),得到 {value}",
        "'{indicator}' is a count: {column} must be a whole number ({unit}), "
        "found {value}"),
    "rule.IND-MISSING": (
        "指标“{indicator}”缺少{column}",
        "Indicator '{indicator}': {column} is missing"),
    "rule.MS-IN-STAGE": (
        "里程碑计划日期 {value} 不在所属阶段 {stage} 年内",
        "Milestone due {value}, outside its stage year {stage}"),
    "rule.MS-OVERDUE": (
        "里程碑计划于 {value} 完成,至 {year} 年报时状态仍为“{status}”",
        "Milestone due {value} is still '{status}' in the {year} report"),
    "rule.ATT-HASH": (
        "附件“{value}”内容与登记的 SHA-256 不一致,文件可能已损坏",
        "Attachment '{value}' no longer matches its recorded SHA-256: it may be damaged"),
    "rule.ENT-DUP-USCC": (
        "统一社会信用代码“{value}”重复:与“{other}”相同",
        "Unified social credit code '{value}' appears twice: also on '{other}'"),
    "rule.ENT-DUP-NAME": (
        "企业名称“{value}”在名录中重复出现",
        "Enterprise name '{value}' appears more than once"),
    "rule.CHAIN-DUP-LINK": (
        "产业链环节“{value}”重复出现",
        "Chain link '{value}' appears more than once"),
    "rule.LIST-TRUNCATED": (
        "规则 {rule} 另有 {count} 处问题未逐条列出",
        "Rule {rule} found {count} more problems not listed one by one"),
    "rule.ENT-CHAIN-LINK": (
        "所选产业链环节(编号 {value})不在本年报的目标产业链全景图中",
        "The chain link (id {value}) is not in this report's chain map"),
    "rule.ENT-CHAIN-UNSET": (
        "企业未关联产业链环节",
        "The enterprise is not placed on a chain link"),
    "rule.IND-DERIVED-MISMATCH": (
        "指标“{indicator}”本年度实际为 {value},而{source}中为 {expected}",
        "Indicator '{indicator}' this year is {value}, but the {source} gives {expected}"),
    "rule.IND-COMPUTED-MISMATCH": (
        "“{indicator}”由其他指标计算({formula}):{column}应为 {expected},填写的是 {value}",
        "'{indicator}' is computed ({formula}): {column} should be {expected}, {value} was typed"),
    "rule.CHAIN-POSITION-EMPTY": (
        "目标产业链全景图缺少{position}环节",
        "The chain map has no {position} link"),
    "rule.PATH-STAGE-MISSING": (
        "产业发展路径图缺少 {stage} 阶段",
        "The path map lacks the {stage} stage"),
    "rule.PATH-THEME": (
        "{stage} 阶段的核心主题应为“{expected}”({category}),当前为“{value}”",
        "The {stage} stage's core theme should be '{expected}' ({category}), "
        "found '{value}'"),
    "rule.PATH-NO-MILESTONE": (
        "{stage} 阶段没有里程碑",
        "The {stage} stage has no milestone"),
    "rule.REQ-MISSING": (
        "缺少建设要求“{requirement}”的自评",
        "No self-assessment for requirement '{requirement}'"),
    "rule.PLAN-DOUBLING": (
        "行动计划方案要求本园区“{indicator}”实现倍增:2024年目标 {target} 未达到2021年基数 {baseline} 的两倍({expected})",
        "The plan asks this park to double '{indicator}': the 2024 target, {target}, is less than twice the "
        "2021 baseline {baseline} ({expected})"),
    "rule.PLAN-NAME": (
        "园区代码 {code} 是行动计划方案中的“{expected}”,本年报中的名称为“{value}”:若园区已更名,请说明",
        "The park code {code} is the plan's '{expected}', but this report names it '{value}': if the park was "
        "renamed, say so"),
    "rule.PLAN-STATED-TARGET": (
        "“{indicator}”2024年目标 {target} 低于行动计划方案确定的目标 {expected}(“{text}”)",
        "The 2024 target for '{indicator}', {target}, is below the plan's stated {expected} ('{text}')"),
    "rule.PLAN-LEVEL": (
        "争创一流类园区(基地)应为已获认定的国家级或省级园区(基地),当前认定级别为“{value}”",
        "A first-class park should already be recognised at national or provincial level; found '{value}'"),
    "rule.YOY-CHANGE": (
        "“{indicator}”本年度实际 {value} 较 {previous_year} 年的 {previous} 变化 {change}%,超过 ±{threshold}%,请说明原因",
        "'{indicator}' this year is {value}, {change}% against {previous} in {previous_year} "
        "(more than ±{threshold}%): please explain"),
    "rule.YOY-BASELINE": (
        "“{indicator}”的2021年基数由 {previous_year} 年报中的 {previous} 改为 {value}",
        "The 2021 baseline of '{indicator}' changed from {previous} ({previous_year} report) to {value}"),
}
