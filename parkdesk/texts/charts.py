"""The texts of charts (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "chart.chain_title": ("目标产业链全景图", "Target industry-chain panorama"),
    "chart.report_missing": ("工作区中没有编号为 {report_id} 的年报",
                             "The workspace has no report with id {report_id}"),
    "chart.export_failed": ("无法导出图表:{path}({reason})", "Cannot export the chart: {path} ({reason})"),
    "chart.enterprise_count": ("企业 {count} 家", "Enterprises: {count}"),
    "chart.no_links_in_segment": ("暂无环节", "No links yet"),
    "chart.empty_column": ("暂无", "None yet"),
    "chart.chain_empty": ("尚未填写产业链环节", "No chain links yet"),
    "chart.unlinked": ("另有 {count} 家企业未关联产业链环节", "{count} more enterprises are not on any chain link"),
    "chart.tooltip_segment": ("所属环节组:{segment}({position})", "Segment: {segment} ({position})"),
}
