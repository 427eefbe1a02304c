"""One chart style for the whole report: palette, fonts, sizes, source lines. Saving a
chart and showing it as a numbered figure is `exhibits.save`."""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import seaborn as sns

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
    `rect` is the area left for the axes (room for legends or subtitles). A long source
    is wrapped to the figure's width instead of widening the saved figure."""
    for ax in fig.axes:  # a long title wraps rather than widening the saved figure
        for loc in ("left", "center", "right"):
            title = ax.get_title(loc=loc)
            if title:
                ax.set_title(textwrap.fill(title, int(fig.get_figwidth() * 11)), loc=loc)
    width_chars = int(fig.get_figwidth() * 21)  # about 21 characters per inch at 7.5 pt
    lines = textwrap.wrap(source, width_chars) or [""]
    fig.text(0.01, 0.005, "\n".join(lines), ha="left", va="bottom", fontsize=7.5, color="#555555")
    fig.source = source  # type: ignore[attr-defined]  # read back for the exhibit's record
    line_height = 0.13 / fig.get_figheight()  # 7.5 pt lines, as a fraction of the height
    left, bottom, right, top = rect
    fig.tight_layout(rect=(left, bottom + line_height * (len(lines) - 1), right, top))
