"""Sentences of chapter 4 and the country profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from babel.lists import format_list

from displacement_report import letter
from displacement_report.analysis.headline import TOTAL, known_groups
from displacement_report.i18n import N_, _, country_name, in_sentence, locale_code
from displacement_report.present.format import (
    count,
    escape_markdown,
    millions,
)
from displacement_report.present.narrative.global_picture import change_percent


def _hosted_sentence(now: pd.Series, country: str, year: int) -> str:
    """Who the country hosts from abroad, every group with someone in it named in the
    brackets (where there are two or more); 'others in need of international protection'
    only where UNHCR gives a figure for them."""
    items = {
        "refugees": N_("{n} refugees under UNHCR's mandate"),
        "unrwa_refugees": N_("{n} Palestine refugees under UNRWA's mandate"),
        "asylum_seekers": N_("{n} asylum-seekers"),
        "oip": N_("{n} other people in need of international protection"),
    }
    groups = [_(text).format(n=millions(now[g])) for g, text in items.items() if _some(now[g])]
    fields = {
        "year": year,
        "country": country,
        "abroad": millions(now[list(ABROAD)].sum()),
        "groups": format_list(groups, locale=locale_code()) if groups else "",
    }
    if _some(now["oip"]):
        if len(groups) > 1:
            return _(
                "At the end of {year}, {country} hosted {abroad} refugees, asylum-seekers and "
                "others in need of international protection ({groups})."
            ).format(**fields)
        return _(
            "At the end of {year}, {country} hosted {abroad} refugees, asylum-seekers and "
            "others in need of international protection."
        ).format(**fields)
    if len(groups) > 1:
        return _(
            "At the end of {year}, {country} hosted {abroad} refugees and asylum-seekers "
            "({groups})."
        ).format(**fields)
    return _("At the end of {year}, {country} hosted {abroad} refugees and asylum-seekers.").format(
        **fields
    )


def _some(value: Any) -> bool:
    """A figure above zero (<NA>, no figure, is not)."""
    return bool(not pd.isna(value) and value)


def _displaced_inside(now: pd.Series, year: int) -> str:
    if pd.isna(now["idps"]):
        return _("IDMC gives no figure for people displaced inside the country in {year}.").format(
            year=year
        )
    if _some(now["idps"]):
        return _("A further {idps} people were displaced inside the country.").format(
            idps=millions(now["idps"])
        )
    return ""


def profile_paragraph(
    over_time: pd.DataFrame, country: str, baseline: int, year: int, unrwa_at_home: bool = False
) -> str:
    """The opening of a country profile: who the country hosts and how that changed.
    `unrwa_at_home` (`headline.unrwa_at_home`): the Palestine refugees are in their own
    territory, not hosted, and overlap with the people displaced inside, so no total."""
    country = escape_markdown(in_sentence(country))
    if year not in over_time.index:
        return _(
            "UNHCR's statistics record nobody hosted in or displaced inside {country} in {year}."
        ).format(country=country, year=year)
    now = over_time.loc[year]
    assert isinstance(now, pd.Series)  # one row per year
    if unrwa_at_home and _some(now["unrwa_refugees"]):
        return _palestine_at_home(now, country, year)
    hosted, inside = _hosted_sentence(now, country, year), _displaced_inside(now, year)
    if not (baseline != year and baseline in over_time.index):
        return " ".join(s for s in (hosted, inside) if s)
    change = _change_since(over_time, baseline, year)
    beside = _unhcr_mandate_beside(over_time, baseline, year)
    before = over_time.loc[baseline]
    if _some(now["idps"]) or _some(before["idps"]):  # 'Altogether ...' adds the IDPs
        sentences = [hosted, inside, change, beside]
    else:  # 'That is ... fewer' speaks of the people hosted: right after them
        sentences = [hosted, change, beside, inside]
    return " ".join(s for s in sentences if s)


def _palestine_at_home(now: pd.Series, country: str, year: int) -> str:
    """Palestine refugees in their own territory: not hosted, and not added to the people
    displaced inside (many of Gaza's displaced are registered refugees)."""
    sentences = [
        _(
            "At the end of {year}, UNRWA counted {unrwa} registered Palestine refugees in "
            "{country}: refugees in their own territory, not hosted by another country."
        ).format(year=year, unrwa=millions(now["unrwa_refugees"]), country=country)
    ]
    others = [c for c in ("refugees", "asylum_seekers", "oip") if _some(now[c])]
    if others:
        sentences.append(
            _(
                "UNHCR's statistics record {n} refugees, asylum-seekers and others in need of "
                "international protection from abroad there."
            ).format(n=count(now[others].sum()))
        )
    if _some(now["idps"]):
        sentences.append(
            _(
                "IDMC counts {idps} people displaced inside the country; many of them are also "
                "registered Palestine refugees, so the two figures overlap and are not added up."
            ).format(idps=millions(now["idps"]))
        )
    return " ".join(sentences)


def _unhcr_mandate_beside(over_time: pd.DataFrame, baseline: int, year: int) -> str:
    """Where most of the people hosted are Palestine refugees under UNRWA's mandate
    (Jordan: 85%), the trend of the refugees under UNHCR's mandate beside it: a
    headline resting on UNRWA's count can hide the opposite trend."""
    now, before = over_time.loc[year], over_time.loc[baseline]
    hosted = now[list(ABROAD)].sum()
    if not (_some(now["unrwa_refugees"]) and hosted and now["unrwa_refugees"] > hosted / 2):
        return ""
    if not (_some(now["refugees"]) and _some(before["refugees"])):
        return ""
    return _(
        "Most of the people it hosts from abroad are Palestine refugees under UNRWA's "
        "mandate; refugees under UNHCR's mandate numbered {before} at the end of {baseline} "
        "and {now} at the end of {year}."
    ).format(
        before=count(before["refugees"]), baseline=baseline, now=count(now["refugees"]), year=year
    )


#: The groups hosted from abroad (the rest of the total is displaced inside the country).
ABROAD = ("refugees", "unrwa_refugees", "asylum_seekers", "oip")


def _total_change(now: pd.Series, before: pd.Series, baseline: int) -> str:
    change = 100 * (now[TOTAL] - before[TOTAL]) / before[TOTAL]
    fields = {"total": millions(now[TOTAL]), "change": change_percent(change), "baseline": baseline}
    if not (_some(now["idps"]) or _some(before["idps"])):
        # the total is the figure of the sentence before: not said twice in the same words
        if change > 0:
            text = _("That is {change} more than at the end of {baseline}.")
        elif change < 0:
            text = _("That is {change} fewer than at the end of {baseline}.")
        else:
            text = _("That is as many as at the end of {baseline}.")
        return text.format(**fields)
    if change > 0:
        text = _("Altogether that is {total} people, {change} more than at the end of {baseline}.")
    elif change < 0:
        text = _("Altogether that is {total} people, {change} fewer than at the end of {baseline}.")
    else:
        text = _("Altogether that is {total} people, as many as at the end of {baseline}.")
    return text.format(**fields)


def _change_since(over_time: pd.DataFrame, baseline: int, year: int) -> str:
    """The change in everyone counted, or in the people hosted from abroad where a year
    lacks the IDP figure (so the two years are compared like with like)."""
    now, before = over_time.loc[year], over_time.loc[baseline]
    assert isinstance(now, pd.Series) and isinstance(before, pd.Series)  # one row per year
    same_groups = known_groups(now) == known_groups(before)
    if same_groups and pd.notna(now[TOTAL]) and pd.notna(before[TOTAL]) and before[TOTAL]:
        return _total_change(now, before, baseline)
    # only the groups with a figure in both years: a change from or to no figure is none
    both = [c for c in ABROAD if c in known_groups(now) & known_groups(before)]
    abroad_now, abroad_before = now[both].sum(), before[both].sum()
    if not abroad_before:
        return ""
    change = float(100 * (abroad_now - abroad_before) / abroad_before)
    fields = {"change": change_percent(change), "baseline": baseline}
    if change > 0:
        text = _(
            "The number of people hosted from abroad rose by {change} since the end of {baseline}."
        )
    elif change < 0:
        text = _(
            "The number of people hosted from abroad fell by {change} since the end of {baseline}."
        )
    else:
        text = _(
            "The number of people hosted from abroad was the same as at the end of {baseline}."
        )
    return text.format(**fields)


def _named(focus: Sequence[str]) -> str:
    """The focus countries by name, in the edition's language: 'Egypt, Ethiopia and Iraq'."""
    return format_list([in_sentence(country_name(c, c)) for c in focus], locale=locale_code())


def _the_letters(focus: Sequence[str]) -> bool:
    return sorted(focus) == sorted(letter.FOCUS_COUNTRIES)


def focus_section_intro(focus: Sequence[str]) -> str:
    """The opening of the section on the focus countries: which they are, and whether
    they are the letter's."""
    if _the_letters(focus):
        text = _(
            "The eight focus countries of Dutch reception-in-the-region policy named in the "
            "letter ({countries}), with everyone they host or who is displaced inside them. "
            "Chapter 4 looks at them one by one."
        )
    elif set(focus) <= set(letter.FOCUS_COUNTRIES):
        text = _(
            "The focus countries of this report ({countries}), with everyone they host or "
            "who is displaced inside them; they are among the eight focus countries of Dutch "
            "reception-in-the-region policy named in the letter. Chapter 4 looks at them one "
            "by one."
        )
    elif set(focus) & set(letter.FOCUS_COUNTRIES):
        text = _(
            "The focus countries of this report ({countries}), with everyone they host or "
            "who is displaced inside them; not all of them are among the eight focus "
            "countries of Dutch reception-in-the-region policy named in the letter. Chapter 4 "
            "looks at them one by one."
        )
    else:
        text = _(
            "The focus countries of this report ({countries}), with everyone they host or "
            "who is displaced inside them; the letter's eight focus countries of Dutch "
            "reception-in-the-region policy are others. Chapter 4 looks at them one by one."
        )
    return text.format(countries=escape_markdown(_named(focus)))


def one_by_one_intro(focus: Sequence[str]) -> str:
    """The opening of chapter 4."""
    if _the_letters(focus):
        text = _(
            "The eight focus countries of Dutch reception-in-the-region policy "
            "({countries}): whom each hosts, how heavy that is for its population, its "
            "income group, the protracted situations it hosts and where its refugees come "
            "from."
        )
    else:
        text = _(
            "The focus countries of this report ({countries}): whom each hosts, how heavy "
            "that is for its population, its income group, the protracted situations it "
            "hosts and where its refugees come from."
        )
    return text.format(countries=escape_markdown(_named(focus)))


def focus_map_title(year: int) -> str:
    return _("The focus countries and their main countries of origin, end of {year}").format(
        year=year
    )


def focus_map_caption(year: int) -> str:
    return _(
        "The focus countries and the countries most of the refugees, asylum-seekers and "
        "other people in need of international protection each hosted came from, end of "
        "{year}: the largest group and the second largest, unless that is fewer than 1,000 "
        "people or less than a tenth of the largest; an arrow's width is the number of people."
    ).format(year=year)
