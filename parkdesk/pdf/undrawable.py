"""The PDF writers' messages, in Chinese and English."""

from __future__ import annotations

from parkdesk.texts import text


def undrawable_lines(found: dict[str, str], lang: str) -> list[str]:
    """The export's note on names holding characters no font could draw: a heading, then one line per name."""
    if not found:
        return []
    return [text("pdf.undrawable", lang, count=len(found))] + [
        text("pdf.undrawable_name", lang, name=name,
                characters=" ".join(f"{char} U+{ord(char):04X}" for char in characters))
        for name, characters in found.items()]
