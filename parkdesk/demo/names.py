"""Plausible Chinese company and person names, deterministic from a random.Random."""

from __future__ import annotations

import random

PREFIXES = ("山东", "济南", "齐鲁", "泉城")
TRADE_FIRST = "华恒博天瑞鼎信中汇金宏安新德嘉泰盛远达智创浪海明康润凯正联云"
TRADE_SECOND = "信达远通泰华盛成科源峰航创宇光诚思腾拓辰维越晟合安策锐迅鸿誉"
SUFFIXES = ("有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司")

INDUSTRY_WORDS = {
    "digital_trade": ("信息技术", "软件", "数据科技", "网络科技", "智能科技", "云计算", "数字科技", "电子商务"),
    "tcm_medical_devices": ("医药科技", "中医药", "医疗器械", "生物科技", "健康管理", "制药", "医学检验", "康复科技"),
    "culture": ("文化传媒", "影视", "动漫", "网络科技", "文化创意", "数字传媒", "演艺", "出版"),
    "industrial_design": ("工业设计", "检测技术", "设计咨询", "航空科技", "智能装备", "精密机械", "维修服务", "认证"),
    "language_services": ("翻译服务", "语言科技", "国际交流", "信息咨询", "教育科技", "会展服务", "本地化", "出版"),
}

BRANCHES = ("历下", "市中", "槐荫", "天桥", "历城", "长清", "章丘", "济阳", "莱芜", "钢城", "平阴", "商河", "高新")

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕鹏辉建国志宏晓东海峰"


def company_name(rng: random.Random, domain: str) -> str:
    words = INDUSTRY_WORDS.get(domain, INDUSTRY_WORDS["digital_trade"])
    trade = rng.choice(TRADE_FIRST) + rng.choice(TRADE_SECOND)
    return f"{rng.choice(PREFIXES)}{trade}{rng.choice(words)}{rng.choice(SUFFIXES)}"


def unique_company_names(rng: random.Random, domain: str, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = company_name(rng, domain)
        if name in seen:  # large lists: a branch office of the same company
            name = f"{name}{rng.choice(BRANCHES)}分公司"
        if name in seen:
            continue
        seen.add(name)
        names.append(name)
    return names


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def mobile_number(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
