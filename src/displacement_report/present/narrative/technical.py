"""The technical notes that close the report's body: which countries a join could not
match, and how to add the ministry's IATI file. Developer detail stays out of the
chapters and lands here."""

from __future__ import annotations

from displacement_report.analysis.joins import Joined
from displacement_report.i18n import _, ngettext
from displacement_report.present.format import escape_markdown


def unmatched_pointer(joins: dict[str, Joined]) -> str:
    """The one line a chapter shows when a join lost countries: where to read which."""
    lost = sorted({name for joined in joins.values() for name in joined.unmatched})
    if not lost:
        return ""
    return ngettext(
        "*{n} country is left out of the ratios above for want of a World Bank figure; the "
        "technical notes at the end of the report name it.*",
        "*{n} countries are left out of the ratios above for want of a World Bank figure; the "
        "technical notes at the end of the report name them.*",
        len(lost),
    ).format(n=len(lost))


def joins_markdown(joins: dict[str, Joined], year: int) -> str:
    """Every join of the report year's tables, with the countries it could not match."""
    lines = [f"- {escape_markdown(joined.describe(what))}" for what, joined in joins.items()]
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
        "No IATI activity file was given. The ministry publishes its projects in the IATI "
        "standard (reporting organisation XM-DAC-7 on the IATI Registry); the README of "
        "this report's code says how to download the file and pass it as the parameter "
        "`iati_file`; the spending chapter then shows its disbursements by focus country, "
        "year and currency."
    )
