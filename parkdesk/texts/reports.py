"""The texts of reports (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "start.unknown_plan_park": ("方案中没有园区“{park}”。可选的园区代码:{codes}",
                                "The plan has no park '{park}'. Its park codes are: {codes}"),
    "start.park_exists": ("工作区中已有园区“{name}”({code})", "The workspace already has the park '{name}' ({code})"),
    "start.park_field": ("园区信息有误:{problem}", "The park's details are wrong: {problem}"),
    "start.bad_code": (
        "园区代码“{code}”无效:应为 1–32 个大写字母、数字、- 或 _,以字母或数字开头",
        "The park code '{code}' is invalid: 1–32 capital letters, digits, - or _, starting with a letter or digit",
    ),
    "start.plan_code_clash": ("代码“{value}”属于方案中已有的园区“{name}”;请从方案的 12 个园区中选择它,或换一个代码",
                              "The code '{value}' belongs to the plan's park '{name}'; choose that park from the "
                              "plan's 12 parks, or use another code"),
    "start.plan_name_clash": ("“{value}”是方案中已有的园区({code});请从方案的 12 个园区中选择它",
                              "'{value}' is one of the plan's parks ({code}); choose it from the plan's 12 parks"),
    "start.year_outside_plan": ("年度 {year} 不在三年行动计划的年度({years})之内",
                                "The year {year} is outside the plan's years ({years})"),
    "start.report_exists": ("{park} 已有 {year} 年的年报,不能重复创建",
                            "{park} already has a report for {year}; it cannot be started twice"),
    "start.park_choice": ("请指定方案中的园区或填写新园区信息(二者选一)",
                          "Give either one of the plan's parks or the details of a new park (one of the two)"),
    "start.year_needs_park": ("--year 只能与 --park 一起使用", "--year only goes with --park"),
    "start.workspace_written": ("已创建工作区:{path};{park} {year} 年报草稿已就绪,可开始填报",
                                "Workspace created: {path}; the {year} draft report of {park} is ready to fill in"),
    # the report's states (parkdesk/reports/status.py)
    "status.draft": ("草稿", "Draft"),
    "status.finalized": ("已定稿", "Finalized"),
    "status.submitted": ("已报送", "Submitted"),
    "status.returned": ("已退回", "Returned"),
    "status.accepted": ("已通过", "Accepted"),
}
