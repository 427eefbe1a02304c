"""Charts and tables as numbered exhibits: each shown with a caption and alternative
text, and saved with the data behind it (CSV) and a description (JSON) beside it.

A notebook's `notebook.start` sets the context (where files go, the parameters and
data version to record); without it (a function called on its own) nothing is written
and the exhibit is only shown. The report build numbers the exhibits per chapter and
resolves the references `@fig:name` and `@tab:name` written in the text. A table
made with `annex=True` is for reference rather than reading: the build moves it to
the report's annex (`report/annex.py`), where it is numbered 'Table A.1', ...
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import re
import unicodedata
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from babel.numbers import format_decimal
from matplotlib.axes import Axes
from matplotlib.container import BarContainer, Container
from matplotlib.ticker import ScalarFormatter
from matplotlib.transforms import Bbox

from displacement_report import paths
from displacement_report.i18n import LANGUAGES, N_, _, locale_code, ngettext
from displacement_report.present import table_layout
from displacement_report.present.charts import collisions
from displacement_report.present.datafile import ROLES, DataColumns, decimals_shown, rounded
from displacement_report.present.format import count, millions, one_decimal

KEY_NUMBERS_FILE = paths.KEY_NUMBERS_FILE
FIGURE, TABLE, DATA_LINK = N_("Figure"), N_("Table"), N_("Data (CSV)")
#: The class of a table the report build moves to the annex.
ANNEX_CLASS = table_layout.ANNEX_CLASS
#: Tables of at most this many rows are kept on one page, their caption with them.
SHORT_TABLE_ROWS = 6
#: Set to a file's path, every chart saved is checked for colliding texts and the like
#: (`charts.collisions`) and the findings appended there: the hook of the chart test.
CHECK_CHARTS_ENV = "DISPLACEMENT_REPORT_CHECK_CHARTS"
#: Recorded in English in each exhibit's JSON; translated where readers see it (workbook).
LICENCE = N_("CC BY 4.0 (UNHCR and World Bank data); document figures as cited")


@dataclass
class Context:
    """Where the exhibits of one notebook run are written, and what to record."""

    folder: Path
    parameters: dict[str, Any]
    data_version: str
    names: set[str] = field(default_factory=set)


_context: Context | None = None
#: Data a chart function hands over where the plotted shapes do not say it (areas).
_attached: weakref.WeakKeyDictionary[plt.Figure, pd.DataFrame] = weakref.WeakKeyDictionary()
_captions: weakref.WeakKeyDictionary[plt.Figure, str] = weakref.WeakKeyDictionary()
#: Alternative text a chart writes itself where its shapes cannot say it (a map).
_alts: weakref.WeakKeyDictionary[plt.Figure, str] = weakref.WeakKeyDictionary()
#: How a chart's data file names and rounds its columns (year, group, people), in the
#: edition's language; or, for data with its own columns (a map), the decimals of each.
_saved_as: weakref.WeakKeyDictionary[plt.Figure, DataColumns | Mapping[str, int]] = (
    weakref.WeakKeyDictionary()
)


def configure(folder: Path, parameters: dict[str, Any], data_version: str) -> None:
    global _context  # one notebook run, one context: set once by notebook.start
    _context = Context(folder, parameters, data_version)


def slug(text: str) -> str:
    """A file and anchor name from a caption: lowercase ASCII words, no years or
    figures; a letter with a mark keeps its letter ('Jordanië' -> 'jordanie')."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z]+", " ", plain.lower()).split()
    return "_".join(words[:8]) or "exhibit"


def _unique(name: str) -> str:
    if _context is None:
        return name
    candidate, n = name, 2
    while candidate in _context.names:
        candidate, n = f"{name}_{n}", n + 1
    _context.names.add(candidate)
    return candidate


# --- what a chart shows, read back from the figure itself ------------------------------


def attach_data(
    fig: plt.Figure,
    data: pd.DataFrame,
    caption: str | None = None,
    alt: str | None = None,
    saved_as: DataColumns | Mapping[str, int] | None = None,
) -> None:
    """Record the data behind `fig` (columns [panel,] series, x, value) where it cannot
    be read back from the plotted shapes, the caption if the chart knows it best, and
    its alternative text where the chart is no kind `alt_text` describes (a map: its
    data then has the map's own columns). `saved_as`: how the data file names and
    rounds those columns (`describe_data`); for a map's own columns, the decimals of
    each numeric one."""
    _attached[fig] = data
    if saved_as is not None:
        _saved_as[fig] = saved_as
    if caption:
        _captions[fig] = caption
    if alt:
        _alts[fig] = alt


def describe_data(fig: plt.Figure, columns: DataColumns) -> None:
    """Declare what the columns of `fig`'s data file hold and how its values are
    rounded (as the chart prints them): every chart does, where it is drawn."""
    _saved_as[fig] = columns


def data_file(fig: plt.Figure, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """The chart's data as its data file holds it: columns named and values rounded as
    the chart declares (`describe_data`); a chart that declares nothing gets general
    names (category, group, the value axis's label) and values to one decimal."""
    data = chart_data(fig) if data is None else data
    declared = _saved_as.get(fig)
    if isinstance(declared, DataColumns):
        return declared.apply(data)
    if declared is not None or not {"x", "value"} <= set(data.columns):
        return rounded(data, declared or {})  # a map's own columns
    axis = _value_axis(fig.axes[0]) if fig.axes else ""
    general = DataColumns(
        x=_("category"),
        value=axis.replace("\n", " ") or _("amount"),
        series=_("group"),
        panel=_("part of the chart"),
        decimals=1,
    )
    return general.apply(data)


def chart_data(fig: plt.Figure) -> pd.DataFrame:
    """The values a chart plots, one row per point or bar: [panel,] series, x, value."""
    if fig in _attached:
        return _attached[fig]
    rows = []
    for panel, ax in enumerate(fig.axes, start=1):
        title = axes_title(ax) or _("panel {n}").format(n=panel)
        for container in ax.containers:
            if isinstance(container, BarContainer):
                rows += _bar_rows(ax, title, container)
        rows += _line_rows(ax, title)
    frame = pd.DataFrame(rows, columns=["panel", "series", "x", "value"])
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype(float)
    if frame["panel"].nunique() <= 1:
        frame = frame.drop(columns="panel")
    return frame


def _bar_rows(ax: Axes, title: str, bars: BarContainer) -> list[tuple[str, str, Any, float]]:
    """(panel, series, x, value) for each bar: its category or year, and its length."""
    labels = [t.get_text() for t in ax.get_yticklabels()]
    horizontal = bars.orientation == "horizontal"
    series = bars.get_label() or ""
    rows = []
    for bar in bars.patches:
        if horizontal:
            where, value = bar.get_y() + bar.get_height() / 2, bar.get_width()
            position = _tick_label(ax.get_yticks(), labels, where)
        else:
            where, value = bar.get_x() + bar.get_width() / 2, bar.get_height()
            ticks = [t.get_text() for t in ax.get_xticklabels()]
            # categories or years set as tick labels (grouped bars sit off-centre)
            named = not isinstance(ax.get_xaxis().get_major_formatter(), ScalarFormatter)
            position = (
                _plain(_tick_label(ax.get_xticks(), ticks, where))
                if named and any(ticks)
                else _plain(round(where, 2))
            )
        rows.append((title, "" if series.startswith("_") else series, position, value))
    return rows


def _line_rows(ax: Axes, title: str) -> list[tuple[str, str, Any, Any]]:
    """(panel, series, x, value) for each point of each line with a legend entry."""
    rows = []
    for line in ax.get_lines():
        label = str(line.get_label())
        if label.startswith("_"):  # reference lines without a legend entry
            continue
        xs: Any = line.get_xdata()  # typed as any array-like, scalars included
        ys: Any = line.get_ydata()
        for x, y in zip(xs, ys, strict=True):
            rows.append((title, label, _plain(x), y))
    return rows


def axes_title(ax: Any) -> str:
    """The title of a panel, wherever it is placed (the report's style puts it left)."""
    return next((t for loc in ("left", "center", "right") if (t := ax.get_title(loc=loc))), "")


def _plain(x: Any) -> Any:
    """2019.0 -> 2019: years read as years in the data file and the description."""
    try:
        return int(x) if float(x).is_integer() else x
    except (TypeError, ValueError):
        return x


def _tick_label(ticks: Any, labels: list[str], where: float) -> str:
    for tick, label in zip(ticks, labels, strict=False):
        if abs(tick - where) < 0.5:
            return label
    return f"{where:g}"


def _number(value: float) -> str:
    """A value as the chart's labels and the tables write it: 174.5 stays 174.5 (a
    reader finds no '174' elsewhere), 304.0 is 304, 27,100 has no decimal."""
    if abs(value) >= 1e6:
        return millions(value)
    if abs(value) >= 100 and round(value, 1) == round(value):
        return count(round(value))
    return one_decimal(value)


def _x_value(x: float) -> str:
    """A position on the x axis as readers write it: a year as it is (2019, never
    2.019), a fraction in the edition's decimal form (0,5)."""
    if float(x).is_integer():
        return str(int(x))
    return format_decimal(x, format="0.###", locale=locale_code())


def _bar_x(container: Container) -> list[float]:
    return [p.get_x() for p in container.patches] if isinstance(container, BarContainer) else []


def _stacked(containers: Sequence[Container]) -> bool:
    """Several bar series at the same x positions: stacked, not grouped (a pyramid's
    two sides start at the same x too, but grow apart)."""
    if len(containers) < 2 or _pyramid(containers):
        return False
    return all(_bar_x(c) == _bar_x(containers[0]) for c in containers)


def _pyramid(containers: Sequence[Container]) -> bool:
    """Horizontal bars to both sides of zero: a population pyramid."""
    widths = [
        p.get_width()
        for c in containers
        if isinstance(c, BarContainer) and c.orientation == "horizontal"
        for p in c.patches
    ]
    return bool(widths) and min(widths) < 0 < max(widths)


def _chart_kind(ax: Axes) -> str:
    if _pyramid(ax.containers):
        return _("Population pyramid (horizontal bars to both sides)")
    if any(c.get_paths() for c in ax.collections):
        return _("Stacked area chart") if len(ax.collections) > 1 else _("Area chart")
    if len(ax.containers) > 1:
        return _("Stacked bar chart") if _stacked(ax.containers) else _("Grouped bar chart")
    if any(isinstance(c, BarContainer) and c.orientation == "horizontal" for c in ax.containers):
        return _("Horizontal bar chart")
    return _("Bar chart") if ax.containers else _("Line chart")


def _value_axis(ax: Axes) -> str:
    """The label of the axis the values are read on: the horizontal one for horizontal
    bars (a pyramid's ages are its categories), otherwise the vertical one."""
    horizontal = any(
        isinstance(c, BarContainer) and c.orientation == "horizontal" for c in ax.containers
    )
    first, second = (ax.get_xlabel(), ax.get_ylabel())
    return (first or second) if horizontal else (second or first)


def alt_text(fig: plt.Figure, data: pd.DataFrame | None = None) -> str:
    """What a chart shows, for a reader who cannot see it: kind, axes, range and the
    largest values, generated from the plotted data."""
    data = chart_data(fig) if data is None else data
    parts = []
    for ax in fig.axes:
        kind = _chart_kind(ax)
        if axes_title(ax):
            kind += f", '{axes_title(ax)}'".replace("\n", " ")
        parts.append(kind)
        break  # the first panel names the kind; small multiples are described below
    if "panel" in data:
        panels = data["panel"].nunique()
        parts.append(
            ngettext("{n} panel ({names})", "{n} panels ({names})", panels).format(
                n=panels, names=", ".join(data["panel"].unique())
            )
        )
    series = [s for s in data["series"].unique() if s and not str(s).startswith("_")]
    if series:
        parts.append(_("series: {names}").format(names=", ".join(map(str, series))))
    numeric_x = pd.to_numeric(data["x"], errors="coerce")
    if numeric_x.notna().all() and len(data):
        parts.append(
            _("from {first} to {last}").format(
                first=_x_value(numeric_x.min()), last=_x_value(numeric_x.max())
            )
        )
    axis = _value_axis(fig.axes[0]) if fig.axes else ""
    if axis:
        parts.append(_("values: {axis}").format(axis=axis))
    stacked = _stacked(fig.axes[0].containers if fig.axes else [])
    largest = _largest(data, len(series) > 1, stacked)
    if largest:
        parts.append(largest)
    return ". ".join(part[:1].upper() + part[1:] for part in parts) + "."


def _largest(data: pd.DataFrame, several_series: bool, stacked: bool) -> str:
    """The three largest values, or for stacked bars the three highest totals."""
    if stacked:  # the height of a stacked bar is the sum of its parts
        totals = data.groupby("x", sort=False)["value"].sum().nlargest(3)
        listed = "; ".join(f"{x}: {_number(v)}" for x, v in totals.items())
        return _("highest totals: {values}").format(values=listed)
    top = data.dropna(subset=["value"]).nlargest(3, "value")
    if not len(top):
        return ""
    largest = "; ".join(
        f"{name + ' ' if name and several_series else ''}{x}: {_number(value)}"
        for name, x, value in zip(top["series"], top["x"], top["value"], strict=True)
    )
    return _("largest values: {values}").format(values=largest)


def caption_for(fig: plt.Figure) -> str:
    """What is shown, when the notebook gives no caption: the quantity and its range. A
    chart in the report passes a caption written for it; this is the fallback, and it
    never lists the legend's entries (the chart and its alternative text name them)."""
    if fig in _captions:
        return _captions[fig]
    ax = fig.axes[0]
    quantity = ax.get_ylabel() or ax.get_xlabel() or _("Values")
    data = chart_data(fig)
    numeric_x = pd.to_numeric(data["x"], errors="coerce")
    span = (
        f", {_x_value(numeric_x.min())}–{_x_value(numeric_x.max())}"
        if len(data) and numeric_x.notna().all() and numeric_x.min() != numeric_x.max()
        else ""
    )
    per_panel = _(", in {n} panels").format(n=len(fig.axes)) if len(fig.axes) > 3 else ""
    return f"{quantity}{span}{per_panel}."


URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;)]")


def linked(text: str) -> str:
    """Text as HTML, its web addresses working links (in the PDF too)."""
    escaped = html.escape(text)
    return URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)


def record_numbers(numbers: list[dict[str, Any]]) -> None:
    """The key numbers a page states, for `figures.json` (label, value, unit, year)."""
    if _context is None:
        return
    _context.folder.mkdir(parents=True, exist_ok=True)
    (_context.folder / KEY_NUMBERS_FILE).write_text(
        json.dumps(numbers, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )


# --- showing and saving -----------------------------------------------------------------


def _write_sidecars(name: str, kind: str, data: pd.DataFrame, meta: dict[str, Any]) -> None:
    if _context is None:
        return
    folder = _context.folder
    folder.mkdir(parents=True, exist_ok=True)
    data.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    record = {
        "name": name,
        "kind": kind,
        **meta,
        "data_version": _context.data_version,
        "licence": LICENCE,
        "parameters": _context.parameters,
        "data_file": f"{name}.csv",
    }
    if ROLES in data.attrs:  # a chart's columns by role, for a program that reads them
        record[ROLES] = data.attrs[ROLES]
    (folder / f"{name}.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )


def chart_html(
    fig: plt.Figure, name: str, caption: str | None = None, svg: bytes | None = None
) -> str:
    """The chart as a numbered figure: SVG with alternative text, caption, data link;
    `svg`: the chart already drawn as SVG (drawn here if not given)."""
    name = _unique(name)
    data = chart_data(fig)
    alt = _alts.get(fig) or alt_text(fig, data)
    caption = caption or caption_for(fig)
    title = axes_title(fig.axes[0]).replace("\n", " ") if fig.axes else ""
    svg = svg_bytes(fig) if svg is None else svg
    _write_sidecars(
        name,
        "figure",
        data_file(fig, data),
        {"title": title, "caption": caption, "alt": alt, "source": getattr(fig, "source", "")},
    )
    encoded = base64.b64encode(svg).decode("ascii")
    link = _data_link(name)
    return (
        f'<figure class="exhibit chart" id="fig-{name}">'
        f'<img alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{encoded}"/>'
        f'<figcaption><span class="exhibit-number">{_(FIGURE)}</span> '
        f"{html.escape(caption)}{link}</figcaption></figure>"
    )


def _data_link(name: str) -> str:
    """A link to the exhibit's CSV, relative to the report (which lies in the run
    folder, above the edition's <language>/figures/)."""
    if _context is None:
        return ""
    folder = _context.folder
    prefix = f"{folder.parent.name}/" if folder.parent.name in LANGUAGES else ""
    href = f"{prefix}{folder.name}/{name}.csv"
    return f' <a class="data-link" href="{html.escape(href)}">{_(DATA_LINK)}</a>'


def table_exhibit(
    body: str,
    frame: pd.DataFrame,
    caption: str,
    source: str,
    name: str | None = None,
    annex: bool = False,
    setting: str = table_layout.NORMAL,
    note: str = "",
    decimals: Mapping[str, int | None] | None = None,
) -> str:
    """A table (its caption inside it) wrapped as a numbered exhibit, its data saved
    beside the charts, each numeric column to the `decimals` the table prints (whole
    numbers as integers); with `annex`, marked for the report's annex; `setting` (see
    `table_layout`): in smaller type, or on a page of its own turned on its side. A
    `note` (how the figures were rounded, say) goes under the table, above its source."""
    name = _unique(name or slug(caption))
    _write_sidecars(
        name,
        "table",
        rounded(frame, decimals or {}),
        {"title": caption, "caption": caption, "source": source},
    )
    link = _data_link(name)
    noted = f'<p class="table-note">{html.escape(note)}</p>' if note else ""
    classes = "exhibit table-exhibit"
    if len(frame) <= SHORT_TABLE_ROWS:
        classes += " short-table"
    if annex:
        classes += f" {ANNEX_CLASS}"
    if setting != table_layout.NORMAL:
        classes += f" {setting}"
    return (
        f'<div class="{classes}" id="tab-{name}">{body}{noted}'
        f'<p class="source-line">{linked(source)}{link}</p></div>'
    )


def table_html(
    frame: pd.DataFrame,
    formats: Mapping[str, Callable[..., str]],
    caption: str,
    source: str,
    name: str | None = None,
    annex: bool = False,
    data_only: Sequence[str] = (),
    note: str = "",
) -> str:
    """A static HTML table with formatted cells, its caption and the source under it,
    as a numbered exhibit whose data is saved beside it (`table_exhibit`);
    `name` is what the text refers to (`@tab:name`), by default a slug of the caption.
    With `annex`, the report shows it in the annex of reference tables, wherever the
    notebook displays it. Columns named in `data_only` (the ids of the project's data
    files) are saved in the data file, where an analyst traces each row, but not shown.

    Every table in the report goes through here, so every table names its source.
    Columns with a formatter are numbers (right-aligned); the others are text. Cell
    text is escaped: country names and parameters are data, never markup.
    """
    shown = frame.drop(columns=list(data_only))
    align = {c: "right" if c in formats else "left" for c in shown.columns}
    layout = table_layout.column_layout(
        [str(c) for c in shown.columns],
        [_cell_texts(shown[c], formats.get(str(c))) for c in shown.columns],
    )
    widths = dict(zip(shown.columns, layout.content_shares(), strict=False))
    styler = shown.style.format(dict(formats.items()), escape="html").hide(axis="index")
    styler = styler.set_table_attributes(
        'class="report-table fitted"' if widths else 'class="report-table"'
    ).set_caption(f'<span class="exhibit-number">{_(TABLE)}</span> {html.escape(caption)}')
    styler = styler.set_table_styles(
        {
            c: [{"selector": "th, td", "props": f"text-align: {a}" + _width(widths.get(c))}]
            for c, a in align.items()
        }
    )
    # a stable id per table: unique within the report, identical across runs
    table_id = hashlib.sha256(caption.encode()).hexdigest()[:10]
    body = styler.to_html(table_uuid=table_id)
    decimals = {str(c): decimals_shown(formats.get(str(c)), frame[c]) for c in frame.columns}
    return table_exhibit(body, frame, caption, source, name, annex, layout.setting, note, decimals)


def _cell_texts(column: pd.Series, formatter: Callable[..., str] | None) -> list[str]:
    """A column's cells as the table prints them (for working out its width)."""
    return [formatter(v) if formatter else str(v) for v in column]


def _width(share: float | None) -> str:
    return f"; width: {share}%" if share else ""


# --- charts saved as files and shown as figures ---------------------------------------


def svg_bytes(fig: plt.Figure, area: Bbox | str = "tight") -> bytes:
    """The chart as SVG, cropped to `area` (default: measured here), without the date
    that would make two runs differ."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches=area)
    return buffer.getvalue()


def drawn_area(fig: plt.Figure) -> Bbox | str:
    """The area, in inches, that `bbox_inches="tight"` would crop the figure to,
    measured once so that its SVG and its PNG need not each lay it out again to find
    it (each such measurement is a full layout of every label). A figure with a layout
    engine is laid out by every save anyway: it keeps "tight"."""
    if fig.get_layout_engine() is not None:
        return "tight"
    fig.draw_without_rendering()
    pad = plt.rcParams["savefig.pad_inches"]
    return fig.get_tightbbox().padded(pad)


def _svg_and_crop(fig: plt.Figure, area: Bbox | str) -> tuple[bytes, Bbox]:
    """The chart as SVG (as `svg_bytes` draws it) and the area it was cropped to. A
    "tight" crop is the one matplotlib measured while saving the SVG, read back as it
    measures it, so the SVG is the same as before and the PNG need not measure it again."""
    if isinstance(area, Bbox):
        return svg_bytes(fig, area), area
    measured: list[Bbox] = []
    measure = fig.get_tightbbox

    def recording(*args: Any, **kwargs: Any) -> Bbox:
        box = measure(*args, **kwargs)
        measured.append(box)
        return box

    fig.get_tightbbox = recording  # type: ignore[method-assign]  # this figure only, briefly
    try:
        svg = svg_bytes(fig, area)
    finally:
        del fig.get_tightbbox
    return svg, measured[-1].padded(plt.rcParams["savefig.pad_inches"])


def _save_png(fig: plt.Figure, path: Path, area: Bbox) -> None:
    """The PNG (for slides), cropped to `area` and drawn once. A figure laid out by
    `tight_layout` keeps a placeholder layout engine that makes every save draw the
    figure twice (once to lay it out, once to render); the layout is already done, so
    the engine is set aside for this save. The crop was measured for the SVG (72 dpi):
    text drawn at 200 dpi runs a little wider (a long source line some 10 pixels of
    the 20 that `savefig.pad_inches` leaves), so the PNG's margin is that much
    narrower on its widest line, and nothing is cut."""
    engine = getattr(fig, _LAYOUT_ENGINE)  # no public way to remove one, only to replace it
    setattr(fig, _LAYOUT_ENGINE, None)
    try:
        fig.savefig(path, metadata={"Software": None}, bbox_inches=area)
    finally:
        setattr(fig, _LAYOUT_ENGINE, engine)


#: Where a matplotlib figure keeps its layout engine (a test checks it still does).
_LAYOUT_ENGINE = "_layout_engine"


def save(fig: plt.Figure, name: str, folder: Path, caption: str | None = None) -> list[Path]:
    """Save as SVG (for print) and PNG (for slides), without volatile metadata; in a
    notebook, show it as a numbered figure with caption, alternative text and the data
    behind it (see `exhibits`), and close it so it is not shown twice."""
    written, figure_html = _save_files(fig, name, folder, caption)
    if _in_notebook():
        from IPython.display import HTML, display

        display(HTML(figure_html))
        plt.close(fig)
    return written


def exhibit_html(fig: plt.Figure, name: str, folder: Path, caption: str | None = None) -> str:
    """Save the chart as `save` does, and return it as a numbered figure (HTML) instead
    of showing it, for a page that places it beside something else."""
    _written, figure_html = _save_files(fig, name, folder, caption)
    plt.close(fig)
    return figure_html


def _save_files(
    fig: plt.Figure, name: str, folder: Path, caption: str | None
) -> tuple[list[Path], str]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.environ.get(CHECK_CHARTS_ENV):
        _record_chart_problems(fig, folder / name, Path(os.environ[CHECK_CHARTS_ENV]))
    # drawn once as SVG: the same bytes go into the file and into the page
    area = drawn_area(fig)
    svg, cropped_to = _svg_and_crop(fig, area)
    (folder / f"{name}.svg").write_bytes(svg)
    _save_png(fig, folder / f"{name}.png", cropped_to)
    written = [folder / f"{name}.svg", folder / f"{name}.png"]
    return written, chart_html(fig, name, caption, svg=svg)


def _record_chart_problems(fig: plt.Figure, chart: Path, record: Path) -> None:
    """Append what `collisions.problems` finds on the chart (maybe nothing) to `record`,
    one JSON line per chart: a test reads it after the build."""
    line = json.dumps({"chart": str(chart), "problems": collisions.problems(fig)}) + "\n"
    with record.open("a", encoding="utf-8") as out:  # one short write: kernels may share it
        out.write(line)


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None
