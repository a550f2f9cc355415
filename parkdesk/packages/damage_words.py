"""Why a file inside a package cannot be read, in words a district officer can act on.

The zip reader says it its own way ("Bad CRC-32 for file '…'", "Error -3 while decompressing data", "truncated
data"); a reader of the inbox or of `package verify` needs what happened and what to do.
"""

from __future__ import annotations

from parkdesk.texts import text

# (what the reader's message contains, lower case) → the words; the first that matches
_MEANINGS = (
    ("crc", "package.damage.crc"),
    ("truncated", "package.damage.truncated"),
    ("eof", "package.damage.truncated"),
    ("local header", "package.damage.structure"),
    ("local name", "package.damage.structure"),
    ("decompress", "package.damage.unpack"),
    ("compression", "package.damage.unpack"),
)


def damage_words(reason: object, lang: str = "zh") -> str:
    """The words for a zip reader's `reason`; an unknown reason is named as unreadable."""
    lowered = str(reason).lower()
    key = next((key for needle, key in _MEANINGS if needle in lowered), "package.damage.unreadable")
    return text(key, lang)
