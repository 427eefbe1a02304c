"""Tables of the country profile: the key-figure tiles and the solutions table."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from displacement_report.analysis.key_figures import KeyFigure
from displacement_report.i18n import _
from displacement_report.present import exhibits
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import count
from displacement_report.present.narrative import country_profile as words

#: Arrows beside the change, for sighted readers; the words say the same.
_ARROWS = {"up": "▲", "down": "▼", "same": "="}


def _direction(figure: KeyFigure) -> str:
    if figure.change is None:
        return "none"
    return "up" if figure.change > 0 else "down" if figure.change < 0 else "same"


def tile_html(figure: KeyFigure) -> str:
    """One tile: what it counts, the figure, and its change in words."""
    direction = _direction(figure)
    arrow = _ARROWS.get(direction)
    marker = f'<span class="tile-arrow" aria-hidden="true">{arrow}</span> ' if arrow else ""
    value = "" if figure.value is None else f' data-value="{figure.value}"'
    return (
        f'<li class="tile tile-{figure.group} change-{direction}"{value}>'
        f'<span class="tile-label">{html.escape(_(words.TILE_LABELS[figure.group]))}</span>'
        f'<span class="tile-value">{html.escape(words.tile_value(figure))}</span>'
        f'<span class="tile-change">{marker}{html.escape(words.tile_change(figure))}</span>'
        "</li>"
    )


def tiles_html(figures: Sequence[KeyFigure], name: str, year: int, source: str) -> str:
    """The key figures as a row of tiles (a list laid out as a grid), with a heading and
    the source line under them."""
    heading = words.tiles_heading(name, year)
    tiles = "".join(tile_html(f) for f in figures)
    return (
        f'<section class="key-figures" aria-label="{html.escape(heading)}">'
        f'<p class="key-figures-title">{html.escape(heading)}</p>'
        f'<ul class="tiles" style="grid-template-columns: repeat({len(figures)}, 1fr)">'
        f"{tiles}</ul>"
        f'<p class="source-line">{exhibits.linked(source)}</p></section>'
    )


def key_numbers(figures: Sequence[KeyFigure], name: str) -> list[dict[str, object]]:
    """The tiles as key numbers of the run (figures.json, and the changes between runs)."""
    return [
        {
            "key": f.group,
            "label": f"{_(words.TILE_LABELS[f.group])}, {name}",
            "value": f.value,
            "unit": _("people"),
            "year": f.year,
        }
        for f in figures
    ]


def solutions_table(found: pd.Series, name: str, year: int, source: str) -> str:
    """The country's returns, resettlement arrivals and naturalisations in `year`."""
    frame = pd.DataFrame(
        {
            _("Solution"): [_(words.SOLUTION_LABELS[key]) for key in found.index],
            _("People"): found.to_numpy(),
        }
    )
    return table_html(frame, {_("People"): count}, words.solutions_caption(name, year), source)


def note_html(text: str) -> str:
    """A sentence of the profile as a paragraph (the text is escaped)."""
    return f'<p class="profile-note">{html.escape(text)}</p>'


def solutions_html(found: pd.Series, name: str, year: int, source: str) -> str:
    """The solutions table (where the country has any) and what it cannot say."""
    note = note_html(words.solutions_note(found, name, year))
    return (solutions_table(found, name, year, source) if found.any() else "") + note


def side_by_side(main: str, aside: str) -> str:
    """Two blocks in two columns (the chart, or what is said instead, on the left)."""
    return (
        f'<div class="side-by-side"><div class="side-main">{main}</div>'
        f'<div class="side-aside">{aside}</div></div>'
    )


def stateless_html(stateless: int, name: str, year: int) -> str:
    """A line on the country's stateless people, where it reports any."""
    line = words.stateless_line(stateless, name, year)
    return note_html(line) if line else ""
