"""The column-at-a-time cell conversion agrees with the shared parser; headers, units and repeats."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from parkdesk.excel.cells import cell_text, convert_column
from parkdesk.excel.columns import field_names, match_field, read_header
from parkdesk.excel.matching import find_repeats
from parkdesk.excel.targets import TARGETS
from parkdesk.excel.xlsx_parts import cell_name, column_index, column_letters
from parkdesk.forms.field_values import parse_field
from parkdesk.forms.normalize import clean_text, is_clean_text
from parkdesk.forms.sections import RECORD_BY_KEY

ENTERPRISE = RECORD_BY_KEY["enterprise"]
ALPHABET = "abcXYZ 09１２Ａ　\u200b\t企业名称-–.,()（）"


def random_cells(rng: random.Random, count: int) -> list:
    """What spreadsheets hand over: text (clean and not), numbers, dates, blanks, booleans."""
    cells = []
    for _ in range(count):
        kind = rng.randrange(8)
        if kind == 0:
            cells.append("")
        elif kind == 1:
            cells.append(rng.choice([0.0, 1.0, 12.5, -3.0, 13812345678.0, 1e20, 43588.0, float("nan")]))
        elif kind == 2:
            cells.append(rng.choice([date(2019, 5, 3), datetime(2020, 1, 2, 3, 4), True]))
        elif kind == 3:
            cells.append(rng.choice(["-", "无", "  ", "１２０", "1,234.5", "2019年5月3日", "91370100MA3C4XK12A"]))
        else:
            cells.append("".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 12))))
    return cells


@pytest.mark.parametrize("key", [f.key for f in ENTERPRISE.fields if f.type != "reference"])
def test_every_cell_converts_as_the_shared_parser_converts_it(key):
    field = ENTERPRISE.field(key)
    cells = random_cells(random.Random(key), 400)
    result = convert_column(field, cells)
    for index, raw in enumerate(cells):
        expected = parse_field(field, cell_text(raw) if field.type in ("text", "long_text", "phone", "email")
                               else raw)
        got = result.values[index]
        if expected.ok:
            assert index not in result.problems and (got == expected.value or got is expected.value), (raw, got)
        else:
            assert got is None and result.problems[index].zh == expected.problem.zh, raw


def test_a_unit_in_the_header_converts_the_whole_column():
    field = ENTERPRISE.field("revenue_wan_yuan")
    result = convert_column(field, [1.5, "2", "", "3万元"], header_unit="亿元")
    assert result.values == [15000.0, 20000.0, None, 3.0] and not result.problems
    result = convert_column(field, [100.0], header_unit="万美元")
    assert result.values == [None] and "币种" in result.problems[0].zh


def test_is_clean_text_means_cleaning_would_change_nothing():
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET + "\u3000\xa0\ufeff") for _ in range(rng.randrange(0, 8)))
        if is_clean_text(text):
            assert clean_text(text) == text


def test_a_whole_clean_column_takes_the_fast_path_and_dirty_cells_do_not():
    field = ENTERPRISE.field("name")
    cells = ["甲公司", "乙公司", "", "丙　公司", "ＡＢＣ公司", "无"]
    assert convert_column(field, cells[:3]).values == ["甲公司", "乙公司", None]
    assert convert_column(field, cells).values == ["甲公司", "乙公司", None, "丙 公司", "ABC公司", None]


@pytest.mark.parametrize("text,name,unit", [
    ("营业收入(万元)", "营业收入", "万元"), ("营业收入（亿元）", "营业收入", "亿元"),
    ("营业收入/万元", "营业收入", "万元"),
    ("营业收入 单位:亿元", "营业收入", "亿元"), ("Revenue (10k CNY)", "revenue", "万元"),
    ("企业名称(全称)", "企业名称(全称)", None), ("* 企业名称", "企业名称", None), ("  ", None, None),
])
def test_headers_split_into_name_and_unit(text, name, unit):
    header = read_header(text)
    if name is None:
        assert header is None
    else:
        assert (header.name, header.unit) == (name, unit)


@pytest.mark.parametrize("text,field", [
    ("单位名称", "name"), ("公司名称", "name"), ("企业名称(全称)", "name"), ("信用代码", "uscc"),
    ("社会信用代码", "uscc"), ("统一社会信用代码", "uscc"), ("USCC", "uscc"), ("Enterprise name", "name"),
    ("联系人电话", "contact_phone"), ("序号", None), ("服务周全", None), ("成立时间", "established"),
])
def test_column_names_and_synonyms(text, field):
    names = field_names(ENTERPRISE)
    assert match_field(read_header(text), names, set()) == field


def test_rows_repeating_an_earlier_one_by_code_else_by_name():
    target = TARGETS["enterprise"]
    fields = ("name", "uscc")
    values = [("甲", "A1"), ("乙", "A1"), ("甲", "B2"), ("丙", None), ("丙", None), ("丁", "C3")]
    repeats = {(r.index, r.first, r.field, r.rule_id, r.warning) for r in find_repeats(target, fields, values)}
    assert repeats == {(1, 0, "uscc", "ENT-DUP-USCC", False), (2, 0, "name", "ENT-DUP-NAME", True),
                       (4, 3, "name", None, False)}


def test_cell_names():
    assert [column_letters(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert all(column_index(column_letters(i)) == i for i in range(2000))
    assert cell_name(6, 1) == "B7"


@pytest.mark.parametrize("seed", range(5))
def test_what_the_parser_produces_never_breaks_the_rules_sql_skips_for_fed_fields(seed):
    """The import's SQL screen leaves out FIELD-TYPE, FIELD-CHOICE and FIELD-LENGTH for the fields a sheet feeds
    (enterprise_checks.PARSED_RULES): a value the conversion produced is of its field's type, among its choices
    and within its length. Checked on random cells, long texts and #清空 included."""
    from parkdesk.excel.enterprise_checks import PARSED_RULES
    from parkdesk.validation.value_checks import check_value

    rng = random.Random(seed)
    for field in ENTERPRISE.fields:
        cells = random_cells(rng, 300) + ["#清空", "x" * 250, "重点", "是", "上市、龙头", "3亿元", "1e3"]
        result = convert_column(field, cells, references={"示例环节": 7} if field.key == "chain_link_id" else None)
        for value in result.values:
            if value is not None:
                assert not {rule for rule, _ in check_value(field, value)} & PARSED_RULES, (field.key, value)
