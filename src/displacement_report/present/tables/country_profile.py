"""Tables of the country profile: the key-figure tiles and the solutions table."""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Sequence

import pandas as pd

from displacement_report.analysis import abroad
from displacement_report.analysis.key_figures import NEIGHBOURING_SHARE, KeyFigure
from displacement_report.i18n import _
from displacement_report.present import exhibits
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import count, country_column
from displacement_report.present.narrative import country_profile as words

#: The longest country name kept on one line in a table of the wide (left) column of
#: two and in the narrow (right) one: longer names may wrap at a space.
NAME_CHARS_MAIN = 34
NAME_CHARS_ASIDE = 16
#: A first-column cell of a table (`exhibits.table_html`).
_FIRST_CELL = re.compile(r'<td ([^>]*)class="data (row\d+) col0"([^>]*)>([^<]*)</td>')

#: Arrows beside the change, for sighted readers; the words say the same.
_ARROWS = {"up": "▲", "down": "▼", "same": "="}


def _direction(figure: KeyFigure) -> str:
    if figure.change is None:
        return "none"
    return "up" if figure.change > 0 else "down" if figure.change < 0 else "same"


def label_lines(figures: Sequence[KeyFigure]) -> int:
    """The lines the longest tile label takes in a row of `len(figures)` tiles: every
    label is given that height, so that the figures stand on one line whatever the
    labels' length (Dutch labels are long)."""
    width = max(12, round(100 / max(len(figures), 1)) - 4)  # characters at 8pt on A4
    lines = [len(textwrap.wrap(_(words.TILE_LABELS[f.group]), width)) for f in figures]
    return max([1, *lines])


def tile_html(figure: KeyFigure, lines: int = 2) -> str:
    """One tile: what it counts (on `lines` lines), the figure, and its change in words."""
    direction = _direction(figure)
    arrow = _ARROWS.get(direction)
    marker = f'<span class="tile-arrow" aria-hidden="true">{arrow}</span> ' if arrow else ""
    value = "" if figure.value is None else f' data-value="{figure.value}"'
    return (
        f'<li class="tile tile-{figure.group} change-{direction}"{value}>'
        f'<span class="tile-label" style="min-height: {1.2 * lines:.1f}em">'
        f"{html.escape(_(words.TILE_LABELS[figure.group]))}</span>"
        f'<span class="tile-value">{html.escape(words.tile_value(figure))}</span>'
        f'<span class="tile-change">{marker}{html.escape(words.tile_change(figure))}</span>'
        "</li>"
    )


def tiles_html(
    figures: Sequence[KeyFigure],
    name: str,
    year: int,
    source: str,
    notes: Sequence[str] = (),
    at_home: bool = False,
) -> str:
    """The key figures as a row of tiles (a list laid out as a grid), with a heading and
    the source line under them. A group without a figure in the year and the year
    before gets no tile of dashes: a sentence under the tiles names it (no figure is
    not zero, and not worth a box). `notes`: said under the tiles (a break in a series).
    `at_home`: the Palestine refugees are in their own territory, not hosted."""
    heading = words.tiles_heading(name, year, at_home)
    shown = [f for f in figures if f.value is not None or f.previous is not None]
    lines = label_lines(shown)
    tiles = "".join(tile_html(f, lines) for f in shown)
    absent = [f.group for f in figures if f not in shown]
    said = [*notes, words.no_figure_groups(absent, name, year)] if absent else list(notes)
    note = "".join(note_html(text) for text in said)
    return (
        f'<section class="key-figures" aria-label="{html.escape(heading)}">'
        f'<p class="key-figures-title">{html.escape(heading)}</p>'
        f'<ul class="tiles" style="grid-template-columns: repeat({len(shown)}, 1fr)">'
        f"{tiles}</ul>{note}"
        f'<p class="source-line">{exhibits.linked(source)}</p></section>'
    )


def key_numbers(
    figures: Sequence[KeyFigure], name: str, in_host: pd.Series | None = None
) -> list[dict[str, object]]:
    """The tiles as key numbers of the run (figures.json, and the changes between runs),
    and, given `in_host` (the country's row of `neighbours.neighbouring_in_hosts`), the
    share of refugees and OIP from a neighbouring country in percent to the tenth the
    page prints (None where it hosts none; `land_borders` 0 for an island state)."""
    numbers: list[dict[str, object]] = [
        {
            "key": f.group,
            "label": f"{_(words.TILE_LABELS[f.group])}, {name}",
            "value": f.value,
            "previous": f.previous,  # the year before's (the profiles' table's change)
            "unit": _("people"),
            "year": f.year,
        }
        for f in figures
    ]
    if in_host is not None:
        share = in_host["share"]
        numbers.append(
            {
                "key": NEIGHBOURING_SHARE,
                "label": _("Refugees and OIP from a neighbouring country, share, {country}").format(
                    country=name
                ),
                "value": None if pd.isna(share) else round(float(share), 1),
                "unit": _("percent"),
                "year": figures[0].year if figures else None,
                "land_borders": int(in_host["land_borders"]),
            }
        )
    return numbers


def solutions_table(
    found: pd.Series, name: str, year: int, source: str, file: str | None = None
) -> str:
    """The country's returns, resettlement arrivals and naturalisations in `year`."""
    frame = pd.DataFrame(
        {
            _("Solution"): [_(words.SOLUTION_LABELS[key]) for key in found.index],
            _("People"): found.to_numpy(),
        }
    )
    caption = words.solutions_caption(name, year)
    return table_html(frame, {_("People"): count}, caption, source, name=file)


def note_html(text: str) -> str:
    """A sentence of the profile as a paragraph (the text is escaped)."""
    return f'<p class="profile-note">{html.escape(text)}</p>'


def table_note_html(text: str) -> str:
    """A definition under a table, in the small type of a caption (the text is escaped)."""
    return f'<p class="profile-note table-note">{html.escape(text)}</p>'


def solutions_html(
    found: pd.Series, name: str, year: int, source: str, file: str | None = None
) -> str:
    """The solutions table (where the country has any) and what it cannot say; `file`:
    the stable name of its data file."""
    note = note_html(words.solutions_note(found, name, year))
    return (solutions_table(found, name, year, source, file) if found.any() else "") + note


def names_kept_whole(table: str, longest: int) -> str:
    """A table whose first column names countries, each name of up to `longest`
    characters on one line: the table layout gave the room to the number columns and
    broke 'South / Sudan' and 'Zuid- / Soedan' while they had room to spare."""

    def keep(cell: re.Match[str]) -> str:
        before, row, after, name = cell.groups()
        if len(html.unescape(name).strip()) > longest:
            return cell.group(0)
        return f'<td {before}class="data {row} col0 whole-name"{after}>{name}</td>'

    return _FIRST_CELL.sub(keep, table)


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


def destinations_table(
    destinations: pd.DataFrame, name: str, year: int, source: str, file: str | None = None
) -> str:
    """The countries holding most of the country's people abroad; a group no host
    reports a figure for gets no column (the sentence above names the groups there are)."""
    groups = {
        "refugees": _("Refugees"),
        "asylum_seekers": _("Asylum-seekers"),
        "oip": _("Other in need of protection"),
    }
    frame = pd.DataFrame(
        {
            _("Country"): country_column(destinations),
            **{
                label: destinations[g].to_numpy()
                for g, label in groups.items()
                if destinations[g].fillna(0).any()
            },
            _("Total"): destinations["total"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:], count)
    return table_html(frame, formats, words.destinations_caption(name, year), source, name=file)


def unrwa_abroad_table(
    rows: pd.DataFrame, name: str, year: int, source: str, file: str | None = None
) -> str:
    """The Palestine refugees under UNRWA's mandate outside the country by UNRWA field
    (`abroad.unrwa_abroad`) and their total, then those UNRWA gives no host territory
    for, after the total and not in it (an unknown host may be the country itself): a
    table of their own, apart from the refugees under UNHCR's mandate."""
    unknown = rows["iso3"] == abroad.UNRWA_UNKNOWN_HOST
    known = rows[~unknown]
    where = [*country_column(known), _("Total")]
    people = [*known["people"].tolist(), int(known["people"].sum())]
    if unknown.any():
        where.append(_("No host territory given (not in the total)"))
        people.append(int(rows.loc[unknown, "people"].sum()))
    frame = pd.DataFrame({_("Where"): where, _("Palestine refugees"): people})
    caption = words.unrwa_abroad_caption(name, year)
    return table_html(frame, {_("Palestine refugees"): count}, caption, source, name=file)


def almost_nobody_html(said: Sequence[str], name: str, year: int, source: str) -> str:
    """The one page of a country UNHCR records almost nobody in: the tiles' heading,
    the sentences `said` (the few figures, the view from abroad) and the source line;
    no tile, chart or table."""
    heading = words.tiles_heading(name, year)
    notes = "".join(note_html(text) for text in said if text)
    return (
        f'<section class="key-figures almost-nobody" aria-label="{html.escape(heading)}">'
        f'<p class="key-figures-title">{html.escape(heading)}</p>{notes}'
        f'<p class="source-line">{exhibits.linked(source)}</p></section>'
    )


def chart_note_html(note: str) -> str:
    """The note under the history chart (`narrative.breaks.breaks_note`: one paragraph in
    italics, as Markdown) in the small type of a caption; '' without a note."""
    if not note:
        return ""
    text = note.removeprefix("*").removesuffix("*")
    return f'<p class="profile-note chart-note"><em>{html.escape(text)}</em></p>'
