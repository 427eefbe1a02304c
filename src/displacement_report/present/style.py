"""One chart style for the whole report: palette, fonts, sizes, source lines. Saving a
chart and showing it as a numbered figure is `exhibits.save`."""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.text import Text

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
#: One colour per population type, used the same way in every chart.
POPULATION_COLOURS = {
    "refugees": OKABE_ITO["blue"],
    "unrwa_refugees": OKABE_ITO["sky_blue"],
    "asylum_seekers": OKABE_ITO["orange"],
    "oip": OKABE_ITO["purple"],
    "idps": OKABE_ITO["green"],
    "forcibly_displaced": "#333333",
}
#: Dash patterns and hatches that tell series apart where colour cannot (grey print,
#: colour-blind readers); the palette itself is checked under simulated deuteranopia
#: and protanopia in the tests.
LINE_STYLES = ("-", "--", ":", "-.")
HATCHES = ("", "//", "..", "xx", "\\\\")
#: Text width of an A4 page with 2 cm margins, in inches.
A4_TEXT_WIDTH_IN = 6.7


def apply() -> None:
    """Set the report's theme; call once at the top of every notebook."""
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans")
    mpl.rcParams.update(
        {
            "figure.figsize": (A4_TEXT_WIDTH_IN, 3.8),
            "figure.dpi": 110,
            "savefig.dpi": 200,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.labelsize": 10,
            "legend.fontsize": 9,
            # a white box keeps grid lines from striking through legend labels
            "legend.frameon": True,
            "legend.facecolor": "white",
            "legend.edgecolor": "none",
            "legend.framealpha": 0.9,
            "xtick.labelsize": 9,
            "ytick.labelsize": 9,
            # fixed salt and no dates: the same data gives byte-identical SVG files
            "svg.hashsalt": "displacement-report",
            "svg.fonttype": "none",
            # '$' in a country name or title is text, not the start of a formula
            "text.parse_math": False,
        }
    )
    _inline_as_svg()


def _inline_as_svg() -> None:
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # outside IPython, nothing to configure
        return
    set_matplotlib_formats("svg", metadata={"Date": None})


def add_source(
    fig: plt.Figure, source: str, rect: tuple[float, float, float, float] = (0, 0.045, 1, 1)
) -> None:
    """Put the source line under the chart, inside the figure so it travels with it;
    `rect` is the area left for the axes (room for legends or subtitles). Titles and the
    source are wrapped to the width they have, measured in the figure's own type: a
    line that ran past the figure's edge would widen the saved chart, and the page would
    shrink all its text to fit it."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg and SVG have one
    note = fig.text(0.01, 0.005, source, ha="left", va="bottom", fontsize=7.5, color="#555555")
    _wrap_to(note, source, fig.bbox.width * 0.98, renderer)
    fig.source = source  # type: ignore[attr-defined]  # read back for the exhibit's record
    titles = _titles(fig)
    for artist, text in titles:  # a first fit, before the layout moves the axes
        _wrap_to(artist, text, _room(fig, artist) * 0.92, renderer)
    line_height = 0.13 / fig.get_figheight()  # 7.5 pt lines, as a fraction of the height
    left, bottom, right, top = rect
    lines = note.get_text().count("\n") + 1
    layout_rect = (left, bottom + line_height * (lines - 1), right, top)
    fig.tight_layout(rect=layout_rect)
    # the layout has placed the axes: titles that still run past the edge wrap again,
    # and a value axis's title longer than its axes goes on more lines; each change moves
    # the axes, so again until nothing changes
    for _round in range(3):
        changed = [_wrap_to(artist, text, _room(fig, artist), renderer) for artist, text in titles]
        changed += [_fit_axis_title(ax, renderer) for ax in fig.axes if ax.get_visible()]
        if not any(changed):
            break
        fig.tight_layout(rect=layout_rect)


def _titles(fig: plt.Figure) -> list[tuple[Text, str]]:
    """The chart's titles (each panel's, the figure's) with their text on one line."""
    found = []
    for ax in fig.axes:
        for artist in dict.fromkeys(
            (ax.title, getattr(ax, "_left_title", ax.title), getattr(ax, "_right_title", ax.title))
        ):
            if artist.get_text():
                found.append((artist, " ".join(artist.get_text().split())))
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        found.append((suptitle, " ".join(suptitle.get_text().split())))
    return found


def _room(fig: plt.Figure, artist: Text) -> float:
    """Pixels from where a title starts to the figure's right edge (less a margin)."""
    start = artist.get_window_extent(fig.canvas.get_renderer()).x0  # type: ignore[attr-defined]
    return fig.bbox.width * 0.99 - max(start, 0)


def wrap_to_width(artist: Text, width: float) -> int:
    """Wrap a text artist's words to `width` pixels, measured in its own type (a count of
    characters per inch misjudges capitals and small type); the number of lines."""
    renderer = artist.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    _wrap_to(artist, " ".join(artist.get_text().split()), width, renderer)
    return artist.get_text().count("\n") + 1


def _wrap_to(artist: Text, text: str, width: float, renderer, along: str = "width") -> bool:
    """Wrap `text` at the most characters a line that fit in `width` pixels (measured
    `along` the width, or the height of a vertical text); True if the text changed."""
    before = artist.get_text()

    def fits(characters: int) -> bool:
        artist.set_text("\n".join(textwrap.wrap(text, characters)) or text)
        return getattr(artist.get_window_extent(renderer), along) <= width

    low, high = 10, max(len(text), 10)  # the widest wrap that fits: a binary search
    if not fits(high):
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        fits(low)
    return artist.get_text() != before


def _fit_axis_title(ax, renderer) -> bool:
    """A vertical axis title taller than its axes, or a horizontal one wider than the
    figure, wraps onto as many lines as it needs."""
    changed = False
    label = ax.yaxis.label
    text = " ".join(label.get_text().split())
    if text and label.get_window_extent(renderer).height > ax.bbox.height:
        changed = _wrap_to(label, text, ax.bbox.height, renderer, along="height")
    label = ax.xaxis.label
    text = " ".join(label.get_text().split())
    # centred under the axes, so its room is twice the distance to the nearer edge
    centre = (ax.bbox.x0 + ax.bbox.x1) / 2
    width = 2 * min(centre, ax.figure.bbox.width - centre) * 0.96
    if text and label.get_window_extent(renderer).width > width:
        changed = _wrap_to(label, text, width, renderer) or changed
    return changed
