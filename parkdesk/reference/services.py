"""Public service types (公共服务) a platform provides, in the plan's order."""

from __future__ import annotations

from parkdesk.reference.labels import Label

SERVICE_TYPES: tuple[tuple[str, Label], ...] = (
    ("information", Label("信息资讯", "Information")),
    ("tech_innovation", Label("技术创新", "Technology innovation")),
    ("trade_promotion", Label("交易促进", "Trade promotion")),
    ("digital_upgrade", Label("数字化升级", "Digital upgrading")),
    ("finance_insurance", Label("融资保险", "Financing and insurance")),
    ("inspection_testing", Label("检验检测", "Inspection and testing")),
    ("certification_training", Label("认证培训", "Certification training")),
    ("credit_rating", Label("信用评价", "Credit rating")),
    ("translation", Label("专业翻译", "Professional translation")),
    ("legal", Label("法律咨询", "Legal consulting")),
    ("patents_ip", Label("专利及知识产权", "Patents and intellectual property")),
    ("talent_training", Label("人才培训", "Talent training")),
)
SERVICE_TYPE_BY_KEY = dict(SERVICE_TYPES)
