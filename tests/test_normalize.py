"""Cleaning raw input typed by users or read from Excel/WPS (parkdesk.forms.normalize)."""

from __future__ import annotations

import ast
import math
import sys
from datetime import date, datetime
from decimal import Decimal

import pytest

from parkdesk.forms import normalize as normalize_module
from parkdesk.forms.normalize import (
    EMPTY_MARKERS,
    Normalized,
    clean_text,
    normalize_choice,
    normalize_date,
    normalize_decimal,
    normalize_integer,
    normalize_multi_choice,
    normalize_percent,
    normalize_text,
    normalize_uscc,
)
from parkdesk.forms.sections import CATEGORY_CHOICES
from parkdesk.reference.choices import ENTERPRISE_ROLES, ENTERPRISE_STATUSES, MILESTONE_STATUSES, RECOGNITION_LEVELS
from parkdesk.reference.distinctions import DISTINCTIONS
from parkdesk.uscc import check_uscc

DISTINCTION_CHOICES = tuple((d.key, d.label) for d in DISTINCTIONS)
PICKY_NORMALIZERS = [
    normalize_integer,
    normalize_decimal,
    normalize_percent,
    normalize_date,
    lambda raw: normalize_choice(raw, ENTERPRISE_ROLES),
]  # normalize_multi_choice names the cleaned parts: see its own tests


def assert_ok(result: Normalized, value, changed: bool | None = None):
    assert result.ok, result
    assert result.value == value
    assert type(result.value) is type(value)
    assert result.problem is None
    if changed is not None:
        assert result.changed is changed


def assert_problem(result: Normalized, *fragments: str):
    """Not ok, no value, and both messages present; each fragment appears in zh or en."""
    assert not result.ok, result
    assert result.value is None
    assert result.problem.zh and result.problem.en
    for fragment in fragments:
        assert fragment in result.problem.zh or fragment in result.problem.en, (fragment, result)


# --- module hygiene ----------------------------------------------------------


def test_module_imports_only_the_standard_library_and_the_text_catalogue():
    tree = ast.parse(open(normalize_module.__file__, encoding="utf-8").read())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    own = {name for name in imported if name.startswith("parkdesk")}
    assert own == {"parkdesk.texts", "parkdesk.reference.labels"}
    assert {name.split(".")[0] for name in imported - own} <= set(sys.stdlib_module_names) | {"__future__"}


def test_normalized_is_frozen_with_defaults():
    result = Normalized(1, True)
    assert (result.problem, result.changed) == (None, False)
    with pytest.raises(AttributeError):
        result.value = 2


# --- clean_text --------------------------------------------------------------


def test_empty_markers_are_exactly_the_documented_ones():
    assert EMPTY_MARKERS == frozenset(
        {"", "-", "—", "——", "－", "/", "无", "N/A", "n/a", "NA", "null", "None", "空"})


@pytest.mark.parametrize("raw", sorted(EMPTY_MARKERS) + [None, "   ", "\u3000", " — ", "\u200b", "\t-\n", "  无  ", "／"])
def test_clean_text_empty(raw):
    assert clean_text(raw) is None


@pytest.mark.parametrize("raw, expected", [
    ("１２３", "123"),
    ("Ａｂｃ", "Abc"),
    ("  济南  ", "济南"),
    ("济南\u3000高新区", "济南 高新区"),
    ("a  \t b\n\nc", "a b c"),
    ("\ufeff济南\u200b软件园", "济南软件园"),
    ("（１２）", "(12)"),
    ("１，２３４", "1,234"),
    ("“专精特新”企业、上市公司", "“专精特新”企业、上市公司"),
    ("齊魯軟件園", "齊魯軟件園"),
    ("\uf900", "\uf900"),  # a CJK compatibility ideograph NFKC would rewrite
    ("①", "①"),
    (123, "123"),
    (12.5, "12.5"),
    ("none", "none"),
    ("无锡", "无锡"),
])
def test_clean_text_values(raw, expected):
    assert clean_text(raw) == expected


# --- normalize_text ----------------------------------------------------------


@pytest.mark.parametrize("raw, value, changed", [
    ("济南软件园", "济南软件园", False),
    (" 济南软件园 ", "济南软件园", True),
    ("ＡＢＣ公司", "ABC公司", True),
    (2024, "2024", False),
])
def test_normalize_text(raw, value, changed):
    assert_ok(normalize_text(raw), value, changed)


@pytest.mark.parametrize("raw", [None, "", "—", "  ", "N/A"])
def test_normalize_text_empty(raw):
    result = normalize_text(raw)
    assert result.ok and result.value is None


def test_empty_marker_counts_as_a_change_but_none_does_not():
    assert normalize_text("—").changed is True
    assert normalize_text(None).changed is False
    assert normalize_text("").changed is False


def test_normalize_text_max_length():
    assert_ok(normalize_text("一二三四五", max_length=5), "一二三四五")
    assert_ok(normalize_text("  一二三四五  ", max_length=5), "一二三四五")
    assert_problem(normalize_text("一二三四五六", max_length=5), "一二三四五六", "5", "6")


# --- normalize_integer -------------------------------------------------------


@pytest.mark.parametrize("raw, value, changed", [
    (12, 12, False),
    ("12", 12, False),
    ("-3", -3, False),
    (12.0, 12, False),
    (Decimal("7"), 7, False),
    ("12.0", 12, False),
    ("1,234", 1234, True),
    ("1，234", 1234, True),
    ("1,234,567", 1234567, True),
    ("１２３", 123, True),
    (" 12 ", 12, True),
    ("12家", 12, True),
    ("12 家", 12, True),
    ("12人", 12, True),
    ("12个", 12, True),
    ("１２个", 12, True),
])
def test_normalize_integer_accepts(raw, value, changed):
    assert_ok(normalize_integer(raw), value, changed)


@pytest.mark.parametrize("raw", ["12.5", 12.5, "abc", "12%", "1,23", "12abc", "十二", "1.2.3", True, math.nan, "1e3"])
def test_normalize_integer_rejects(raw):
    assert_problem(normalize_integer(raw), str(raw).strip(), "不是整数", "is not a whole number")


def test_normalize_integer_message_names_value():
    result = normalize_integer("12.5")
    assert result.problem.zh == "“12.5”不是整数"
    assert result.problem.en == '"12.5" is not a whole number'


@pytest.mark.parametrize("raw", ["1.2万人", "3万", "2亿元", "5千个"])
def test_normalize_integer_rejects_multipliers(raw):
    # "3万" must never silently become 3
    assert_problem(normalize_integer(raw), raw, "完整")


@pytest.mark.parametrize("raw", [None, "", "—", "-", " 无 "])
def test_normalize_integer_empty(raw):
    result = normalize_integer(raw)
    assert result.ok and result.value is None


# --- normalize_decimal -------------------------------------------------------


@pytest.mark.parametrize("raw, value, changed", [
    ("12.5", 12.5, False),
    ("1,234.5", 1234.5, True),
    ("1，234.5", 1234.5, True),
    ("1 234.5", 1234.5, True),
    ("１２３.４", 123.4, True),
    ("-3.2", -3.2, False),
    ("\u22123.2", -3.2, True),
    ("(3.2)", -3.2, True),
    ("（3.2）", -3.2, True),
    ("(1,234.5)", -1234.5, True),
    (".5", 0.5, False),
    ("+2", 2.0, False),
    (" 7 ", 7.0, True),
    (7, 7.0, False),
    (7.25, 7.25, False),
    (Decimal("1.5"), 1.5, False),
    (0.1 + 0.2, 0.3, False),
    ("1.23456789", 1.234568, False),
])
def test_normalize_decimal_accepts(raw, value, changed):
    assert_ok(normalize_decimal(raw), value, changed)


@pytest.mark.parametrize("raw", ["abc", "1.2.3", "12,34", "(-3)", "1e3", "¥12", True, math.inf, Decimal("NaN")])
def test_normalize_decimal_rejects(raw):
    assert_problem(normalize_decimal(raw), str(raw), "不是数字")


@pytest.mark.parametrize("raw", [None, "", "——", "/", "N/A"])
def test_normalize_decimal_empty(raw):
    result = normalize_decimal(raw, field_unit="万元")
    assert result.ok and result.value is None


@pytest.mark.parametrize("raw, value", [
    ("12.5万元", 12.5),
    ("12.5 万元", 12.5),
    ("1,234.5万元", 1234.5),
    ("１２.５万元", 12.5),
])
def test_normalize_decimal_strips_the_field_unit(raw, value):
    assert_ok(normalize_decimal(raw, field_unit="万元"), value, changed=True)


@pytest.mark.parametrize("raw, field_unit, header_unit, value", [
    ("1.5", "万元", "亿元", 15000.0),
    (1.5, "万元", "亿元", 15000.0),
    ("2", "亿元", "万元", 0.0002),
    ("12345", "亿元", "元", 0.00012345),  # conversion keeps small values exact
    ("3", "元", "万元", 30000.0),
    ("15亿美元", "万美元", None, 150000.0),
    ("15亿美元", "万美元", "万美元", 150000.0),  # a unit in the text beats the header
    ("250万美元", "亿美元", None, 0.025),
    ("1.1亿元", "万元", None, 11000.0),
])
def test_normalize_decimal_converts_money_units(raw, field_unit, header_unit, value):
    assert_ok(normalize_decimal(raw, field_unit=field_unit, header_unit=header_unit), value, changed=True)


def test_header_unit_equal_to_field_unit_changes_nothing():
    assert_ok(normalize_decimal("12.5", field_unit="万元", header_unit="万元"), 12.5, changed=False)


@pytest.mark.parametrize("raw, field_unit, header_unit", [
    ("15亿美元", "万元", None),
    ("12元", "万美元", None),
    ("1.5", "万元", "万美元"),
    (3, "亿美元", "亿元"),
])
def test_normalize_decimal_rejects_currency_mismatch(raw, field_unit, header_unit):
    assert_problem(normalize_decimal(raw, field_unit=field_unit, header_unit=header_unit),
                   str(raw), "币种", "currency")


@pytest.mark.parametrize("raw", ["12.3%", "１２.３％", "12.3 %"])
def test_normalize_decimal_rejects_percentages_for_other_fields(raw):
    assert_problem(normalize_decimal(raw, field_unit="万元"), raw, "百分比", "percentage")
    assert_problem(normalize_decimal(raw), raw, "百分比", "percentage")


@pytest.mark.parametrize("raw, field_unit, header_unit, unit", [
    ("12.5吨", "万元", None, "吨"),
    ("12.5港元", "万元", None, "港元"),
    ("12.5", "万元", "吨", "吨"),
])
def test_normalize_decimal_rejects_unknown_units(raw, field_unit, header_unit, unit):
    assert_problem(normalize_decimal(raw, field_unit=field_unit, header_unit=header_unit), raw, unit, field_unit)


@pytest.mark.parametrize("raw, field_unit, value", [
    ("12.5万", "万元", 12.5),  # a bare multiplier takes the column's currency: 万元
    ("3亿", "万元", 30000.0),
    ("2千", "万美元", 0.2),
])
def test_normalize_decimal_reads_a_bare_multiplier_in_the_fields_currency(raw, field_unit, value):
    result = normalize_decimal(raw, field_unit=field_unit)
    assert result.ok and result.value == pytest.approx(value)


def test_normalize_decimal_rejects_a_unit_when_the_field_has_none():
    assert_problem(normalize_decimal("12.5万元"), "12.5万元", "万元")


# --- normalize_percent -------------------------------------------------------


@pytest.mark.parametrize("raw, value, changed", [
    ("12.3%", 12.3, True),
    ("12.3", 12.3, False),
    ("12.3 %", 12.3, True),
    ("０.５％", 0.5, True),
    ("0.123", 0.123, False),
    (0.123, 0.123, False),
    (12.3, 12.3, False),
    (50, 50.0, False),
    ("150%", 150.0, True),  # no range check here
    ("-2.5%", -2.5, True),
])
def test_normalize_percent_accepts(raw, value, changed):
    assert_ok(normalize_percent(raw), value, changed)


@pytest.mark.parametrize("raw", ["abc", "12.3万元", "12‰"])
def test_normalize_percent_rejects(raw):
    assert_problem(normalize_percent(raw), raw)


def test_normalize_percent_empty():
    result = normalize_percent("—")
    assert result.ok and result.value is None


# --- normalize_date ----------------------------------------------------------

MAY_3 = date(2019, 5, 3)


@pytest.mark.parametrize("raw, changed", [
    ("2019-05-03", False),
    ("2019-5-3", True),
    ("2019/5/3", True),
    ("2019/05/03", True),
    ("2019.5.3", True),
    ("2019年5月3日", True),
    ("2019年5月3号", True),
    ("2019 年 5 月 3 日", True),
    ("2019年05月03日", True),
    ("20190503", True),
    ("２０１９-０５-０３", True),
    ("２０１９年５月３日", True),
    (" 2019-05-03 ", True),
    ("2019-05-03 00:00:00", True),
    ("2019-05-03T14:30", True),
    (43588, True),
    (43588.0, True),
    (43588.75, True),  # the fraction is the time of day
    (Decimal("43588"), True),
    ("43588", True),
    ("４３５８８", True),
    (MAY_3, False),
    (datetime(2019, 5, 3), False),
    (datetime(2019, 5, 3, 14, 30), True),
])
def test_normalize_date_accepts(raw, changed):
    assert_ok(normalize_date(raw), MAY_3, changed)


@pytest.mark.parametrize("serial, value", [
    (1, date(1900, 1, 1)),
    (59, date(1900, 2, 28)),
    (61, date(1900, 3, 1)),
    (36526, date(2000, 1, 1)),
    (45658, date(2025, 1, 1)),
    (2958465, date(9999, 12, 31)),
])
def test_normalize_date_excel_serials(serial, value):
    assert_ok(normalize_date(serial), value, changed=True)


def test_normalize_date_rejects_serial_60():
    assert_problem(normalize_date(60), "60", "1900-02-29")
    assert_problem(normalize_date("60"), "60", "1900-02-29")


@pytest.mark.parametrize("raw", [0, -5, 0.5, 2958466, "2958466"])
def test_normalize_date_rejects_serials_out_of_range(raw):
    assert_problem(normalize_date(raw), str(raw), "Excel")


@pytest.mark.parametrize("raw", ["2019-02-30", "2019年2月29日", "2019-13-01", "20190230", "2019/4/31"])
def test_normalize_date_rejects_impossible_dates(raw):
    assert_problem(normalize_date(raw), raw, "不存在", "not a real date")


@pytest.mark.parametrize("raw", ["5/3/2019", "03/05/2019", "3.5.2019", "25/12/2019"])
def test_normalize_date_rejects_day_first_as_ambiguous(raw):
    assert_problem(normalize_date(raw), raw, "顺序不明确", "ambiguous")


@pytest.mark.parametrize("raw", ["2019年5月", "2019-05", "2019/5", "2019.5", "2019年", "2019"])
def test_normalize_date_rejects_missing_day(raw):
    assert_problem(normalize_date(raw), raw, "缺少“日”", "no day")


@pytest.mark.parametrize("raw", ["abc", "下周一", "19-5-3x", True])
def test_normalize_date_rejects_other_text(raw):
    assert_problem(normalize_date(raw), str(raw), "不是日期", "is not a date")


@pytest.mark.parametrize("raw", [None, "", "—", " 无 "])
def test_normalize_date_empty(raw):
    result = normalize_date(raw)
    assert result.ok and result.value is None


# --- normalize_uscc ----------------------------------------------------------


@pytest.mark.parametrize("raw, value, changed", [
    ("914403001922038216", "914403001922038216", False),
    ("9144030071526726xg", "9144030071526726XG", True),
    ("91330100716105852f", "91330100716105852F", True),
    (" 911100007109250324 ", "911100007109250324", True),
    ("9111 0000 7109 2503 24", "911100007109250324", True),
    ("91110000-710925032-4", "911100007109250324", True),
    ("９１１１００００７１０９２５０３２４", "911100007109250324", True),
    ("9111００００－71092503２4", "911100007109250324", True),
    ("\ufeff911100007109250324\u200b", "911100007109250324", True),
    (911100007109250324, "911100007109250324", False),
    ("91330100716105852X", "91330100716105852X", False),  # wrong check character: validation's job
    ("abc", "ABC", True),
])
def test_normalize_uscc(raw, value, changed):
    assert_ok(normalize_uscc(raw), value, changed)


def test_normalized_uscc_passes_the_check():
    assert check_uscc(normalize_uscc(" 9144-0300-7152-6726xg ").value).valid


def test_normalize_uscc_rejects_codes_stored_as_floats():
    assert_problem(normalize_uscc(9.111000071092503e17), "9.111000071092503e+17", "文本", "text")


@pytest.mark.parametrize("raw", [None, "", "-", "—", "无"])
def test_normalize_uscc_empty(raw):
    result = normalize_uscc(raw)
    assert result.ok and result.value is None


# --- normalize_choice --------------------------------------------------------


@pytest.mark.parametrize("raw, key, changed", [
    ("重点企业", "key", False),
    (" 重点企业 ", "key", True),
    ("配套企业", "supporting", False),
    ("key", "key", True),
    ("KEY", "key", True),
    ("Supporting enterprise", "supporting", True),
    ("supporting ENTERPRISE", "supporting", True),
    ("supporting  enterprise", "supporting", True),
])
def test_normalize_choice_enterprise_roles(raw, key, changed):
    assert_ok(normalize_choice(raw, ENTERPRISE_ROLES), key, changed)


@pytest.mark.parametrize("raw, key", [
    ("“专精特新”企业", "specialized"),
    ("专精特新企业", "specialized"),
    ('"专精特新"企业', "specialized"),
    ("‘小巨人’企业", "little_giant"),
    ("小巨人企业", "little_giant"),
    ("little giant enterprise", "little_giant"),
    ("'Little giant' enterprise", "little_giant"),
    ("上市公司", "listed"),
    ("Unicorn", "unicorn"),
    ("global_top100", "global_top100"),
])
def test_normalize_choice_distinctions(raw, key):
    assert_ok(normalize_choice(raw, DISTINCTION_CHOICES), key)


@pytest.mark.parametrize("raw", ["独角兽企业s", "重点企业", "企业"])
def test_normalize_choice_is_not_a_guess(raw):
    result = normalize_choice(raw, DISTINCTION_CHOICES)
    assert_problem(result, raw, "“专精特新”企业")


@pytest.mark.parametrize("raw, choices, key", [
    ("专精特新", DISTINCTION_CHOICES, "specialized"),  # a prefix of one label (quotes aside)
    ("小巨人", DISTINCTION_CHOICES, "little_giant"),
    ("上市", DISTINCTION_CHOICES, "listed"),
    ("listed", DISTINCTION_CHOICES, "listed"),  # the key itself is exact, see below
    ("重点", ENTERPRISE_ROLES, "key"),
    ("Support", ENTERPRISE_ROLES, "supporting"),  # a prefix of the English label
    ("综提", CATEGORY_CHOICES, "comprehensive"),  # an abbreviation: the first character, then others in order
])
def test_normalize_choice_forgives_a_prefix_or_abbreviation_and_says_so(raw, choices, key):
    result = normalize_choice(raw, choices)
    assert result.ok and result.value == key
    assert result.mapped == (() if raw == key else ((raw, key),))


def test_normalize_choice_takes_synonyms_and_yes_no_words_from_the_forms():
    from parkdesk.forms.synonyms import CHOICE_WORDS

    assert normalize_choice("在园", ENTERPRISE_STATUSES, CHOICE_WORDS).value == "settled"
    assert normalize_choice("在园", ENTERPRISE_STATUSES).ok is False  # not without the forms' words
    for word, key in (("是", "settled"), ("√", "settled"), ("有", "settled"), ("Y", "settled"), ("y", "settled"),
                      ("否", "planned"), ("×", "planned"), ("无", "planned"), ("N", "planned"), (1.0, "settled")):
        result = normalize_choice(word, ENTERPRISE_STATUSES, CHOICE_WORDS, yes_no=("settled", "planned"))
        assert result.ok and result.value == key and result.mapped, word
    assert normalize_choice("无", ENTERPRISE_STATUSES, CHOICE_WORDS).value is None  # no question: "无" is blank


@pytest.mark.parametrize("raw, choices, candidates_zh, candidates_en", [
    ("已", MILESTONE_STATUSES, "已完成、已延期", "Done, Delayed"),
    ("上", DISTINCTION_CHOICES, None, None),  # 上市公司 only: not ambiguous
    ("p", ENTERPRISE_STATUSES, None, None),  # one Latin letter is never taken as a prefix
])
def test_normalize_choice_ambiguous_names_the_candidates(raw, choices, candidates_zh, candidates_en):
    result = normalize_choice(raw, choices)
    if candidates_zh is None:
        assert result.ok is (raw == "上")
        return
    assert not result.ok
    assert candidates_zh in result.problem.zh and f"“{raw}”" in result.problem.zh
    assert candidates_en in result.problem.en


def test_normalize_choice_unknown_lists_the_allowed_labels():
    result = normalize_choice("核心企业", ENTERPRISE_ROLES)
    assert_problem(result)
    assert result.problem.zh == "“核心企业”不是可选项，可选：重点企业、配套企业"
    assert '"核心企业"' in result.problem.en
    assert "Key enterprise, Supporting enterprise" in result.problem.en


def test_normalize_choice_label_with_a_slash():
    assert_ok(normalize_choice("district/county", RECOGNITION_LEVELS), "county")


@pytest.mark.parametrize("raw", [None, "", "—", "无"])
def test_normalize_choice_empty(raw):
    result = normalize_choice(raw, ENTERPRISE_ROLES)
    assert result.ok and result.value is None


# --- normalize_multi_choice --------------------------------------------------


@pytest.mark.parametrize("raw, keys", [
    ("上市公司", ("listed",)),
    ("上市公司、独角兽企业", ("listed", "unicorn")),
    ("独角兽企业、上市公司", ("listed", "unicorn")),  # order of the choices, not of the text
    ("“专精特新”企业，上市公司", ("listed", "specialized")),
    ("专精特新企业；小巨人企业", ("specialized", "little_giant")),
    ("龙头企业;上市公司,独角兽企业", ("listed", "unicorn", "leading")),
    ("上市公司/龙头企业|独角兽企业", ("listed", "unicorn", "leading")),
    ("上市公司 龙头企业", ("listed", "leading")),
    ("上市公司\n龙头企业", ("listed", "leading")),
    ("上市公司 、 、龙头企业", ("listed", "leading")),
    ("、上市公司、", ("listed",)),
    ("上市公司、上市公司、listed", ("listed",)),
    ("Listed company, Unicorn", ("listed", "unicorn")),
    ("'Little giant' enterprise; Specialized and innovative SME", ("specialized", "little_giant")),
    ("全球百强企业、上市公司、独角兽企业、龙头企业、“专精特新”企业、“小巨人”企业",
     tuple(d.key for d in DISTINCTIONS)),
])
def test_normalize_multi_choice_distinctions(raw, keys):
    assert_ok(normalize_multi_choice(raw, DISTINCTION_CHOICES), keys)


@pytest.mark.parametrize("raw, keys", [
    ("重点企业、配套企业", ("key", "supporting")),
    ("配套企业，重点企业", ("key", "supporting")),
    ("Key enterprise / supporting", ("key", "supporting")),
    ("配套企业", ("supporting",)),
])
def test_normalize_multi_choice_enterprise_roles(raw, keys):
    assert_ok(normalize_multi_choice(raw, ENTERPRISE_ROLES), keys)


def test_normalize_multi_choice_label_with_a_slash():
    assert_ok(normalize_multi_choice("District/county、National", RECOGNITION_LEVELS), ("national", "county"))


def test_normalize_multi_choice_changed():
    assert normalize_multi_choice("上市公司、独角兽企业", DISTINCTION_CHOICES).changed is False
    assert normalize_multi_choice("独角兽企业、上市公司", DISTINCTION_CHOICES).changed is True
    assert normalize_multi_choice("上市公司，独角兽企业", DISTINCTION_CHOICES).changed is True


def test_normalize_multi_choice_forgives_each_part():
    result = normalize_multi_choice("上市、独角兽，专精特新", DISTINCTION_CHOICES)
    assert result.ok and result.value == ("listed", "unicorn", "specialized")
    assert dict(result.mapped) == {"上市": "listed", "独角兽": "unicorn", "专精特新": "specialized"}


@pytest.mark.parametrize("raw, unknown", [
    ("上市公司、独角兽s", ["独角兽s"]),
    ("核心企业，上市公司，abc", ["核心企业", "abc"]),
])
def test_normalize_multi_choice_names_unknown_parts(raw, unknown):
    result = normalize_multi_choice(raw, DISTINCTION_CHOICES)
    assert_problem(result, "全球百强企业")
    for part in unknown:
        assert f"“{part}”" in result.problem.zh
        assert f'"{part}"' in result.problem.en
    assert "上市公司”" not in result.problem.zh.split("不是可选项")[0]


@pytest.mark.parametrize("raw", [None, "", "—", "无", "  ", "、"])
def test_normalize_multi_choice_empty(raw):
    assert_ok(normalize_multi_choice(raw, DISTINCTION_CHOICES), ())


# --- shared behaviour --------------------------------------------------------


@pytest.mark.parametrize("normalizer", PICKY_NORMALIZERS)
def test_every_problem_is_bilingual_and_quotes_the_raw_value_as_typed(normalizer):
    result = normalizer(" 坏值１？ ")
    assert_problem(result)
    assert "“坏值１？”" in result.problem.zh
    assert '"坏值１？"' in result.problem.en
