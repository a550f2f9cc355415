"""The indicator catalogue (指标): what every annual report tracks.

Each indicator has a 2021 baseline, a 2024 target and the year's actual.
Computed indicators are computed from two others of the same report
(`computed_from`: numerator ÷ denominator × 100, parkdesk.figures.totals);
derived ones can be counted from the enterprise list or the platforms of the
same report. Counts (企业、平台、标准…) are whole numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label

# kinds
COUNT = "count"
AMOUNT = "amount"
PERCENT = "percent"

# how the actual value comes about
ENTERED = "entered"
COMPUTED = "computed"  # from other indicators of the same report
DERIVED = "derived"  # counted from the enterprise list or platforms


@dataclass(frozen=True)
class IndicatorDef:
    key: str
    label: Label
    unit: Label
    kind: str
    source: str = ENTERED
    derived_from: str | None = None  # e.g. "distinction:listed", "platforms"
    computed_from: tuple[str, str] | None = None  # COMPUTED: (numerator, denominator) × 100
    doubling_goal: bool = False  # one of 三个倍增 inside parks
    help: Label | None = None

    def text(self, lang: str = "zh") -> str:
        return self.label.text(lang)


_HOUSEHOLDS = Label("家", "enterprises")
_ITEMS = Label("项", "items")
_WAN_USD = Label("万美元", "10k USD")

INDICATORS: tuple[IndicatorDef, ...] = (
    IndicatorDef("enterprise_count", Label("园区企业数量", "Enterprises in the park"), _HOUSEHOLDS, COUNT,
                 doubling_goal=True,
                 help=Label("园区(基地)内服务贸易(外包)企业总数", "All service-trade (outsourcing) enterprises in the park")),
    IndicatorDef("industry_scale", Label("产业规模", "Industry scale"), Label("亿元", "100M CNY"), AMOUNT,
                 doubling_goal=True),
    IndicatorDef("service_trade_value", Label("服务贸易(外包)执行额", "Service trade (outsourcing) executed value"),
                 _WAN_USD, AMOUNT),
    IndicatorDef("service_exports", Label("服务出口额", "Service exports"), _WAN_USD, AMOUNT),
    IndicatorDef("foreign_trade_exports", Label("外贸出口额", "Foreign-trade exports"), _WAN_USD, AMOUNT),
    IndicatorDef("service_export_share", Label("服务出口占外贸出口比重", "Service exports as share of foreign-trade exports"),
                 Label("%", "%"), PERCENT, source=COMPUTED,
                 computed_from=("service_exports", "foreign_trade_exports"),
                 help=Label("服务出口额 ÷ 外贸出口额 × 100", "service exports ÷ foreign-trade exports × 100")),
    IndicatorDef("employees", Label("从业人员", "Employees"), Label("人", "persons"), COUNT),
    IndicatorDef("core_enterprise_count", Label("核心企业数量", "Core enterprises"), _HOUSEHOLDS, COUNT),
    IndicatorDef("platform_count", Label("公共服务平台数量", "Public service platforms"), Label("个", "platforms"), COUNT,
                 source=DERIVED, derived_from="platforms"),
    IndicatorDef("standards_international", Label("主导或参与国际标准", "International standards led or joined"),
                 _ITEMS, COUNT),
    IndicatorDef("standards_national", Label("主导或参与国家标准", "National standards led or joined"), _ITEMS, COUNT),
    IndicatorDef("standards_industry", Label("主导或参与行业标准", "Industry standards led or joined"), _ITEMS, COUNT),
    IndicatorDef("standards_local", Label("主导或参与地方标准", "Local standards led or joined"), _ITEMS, COUNT),
    IndicatorDef("listed_count", Label("上市公司数量", "Listed companies"), _HOUSEHOLDS, COUNT,
                 source=DERIVED, derived_from="distinction:listed"),
    IndicatorDef("unicorn_count", Label("独角兽企业数量", "Unicorns"), _HOUSEHOLDS, COUNT,
                 source=DERIVED, derived_from="distinction:unicorn"),
    IndicatorDef("global_top100_count", Label("全球百强企业数量", "Global top-100 enterprises"), _HOUSEHOLDS, COUNT,
                 source=DERIVED, derived_from="distinction:global_top100"),
    IndicatorDef("leading_count", Label("龙头企业数量", "Leading enterprises"), _HOUSEHOLDS, COUNT,
                 source=DERIVED, derived_from="distinction:leading"),
    IndicatorDef("specialized_count", Label("“专精特新”企业数量", "Specialized and innovative SMEs"), _HOUSEHOLDS, COUNT,
                 source=DERIVED, derived_from="distinction:specialized"),
    IndicatorDef("little_giant_count", Label("“小巨人”企业数量", "'Little giant' enterprises"), _HOUSEHOLDS, COUNT,
                 source=DERIVED, derived_from="distinction:little_giant"),
)
INDICATOR_BY_KEY = {i.key: i for i in INDICATORS}
