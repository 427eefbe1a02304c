"""Sentences of chapter 1, written from computed values, never typed in."""

from __future__ import annotations

import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, OIP_EDITION, OIP_FIRST_YEAR, TOTAL
from displacement_report.analysis.year_news import Returns, YearChange
from displacement_report.i18n import N_, _, country_name, in_sentence, sentence_starts
from displacement_report.present.format import (
    as_float,
    escape_markdown,
    global_trends_edition,
    in_billions,
    millions,
    percent,
)
from displacement_report.present.narrative import year_news
from displacement_report.present.narrative.hosting_and_origins import ordinal

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


def _place(rank: object) -> str:
    """A country's place by refugees alone, as it reads in a sentence."""
    return ordinal(int(rank))  # type: ignore[call-overload]


def ranking_paragraph(hosts: pd.DataFrame, origins: pd.DataFrame, year: int) -> str:
    """What the two rankings (`headline.ranking`) count, and where counting refugees
    alone would change the leader: Global Trends' definition from OIP_FIRST_YEAR, and
    the older view beside it."""
    if year < OIP_FIRST_YEAR:
        return _(
            "Hosts and origins are ranked by refugees under UNHCR's mandate. Since "
            "{edition}, UNHCR ranks them by refugees and other people in need of "
            "international protection together, but that second group is counted only from "
            "{first}: at the end of {year} it did not exist yet."
        ).format(edition=global_trends_edition(OIP_EDITION), first=OIP_FIRST_YEAR, year=year)
    sentences = [
        _(
            "As UNHCR has done since {edition}, the tables rank "
            "hosts and origins by refugees under UNHCR's mandate and other people in need of "
            "international protection together (a group UNHCR counts from {first}, most of "
            "them Venezuelans abroad); Palestine refugees under UNRWA's mandate are not "
            "included. The last column gives the older view, refugees alone."
        ).format(edition=global_trends_edition(OIP_EDITION), first=OIP_FIRST_YEAR)
    ]
    for ranked, role in ((hosts, "host"), (origins, "origin")):
        if ranked.empty:
            continue
        first = ranked.iloc[0]
        fields = {
            "country": escape_markdown(
                in_sentence(country_name(str(first["iso3"]), str(first["country"])))
            ),
            "total": millions(first["total"]),
            "share": percent(100 * first["oip"] / first["total"], 0) if first["total"] else "",
        }
        if first["refugee_rank"] == 1:
            continue  # the leader is the same either way: nothing to explain
        if pd.isna(first["refugee_rank"]):
            text = (
                _(
                    "{country} hosted the most ({total}, {share} of them other people in need "
                    "of international protection) and no refugee under UNHCR's mandate."
                )
                if role == "host"
                else _(
                    "{country} was the largest origin ({total}, {share} of them other people "
                    "in need of international protection) and the origin of no refugee under "
                    "UNHCR's mandate."
                )
            )
        else:
            fields["place"] = _place(first["refugee_rank"])
            text = (
                _(
                    "{country} hosted the most ({total}, {share} of them other people in need "
                    "of international protection); by refugees alone it would rank {place}."
                )
                if role == "host"
                else _(
                    "{country} was the largest origin ({total}, {share} of them other people "
                    "in need of international protection); by refugees alone it would rank "
                    "{place}."
                )
            )
        sentences.append(sentence_starts(text.format(**fields)))  # 'The United States ...'
    return " ".join(sentences)


def letter_refugees_sentence(comparison: pd.DataFrame, year: int) -> str:
    """The letter's count of refugees (UNHCR's and UNRWA's mandates) beside Global
    Trends' current refugee total, which adds other people in need of international
    protection; nothing to say before UNHCR counted them."""
    now = comparison[year]
    letter_count = now["refugees"] + now["unrwa_refugees"]
    if year < OIP_FIRST_YEAR or not now["oip"]:
        return ""
    return _(
        "The January 2021 letter counts refugees under UNHCR's and UNRWA's mandates: "
        "{letter_count} at the end of {year}. Global Trends' refugee total now adds the "
        "{oip} other people in need of international protection: {total}."
    ).format(
        letter_count=millions(letter_count),
        year=year,
        oip=millions(now["oip"]),
        total=millions(letter_count + now["oip"]),
    )


def new_displacement_paragraph(arrivals: pd.DataFrame, year: int, internal_in_data: bool) -> str:
    """New arrivals abroad in `year` (`new_displacement.arrivals_by_kind`), the change
    on the year before, and what the data say, or do not say, about new internal
    displacement."""
    kinds: dict = arrivals.astype("Float64").to_dict(orient="index")  # kind -> year -> n
    fields = {
        "year": year,
        "before": year - 1,
        "total": millions(kinds["total"][year]),
        "total_before": millions(kinds["total"][year - 1]),
        "asylum": millions(kinds["asylum_seekers"][year]),
        "refugees": millions(kinds["refugees"][year] + kinds["refugee_like"][year]),
    }
    sentences = [
        _(
            "In {year}, UNHCR recorded **{total}** new arrivals abroad ({total_before} in "
            "{before}): {asylum} new asylum applications and {refugees} refugees recognised as "
            "a group, given temporary protection or in refugee-like situations."
        ).format(**fields)
    ]
    oip = kinds["oip"][year]
    if pd.isna(oip):
        sentences.append(
            _(
                "Other people in need of international protection were not counted yet; UNHCR "
                "records their arrivals from {first}."
            ).format(first=OIP_FIRST_YEAR)
        )
    else:
        sentences.append(
            _("A further {oip} other people in need of international protection arrived.").format(
                oip=millions(oip)
            )
        )
    if not internal_in_data:
        sentences.append(
            _(
                "New internal displacement in the year is not in the data: IDMC's table in "
                "UNHCR's database gives the number of internally displaced people at the end "
                "of each year, not the displacements during it."
            )
        )
    return " ".join(sentences)
