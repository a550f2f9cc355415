"""The PDFs' own words (headings, captions) in Chinese and English.

Field labels, units and choices come from parkdesk.forms and parkdesk.reference;
only what no form defines is here.
"""

from __future__ import annotations

from parkdesk.reference.labels import Label

L = Label

TEXTS: dict[str, Label] = {
    "plan": L("济南市服务贸易(外包)园区(基地)三年建设提升行动计划方案",
              "Jinan service-trade (outsourcing) parks: three-year action plan"),
    "report_title": L("{year} 年度建设发展报告", "Annual report {year}"),
    "report_subject": L("园区(基地)年度报告摘要", "Summary of a park's annual report"),
    "district_title": L("{year} 年度园区(基地)建设情况汇总", "Parks of the district, {year}"),
    "district_subject": L("区县(功能区)园区(基地)年度汇总", "District summary of the parks' annual reports"),
    "page": L("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
    "generated": L("生成于 {when}", "Generated {when}"),
    # cover
    "park": L("园区(基地)", "Park"),
    "year": L("年度", "Year"),
    "status": L("年报状态", "Report status"),
    "district": L("所在区县(功能区)", "District or zone"),
    "package_sha256": L("报送包 SHA-256", "Package SHA-256"),
    "package_qr_caption": L("扫码核对报送包文件的 SHA-256", "Scan to check the package file's SHA-256"),
    "signer_fingerprint": L("签名证书指纹(SHA-256)", "Signer certificate fingerprint (SHA-256)"),
    "signer_qr_caption": L("扫码核对签名证书指纹", "Scan to check the signer certificate's fingerprint"),
    "inside_package_note": L("报送包自身的 SHA-256 在打包完成后才能算出,见报送记录。",
                             "The package's own SHA-256 exists only once the package is complete: see the "
                             "record of sending."),
    "not_packaged": L("尚未打包报送", "Not packaged yet"),
    "package_unknown": L("已报送;本工作区没有该年报数据包的记录", "Submitted; this workspace holds no record of its package"),
    # sections without a form of their own
    "progress": L("目标进度", "Progress to target"),
    "unit": L("单位", "Unit"),
    "chain_legend": L("图例", "Legend"),
    "chain_none": L("未填写产业链环节。", "No chain links were entered."),
    "timeline_none": L("未填写阶段和里程碑。", "No stages or milestones were entered."),
    "theme": L("核心主题:{theme}", "Core theme: {theme}"),
    "number": L("序号", "No."),
    "enterprise_summary": L("企业名录概况", "Enterprise list at a glance"),
    "enterprise_total": L("名录共 {total} 家企业:重点企业 {key} 家,配套企业 {supporting} 家;"
                          "已入驻 {settled} 家,拟引进 {planned} 家。",
                          "{total} enterprises listed: {key} key, {supporting} supporting; "
                          "{settled} settled, {planned} to be attracted."),
    "by_role_status": L("按企业类型和入驻状态", "By role and status"),
    "by_chain_link": L("按产业链环节", "By chain link"),
    "by_distinction": L("按企业称号", "By distinction"),
    "count": L("企业数", "Enterprises"),
    "total": L("合计", "Total"),
    "no_link": L("(未关联环节)", "(no chain link)"),
    "appendix": L("附录:重点企业、配套企业名录(共 {total} 家)", "Appendix: key and supporting enterprises ({total})"),
    "appendix_left_out": L("本摘要未附完整名录。", "This summary leaves out the full list."),
    "appendix_privacy": L("完整名录见附录(不含联系人和联系电话)。",
                          "The full list is in the appendix (without contact names and phone numbers)."),
    "none": L("无", "None"),
    "validation": L("校验情况", "Validation"),
    "validation_summary": L("规则集版本 {version}:错误 {errors} 个,警告 {warnings} 个(已说明理由 {justified} 个),提示 {infos} 个。",
                            "Rule set {version}: {errors} errors, {warnings} warnings ({justified} justified), {infos} notes."),
    "validation_clean": L("未发现错误或警告。", "No errors or warnings."),
    "severity": L("级别", "Severity"),
    "rule": L("规则", "Rule"),
    "where": L("位置", "Where"),
    "finding": L("问题", "Finding"),
    "justification": L("说明理由", "Justification"),
    "unjustified": L("(未说明)", "(not justified)"),
    "more_findings": L("另有 {count} 条未列出,见 parkdesk validate。", "{count} more not listed; see parkdesk validate."),
    # district
    "district_parks": L("园区(基地)一览", "Parks"),
    "district_coverage": L("领域和类别覆盖", "Coverage of domains and categories"),
    "district_indicators": L("指标汇总", "Indicators rolled up"),
    "district_indicators_note": L("合计 {reports} 份 {year} 年度年报。", "Totals over {reports} reports of {year}."),
    "district_doubling": L("三个倍增(本区县合计)", "Three doublings (the district's totals)"),
    "baseline_total": L("2021年基数合计", "2021 baseline total"),
    "doubled_total": L("倍增目标(基数 × 2)", "Doubling target (baseline × 2)"),
    "actual_total": L("本年实际合计", "Actual total"),
    "district_no_parks": L("该区县(功能区)尚无园区(基地)。", "The district has no parks yet."),
    "no_report": L("无年报", "No report"),
    "errors": L("错误", "Errors"),
    "open_warnings": L("未说明警告", "Open warnings"),
    "parks_count": L("园区(基地){parks} 个,{year} 年度年报 {reports} 份", "{parks} parks, {reports} reports for {year}"),
    "covered": L("已覆盖", "Covered"),
    "industry_scale": L("产业规模(亿元)实际/目标", "Industry scale (100M CNY) actual / target"),
    "domain_group_key": L("重点领域", "Key domains"),
    "domain_group_characteristic": L("特色领域", "Characteristic domains"),
}


def t(text_key: str, lang: str = "zh", **params) -> str:
    text = TEXTS[text_key].text(lang)
    return text.format(**params) if params else text
