"""The 4 key domains (四大重点领域) and 4 characteristic domains (四大特色领域)."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label

KEY = "key"
CHARACTERISTIC = "characteristic"


@dataclass(frozen=True)
class Domain:
    key: str
    label: Label
    group: str  # KEY or CHARACTERISTIC
    # The heading the plan's 重点任务 section uses for this domain, where it has one.
    section_title: str | None = None

    def text(self, lang: str = "zh") -> str:
        return self.label.text(lang)


DOMAINS: tuple[Domain, ...] = (
    Domain("digital_trade", Label("数字贸易", "Digital trade"), KEY, "数字技术和数字服务"),
    Domain(
        "tcm_medical_devices",
        Label("中医药和医疗器械服务", "Traditional Chinese medicine and medical device services"),
        KEY,
        "中医药和医疗器械服务",
    ),
    Domain("culture", Label("文化产品和服务", "Cultural products and services"), KEY, "文化产品和服务"),
    Domain(
        "industrial_design",
        Label("工业设计和检验维修", "Industrial design, inspection and maintenance"),
        KEY,
        "工业设计和检测维修",
    ),
    Domain("intellectual_property", Label("知识产权", "Intellectual property"), CHARACTERISTIC),
    Domain("human_resources", Label("人力资源", "Human resources"), CHARACTERISTIC),
    Domain("geographic_information", Label("地理信息", "Geographic information"), CHARACTERISTIC),
    Domain("language_services", Label("语言服务", "Language services"), CHARACTERISTIC, "语言服务"),
)
DOMAIN_BY_KEY = {d.key: d for d in DOMAINS}
KEY_DOMAINS = tuple(d for d in DOMAINS if d.group == KEY)
CHARACTERISTIC_DOMAINS = tuple(d for d in DOMAINS if d.group == CHARACTERISTIC)
