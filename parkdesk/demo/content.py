"""Demo content per park and domain: districts, positioning, chain templates, sizes.

The plan does not say which district each park is in or its recognition
level; the values below are plausible demo choices, not reference data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoProfile:
    division: str
    level: str
    operator: str
    list_size: int  # enterprises in the 2024 list by default
    positioning: str
    # 2021 baselines: enterprises, industry scale 亿元, service exports 万美元,
    # foreign-trade exports 万美元, employees, core enterprises
    baseline: tuple[float, float, float, float, float, float]


PROFILES: dict[str, DemoProfile] = {
    "QLRJY": DemoProfile("Z01", "national", "济南高新区齐鲁软件园发展中心", 300,
                         "全省一流、国内领先、国际知名的数字服务出口基地",
                         (4200, 2400, 62000, 140000, 260000, 4800)),
    "SDSZDS": DemoProfile("370102", "municipal", "山东数字产业大厦运营管理有限公司", 120,
                          "新一代信息技术产业4.0版智慧生态园区和智慧城市应用场景示范园区",
                          (180, 95, 5200, 16000, 9000, 40)),
    "HYSZKJ": DemoProfile("370104", "municipal", "槐荫区数字科技产业园运营中心", 60,
                          "数字科技创业创新高地和数字产业化、产业数字化发展高地",
                          (45, 12, 600, 3000, 1800, 8)),
    "SDZYYDX": DemoProfile("370113", "national", "山东中医药大学国际教育与交流中心", 80,
                           "国内领先、国际一流的中医药服务出口基地",
                           (60, 40, 1800, 5200, 12000, 15)),
    "BKKG": DemoProfile("370112", "provincial", "博科控股集团有限公司", 70,
                        "省内领先、全国一流的医疗器械及相关服务出口基地",
                        (22, 4.2, 2600, 9800, 3500, 4)),
    "HJT": DemoProfile("370102", "provincial", "山东宏济堂制药集团股份有限公司", 60,
                       "省内领先、国内一流的中医药服务出口基地",
                       (30, 28, 1500, 7400, 4200, 6)),
    "GJWHCK": DemoProfile("Z01", "national", "国家文化出口基地(济南)管理办公室", 160,
                          "国内领先、国际一流的文化园区和黄河流域“文化出海”高能级服务平台",
                          (210, 65, 8800, 21000, 15000, 35)),
    "XGYWM": DemoProfile("370103", "municipal", "新光影文化贸易创客基地运营有限公司", 80,
                         "以动漫影视为特色的数字服务出口基地",
                         (70, 6.5, 900, 2100, 2200, 10)),
    "SDWLST": DemoProfile("370105", "county", "山东网络视听产业园区管理有限公司", 50,
                          "以网络视听为核心的数字内容服务出口基地",
                          (28, 3.2, 150, 800, 900, 5)),
    "JNCXSJ": DemoProfile("370112", "municipal", "济南国际创新设计产业园运营中心", 90,
                          "江北最大的工业设计产业聚集园区",
                          (95, 18, 1200, 6400, 5200, 16)),
    "LKJJQ": DemoProfile("370112", "municipal", "济南临空经济区发展中心", 120,
                         "以检验检测和维修服务为特色的生产性服务业基地",
                         (85, 120, 2100, 26000, 11000, 90)),
    "SDYYFW": DemoProfile("370102", "municipal", "山东语言服务出口基地运营中心", 40,
                          "以语言服务为核心的特色服务出口基地",
                          (35, 2.4, 420, 1300, 1500, 6)),
}

# how fast each park moves toward its targets (1 = on the demo's common path): the parks grow unevenly, so the
# city's evaluation has a ranking to show (2023: 0.65 × pace of the way to each park's 2024 target)
PACE: dict[str, float] = {
    "QLRJY": 0.95, "SDSZDS": 1.05, "HYSZKJ": 0.55, "SDZYYDX": 0.85, "BKKG": 0.9, "HJT": 0.7, "GJWHCK": 1.0,
    "XGYWM": 0.8, "SDWLST": 0.45, "JNCXSJ": 0.75, "LKJJQ": 0.65, "SDYYFW": 0.6,
}

# segments per position: (segment name, ((link name, action, state), ...))
CHAIN_TEMPLATES: dict[str, dict[str, tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]]] = {
    "digital_trade": {
        "upstream": (("基础软硬件", (("集成电路设计", "fill", "weak"), ("基础软件", "strengthen", "existing"))),
                     ("数据资源", (("数据采集与标注", "fill", "missing"),))),
        "midstream": (("数字技术服务", (("云计算", "strengthen", "existing"), ("大数据", "strengthen", "existing"),
                                      ("人工智能", "fill", "weak"), ("工业互联网", "strengthen", "existing"))),
                      ("软件研发", (("软件研发外包", "strengthen", "existing"),))),
        "downstream": (("数字服务应用", (("离岸外包", "extend", "weak"), ("金融保险科技", "extend", "existing"),
                                        ("智慧城市应用", "extend", "existing"))),),
    },
    "tcm_medical_devices": {
        "upstream": (("原料与研发", (("中药材种植与炮制", "fill", "weak"), ("医药研发", "strengthen", "existing"))),),
        "midstream": (("产品与制造", (("中药制剂", "strengthen", "existing"), ("医疗器械制造", "strengthen", "existing"),
                                     ("临床研究服务", "fill", "missing"))),),
        "downstream": (("服务与出口", (("中医药服务出口", "strengthen", "existing"), ("国际医疗保健", "extend", "weak"),
                                      ("中医药文化旅游", "extend", "missing"), ("教育培训", "extend", "existing"))),),
    },
    "culture": {
        "upstream": (("内容创作", (("创意策划", "strengthen", "existing"), ("编剧与版权", "fill", "weak"))),),
        "midstream": (("内容生产", (("影视制作", "strengthen", "existing"), ("动漫游戏", "strengthen", "existing"),
                                   ("网络视听", "strengthen", "existing"), ("数字内容", "fill", "weak"))),),
        "downstream": (("传播与贸易", (("数字传播", "extend", "existing"), ("文化出海", "extend", "weak"),
                                      ("版权交易", "fill", "missing"))),),
    },
    "industrial_design": {
        "upstream": (("设计基础", (("设计软件与工具", "fill", "missing"), ("材料与工艺研究", "fill", "weak"))),),
        "midstream": (("设计与检测", (("工业设计", "strengthen", "existing"), ("产品研发", "strengthen", "existing"),
                                     ("检验检测", "strengthen", "existing"), ("认证服务", "fill", "weak"))),),
        "downstream": (("维修与服务", (("航空部件维修", "extend", "weak"), ("汽车零部件服务", "extend", "existing"),
                                      ("设备再制造", "extend", "missing"))),),
    },
    "language_services": {
        "upstream": (("语言资源与技术", (("语料资源", "fill", "weak"), ("语言技术研发", "fill", "missing"))),),
        "midstream": (("语言服务", (("笔译", "strengthen", "existing"), ("口译", "strengthen", "existing"),
                                   ("本地化", "strengthen", "existing"), ("机器翻译", "fill", "weak"))),),
        "downstream": (("出海支撑", (("国际会展服务", "extend", "existing"), ("出版翻译", "extend", "weak"),
                                    ("语言培训", "extend", "existing"))),),
    },
}

STAGE_MEASURES = {
    2022: ("摸清现状,明确定位和重点领域,完成“两图一表”编制", "开展园区现状调研;编制产业规划;建立企业名录和统计制度"),
    2023: ("聚焦特色领域招商引资,完善服务体系", "赴京沪、日韩等重点地区招商;建设公共服务平台;落实专项扶持政策"),
    2024: ("实现企业数量和产业规模倍增,争创更高级别基地", "强链补链延链;引育龙头企业和“专精特新”企业;申报上级特色服务出口基地"),
}

MILESTONES = {
    2022: (("完成园区现状调研报告", 6, 30), ("发布“两图一表”", 11, 30)),
    2023: (("建成公共服务平台", 6, 30), ("完成年度招商签约目标", 12, 15)),
    2024: (("申报上级特色服务出口基地", 6, 30), ("实现三个倍增目标", 12, 31)),
}

PLATFORM_TEMPLATES = (
    ("{park}公共技术服务平台", ("tech_innovation", "digital_upgrade", "inspection_testing")),
    ("{park}企业综合服务中心", ("information", "finance_insurance", "legal", "credit_rating")),
    ("{park}人才培训基地", ("talent_training", "certification_training")),
    ("{park}国际交流与贸易促进平台", ("trade_promotion", "translation", "patents_ip")),
)
