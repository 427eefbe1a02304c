"""Column widths set by a table's content, and the type size and page it needs.

A browser or WeasyPrint left alone gives a table that is wider than the page columns
by a rule of thumb of its own: a short column can end up a few words wide beside two
long ones (one cell then runs twenty lines), and long column headings stand eight
lines high over three-digit numbers. Here the widths are worked out from the text,
counted in characters of the table's type: each column at least its longest word
plus padding, the width left over shared in proportion to how much more each column's
longest text would take. A table whose text would still run more than `MOST_LINES`
lines in a cell is set in smaller type (`COMPACT`), and if even that leaves more than
`MOST_LINES_SMALL`, on a page of its own turned on its side (`LANDSCAPE`): a landscape
page leaves the text before it ending wherever it ends, so it is the last resort.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from displacement_report.present.typography import unbroken

#: The class of a table the report build moves to the annex (named here, in a module
#: without matplotlib, for the build to read; `exhibits` sets it).
ANNEX_CLASS = "annex-exhibit"
#: How a table is set: in the report's table type, in smaller type, or on its side.
NORMAL, COMPACT, LANDSCAPE = "normal", "compact", "landscape"
#: Characters of table text (cell padding included) across an A4 text column: 9 pt in
#: portrait (17.4 cm), 7.5 pt in portrait, 9 pt in landscape (26.1 cm); measured on the
#: report's tables.
ROOM = {NORMAL: 100, COMPACT: 120, LANDSCAPE: 150}
#: Cell padding on both sides, in characters; headings are bold, a little wider.
PADDING = 2
BOLD = 1.1
#: More lines than this in one cell, or in a heading, and the table is set smaller; more
#: than `MOST_LINES_SMALL` even so, and it goes on its side. A landscape page ends the
#: text before it wherever that ends (a page half empty), so only for the extreme table.
MOST_LINES = 7
MOST_LINES_SMALL = 15


@dataclass(frozen=True)
class ColumnLayout:
    """Each column's share of the table's width (percent, adding up to 100), or none
    where the table fits as it is; how it is set (`NORMAL`, `COMPACT`, `LANDSCAPE`)."""

    shares: tuple[float, ...] = ()
    setting: str = NORMAL
    #: The share of the table's width (percent) each cell's padding takes.
    padding: float = 0.0

    def content_shares(self) -> tuple[float, ...]:
        """Each column's width for CSS, which sets a cell's content without its padding:
        its share less the padding, so that the columns with their padding fill the
        table and not more (a table of seven columns otherwise grows by seven paddings,
        past the page's edge)."""
        return tuple(round(max(share - self.padding, 1.0), 1) for share in self.shares)


def _words(text: str) -> list[str]:
    """The pieces a line may break between: an amount with its currency or unit is one."""
    return unbroken(text).split(" ")


def lines(text: str, width: float) -> int:
    """Lines `text` takes when its words are wrapped at `width` characters."""
    count, filled = 1, 0
    for word in _words(text):
        if filled and filled + 1 + len(word) > width:
            count, filled = count + 1, len(word)
        else:
            filled += len(word) + (1 if filled else 0)
    return count


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(word) for text in texts for word in _words(text)), default=0)


def widths(header: Sequence[str], columns: Sequence[Sequence[str]], room: float) -> list[float]:
    """Each column's width in characters, padding included, when the table has `room`
    characters: its longest text where everything fits; otherwise at least its longest
    word, and the rest shared as the columns' longest texts ask for more."""
    least = [
        max(_longest_word(cells), _longest_word([head]) * BOLD) + PADDING
        for head, cells in zip(header, columns, strict=True)
    ]
    most = [
        max(max((len(c) for c in cells), default=0), len(head) * BOLD) + PADDING
        for head, cells in zip(header, columns, strict=True)
    ]
    if sum(most) <= room or sum(most) == sum(least):  # fits, or nothing can wrap
        return most
    spare = max(room - sum(least), 0)
    wanted = [high - low for low, high in zip(least, most, strict=True)]
    return [low + spare * want / sum(wanted) for low, want in zip(least, wanted, strict=True)]


def tallest(header: Sequence[str], columns: Sequence[Sequence[str]], width: Sequence[float]) -> int:
    """The most lines any heading or cell takes at these widths."""
    room = [w - PADDING for w in width]
    headings = [lines(head, r / BOLD) for head, r in zip(header, room, strict=True)]
    cells = [lines(c, r) for cells, r in zip(columns, room, strict=True) for c in cells]
    return max(headings + cells)


def column_layout(header: Sequence[str], columns: Sequence[Sequence[str]]) -> ColumnLayout:
    """The widths of a table with these headings and (formatted) column texts, and how
    it is set; no widths where every heading and cell fits on one line."""
    if not header or sum(widths(header, columns, math.inf)) <= ROOM[NORMAL]:
        return ColumnLayout()
    most = {NORMAL: MOST_LINES, COMPACT: MOST_LINES_SMALL, LANDSCAPE: math.inf}
    for setting in (NORMAL, COMPACT, LANDSCAPE):
        width = widths(header, columns, ROOM[setting])
        if tallest(header, columns, width) <= most[setting]:
            break
    total = sum(width)
    shares = tuple(round(100 * w / total, 1) for w in width)
    return ColumnLayout(shares, setting, round(100 * PADDING / total, 2))
