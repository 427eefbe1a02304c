"""Sentences of chapter 2: who hosts, by income group, and what could not be joined."""

from __future__ import annotations

import pandas as pd
from babel.lists import format_list

from displacement_report.analysis.headline import OIP_FIRST_YEAR
from displacement_report.analysis.hosting import top_by
from displacement_report.i18n import _, country_name, in_sentence, locale_code
from displacement_report.present.format import (
    escape_markdown,
    percent,
)


def hosting_paragraph(shares: dict[int, tuple[float, float]], fiscal_years: dict[int, int]) -> str:
    """`shares` maps year -> (low- and middle-income %, least developed %); the latest
    year in full, earlier years by their two shares."""
    sentences: list[str] = []
    for year, (lmic, ldc) in sorted(shares.items(), reverse=True):
        fields = {
            "year": year,
            # one decimal, as the claims chapter writes the same share (C08: 70.5%, not 71%)
            "lmic": percent(lmic),
            "ldc": percent(ldc),
            "fiscal_year": fiscal_years[year],
        }
        if not sentences:
            text = _(
                "At the end of {year}, countries of low and middle income hosted **{lmic}** of "
                "the refugees under UNHCR's mandate and other people in need of international "
                "protection, and the least developed countries {ldc} (World Bank income groups "
                "of fiscal year {fiscal_year})."
            )
        else:
            text = _(
                "At the end of {year} the two shares were {lmic} and {ldc} (income groups of "
                "fiscal year {fiscal_year})."
            )
        sentences.append(text.format(**fields))
    return " ".join(sentences)


def joins_note(joins: dict) -> str:
    """Which countries each join could not match, so nothing is lost silently."""
    lines = [joined.describe(what) for what, joined in joins.items()]
    return _("*Joins:* {lines}").format(lines=" ".join(escape_markdown(line) for line in lines))


def ordinal(n: int) -> str:
    """1 -> '1st' ('1e' in Dutch)."""
    if 10 <= n % 100 <= 20:
        return _("{n}th").format(n=n)
    if n % 10 == 1:
        return _("{n}st").format(n=n)
    if n % 10 == 2:
        return _("{n}nd").format(n=n)
    if n % 10 == 3:
        return _("{n}rd").format(n=n)
    return _("{n}th").format(n=n)


def unrwa_note(shown: pd.DataFrame, table: pd.DataFrame, min_population: int) -> str:
    """Where Palestine refugees under UNRWA's mandate drive the UNRWA-inclusive
    per-inhabitant ranking (`shown`): the countries whose count is mostly UNRWA
    refugees, with their place in Global Trends' ranking, which leaves them out."""
    driven = shown[shown["unrwa_refugees"] > shown["refugees"] + shown["oip"]]
    if driven.empty:
        return ""
    alone = top_by(table, "protection_per_1000", len(table), min_population)
    places = {code: i + 1 for i, code in enumerate(alone["iso3"])}
    parts = []
    for row in driven.itertuples():
        fields = {
            "country": escape_markdown(in_sentence(country_name(str(row.iso3), str(row.country)))),
            "rank": ordinal(shown.index[shown["iso3"] == row.iso3][0] + 1),
        }
        without = places.get(row.iso3)
        if without:
            part = _("{country} ({rank} here, {without} without them)").format(
                **fields, without=ordinal(without)
            )
        else:
            part = _("{country} ({rank} here, not ranked without them)").format(**fields)
        parts.append(part)
    return _(
        "For these countries, Palestine refugees under UNRWA's mandate set the place in the "
        "ranking: {countries}. Most of the refugees counted there are UNRWA's."
    ).format(countries=format_list(parts, locale=locale_code()))


def _counted(year: int, in_sentence: bool = False) -> str:
    """What the per-inhabitant ranking counts in `year` (as a label, or inside a sentence)."""
    if year < OIP_FIRST_YEAR:
        if in_sentence:
            return _("refugees under UNHCR's mandate")
        return _("Refugees under UNHCR's mandate")
    if in_sentence:
        return _("refugees and other people in need of international protection")
    return _("Refugees and other people in need of international protection")


def per_capita_axis(year: int, with_unrwa: bool = False) -> str:
    """The value axis of a per-inhabitant ranking."""
    if with_unrwa:
        return _("{counted} and Palestine refugees (UNRWA) per 1,000 inhabitants").format(
            counted=_counted(year)
        )
    return _("{counted} per 1,000 inhabitants").format(counted=_counted(year))


def per_capita_title(ranked: pd.DataFrame, with_unrwa: bool = False) -> str:
    """The finding of a per-inhabitant ranking: who comes first."""
    if ranked.empty:
        return _("No host with a population figure")
    first = country_name(str(ranked["iso3"].iloc[0]), str(ranked["country"].iloc[0]))
    if with_unrwa:
        return _("With Palestine refugees under UNRWA's mandate: {country} first").format(
            country=first
        )
    return _("Most per inhabitant, as Global Trends ranks: {country}").format(country=first)


def per_capita_caption(year: int, with_unrwa: bool = False) -> str:
    """The caption says which view a per-inhabitant ranking is."""
    fields = {"counted": _counted(year, in_sentence=True), "year": year}
    if with_unrwa:
        return _(
            "Second view: {counted} and Palestine refugees under UNRWA's mandate per 1,000 "
            "inhabitants, end of {year}; the ten highest among countries of 1 million people "
            "or more."
        ).format(**fields)
    return _(
        "Global Trends' ranking: {counted} per 1,000 inhabitants, end of {year}, without "
        "Palestine refugees under UNRWA's mandate; the ten highest among countries of 1 "
        "million people or more."
    ).format(**fields)


def per_capita_table_caption(year: int) -> str:
    return _(
        "{counted} per 1,000 inhabitants, end of {year}, as Global Trends ranks them, with "
        "Palestine refugees under UNRWA's mandate beside them (countries of 1 million people "
        "or more)"
    ).format(counted=_counted(year), year=year)


def counted_label(year: int) -> str:
    """What the maps and rankings of `year` count, as a label."""
    return _counted(year)


def world_map_title(year: int) -> str:
    return _("Where {counted} were hosted, end of {year}").format(
        counted=_counted(year, in_sentence=True), year=year
    )


def world_map_caption(year: int) -> str:
    return _(
        "{counted} per 1,000 inhabitants of each host (colour) and the number hosted "
        "(circles), end of {year}; Palestine refugees under UNRWA's mandate are not included, "
        "as in Global Trends."
    ).format(counted=_counted(year), year=year)
