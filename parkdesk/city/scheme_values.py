"""Reading a scoring scheme's JSON values strictly: exact numbers, known keys, bilingual problems.

Numbers are read as exact decimals (JSON 0.1 is 1/10, not the float next to
it) and may have at most MAX_DECIMALS decimals, so that writing a scheme back
as JSON and reading it again gives the very same scheme and fingerprint.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from parkdesk.errors import InputProblem
from parkdesk.reference.labels import Label
from parkdesk.texts import DEFAULT_LANG, text

MAX_DECIMALS = 4


class SchemeProblem(InputProblem):
    """The scheme was read but something in it is wrong; `problem` says what, in both languages."""

    def __init__(self, problem: Label, path: Path | str | None = None):
        self.problem, self.path = problem, path
        super().__init__("city.scheme_invalid", problem=problem.zh, path=path or "—")

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text("city.scheme_invalid", lang, problem=self.problem.text(lang), path=self.path or "—")


def problem(zh: str, en: str) -> SchemeProblem:
    return SchemeProblem(Label(zh, en))


def check_keys(obj, allowed: tuple[str, ...], required: tuple[str, ...], where: str) -> dict:
    if not isinstance(obj, dict):
        raise problem(f"{where} 应为对象", f"{where} must be an object")
    unknown = sorted(set(obj) - set(allowed))
    if unknown:
        raise problem(f"{where} 含未知字段:{', '.join(unknown)}", f"{where} has unknown fields: {', '.join(unknown)}")
    missing = [key for key in required if key not in obj]
    if missing:
        raise problem(f"{where} 缺少字段:{', '.join(missing)}", f"{where} lacks fields: {', '.join(missing)}")
    return obj


def read_number(value, where: str, *, minimum: Fraction | int | None = 0,
                maximum: Fraction | int | None = None) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, Fraction)):
        raise problem(f"{where} 应为数字,得到:{value!r}", f"{where} must be a number, got: {value!r}")
    number = Fraction(value)
    if (number * 10 ** MAX_DECIMALS).denominator != 1:
        raise problem(f"{where} 最多 {MAX_DECIMALS} 位小数:{value}",
                      f"{where} has more than {MAX_DECIMALS} decimals: {value}")
    if minimum is not None and number < minimum:
        raise problem(f"{where} 不能小于 {minimum}:{value}", f"{where} must not be below {minimum}: {value}")
    if maximum is not None and number > maximum:
        raise problem(f"{where} 不能大于 {maximum}:{value}", f"{where} must not be above {maximum}: {value}")
    return number


def read_choice(value, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise problem(f"{where} 应为 {' | '.join(choices)} 之一,得到:{value!r}",
                      f"{where} must be one of {' | '.join(choices)}, got: {value!r}")
    return value


def read_text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise problem(f"{where} 应为非空文字", f"{where} must be non-empty text")
    return value.strip()


def read_label(value, where: str) -> Label:
    """{"zh": ..., "en": ...}, or one text for both."""
    if isinstance(value, str):
        words = read_text(value, where)
        return Label(words, words)
    check_keys(value, ("zh", "en"), ("zh", "en"), where)
    return Label(read_text(value["zh"], f"{where}.zh"), read_text(value["en"], f"{where}.en"))


def label_json(label: Label) -> dict:
    return {"zh": label.zh, "en": label.en}
