"""Axes, tick labels and value labels every chart shares, in the edition's number format."""

from __future__ import annotations

from babel.numbers import get_decimal_symbol, get_group_symbol
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator, ScalarFormatter

from displacement_report.i18n import _, locale_code


def localized(text: str) -> str:
    """A number Python formatted ('1,234.5') with the report language's symbols
    ('1.234,5' in Dutch); other characters are kept."""
    locale = locale_code()
    symbols: dict[str, str | int | None] = {
        ",": get_group_symbol(locale),
        ".": get_decimal_symbol(locale),
    }
    return text.translate(str.maketrans(symbols))


class LocalizedFormatter(ScalarFormatter):
    """Matplotlib's tick labels with the report language's decimal sign ('2,5')."""

    def __call__(self, x, pos=None):
        return localized(super().__call__(x, pos))

    # format_ticks (what an axis calls) goes through __call__: localizing its labels
    # again would swap ',' and '.' back, and Dutch ticks would read '0.75'


def millions_label(value: float) -> str:
    """A value label in millions on a chart: '78.4 M' ('78,4 mln' in Dutch)."""
    return _("{number} M").format(number=localized(f"{value / 1e6:.1f}"))


class MillionsFormatter(Formatter):
    """Tick labels in millions with as many decimals as the ticks need to be exact: steps
    of 0.25 million read 0.25, 0.50, 0.75, never a rounded 0.2, 0.5, 0.8 that lies."""

    def __init__(self, scale: float = 1e6):
        self.scale = scale
        self.decimals = 0

    def format_ticks(self, values):
        self.decimals = decimals_needed([v / self.scale for v in values])
        return [self(v) for v in values]

    def __call__(self, value, pos=None):
        return localized(f"{value / self.scale:,.{self.decimals}f}")


def decimals_needed(values, most: int = 3) -> int:
    """The fewest decimals that print every value exactly (up to `most`)."""
    for decimals in range(most + 1):
        if all(abs(round(v, decimals) - v) < 1e-9 for v in values):
            return decimals
    return most


def millions_formatter(_largest: float = 0) -> Formatter:
    """Tick labels in millions (see MillionsFormatter)."""
    return MillionsFormatter()


def people_axis(ax, top: float, short: bool = False) -> None:
    """The vertical axis in millions, thousands or people, whichever the chart's height
    needs: a small host's chart never reads 0.0 M. `short`: a label that fits a low
    chart (its caption says the figures are for the end of each year)."""
    if top >= 1e6:
        ax.yaxis.set_major_formatter(MillionsFormatter(1e6))
        label = _("Millions of people") if short else _("People, millions (end of year)")
    elif top >= 1e4:
        ax.yaxis.set_major_formatter(MillionsFormatter(1e3))
        label = _("Thousands of people") if short else _("People, thousands (end of year)")
    else:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: localized(f"{value:,.0f}")))
        label = _("People") if short else _("People (end of year)")
    ax.set_ylabel(label)
