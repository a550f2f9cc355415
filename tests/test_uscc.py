import pytest

from parkdesk.uscc import ALPHABET, check_uscc, is_valid_uscc, make_uscc, org_code_check_char, uscc_check_char

REAL_CODES = [
    "914403001922038216",
    "9144030071526726XG",
    "91330100716105852F",
    "911100007109250324",
    "913700001630477270",
    "113701006974812100",
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    result = check_uscc(code)
    assert result.valid, result


@pytest.mark.parametrize("code", REAL_CODES)
def test_any_changed_last_character_fails(code):
    for replacement in ALPHABET:
        if replacement == code[-1]:
            continue
        result = check_uscc(code[:-1] + replacement)
        assert not result.valid
        assert result.expected_check == code[-1]


def test_alphabet_excludes_ambiguous_letters():
    assert len(ALPHABET) == 31
    for letter in "IOSVZ":
        assert letter not in ALPHABET


def test_weights_and_check_formula_by_hand():
    # (31 − Σ value_i × 3^(i−1) mod 31) mod 31 over the first 17 of 914403001922038216
    first17 = "91440300192203821"
    total = sum(ALPHABET.index(ch) * 3 ** i for i, ch in enumerate(first17))
    assert ALPHABET[(31 - total % 31) % 31] == "6" == uscc_check_char(first17)


def test_org_code_check_maps_10_to_x_and_11_to_0():
    assert org_code_check_char("71526726") == "X"  # from 9144030071526726XG
    assert org_code_check_char("69748121") == "0"  # from 113701006974812100
    assert org_code_check_char("19220382") == "1"


def test_wrong_org_check_is_reported_separately():
    # change the organisation-code check character and recompute the final one
    first17 = "91440300192203822"
    code = first17 + uscc_check_char(first17)
    result = check_uscc(code)
    assert result.expected_check is None
    assert result.expected_org_check == "1"
    assert not result.valid


@pytest.mark.parametrize("bad", ["", "91440300192203821", "9144030019220382166", "91440300192203821I",
                                 "91440300192203821o", "914403001922038 16"])
def test_malformed_codes(bad):
    result = check_uscc(bad)
    assert not result.format_ok
    assert not is_valid_uscc(bad)


def test_make_uscc_round_trips():
    code = make_uscc("91", "370102", "MA3C4D5E")
    assert code.startswith("91370102MA3C4D5E")
    assert is_valid_uscc(code)
