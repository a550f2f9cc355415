"""The text (not JSON) output of `parkdesk package inspect`: what a package says about itself, in words.

Section and item names come from the catalogue (inspect.*); bag-info tags stay as BagIt names them (they are
the standard's words, the same in every tool); values read as words: a yes or a no, a dash for nothing, a list
joined, a report status by its name."""

from __future__ import annotations

from parkdesk.texts import has_text, text

SIZE_COLUMN = "size"


def print_inspection(info: dict, lang: str) -> None:
    _print_tree(info, lang, "")


def _label(key: str, lang: str) -> str:
    return text(f"inspect.{key}", lang) if has_text(f"inspect.{key}") else key


def _value(key: str, value, lang: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return text("inspect.yes" if value else "inspect.no", lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(_value("", item, lang) for item in value) or "—"
    if key == "status" and has_text(f"status.{value}"):
        return text(f"status.{value}", lang)
    return str(value)


def _print_tree(value: dict, lang: str, indent: str) -> None:
    for key, item in value.items():
        words = key if indent and key[:1].isupper() else _label(key, lang)  # bag-info tags: Payload-Oxum …
        if isinstance(item, dict):
            print(f"{indent}{words}:")
            _print_tree(item, lang, indent + "  ")
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            print(f"{indent}{words}:")
            columns = list(item[0])
            print(f"{indent}  " + "\t".join(_label(column, lang) for column in columns))
            for entry in item:
                print(f"{indent}  " + "\t".join(_value(column, entry.get(column), lang) for column in columns))
        else:
            print(f"{indent}{words}: {_value(key, item, lang)}")
