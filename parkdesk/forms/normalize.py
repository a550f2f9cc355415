"""Turn raw field or spreadsheet input typed by Chinese users into clean values.

Each normalize_* returns a Normalized: the clean value, or ok=False with a bilingual
problem naming the raw value. Ranges and check digits are validation's job. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple

from parkdesk.reference.labels import Label
from parkdesk.texts import Text


@dataclass(frozen=True)
class Normalized:
    value: object | None  # the clean value, None when empty or not understood
    ok: bool  # False when the input could not be understood unambiguously
    problem: Text | None = None  # what is wrong with the input, in the catalogue (parkdesk/texts/forms.py)
    changed: bool = False  # True when the clean value differs from the raw text
    # (text, choice key) for each choice read forgivingly (a synonym, a prefix, a yes): worth a notice
    mapped: tuple[tuple[str, str], ...] = ()


EMPTY_MARKERS = frozenset({"", "-", "—", "——", "－", "/", "无", "N/A", "n/a", "NA", "null", "None", "空"})

# Full-width ASCII (U+FF01–U+FF5E) to ASCII, exactly NFKC on that block only, so CJK ideographs
# and other compatibility characters stay; zero-width characters go, the ideographic space is a space.
_TRANSLATION = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_TRANSLATION |= dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff")) | {0x3000: " "}


def _shown(raw) -> str:
    """The raw value as quoted in problem messages."""
    text = str(raw).strip()
    return text if len(text) <= 30 else text[:30] + "…"


def _problem(key: str, **params) -> Normalized:
    return Normalized(None, False, Text(key, params))


def _empty(raw, value=None) -> Normalized:
    return Normalized(value, True, changed=raw not in (None, ""))


def clean_text(raw) -> str | None:
    if raw is None:
        return None
    text = " ".join(str(raw).translate(_TRANSLATION).split())
    return None if text in EMPTY_MARKERS else text


# a character that clean_text would change: full-width, zero-width, or any whitespace (even a single space)
_NOT_CLEAN = re.compile("[" + "".join(map(chr, _TRANSLATION)) + r"\s]")


def is_clean_text(text: str) -> bool:
    """True only if clean_text(text) is text itself: the fast path of bulk imports (one regex, no copy)."""
    return not _NOT_CLEAN.search(text) and text not in EMPTY_MARKERS


def normalize_text(raw, max_length: int | None = None) -> Normalized:
    text = clean_text(raw)
    if text is None:
        return _empty(raw)
    if max_length is not None and len(text) > max_length:
        return _problem("value.too_long", raw=_shown(raw), max_length=max_length, length=len(text))
    return Normalized(text, True, changed=str(raw) != text)


# --- numbers -----------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:[, ][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+")
_NUMBER_AND_UNIT = re.compile(r"(?P<number>.*?[0-9)])\s*(?P<unit>[^0-9\s().,+-]*)")
_CJK_UNIT = re.compile(r"[\u4e00-\u9fff]+")  # 家, 人, 个...


class _Number(NamedTuple):
    value: Decimal
    unit: str  # trailing unit written in the text, "" when none
    changed: bool  # the raw text was not just the plain number


def _plain_number(text: str) -> str | None:
    """'1,234.5' → '1234.5', '(3.2)' → '-3.2' (accounting negative); None if not a number."""
    text = text.replace("\u2212", "-")
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1].strip()
    if not _NUMBER.fullmatch(text) or (negative and text[0] in "+-"):
        return None
    plain = text.replace(",", "").replace(" ", "")
    return "-" + plain if negative else plain


def _read_number(raw) -> _Number | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float, Decimal)):
        number = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
        return _Number(number, "", False) if number.is_finite() else None
    match = _NUMBER_AND_UNIT.fullmatch(clean_text(raw) or "")
    plain = _plain_number(match["number"]) if match else None
    if plain is None:
        return None
    return _Number(Decimal(plain), match["unit"], str(raw) != plain)


def normalize_integer(raw) -> Normalized:
    if clean_text(raw) is None:
        return _empty(raw)
    number = _read_number(raw)
    not_whole = _problem("value.not_whole", raw=_shown(raw))
    if number is None or (number.unit and not _CJK_UNIT.fullmatch(number.unit)):
        return not_whole
    if number.unit and number.unit[0] in "十百千万亿":
        return _problem("value.multiplier", raw=_shown(raw), multiplier=number.unit[0])
    if number.value != number.value.to_integral_value():
        return not_whole
    return Normalized(int(number.value), True, changed=number.changed)


# unit → (currency, factor to the base unit of that currency)
MONEY_UNITS = {
    "元": ("CNY", 1), "千元": ("CNY", 10**3), "万元": ("CNY", 10**4), "百万元": ("CNY", 10**6),
    "千万元": ("CNY", 10**7), "亿元": ("CNY", 10**8),
    "美元": ("USD", 1), "千美元": ("USD", 10**3), "万美元": ("USD", 10**4), "百万美元": ("USD", 10**6),
    "千万美元": ("USD", 10**7), "亿美元": ("USD", 10**8),
}


def _convert(raw, value: float, unit: str, field_unit: str | None) -> Normalized:
    """Convert value from unit to field_unit, or explain why it cannot be."""
    shown = _shown(raw)
    if unit == "%":
        return _problem("value.percentage", raw=shown)
    if field_unit is None:
        return _problem("value.unit_not_wanted", raw=shown, unit=unit)
    if unit not in MONEY_UNITS and field_unit in MONEY_UNITS:  # "3亿" in a column of 万元: 亿元
        currency = "美元" if field_unit.endswith("美元") else "元"
        unit = unit + currency if unit + currency in MONEY_UNITS else unit
    if unit not in MONEY_UNITS or field_unit not in MONEY_UNITS:
        return _problem("value.unit_mismatch", raw=shown, unit=unit, field_unit=field_unit)
    (currency, factor), (field_currency, field_factor) = MONEY_UNITS[unit], MONEY_UNITS[field_unit]
    if currency != field_currency:
        return _problem("value.currency_mismatch", raw=shown, unit=unit, field_unit=field_unit)
    converted = Decimal(repr(value)) * Decimal(factor) / Decimal(field_factor)
    return Normalized(float(converted), True, changed=True)


def normalize_decimal(raw, *, field_unit: str | None = None, header_unit: str | None = None) -> Normalized:
    if clean_text(raw) is None:
        return _empty(raw)
    number = _read_number(raw)
    if number is None:
        return _problem("value.not_number", raw=_shown(raw))
    value = round(float(number.value), 6)  # float noise, before any unit conversion
    unit = number.unit or clean_text(header_unit) or field_unit
    if unit == field_unit:
        return Normalized(value, True, changed=number.changed)
    return _convert(raw, value, unit, field_unit)


def normalize_percent(raw) -> Normalized:
    """Values in percent units: '12.3%', '12.3' and 12.3 all mean 12.3 %."""
    return normalize_decimal(raw, field_unit="%")


# --- dates -------------------------------------------------------------------

_TIME = r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
_YMD = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*[日号]?" + _TIME)
_COMPACT_YMD = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_SERIAL = re.compile(r"[0-9]+(?:\.0+)?")
_NO_DAY = re.compile(r"[0-9]{4}\s*(?:[-/.年]\s*[0-9]{1,2}\s*月?|年)?")
_DAY_FIRST = re.compile(r"[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{2,4}")


def _from_serial(serial, raw) -> Normalized:
    """Excel 1900 date system, including its non-existent 1900-02-29 (serial 60)."""
    if not 1 <= serial <= 2958465:  # 1900-01-01 … 9999-12-31
        return _problem("value.bad_serial", raw=_shown(raw))
    days = int(serial)  # a fraction is the time of day
    if days == 60:
        return _problem("value.excel_leap_bug", raw=_shown(raw))
    base = date(1899, 12, 30) if days >= 61 else date(1899, 12, 31)
    return Normalized(base + timedelta(days=days), True, changed=True)


def _from_parts(year: str, month: str, day: str, raw) -> Normalized:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return _problem("value.no_such_date", raw=_shown(raw))
    return Normalized(value, True, changed=str(raw) != value.isoformat())


def normalize_date(raw) -> Normalized:
    if isinstance(raw, datetime):
        return Normalized(raw.date(), True, changed=raw.time() != time())
    if isinstance(raw, date):
        return Normalized(raw, True)
    text = clean_text(raw)
    if text is None:
        return _empty(raw)
    if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        return _from_serial(raw, raw)
    if match := _YMD.fullmatch(text) or _COMPACT_YMD.fullmatch(text):
        return _from_parts(*match.groups(), raw)
    if _SERIAL.fullmatch(text) and len(text) != 4:  # a bare 4-digit string is a year
        return _from_serial(Decimal(text), raw)
    if _NO_DAY.fullmatch(text):
        return _problem("value.no_day", raw=_shown(raw))
    if _DAY_FIRST.fullmatch(text):
        return _problem("value.ambiguous_date", raw=_shown(raw))
    return _problem("value.not_date", raw=_shown(raw))


# --- codes and choices ---------------------------------------------------------


def normalize_uscc(raw) -> Normalized:
    """Clean a unified social credit code; its check characters are validation's job."""
    if isinstance(raw, float):  # Excel keeps only 15 significant digits of numbers
        return _problem("value.code_as_number", raw=_shown(raw))
    text = clean_text(raw)
    if text is None:
        return _empty(raw)
    code = text.upper().replace(" ", "").replace("-", "")
    return Normalized(code, True, changed=str(raw) != code)


_QUOTES = dict.fromkeys(map(ord, "“”\"'‘’"))
_SEPARATORS = re.compile(r"([,;/|、\s]+)")  # full-width ，；／｜ are ASCII after clean_text


def _choice_form(text) -> str:
    """What two spellings of one choice have in common: cleaned, unquoted, case-folded."""
    return (clean_text(text) or "").translate(_QUOTES).casefold()


@dataclass(frozen=True)
class ChoiceWords:
    """Other words for choices (parkdesk.forms.synonyms): by a choice's Chinese label, and yes and no."""

    synonyms: dict = field(default_factory=dict)  # Chinese label → other words
    yes: frozenset = frozenset()
    no: frozenset = frozenset()


NO_WORDS = ChoiceWords()


@dataclass(frozen=True)
class ChoiceMatch:
    """How a text names one of a list's choices: exactly, or forgivingly (a synonym, a prefix, an
    abbreviation, a yes or a no), or ambiguously (`candidates`), or not at all (key None, no candidates)."""

    key: str | None
    forgiving: bool = False
    candidates: tuple[str, ...] = ()


def _exact_choice(form: str, choices) -> str | None:
    for key, label in choices:
        if form and form in {_choice_form(key), _choice_form(label.zh), _choice_form(label.en)}:
            return key
    return None


def _is_abbreviation(form: str, label: str) -> bool:
    """"综提" of "综合提升类": the first character and then the others in order (Chinese only)."""
    if len(form) < 2 or not label or form[0] != label[0] or form.isascii():
        return False
    rest = iter(label[1:])
    return all(ch in rest for ch in form[1:])


def _forgiving_choice(form: str, choices, words: ChoiceWords) -> ChoiceMatch:
    """A synonym, else an unambiguous prefix of a label, else an abbreviation; or the candidates."""
    tries = (
        lambda label: form in {_choice_form(s) for s in words.synonyms.get(label.zh, ())},
        lambda label: any(f.startswith(form) for f in (_choice_form(label.zh), _choice_form(label.en))
                          if f and (len(form) >= 2 or not form.isascii())),
        lambda label: _is_abbreviation(form, _choice_form(label.zh)),
    )
    for matches in tries:
        found = tuple(key for key, label in choices if matches(label))
        if len(found) == 1:
            return ChoiceMatch(found[0], forgiving=True)
        if found:
            return ChoiceMatch(None, candidates=found)
    return ChoiceMatch(None)


def match_choice(text, choices, words: ChoiceWords = NO_WORDS, yes_no: tuple[str, str] | None = None) -> ChoiceMatch:
    """Which choice `text` names: the key or a label exactly; else forgivingly (see _forgiving_choice);
    for a yes/no question (`yes_no`: the keys a yes and a no mean) also the words for yes and no."""
    if yes_no is not None:
        word = raw_text(text).strip().casefold()
        if word in words.yes or word in words.no:
            return ChoiceMatch(yes_no[0] if word in words.yes else yes_no[1], forgiving=True)
    form = _choice_form(text)
    if not form:
        return ChoiceMatch(None)
    key = _exact_choice(form, choices)
    return ChoiceMatch(key) if key is not None else _forgiving_choice(form, choices, words)


def raw_text(raw) -> str:
    """A cell as text for matching words: 1.0 → "1"."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return "" if raw is None else str(raw)


def _match_choice(text: str, choices) -> str | None:
    return _exact_choice(_choice_form(text), choices)


def _not_a_choice(parts: list[str], choices) -> Normalized:
    quoted = Label("、".join(f"“{part}”" for part in parts), ", ".join(f'"{part}"' for part in parts))
    allowed = Label("、".join(label.zh for _, label in choices), ", ".join(label.en for _, label in choices))
    key = "value.not_a_choice" if len(parts) == 1 else "value.not_choices"
    return _problem(key, parts=quoted, allowed=allowed)


def _ambiguous(part: str, candidates: tuple[str, ...], choices) -> Normalized:
    labels = dict(choices)
    shown = Label("、".join(labels[k].zh for k in candidates), ", ".join(labels[k].en for k in candidates))
    return _problem("value.ambiguous_choice", raw=part, candidates=shown)


def normalize_choice(raw, choices: tuple[tuple[str, object], ...], words: ChoiceWords = NO_WORDS,
                     yes_no: tuple[str, str] | None = None) -> Normalized:
    """Match the key, the Chinese or the English label (the value is the key); forgivingly a synonym of
    `words`, an unambiguous prefix or abbreviation, and for a yes/no question (`yes_no`) a word for yes or
    no ("无" is a no there, not a blank). `mapped` names what was read forgivingly."""
    if yes_no is not None and raw is not None and raw_text(raw).strip():
        found = match_choice(raw, choices, words, yes_no)
        if found.key is not None and found.forgiving:
            return Normalized(found.key, True, changed=True, mapped=((raw_text(raw).strip(), found.key),))
    text = clean_text(raw)
    if text is None:
        return _empty(raw)
    found = match_choice(text, choices, words)
    if found.key is None:
        if found.candidates:
            return _ambiguous(_shown(raw), found.candidates, choices)
        return _not_a_choice([_shown(raw)], choices)
    mapped = ((text, found.key),) if found.forgiving else ()
    return Normalized(found.key, True, changed=str(raw) != dict(choices)[found.key].zh, mapped=mapped)


def _match_parts(text: str, choices, words: ChoiceWords) -> tuple[set[str], list[str], list[tuple[str, str]], list[tuple]]:
    """Split text on separators, joining neighbours back when together they form one
    choice (English labels hold spaces and slashes); the keys, the unknown parts, the parts
    matched forgivingly (part, key) and the ambiguous ones (part, candidates)."""
    pieces = _SEPARATORS.split(text)  # words at even indexes, separators between
    count = len(pieces) // 2 + 1  # text has no leading or trailing separator
    found, unknown, mapped, ambiguous, start = set(), [], [], [], 0
    while start < count:
        for end in range(count, start, -1):
            key = _match_choice("".join(pieces[2 * start:2 * end - 1]), choices)
            if key is not None:
                found.add(key)
                start = end
                break
        else:
            part = pieces[2 * start]
            loose = _forgiving_choice(_choice_form(part), choices, words)
            if loose.key is not None:
                found.add(loose.key)
                mapped.append((part, loose.key))
            elif loose.candidates:
                ambiguous.append((part, loose.candidates))
            else:
                unknown.append(part)
            start += 1
    return found, unknown, mapped, ambiguous


def normalize_multi_choice(raw, choices, words: ChoiceWords = NO_WORDS) -> Normalized:
    """Several choices in one cell; the value is a tuple of keys in the order of choices."""
    text = (clean_text(raw) or "").strip(",;/|、 ")
    if not text:
        return _empty(raw, ())
    found, unknown, mapped, ambiguous = _match_parts(text, choices, words)
    if unknown:
        return _not_a_choice(unknown, choices)
    if ambiguous:
        return _ambiguous(ambiguous[0][0], ambiguous[0][1], choices)
    keys = tuple(key for key, _ in choices if key in found)
    canonical = "、".join(label.zh for key, label in choices if key in found)
    return Normalized(keys, True, changed=str(raw) != canonical, mapped=tuple(mapped))
