"""A bilingual label shared by every piece of reference data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh
