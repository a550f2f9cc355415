"""The seven construction requirements (建设要求) a park reports on."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class Requirement:
    number: int
    key: str
    label: Label
    headline: Label
    summary: Label


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(1, "distinctive", Label("特色鲜明", "Distinctive"),
                Label("高站位谋划产业发展", "Plan industrial development from a high vantage point"),
                Label("完善定位和产业规划,编制“两图一表”:目标产业链全景图、产业发展路径图和重点企业、配套企业名录表",
                      "Positioning and industrial plan; the two maps and one list")),
    Requirement(2, "infrastructure", Label("基础完善", "Complete infrastructure"),
                Label("高水准建设配套设施", "Build supporting facilities to a high standard"),
                Label("办公与生活配套;5G、大数据中心、人工智能、工业互联网、物联网等新型基础设施;智慧园区",
                      "Office and living facilities; 5G, data centres, AI, industrial internet, IoT; smart park")),
    Requirement(3, "management", Label("管理规范", "Standardized management"),
                Label("高标准考评建设绩效", "Appraise construction performance to a high standard"),
                Label("围绕建筑载体、基础设施、安全环保、企业服务、人员考核等建立和完善管理制度体系",
                      "Management system: buildings, infrastructure, safety and environment, enterprise services, staff appraisal")),
    Requirement(4, "services", Label("服务周全", "Comprehensive services"),
                Label("高品质优化公共平台", "Optimize public platforms to high quality"),
                Label("建设和培育服务贸易(外包)公共服务平台", "Build and foster public service platforms")),
    Requirement(5, "synergy", Label("产业协同", "Industrial synergy"),
                Label("高质量深化融合发展", "Deepen integrated development with high quality"),
                Label("跨园区(基地)跨行业对接交流与合作,与制造业、服务业龙头企业常态化互动",
                      "Cross-park and cross-industry cooperation with manufacturing and service leaders")),
    Requirement(6, "talent", Label("引育并举", "Attract and cultivate talent"),
                Label("高层次保障人才供给", "Secure a high-level talent supply"),
                Label("校政企合作、产教融合、培训机构引进、高技能人才和国际化人才引进",
                      "School–government–enterprise cooperation, training institutions, high-skill and international talent")),
    Requirement(7, "safeguards", Label("强化保障", "Strengthened safeguards"),
                Label("高效能推进政策机制创新", "Drive policy and institutional innovation efficiently"),
                Label("落实各级政策措施,安排专项财政资金,推进体制机制创新,形成可复制、可推广的创新成果和典型案例",
                      "Apply policies, dedicated funds, institutional innovation, replicable cases")),
)
REQUIREMENT_BY_KEY = {r.key: r for r in REQUIREMENTS}
