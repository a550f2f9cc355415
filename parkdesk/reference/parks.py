"""The 12 existing parks (重点加强我市现有12个园区(基地)) and their stated 2024 targets.

The plan names each park's domain (by its 重点任务 section) and category, and
states targets in prose. Targets with a number are structured against the
indicator catalogue so that validation can flag a report that lowers them
and the evaluation can score against them; the rest are kept as the plan's
words. The plan does not say which district a park is in, nor its
recognition level: a workspace records those.

A workspace park is one of the plan's parks when its code is the plan park's
code (`plan_park_of`): one rule for validation, the dashboard and the
evaluation. A park of that code with another name is the same park renamed
(validation warns, PLAN-NAME); a park that changed its code is no longer
matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class StatedTarget:
    """A numeric 2024 target; `indicator` is a key of the indicator catalogue."""

    indicator: str
    value: float
    text: str  # the plan's words
    # the 三个倍增 measure this figure stands for when the plan states the park's goal for it only this way
    # (齐鲁软件园's and 博科's enterprise goals are counts of core enterprises)
    measures: str | None = None


@dataclass(frozen=True)
class PlanPark:
    code: str
    name: str
    domain: str
    category: str
    targets: tuple[StatedTarget, ...] = ()
    # indicators the plan says must at least double by 2024 against 2021
    doubles: tuple[str, ...] = ()
    goals: tuple[str, ...] = field(default=())  # other stated goals, the plan's words

    def label(self) -> Label:
        return Label(self.name, self.name)


_BOTH = ("enterprise_count", "industry_scale")

PLAN_PARKS: tuple[PlanPark, ...] = (
    PlanPark(
        "QLRJY", "齐鲁软件园", "digital_trade", "first_class",
        targets=(
            StatedTarget("core_enterprise_count", 10000, "大数据与新一代信息产业核心企业达到1万家",
                         measures="enterprise_count"),
            StatedTarget("industry_scale", 5000, "产业规模达到5000亿元"),
            StatedTarget("service_exports", 150000, "数字服务出口规模达到15亿美元"),
            StatedTarget("service_export_share", 55, "占外贸出口比重达到55%左右"),
        ),
        goals=(
            "商务部国家数字服务出口基地综合考核争取达到优秀等次",
            "数字服务业务规模占比年均提高8%左右",
            "企业数量达到450家",
        ),
    ),
    PlanPark("SDSZDS", "山东数字产业大厦", "digital_trade", "comprehensive", doubles=_BOTH,
             goals=("服务企业数量和产业规模实现双倍增",)),
    PlanPark("HYSZKJ", "槐荫数字科技产业园", "digital_trade", "startup", doubles=_BOTH,
             goals=("实现企业数量和产业规模倍增发展", "积极申报省级特色服务出口基地")),
    PlanPark("SDZYYDX", "山东中医药大学", "tcm_medical_devices", "first_class", doubles=("service_exports",),
             goals=("商务部国家中医药服务出口基地综合考核争取达到优秀等次", "中医药服务出口规模实现倍增",
                    "力争在中医药诊疗国际标准制定等方面有所突破")),
    PlanPark(
        "BKKG", "博科控股集团有限公司", "tcm_medical_devices", "first_class",
        targets=(
            StatedTarget("core_enterprise_count", 10, "医养健康产业链、创新链核心企业达到10家",
                         measures="enterprise_count"),
            StatedTarget("industry_scale", 10, "核心企业产业总规模达到10亿元"),
        ),
        goals=("“双十”发展目标",),
    ),
    PlanPark("HJT", "山东宏济堂制药集团股份有限公司", "tcm_medical_devices", "first_class",
             doubles=("industry_scale",), goals=("积极申报国家中医药服务出口基地", "产业规模实现倍增")),
    PlanPark("GJWHCK", "国家文化出口基地", "culture", "first_class", doubles=_BOTH,
             goals=("商务部国家文化出口基地综合考核争取达到优秀等次", "文化企业数量和产业规模实现双倍增")),
    PlanPark("XGYWM", "新光影文化贸易创客基地", "culture", "comprehensive", doubles=_BOTH,
             goals=("实现服务企业数量和产业规模双倍增", "积极申报省级特色服务出口基地",
                    "对日、韩、东南亚等RCEP成员国的动漫、影视合作业务实现新突破和新提升")),
    PlanPark(
        "SDWLST", "山东网络视听产业园区", "culture", "startup", doubles=_BOTH,
        targets=(StatedTarget("enterprise_count", 60, "60家以上企业入驻"),),
        goals=("实现企业数量和产业规模倍增发展", "积极申报省级特色服务出口基地"),
    ),
    PlanPark("JNCXSJ", "济南国际创新设计产业园", "industrial_design", "comprehensive", doubles=_BOTH,
             goals=("服务企业数量和产业规模实现双倍增", "积极申报省级特色服务出口基地", "打造“济南设计”服务品牌")),
    PlanPark(
        "LKJJQ", "临空经济区发展中心", "industrial_design", "startup", doubles=_BOTH,
        targets=(
            StatedTarget("core_enterprise_count", 200, "智能制造、新一代信息技术、航空产业核心企业达到200家"),
            StatedTarget("industry_scale", 300, "产业规模达到300亿元"),
            StatedTarget("service_export_share", 15, "服务出口占外贸出口比重达到15%左右"),
        ),
        goals=("争创省级特色产业服务出口基地", "服务企业数量和产业规模实现双倍增"),
    ),
    PlanPark("SDYYFW", "山东语言服务出口基地", "language_services", "startup", doubles=_BOTH,
             goals=("服务企业数量和产业规模实现双倍增", "争创省级特色服务出口基地", "积极申报国家级特色服务出口基地")),
)
PLAN_PARK_BY_CODE = {p.code: p for p in PLAN_PARKS}
PLAN_PARK_BY_NAME = {p.name: p for p in PLAN_PARKS}  # for looking a plan park up by what a user typed


def plan_park_of(code: str | None) -> PlanPark | None:
    """The plan's park a workspace park is: matched by its code alone."""
    return PLAN_PARK_BY_CODE.get(code) if code else None
