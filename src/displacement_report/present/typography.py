"""What never breaks over two lines: an amount and its currency sign, a number and its
unit ('€ 1,3 miljard', 'about EUR 30,000', '45.2%', '20.4 million').

Amounts are written in many places (number formatters, translated sentences, notebook
text); they are found here, in one place, by their shape, and kept whole where the page
is put together (`report/combine.py`) and where a table's column widths are worked
out (`table_layout`).
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"

_CURRENCY = r"(?:€|EUR|USD|US\$|\$|£)"
_NUMBER = r"[−+\-–]?\d(?:[\d.,]*\d)?"
_UNIT = (
    r"(?:million|billion|thousand|miljoen|miljard|duizend|mln|mld"
    r"|percentage points?|per ?cent|procentpunt(?:en)?|procent|points|punten)(?!\w)"
)
#: A number with its currency before it, or a unit or sign after it, or both.
AMOUNT = re.compile(
    rf"(?<![\w.,]){_CURRENCY} {_NUMBER}(?: {_UNIT})?"
    rf"|(?<![\w.,]){_NUMBER}(?: {_UNIT}(?: euro(?!\w))?| euro(?!\w)| ?[%×])"
)


def amounts(text: str) -> list[tuple[int, int]]:
    """Where the amounts of `text` that hold a space start and end."""
    return [m.span() for m in AMOUNT.finditer(text) if " " in m.group(0)]


def unbroken(text: str) -> str:
    """`text` with the spaces inside its amounts made non-breaking."""
    pieces, last = [], 0
    for start, end in amounts(text):
        pieces += [text[last:start], text[start:end].replace(" ", NO_BREAK_SPACE)]
        last = end
    return "".join([*pieces, text[last:]])
