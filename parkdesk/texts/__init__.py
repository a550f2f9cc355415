"""Everything the core says, in Chinese (the default) and English: one catalogue keyed by stable ids.

    text("report.locked", lang, park=..., year=..., status=...) -> str

Messages, headings of the PDFs and workbooks, the command line's output, state names: each is one entry
`key: (zh, en)` in one of the area modules below (parkdesk/texts/<area>.py), with `{name}` placeholders
filled from the parameters; a parameter that is itself bilingual (a reference Label, or a `Text`) is put in
the same language. The whole catalogue is read on first use — nothing registers itself on import, so a text
exists whether or not the module that says it was imported. tests/test_texts.py checks that every key the
code uses exists and that both languages carry the same placeholders.

Form labels, units and choices live with the forms (parkdesk/forms) and the plan's reference data
(parkdesk/reference); Qt's own widget strings go through tr() and Qt Linguist.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Mapping

DEFAULT_LANG = "zh"
LANGS = ("zh", "en")
AREAS = ("core", "forms", "validation", "workspace", "reports", "editing", "identity", "packages", "charts", "pdf", "excel", "review",
         "city", "selftest", "app")

_catalogue: dict[str, tuple[str, str]] | None = None


def catalogue() -> dict[str, tuple[str, str]]:
    """Every text, by key (read once); a key defined in two areas is an error."""
    global _catalogue
    if _catalogue is None:
        merged: dict[str, tuple[str, str]] = {}
        for area in AREAS:
            texts = importlib.import_module(f"parkdesk.texts.{area}").TEXTS
            clash = sorted(set(texts) & set(merged))
            if clash:
                raise ValueError(f"text keys defined twice: {clash}")
            merged.update(texts)
        _catalogue = merged
    return _catalogue


def text(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text `key` in `lang` ("zh" or "en"), its placeholders filled; bilingual parameters in `lang` too."""
    zh, en = catalogue()[key]
    template = en if lang == "en" else zh
    if not params:
        return template
    return template.format(**{name: _in(value, lang) for name, value in params.items()})


def has_text(key: str) -> bool:
    return key in catalogue()


@dataclass(frozen=True)
class Text:
    """A text to be said later, in whichever language: a key of the catalogue and its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return text(self.key, lang, **self.params)

    @property
    def zh(self) -> str:
        return self.text("zh")

    @property
    def en(self) -> str:
        return self.text("en")


def _in(value: Any, lang: str) -> Any:
    """A bilingual value (anything with .text(lang): a Label, a Text) in `lang`; any other value as it is."""
    say = getattr(value, "text", None)
    return say(lang) if callable(say) else value
