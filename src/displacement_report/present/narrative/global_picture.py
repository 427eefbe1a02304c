"""Sentences of chapter 1, written from computed values, never typed in."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.analysis.year_news import Returns, YearChange
from displacement_report.i18n import N_, _
from displacement_report.present.format import (
    as_float,
    in_billions,
    millions,
    percent,
)
from displacement_report.present.narrative import year_news

#: Component names as they read inside a sentence.
GROUP_PHRASES = {
    "refugees": N_("refugees under UNHCR's mandate"),
    "unrwa_refugees": N_("Palestine refugees under UNRWA's mandate"),
    "asylum_seekers": N_("asylum-seekers"),
    "oip": N_("other people in need of international protection"),
    "idps": N_("people displaced inside their own country"),
}


def change_percent(value: float) -> str:
    """A change's size as it reads in a sentence: '52%', below 10% with a decimal ('4.5%')."""
    return percent(abs(value), 0 if abs(value) >= 10 else 1)


def trend_title(comparison: pd.DataFrame, baseline: int, year: int) -> str:
    """A chart title that states the finding, e.g. 'Forced displacement rose by 52%...'."""
    change = comparison["change_pct"].loc[TOTAL]
    if pd.isna(change) or baseline == year:
        return _("Forcibly displaced people by group, end of {year}").format(year=year)
    fields = {"change": percent(abs(change), 0), "baseline": baseline, "year": year}
    if change > 0:
        return _("Forced displacement rose by {change} between {baseline} and {year}").format(
            **fields
        )
    if change < 0:
        return _("Forced displacement fell by {change} between {baseline} and {year}").format(
            **fields
        )
    return _("Forced displacement held steady between {baseline} and {year}").format(**fields)


def _parts_sentence(now: pd.Series) -> str:
    """Every part of the total is named, so the parts in the sentence add up to it."""
    fields = {
        "refugees": millions(now["refugees"] + now["unrwa_refugees"]),
        "unhcr": millions(now["refugees"]),
        "unrwa": millions(now["unrwa_refugees"]),
        "asylum_seekers": millions(now["asylum_seekers"]),
        "oip": millions(now["oip"]),
        "idps": millions(now["idps"]),
    }
    if now["oip"]:
        return _(
            "Of these, {refugees} were refugees ({unhcr} under UNHCR's mandate and {unrwa} "
            "Palestine refugees under UNRWA's), {asylum_seekers} were asylum-seekers, {oip} "
            "were other people in need of international protection, and {idps} were displaced "
            "inside their own country."
        ).format(**fields)
    return _(
        "Of these, {refugees} were refugees ({unhcr} under UNHCR's mandate and {unrwa} "
        "Palestine refugees under UNRWA's), {asylum_seekers} were asylum-seekers, and {idps} "
        "were displaced inside their own country."
    ).format(**fields)


def _news(change: YearChange | None, returns: Returns | None, returns_reference: str) -> list[str]:
    """The year's news first, as Global Trends opens: the change on the year before,
    the group that changed most, the refugees who returned home."""
    sentences = []
    if change is not None:
        sentences += [
            year_news.year_change_sentence(change),
            year_news.largest_part_sentence(change, _(GROUP_PHRASES[change.largest_part])),
        ]
    if returns is not None:
        sentences.append(year_news.returns_sentence(returns, returns_reference))
    return sentences


def headline_paragraph(
    comparison: pd.DataFrame,
    baseline: int,
    year: int,
    change: YearChange | None = None,
    returns: Returns | None = None,
    returns_reference: str = "",
) -> str:
    """Markdown: a paragraph that leads with the year's news (`change`: on the year
    before; `returns`: refugees who went home, linked to `returns_reference` if given) and
    then the change since the baseline; a second on the total, its parts and its largest
    part. Chapter 1 links no other chapter's exhibit: it must build on its own."""
    now = comparison[year]
    largest = now[list(COMPONENTS)].idxmax()
    news = _news(change, returns, returns_reference)
    if baseline != year:
        news.append(
            year_news.baseline_sentence(
                as_float(comparison.loc[TOTAL, "change_pct"]),
                as_float(comparison.loc[TOTAL, baseline]),
                baseline,
            )
        )
    parts = [
        _("At the end of {year}, **{total}** people were forcibly displaced.").format(
            year=year, total=millions(now[TOTAL])
        ),
        _parts_sentence(now),
        _("The largest group was {group}.").format(group=_(GROUP_PHRASES[str(largest)])),
    ]
    paragraphs = [" ".join(s for s in sentences if s) for sentences in (news, parts)]
    return "\n\n".join(p for p in paragraphs if p)


def focus_paragraph(focus: pd.DataFrame, world: pd.Series, year: int) -> str:
    """How much of the world's displacement the focus countries hold."""
    total = focus.loc["Total"]
    hosts = len(focus.index) - 1
    abroad_cols = ["refugees", "unrwa_refugees", "asylum_seekers", "oip"]
    share_abroad = 100 * total[abroad_cols].sum() / world[abroad_cols].sum()
    fields = {
        "year": year,
        "n": hosts,
        "abroad": millions(total[abroad_cols].sum()),
        "share": percent(share_abroad),
    }
    if hosts == 1:
        text = _(
            "At the end of {year} the focus country hosted {abroad} refugees, asylum-seekers "
            "and others in need of international protection ({share} of the world's)."
        ).format(**fields)
    else:
        text = _(
            "At the end of {year} the {n} focus countries hosted {abroad} refugees, "
            "asylum-seekers and others in need of international protection ({share} of the "
            "world's)."
        ).format(**fields)
    refugee_cols = ["refugees", "unrwa_refugees"]
    if world[refugee_cols].sum():  # the share 'At a glance' gives, on the same counts
        refugee_share = percent(100 * total[refugee_cols].sum() / world[refugee_cols].sum())
        text += " " + (
            _("Of the refugees alone, under UNHCR's and UNRWA's mandates, it hosted {share}.")
            if hosts == 1
            else _(
                "Of the refugees alone, under UNHCR's and UNRWA's mandates, they hosted {share}."
            )
        ).format(share=refugee_share)
    if total["idps"] and world["idps"]:  # a part that is zero is left out
        text += " " + _(
            "A further {idps} people were displaced inside their borders ({share} of the "
            "world's internally displaced)."
        ).format(idps=millions(total["idps"]), share=percent(100 * total["idps"] / world["idps"]))
    return text


def world_share_sentence(
    total: float, world_population: float, year: int, population_year: int | None = None
) -> str:
    """The displaced as a share of the world's population; `population_year`: the World
    Bank's latest year when it has no figure for `year` yet. No sentence without a
    world population (NaN)."""
    if world_population != world_population:  # NaN: the World Bank has no figure yet
        return ""
    share = 100 * total / world_population
    if population_year is not None and population_year != year:
        return _(
            "That is {share} of the world's population of {population} billion (the World "
            "Bank's latest figure, for {population_year}): {one_in}."
        ).format(
            share=percent(share, 2),
            population=in_billions(world_population),
            population_year=population_year,
            one_in=year_news.one_in_phrase(round(world_population / total)),
        )
    return _(
        "That is {share} of the world's population of {population} billion at the end of "
        "{year}: {one_in}."
    ).format(
        share=percent(share, 2),
        population=in_billions(world_population),
        year=year,
        one_in=year_news.one_in_phrase(round(world_population / total)),
    )


def trend_caption(years: pd.Index) -> str:
    """The caption of the chart of the forcibly displaced by group over the years."""
    return _(
        "Forcibly displaced people at the end of each year by group: refugees, asylum-seekers, "
        "other people in need of international protection and people displaced inside their "
        "own country, {first}–{last} (millions)"
    ).format(first=min(years), last=max(years))
