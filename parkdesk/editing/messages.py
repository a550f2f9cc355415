"""Messages of the editing layer."""

from parkdesk.messages import register

register({
    "edit.conflict": (
        "无法保存这项修改:{detail}。修改未生效。",
        "This change cannot be saved: {detail}. Nothing was changed.",
    ),
    "edit.duplicate": (
        "无法保存:已有相同的{what}。修改未生效。",
        "Cannot save: the same {what} already exists. Nothing was changed.",
    ),
})
