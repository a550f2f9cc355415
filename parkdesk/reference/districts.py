"""Jinan's districts and counties (GB/T 2260) and functional zones (功能区).

Functional zones are not administrative divisions and have no GB/T 2260 code;
they get stable codes of our own (prefix "Z"). Users may add more zones.
"""

from __future__ import annotations

from dataclasses import dataclass

DISTRICT = "district"
COUNTY = "county"
ZONE = "zone"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    kind: str


JINAN_CITY_CODE = "370100"

DIVISIONS: tuple[Division, ...] = (
    Division("370102", "历下区", DISTRICT),
    Division("370103", "市中区", DISTRICT),
    Division("370104", "槐荫区", DISTRICT),
    Division("370105", "天桥区", DISTRICT),
    Division("370112", "历城区", DISTRICT),
    Division("370113", "长清区", DISTRICT),
    Division("370114", "章丘区", DISTRICT),
    Division("370115", "济阳区", DISTRICT),
    Division("370116", "莱芜区", DISTRICT),
    Division("370117", "钢城区", DISTRICT),
    Division("370124", "平阴县", COUNTY),
    Division("370126", "商河县", COUNTY),
)

FUNCTIONAL_ZONES: tuple[Division, ...] = (
    Division("Z01", "高新区", ZONE),
    Division("Z02", "起步区", ZONE),
    Division("Z03", "南部山区", ZONE),
    Division("Z04", "莱芜高新区", ZONE),
)

DIVISION_BY_CODE = {d.code: d for d in (*DIVISIONS, *FUNCTIONAL_ZONES)}
