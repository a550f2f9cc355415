"""The city view's messages, in Chinese and English."""

from __future__ import annotations

from parkdesk.messages import register

register({
    "city.scheme_unreadable": ("无法读取考核方案文件:{path}({reason})",
                               "Cannot read the scoring scheme file: {path} ({reason})"),
    "city.scheme_invalid": ("考核方案有误:{problem}(文件:{path})",
                            "The scoring scheme is not valid: {problem} (file: {path})"),
    "city.bad_year": ("年度 {year} 不在行动计划年度 {first}–{last} 之内",
                      "The year {year} is outside the plan's years {first}–{last}"),
    "city.no_reports": ("{year} 年度没有可计入的年报(状态须为:{statuses}),无法考核评价",
                        "No report of {year} counts (its status must be one of: {statuses}); nothing to evaluate"),
    "city.no_evaluation": ("工作区中没有编号为 {evaluation_id} 的考核评价",
                           "The workspace has no evaluation with id {evaluation_id}"),
    "city.evaluated": ("已完成 {year} 年度考核评价(编号 {evaluation_id},{parks} 个园区,方案指纹 {fingerprint}),"
                       "结果已写入:{path}",
                       "Evaluated {year} (evaluation {evaluation_id}, {parks} parks, scheme fingerprint "
                       "{fingerprint}); written to: {path}"),
})
