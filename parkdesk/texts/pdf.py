"""The texts of pdf (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "pdf.font_none": (
        "找不到可嵌入 PDF 的中文字体(须为 TrueType 轮廓)。请安装文泉驿微米黑"
        "(Debian/Ubuntu:apt install fonts-wqy-microhei),或用环境变量 PARKDESK_PDF_FONT "
        "或设置项 pdf_font 指定字体文件(如 msyh.ttc、simhei.ttf)。未生成 PDF。已查找:{searched}",
        "No Chinese font that can be embedded in a PDF (TrueType outlines) was found. Install WenQuanYi Micro Hei "
        "(Debian/Ubuntu: apt install fonts-wqy-microhei), or name a font file with the environment variable "
        "PARKDESK_PDF_FONT or the setting pdf_font (e.g. msyh.ttc, simhei.ttf). No PDF was written. "
        "Searched: {searched}",
    ),
    "pdf.font_missing": (
        "指定的 PDF 字体文件不存在:{path}(来自 {origin})",
        "The PDF font file configured does not exist: {path} (from {origin})",
    ),
    "pdf.font_unreadable": (
        "无法读取字体文件 {path}:{reason}",
        "Cannot read the font file {path}: {reason}",
    ),
    "pdf.font_cff": (
        "字体 {path} 使用 PostScript(CFF)轮廓,无法嵌入 PDF。思源黑体、Noto Sans CJK 等 .otf/.ttc 字体都属此类;"
        "请改用 TrueType 轮廓的中文字体,如 msyh.ttc、simhei.ttf、simsun.ttc、wqy-microhei.ttc。",
        "The font {path} has PostScript (CFF) outlines, which cannot be embedded in the PDF; Source Han Sans and "
        "Noto Sans CJK .otf/.ttc fonts are of this kind. Use a TrueType-outline Chinese font instead, such as "
        "msyh.ttc, simhei.ttf, simsun.ttc or wqy-microhei.ttc.",
    ),
    "pdf.font_no_cjk": (
        "字体 {path} 不含中文字形(缺少“{missing}”),中文将无法显示;请指定一种中文字体。",
        "The font {path} has no Chinese glyphs (it lacks '{missing}'), so Chinese text would not show; "
        "name a Chinese font.",
    ),
    "pdf.cancelled": ("已取消生成 PDF,未写入文件:{path}", "PDF export cancelled; no file was written: {path}"),
    "pdf.no_report": ("工作区中没有编号为 {report_id} 的年报", "The workspace has no report with id {report_id}"),
    "pdf.no_division": ("没有代码为 {code} 的区县(功能区)", "There is no district or zone with the code {code}"),
    "pdf.written": ("已生成 PDF:{path}", "PDF written: {path}"),
    "pdf.undrawable": (
        "注意:{count} 个名称中有字符没有任何可用字体能显示,PDF 中这些字符为空白"
        "(可安装 fonts-wqy-zenhei 等字体,或用 PARKDESK_PDF_FONT 指定字库更全的字体):",
        "Note: {count} name(s) hold characters no available font can draw; they are blank in the PDF (install a "
        "font such as fonts-wqy-zenhei, or name a fuller font with PARKDESK_PDF_FONT):",
    ),
    "pdf.undrawable_name": ("  {name}(无法显示:{characters})", "  {name} (cannot draw: {characters})"),
    # parkdesk/pdf/texts.py words
    "pdf.plan": ("济南市服务贸易(外包)园区(基地)三年建设提升行动计划方案",
              "Jinan service-trade (outsourcing) parks: three-year action plan"),
    "pdf.report_title": ("{year} 年度建设发展报告", "Annual report {year}"),
    "pdf.report_subject": ("园区(基地)年度报告摘要", "Summary of a park's annual report"),
    "pdf.district_title": ("{year} 年度园区(基地)建设情况汇总", "Parks of the district, {year}"),
    "pdf.district_subject": ("区县(功能区)园区(基地)年度汇总", "District summary of the parks' annual reports"),
    "pdf.page": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
    "pdf.generated": ("生成于 {when}", "Generated {when}"),
    # cover
    "pdf.year": ("年度", "Year"),
    "pdf.status": ("年报状态", "Report status"),
    "pdf.district": ("所在区县(功能区)", "District or zone"),
    "pdf.package_sha256": ("报送包 SHA-256", "Package SHA-256"),
    "pdf.package_qr_caption": ("扫码核对报送包文件的 SHA-256", "Scan to check the package file's SHA-256"),
    "pdf.signer_fingerprint": ("签名证书指纹(SHA-256)", "Signer certificate fingerprint (SHA-256)"),
    "pdf.signer_qr_caption": ("扫码核对签名证书指纹", "Scan to check the signer certificate's fingerprint"),
    "pdf.inside_package_note": ("报送包自身的 SHA-256 在打包完成后才能算出,见报送记录。",
                             "The package's own SHA-256 exists only once the package is complete: see the "
                             "record of sending."),
    "pdf.not_packaged": ("尚未打包报送", "Not packaged yet"),
    "pdf.package_unknown": ("已报送;本工作区没有该年报数据包的记录", "Submitted; this workspace holds no record of its package"),
    # sections without a form of their own
    "pdf.progress": ("目标进度", "Progress to target"),
    "pdf.unit": ("单位", "Unit"),
    "pdf.timeline_none": ("未填写阶段和里程碑。", "No stages or milestones were entered."),
    "pdf.theme": ("核心主题:{theme}", "Core theme: {theme}"),
    "pdf.number": ("序号", "No."),
    "pdf.enterprise_total": ("名录共 {total} 家企业:重点企业 {key} 家,配套企业 {supporting} 家;"
                          "已入驻 {settled} 家,拟引进 {planned} 家。",
                          "{total} enterprises listed: {key} key, {supporting} supporting; "
                          "{settled} settled, {planned} to be attracted."),
    "pdf.by_role_status": ("按企业类型和入驻状态", "By role and status"),
    "pdf.by_chain_link": ("按产业链环节", "By chain link"),
    "pdf.by_distinction": ("按企业称号", "By distinction"),
    "pdf.count": ("企业数", "Enterprises"),
    "pdf.total": ("合计", "Total"),
    "pdf.no_link": ("(未关联环节)", "(no chain link)"),
    "pdf.appendix": ("附录:重点企业、配套企业名录(共 {total} 家)", "Appendix: key and supporting enterprises ({total})"),
    "pdf.appendix_left_out": ("本摘要未附完整名录。", "This summary leaves out the full list."),
    "pdf.appendix_privacy": ("完整名录见附录(不含联系人和联系电话)。",
                          "The full list is in the appendix (without contact names and phone numbers)."),
    "pdf.none": ("无", "None"),
    "pdf.validation": ("校验情况", "Validation"),
    "pdf.validation_summary": ("规则集版本 {version}:错误 {errors} 个,警告 {warnings} 个(已说明理由 {justified} 个),提示 {infos} 个。",
                            "Rule set {version}: {errors} errors, {warnings} warnings ({justified} justified), {infos} notes."),
    "pdf.validation_clean": ("未发现错误或警告。", "No errors or warnings."),
    "pdf.severity": ("级别", "Severity"),
    "pdf.rule": ("规则", "Rule"),
    "pdf.where": ("位置", "Where"),
    "pdf.finding": ("问题", "Finding"),
    "pdf.justification": ("说明理由", "Justification"),
    "pdf.unjustified": ("(未说明)", "(not justified)"),
    "pdf.more_findings": ("另有 {count} 条未列出,见 parkdesk validate。", "{count} more not listed; see parkdesk validate."),
    # district
    "pdf.district_parks": ("园区(基地)一览", "Parks"),
    "pdf.district_coverage": ("领域和类别覆盖", "Coverage of domains and categories"),
    "pdf.district_indicators": ("指标汇总", "Indicators rolled up"),
    "pdf.district_indicators_note": ("合计 {reports} 份 {year} 年度年报。", "Totals over {reports} reports of {year}."),
    "pdf.district_doubling": ("三个倍增(本区县合计)", "Three doublings (the district's totals)"),
    "pdf.baseline_total": ("2021年基数合计", "2021 baseline total"),
    "pdf.doubled_total": ("倍增目标(基数 × 2)", "Doubling target (baseline × 2)"),
    "pdf.actual_total": ("本年实际合计", "Actual total"),
    "pdf.district_no_parks": ("该区县(功能区)尚无园区(基地)。", "The district has no parks yet."),
    "pdf.no_report_filed": ("无年报", "No report"),
    "pdf.errors": ("错误", "Errors"),
    "pdf.open_warnings": ("未说明警告", "Open warnings"),
    "pdf.parks_count": ("园区(基地){parks} 个,{year} 年度年报 {reports} 份", "{parks} parks, {reports} reports for {year}"),
    "pdf.covered": ("已覆盖", "Covered"),
    "pdf.industry_scale": ("产业规模(亿元)实际/目标", "Industry scale (100M CNY) actual / target"),
    "pdf.domain_group_key": ("重点领域", "Key domains"),
    "pdf.domain_group_characteristic": ("特色领域", "Characteristic domains"),
    # parkdesk/pdf/year_over_year.py words
    "yoy.title": ("与上年度对比({previous} → {year})", "Year over year ({previous} → {year})"),
    "yoy.indicators": ("指标变化与目标进度", "Indicators against targets"),
    "yoy.unit": ("单位", "Unit"),
    "yoy.previous": ("{year} 年实际", "{year} actual"), "yoy.current": ("{year} 年实际", "{year} actual"),
    "yoy.change": ("变化", "Change"),
    "yoy.progress": ("目标进度", "Progress"),
    "yoy.enterprises": ("企业名录变化", "Enterprise list"),
    "yoy.enterprise_counts": ("新增 {added} 家,减少 {removed} 家,信息有变化 {changed} 家,未变 {unchanged} 家"
                           "(按信用代码比对,无代码的按名称)。",
                           "{added} added, {removed} removed, {changed} changed, {unchanged} unchanged (matched by "
                           "credit code, else by name)."),
    "yoy.changed": ("信息变化", "Changed"), "yoy.what_changed": ("变化内容", "What changed"),
    "yoy.added": ("新增", "Added"), "yoy.removed": ("减少", "Removed"), "yoy.kind": ("变化", "Change"),
    "yoy.more": ("另有 {count} 家未列出。", "{count} more not listed."),
    "yoy.milestones": ("里程碑变动", "Milestones moved"),
    "yoy.none_moved": ("里程碑的日期和状态均无变化。", "No milestone changed its date or status."),
}
