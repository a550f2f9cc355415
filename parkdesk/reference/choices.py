"""Closed choice lists the workspace stores by key (levels, roles, states...).

Each list is ordered as users see it. Keys are part of the workspace format.
"""

from __future__ import annotations

from parkdesk.reference.labels import Label
from parkdesk.texts import Text

Choices = tuple[tuple[str, Label | Text], ...]

RECOGNITION_LEVELS: Choices = (
    ("national", Label("国家级", "National")),
    ("provincial", Label("省级", "Provincial")),
    ("municipal", Label("市级", "Municipal")),
    ("county", Label("区县级", "District/county")),
    ("none", Label("尚未认定", "Not yet recognised")),
)

# the statuses of parkdesk.reports.status (keys are part of the workspace format); their names are
# "status.<key>" in the text catalogue
REPORT_STATUSES: Choices = tuple((key, Text(f"status.{key}"))
                                 for key in ("draft", "finalized", "submitted", "returned", "accepted"))

CHAIN_POSITIONS: Choices = (
    ("upstream", Label("上游", "Upstream")),
    ("midstream", Label("中游", "Midstream")),
    ("downstream", Label("下游", "Downstream")),
)

CHAIN_ACTIONS: Choices = (
    ("strengthen", Label("强链", "Strengthen")),
    ("fill", Label("补链", "Fill gap")),
    ("extend", Label("延链", "Extend")),
)

CHAIN_STATES: Choices = (
    ("existing", Label("已有", "Existing")),
    ("weak", Label("薄弱", "Weak")),
    ("missing", Label("缺失", "Missing")),
)

ENTERPRISE_ROLES: Choices = (
    ("key", Label("重点企业", "Key enterprise")),
    ("supporting", Label("配套企业", "Supporting enterprise")),
)

ENTERPRISE_STATUSES: Choices = (
    ("settled", Label("已入驻", "Settled")),
    ("planned", Label("拟引进", "To be attracted")),
)

MILESTONE_STATUSES: Choices = (
    ("planned", Label("计划中", "Planned")),
    ("in_progress", Label("进行中", "In progress")),
    ("done", Label("已完成", "Done")),
    ("delayed", Label("已延期", "Delayed")),
)

SELF_RATINGS: Choices = (
    ("met", Label("已达到", "Met")),
    ("partly", Label("部分达到", "Partly met")),
    ("not_met", Label("未达到", "Not met")),
)


def keys(choices: Choices) -> tuple[str, ...]:
    return tuple(key for key, _ in choices)


def label_of(choices: Choices, key: str | None, lang: str = "zh") -> str:
    for candidate, label in choices:
        if candidate == key:
            return label.text(lang)
    return key or ""
