"""Numbers and tables formatted for readers, by babel rather than by hand."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import SupportsFloat

import pandas as pd
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from displacement_report.i18n import N_, _, country_name, locale_code


def missing(value: object) -> bool:
    """No figure: None, pandas' NA or a float NaN (numpy's too)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def as_float(value: object) -> float:
    """A number of any kind (Python, numpy, pandas) as a float, as `float()` would."""
    if not isinstance(value, SupportsFloat | str):
        raise TypeError(f"not a number: {value!r}")
    return float(value)


def count(value: object) -> str:
    """20414669 -> '20,414,669' ('20.414.669' in Dutch)."""
    if missing(value):
        return "–"
    # babel reads any non-Decimal as Decimal(str(value)); numpy and pandas scalars too
    number = value if isinstance(value, Decimal) else str(value)
    return format_decimal(number, format="#,##0", locale=locale_code())


def millions(value: object, digits: int = 1) -> str:
    """20414669 -> '20.4 million'; small numbers stay whole ('950')."""
    if missing(value):
        return "–"
    if abs(as_float(value)) < 1_000_000:
        return count(round(as_float(value)))
    # always `digits` decimals ('26.0 million'), so figures in a paragraph line up
    return _("{number} million").format(number=in_millions(value, digits))


def in_millions(value: object, digits: int = 1) -> str:
    """20414669 -> '20.4', for table columns headed '(millions)'."""
    if missing(value):
        return "–"
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(as_float(value) / 1e6, format=pattern, locale=locale_code())


def signed_in_millions(value: object, digits: int = 1) -> str:
    text = in_millions(value, digits)
    return text if text.startswith(("-", "–")) else f"+{text}"


def one_decimal(value: object) -> str:
    """246.03 -> '246.0'; for rates such as 'per 1,000 inhabitants'."""
    if missing(value):
        return "–"
    return format_decimal(as_float(value), format="#,##0.0", locale=locale_code())


def two_decimals(value: object) -> str:
    """0.0234 -> '0.02': small rates (per 1,000 inhabitants) stay visible."""
    if missing(value):
        return "–"
    return format_decimal(as_float(value), format="#,##0.00", locale=locale_code())


def plain_percent(value: object) -> str:
    """A percentage with one decimal, e.g. '4.5%'."""
    return percent(value, 1)


def percent(value: object, digits: int = 1) -> str:
    """52.15 (already in percent) -> '52.2%'. A share short of all or above none never
    reads as all or none: 99.96 -> '99.9%', 0.04 -> '0.1%' (a table beside it lists the
    few it leaves out)."""
    if missing(value):
        return "–"
    number, step = as_float(value), 10.0**-digits
    if 100 - step / 2 <= number < 100:
        number = 100 - step
    elif 0 < number < step / 2:
        number = step
    pattern = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return format_percent(number / 100, format=pattern, locale=locale_code())


def signed_percent(value: object, digits: int = 1) -> str:
    text = percent(value, digits)
    return text if text.startswith(("-", "–")) else f"+{text}"


#: A qualified amount ('about EUR 800.0 million'); an exact one is the amount alone.
QUALIFIERS = {
    "about": N_("about {amount}"),
    "more_than": N_("more than {amount}"),
    "up_to": N_("up to {amount}"),
}


def qualified(amount: str, qualifier: str = "exact") -> str:
    """'about EUR 800.0 million' ('ongeveer € 800,0 miljoen'); exact: the amount alone."""
    return _(QUALIFIERS[qualifier]).format(amount=amount) if qualifier in QUALIFIERS else amount


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape_markdown(text: str) -> str:
    """Data (a country name, a title) shown as itself, never as markup or HTML."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def in_billions(value: float) -> str:
    return format_decimal(value / 1e9, format="#,##0.00", locale=locale_code())


def money_digits(*amounts: float) -> int:
    """Decimals that write every amount of one sentence alike: none when each is a
    whole number of millions (or billions), else one."""
    for amount in amounts:
        scale = 1e9 if abs(amount) >= 1e9 else 1e6
        if round(amount / scale, 1) != round(amount / scale):
            return 1
    return 0


#: A written amount in its currency: as it is, in millions, in billions. The Dutch
#: edition writes the sign ('€ 27.100', 'US$ 29,3 miljard').
CURRENCIES = {
    "EUR": (N_("EUR {amount}"), N_("EUR {amount} million"), N_("EUR {amount} billion")),
    "USD": (N_("USD {amount}"), N_("USD {amount} million"), N_("USD {amount} billion")),
}
#: Any other currency: its code before the amount.
OTHER_CURRENCY = (
    "{currency} {amount}",
    N_("{currency} {amount} million"),
    N_("{currency} {amount} billion"),
)
MILLIONS, BILLIONS = 1, 2


def in_currency(figure: str, currency: str, scale: int = 0) -> str:
    """A number already written ('27,100', '800.0') in its currency: as it is (scale 0),
    in millions (`MILLIONS`) or billions (`BILLIONS`): 'EUR 27,100', 'EUR 800.0
    million'; in Dutch '€ 27.100', '€ 800,0 miljoen'. The chapters write every amount
    through here (the claims tables write an amount as the letter does)."""
    if currency in CURRENCIES:
        return _(CURRENCIES[currency][scale]).format(amount=figure)
    template = OTHER_CURRENCY[scale]
    return (_(template) if scale else template).format(currency=currency, amount=figure)


def money(amount: float, currency: str, digits: int | None = None) -> str:
    """135_500_000, 'EUR' -> 'EUR 135.5 million'; 5.6e9 -> 'USD 5.6 billion'. Without
    `digits`, as many as the amount needs (`money_digits`); a sentence that names
    several amounts passes the same `digits` for all of them."""
    digits = money_digits(amount) if digits is None else digits
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    if abs(amount) >= 1e9:
        figure = format_decimal(amount / 1e9, format=pattern, locale=locale_code())
        return in_currency(figure, currency, BILLIONS)
    figure = format_decimal(amount / 1e6, format=pattern, locale=locale_code())
    return in_currency(figure, currency, MILLIONS)


def country_column(frame: pd.DataFrame, code: str = "iso3", name: str = "country") -> list[str]:
    """The countries of a frame's rows as readers of the report's language know them
    (CLDR names by code, the data's own name where CLDR has none)."""
    return [country_name(str(c), str(n)) for c, n in zip(frame[code], frame[name], strict=True)]


def period(start: int, end: int) -> str:
    """A figure's period: '2021' for one year, '2019–2021' for several."""
    return str(start) if start == end else f"{start}–{end}"


def year_list(years: Iterable[int]) -> str:
    """'2016, 2019 and 2020' ('2016, 2019 en 2020')."""
    return format_list([str(y) for y in years], locale=locale_code())


def bullet_list(lines: Sequence[str]) -> str:
    """Lines of text as a Markdown list, each shown as written (never as markup); a
    list of one item saying so where there are none."""
    return "\n".join(f"- {escape_markdown(line)}" for line in lines) or "- " + _("None found.")
