"""Every number a report prints, generated from order: "一、", "（一）", "1.", "（1）", "一是".

The HTML preview, the PDF, the plain-text and the .docx export all number through this module, so a
moved item renumbers itself everywhere at once and nobody types a number by hand.
"""

from collections.abc import Iterable
from functools import cache
from typing import Protocol

from reports.models import Item

_DIGITS = "零一二三四五六七八九"


class Numbered(Protocol):
    """What numbering reads of an item: a stored ``Item``, or an import's ``ParsedItem`` before it is."""

    @property
    def style(self) -> str: ...

    @property
    def level(self) -> int: ...

    @property
    def is_empty(self) -> bool: ...


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百, 105 → 一百零五, 110 → 一百一十,
    999 → 九百九十九 (a report's numbering never goes higher)."""
    if not 1 <= n <= 999:
        raise ValueError(f"cannot write {n} as a heading number")
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_hundred(rest)
    text = _DIGITS[hundreds] + "百"
    if not rest:
        return text
    if rest < 10:
        return text + "零" + _DIGITS[rest]
    tens, ones = divmod(rest, 10)
    return text + _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")  # 一百一十, not 一百十


def _below_hundred(n: int) -> str:
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    prefix = "" if tens == 1 else _DIGITS[tens]
    return prefix + "十" + (_DIGITS[ones] if ones else "")


@cache
def _chinese_numbers() -> dict[str, int]:
    return {chinese_number(n): n for n in range(1, 1000)}


def parse_chinese_number(text: str) -> int | None:
    """The inverse of ``chinese_number``; None when ``text`` is not one."""
    return _chinese_numbers().get(text)


def heading_label(level: int, n: int) -> str:
    """The label of the ``n``th heading at ``level`` (1 = "一、" … 4 = "（1）")."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"no heading level {level}")


def enumeration_label(n: int) -> str:
    return f"{chinese_number(n)}是"


def item_labels(items: Iterable[Numbered]) -> list[str]:
    """Labels for a section's items, in order: one string per item ("" for a plain paragraph).

    A heading at one level resets the levels below it; "一是" counts restart after any numbered heading.
    An empty item (no heading, no text) is not printed, so it gets no number and takes none.
    """
    counters = {2: 0, 3: 0, 4: 0}
    enumerated = 0
    labels = []
    for item in items:
        if item.is_empty or item.style == Item.Style.PLAIN:
            labels.append("")
        elif item.style == Item.Style.ENUMERATED:
            enumerated += 1
            labels.append(enumeration_label(enumerated))
        else:
            counters[item.level] += 1
            for deeper in range(item.level + 1, 5):
                counters[deeper] = 0
            enumerated = 0
            labels.append(heading_label(item.level, counters[item.level]))
    return labels
