"""Numbers and tables formatted for readers, by babel rather than by hand."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
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


#: The typeset minus sign (U+2212): as wide as '+', where babel's hyphen-minus is a
#: short dash a reader can take for a hyphen. On the page only: data files keep '-'.
MINUS = "\u2212"


def typeset_minus(text: str) -> str:
    """A formatted number's leading hyphen-minus as a minus sign: '-32.2%' -> '−32.2%'."""
    return MINUS + text[1:] if text.startswith("-") else text


def _signed(text: str) -> str:
    """A formatted change with its sign: '+0.4', '−1.2' (a typeset minus), never a
    signed zero ('+0.0', '−0.0'): a change that rounds to nothing has no direction."""
    if text == "–":
        return text
    if not any(c in "123456789" for c in text):
        return text.lstrip("+-−")
    return typeset_minus(text) if text.startswith(("-", "−")) else f"+{text}"


def millions_digits(*values: object) -> int:
    """Decimals for a column or sentence of figures in millions: none when each is a
    whole number of millions, else one (never a pointless '.0' on every figure)."""
    numbers = [as_float(v) / 1e6 for v in values if not missing(v)]
    return 1 if any(round(n, 1) != round(n) for n in numbers) else 0


def signed_in_millions(value: object, digits: int = 1) -> str:
    """+0.4 million as '+0.4'; a change that rounds to zero as '0.0'."""
    return _signed(in_millions(value, digits))


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
    """5.9 -> '+5.9%'; a change that rounds to zero as '0.0%', never '-0.0%'."""
    if missing(value):
        return "–"
    number = as_float(value)
    if abs(number) < 10.0**-digits / 2:  # percent() would lift it to the smallest step
        return percent(0.0, digits)
    return _signed(percent(number, digits))


def rounded_change(before: object, after: object, digits: int = 1) -> float:
    """The change between two counts as the reader can check it in a table that prints
    both in millions with `digits` decimals: the difference of the printed figures
    (5.64 M to 5.98 M reads 5.6 to 6.0, a change of +0.4, not +0.3). In people; NaN
    where either is missing."""
    if missing(before) or missing(after):
        return float("nan")
    printed = [round(as_float(v) / 1e6, digits) for v in (before, after)]
    return round(printed[1] - printed[0], digits) * 1e6


#: A qualified amount ('about EUR 800 million'); an exact one is the amount alone.
QUALIFIERS = {
    "about": N_("about {amount}"),
    "more_than": N_("more than {amount}"),
    "up_to": N_("up to {amount}"),
}


def global_trends_edition(year: int) -> str:
    """'Global Trends 2022 (end-2022 figures, published in June 2023)': the edition named
    after year N reports the figures at the end of N and appears in June of N+1, so the
    year alone is read as either."""
    return _("Global Trends {year} (end-{year} figures, published in June {published})").format(
        year=year, published=year + 1
    )


def qualified(amount: str, qualifier: str = "exact") -> str:
    """'about EUR 800 million' ('ongeveer € 800 miljoen'); exact: the amount alone."""
    return _(QUALIFIERS[qualifier]).format(amount=amount) if qualifier in QUALIFIERS else amount


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape_markdown(text: str) -> str:
    """Data (a country name, a title) shown as itself, never as markup or HTML."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def in_billions(value: float) -> str:
    return format_decimal(value / 1e9, format="#,##0.00", locale=locale_code())


#: A currency as the edition writes it before an amount: 'EUR 135.5 million' in English,
#: '€ 135,5 miljoen' and 'US$ 5,6 miljard' in Dutch (locale/nl/terminology.csv).
CURRENCY_SIGNS = {"EUR": N_("EUR"), "USD": N_("USD")}


def currency_sign(code: str) -> str:
    """'EUR' -> 'EUR' ('€' in Dutch); a code the report does not know stays as it is."""
    return _(CURRENCY_SIGNS[code]) if code in CURRENCY_SIGNS else code


def money_digits(*amounts: float) -> int:
    """Decimals that write every amount of one sentence alike: none when each is a
    whole number of millions (or billions), else one. `money` never writes a pointless
    '.0', so a whole amount beside one with a decimal stays whole."""
    for amount in amounts:
        scale = 1e9 if abs(amount) >= 1e9 else 1e6
        if round(amount / scale, 1) != round(amount / scale):
            return 1
    return 0


def _decimals(value: float, most: int) -> int:
    """The fewest decimals (at most `most`) that write `value` as `most` decimals
    would: 128.0 -> 0, 135.5 -> 1, 2.38 -> 2."""
    for decimals in range(most):
        if round(value, decimals) == round(value, most):
            return decimals
    return most


def money(amount: float, currency: str, digits: int | None = None) -> str:
    """135_500_000, 'EUR' -> 'EUR 135.5 million'; 128e6 -> 'EUR 128 million' (no
    pointless '.0'); from a thousand million on, billions: 2.38e9 -> 'EUR 2.38 billion',
    5.6e9 'USD' -> 'USD 5.6 billion'. Dutch: '€ 135,5 miljoen', 'US$ 5,6 miljard'.
    `digits` caps the decimals (default: one for millions, two for billions); a
    sentence that names several amounts passes the same cap for all of them."""
    billions = round(abs(amount) / 1e6, 1) >= 1000
    scale, most = (1e9, 2) if billions else (1e6, 1)
    value = amount / scale
    decimals = _decimals(value, most if digits is None else digits)
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    figure = format_decimal(value, format=pattern, locale=locale_code())
    template = _("{currency} {amount} billion") if billions else _("{currency} {amount} million")
    return template.format(currency=currency_sign(currency), amount=figure)


#: How `in_currency` scales a figure already written: as it is, millions, billions.
MILLIONS, BILLIONS = 1, 2
_SCALED = (
    N_("{currency} {amount}"),
    N_("{currency} {amount} million"),
    N_("{currency} {amount} billion"),
)


def in_currency(figure: str, currency: str, scale: int = 0) -> str:
    """A number already written ('27,100', '800.0') in its currency: as it is (scale 0),
    in millions (`MILLIONS`) or billions (`BILLIONS`): 'EUR 27,100', 'EUR 800.0
    million'; in Dutch '€ 27.100', '€ 800,0 miljoen'. Tables whose figures are rounded
    beforehand write their amounts through here; `money` rounds for itself."""
    return _(_SCALED[scale]).format(currency=currency_sign(currency), amount=figure)


def whole_amount(amount: float, currency: str) -> str:
    """An amount per person (or per place, per day, per month) in whole units of its
    currency, as readers write it: 2080.25 -> 'EUR 2,080', 19809.88 -> 'EUR 19,810'
    ('€ 2.080'); halves round up."""
    whole = Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    figure = format_decimal(whole, format="#,##0", locale=locale_code())
    return _("{currency} {amount}").format(currency=currency_sign(currency), amount=figure)


def country_column(frame: pd.DataFrame, code: str = "iso3", name: str = "country") -> list[str]:
    """The countries of a frame's rows as readers of the report's language know them
    (CLDR names by code, the data's own name where CLDR has none)."""
    return [country_name(str(c), str(n)) for c, n in zip(frame[code], frame[name], strict=True)]


def period(start: int, end: int) -> str:
    """A figure's period: '2021' for one year, '2019–2021' for several."""
    return str(start) if start == end else f"{start}–{end}"


def spoken_list(items: Sequence[str]) -> str:
    """Items as a list in the edition's language: 'a, b and c' ('a, b en c')."""
    return format_list(list(items), locale=locale_code()) if items else ""


def year_list(years: Iterable[int]) -> str:
    """'2016, 2019 and 2020' ('2016, 2019 en 2020')."""
    return format_list([str(y) for y in years], locale=locale_code())


def year_spans(years: Iterable[int]) -> str:
    """Years with runs joined: '2003–2008 and 2011' ('2003–2008 en 2011')."""
    spans: list[list[int]] = []
    for year in sorted(set(years)):
        if spans and year == spans[-1][1] + 1:
            spans[-1][1] = year
        else:
            spans.append([year, year])
    return format_list([period(start, end) for start, end in spans], locale=locale_code())


def bullet_list(lines: Sequence[str]) -> str:
    """Lines of text as a Markdown list, each shown as written (never as markup); a
    list of one item saying so where there are none."""
    return "\n".join(f"- {escape_markdown(line)}" for line in lines) or "- " + _("None found.")


#: First words of labels that keep their capital inside a sentence: names of peoples and
#: places, in both editions (an abbreviation keeps its capitals without being listed).
PROPER_FIRST_WORDS = frozenset(
    {
        "Palestine",
        "Palestinian",
        "Palestijnse",
        "Dutch",
        "Nederlandse",
        "European",
        "Europese",
        "Syrian",
        "Syrische",
        "Venezuelans",
        "Venezolanen",
        "Global",
    }
)


def label_in_sentence(label: str) -> str:
    """A label written as a heading ('Asylum-seekers', 'Palestine refugees (UNRWA
    mandate)') as it stands inside a sentence: only a common noun loses its capital
    ('asylum-seekers'); a name of a people or place ('Palestine refugees', 'Palestijnse
    vluchtelingen'; PROPER_FIRST_WORDS) and an abbreviation ('IDPs', 'COA') keep theirs."""
    first = re.match(r"[^\W\d_]+", label)
    if first is None:
        return label
    word = first[0]
    if word in PROPER_FIRST_WORDS or any(c.isupper() for c in word[1:]):
        return label
    return label[:1].lower() + label[1:]
