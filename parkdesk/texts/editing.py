"""The texts of editing (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "attach.unreadable": ("无法读取要附加的文件:{path}({reason})", "Cannot read the file to attach: {path} ({reason})"),
    "attach.too_big": ("文件过大({size} MB),附件最大 {limit} MB:{path}",
                       "The file is too big ({size} MB); attachments may be up to {limit} MB: {path}"),
    "edit.conflict": (
        "无法保存这项修改:{detail}。修改未生效。",
        "This change cannot be saved: {detail}. Nothing was changed.",
    ),
    "edit.duplicate": (
        "无法保存:已有相同的{what}。修改未生效。",
        "Cannot save: the same {what} already exists. Nothing was changed.",
    ),
    "edit.no_such_reference": ("没有名为“{name}”的{field}", "No {field} named '{name}'"),
}
