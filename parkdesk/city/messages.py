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
    "city.bad_choice": ("{field} 的取值“{value}”不在可选范围内(可选:{choices})",
                        "{field}: '{value}' is not one of: {choices}"),
    "city.recognition_empty": ("请至少给出新的类别(--category)或认定级别(--level)",
                               "Give the new category (--category) or level (--level), or both"),
    "city.document_missing": ("请给出认定文件的文号(--document)", "Give the recognition document's number (--document)"),
    "city.evaluator_missing": ("请给出第三方评价机构的名称(--evaluator)", "Give the third-party evaluator's name (--evaluator)"),
    "city.bad_score": ("得分“{value}”应为不小于 0、最多 4 位小数的数", "The score '{value}' must be a number ≥ 0 with at most 4 decimals"),
    "city.recognition_recorded": ("已记录 {park} 的认定变更({date},{document})",
                                  "Recorded the recognition change of {park} ({date}, {document})"),
    "city.third_party_recorded": ("已记录第三方评价结果:{park} {year} 年度 {grade}({evaluator})",
                                  "Recorded the third party's result: {park} {year} {grade} ({evaluator})"),
})
