"""Tables of chapter 3: protracted situations and durable solutions."""

from __future__ import annotations

import pandas as pd

from displacement_report.i18n import _
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import count, country_column, plain_percent
from displacement_report.present.narrative import protracted_and_solutions as words


def protracted_table(
    table: pd.DataFrame, caption: str, source: str, name: str | None = None
) -> str:
    refugees, years = _("Refugees"), _("Years")
    frame = pd.DataFrame(
        {
            _("Origin"): country_column(table, "coo_iso", "coo_name"),
            _("Host"): country_column(table, "coa_iso", "coa_name"),
            refugees: table["refugees"].to_numpy(),
            _("Since"): table["since"].astype(str).to_numpy(),
            years: table["duration"].to_numpy(),
        }
    )
    return table_html(frame, {refugees: count, years: count}, caption, source, name)


def solutions_table(
    per_year: pd.DataFrame, caption: str, source: str, name: str | None = "durable_solutions"
) -> str:
    share = _("All solutions, % of them")
    frame = pd.DataFrame(
        {
            _("Year"): per_year.index.astype(str),
            _("Returns"): per_year["returned_refugees"].to_numpy(),
            _("Resettlement"): per_year["resettlement"].to_numpy(),
            _("Naturalisation"): per_year["naturalisation"].to_numpy(),
            _("Refugees at end of year before"): per_year["stock_year_before"].to_numpy(),
            share: per_year["all_solutions_pct"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:5], count)
    formats[share] = plain_percent
    return table_html(frame, formats, caption, source, name)


def stateless_table(largest: pd.DataFrame, year: int, source: str) -> str:
    """The countries reporting most stateless people (`stateless.largest`)."""
    people = _("Stateless people")
    frame = pd.DataFrame(
        {
            _("Rank"): range(1, len(largest) + 1),
            _("Country"): country_column(largest),
            people: largest["stateless"].to_numpy(),
        }
    )
    caption = _("The {n} countries reporting most stateless people, end of {year}").format(
        n=len(largest), year=year
    )
    return table_html(frame, {people: count}, caption, source, name="largest_stateless")


def returns_table(table: pd.DataFrame, year: int, source: str) -> str:
    """Refugee and IDP returns in `year` and the year before, beside the stock they came
    from (`returns.returns_in_year`)."""
    before = year - 1
    returned = _("Returned in {year}").format(year=year)
    returned_before = _("Returned in {year}").format(year=before)
    stock = _("Stock at the end of {year}").format(year=before)
    share = _("Returns, % of the stock")
    frame = pd.DataFrame(
        {
            _("Return"): [_(words.RETURN_LABELS[k]) for k in table.index],
            returned: table["returned"].to_numpy(),
            returned_before: table["returned_year_before"].to_numpy(),
            _("Stock they came from"): [_(words.STOCK_LABELS[k]) for k in table.index],
            stock: table["stock_year_before"].to_numpy(),
            share: table["share_pct"].to_numpy(),
        }
    )
    formats = {returned: count, returned_before: count, stock: count, share: plain_percent}
    caption = _("Returns in {year}, beside the stock they came from").format(year=year)
    return table_html(frame, formats, caption, source, name="returns")
