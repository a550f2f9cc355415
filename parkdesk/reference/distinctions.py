"""Enterprise distinctions the plan names, stored in workspaces as a bit mask.

The bit of each distinction is part of the workspace format: never change one.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class Distinction:
    key: str
    bit: int
    label: Label


DISTINCTIONS: tuple[Distinction, ...] = (
    Distinction("global_top100", 1 << 0, Label("全球百强企业", "Global top-100 enterprise")),
    Distinction("listed", 1 << 1, Label("上市公司", "Listed company")),
    Distinction("unicorn", 1 << 2, Label("独角兽企业", "Unicorn")),
    Distinction("leading", 1 << 3, Label("龙头企业", "Leading enterprise")),
    Distinction("specialized", 1 << 4, Label("“专精特新”企业", "Specialized and innovative SME")),
    Distinction("little_giant", 1 << 5, Label("“小巨人”企业", "'Little giant' enterprise")),
)
DISTINCTION_BY_KEY = {d.key: d for d in DISTINCTIONS}
ALL_DISTINCTION_BITS = sum(d.bit for d in DISTINCTIONS)


def to_mask(keys) -> int:
    mask = 0
    for key in keys:
        mask |= DISTINCTION_BY_KEY[key].bit
    return mask


def from_mask(mask: int) -> tuple[str, ...]:
    return tuple(d.key for d in DISTINCTIONS if mask & d.bit)
