"""The texts of app (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "job.cancelled": ("已取消;没有做任何改动。", "Cancelled; nothing was changed."),
}
