"""The PDF writers' messages, in Chinese and English."""

from __future__ import annotations

from parkdesk.messages import message, register

register({
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
})


def undrawable_lines(found: dict[str, str], lang: str) -> list[str]:
    """The export's note on names holding characters no font could draw: a heading, then one line per name."""
    if not found:
        return []
    return [message("pdf.undrawable", lang, count=len(found))] + [
        message("pdf.undrawable_name", lang, name=name,
                characters=" ".join(f"{char} U+{ord(char):04X}" for char in characters))
        for name, characters in found.items()]
