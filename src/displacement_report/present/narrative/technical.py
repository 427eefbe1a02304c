"""The technical notes that close the report's body: which countries a join could not
match, and how to add the ministry's IATI file. Developer detail stays out of the
chapters and lands here."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from displacement_report.analysis.joins import Joined
from displacement_report.i18n import _, country_name, ngettext
from displacement_report.present.format import escape_markdown


def unmatched_pointer(joins: dict[str, Joined], among: Collection[str] | None = None) -> str:
    """The one line a chapter shows when a join lost countries: where to read which.
    `among`: the ISO3 codes of the countries the table above shows (default: all), so
    that a table of eight countries is not said to miss countries it never listed."""
    lost = sorted(
        {
            entry
            for joined in joins.values()
            for entry in joined.unmatched
            if among is None or _code(entry) in among
        }
    )
    if not lost:
        return ""
    return ngettext(
        "*For want of a World Bank figure, {n} country is left out of the ratios above; "
        "the technical notes at the end of the report name it.*",
        "*For want of a World Bank figure, {n} countries are left out of the ratios above; "
        "the technical notes at the end of the report name them.*",
        len(lost),
    ).format(n=len(lost))


def income_share_pointer(income_join: Joined, year: int) -> str:
    """The line under the income shares: the countries with no income group at the end
    of the report year, as the technical notes list them (the join on income group
    only: a country that lacks a population or GDP figure still has its share). Their
    people count in the total and in neither share, which is what the line says, not
    that they are 'left out'."""
    lost = len(income_join.unmatched)
    if not lost:
        return ""
    return ngettext(
        "*At the end of {year}, {n} country has no World Bank income group: the people it "
        "hosts count in the total of the shares above and in neither share; the technical "
        "notes name it.*",
        "*At the end of {year}, {n} countries have no World Bank income group: the people "
        "they host count in the total of the shares above and in neither share; the "
        "technical notes name them.*",
        lost,
    ).format(n=lost, year=year)


#: How a join records a country it lost: the data's name, then its code in brackets.
_LOST = re.compile(r"^(?P<name>.+) \((?P<iso3>[A-Z0-9]{3})\)$")


def _code(entry: str) -> str | None:
    lost = _LOST.match(entry)
    return lost["iso3"] if lost else None


def _named_for_readers(joined: Joined) -> Joined:
    """The countries a join lost under the names readers of the edition know (CLDR:
    'Britse Maagdeneilanden', not the data's 'British Virgin Islands'), in their order."""
    names = []
    for entry in joined.unmatched:
        lost = _LOST.match(entry)
        names.append(
            f"{country_name(lost['iso3'], lost['name'])} ({lost['iso3']})" if lost else entry
        )
    return replace(joined, unmatched=tuple(sorted(names, key=str.casefold)))


def joins_markdown(joins: dict[str, Joined], year: int) -> str:
    """Every join of the report year's tables, with the countries it could not match."""
    lines = [
        f"- {escape_markdown(_named_for_readers(joined).describe(what))}"
        for what, joined in joins.items()
    ]
    intro = _(
        "UNHCR's tables are joined to the World Bank's on ISO3 country codes (end of {year}). "
        "Where the World Bank has no figure for a country, or the code is UNHCR's own "
        "(such as UNK for 'unknown'), the country drops out of per-inhabitant and per-income "
        "ratios, never out of the totals:"
    ).format(year=year)
    return intro + "\n\n" + "\n".join(lines)


def iati_howto(given: bool) -> str:
    if given:
        return _(
            "An IATI activity file was given; the spending chapter shows its disbursements "
            "by focus country, year and currency."
        )
    return _(
        "This edition was made without the ministry's IATI activity file. The ministry "
        "publishes its projects in the IATI standard (reporting organisation XM-DAC-7 on the "
        "IATI Registry); an edition made with that file shows its disbursements by focus "
        "country, year and currency in the spending chapter, and checks the letter's claims "
        "on how the 2020 programming was split by channel."
    )
