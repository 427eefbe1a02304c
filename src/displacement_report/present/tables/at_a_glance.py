"""The blocks of the 'At a glance' page: key-figure tiles (the factsheets' tiles, in a
grid per question) and the small tables of the letter's scorecard.

Every figure is a span that carries its value and the exhibit it comes from
(`data-value`, `data-exhibit`), and every tile names that exhibit (`@fig:name`,
`@tab:name`, `@chapter:name`, which the report turns into a link): a reader follows the
link, a test compares the two numbers."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

#: Arrows beside a change, for sighted readers; the words say the same.
ARROWS = {"up": "▲", "down": "▼", "same": "="}


def exhibit_anchor(reference: str) -> str:
    """'@fig:name' -> 'fig-name', the exhibit's id in the report; '' for a chapter or
    no reference (the figure is stated in a chapter's text)."""
    kind, _sep, name = reference.removeprefix("@").partition(":")
    return f"{kind}-{name}" if kind in ("fig", "tab") and name else ""


def figure(text: str, value: float | None, reference: str = "") -> str:
    """A figure as written (`text`, escaped) with its value and exhibit for a test to
    check it against that exhibit."""
    if value is None:
        return html.escape(text)
    anchor = exhibit_anchor(reference)
    exhibit = f' data-exhibit="{anchor}"' if anchor else ""
    return f'<span class="glance-figure" data-value="{value!r}"{exhibit}>{html.escape(text)}</span>'


@dataclass(frozen=True)
class Tile:
    """One key figure: what it counts, the figure, a line of context, where it is shown.
    `value` and `note` are HTML (figures made with `figure`); `label` is text."""

    key: str
    label: str
    value: str
    note: str = ""
    reference: str = ""
    direction: str = ""  # 'up', 'down' or 'same': an arrow before the note
    wide: bool = False  # spans two columns (a list of hosts)


def tile_html(tile: Tile) -> str:
    """A tile: what it counts, the figure with the exhibit it comes from beside it, and
    a line of context (a change with an arrow and its words)."""
    arrow = ARROWS.get(tile.direction)
    marker = f'<span class="tile-arrow" aria-hidden="true">{arrow}</span> ' if arrow else ""
    see = f'<span class="tile-see">{tile.reference}</span>' if tile.reference else ""
    note = f'<span class="tile-change">{marker}{tile.note}</span>' if tile.note else ""
    wide = " tile-wide" if tile.wide else ""
    return (
        f'<li class="tile glance-tile glance-{tile.key}{wide}">'
        f'<span class="tile-label">{html.escape(tile.label)}</span>'
        f'<span class="tile-value-row"><span class="tile-value">{tile.value}</span>{see}</span>'
        f"{note}</li>"
    )


def question_html(question: str, tiles: Sequence[Tile], note: str = "") -> str:
    """One of the page's questions: the question, its tiles, and a sentence under them
    (`note`, HTML) where the tiles need one, or say why there are none."""
    # as many columns as the tiles fill (a wide tile takes two), four at most: a row of
    # three tiles gives each more room than a quarter of the page
    columns = min(4, sum(2 if t.wide else 1 for t in tiles))
    listing = (
        f'<ul class="tiles glance-tiles" style="grid-template-columns: '
        f'repeat({columns}, minmax(0, 1fr))">{"".join(tile_html(t) for t in tiles)}</ul>'
        if tiles
        else ""
    )
    below = f'<p class="glance-note">{note}</p>' if note else ""
    return (
        f'<section class="glance-question"><h2>{html.escape(question)}</h2>'
        f'<div class="glance-answer">{listing}{below}</div></section>'
    )


def tally_table(
    groups: Sequence[str], rows: Sequence[tuple[str, Sequence[int | None]]], corner: str
) -> str:
    """The scorecard's counts: a column per group of verdicts (`groups`), a row for the
    claims judged on the figures of then and one for the report year (each a label and
    its counts; '–' where a group has no meaning)."""

    def cell(n: int | None) -> str:
        return "–" if n is None else str(n)

    head = f'<th scope="col">{html.escape(corner)}</th>' + "".join(
        f'<th scope="col">{html.escape(g)}</th>' for g in groups
    )
    body = "".join(
        f'<tr><th scope="row">{html.escape(label)}</th>'
        + "".join(f"<td>{cell(n)}</td>" for n in counts)
        + "</tr>"
        for label, counts in rows
    )
    return (
        f'<table class="glance-tally"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def claims_table(rows: Sequence[Sequence[str]], heads: Sequence[str], caption: str) -> str:
    """The claims that do not or no longer hold: statement, the letter's figure, the
    figure now, the verdict (cells are text)."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in heads)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        f'<table class="glance-claims"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
