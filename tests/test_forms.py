"""The form definitions: every section present, every field a real workspace column."""

from __future__ import annotations

from parkdesk.db.models import Base
from parkdesk.forms.indicators import INDICATORS
from parkdesk.forms.model import CHOICE, MULTI_CHOICE
from parkdesk.forms.sections import RECORD_BY_KEY, SECTIONS


def test_the_nine_sections_in_order():
    assert [s.label.zh for s in SECTIONS] == [
        "基本信息", "发展定位", "目标产业链全景图", "产业发展路径图", "重点企业、配套企业名录表", "指标", "建设要求自评",
        "公共服务平台", "附件"]
    assert [s.number for s in SECTIONS] == list(range(1, 10))


def test_every_field_is_a_column_of_its_table():
    for section in SECTIONS:
        for record in section.records:
            table = Base.metadata.tables[record.table]
            for field in record.fields:
                assert field.key in table.c, f"{record.key}.{field.key} is not a column of {record.table}"
                assert field.label.zh and field.label.en


def test_choice_fields_have_choices_and_headers_carry_units():
    for section in SECTIONS:
        for record in section.records:
            for field in record.fields:
                if field.type in (CHOICE, MULTI_CHOICE):
                    assert field.choices, field.key
    revenue = RECORD_BY_KEY["enterprise"].field("revenue_wan_yuan")
    assert revenue.header("zh") == "营业收入(万元)"
    assert revenue.header("en") == "Revenue (10k CNY)"


def test_level_is_required_only_for_first_class_parks():
    level = RECORD_BY_KEY["park"].field("level")
    assert level.is_required("first_class") and not level.is_required("startup")


def test_indicator_catalogue_covers_the_issue_list():
    names = {i.label.zh for i in INDICATORS}
    for expected in ("园区企业数量", "产业规模", "服务贸易(外包)执行额", "服务出口额", "外贸出口额", "服务出口占外贸出口比重",
                     "从业人员", "核心企业数量", "公共服务平台数量", "主导或参与国际标准", "主导或参与国家标准",
                     "主导或参与行业标准", "主导或参与地方标准", "上市公司数量", "独角兽企业数量", "全球百强企业数量",
                     "“专精特新”企业数量", "“小巨人”企业数量"):
        assert expected in names
